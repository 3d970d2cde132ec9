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
geo.events.not_event's ``order_of_battle``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from geo.rules import on, switch
from geo.text.typography import as_written

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
                   sentences=[as_written(s, plain) for s in parsed.sentences],
                   resolutions=[replace(r, mention=as_written(r.mention, plain)) for r in parsed.resolutions
                                if not hidden(r.mention.start)])


def _run_on_notes(text: str, sentences) -> list[tuple[int, int]]:
    """(start, end) of each "Order of Battle:" note that follows other words in its sentence."""
    starts = [x.start for x in sentences]
    out = []
    for m in _ORDER_OF_BATTLE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < sentences[k].end and re.search(r"\w", text[sentences[k].start:m.start()]):
            out.append((m.start(), sentences[k].end))
    return out
