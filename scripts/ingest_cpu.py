"""CPU seconds per article of every process of a Dask ingest, parsing time only (after the
workers have loaded, before they close): the driver's own thread, the rest of the driver's
process (the scheduler's and the client's event loop, in a local cluster), each nanny, each
worker. Wall-clock ratios move with whatever else runs on the machine; CPU per article does
much less, and says where the time goes that the workers do not spend parsing.

    .venv/bin/python scripts/ingest_cpu.py FILE.jsonl 2 [--engine dask|local]   (FILE: scripts/war_jsonl.py 600)
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _stat(path: str) -> tuple[int, float] | None:
    try:
        with open(path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK  # ppid, utime+stime


def threads(pid: int, names: dict[int, str]) -> dict[str, float]:
    """CPU seconds of one process's threads, by name where known."""
    out: dict[str, float] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        got = _stat(f"/proc/{pid}/task/{tid}/stat")
        if got:
            name = names.get(int(tid), "main" if int(tid) == pid else "other")
            out[name] = out.get(name, 0.0) + got[1]
    return out


def snapshot(names: dict[int, str] | None = None) -> dict[str, float]:
    """CPU seconds by role, of this process and its descendants; with ``names`` (thread id ->
    name), by thread too."""
    me = os.getpid()
    parents, cpu = {}, {}
    for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
        got = _stat(f"/proc/{pid}/stat")
        if got:
            parents[pid], cpu[pid] = got
    roles: dict[str, float] = {"driver": time.thread_time()}
    roles["driver other threads"] = cpu[me] - roles["driver"]
    if names is not None:
        for pid in [me] + [p for p, pp in parents.items() if pp == me]:
            for name, seconds in threads(pid, names).items():
                roles[f"{pid}/{name}"] = seconds
    kids = [p for p, pp in parents.items() if pp == me]
    for n, kid in enumerate(sorted(kids)):
        grandkids = sorted(p for p, pp in parents.items() if pp == kid)
        with open(f"/proc/{kid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        if "resource_tracker" in cmd:
            roles["resource tracker"] = cpu[kid]
        elif grandkids:
            roles[f"nanny {n}"] = cpu[kid]
            for g in grandkids:
                roles[f"worker {n}"] = roles.get(f"worker {n}", 0.0) + cpu[g]
        else:
            roles[f"worker {n}"] = cpu[kid]
    return roles


def _names() -> dict[int, str]:
    return {t.native_id: t.name for t in threading.enumerate()}


def idle(workers: int, seconds: float) -> None:
    """What the cluster costs doing nothing: CPU that grows with wall time, not with articles."""
    from geo.library.engine_dask import DaskParser

    with DaskParser(workers) as parser:
        names = {t.native_id: t.name for t in threading.enumerate()}
        for got in parser.client.run(_names).values():
            names.update(got)
        before, t0 = snapshot(names), time.perf_counter()
        time.sleep(seconds)
        after, wall = snapshot(names), time.perf_counter() - t0
    per = {k: round(1000 * (after[k] - before.get(k, 0.0)) / wall, 1) for k in after}
    print(json.dumps({"idle_workers": workers, "wall_s": round(wall, 1), "cpu_ms_per_s": per,
                      "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("workers", type=int)
    ap.add_argument("--engine", default="dask")
    ap.add_argument("--batch", type=int, default=None, help="articles per task (default: the engine's)")
    ap.add_argument("--idle", type=float, default=0.0, metavar="S",
                    help="instead: CPU seconds per second of an idle Dask cluster over S seconds")
    args = ap.parse_args()
    if args.idle:
        return idle(args.workers, args.idle)

    from geo.library import bulk
    from geo.library.sources import ArticleSource
    from geo.store import Store

    marks: dict[str, object] = {}
    real = bulk._Run.map_batches

    def timed(self, batches):
        # Starts once the parser (and its workers) exist; ends before they close.
        yield from real(self, batches)
        marks["after"], marks["t1"] = snapshot(marks["names"]), time.perf_counter()

    real_parser = bulk._parser

    def parser(*a, **k):
        p = real_parser(*a, **k)
        names = {t.native_id: t.name for t in threading.enumerate()}
        if hasattr(p, "client"):
            for got in p.client.run(_names).values():
                names.update(got)
        marks["names"] = names
        marks["before"], marks["t0"] = snapshot(names), time.perf_counter()
        return p

    bulk._Run.map_batches, bulk._parser = timed, parser
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp, "cpu.sqlite")) as store:
        report = bulk.ingest(store, ArticleSource([args.source], say=lambda m: None),
                             engine=args.engine, workers=args.workers, log=False, batch=args.batch)
    before, after = marks["before"], marks["after"]
    n = max(1, report.added)
    per = {k: round(1000 * (after[k] - before.get(k, 0.0)) / n, 2) for k in after}
    wall = marks["t1"] - marks["t0"]
    print(json.dumps({"engine": args.engine, "workers": args.workers, "batch": args.batch,
                      "articles": report.added,
                      "wall_s": round(wall, 2), "articles_per_s": round(report.added / wall, 2),
                      "cpu_ms_per_article": per,
                      "total_cpu_ms_per_article": round(sum(v for k, v in per.items() if "/" not in k), 2),
                      "load": load, "threads": threading.active_count()}))


if __name__ == "__main__":
    main()
