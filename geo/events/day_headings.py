"""A heading that dates what follows: "Situation as of 31 December 2024", "Daily update, 30 Dec",
"Update for 14 December:". An official round-up or a digest puts its day in a heading over its
paragraphs; every paragraph under it, until the next such heading, is of that day, and its
"yesterday" counts from it. A date with no year takes the page's (last year's across the year end).
"""

from __future__ import annotations

import re
from datetime import date

from geo.rules import on, switch

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"|" + _MONTH +
        r"\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+(?:19|20)\d\d)?")
_HEADING = re.compile(r"^\W*(?:(?:(?:daily|morning|evening|weekly|operational|latest)\s+)?(?:situation(?:\s+report)?|"
                      r"update|report|summary|briefing|sitrep|round-?up|digest|overview)(?:\s+\w+){0,3}?\s*"
                      r"(?:as\s+of|for|on|of|[,:\-–—|])\s*|as\s+of\s+)(?P<day>" + _DAY + r")\W*$", re.I)
switch("heading_dates_what_follows", "'Situation as of 31 December 2024', 'Daily update, 30 Dec' as a heading: every "
       "paragraph under it, until the next such heading, is of that day (a day with no year in the page's year, last "
       "year's across the year end), and its 'yesterday' counts from it")


def heading_day(line: str, find_date, page_day: date | None) -> str | None:
    """The day a date heading states (never after the page's day), else None."""
    if not on("heading_dates_what_follows") or len(line) > 80 or not (m := _HEADING.match(line.strip())):
        return None
    return _day_stated(m["day"], find_date, page_day)


def _day_stated(words: str, find_date, page_day: date | None) -> str | None:
    """The day ``words`` state, unless it is after the page's own day (a date misread as the day's)."""
    found = find_date(words, page_day)
    if found is None or page_day is not None and date.fromisoformat(found[1][:10]) > page_day:
        return None
    return found[1][:10]


switch("headline_day_carries", "'The death toll from Russian strikes on Ukraine on Dec 29 has risen to 39' as a feed "
       "item's standfirst line, then 'The strikes targeted six regions': a headline or standfirst line that dates its "
       "story dates the undated sentences of its paragraph, as a sentence would")


_LINE = 200  # a headline or standfirst, not a paragraph


def headline_day(line: str, page_day: date | None, find_date) -> str | None:
    """The day a headline or standfirst line states for its story (never after the page's day)."""
    line = line.strip()
    if not on("headline_day_carries") or not line or "\n" in line or len(line) > _LINE:
        return None  # lines cut off hard-wrapped copy are no headline
    return _day_stated(line, find_date, page_day)
