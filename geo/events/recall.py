"""Events a reader of war news codes that the extractor missed (issue 20, second recall round).
Each kind is a named switch with its reason; the stages ask it where they decide."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Sentence

# An analyst's footnote marks after the final stop: "... on February 26.[77]",
# "... overnight.[[xxii]](https://criticalthreats.org/analysis/<#_edn34>)".
_FOOTNOTES = re.compile(r"(?:\s*\[\[?[\w,. -]{1,12}\]\]?(?:\(<?[^()\s]*>?\))?)+\s*$")
switch("footnote_ends_no_heading", "'Russian forces attacked near X on February 26.[77]': a sentence whose final stop "
       "an analyst's footnote mark follows is a sentence, not a heading without a stop")


def without_footnotes(line: str) -> str:
    """The line without the footnote marks it ends in (a heading check sees its final stop)."""
    if not on("footnote_ends_no_heading") or "[" not in line:
        return line
    return _FOOTNOTES.sub("", line)


# A feed digest's item: its headline, then the item's link and the feed's stamps, one a line
# ("## 3 Killed in Strike on Kharkiv\n - [https://...](https://...)\n - RSS feed: ...\n - date published: ...").
_HEADING_MARK = re.compile(r"[ \t]*#{1,6}[ \t]+")
_FEED_LINE = re.compile(r"[ \t]*[-*][ \t]*(?:\[?<?https?://|RSS feed:|date published:)", re.I)
switch("feed_item_headline", "'## 3 Killed in Russian Strike on Kharkiv' over its link and the feed's stamps: a feed "
       "digest tells each item's event in its headline (the one line of prose below may not repeat it); the "
       "headline is the item's sentence, and the link's words are no text of it")


def feed_headline(s: Sentence) -> Sentence | None:
    """The headline of a feed item the sentence is (a heading over link and stamp lines only), else None."""
    if "\n" not in s.text or not on("feed_item_headline"):
        return None
    first, *rest = s.text.split("\n")
    mark = _HEADING_MARK.match(first)
    rest = [line for line in rest if line.strip()]
    if mark is None or not rest or not all(_FEED_LINE.match(line) for line in rest):
        return None
    title = first[mark.end():].rstrip()
    return Sentence(s.index, s.start + mark.end(), s.start + mark.end() + len(title), title) if title else None
