"""The one way articles enter the library (`geo ingest`, the dashboard's uploads and pasted
text, its sample article, a Dask cluster), and re-parsing the whole library.

Files are read and checked against the library before any parsing, so a rerun over the same
folder only hashes files. Each parsed article is saved in its own transaction as soon as it
comes back (a batch from Dask's workers in one: see geo.library.engine_dask), keyed on its
content hash, so an interrupted run keeps everything finished, a rerun resumes, and no article
is stored twice whoever parsed it. Parsing runs on an engine: this machine's process pool
(``local``, geo.geoparse.batch), a Dask cluster (``dask``, geo.library.engine_dask) or this
process with a pipeline already loaded (``here``, geo.library.engine_here: the dashboard); the
writing is the same for all. Input is streamed in batches (see geo.library.sources). Callbacks
run in the caller's thread (Streamlit can only draw from there).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from itertools import chain, islice

from geo.library.corrections import apply_corrections, save
from geo.errors import GeoError
from geo.library.engine_here import HereParser, Upload, read_item as _read, target_of
from geo.library.failures import FailureLog
from geo.library.outcome import Outcome, Progress, Report  # noqa: F401  (geo.library.bulk.Outcome, as before)
from geo.library.sources import find_files  # noqa: F401  (geo.library.bulk.find_files, as before)
from geo.store import Store
from geo.store.write import ArticleRows
from geo.types import Document, ParsedDocument
from geo.geoparse.windows import Failed, WindowProgress, reason

# Files read ahead of the parser: bounds memory on huge folders while keeping every core busy.
BATCH = 128
ENGINES = ("local", "dask")  # geo.geoparse.batch's process pool; Dask (geo.library.engine_dask)
HERE = "here"  # this process (geo.library.engine_here): not offered by `geo ingest`, which has workers
READ_AHEAD = 64_000_000  # characters of text read ahead, whatever the number of files


Source = str | os.PathLike[str] | Document | Upload


def _name(item: Source) -> str:
    if isinstance(item, Upload):
        return item.name
    if isinstance(item, Document):
        return item.source or item.title or item.id
    return str(item)


@dataclass
class _Out:
    """Where one run's outcomes go: the totals, the callers' callbacks, the failure log (with
    the step and the user it names) and ``word``, the caller's wording of a failure."""

    report: Report
    progress: Progress | None = None
    on_item: Callable[[Outcome], None] | None = None
    log: FailureLog | None = None
    step: str = "ingest"
    who: str = ""
    word: Callable[[Outcome], str] | None = None

    def fail(self, item: Outcome) -> None:
        if self.word is not None:
            item.reason = self.word(item)
        self.report.failed.append((item.name, item.reason))
        if self.log is not None:
            try:
                self.log.record(item.name, item.reason, self.step, self.who)
            except Exception:  # noqa: BLE001 - the log is a convenience; the report still says it
                pass
        self.tell(item)

    def tell(self, item: Outcome, outcome: str | None = None) -> None:
        if self.progress is not None:
            self.progress(self.report, item.name, outcome or item.outcome)
        if self.on_item is not None:
            self.on_item(item)

    def stored(self, name: str, doc: Document, added: bool, parsed: ParsedDocument | None = None) -> None:
        if added:
            self.report.added += 1
            self.report.words += len(doc.text.split())
        else:
            self.report.existing += 1
        self.tell(Outcome(name, "added" if added else "existing", doc_id=doc.id, parsed=parsed))

    def forget(self, *names: str) -> None:
        if self.log is not None and names:
            try:
                self.log.clear(*names)
            except Exception:  # noqa: BLE001 - a stale entry is harmless
                pass


def _fresh(target, items: Iterable[Source], pending: set[str], out: _Out, batch: int,
           names: dict[str, str], ready: list[ParsedDocument]) -> Iterator[list[Document]]:
    """Batches of documents to parse: read, checked against the library (one query a batch),
    at most ``batch`` documents or READ_AHEAD characters each (memory stays bounded on folders
    of big files and on archives of any length). Unreadable, already stored and already
    pending ones are reported here and never reach the parser; ``pending`` holds the ids
    handed on and not yet written (the caller drops each once written). ``names`` gets the
    caller's name of each Upload handed on; ``ready``, the kept parses (they skip the parser)."""
    read: list[tuple[Source, Document]] = []
    chars = 0

    def checked() -> list[Document]:
        try:
            stored = target.existing([doc.id for _, doc in read])
        except GeoError as exc:
            for item, doc in read:
                out.fail(Outcome(_name(item), "failed", "check", doc.id, reason(exc), exc))
            return []
        fresh = []
        for item, doc in read:
            # A kept parse is not checked: its save is simply tried again, and the save says
            # whether someone stored the text meanwhile (its failure is then forgotten).
            kept = isinstance(item, Upload) and item.parsed is not None
            if doc.id in pending or (doc.id in stored and not kept):
                out.report.existing += 1
                out.tell(Outcome(_name(item), "existing", doc_id=doc.id))
                continue
            pending.add(doc.id)
            if isinstance(item, Upload):
                names[doc.id] = item.name
            if kept:
                ready.append(item.parsed)
                continue
            fresh.append(doc)
        return fresh

    for item in items:
        try:
            doc = _read(item)
        except Exception as exc:  # noqa: BLE001  one odd file must not stop a 10,000-file run
            out.fail(Outcome(_name(item), "failed", "read", reason=reason(exc), error=exc))
            continue
        read.append((item, doc))
        chars += len(doc.text)
        if len(read) >= batch or chars >= READ_AHEAD:
            if fresh := checked():
                yield fresh
            read, chars = [], 0
    if read and (fresh := checked()):
        yield fresh


def _kept(ready: list[ParsedDocument]):
    """The kept parses as one more batch, after the engine's: a generator, so ``ready`` is read
    only once every input has been read."""
    if ready:
        yield [p.doc for p in ready], iter(ready)


@dataclass(frozen=True)
class _Unsaved:
    """Rows the library refused: their article fails alone, at the step "store"."""

    doc_id: str
    error: Exception


def _save_rows(target, results):
    """A batch's rows to store (geo.library.engine_dask, when this process writes) in one
    transaction, each then told as a Saved; if that fails, article by article, so that only a
    bad one fails (an _Unsaved). Anything else passes as it is."""
    if not isinstance(results, list) or not any(isinstance(r, ArticleRows) for r in results):
        return results
    from geo.library.engine_dask import Saved

    rows = [r for r in results if isinstance(r, ArticleRows)]
    try:
        added: dict[str, bool | Exception] = dict(zip([r.article["id"] for r in rows],
                                                      target.save_rows(rows)))
    except Exception:  # noqa: BLE001 - nothing of the batch was written: one by one, below
        added = {}
        for r in rows:
            try:
                added[r.article["id"]] = target.save_rows([r])[0]
            except Exception as exc:  # noqa: BLE001 - this article alone is lost
                added[r.article["id"]] = exc
    told = [(r.article["id"], added[r.article["id"]]) for r in rows]
    told = iter([Saved(i, a) if isinstance(a, bool) else _Unsaved(i, a) for i, a in told])
    return [next(told) if isinstance(r, ArticleRows) else r for r in results]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _parser(report: Report, on_load: Callable[[str], None] | None, workers: int | None,
            engine: str = "local", address: str | None = None, library: str | None = None,
            pipeline=None, on_window: WindowProgress | None = None, corrections=None):
    """The engine's parser, loaded (workers hold the pipeline), the clock restarted after
    loading: words/s measures parsing, not start-up. ``library``: the URL of a database server
    that Dask's workers write to themselves; ``corrections``: when this process writes rows
    (a Store's), how Dask's workers get the corrections to apply."""
    if engine == "dask":
        from geo.library.engine_dask import DaskParser

        parser = DaskParser(workers, address, say=on_load, library=library, corrections=corrections)
    elif engine == "local":
        from geo.geoparse.batch import BatchParser
        from geo.geoparse.pipeline import load_pipeline

        load_pipeline(progress=on_load)
        parser = BatchParser(workers)
    elif engine == HERE:
        if pipeline is None:
            from geo.geoparse.pipeline import load_pipeline

            pipeline = load_pipeline(progress=on_load)
        parser = HereParser(pipeline, on_window)
    else:
        raise GeoError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    report.started = time.perf_counter()
    return parser


class _Run:
    """One ingest or reindex: the parser is made on first need (a rerun over stored files then
    loads no model); at the end the workers close and the time is kept, and Ctrl-C becomes
    ``report.interrupted`` with whatever was saved staying saved."""

    def __init__(self, report: Report, on_load: Callable[[str], None] | None, workers: int | None,
                 engine: str = "local", address: str | None = None, library: str | None = None,
                 pipeline=None, on_window: WindowProgress | None = None, corrections=None):
        self.report, self.on_load, self.workers = report, on_load, workers
        self.engine, self.address, self.library = engine, address, library
        self.pipeline, self.on_window, self.corrections = pipeline, on_window, corrections
        self._parser = None

    @property
    def parser(self):
        if self._parser is None:
            self._parser = _parser(self.report, self.on_load, self.workers, self.engine,
                                   self.address, self.library, self.pipeline, self.on_window,
                                   self.corrections)
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


def ingest(store, items: Iterable[Source], *, workers: int | None = None,
           progress: Progress | None = None, on_load: Callable[[str], None] | None = None,
           batch: int | None = None, log: FailureLog | None | bool = True,
           engine: str = "local", address: str | None = None, pipeline=None,
           on_window: WindowProgress | None = None, on_item: Callable[[Outcome], None] | None = None,
           step: str = "ingest", who: str = "", word: Callable[[Outcome], str] | None = None) -> Report:
    """Read, check against the library, parse, correct and store the files (paths), Documents
    or Uploads not yet in ``store``: a geo.store.Store, or a geo.library.Library (written
    through its ``add``; the dashboard's, which may live in memory).

    ``items`` is consumed as a stream (a geo.library.sources.ArticleSource, a generator...): only a
    few batches are held at a time. ``engine`` parses: "local" (this machine's process pool,
    ``workers`` processes), "dask" (a local Dask cluster of ``workers`` processes, or the
    scheduler at ``address`` / $GEO_DASK_ADDRESS) or "here" (this process, with ``pipeline``, a
    Pipeline or a function giving one; ``on_window(done, total)`` hears of each window of a
    long text). The results, and what is stored, are the same whichever parses.

    A file that cannot be read, parsed or stored fails alone: it is reported (and recorded in
    ``log``, by default the FailureLog beside the library, naming ``step`` and ``who``; False
    for none; ``word`` words the line) and the run goes on. ``on_item`` hears of each article's
    Outcome. On KeyboardInterrupt the report comes back with ``interrupted`` set; whatever was
    saved stays saved.
    """
    if engine not in ENGINES + (HERE,):
        raise GeoError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    target = target_of(store)
    total = getattr(items, "count", None) if not isinstance(items, Sized) else len(items)
    report = Report(total=total or 0)
    log = target.log() if log is True else (log or None)
    out = _Out(report, progress, on_item, log, step, who, word)
    if batch is None and engine == "dask":
        from geo.library.engine_dask import BATCH as batch
    batch = batch or BATCH
    pending: set[str] = set()
    names: dict[str, str] = {}
    ready: list[ParsedDocument] = []
    rows = target.corrections if hasattr(target, "save_rows") else None  # a Store's: rows will do
    with _Run(report, on_load, workers, engine, address, target.server, pipeline, on_window, rows) as run:
        fresh = _fresh(target, items, pending, out, batch, names, ready)
        for docs, results in chain(run.map_batches(fresh), _kept(ready)):
            by_id = {doc.id: doc for doc in docs}
            corrections = None
            stored: list[str] = []  # names whose earlier failure the log can forget
            for result in _save_rows(target, results):
                written = getattr(result, "added", None)  # a geo.library.engine_dask.Saved: written
                doc = by_id[result.doc_id] if hasattr(result, "doc_id") else result.doc
                pending.discard(doc.id)
                name = names.pop(doc.id, None) or _name(doc)
                if isinstance(result, Failed):
                    out.fail(Outcome(name, "failed", "parse", doc.id, result.reason))
                    continue
                if isinstance(result, _Unsaved):
                    out.fail(Outcome(name, "failed", "store", doc.id, reason(result.error), result.error))
                    continue
                if written is not None:
                    out.stored(name, doc, written)
                    stored.append(name)
                    continue
                try:
                    if corrections is None:
                        corrections = target.corrections()  # per batch: the UI may correct meanwhile
                    added = save(target, result, corrections)
                except Exception as exc:  # noqa: BLE001 - this article alone is lost (its parse is told)
                    out.fail(Outcome(name, "failed", "store", doc.id, reason(exc), exc, result))
                    continue
                out.stored(name, doc, added, result)
                stored.append(name)
            out.forget(*stored)  # one write a batch, not one an article
    report.total = max(report.total, report.done)
    return report


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
    out = _Out(report, progress, log=log, step="reindex")
    with _Run(report, on_load, workers) as run:
        for chunk in _chunks(ids, batch):
            docs = []
            for doc_id in chunk:
                try:
                    docs.append(store.article(doc_id))
                except GeoError as exc:  # removed meanwhile by another process
                    out.fail(Outcome(doc_id, "failed", "read", doc_id, reason(exc), exc))
            corrections = store.corrections() if docs else []
            for parsed in run.parser.parse(docs) if docs else ():
                if isinstance(parsed, Failed):  # the stored parse stays as it was
                    out.fail(Outcome(parsed.doc.id, "failed", "parse", parsed.doc.id, parsed.reason))
                    continue
                doc = parsed.doc
                try:
                    parsed = apply_corrections(parsed, corrections)
                    store.replace_resolutions(doc.id, parsed)
                except Exception as exc:  # noqa: BLE001 - this article alone keeps its old parse
                    out.fail(Outcome(doc.id, "failed", "store", doc.id, reason(exc), exc))
                    continue
                report.added += 1
                report.words += len(doc.text.split())
                out.tell(Outcome(doc.id, "added", doc_id=doc.id), "reindexed")
    return report
