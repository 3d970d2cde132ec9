"""When it happened: dates a sentence states, resolved against the article's date.

Explicit dates ("On 13 July 2023", "July 13", "13.07.2023", "2023-07-13") win; relative ones
("yesterday", "on Monday", "overnight", "last week", "two days ago") need the article's date.
A year alone ("in 2022") or a month alone names a period, not a day, and is ignored.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.events.numbers import number
from geo.events.periods import HOLIDAY, between_day, holiday, opening
from geo.events.status_times import at_status_time
from geo.rules import on, switch
# Days told from another day live in geo.events.told_days; imported here for the callers that read them here.
from geo.events.told_days import (  # noqa: F401
    comes_after, day_told_from, earlier_by, same_day, shifted, told_day,
)

MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for m in names}
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# A range ("the night of 12 to 13 March", "12-13 March") is dated by its first day.
_RANGE = r"(?:\s*(?:-|–|to|and|into)\s*[0-3]?\d(?:st|nd|rd|th)?)?"

RULES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(pattern, re.I), reason) for name, pattern, reason in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", "ISO date"),
        ("dotted", r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b",
         "European day.month.year"),
        ("dotted_no_year", r"\bon (?P<day>[0-3]?\d)\.(?P<month>[01]\d)(?:\.(?!\d)|(?![.\d,]))", "'On 10.02. Russian troops ...': "
         "European day.month, the article's year"),
        ("slashed", r"\b(?P<day>[0-3]?\d)/(?P<month>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b",
         "European day/month/year ('10/02/2025'), as Ukrainian and European outlets write it"),
        ("short_year", rf"\b{_DAY}\s+(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?\s+"
                       r"(?P<year>\d\d)\b(?![\d:.,]\d|\s*(?:%|km|kilomet|mile|people|percent))",
         "'On 9 Feb 25' (UK Defence Intelligence style): a two-digit year"),
        ("between", rf"\bbetween\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|-|–)\s+{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b",
         "'between 4 and 10 March': a span, coded at its first day (geo.events.periods)"),
        ("day_month", rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", "13 July 2023 (ACLED, UK style)"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:km|kilomet|mile|%|people|percent))" + _YEAR,
         "July 13, 2023 (US style)"),
        ("yesterday", r"\b(?:the day before yesterday|yesterday)\b", "one day (or two) before the article"),
        ("today", r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today|overnight|(?:have|has) now|"
                  r"on the night|at night|during the night)\b", "the article's day"),
        ("last_night", r"\blast night\b", "the evening before the article"),
        ("days_ago", r"\b(?P<n>\w+) days? ago\b", "counted back from the article"),
        ("last_week", r"\blast week\b|\ba week ago\b", "a week before the article"),
        ("weekend", r"\b(?:over|during|at|on) the (?:past |last )?weekend\b", "the weekend's Saturday on or before the article"),
        ("ordinal_day", r"\bon the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                        r"oct|nov|dec|day|anniversary|floor|storey|story|century|time|attempt|round|of\b))",
         "'on the 10th': that day of the article's month (of the latest month before that has it when it is still to come)"),
        ("holiday", HOLIDAY, "Christmas Day, New Year's Eve: a fixed-date holiday (geo.events.periods)"),
        ("weekday", r"\b(?:on |last |this |early |late |on the night of )?(?P<weekday>monday|tuesday|"
                    r"wednesday|thursday|friday|saturday|sunday)\b", "the latest such day on or before the article"),
    ))


def parse_iso(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def find_date(text: str, article: date | None) -> tuple[int, str] | None:
    """(offset, ISO date) of the first date ``text`` states that can be resolved, else None."""
    if not _MAYBE.search(text):
        return None
    explicit, relative, kinds = [], [], []
    reports: list[tuple[str, int, int, str]] = []  # the day a statement was made: "said on Tuesday that"
    said = on("report_day_yields_to_event_day")
    for rank, (name, rx, _) in enumerate(RULES):
        if name in _SWITCHED and not on(_SWITCHED[name]):
            continue
        for m in rx.finditer(text):
            if at_status_time(text, m.start(), m.end()):
                continue  # "As of 07:00 on 12 May, ...": the tally's time, no event's day
            day = _resolve(name, m, article)
            if day is not None:
                if said and _SAID.search(text, max(0, m.start() - 40), m.start()):
                    reports.append((name, m.start(), rank, day.isoformat()))
                    continue  # a later match of the same kind may be the event's own day
                if name in _EXPLICIT:
                    explicit.append((m.start(), rank, day.isoformat()))
                else:
                    relative.append((m.start(), day.isoformat()))
                    kinds.append(name)
                break
    if reports and not (explicit or any(k not in _VAGUE for k in kinds)):
        for name, at, rank, day in reports:  # no other day named: the statement's is the best there is
            if name in _EXPLICIT:
                explicit.append((at, rank, day))
            else:
                relative.append((at, day))
                kinds.append(name)
    # "On the night of 12 to 13 March": the stated day beats the relative words before it.
    if explicit:
        at, _, day = min(explicit)  # at one offset, the rule listed first ("9 Feb 25" before "9 Feb")
        return at, day
    if on("vague_yields_to_named_day"):
        relative = [r for r, name in zip(relative, kinds) if name not in _VAGUE] or relative
    return min(relative) if relative else None


# "The governor said on Tuesday that Russian forces shelled X on Sunday", "In a statement on Tuesday,
# ...": the day a statement was made yields to a day the sentence names for what it tells.
_SAID = re.compile(r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|stated|announced|reported|wrote|posted|added|statement|"
                   r"address|briefing|update|report)\s+(?:late\s+|early\s+)?$", re.I)
switch("report_day_yields_to_event_day", "'The governor said on Tuesday that Russian forces shelled Kharkiv on Sunday', "
       "'In a statement on Tuesday, the governor said ... on Monday': the day the statement was made yields to the "
       "day the sentence names for the event (not to 'overnight' or 'today', which count from the statement)")


# What every rule needs somewhere: a digit, a month, a weekday or a relative word (a cheap gate).
_MAYBE = re.compile(r"\d|christmas|new year|yesterday|today|tonight|night|morning|afternoon|evening|ago|week|now|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|" + "|".join(MONTHS), re.I)
_EXPLICIT = {"holiday", "iso", "dotted", "dotted_no_year", "slashed", "short_year", "between", "day_month", "month_day"}
_SWITCHED = {"dotted_no_year": "day_dot_month", "slashed": "slashed_day_month_year", "short_year": "two_digit_year", "ordinal_day": "day_of_the_month_alone",
             "holiday": "holiday_names_its_day"}
switch("slashed_day_month_year", "'On 10/02/2025 Russian troops shelled ...': a slashed date is day/month/year in "
       "Ukrainian and European copy (month/day only when the first number cannot be a month)")
switch("day_dot_month", "'On 10.02. Russian troops shelled ...': day.month with no year, in the article's year (the "
       "year before when that day is still to come)")
switch("two_digit_year", "'On 9 Feb 25, Russian aircraft struck ...' (UK Defence Intelligence): a two-digit year after "
       "an abbreviated month dates the day even on a page that states no date of its own")
switch("day_of_the_month_alone", "'On the 10th, Russian troops shelled ...': the 10th of the article's month, or of the "
       "month before when the 10th is still to come")
# "overnight", "today", "at night" say only that it was recent: a day the sentence names beside them
# ("overnight Sunday to Monday", "at night from Saturday to Sunday", "overnight into Sunday",
# "the overnight attack is linked to Monday's killing") is the day.
_VAGUE = {"today"}
switch("vague_yields_to_named_day", "'Russia overnight Sunday to Monday fired ...', 'At night from Saturday to Sunday': "
       "'overnight', 'at night' or 'today' yield to a weekday, 'yesterday' or 'last night' the same sentence names "
       "(a night is dated by the day it began, as ACLED dates it)")


switch("slashed_date_not_after_the_page", "'On 03/12/2022' on a page of 12 March 2022: a slashed date that read as "
       "day/month would be after the page's day, and as month/day is not, is in US order")


def _us_order(day: int, month: int, year: str, article: date | None) -> bool:
    if article is None or not on("slashed_date_not_after_the_page"):
        return False
    try:
        return date(int(year), month, day) > article + timedelta(days=2) >= date(int(year), day, month)
    except ValueError:
        return False


def month_number(token: str) -> int | None:
    """'Feb.', 'february', '02' -> 2."""
    return int(token) if token.isdigit() else MONTHS.get(token.lower().rstrip("."))


def _resolve(name: str, m: re.Match[str], article: date | None) -> date | None:
    g = m.groupdict()
    if name == "holiday":
        return holiday(g["holiday"], article) if article is not None else None
    if name in _EXPLICIT:
        month = month_number(g["month"])
        day, year = (between_day(g["first"], g["day"]) if name == "between" else int(g["day"])), g.get("year")
        if name == "slashed" and (month > 12 >= day or _us_order(day, month, g["year"], article)):
            month, day = day, month  # "02/25/2025", or "03/12/2022" on a page of 12 March 2022: US order
        if name == "short_year":
            year = 2000 + int(year)
            if article is not None and abs(year - article.year) > 1:
                return None  # "9 Feb 25 drones": a count, not a year
        if year is None:
            if article is None:
                return None
            year = article.year
            # "On 30 December" in an article of 2 January is last year's.
            try:
                if date(year, month, day) > article + timedelta(days=2):
                    year -= 1
            except ValueError:
                return None
        try:
            return date(int(year), month, day)
        except (ValueError, TypeError):
            return None
    if article is None:
        return None
    if name == "yesterday":
        return article - timedelta(days=2 if m.group(0).lower().startswith("the day") else 1)
    if name == "today":
        return article
    if name == "last_night":
        return article - timedelta(days=1)
    if name == "days_ago":
        n = number(g["n"])
        return article - timedelta(days=n) if n is not None and 0 < n < 60 else None
    if name == "last_week":
        return article - timedelta(days=7)
    if name == "ordinal_day":
        day = int(g["day"])
        for back in (0, 1, 2):  # "on the 31st" on 2 May: 31 March (April has no 31st)
            y, mo = divmod(article.year * 12 + article.month - 1 - back, 12)
            try:
                found = date(y, mo + 1, day)
            except ValueError:
                continue
            if found <= article:
                return found
        return None
    if name == "weekend":
        # "over the weekend" in Sunday's paper is that day; later in the week, the Saturday before
        return article if article.weekday() == 6 else article - timedelta(days=(article.weekday() - 5) % 7)
    if name == "weekday":
        back = (article.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        return article - timedelta(days=back)
    return None


# "In Zelensky's latest address on Thursday evening, July 21, ...", then the address itself: a page
# that reprints a statement is dated by the statement; its "today" is the day it was given.
_STATEMENT = re.compile(r"\b(?:address|speech|statement|briefing|remarks|video message|evening message)\b"
                        r"(?P<after>[^.;!?]{0,80})", re.I)
switch("statement_day", "'In Zelensky's latest address on Thursday evening, July 21, ...' over the reprinted address "
       "(published the next day): the address's 'today' and its undated strikes are of the day it was given")


def statement_dated(doc):
    """``doc`` dated by the statement its opening says it reprints, when that was a day or three
    before the page's date; else ``doc``."""
    from dataclasses import replace

    article = parse_iso(doc.date)
    if article is None:
        return doc
    day = None
    if on("statement_day"):
        m = _STATEMENT.search(opening(doc.text[:300].split("\n", 1)[0]))
        found = find_date(m["after"], article) if m else None
        day = parse_iso(found[1]) if found else None
    if day is None and on("assessment_day"):
        day = _assessment_day(doc.text, article)
    if day is None or not timedelta(days=1) <= article - day <= timedelta(days=3):
        return doc
    return replace(doc, date=day.isoformat())


_STATED = [rx for name, rx, _ in RULES if name in ("day_month", "month_day")]
switch("assessment_day", "an ISW-style assessment published on February 7 tells what happened on February 6, and says "
       "so again and again ('on February 6'): its sentences that state no day are of that day, not the page's")


def _assessment_day(text: str, article: date) -> date | None:
    """The day a text states most, when it states it three times or more, in most of its dated
    sentences, and it is a day or three before the page's date."""
    days: dict[date, int] = {}
    for rx in _STATED:
        for m in rx.finditer(text[:100_000]):
            day = _resolve("day_month" if rx is _STATED[0] else "month_day", m, article)
            if day is not None:
                days[day] = days.get(day, 0) + 1
    if not days:
        return None
    top, n = max(days.items(), key=lambda x: (x[1], x[0]))
    return top if n >= 3 and n * 2 > sum(days.values()) else None


switch("last_day_told_carries", "'Last week, he announced a plan. At the same time, Ukraine struck Russia overnight "
       "Saturday into Sunday. Russia said it shot down 230 drones': the day a sentence told last, not its first, is "
       "the day the sentences after it go on with")


def last_date(text: str, article: date | None) -> tuple[int, str] | None:
    """The date the last part of ``text`` that states one states (what the next sentence goes on
    from), else None. Parts: what a full stop, a semicolon or a line break closes inside a sentence
    the splitter kept whole (markup: '... the United States.</p>\\n<p>At the same time ...')."""
    first = find_date(text, article)
    if first is None or not on("last_day_told_carries"):
        return first
    for m in reversed(list(_PART.finditer(text))):
        found = find_date(m.group(), article)
        if found is not None:
            return (m.start() + found[0], found[1])
    return first


_PART = re.compile(r"(?:[^.;\n]|\.(?!\s))+")


_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_ESCAPED_BLANK, _ESCAPED_BREAK = re.compile(r"\n\s*\n|\\n\s*\\n"), re.compile(r"\n|\\n")
switch("lines_are_paragraphs", "a page copied as lines with no blank line between its paragraphs ('... on 25 February, "
       "the spokesman told.\\nRussian forces are also pushing toward Lyman'): each line is a paragraph, and a day "
       "told in one does not run on into the next")


def paragraph_breaks(text: str) -> list[int]:
    """Where the paragraphs a day told runs through end: blank lines, or, in a text of many
    lines with none blank, every line break."""
    blank, line = _BLANK_LINE, _LINE_BREAK
    if on("escaped_line_breaks") and text.count("\\n") > text.count("\n"):
        blank, line = _ESCAPED_BLANK, _ESCAPED_BREAK  # scraped copy whose breaks are written out
    breaks = [m.start() for m in blank.finditer(text)]
    if breaks or not on("lines_are_paragraphs") or len(line.findall(text)) < _MANY_LINES:
        return breaks
    return [m.start() for m in line.finditer(text)]


_MANY_LINES = 5
switch("paragraph_of_the_body", "'... the United States.</p>\\n<p>At the same time, Ukraine struck Russia overnight "
       "Saturday into Sunday. Russia said it shot down 230 drones': a sentence the splitter began before a line break "
       "is in the paragraph its words are in, so the day it tells runs on to the sentences after it there")
