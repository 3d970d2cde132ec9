"""The third engine of geo.library.bulk.ingest, "here": this process parses, one document at a
time, with a pipeline it is handed; the articles a caller names (uploads); and the two kinds
of place an ingest writes to.

The dashboard needs it: its pipeline is already loaded (forking a pool per upload would cost
more than the parse), it tells the user how far a long text has got (window by window), and it
writes to its ``geo.library.Library`` (whose caches must hear of the change, and which may live
in memory only) rather than to the store underneath. The seed article comes the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geo.geoparse.windows import Failed, WindowProgress, parse_or_fail
from geo.library.failures import FailureLog
from geo.store import Store
from geo.text.ingest import read, read_path
from geo.types import Document, ParsedDocument


@dataclass(frozen=True)
class Upload:
    """An article its caller names (an upload, pasted text, the sample): reports and the failure
    log use ``name``, whatever the text calls itself. ``data`` is read here, held to ``max_bytes``;
    a non-empty ``title``/``source`` replaces what was read. ``parsed``: a parse kept from a save
    that failed, stored without parsing again."""

    name: str
    data: bytes = b""
    title: str = ""
    source: str = ""
    max_bytes: int | None = None
    parsed: ParsedDocument | None = None


def read_item(item) -> Document:
    """A path, Document or Upload as the Document it holds (IngestError when unreadable)."""
    if isinstance(item, Document):
        return item
    if not isinstance(item, Upload):
        return read_path(item)
    if item.parsed is not None:
        return item.parsed.doc
    doc = read(item.data, item.name, max_bytes=item.max_bytes)
    if item.title:
        doc = dataclasses.replace(doc, title=item.title.strip())
    if item.source:
        doc = dataclasses.replace(doc, source=item.source)
    return doc


class HereParser:
    """Parses in the caller's process; ``pipeline`` is a loaded Pipeline or a function giving one
    (asked only when something needs parsing: a rerun over stored texts loads nothing)."""

    def __init__(self, pipeline, on_window: WindowProgress | None = None):
        self._pipeline = pipeline
        self.on_window = on_window

    @property
    def pipeline(self):
        if not hasattr(self._pipeline, "parse"):
            self._pipeline = self._pipeline()
        return self._pipeline

    def parse(self, docs: Iterable[Document]) -> Iterator[ParsedDocument | Failed]:
        for doc in docs:
            yield parse_or_fail(self.pipeline, doc, progress=self.on_window)

    def map_batches(self, batches: Iterable[list[Document]]):
        """The engine contract geo.library.bulk.ingest uses (as geo.geoparse.batch.BatchParser)."""
        for docs in batches:
            yield docs, self.parse(docs)

    def close(self) -> None:
        pass  # the pipeline is the caller's


class StoreTarget:
    """A geo.store.Store, as `geo ingest` writes: a failed duplicate check fails the batch (the
    same database would refuse the writes anyway)."""

    def __init__(self, store):
        self.store = store
        # Dask's workers write to a database server themselves; a SQLite file is written here.
        self.server = None if store.url.startswith("sqlite") else store.url

    def existing(self, ids: list[str]) -> set[str]:
        return self.store.existing(ids)

    def corrections(self) -> list:
        return self.store.corrections()

    def save(self, parsed: ParsedDocument) -> bool:
        return self.store.save(parsed)

    def save_rows(self, batch: list) -> list[bool]:
        """Parses already turned into rows (geo.store.write.ArticleRows), in one transaction."""
        return self.store.save_rows(batch)

    def log(self) -> FailureLog:
        return FailureLog.beside(self.store)


class LibraryTarget:
    """A geo.library.Library (the dashboard's): written through ``add`` so its caches follow; a
    library kept in memory has no corrections and no failure log, as it has no store."""

    server = None  # never written by Dask's workers: the library's caches would not hear of it

    def __init__(self, lib):
        self.lib = lib
        self.store = getattr(lib, "store", None)

    def existing(self, ids: list[str]) -> set[str]:
        try:
            return {i for i in ids if i in self.lib}
        except Exception:  # noqa: BLE001 - no answer now: parse anyway, and adding will tell
            return set()

    def corrections(self) -> list:
        return self.store.corrections() if self.store is not None else []

    def save(self, parsed: ParsedDocument) -> bool:  # as Store.save, for geo.library.corrections.save
        return self.lib.add(parsed)

    def log(self) -> FailureLog | None:
        return FailureLog.beside(self.store) if self.store is not None else None


def target_of(where) -> StoreTarget | LibraryTarget:
    """A Store, or a geo.library.Library, as something an ingest writes to."""
    return StoreTarget(where) if isinstance(where, Store) else LibraryTarget(where)

