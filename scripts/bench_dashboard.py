"""Time the map page over a stored library of N events, headless (streamlit AppTest).

    GEO_DATA_DIR=... .venv/bin/python scripts/bench_dashboard.py [--events 10000]

Kept out of `geo bench` because geo/ does not import streamlit. The library is the seed's parse
saved under many ids with places moved apart (as `geo bench --dashboard` builds it), in a
temporary SQLite file; the gazetteer index in GEO_DATA_DIR is only read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fill(path: Path, n_events: int) -> int:
    from geo.commands.bench import SEEDS, _copy
    from geo.pipeline import load_pipeline
    from geo.store import Store
    from geo.types import Document

    base = load_pipeline().parse(Document(min(SEEDS.glob("*.txt")).read_text(encoding="utf-8")))
    with Store.open(path) as store:
        for i in range(-(-n_events // max(1, len(base.place_mentions)))):
            store.save(_copy(base, i))
        return len(store.place_mentions())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--reruns", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GEO_DATABASE_URL"] = str(Path(tmp, "library.sqlite"))
        os.environ.setdefault("GEO_TILES", "offline")  # no network probe in the timing
        started = time.perf_counter()
        n = fill(Path(tmp, "library.sqlite"), args.events)
        print(f"library: {n:,} events, filled in {time.perf_counter() - started:.1f} s")

        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        if at.exception:
            print(at.exception, file=sys.stderr)
            return 1
        reruns = []
        for _ in range(args.reruns):
            started = time.perf_counter()
            at.run()
            reruns.append(time.perf_counter() - started)
        started = time.perf_counter()
        at.sidebar.multiselect(key="f_country").set_value(["UA"]).run()
        filtered = time.perf_counter() - started
        print(f"first render {first:.2f} s (opens the library, reads every event)")
        print(f"rerun, median of {len(reruns)}: {statistics.median(reruns):.2f} s")
        print(f"country filter: {filtered:.2f} s; table rows {len(at.dataframe[0].value):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
