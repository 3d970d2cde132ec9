"""Page stamps of web copy, and the prose dates that are no page date.

A page's date is in its stamp when it has one: the line under the headline that holds the byline,
the reading time, the clock and its zone ("By Jane Doe | February 10, 2025 | 14:20", "3 min read ·
Feb 10, 2025", "Published 9:05 a.m. EST, Mon February 10, 2025"). Only where no stamp says it is
the first date in the prose read as the page's, and never a date inside a reported clause ("The
ministry reported that on 28 and 29 January ..."), which dates what was reported, not the page.
"""

from __future__ import annotations

import re

from geo.rules import on, switch

# "9:05 a.m. EST", "2:20 p.m. ET", "14.20 CET": the clock and its zone are no words of a heading.
_CLOCK = re.compile(r"(?<=\d)\s*[ap]\.?\s?m\b\.?", re.I)  # its digits are no words: only "a.m." is read apart
_ZONE_ALONE = re.compile(r"\b(?:EST|EDT|ET|CST|CDT|PST|PDT|CET|CEST|BST|MSK|IST)\b")
switch("clock_and_zone_in_a_stamp", "'Published 9:05 a.m. EST, Mon February 10, 2025', 'Updated: Feb. 10, 2025, 2:20 p.m. "
       "ET': a stamp's clock with a.m./p.m. and its time zone are no words that make the line a heading")

# "By Jane Doe | February 10, 2025 | 14:20", "3 min read · Feb 10, 2025": a byline or a reading time
# set off by a bar or a dot on the stamp's line.
_SEP = r"\s*[|·•—–]\s*"
_BYLINE_PART = re.compile(r"^by\s+[A-Za-z][\w.'’ ,&-]{0,60}?" + _SEP + r"(?=[^|·•]*\d)", re.I)
_READ_PART = re.compile(r"(?:^|" + _SEP + r")\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read(?:ing)?(?:\s+time)?(?:" + _SEP + r"|$)",
                        re.I)
switch("byline_and_reading_time_in_a_stamp", "'By Jane Doe | February 10, 2025 | 14:20', '3 min read · Feb 10, 2025': a "
       "stamp line that also holds the byline or the reading time, set off by a bar or a dot, is still the page's stamp")


def bare(line: str) -> str:
    """``line`` without the parts of a stamp that are not its date (a clock and zone, a byline, a
    reading time), by the rules switched on."""
    if on("byline_and_reading_time_in_a_stamp"):
        line = _READ_PART.sub(" ", _BYLINE_PART.sub("", line.strip()))
    if on("clock_and_zone_in_a_stamp"):
        line = _ZONE_ALONE.sub(" ", _CLOCK.sub(" ", line))
    return line


# "Last updated: 10 February 2025 14:20 GMT" or "February 10, 2025" alone, under the headline and a
# byline and caption: a stamp in the page's head dates the page. The head ends where the prose does
# begin, at its second sentence line (a photo's caption under the headline is one).
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
switch("stamp_in_the_page_head", "'Last updated: 10 February 2025 14:20 GMT' or a line holding only 'February 10, 2025' "
       "under a page's headline, byline and caption, before its body's prose begins, is the page's stamp")


def head_stamp(head: list[str], is_stamp, is_prose, find_date) -> str | None:
    """The date of a stamp line among ``head`` (the page's first lines) before its body begins."""
    if not on("stamp_in_the_page_head"):
        return None
    prose = 0
    for line in head:
        if is_prose(line) and (prose := prose + 1) > 1:
            return None
        if _YEAR.search(line) and is_stamp(line) and (date := find_date(bare(line))):
            return date
    return None


# "The ministry reported that on 28 and 29 January, two vessels left port": the date sits in the
# clause reported, so it dates that, not the page; "said on Tuesday that ..." (the day before "that")
# is the statement's day, read as before.
_REPORTED_THAT = re.compile(r"\b(?:reported|reports|said|says|stated|states|announced|announces|claimed|claims|noted|"
                            r"notes|added|confirmed|confirms|assessed|assesses|wrote|writes|revealed|indicated|"
                            r"told\s+\w+(?:\s+\w+)?)\s+(?:\w+\s+){0,3}?that\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z*])")
switch("reported_day_is_no_page_date", "'The ministry reported that on 28 and 29 January, two vessels left port': a date "
       "inside a reported clause dates what was reported, never the page (a page stamp or the coded date stands in)")


def prose_date(line: str, find_date) -> str | None:
    """The first date ``line`` states outside a reported clause (by the rule switched on)."""
    if not on("reported_day_is_no_page_date"):
        return find_date(line)
    for sentence in _SENTENCES.split(line):
        if (date := find_date(sentence)) is None:
            continue
        m = _REPORTED_THAT.search(sentence)
        if m and find_date(sentence[:m.end()]) is None:
            continue  # its first date is in the reported clause
        return date
    return None
