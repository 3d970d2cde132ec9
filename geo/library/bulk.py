"""Many articles into the library at once, and re-parsing the whole library: for CLI and UI.

Files are read and checked against the library before any parsing, so a rerun over the same
folder only hashes files. Each parsed article is saved in its own transaction as soon as it
comes back, keyed on its content hash, so an interrupted run keeps everything finished, a rerun
resumes, and no article is stored twice whoever parsed it. Parsing runs on an engine: this
machine's process pool (``local``, geo.geoparse.batch) or a Dask cluster (``dask``, geo.library.engine_dask);
the writing is the same for both. Input is streamed in batches (see geo.library.sources). Callbacks run
in the caller's thread (Streamlit can only draw from there).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from itertools import chain, islice

from geo.library.corrections import apply_corrections, save
from geo.errors import GeoError
from geo.library.failures import FailureLog
from geo.text.ingest import read_path
from geo.library.sources import find_files  # noqa: F401  (geo.library.bulk.find_files, as before)
from geo.store import Store
from geo.types import Document
from geo.geoparse.windows import Failed, reason

# Files read ahead of the parser: bounds memory on huge folders while keeping every core busy.
BATCH = 128
ENGINES = ("local", "dask")  # geo.geoparse.batch's process pool; Dask (geo.library.engine_dask)
READ_AHEAD = 64_000_000  # characters of text read ahead, whatever the number of files

Source = str | os.PathLike[str] | Document


@dataclass
class Report:
    """Running totals of one ingest or reindex; ``failed`` holds (name, reason)."""

    total: int = 0
    added: int = 0
    existing: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> int:
        return self.added + self.existing + len(self.failed)

    @property
    def words_per_s(self) -> float:
        elapsed = self.seconds or time.perf_counter() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0

    def summary(self, verb: str = "added") -> str:
        skipped = f"already in the library {self.existing}, " if verb == "added" else ""
        text = (f"{verb} {self.added}, {skipped}failed {len(self.failed)}, {self.words:,} words "
                f"in {self.seconds:.1f} s ({self.words_per_s:,.0f} words/s)")
        return ("interrupted: " + text) if self.interrupted else text


# Called after every outcome: (report, name, outcome) with outcome "added", "existing",
# "failed" or "reindexed".
Progress = Callable[[Report, str, str], None]


def _name(item: Source) -> str:
    if isinstance(item, Document):
        return item.source or item.title or item.id
    return str(item)


def _fresh(store: Store, items: Iterable[Source], pending: set[str], report: Report,
           progress: Progress | None, log: FailureLog | None, batch: int) -> Iterator[list[Document]]:
    """Batches of documents to parse: read, checked against the library (one query a batch),
    at most ``batch`` documents or READ_AHEAD characters each (memory stays bounded on folders
    of big files and on archives of any length). Unreadable, already stored and already
    pending ones are reported here and never reach the parser; ``pending`` holds the ids
    handed on and not yet written (the caller drops each once written)."""
    read: list[tuple[Source, Document]] = []
    chars = 0

    def checked() -> list[Document]:
        try:
            stored = store.existing([doc.id for _, doc in read])
        except GeoError as exc:
            for item, _ in read:
                _fail(report, progress, log, _name(item), reason(exc), "ingest")
            return []
        fresh = []
        for item, doc in read:
            if doc.id in stored or doc.id in pending:
                report.existing += 1
                _tell(progress, report, _name(item), "existing")
                continue
            pending.add(doc.id)
            fresh.append(doc)
        return fresh

    for item in items:
        try:
            doc = item if isinstance(item, Document) else read_path(item)
        except Exception as exc:  # noqa: BLE001  one odd file must not stop a 10,000-file run
            _fail(report, progress, log, _name(item), reason(exc), "ingest")
            continue
        read.append((item, doc))
        chars += len(doc.text)
        if len(read) >= batch or chars >= READ_AHEAD:
            if fresh := checked():
                yield fresh
            read, chars = [], 0
    if read and (fresh := checked()):
        yield fresh


def _fail(report: Report, progress: Progress | None, log: FailureLog | None, name: str,
          why: str, step: str) -> None:
    report.failed.append((name, why))
    if log is not None:
        try:
            log.record(name, why, step)
        except Exception:  # noqa: BLE001 - the log is a convenience; the report still says it
            pass
    _tell(progress, report, name, "failed")


def _tell(progress: Progress | None, report: Report, name: str, outcome: str) -> None:
    if progress is not None:
        progress(report, name, outcome)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _parser(report: Report, on_load: Callable[[str], None] | None, workers: int | None,
            engine: str = "local", address: str | None = None, library: str | None = None):
    """The engine's parser, loaded (workers hold the pipeline), the clock restarted after
    loading: words/s measures parsing, not start-up. ``library``: the URL of a database server
    that Dask's workers write to themselves."""
    if engine == "dask":
        from geo.library.engine_dask import DaskParser

        parser = DaskParser(workers, address, say=on_load, library=library)
    elif engine == "local":
        from geo.geoparse.batch import BatchParser
        from geo.geoparse.pipeline import load_pipeline

        load_pipeline(progress=on_load)
        parser = BatchParser(workers)
    else:
        raise GeoError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    report.started = time.perf_counter()
    return parser


class _Run:
    """One ingest or reindex: the parser is made on first need (a rerun over stored files then
    loads no model); at the end the workers close and the time is kept, and Ctrl-C becomes
    ``report.interrupted`` with whatever was saved staying saved."""

    def __init__(self, report: Report, on_load: Callable[[str], None] | None, workers: int | None,
                 engine: str = "local", address: str | None = None, library: str | None = None):
        self.report, self.on_load, self.workers = report, on_load, workers
        self.engine, self.address, self.library = engine, address, library
        self._parser = None

    @property
    def parser(self):
        if self._parser is None:
            self._parser = _parser(self.report, self.on_load, self.workers, self.engine,
                                   self.address, self.library)
        return self._parser

    def map_batches(self, batches: Iterable[list[Document]]):
        """(batch, its parses) per batch, from the engine; nothing is loaded for no batch."""
        batches = iter(batches)
        first = next(batches, None)
        if first is not None:
            yield from self.parser.map_batches(chain([first], batches))

    def __enter__(self) -> "_Run":
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        self.report.seconds = time.perf_counter() - self.report.started
        if self._parser is not None:
            self._parser.close()
        if kind is KeyboardInterrupt:
            self.report.interrupted = True
            return True
        return False


def ingest(store: Store, items: Iterable[Source], *, workers: int | None = None,
           progress: Progress | None = None, on_load: Callable[[str], None] | None = None,
           batch: int | None = None, log: FailureLog | None | bool = True,
           engine: str = "local", address: str | None = None) -> Report:
    """Parse and store the files (paths) or Documents not yet in ``store``.

    ``items`` is consumed as a stream (a geo.library.sources.ArticleSource, a generator...): only a
    few batches are held at a time. ``engine`` parses: "local" (this machine's process pool,
    ``workers`` processes) or "dask" (a local Dask cluster of ``workers`` processes, or the
    scheduler at ``address`` / $GEO_DASK_ADDRESS). The results, and what is stored, are the
    same whichever parses.

    A file that cannot be read, parsed or stored fails alone: it is reported (and recorded in
    ``log``, by default the FailureLog beside the library; False for none) and the run goes
    on. On KeyboardInterrupt the report comes back with ``interrupted`` set; whatever was
    saved stays saved.
    """
    if engine not in ENGINES:
        raise GeoError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    total = getattr(items, "count", None) if not isinstance(items, Sized) else len(items)
    report = Report(total=total or 0)
    log = FailureLog.beside(store) if log is True else (log or None)
    if batch is None and engine == "dask":
        from geo.library.engine_dask import BATCH as batch
    batch = batch or BATCH
    pending: set[str] = set()
    # Dask's workers write to a database server themselves (geo.library.engine_dask); a SQLite file
    # is written here, by the one process on its disk.
    server = None if store.url.startswith("sqlite") else store.url
    with _Run(report, on_load, workers, engine, address, server) as run:
        for docs, results in run.map_batches(_fresh(store, items, pending, report, progress, log, batch)):
            by_id = {doc.id: doc for doc in docs}
            corrections = None
            stored: list[str] = []  # names whose earlier failure the log can forget
            for result in results:
                written = getattr(result, "added", None)  # a geo.library.engine_dask.Saved: a worker wrote it
                doc = result.doc if written is None else by_id[result.doc_id]
                pending.discard(doc.id)
                if isinstance(result, Failed):
                    _fail(report, progress, log, _name(doc), result.reason, "ingest")
                    continue
                if written is not None:
                    _stored(report, progress, doc, written)
                    stored.append(_name(doc))
                    continue
                try:
                    if corrections is None:
                        corrections = store.corrections()  # per batch: the UI may correct meanwhile
                    added = save(store, result, corrections)
                except Exception as exc:  # noqa: BLE001 - this article alone is lost
                    _fail(report, progress, log, _name(doc), reason(exc), "ingest")
                    continue
                _stored(report, progress, doc, added)
                stored.append(_name(doc))
            if log is not None and stored:
                _forget(log, *stored)  # one write a batch, not one an article
    report.total = max(report.total, report.done)
    return report


def _stored(report: Report, progress: Progress | None, doc: Document, added: bool) -> None:
    if added:
        report.added += 1
        report.words += len(doc.text.split())
        _tell(progress, report, _name(doc), "added")
    else:
        report.existing += 1
        _tell(progress, report, _name(doc), "existing")


def _forget(log: FailureLog, *names: str) -> None:
    try:
        log.clear(*names)
    except Exception:  # noqa: BLE001 - a stale entry is harmless
        pass


def reindex(store: Store, *, workers: int | None = None, progress: Progress | None = None,
            on_load: Callable[[str], None] | None = None, batch: int = BATCH,
            log: FailureLog | None | bool = True) -> Report:
    """Re-parse every stored article with the current gazetteer and swap in the new parse.

    Only sentences, events and places are replaced: articles keep their rows and dates, and
    the user's corrections (a table of their own) are left as they are and applied again.
    """
    ids = [a.id for a in store.articles()]
    report = Report(total=len(ids))
    log = FailureLog.beside(store) if log is True else (log or None)
    with _Run(report, on_load, workers) as run:
        for chunk in _chunks(ids, batch):
            docs = []
            for doc_id in chunk:
                try:
                    docs.append(store.article(doc_id))
                except GeoError as exc:  # removed meanwhile by another process
                    _fail(report, progress, log, doc_id, reason(exc), "reindex")
            corrections = store.corrections() if docs else []
            for parsed in run.parser.parse(docs) if docs else ():
                if isinstance(parsed, Failed):  # the stored parse stays as it was
                    _fail(report, progress, log, parsed.doc.id, parsed.reason, "reindex")
                    continue
                doc = parsed.doc
                try:
                    parsed = apply_corrections(parsed, corrections)
                    store.replace_resolutions(doc.id, parsed)
                except Exception as exc:  # noqa: BLE001 - this article alone keeps its old parse
                    _fail(report, progress, log, doc.id, reason(exc), "reindex")
                    continue
                report.added += 1
                report.words += len(doc.text.split())
                _tell(progress, report, doc.id, "reindexed")
    return report
