"""Parse many documents on all cores, in input order.

Each worker process loads its own pipeline once; documents travel as plain text and come back
as ParsedDocuments, so the caller sees the same objects as from ``Pipeline.parse``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Iterable, Iterator

from geo.pipeline import load_pipeline
from geo.types import Document, ParsedDocument, Resolution


def workers_default() -> int:
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("GEO_WORKERS", "0")) or 8))


def _parse(doc: Document) -> ParsedDocument:
    # Online stages run in the parent: one rate limit and one geocoder cache connection for
    # the whole run, not one per worker (a public service allows 1 request/s in all).
    return load_pipeline().parse(doc, refine=False)


def parse_all(docs: Iterable[Document], workers: int | None = None) -> Iterator[ParsedDocument]:
    """Yield a ParsedDocument per document, in order, using ``workers`` processes."""
    workers = workers or workers_default()
    pipeline = load_pipeline()  # load (or build) once in the parent: forked workers inherit it
    if workers == 1:
        yield from pipeline.parse_many(docs)
        return
    with mp.get_context("fork").Pool(workers) as pool:
        for parsed in pool.imap(_parse, docs, chunksize=2):
            yield pipeline.refine(parsed)


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
