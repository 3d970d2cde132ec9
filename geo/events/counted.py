"""A day counted from another event: "a day after the agreement was signed", "two days after the
strike on X". The day is that event's day, as the text dated it earlier, plus the days counted; when
the text never dated that event, the sentence keeps the day it had.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.events.numbers import number
from geo.rules import on, switch

_AFTER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)\s+after\s+"
                    r"(?P<what>[^,;:.]{3,120})", re.I)
_CAME = re.compile(r"\b(?:comes?|came|follows?|followed|coming)\s+(?:exactly\s+|just\s+|only\s+|almost\s+|nearly\s+)?$",
                   re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words of the "after" clause that name no event of their own.
_FILLER = set("""after that this these those their there which where when while with from into onto over under
about against between during before since until being been were was have has had having said says would could
should other another first second third last later earlier previous latest recent people forces troops russian
ukrainian russia ukraine officials official""".split())
switch("day_counted_from_an_event", "'A day after the agreement was signed, shells hit X': a day counted from another "
       "event is that event's day, as the text dated it earlier ('The agreement was signed on 10 March'), plus the days "
       "counted; when the text never dated it, the sentence keeps its day")


def _keys(what: str) -> list[str]:
    """The words of an 'after' clause that name its event, cut to a stem ('signed' -> 'signe')."""
    words = re.findall(r"[A-Za-z]{5,}", what)
    return [w.lower()[:5] for w in words if w.lower() not in _FILLER]


def day_counted_from_an_event(sentence: str, before: str, find_date, article: date | None) -> str | None:
    """The day ``sentence`` states by counting from an event the text (``before`` it) dated, else None."""
    if not on("day_counted_from_an_event"):
        return None
    m = _AFTER.search(sentence)
    if m is None or _CAME.search(sentence[:m.start()]):
        return None  # "The blasts came a week after ...": the earlier event is the news (comes_after)
    n = 1 if m["n"].lower() in ("a", "an") else number(m["n"])
    keys = _keys(m["what"])
    if not n or not keys:
        return None
    for earlier in reversed(_SENTENCE_END.split(before[-3000:])):
        low = earlier.lower()
        if any(re.search(r"\b" + k, low) for k in keys) and (found := find_date(earlier, article)) is not None:
            day = date.fromisoformat(found[1][:10]) + timedelta(days=n * (7 if m["unit"].lower().startswith("week") else 1))
            return day.isoformat() if article is None or day <= article else None  # no day after the page's
    return None
