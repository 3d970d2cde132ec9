"""News feeds and digests: an item is a heading with its link below it, sometimes with no prose at
all. The heading is then the item's report, not a title above the sentence that reports it."""

from __future__ import annotations

import re

from geo.rules import on, switch

# " - [https://example.com/2024/08/07/slug](https://...)" or a bare " - https://..." line
_LINK_LINE = re.compile(r"\s*(?:[-*•]\s*)?(?:\[\s*)?(?:https?://|www\.)\S*", re.I)

switch("feed_item_heading", "in a news feed a heading with its link line below it is the item itself: "
       "the heading is what the item reports, the link only repeats it in a URL")


def link_follows(rest: str) -> bool:
    """Whether what follows a page's headings is a link line, not prose: a feed item's heading."""
    return on("feed_item_heading") and _LINK_LINE.match(rest) is not None
