"""Days told from another day: "the next day", "two days later", "the same day" count from the day
the text told last; "a day after X" and "came a week after X" count back from the sentence's day;
"the recent attack", "earlier this month" leave an action undated (split out of geo.events.dates).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.events.numbers import number
from geo.events.periods import opens_with_a_month
from geo.rules import on, switch

# "A day after Moscow's forces took control of Kherson, ...", "a week after two people were killed
# in similar blasts": what the "after" clause tells happened that long before the sentence's day.
_EARLIER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)\s+after\s+"
                      r"[^,;:.]{0,160}$", re.I)


def earlier_by(words_before: str) -> timedelta | None:
    """How long before the sentence's day an action told inside "N days after ..." happened."""
    m = _EARLIER.search(words_before[-200:])
    if m is None:
        return None
    n = 1 if m["n"].lower() in ("a", "an") else number(m["n"])
    if not n:
        return None
    return timedelta(days=n * (7 if m["unit"].lower().startswith("week") else 1))


def shifted(iso: str | None, by: timedelta | None) -> str | None:
    if iso is None or by is None:
        return iso
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return (day - by).isoformat()


_SAME_DAY = re.compile(r"\b(?:on|that|the) (?:the )?same (?:day|night|date)\b|\bthat same (?:day|night)\b", re.I)
switch("same_day", "'On February 21, missiles struck a plant. ... On the same day, drones struck a refinery': "
       "'the same day' is the day the text told last, in whatever paragraph")


def same_day(sentence: str) -> bool:
    return on("same_day") and bool(_SAME_DAY.search(sentence))


# "Russian troops shelled Orikhiv on May 6. The next day, drones hit Tokmak.": a day counted from
# the day the text told last, as "the same day" is.
_NEXT_DAY = re.compile(r"\b(?:the (?:next|following) (?:day|night|morning|evening)|a day later|the day after)\b(?!\s+(?:the|a|an|its|their)\b)",
                       re.I)
_DAY_BEFORE = re.compile(r"\b(?:the (?:previous|preceding) (?:day|night|evening)|a day earlier|the (?:day|night|evening) "
                         r"before(?!\s+(?:the|a|an|its|their|yesterday|last)\b))\b", re.I)
switch("next_day_from_the_day_told", "'Russian troops shelled Orikhiv on May 6. The next day, drones hit Tokmak.': "
       "'the next day', 'a day later', 'the previous day' count from the day the text told last")


_DAYS_LATER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)\b",
                         re.I)
switch("days_later_from_the_day_told", "'Russian drones struck X on 9 February. Two days later, shelling hit Y': 'two days "
       "later', 'a week earlier' count from the day the text told last, as 'the next day' does")


def day_told_from(sentence: str, told: str) -> str | None:
    """The day ``sentence`` states by the day the text told last (``told``, ISO): the same day,
    the day after or the day before; None when it states none."""
    if same_day(sentence):
        return told
    if not on("next_day_from_the_day_told"):
        return None
    if on("days_later_from_the_day_told") and (m := _DAYS_LATER.search(sentence)):
        n = 1 if m["n"].lower() in ("a", "an", "one") else number(m["n"])
        if n:
            by = timedelta(days=n * (7 if m["unit"].lower().startswith("week") else 1))
            return shifted(told, -by if m["dir"].lower().startswith("later") else by)
    if _NEXT_DAY.search(sentence):
        return shifted(told, timedelta(days=-1))
    if _DAY_BEFORE.search(sentence):
        return shifted(told, timedelta(days=1))
    return None


# "The blasts on Tuesday come one week after at least one person was killed in similar explosions
# at an air base": the subject is the news already told; the event is the one after "after".
_COMES_AFTER = re.compile(r"\W*(?:the|these|those|this|it)\b[^,;:.]{0,60}?\b(?:comes?|came|follows?|followed)\s+"
                          r"(?:exactly\s+|just\s+|only\s+|almost\s+|nearly\s+)?(?P<n>a|an|one|two|three|four|five|six|"
                          r"seven|\d+)\s+(?P<unit>days?|weeks?)\s+after\s+", re.I)
switch("comes_after", "'The blasts on Tuesday come one week after an attack on an air base': the blasts are the news "
       "told before; the sentence's event is the attack, that long before their day")


def comes_after(sentence: str) -> tuple[int, timedelta] | None:
    """Where the earlier event's words start, and how long before the subject's day it happened."""
    m = _COMES_AFTER.match(sentence) if on("comes_after") else None
    if m is None:
        return None
    n = 1 if m["n"].lower() in ("a", "an") else number(m["n"])
    return (m.end(), timedelta(days=n * (7 if m["unit"].lower().startswith("week") else 1))) if n else None


# "57 people were killed earlier this month in strikes on a station": a period, no day of the article
_PERIOD = re.compile(r"\b(?:earlier|later) this (?:month|year)\b|\b(?:last|this|previous) month\b|"
                     r"\bin recent (?:days|weeks|months)\b|\bearlier in the (?:month|year|war)\b", re.I)
switch("period_is_undated", "'At least 57 people were killed earlier this month in strikes on a train station', "
       "'bodies discovered this month': an action the text puts in a month or in recent weeks, with no day of its "
       "own, is coded undated, not at the article's day")
_RECENT = re.compile(r"\b(?:the|a|this|that|their|its) (?:most )?recent (?:\S+ )?$", re.I)
switch("recent_is_undated", "'the recent attack on a TV tower in X': an attack the text calls recent, with no day "
       "of its own, is coded undated, not at the article's day")


def told_day(words_before: str, day: str | None, clause: str = "") -> str | None:
    """The day of an action from the words before its trigger: none for "the recent attack" or
    one its clause puts in a period ("earlier this month"), that long before ``day`` for one told
    inside "N days after ...", else ``day``."""
    if on("recent_is_undated") and _RECENT.search(words_before[-40:]):
        return None
    if on("period_is_undated") and _PERIOD.search(clause) or opens_with_a_month(words_before):
        return None
    return shifted(day, earlier_by(words_before))
