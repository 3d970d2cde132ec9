"""HTML markup left in copied or fed pages: a tag and its attributes are no words of the article.
An ``<img alt="..." title="...">`` in a feed item carries a photo's caption, often of a day and a
place the item does not report ("a man clears glass after a missile attack in X, Sunday, Dec. 31"),
and a ``<span style="...">`` carries none at all. The extractor reads the parse with every tag
blanked out at the same offsets (as geo.text.typography reads web typography plain), and without
the place names inside tags; the text between tags, the article's own, is read as it stands.
Switch: ``markup_is_no_text``. So too an ISW "Order of Battle:" note run on after a bold lead that
ends in a footnote link ("...on February 20.[[xv]](https://...)** Order of Battle: drone operators of
the 80th Brigade (Leningrad Military District) are striking Ukrainian forces in the X direction"):
the parse keeps it in the lead's sentence, where its units' districts and sectors would be read as
the lead's places (switch ``order_of_battle_run_on``; a note that opens its sentence is
geo.events.not_event's ``order_of_battle``).

A sentence that starts with a blanked tag (an image opening a feed item) starts after it, so that the
event's source sentence, which the reader is shown, is the article's own words; so does a body
sentence glued to a page's front matter (``body_after_front_matter``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from geo.rules import on, switch
from geo.text.typography import as_written
from geo.types import Sentence

# A tag with attributes, where captions and styles sit; not "<10 km" nor an ISW footnote link's
# "<#_edn...>". Bare "<p>" and "</p>" stay: the parse may not break sentences at them, and what a
# run of paragraphs glued into one sentence reports is read as it was. A link's tag stays too: its
# address tells page furniture ('<a href=".../video/...">Russia launches largest air attack</a>').
_TAG = re.compile(r"<(?![aA]\s)[A-Za-z][\w:-]*\s[^<>]*>", re.S)
_ORDER_OF_BATTLE = re.compile(r"\bOrder of Battle\s*:")
switch("order_of_battle_run_on",
       "'... on February 20.[[xv]](https://...)** Order of Battle: drone operators of the 80th Brigade (Leningrad "
       "Military District) are striking Ukrainian forces in the X direction': a unit note run on after a lead in one "
       "sentence names where units come from and operate, not where the lead's action happened")
switch("markup_is_no_text",
       "'<img alt=\"Rescuers at a house hit by a drone in X\" title=\"... Sunday, Dec. 31\">' in a feed item: an "
       "HTML tag's attributes caption a photo or style the page; they are no sentence of the article and name "
       "no place of its events")


def without_markup(parsed):
    """``parsed`` with its HTML tags blanked (same length, line breaks kept) and the mentions in them
    dropped; the mentions of an Order of Battle note run on after a lead dropped too (its words stay:
    the lead's sentence is still read as the lead and its note)."""
    text = parsed.doc.text
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)] if "<" in text and on("markup_is_no_text") else []
    notes = _run_on_notes(text, parsed.sentences) if "Order of Battle" in text and on("order_of_battle_run_on") else []
    if not tags and not notes:
        return parsed
    plain = text
    if tags:
        parts, at = [], 0
        for a, b in tags:
            parts += [text[at:a], re.sub(r"[^\n]", " ", text[a:b])]
            at = b
        plain = "".join(parts) + text[at:]
    spans = sorted(tags + notes)
    starts = [a for a, _ in spans]

    def hidden(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return any(spans[j][0] <= i < spans[j][1] for j in range(max(0, k - 1), k + 1))

    return replace(parsed, doc=replace(parsed.doc, text=plain),
                   sentences=[_from_words(as_written(s, plain)) for s in parsed.sentences],
                   resolutions=[replace(r, mention=as_written(r.mention, plain)) for r in parsed.resolutions
                                if not hidden(r.mention.start)])


_OPENING = re.compile(r"(?:\s*<(?:p|div|span|br|strong|b|em)\s*/?>)*\s*", re.I)


def _from_words(s):
    """The sentence from its first word: a tag that opened it is blank now, and bare paragraph tags
    after it ('<img ... /><p>Russia said ...') are no words either."""
    k = _OPENING.match(s.text).end()
    return s if k == 0 or k == len(s.text) else replace(s, start=s.start + k, text=s.text[k:])


def _run_on_notes(text: str, sentences) -> list[tuple[int, int]]:
    """(start, end) of each "Order of Battle:" note that follows other words in its sentence."""
    starts = [x.start for x in sentences]
    out = []
    for m in _ORDER_OF_BATTLE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < sentences[k].end and re.search(r"\w", text[sentences[k].start:m.start()]):
            out.append((m.start(), sentences[k].end))
    return out


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
