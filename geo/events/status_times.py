"""Days that date a report, not a happening: "As of 07:00 on 12 May, rescuers were still
clearing the rubble of a strike on X on 11 May", "By Tuesday evening, 14 bodies had been found".
The time a count or a situation is given at is no event's day, and what follows it goes on with
the day the story told (or the page's), not with the hour of the tally.
"""

from __future__ import annotations

import re

from geo.rules import on, switch

# "As of 07:00 on", "as at 9 a.m. local time on", "As of" ; "By Wednesday afternoon," opening a sentence.
_AS_OF = re.compile(r"\bas (?:of|at)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*"
                    r"(?:\(?[A-Za-z]{2,5}\)?\s+time\s+|[A-Z]{2,4}\s+)?|noon\s+|midday\s+|midnight\s+)?(?:on\s+)?(?:the\s+)?$",
                    re.I)
_BY_OPENING = re.compile(r"^\W*by\s+(?:(?:early|late)\s+)?(?:on\s+)?$", re.I)
_PART_OF_DAY = re.compile(r"\s*(?:morning|afternoon|evening|night|noon|midday|\d{1,2}[:.]\d\d)?\s*,", re.I)
switch("status_time_is_no_event_day", "'As of 07:00 on 12 May, firefighters were still putting out the fire from the "
       "shelling on 11 May', 'By Tuesday evening, 14 bodies had been found': the time a count or a situation is "
       "given at dates no event; the day the sentence names for the happening does")


# "As of 22:00 on February 10, Russian forces had attacked near X 12 times": a General Staff tally taken
# as the day closes counts that day's happenings, and its day is theirs.
_HOUR = re.compile(r"\b(\d{1,2})(?:[:.]\d\d)?\s*(?:(p)\.?m\.?)?|\b(midnight)\b", re.I)
_CLOSING_HOUR = 18
switch("evening_tally_dates_its_day", "'As of 22:00 on February 10, Russian forces had attacked Ukrainian positions "
       "12 times' (a General Staff update): a tally taken as the day closes, at 18:00 or later, counts that day's "
       "happenings, so its day is theirs; a morning or midday one ('As of 07:00 on 12 May') dates nothing")


def _day_closing(as_of: str) -> bool:
    m = _HOUR.search(as_of)
    if m is None or not on("evening_tally_dates_its_day"):
        return False
    if m.group(3):
        return False  # midnight opens a day: what was counted by then is the day before's
    hour = int(m.group(1)) + (12 if m.group(2) and int(m.group(1)) < 12 else 0)
    return _CLOSING_HOUR <= hour <= 23


def at_status_time(text: str, start: int, end: int) -> bool:
    """Whether the date ``text[start:end]`` is the time a tally is given at ("As of ... on <date>",
    a sentence opening "By <date> [evening],"), not a day something happened on."""
    if not on("status_time_is_no_event_day"):
        return False
    before = text[max(0, start - 40):start]
    if (m := _AS_OF.search(before)) is not None:
        return not _day_closing(m.group())
    if _BY_OPENING.match(text[:start]) and _PART_OF_DAY.match(text, end):
        return True  # "By Wednesday afternoon, 23 people had been found dead": not "by Monday's strike"
    return False
