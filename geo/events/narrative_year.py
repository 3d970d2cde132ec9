"""The year of a day stated without one, in a story told in the past.

"On 24 February 2022 Russian forces invaded. ... On 27 February, they took the airport": read on a
page of July 2023, "27 February" is 2022's, the year the story is telling, not the page's. A reader
goes by the page's year while a yearless day lands near the page (news: "on March 14" in an
article of March 16) and by the story's year once it would land months back, where a writer of
news would have written the year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.events.dates import MONTHS, RULES, month_number
from geo.rules import on, switch

switch("narrative_year", "'On 24 February 2022 Russian forces invaded. On 27 February they took the airport', on a "
       "page of July 2023: a day stated without a year that would land months before the page is in the year the "
       "text last stated (the next or the one before where a year end lies within three months of that day); a "
       "date something runs 'since' states no such year")

# Further back than this, a news writer states the year; a yearless day that far back is the story's.
NEWS_REACH = timedelta(days=60)
# "In December 2022 ... On 3 January": the next year's, when the day is this close to the one told.
YEAR_END = timedelta(days=92)

_WITH_YEAR = {name: rx for name, rx, _ in RULES if name in ("iso", "dotted", "slashed", "day_month", "month_day")}
_YEARLESS = [_WITH_YEAR["day_month"], _WITH_YEAR["month_day"]]
# "in March 2022": the story's month, told from its first day
_MONTH_YEAR = re.compile(r"\b(?<!\d\s)(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                         r")\.?\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def _day(m: re.Match[str], year: int) -> date | None:
    month, day = month_number(m["month"]), int(m.groupdict().get("day") or 1)
    if m.re is _WITH_YEAR["slashed"] and month > 12 >= day:
        month, day = day, month  # "02/25/2025": US order, as geo.events.dates reads it
    try:
        return date(year, month, day)
    except ValueError:
        return None


# "since February 24, 2022": a period that runs to the page's day, not a story told back then
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)


def year_told(text: str, article: date | None) -> date | None:
    """The last day ``text`` states with its year, when that day is not after the page's."""
    last = None
    for rx in (*_WITH_YEAR.values(), _MONTH_YEAR):
        for m in rx.finditer(text):
            if m["year"] and not _SINCE.search(text, max(0, m.start() - 12), m.start()) \
                    and (day := _day(m, int(m["year"]))) is not None \
                    and (article is None or day <= article + timedelta(days=2)) \
                    and (last is None or m.start() > last[0]):
                last = (m.start(), day)
    return last[1] if last else None


def in_the_story(text: str, stated: tuple[int, str] | None, told: date | None,
                 article: date | None) -> tuple[int, str] | None:
    """``stated`` (find_date's answer for ``text``) moved into the story's year when it is a day
    stated without a year that the page's year puts months back."""
    if stated is None or told is None or article is None or not on("narrative_year"):
        return stated
    at, iso = stated
    day = date.fromisoformat(iso[:10])
    if day >= article - NEWS_REACH or told.year == day.year:
        return stated
    m = next((m for rx in _YEARLESS if (m := rx.match(text, at)) is not None), None)
    if m is None or m["year"]:
        return stated
    # the story's year; the next or the one before when that puts the day a year end away from the one told
    across = [d for y in (told.year + 1, told.year - 1) if (d := _day(m, y)) is not None and abs(d - told) <= YEAR_END]
    day = across[0] if across else _day(m, told.year)
    if day is None or day > article + timedelta(days=2):
        return stated
    return at, day.isoformat()
