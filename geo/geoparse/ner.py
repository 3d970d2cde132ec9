"""Named-entity labels, only where a place can be.

The NER model is most of the parser's time, and a toponym always holds a capitalised word. So
the model labels only windows of text around capitalised words that the gazetteer knows, or that
follow a word which can introduce a place the gazetteer lacks ("in Holopaw"), each window
reaching MARGIN tokens to either side. The small model's labels depend on a few tokens of
context each way: on LGL, margins from 2 to 9 give the same scores. In news text the windows
hold under half of the tokens. Entities are mapped back onto one Doc of the whole text.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.util import filter_spans

from geo.gazetteer.lexicon import LOCATIVES, SETTLEMENT_NOUNS
from geo.types import Sentence

MARGIN = 3
# Words after which a name the gazetteer lacks may still be a place ("in Holopaw", "the village
# of X", "Kherson, Beryslav and X"): the recogniser asks the model about such names only there.
_CUES = LOCATIVES | SETTLEMENT_NOUNS | {",", "and", "or"}
_GAP = 3  # windows closer than this are labelled as one: fewer, longer model calls
# ...up to this many tokens, so that a text repeating itself repeats its windows too (each
# distinct window is labelled once, see label_docs).
_LONGEST = 48


def windows(doc, sentences: list[Sentence], knows_name, margin: int = MARGIN,
            text: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of ``doc``'s text (``text``, given when known: spaCy rebuilds it on
    every access) that the NER model must see."""
    offsets = doc.to_array([IDX, LENGTH]).tolist()
    text = doc.text if text is None else text
    starts = [s.start for s in sentences]
    next_sentence = 0
    first_word = True
    wanted: list[int] = []
    for i, (start, length) in enumerate(offsets):
        while next_sentence < len(starts) and starts[next_sentence] <= start:
            next_sentence += 1
            first_word = True
        word = text[start:start + length]
        if not word[:1].isalnum():
            continue  # an opening quote leaves the next word the sentence's first
        if word[:1].isupper() and (knows_name(word.rstrip(".,;:")) or not first_word and any(
                text[a:a + n].lower() in _CUES for a, n in offsets[max(0, i - 2):i])):
            wanted.append(i)
        first_word = False
    ranges: list[list[int]] = []
    for i in wanted:
        a, b = max(0, i - margin), min(len(offsets), i + margin + 1)
        if ranges and a <= ranges[-1][1] + _GAP and ranges[-1][1] - ranges[-1][0] < _LONGEST:
            ranges[-1][1] = b
        else:
            ranges.append([a, b])
    return [(offsets[a][0], offsets[b - 1][0] + offsets[b - 1][1]) for a, b in ranges]


def label_docs(nlp, texts: list[str], sentences: list[list[Sentence]], knows_name) -> list:
    """One spaCy Doc per text, with entities from the stretches of text that need them."""
    docs = [nlp.make_doc(text) for text in texts]
    chosen = [(i, a, b) for i, (doc, sents) in enumerate(zip(docs, sentences))
              for a, b in windows(doc, sents, knows_name, text=texts[i])]
    found: list[list] = [[] for _ in docs]
    # A window repeated word for word is labelled once: a text naming "Kyiv" 20,000 times in
    # the same sentence costs one model call, not 20,000.
    unique = list(dict.fromkeys(texts[i][a:b] for i, a, b in chosen))
    ents_of = {t: [(e.start_char, e.end_char, e.label_) for e in d.ents] for t, d in zip(unique, nlp.pipe(unique))}
    for i, a, b in chosen:
        for start, end, label in ents_of[texts[i][a:b]]:
            span = docs[i].char_span(a + start, a + end, label=label, alignment_mode="expand")
            if span is not None:
                found[i].append(span)
    for doc, ents in zip(docs, found):
        doc.ents = filter_spans(ents)
    return docs
