"""Texts of any length, parsed in windows of bounded size.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and the work and memory of
one parse grow with the text. A long report is cut into windows at paragraph (else sentence,
else line, else word) boundaries, each window is parsed with the ordinary ``Pipeline`` as a
document of its own, and the results are joined with their offsets shifted back onto the whole
text. A window sees only its own context (a name's "one sense per discourse" ends at the
window's edge): that is the price of bounded memory, paid only by texts longer than a window.

``parse_or_fail`` is the per-document guard every batch path uses: one bad document becomes a
``Failed`` with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from geo.errors import GeoError
from geo.types import Document, Mention, ParsedDocument, Resolution, Sentence

# Far under spaCy's limit: news articles (a few thousand characters) never reach it, and a
# window this size parses in about a second with a little memory.
WINDOW = 100_000
# Boundaries tried in order, best first, within the last part of a window.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*[A-Z0-9])"),
           re.compile(r"\n"), re.compile(r"\s+"))
_LOOK_BACK = 0.5  # search the last half of a window for a boundary: windows stay >= half full

log = logging.getLogger(__name__)
WindowProgress = Callable[[int, int], None]  # (windows done, windows in all)


@dataclass(frozen=True)
class Failed:
    """A document that could not be parsed, and why (one line, fit to show a user)."""

    doc: Document
    reason: str


def cut(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """(start, end) ranges covering ``text``, each at most ``size`` characters, cut at the best
    boundary found in the last half of each window."""
    ranges, start = [], 0
    while len(text) - start > size:
        limit = start + size
        floor = start + int(size * (1 - _LOOK_BACK))
        end = limit
        for rx in _BREAKS:
            last = None
            for m in rx.finditer(text, floor, limit):
                last = m
            if last is not None and last.end() > start:
                end = last.end()
                break
        ranges.append((start, end))
        start = end
    ranges.append((start, len(text)))
    return ranges


def parse(pipeline, doc: Document, *, refine: bool = True, size: int = WINDOW,
          progress: WindowProgress | None = None) -> ParsedDocument:
    """``pipeline.parse(doc)`` for a text of any length."""
    if len(doc.text) <= size:
        parsed = pipeline.parse(doc, refine=refine)
        if progress is not None:
            progress(1, 1)
        return parsed
    ranges = cut(doc.text, size)
    sentences: list[Sentence] = []
    resolutions: list[Resolution] = []
    events: list = []
    notes: list[str] = []
    for done, (start, end) in enumerate(ranges, 1):
        part = pipeline.parse(dataclasses.replace(doc, text=doc.text[start:end]), refine=False)
        shift_s = len(sentences)
        sentences += [Sentence(s.index + shift_s, s.start + start, s.end + start, s.text)
                      for s in part.sentences]
        resolutions += [dataclasses.replace(r, mention=_moved(r.mention, start, shift_s))
                        for r in part.resolutions]
        events += [_moved_event(e, doc.id, start, shift_s, sentences) for e in part.events]
        notes += [n for n in part.notes if n not in notes]
        if progress is not None:
            progress(done, len(ranges))
    notes.append(f"long text: parsed in {len(ranges)} parts of at most {size:,} characters")
    parsed = ParsedDocument(doc, sentences, resolutions, notes, events)
    return pipeline.refine(parsed) if refine else parsed


def _moved(m: Mention, by: int, sentences_before: int) -> Mention:
    return dataclasses.replace(m, start=m.start + by, end=m.end + by, sentence=m.sentence + sentences_before)


def _moved_event(event, doc_id: str, by: int, sentences_before: int, sentences: list[Sentence]):
    changes = {"sentence": sentences[event.sentence.index + sentences_before]}
    if getattr(event, "doc_id", None) is not None:
        changes["doc_id"] = doc_id
    if getattr(event, "mention", None) is not None:
        changes["mention"] = _moved(event.mention, by, sentences_before)
    return dataclasses.replace(event, **changes)


def reason(exc: BaseException) -> str:
    """One line for a user: our own errors say what went wrong; anything else is named by its
    type only, since its text may quote the document or internals."""
    if isinstance(exc, GeoError):
        return " ".join(str(exc).split())[:300]
    if isinstance(exc, MemoryError):
        return "ran out of memory while parsing"
    return f"could not be parsed ({type(exc).__name__})"


def parse_or_fail(pipeline, doc: Document, *, refine: bool = True,
                  progress: WindowProgress | None = None) -> ParsedDocument | Failed:
    """``parse`` that returns a ``Failed`` instead of raising: one bad document fails alone."""
    try:
        return parse(pipeline, doc, refine=refine, progress=progress)
    # Exception, not BaseException: what a text provokes (RecursionError and MemoryError
    # included) is an Exception; the rest is a caller's control flow that must pass through:
    # Ctrl-C, SystemExit, a generator closed, and a UI's own stop or rerun raised inside
    # ``progress`` (Streamlit's RerunException is a BaseException: caught here, a rerun
    # arriving mid-parse became "could not be parsed" and the rerun itself was lost).
    except Exception as exc:  # noqa: BLE001 - anything a hostile text provokes stays its own
        # The traceback only for whoever turns on debug logging: users get the one line.
        log.debug("parsing %s failed", doc.source or doc.id, exc_info=True)
        return Failed(doc, reason(exc))


def parse_many(pipeline, docs: Iterable[Document], *, refine: bool = True,
               batch_size: int = 16) -> Iterator[ParsedDocument | Failed]:
    """In order; short documents go to spaCy in batches, long ones window by window. A batch
    that fails is retried document by document, so only the bad one fails."""
    batch: list[Document] = []

    def flush() -> Iterator[ParsedDocument | Failed]:
        try:
            done = list(pipeline.parse_many(batch, batch_size=batch_size)) if refine else [
                pipeline.parse(d, refine=False) for d in batch]
        except Exception:  # noqa: BLE001 - find the one that failed (control flow passes, as above)
            done = [parse_or_fail(pipeline, d, refine=refine) for d in batch]
        batch.clear()
        yield from done

    for doc in docs:
        if len(doc.text) > WINDOW:
            yield from flush()
            yield parse_or_fail(pipeline, doc, refine=refine)
            continue
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()
