"""Periods and openings: where a span of days, a month or a quoted statement dates what a text tells.

One convention for spans, the dev set's (``dev/news/README.md``): a span of days is coded at its
first day, whichever way the copy writes it — "on the night of 2-3 May", "on February 6 and 7",
"from 4 to 10 March", "between 4 and 10 March", "overnight Sunday to Monday". A night named only by
its end ("overnight into Tuesday") is that day, as a bare "overnight" is the article's day.
"""

from __future__ import annotations

import re

from geo.rules import on, switch

switch("span_at_its_first_day", "'Between 4 and 10 March, Russian forces shelled X': a span of days is coded at its "
       "first day, as 'from 4 to 10 March' and 'on the night of 2-3 March' are (one convention for every period)")


def between_day(first: str | None, last: str) -> int:
    """The day a 'between D and D Month' span is coded at."""
    return int(first) if first and on("span_at_its_first_day") else int(last)


# "In April, it said its drones hit a refinery": a month (no day) opening a sentence puts all it tells
# in that month; the text states no day for it, so it is coded undated, not at the article's day.
_OPENING_MONTH = re.compile(r"^\W*(?:in|during|since|by|(?:early|late) in)\s+(?:early\s+|late\s+|mid-?)?(?:January|"
                            r"February|March|April|May|June|July|August|September|October|November|December)"
                            r"(?:\s+(?:19|20)\d\d)?\s*,", re.I)
switch("month_opening_the_sentence", "'In April, Ukraine said its drones hit a refinery in X': a month with no day that "
       "opens a sentence dates everything it tells to that month; what it tells has no day of its own (undated, not "
       "the article's day)")


def opens_with_a_month(words_before: str) -> bool:
    return on("month_opening_the_sentence") and bool(_OPENING_MONTH.search(words_before))


# "In the President's address on Thursday evening, July 21, he spoke of ...": a page that reprints a
# statement says so in its opening sentence; a round-up whose third sentence mentions "a video address
# late on Friday" is of its own day.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘]?[A-Z])")
switch("statement_in_the_opening_sentence", "a page is dated by the statement it reprints only when its opening "
       "sentence introduces it ('In his address on Thursday evening, July 21, ...'); a round-up that mentions 'a video "
       "address late on Friday' further into its lead keeps its own day")


def opening(line: str) -> str:
    """The part of a page's first line a reprinted statement's day is looked for in."""
    if not on("statement_in_the_opening_sentence"):
        return line
    return _SENTENCE_END.split(line, 1)[0]


# "after a Christmas Day demonstration", "the attack on New Year's Eve": a holiday with a fixed date
# names a day as surely as "25 December" does (the latest one on or before the article; one two days
# ahead is this year's, a page written on its eve). Holidays whose date differs by country or
# church ("Victory Day", "Independence Day", Easter) are left alone, bar Orthodox Christmas.
HOLIDAY = (r"\b(?P<holiday>(?:orthodox\s+)?christmas\s+(?:day|eve)|new\s+year['’]?s?\s+(?:day|eve)|"
           r"(?:orthodox\s+)?christmas(?=\s+(?:attack|strike|barrage|bombardment|morning|night)))\b")
switch("holiday_names_its_day", "'after a Christmas Day demonstration', 'Russia's New Year's Eve attack': a holiday "
       "with a fixed date (Christmas Eve and Day, Orthodox Christmas, New Year's Eve and Day) names that day, the "
       "latest one on or before the article")


def holiday(name: str, article):
    """The date of the fixed-date holiday ``name`` on or before ``article`` (two days' grace)."""
    from datetime import date, timedelta

    k = name.lower()
    if "new" in k:
        month, day = (12, 31) if "eve" in k else (1, 1)
    elif "orthodox" in k:
        month, day = (1, 6) if "eve" in k else (1, 7)
    else:
        month, day = (12, 24) if "eve" in k else (12, 25)
    found = date(article.year, month, day)
    return found if found <= article + timedelta(days=2) else date(article.year - 1, month, day)


# "DeepState said on Tuesday that Russia had taken two villages.\n\nHowever, the general staff said
# fighting went on there.": a paragraph that opens by answering the one before goes on with its day
# (a day told in a paragraph does not run past its end otherwise).
_CONNECTIVE = re.compile(r"\W*(?:however|but|yet|still|nevertheless|nonetheless|in response|in turn)\b", re.I)
switch("answering_paragraph_keeps_the_day", "'DeepState said on Tuesday that Russia had taken two villages.' then a new "
       "paragraph 'However, the general staff said fighting went on there': a paragraph opening with 'However', 'But', "
       "'Yet' answers the one before and goes on with the day it told")


def answers_the_paragraph_before(sentence: str) -> bool:
    return on("answering_paragraph_keeps_the_day") and bool(_CONNECTIVE.match(sentence))
