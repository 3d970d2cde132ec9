"""Many articles into the library at once, and re-parsing the whole library: for CLI and UI.

Files are read and checked against the library before any parsing, so a rerun over the same
folder only hashes files. Each parsed article is saved in its own transaction as soon as it
comes back, so an interrupted run keeps everything finished and a rerun resumes. Callbacks run
in the caller's thread (Streamlit can only draw from there).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from geo.corrections import apply_corrections
from geo.errors import GeoError
from geo.failures import FailureLog
from geo.ingest import SUPPORTED, read_path
from geo.store import Store
from geo.types import Document
from geo.windows import Failed, reason

# Files read ahead of the parser: bounds memory on huge folders while keeping every core busy.
BATCH = 128
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
        skipped = f"skipped (already stored) {self.existing}, " if verb == "added" else ""
        text = (f"{verb} {self.added}, {skipped}failed {len(self.failed)}, {self.words:,} words "
                f"in {self.seconds:.1f} s ({self.words_per_s:,.0f} words/s)")
        return ("interrupted: " + text) if self.interrupted else text


# Called after every outcome: (report, name, outcome) with outcome "added", "existing",
# "failed" or "reindexed".
Progress = Callable[[Report, str, str], None]


def find_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Supported files under the given folders (sorted, hidden ones skipped), plus given files.

    A file named explicitly is kept whatever its suffix: the reader sniffs the bytes and says
    why it cannot read it, which is more useful than silence.
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            found.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(root, f) for f in sorted(files)
                      if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED]
    return list(dict.fromkeys(found))


def _name(item: Source) -> str:
    if isinstance(item, Document):
        return item.source or item.title or item.id
    return str(item)


def _fresh(store: Store, items: Iterable[Source], seen: set[str], report: Report,
           progress: Progress | None, log: FailureLog | None, batch: int) -> Iterator[list[Document]]:
    """Batches of documents to parse: read, checked against the library, at most ``batch``
    documents or READ_AHEAD characters each (memory stays bounded on folders of big files).
    Unreadable and already stored ones are reported here and never reach the parser."""
    fresh: list[Document] = []
    chars = 0
    for item in items:
        try:
            doc = item if isinstance(item, Document) else read_path(item)
        except Exception as exc:  # noqa: BLE001  one odd file must not stop a 10,000-file run
            _fail(report, progress, log, _name(item), reason(exc), "ingest")
            continue
        try:
            stored = doc.id in seen or store.has(doc.id)
        except GeoError as exc:
            _fail(report, progress, log, _name(item), reason(exc), "ingest")
            continue
        if stored:
            report.existing += 1
            _tell(progress, report, _name(item), "existing")
            continue
        seen.add(doc.id)
        fresh.append(doc)
        chars += len(doc.text)
        if len(fresh) >= batch or chars >= READ_AHEAD:
            yield fresh
            fresh, chars = [], 0
    if fresh:
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


def _parser(report: Report, on_load: Callable[[str], None] | None, workers: int | None):
    """A geo.batch.BatchParser with the pipeline loaded, the clock restarted after loading:
    words/s measures parsing, not start-up."""
    from geo.batch import BatchParser
    from geo.pipeline import load_pipeline

    load_pipeline(progress=on_load)
    parser = BatchParser(workers)
    report.started = time.perf_counter()
    return parser


class _Run:
    """One ingest or reindex: the parser is made on first need (a rerun over stored files then
    loads no model); at the end the workers close and the time is kept, and Ctrl-C becomes
    ``report.interrupted`` with whatever was saved staying saved."""

    def __init__(self, report: Report, on_load: Callable[[str], None] | None, workers: int | None):
        self.report, self.on_load, self.workers = report, on_load, workers
        self._parser = None

    @property
    def parser(self):
        if self._parser is None:
            self._parser = _parser(self.report, self.on_load, self.workers)
        return self._parser

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
           batch: int = BATCH, log: FailureLog | None | bool = True) -> Report:
    """Parse and store the files (paths) or Documents not yet in ``store``.

    A file that cannot be read, parsed or stored fails alone: it is reported (and recorded in
    ``log``, by default the FailureLog beside the library; False for none) and the run goes
    on. On KeyboardInterrupt the report comes back with ``interrupted`` set; whatever was
    saved stays saved.
    """
    items = list(items)
    report = Report(total=len(items))
    log = FailureLog.beside(store) if log is True else (log or None)
    seen: set[str] = set()
    with _Run(report, on_load, workers) as run:
        for docs in _fresh(store, items, seen, report, progress, log, batch):
            try:
                corrections = store.corrections()  # per batch: the UI may correct meanwhile
            except GeoError as exc:
                for doc in docs:
                    _fail(report, progress, log, _name(doc), reason(exc), "ingest")
                continue
            for parsed in run.parser.parse(docs):
                if isinstance(parsed, Failed):
                    _fail(report, progress, log, _name(parsed.doc), parsed.reason, "ingest")
                    continue
                doc = parsed.doc
                try:
                    parsed = apply_corrections(parsed, corrections)
                    # save() is one transaction and says False if another process got there first.
                    added = store.save(parsed)
                except Exception as exc:  # noqa: BLE001 - this article alone is lost
                    _fail(report, progress, log, _name(doc), reason(exc), "ingest")
                    continue
                if log is not None:
                    _forget(log, _name(doc))
                if added:
                    report.added += 1
                    report.words += len(doc.text.split())
                    _tell(progress, report, _name(doc), "added")
                else:
                    report.existing += 1
                    _tell(progress, report, _name(doc), "existing")
    return report


def _forget(log: FailureLog, name: str) -> None:
    try:
        log.clear(name)
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
