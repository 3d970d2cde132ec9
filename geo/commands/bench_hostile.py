"""`geo bench --hostile`: time and peak memory of the inputs that once hurt the parser.

Each case runs in a fresh interpreter, so its peak RSS is its own: the lying 2 GB .docx (must
be refused under 300 MB), a text naming one place 20,000 times, sentences listing 1,000 to
100,000 distinct places (names read from the gazetteer), and 1 MB and multi-megabyte front-line
reports naming Ukraine's towns in turn (parsed in windows). The inputs are generated here, never
stored. The listed places show how parse time grows with the names: the slope of log(CPU
seconds) over log(names), 1 when linear.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

CASE = """
import json, sys, time
kind, arg = sys.argv[1], sys.argv[2]
t, cpu = time.perf_counter(), time.process_time()
outcome = "parsed"
if kind == "file":
    from geo.errors import GeoError
    from geo.text.ingest import read_path
    try:
        read_path(arg)
    except GeoError as exc:
        outcome = str(exc)
else:
    from geo.geoparse.pipeline import load_pipeline
    from geo.types import Document
    from geo.geoparse import windows
    pipeline = load_pipeline()
    text = open(arg, encoding="utf-8").read()
    t, cpu = time.perf_counter(), time.process_time()
    parsed = windows.parse(pipeline, Document(text))
    outcome = f"{len(parsed.resolutions)} mentions; " + "; ".join(parsed.notes)
# VmHWM: this process's own peak (getrusage's ru_maxrss would carry the parent's across exec).
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
                  "outcome": outcome, "peak_mb": round(peak / 1024)}))
"""


def _run_case(kind: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CASE, kind, str(path)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        return {"outcome": f"crashed (exit {done.returncode}): {done.stderr.strip()[-300:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


NAMES = (1_000, 5_000, 20_000, 100_000)


def run(report_mb: float = 5.0, names: tuple[int, ...] = NAMES) -> dict:
    from geo.text import hostile
    from geo.gazetteer import Gazetteer

    results = {}
    with tempfile.TemporaryDirectory(prefix="geo-hostile-") as tmp:
        tmp = Path(tmp)
        print("geo: writing a .docx that declares 5 KB and holds 2 GB…", file=sys.stderr, flush=True)
        (tmp / "lying.docx").write_bytes(hostile.lying_docx())
        results["lying 2 GB docx"] = _run_case("file", tmp / "lying.docx")
        (tmp / "kyiv.txt").write_text(hostile.repeated_name(), encoding="utf-8")
        results["Kyiv x 20,000"] = _run_case("text", tmp / "kyiv.txt")
        gazetteer = Gazetteer.open()  # the places named below are read from it; none are stored
        if names:
            pool = hostile.place_names(gazetteer, max(names))
            for n in sorted(names):
                print(f"geo: a sentence listing {n:,} places…", file=sys.stderr, flush=True)
                (tmp / "names.txt").write_text(hostile.listed_places(pool[:n]), encoding="utf-8")
                results[f"{n:,} names"] = {"names": min(n, len(pool)), **_run_case("text", tmp / "names.txt")}
        if report_mb > 0:
            places = hostile.oblast_places(gazetteer, 100_000)
            for mb in sorted({1.0, report_mb}):
                print(f"geo: a {mb:g} MB war report…", file=sys.stderr, flush=True)
                (tmp / "report.txt").write_text(hostile.war_report(places, int(mb * 1_000_000)), encoding="utf-8")
                results[f"{mb:g} MB war report"] = _run_case("text", tmp / "report.txt")
    return results


def _seconds(r: dict) -> float | None:
    # CPU time where known: the wall clock of a shared machine says more about its neighbours.
    return r.get("cpu_seconds") or r.get("seconds")


def slope(results: dict) -> float | None:
    """log(seconds) over log(names), from the fewest names listed to the most: 1 when linear."""
    timed = [(r["names"], _seconds(r)) for r in results.values() if r.get("names") and _seconds(r)]
    if len(timed) < 2:
        return None
    (n1, t1), (n2, t2) = min(timed), max(timed)
    return round(math.log(t2 / t1) / math.log(n2 / n1), 2) if n2 > n1 else None


def table(results: dict) -> None:
    for name, r in results.items():
        per = f"  {1000 * _seconds(r) / r['names']:.2f} ms/name" if r.get("names") and _seconds(r) else ""
        print(f"{name:18} {r.get('seconds', '-'):>7} s  (cpu {r.get('cpu_seconds', '-'):>7} s)  "
              f"peak {r.get('peak_mb', '-'):>5} MB{per}  {r['outcome'][:90]}")
    growth = slope(results)
    if growth is not None:
        print(f"cpu time grows as names^{growth} (1 is linear, 2 the square)")
