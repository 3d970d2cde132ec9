"""Markup left in web copy (issue 20, ninth round: recall on copy of outlets the rules had not read):
a page's front matter glued to its body's first sentence, HTML image tags in a feed item. A reader
skips the markup and codes the sentence after it. Each kind is a named switch with its reason; the
extractor asks it where it decides."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Sentence

switch("body_after_front_matter", "'---\\ntitle: ...\\n---\\nRussian forces captured X on Thursday, an adviser said.': a "
       "page whose body starts on the line after its front matter's closing '---' has that first sentence glued to "
       "the metadata; the part after the block is the article's opening sentence, not metadata")


def after_front_matter(s: Sentence, end: int) -> Sentence | None:
    """The part of a sentence after a front matter block that ends inside it, or None (all metadata)."""
    if not (s.start < end < s.end) or not on("body_after_front_matter"):
        return None
    cut = end - s.start
    while cut < len(s.text) and s.text[cut].isspace():
        cut += 1
    rest = s.text[cut:]
    return Sentence(s.index, s.start + cut, s.end, rest) if len(rest.split()) >= 4 else None


# An HTML image tag left in a feed item's text ('<img alt="..." title="In this photo, a man clears glass
# after a missile attack in X. (Credit via AP)" width="620" /><p>Russia said ...'): its attributes are a
# caption, and the item's own sentence starts after the tag.
_IMAGE_TAG = re.compile(r"<img\b[^>]{0,5000}>", re.I)
_OPENING_TAGS = re.compile(r"(?:\s*<(?:p|div|span|br|strong|b|em)\b[^>]{0,200}>)*\s*", re.I)
_TAG = re.compile(r"<[A-Za-z][^<>]{0,5000}>")
switch("markup_in_feed_copy", "'<img alt=\"...\" title=\"a man clears glass after a missile attack in X (Credit via "
       "AP)\" /><p>Russia said it attacked ...': HTML left in a feed item's text is markup: an image tag's words are a "
       "photo's caption, not what the item reports, the item's sentence begins after the tag, and the quotation "
       "marks of a tag's attributes quote no one")


def image_tags(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _IMAGE_TAG.finditer(text)] if on("markup_in_feed_copy") and "<img" in text.lower() else []


def without_markup_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with the quotation marks inside HTML tags blanked (same offsets), for telling quotations."""
    if not on("markup_in_feed_copy") or "<" not in text:
        return sentences
    marks = [i for m in _TAG.finditer(text) for i in range(m.start(), m.end()) if text[i] in "\"'"]
    if not marks:
        return sentences
    chars = list(text)
    for i in marks:
        chars[i] = " "
    blank = "".join(chars)
    return [Sentence(s.index, s.start, s.end, blank[s.start:s.end]) for s in sentences]


def outside_image_tags(s: Sentence, tags: list[tuple[int, int]], text: str) -> Sentence | None:
    """The sentence, its part after an image tag it starts inside, or None when all of it is the tag's."""
    for a, b in tags:
        if a <= s.start < b or s.start <= a < s.end:
            if b >= s.end:
                return None if a <= s.start else s  # inside the tag; or the tag only begins at the end
            m = _OPENING_TAGS.match(text, b)
            cut = m.end() if m else b
            if cut >= s.end:
                return None
            return Sentence(s.index, cut, s.end, text[cut:s.end]) if a <= s.start + 3 or not text[s.start:a].strip() \
                else s
    return s
