"""Typography of web copy read as plain ASCII, character for character.

Pasted web copy sets "Ukraineʼs" with a modifier letter, "Oblast′s" with a prime, "the Kherson region" with
no-break or narrow spaces and "Kamianka‑Dniprovska" with a no-break hyphen; a reader sees the plain forms, and
the recogniser, the NER model and the event triggers were written for them. ``plain`` gives a same-length
copy with each such character replaced by its plain form, so every offset read on the copy indexes the
original: the document's text (and the content hash its id is) is never rewritten; only the parse reads
the copy, and what the parse returns is re-read from the original (``as_written``).

Zero-width marks are not here: dropping them changes lengths (geo/geoparse/web_copy.py maps them back).
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.rules import on, switch

switch("web_typography_read_plain",
     "web copy's curly, prime and modifier-letter apostrophes, no-break, narrow and thin spaces, and no-break "
     "hyphens and dashes joining a name ('Kamianka\u2011Dniprovska') are read as their plain forms, at the same offsets")

# One character for one: the lengths, hence every offset, stay those of the original. Curly quotation marks
# stay: they tell an opening from a closing one (geo/events/scope.py). The marks set for an apostrophe are
# one mark for the rules ("Ukraine’s forces" is "Ukraine's forces"); the NER model, though, labels
# "Ukraine’s X" in a Title Case headline better than "Ukraine's X", so the parse before the rules reads them
# as the curly apostrophe, the commonest in web copy (``apostrophe``).
_APOSTROPHES = "\u2019\u2018\u201b\u02bc\u2032\u00b4\u02b9"
_SAME_LENGTH = {ord(c): " " for c in "\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u205f\u3000"}
_SAME_LENGTH.update({ord("\u2010"): "-", ord("\u2011"): "-"})
_TABLES = {"'": {**_SAME_LENGTH, **{ord(c): "'" for c in _APOSTROPHES}},
           "\u2019": {**_SAME_LENGTH, **{ord(c): "\u2019" for c in _APOSTROPHES[2:]}}}
# A dash set solid between two words joins them as a hyphen does ("Kamianka–Dniprovska", "9–10 March"); an
# em dash only between a word and a capital (a double-barrelled name), since "the attack—the third" is a break.
_JOINING_DASH = re.compile(r"(?<=[^\W_])[\u2012\u2013\u2212](?=[^\W_])|(?<=[^\W\d_])\u2014(?=[A-Z])")
_SPECIAL = re.compile("[\u2019\u2018\u201b\u02bc\u2032\u00b4\u02b9\u00a0\u202f\u2009\u2007"
                      "\u2002-\u2006\u2008\u200a\u205f\u3000\u2010-\u2014\u2212]")


def plain(text: str, apostrophe: str = "'") -> str:
    """``text`` with web typography in its plain form; always the same length as ``text``."""
    if not on("web_typography_read_plain") or not _SPECIAL.search(text):
        return text
    return _JOINING_DASH.sub("-", text.translate(_TABLES[apostrophe]))


def as_written(item, text: str):
    """A Sentence or Mention read on the plain copy, its ``text`` re-read from the original ``text``."""
    if item is None or getattr(item, "text", None) is None:
        return item
    written = text[item.start:item.end] if item.end - item.start == len(item.text) else item.text
    return item if written == item.text else replace(item, text=written)


def plain_parse(parsed):
    """``parsed`` over the plain copy of its text: its document, sentences and mentions."""
    text = plain(parsed.doc.text)
    if text is parsed.doc.text:
        return parsed
    return replace(parsed, doc=replace(parsed.doc, text=text),
                   sentences=[as_written(s, text) for s in parsed.sentences],
                   resolutions=[replace(r, mention=as_written(r.mention, text)) for r in parsed.resolutions])


def events_as_written(events, view, original):
    """Events extracted from ``view`` (``plain_parse(original)``), keyed and quoted as ``original`` is."""
    if view is original:
        return events
    text, plain_id, doc_id = original.doc.text, view.doc.id, original.doc.id
    return [replace(e, doc_id=doc_id if e.doc_id == plain_id else e.doc_id,
                    sentence=as_written(e.sentence, text), mention=as_written(e.mention, text),
                    more=tuple(as_written(s, text) for s in e.more)) for e in events]
