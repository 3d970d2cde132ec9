"""`geo ingest --engine dask`: real Dask (local mode and a cluster by address), real SQLite, the
real pipeline. The same mentions and events as the single-process path; each article stored
exactly once when a worker or the driver is killed with SIGKILL; the CLI's flags."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from geo.library import bulk  # noqa: E402
from geo.cli import main  # noqa: E402
from geo.library.sources import ArticleSource  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.types import Document  # noqa: E402
from factories import war_articles  # noqa: E402

pytestmark = pytest.mark.usefixtures("geo_data_dir")

N = 300  # articles in the equality corpus
FEW = 120  # in the kill tests


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def library(store: Store) -> dict[str, tuple]:
    """Everything stored per article: its row, sentences, mentions and events."""
    out = {}
    for info in store.articles():
        parsed = store.parsed(info.id)
        doc = parsed.doc
        out[info.id] = (
            (doc.title, doc.source, doc.date),
            [(s.index, s.start, s.end) for s in parsed.sentences],
            [(r.mention.start, r.mention.end, r.mention.text, r.mention.label, r.mention.hint,
              r.place.id, round(r.score, 9), tuple(p.id for p in r.alternatives))
             for r in parsed.resolutions],
            [(e.sentence.index, e.type, e.sub_type, e.place.id if e.place else None, e.precision,
              e.date, e.actors, e.fatalities, e.injured, round(e.score, 9),
              e.mention.start if e.mention else None)
             for e in parsed.events],
        )
    return out


def row_counts(store: Store) -> tuple[int, ...]:
    from sqlalchemy import func, select

    from geo.store.schema import articles, mentions, reported_events, sentences

    with store._read() as conn:
        return tuple(conn.scalar(select(func.count()).select_from(t))
                     for t in (articles, sentences, mentions, reported_events))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "war.jsonl", war_articles(N))


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory, geo_data_dir) -> dict[str, tuple]:
    """The single-process path: engine local, one process."""
    with Store.open(tmp_path_factory.mktemp("local") / "lib.sqlite") as store:
        report = bulk.ingest(store, ArticleSource([corpus]), workers=1, log=False)
        assert (report.added, report.failed) == (N, [])
        return library(store)


@pytest.fixture
def cluster(geo_data_dir):
    """A running Dask cluster of two worker processes, reached by its address as a real one.
    One per test: a test that kills workers leaves no half-restarted cluster to the next
    (a nanny whose worker was killed while starting may give up, and the next test then
    waited for a worker that never came).
    A task is given up after killing one worker (Dask's default: after four), and a worker
    holds only the task it runs, so that its death accuses no other: quicker to test."""
    import dask
    from distributed import Client, LocalCluster

    config = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config), LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                               dashboard_address="127.0.0.1:0", silence_logs=40
                                               ) as running, Client(running) as client:
        yield running.scheduler_address, client


def test_dask_in_local_mode_stores_what_the_single_process_path_stores(corpus, expected, tmp_path):
    assert sum(len(v[2]) for v in expected.values()) > N and sum(len(v[3]) for v in expected.values()) > N
    with Store.open(tmp_path / "lib.sqlite") as store:
        report = bulk.ingest(store, ArticleSource([corpus]), engine="dask", workers=2, log=False)
        assert (report.added, report.existing, report.failed, report.total) == (N, 0, [], N)
        assert library(store) == expected


def test_dask_applies_the_librarys_corrections_as_the_single_process_path_does(tmp_path):
    """The workers correct the rows they send back with the library's corrections."""
    from factories import KHERSON

    src = write_jsonl(tmp_path / "war.jsonl", war_articles(12, seed=5))
    town = "Mykolaiv"  # corrected to the wrong city: visibly so in what is stored
    got = []
    for engine in ("local", "dask"):
        with Store.open(tmp_path / f"{engine}.sqlite") as store:
            store.add_correction(town, KHERSON, "")
            report = bulk.ingest(store, ArticleSource([src]), engine=engine, workers=1, log=False)
            assert (report.added, report.failed) == (12, [])
            got.append(library(store))
    assert got[0] == got[1]
    assert any(m[2] == town and m[5] == KHERSON.id for article in got[1].values() for m in article[2])


def kill(client, pick) -> int:
    """SIGKILL one worker process (``pick`` of the live pids); a pid gone meanwhile (its nanny
    restarting it) is read again, so the test kills a worker, not a race."""
    for _ in range(5):
        pid = pick(set(client.run(os.getpid).values()))
        try:
            os.kill(pid, signal.SIGKILL)
            return pid
        except ProcessLookupError:
            continue
    raise AssertionError("no worker process to kill")


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(corpus, expected, cluster, tmp_path):
    address, client = cluster
    killed = []

    def kill_one_worker(report, name, outcome):
        if outcome == "added" and report.added == 15 and not killed:
            killed.append(kill(client, min))  # mid-batch: its tasks are in flight

    src = write_jsonl(tmp_path / "war.jsonl", war_articles(N)[:FEW])  # same sources
    with Store.open(tmp_path / "lib.sqlite") as store:
        report = bulk.ingest(store, ArticleSource([src]), engine="dask", address=address,
                             progress=kill_one_worker, log=False)
        assert killed and (report.added, report.existing, report.failed) == (FEW, 0, []), report.failed[:1]
        got = library(store)
        assert got == {k: v for k, v in expected.items() if k in got} and len(got) == FEW
    client.wait_for_workers(2, timeout=60)  # the nanny replaced it
    assert killed[0] not in set(client.run(os.getpid).values())


def test_a_killed_driver_then_a_rerun_stores_each_article_once(corpus, expected, tmp_path):
    import psutil

    src = write_jsonl(tmp_path / "war.jsonl", war_articles(N)[:FEW])  # same sources
    db = tmp_path / "lib.sqlite"
    command = [sys.executable, "-m", "geo.cli", "ingest", str(src), "--db", str(db),
               "--engine", "dask", "--workers", "2"]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while stored < 10:
            assert driver.poll() is None, driver.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "nothing stored in 2 minutes"
            time.sleep(0.2)
            if db.exists():
                with Store.open(db) as store:
                    stored = row_counts(store)[0]
        workers = psutil.Process(driver.pid).children(recursive=True)
        driver.send_signal(signal.SIGKILL)
        driver.wait()
    finally:
        if driver.poll() is None:
            driver.kill()
        driver.stderr.close()
    # The workers notice their nanny (in the driver) is gone and end: nothing is left running.
    gone, alive = psutil.wait_procs(workers, timeout=30)
    for p in alive:
        p.kill()
    assert not alive, f"{len(alive)} worker processes outlived the driver"

    with Store.open(db) as store:
        partial = row_counts(store)
        assert 10 <= partial[0] < FEW
        report = bulk.ingest(store, ArticleSource([src]), engine="dask", workers=2, log=False)
        assert report.existing == partial[0] and report.added == FEW - partial[0]
        got = library(store)
        assert got == {k: v for k, v in expected.items() if k in got} and len(got) == FEW
        # No article's rows twice: the counts are the sum of the single-process parses'.
        assert row_counts(store) == (FEW, sum(len(v[1]) for v in got.values()),
                                     sum(len(v[2]) for v in got.values()),
                                     sum(len(v[3]) for v in got.values()))
        # And the same command a third time stores nothing.
        again = bulk.ingest(store, ArticleSource([src]), engine="dask", workers=1, log=False)
        assert (again.added, again.existing) == (0, FEW)


class Poison(distributed.WorkerPlugin):
    """Makes a worker die (as by the kernel's OOM killer) on an article containing POISON,
    in every worker, restarted ones too."""

    name = "poison"

    def setup(self, worker):
        import geo.library.engine_dask as engine

        self.parse = parse = engine.parse_many

        def deadly(pipeline, docs):
            if any("POISON" in doc.text for doc in docs):
                os._exit(137)
            return parse(pipeline, docs)

        engine.parse_many = deadly

    def teardown(self, worker):
        import geo.library.engine_dask as engine

        engine.parse_many = self.parse


def test_an_article_that_kills_its_workers_fails_alone(cluster, tmp_path):
    address, client = cluster
    records = war_articles(24, seed=3)
    records[21]["text"] += " POISON"
    src = write_jsonl(tmp_path / "war.jsonl", records)
    client.register_plugin(Poison())
    try:
        with Store.open(tmp_path / "lib.sqlite") as store:
            report = bulk.ingest(store, ArticleSource([src]), engine="dask", address=address)
            assert report.failed == [("war.jsonl#war-3-21", "its worker died while parsing it "
                                      "(killed, or out of memory)")]
            assert report.added == 23 and len(store.articles()) == 23
    finally:
        client.unregister_worker_plugin("poison")


@pytest.mark.postgres
def test_workers_write_to_postgresql_themselves_exactly_once(expected, cluster, tmp_path, monkeypatch):
    from pg import _scratch_schema, postgres_url

    address, client = cluster
    monkeypatch.setattr(bulk, "save", lambda *a: pytest.fail("the driver wrote"))
    killed = []

    def kill_one_worker(report, name, outcome):
        if report.done == 10 and not killed:
            killed.append(kill(client, max))

    src = write_jsonl(tmp_path / "war.jsonl", war_articles(N)[:80])
    for url in _scratch_schema(postgres_url()):
        with Store.open(url) as store:
            report = bulk.ingest(store, ArticleSource([src]), engine="dask", address=address,
                                 progress=kill_one_worker, log=False)
            # A batch written before its worker was killed is found stored when it reruns.
            assert killed and report.added + report.existing == 80 and not report.failed
            got = library(store)
            assert got == {k: v for k, v in expected.items() if k in got} and len(got) == 80
            assert row_counts(store) == (80, *(sum(len(v[i]) for v in got.values()) for i in (1, 2, 3)))
            again = bulk.ingest(store, ArticleSource([src]), engine="dask", address=address, log=False)
            assert (again.added, again.existing) == (0, 80)


def test_cli_engine_address_glob_and_report(cluster, tmp_path, monkeypatch, capsys):
    address, _ = cluster
    records = war_articles(30, seed=1)
    write_jsonl(tmp_path / "a-1.jsonl", records[:20])
    write_jsonl(tmp_path / "a-2.jsonl", records[20:] + [{"id": "x", "no": "text"}])
    (tmp_path / "a-3.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # fails alone
    db = str(tmp_path / "lib.sqlite")
    glob = str(tmp_path / "a-*")

    assert main(["ingest", glob, "--db", db, "--engine", "dask", "--address", address]) == 0
    err = capsys.readouterr().err
    assert "added 30, already in the library 0, failed 1" in err
    assert "a-2.jsonl: line 11: skipped (no 'text' field)" in err
    assert "articles/s" in err and "ETA" in err
    with Store.open(db) as store:
        assert {a.id for a in store.articles()} == {Document(r["text"]).id for r in records}
        assert {a.source for a in store.articles()} >= {"a-1.jsonl#war-1-0", "a-2.jsonl#war-1-29"}

    # The address from the environment; the same command again stores nothing; --report.
    monkeypatch.setenv("GEO_DASK_ADDRESS", address)
    assert main(["ingest", glob, "--db", db, "--engine", "dask", "--workers", "2", "--report"]) == 0
    captured = capsys.readouterr()
    assert "added 0, already in the library 30, failed 1" in captured.err
    assert "a-3.txt: " in captured.out and "PNG" in captured.out

    assert main(["ingest", glob, "--db", db, "--address", address]) == 2  # needs --engine dask
    assert main(["ingest", glob, "--db", db, "--engine", "ray"]) == 2
    assert "unknown engine 'ray'" in capsys.readouterr().err
    monkeypatch.setenv("GEO_DASK_ADDRESS", "tcp://127.0.0.1:9")  # nothing listens there
    monkeypatch.setattr("geo.library.engine_dask.CONNECT_TIMEOUT_S", 2)
    assert main(["ingest", str(tmp_path / "a-1.jsonl"), "--db", str(tmp_path / "new.sqlite"),
                 "--engine", "dask"]) == 2
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_bench_ingest_prints_a_line_per_engine_and_worker_count(tmp_path, capsys):
    src = write_jsonl(tmp_path / "bench.jsonl", war_articles(6, seed=2))
    assert main(["bench", "--ingest", str(src), "--workers", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["engine"], r["workers"], r["articles"]) for r in lines[:-1]] == [("local", 1, 6), ("dask", 1, 6)]
    assert all(r["articles_per_s"] > 0 and r["words_per_s"] > 0 and r["load_before"] for r in lines[:-1])
    assert set(lines[-1]["ratios"]) == {"dask/local 1 workers"}
    assert main(["bench", "--ingest", "5", "--workers", "1,2"]) == 2  # counts are for a file
