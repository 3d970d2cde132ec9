"""Named-entity labels, only where a place can be.

The NER model is most of the parser's time. A sentence whose only capitalised word is its
first, and whose first word names no place, cannot hold a toponym: about a quarter of news
text. Runs of the other sentences are labelled together (the model sees the same context as in
the whole text) and their entities mapped back onto one Doc of the whole text.
"""

from __future__ import annotations

import re

from spacy.util import filter_spans

from geo.types import Sentence

_FIRST_WORD = re.compile(r"[\"'“‘«(\[]*([\w.’'-]+)")
_LATER_CAPITAL = re.compile(r"\s[\"'“‘«(\[]*[A-Z]")


def needs_labels(sentence: Sentence, knows_name) -> bool:
    if _LATER_CAPITAL.search(sentence.text):
        return True
    first = _FIRST_WORD.match(sentence.text)
    return bool(first) and knows_name(first.group(1).rstrip(".,;:"))


def _chunks(sentences: list[Sentence], knows_name) -> list[tuple[int, int]]:
    """Character ranges of consecutive sentences that need labels."""
    chunks: list[list[int]] = []
    previous = False
    for s in sentences:
        if needs_labels(s, knows_name):
            if previous:
                chunks[-1][1] = s.end
            else:
                chunks.append([s.start, s.end])
            previous = True
        else:
            previous = False
    return [(a, b) for a, b in chunks]


def label_docs(nlp, texts: list[str], sentences: list[list[Sentence]], knows_name) -> list:
    """One spaCy Doc per text, with entities from the stretches of text that need them."""
    docs = [nlp.make_doc(text) for text in texts]
    chosen = [(i, a, b) for i, sents in enumerate(sentences) for a, b in _chunks(sents, knows_name)]
    found: list[list] = [[] for _ in docs]
    for (i, a, b), labelled in zip(chosen, nlp.pipe(texts[i][a:b] for i, a, b in chosen)):
        for ent in labelled.ents:
            span = docs[i].char_span(a + ent.start_char, a + ent.end_char, label=ent.label_,
                                     alignment_mode="expand")
            if span is not None:
                found[i].append(span)
    for doc, ents in zip(docs, found):
        doc.ents = filter_spans(ents)
    return docs
