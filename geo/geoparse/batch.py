"""Parse many documents on all cores, in input order.

Each worker process loads its own pipeline once; documents travel as plain text and come back
as ParsedDocuments, so the caller sees the same objects as from ``Pipeline.parse``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Iterable, Iterator

from geo.errors import GeoError
from geo.geoparse.pipeline import load_pipeline
from geo.types import Document, ParsedDocument, Resolution
from geo.geoparse.windows import Failed, parse_many, parse_or_fail


def workers_default() -> int:
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("GEO_WORKERS", "0")) or 8))


def _parse(doc: Document) -> ParsedDocument | Failed:
    # Online stages run in the parent: one rate limit and one geocoder cache connection for
    # the whole run, not one per worker (a public service allows 1 request/s in all).
    # Long texts go in windows; an exception comes back as a Failed, so the pool goes on.
    return parse_or_fail(load_pipeline(), doc, refine=False)


class BatchParser:
    """Worker processes kept for a whole run: a long ingest parses batch after batch without
    forking (and warming) new workers for each."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or workers_default()
        self.pipeline = load_pipeline()  # load (or build) once in the parent: forked workers inherit it
        self._pool = None

    def parse(self, docs: Iterable[Document]) -> Iterator[ParsedDocument | Failed]:
        """Yield a ParsedDocument per document, in order, or a geo.geoparse.windows.Failed for one
        that could not be parsed (one bad document fails alone)."""
        if self.workers == 1:
            yield from parse_many(self.pipeline, docs)
            return
        if self._pool is None:
            self._pool = mp.get_context("fork").Pool(self.workers)
        for parsed in self._pool.imap(_parse, docs, chunksize=2):
            yield parsed if isinstance(parsed, Failed) else self.pipeline.refine(parsed)

    def map_batches(self, batches: Iterable[list[Document]]
                    ) -> Iterator[tuple[list[Document], Iterator[ParsedDocument | Failed]]]:
        """(batch, its parses) per batch, in order: the engine contract geo.library.bulk.ingest uses
        (geo.library.engine_dask.DaskParser is the other)."""
        for docs in batches:
            yield docs, self.parse(docs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "BatchParser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_all(docs: Iterable[Document], workers: int | None = None, *,
              failures: bool = False) -> Iterator[ParsedDocument | Failed]:
    """Yield a ParsedDocument per document, in order, using ``workers`` processes. A document
    that cannot be parsed raises GeoError, or with ``failures`` comes out as a Failed."""
    with BatchParser(workers) as parser:
        for parsed in parser.parse(docs):
            if isinstance(parsed, Failed) and not failures:
                raise GeoError(f"{parsed.doc.source or parsed.doc.id}: {parsed.reason}")
            yield parsed


def mention_record(r: Resolution) -> dict:
    """One mention in the batch JSON contract (`geo parse --jsonl`)."""
    p = r.place
    return {
        "start": r.mention.start, "end": r.mention.end, "text": r.mention.text,
        "name": p.name if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
        "feature": p.feature if p else None, "country": p.country if p else None,
        "admin1": p.admin1 if p else None, "geonames_id": p.geonames_id if p else None,
        "score": r.score,
    }
