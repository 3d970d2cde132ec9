"""Parsing on a Dask cluster: ``geo ingest --engine dask`` (the optional ``distributed`` extra).

Dask distributes; nothing here schedules. With no address a ``LocalCluster`` of worker
processes starts on this machine (nothing to set up: tests, a laptop); with ``--address`` or
``$GEO_DASK_ADDRESS`` the work goes to that scheduler's workers, on any number of machines.
A ``WorkerPlugin`` loads the gazetteer and the spaCy model once in every worker, including
workers that join later or that Dask's nanny restarts after a crash.

The driver keeps a few batches per worker thread in flight (memory stays bounded whatever the
input's size). Each article is stored as the local path stores it, with the user's corrections
applied, keyed on its content hash: by the driver when the library is a SQLite file on its disk
(the workers send back only the rows to insert, corrected, and each batch goes in one
transaction: unpickling whole parses and writing article by article cost the driver more CPU
than anything but parsing); by the workers themselves when it is a database server they can
reach (PostgreSQL), so that writing scales with them and only a line per article comes back.
A worker killed mid-batch costs only a re-run of its batches, which Dask reschedules on the
others (an article it had written is then found stored); a batch that keeps killing its
workers is split, so only the article that kills them fails.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from geo.errors import GeoError
from geo.store.write import ArticleRows, rows_of
from geo.types import Document, ParsedDocument
from geo.geoparse.windows import Failed, parse_many, reason

ADDRESS_ENV = "GEO_DASK_ADDRESS"
PLUGIN = "geo-pipeline"
BATCH = 16  # articles per task: ~0.5 s of parsing, far above Dask's ~1 ms per task
IN_FLIGHT = 2  # batches queued per worker thread: none idles while the driver writes
CONNECT_TIMEOUT_S = 30
# Our own local cluster only: Dask's defaults poll for its dashboard (a 100 Hz profiler in every
# worker, event-loop ticks every 20 ms, memory every 100 ms in every nanny and worker). Idle, a
# 2-worker cluster spent 107 ms of CPU a second that way, 15 with these: CPU taken from parsing
# on a small machine. A memory check every 0.5 s still stops a runaway worker well in time.
QUIET = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
         "distributed.worker.memory.monitor-interval": "500ms",
         "distributed.admin.system-monitor.interval": "2s"}
KILLED = "its worker died while parsing it (killed, or out of memory)"

try:
    from distributed import WorkerPlugin
except ImportError:  # the extra is not installed: DaskParser says how to get it
    WorkerPlugin = object


class PipelinePlugin(WorkerPlugin):
    """Loads the parser once per worker process. Offline stages only: online ones (a geocoder
    with its rate limit) run in the driver, one for the whole run, as in the local pool."""

    name = PLUGIN

    def __init__(self, ignore_ctrl_c: bool = False):
        # Workers of a local cluster share the terminal: Ctrl-C stops the driver, which closes
        # them, rather than each printing a traceback.
        self.ignore_ctrl_c = ignore_ctrl_c

    def setup(self, worker) -> None:
        import signal
        import threading

        from geo.geoparse.pipeline import Pipeline, load_pipeline

        if self.ignore_ctrl_c and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)

        shared = load_pipeline(progress=lambda message: None)  # builds the index if missing
        self.pipeline = Pipeline(shared.gazetteer, shared.nlp, stages=[], events=shared.events,
                                 without=shared.without)
        self.stores: dict = {}

    def store(self, url: str):
        """One connection pool per library for the worker's life."""
        from geo.store import Store

        if url not in self.stores:
            self.stores[url] = Store.open(url)
        return self.stores[url]

    def teardown(self, worker) -> None:
        for store in self.stores.values():
            store.close()


@dataclass(frozen=True, slots=True)
class Saved:
    """What comes back for an article a worker wrote: ``added`` False when it was stored
    already (by an earlier run, or by this batch's first try on a worker since killed)."""

    doc_id: str
    added: bool


def parse_batch(docs: list[Document]) -> list[ParsedDocument | Failed]:
    """The task each worker runs: parses in order, a bad document failing alone."""
    from distributed import get_worker

    return list(parse_many(get_worker().plugins[PLUGIN].pipeline, docs))


def parse_to_rows(docs: list[Document], corrections: list) -> list[ArticleRows | Failed]:
    """The task when the driver writes: parse, correct, and send back only the rows to store."""
    from distributed import get_worker

    from geo.library.corrections import apply_corrections

    out: list[ArticleRows | Failed] = []
    for parsed in parse_many(get_worker().plugins[PLUGIN].pipeline, docs):
        if isinstance(parsed, Failed):
            out.append(parsed)
            continue
        try:
            out.append(rows_of(apply_corrections(parsed, corrections)))
        except Exception as exc:  # noqa: BLE001 - this article alone is lost
            out.append(Failed(parsed.doc, reason(exc)))
    return out


def parse_and_save(docs: list[Document], url: str) -> list[Saved | Failed]:
    """The task when workers write: parse, then save each article as geo.library.bulk does."""
    from distributed import get_worker

    from geo.library.corrections import save

    plugin = get_worker().plugins[PLUGIN]
    try:
        store = plugin.store(url)
        corrections = store.corrections()  # per batch, as the driver reads them
    except Exception as exc:  # noqa: BLE001 - no library here (unreachable, no driver): the batch fails
        return [Failed(doc, reason(exc)) for doc in docs]
    out: list[Saved | Failed] = []
    for parsed in parse_many(plugin.pipeline, docs):
        if isinstance(parsed, Failed):
            out.append(parsed)
            continue
        try:
            out.append(Saved(parsed.doc.id, save(store, parsed, corrections)))
        except Exception as exc:  # noqa: BLE001 - this article alone is lost
            out.append(Failed(parsed.doc, reason(exc)))
    return out


class DaskParser:
    """Same contract as ``geo.geoparse.batch.BatchParser.map_batches``, on a Dask cluster."""

    def __init__(self, workers: int | None = None, address: str | None = None,
                 say: Callable[[str], None] | None = None, library: str | None = None,
                 corrections: Callable[[], list] | None = None):
        """``library``: the URL of a database server the workers write to themselves (see the
        module's doc); else with ``corrections`` (the library's, read per batch) the rows to
        store come back (geo.store.write.ArticleRows), corrected; else the parses."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise GeoError("--engine dask needs Dask: pip install 'geo-events-map[distributed]'") from None
        say = say or (lambda message: None)
        address = address or os.environ.get(ADDRESS_ENV) or None
        self.client = self.cluster = self.library = self.corrections = None
        if address:
            say(f"connecting to the Dask scheduler at {address}")
            try:
                self.client = Client(address, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                raise GeoError(f"no Dask scheduler answers at {address} ({type(exc).__name__})") from None
            if workers:
                say(f"waiting for {workers} workers")
                self.client.wait_for_workers(workers)
        else:
            from geo.geoparse.batch import workers_default

            n = workers or workers_default()
            say(f"starting a local Dask cluster of {n} worker process{'es' if n > 1 else ''}")
            # One thread per process: parsing is pure Python, so processes do the parallelism.
            # Scheduler and its status page on this machine only, on free ports.
            import dask

            with dask.config.set(QUIET):  # nannies hand their config to the workers they start
                self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                            silence_logs=logging.CRITICAL)
            self.client = Client(self.cluster)
        try:
            say("workers loading the gazetteer and the NER model")
            answers = self.client.register_plugin(PipelinePlugin(ignore_ctrl_c=self.cluster is not None))
            broken = [a for a in answers.values() if a.get("status") != "OK"]
            if broken:
                raise GeoError(f"a Dask worker could not load the parser: {broken[0].get('exception')!r}")
            self.refine = _refine()
            # Online stages run once, in the driver: then the driver writes too.
            self.library = library if self.refine is None else None
            self.corrections = corrections if self.refine is None else None
        except BaseException:
            self.close()
            raise
        self._slots, self._slots_at = 0, 0.0

    def slots(self) -> int:
        """Batches to keep in flight: IN_FLIGHT per worker thread, re-read every few seconds
        since workers come and go on a cluster."""
        now = time.monotonic()
        if now - self._slots_at > 5:
            threads = sum(self.client.nthreads().values())
            self._slots, self._slots_at = IN_FLIGHT * max(1, threads), now
        return self._slots

    def map_batches(self, batches: Iterable[list[Document]]
                    ) -> Iterator[tuple[list[Document], list[ParsedDocument | Saved | Failed]]]:
        """(batch, its parses) as each batch finishes, not in input order; when the workers
        write (``library``), Saved in place of each parse written; with ``corrections``, the
        rows to store in place of each parse."""
        from distributed import KilledWorker, as_completed

        batches = iter(batches)
        # This client's loop, not the process's first client's (a notebook's, a test's): a
        # result lost with its worker is waited for again on the loop its future lives on.
        waiting = as_completed(loop=self.client.loop)
        owners: dict[str, list[Document]] = {}

        def submit(docs: list[Document]) -> None:
            if self.library:
                future = self.client.submit(parse_and_save, docs, self.library, pure=False)
            else:
                try:
                    corrections = None if self.corrections is None else self.corrections()
                except Exception:  # noqa: BLE001 - the parses come back; their saves will say why
                    corrections = None
                future = (self.client.submit(parse_batch, docs, pure=False) if corrections is None
                          else self.client.submit(parse_to_rows, docs, corrections, pure=False))
            owners[future.key] = docs
            waiting.add(future)

        def fill() -> None:
            while len(owners) < self.slots() and (docs := next(batches, None)) is not None:
                submit(docs)

        fill()
        for future in waiting:
            docs = owners.pop(future.key)
            try:
                results = future.result()
            except KilledWorker:
                if len(docs) > 1:  # find the one that kills its workers: the rest go through
                    for doc in docs:
                        submit([doc])
                    continue
                results = [Failed(docs[0], KILLED)]
            except Exception as exc:  # noqa: BLE001 - a batch lost any other way: its articles fail
                results = [Failed(doc, reason(exc)) for doc in docs]
            finally:
                future.release()
            if self.refine is not None:
                results = [r if isinstance(r, Failed) else self.refine(r) for r in results]
            yield docs, results
            fill()

    def close(self) -> None:
        for part in (self.client, self.cluster):
            if part is not None:
                try:
                    part.close()
                except Exception:  # noqa: BLE001 - closing after a failure must not hide it
                    pass
        self.client = self.cluster = None

    def __enter__(self) -> "DaskParser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _refine():
    """The driver's online stages, when the environment configures any (GEO_GEOCODER)."""
    from geo.geoparse.fallback import default_stages

    if not default_stages():
        return None
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline().refine
