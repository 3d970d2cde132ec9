"""News feeds and digests: an item is a heading with its link below it, sometimes with no prose at
all. The heading is then the item's report, not a title above the sentence that reports it; and
an item's own stamp line, not the page's date, dates what it reports."""

from __future__ import annotations

import re

from geo.events.dates import find_date
from geo.rules import on, switch
from geo.text.article_meta import is_heading, is_stamp

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


switch("item_prose_retells_its_heading", "a feed item whose heading is followed by prose (the item's summary) tells "
       "its happening twice: 'Ukrainian Strike on Russia Kills One' over 'Air defences destroyed 13 missiles over the "
       "region' is one event, placed and dated by the prose; the heading alone is the event only when its item tells "
       "no event of that kind")

# A heading line with a link line right below it: where the next feed item starts.
_NEXT_ITEM = re.compile(r"\n([^\n]+)\n(?=\s*(?:[-*•]\s*)?(?:\[\s*)?(?:https?://|www\.))", re.I)


def _item_heading(sentence: str) -> bool:
    first, _, rest = sentence.partition("\n")
    return bool(rest) and is_heading(first.strip()) and link_follows(rest)


def _item_end(text: str, start: int) -> int:
    for m in _NEXT_ITEM.finditer(text, start):
        if is_heading(m.group(1).strip()):
            return m.start()
    return len(text)


def retold_in_its_item(events: list, text: str) -> list:
    """Events without a feed item's heading event when the item's own prose tells an event of its
    type: the heading is then the item's title for that event, not a second one."""
    if not on("item_prose_retells_its_heading"):
        return events
    drop = set()
    for i, e in enumerate(events):
        if not _item_heading(e.sentence.text):
            continue
        end = _item_end(text, e.sentence.end)
        if any(f.type == e.type and e.sentence.end <= f.sentence.start < end for f in events):
            drop.add(i)
    return [e for i, e in enumerate(events) if i not in drop] if drop else events
