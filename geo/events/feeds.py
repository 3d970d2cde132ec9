"""News feeds and digests: an item is a heading with its link below it, sometimes with no prose at
all. The heading is then the item's report, not a title above the sentence that reports it; and
an item's own stamp line, not the page's date, dates what it reports."""

from __future__ import annotations

import re

from geo.events.dates import find_date
from geo.rules import on, switch
from geo.text.article_meta import is_stamp

# " - [https://example.com/2024/08/07/slug](https://...)" or a bare " - https://..." line
_LINK_LINE = re.compile(r"\s*(?:[-*•]\s*)?(?:\[\s*)?(?:https?://|www\.)\S*", re.I)

switch("feed_item_heading", "in a news feed a heading with its link line below it is the item itself: "
       "the heading is what the item reports, the link only repeats it in a URL")


def link_follows(rest: str) -> bool:
    """Whether what follows a page's headings is a link line, not prose: a feed item's heading."""
    return on("feed_item_heading") and _LINK_LINE.match(rest) is not None


switch("item_stamp_dates_its_item", "a feed or digest whose items each carry a stamp line ('Feb. 10, 2025', "
       "'Published: 10 February 2025 14:32', '2025-02-10T14:32:00Z') above their sentences: each item's events are "
       "of its own stamp's day, and its 'yesterday' counts from it, not from the page's date")


_ISO_T = re.compile(r"(?<=\d)T(?=\d)")  # "2025-02-10T14:32": the date read apart from its time
_DIGIT = re.compile(r"\d")


def item_day(lines: str, page_day=None) -> str | None:
    """The day a stamp line among ``lines`` (headings above a sentence) states, else None. A
    liveblog's day heading with no year ("Monday 10 February") takes the page's year."""
    if not on("item_stamp_dates_its_item"):
        return None
    for line in lines.split("\n"):
        if is_stamp(line) and (found := find_date(_ISO_T.sub(" ", line), None)) is not None:
            return found[1]
        if on("day_heading_dates_its_entries") and page_day is not None and is_stamp(line) and _DIGIT.search(line) \
                and (found := find_date(line, page_day)) is not None:
            return found[1]
    return None


switch("day_heading_dates_its_entries", "a liveblog's day heading with no year ('Monday 10 February') above its "
       "entries dates them as a feed item's stamp does, in the page's year")
