"""`geo bench --hostile`: time and peak memory of the inputs that once hurt the parser.

Each case runs in a fresh interpreter, so its peak RSS is its own: the lying 2 GB .docx (must
be refused under 300 MB), a text naming one place 20,000 times, and a multi-megabyte report
(parsed in windows). The inputs are generated here, never stored.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CASE = """
import json, sys, time
kind, arg = sys.argv[1], sys.argv[2]
t = time.perf_counter()
outcome = "parsed"
if kind == "file":
    from geo.errors import GeoError
    from geo.ingest import read_path
    try:
        read_path(arg)
    except GeoError as exc:
        outcome = str(exc)
else:
    from geo.pipeline import load_pipeline
    from geo.types import Document
    from geo import windows
    pipeline = load_pipeline()
    text = open(arg, encoding="utf-8").read()
    t = time.perf_counter()
    parsed = windows.parse(pipeline, Document(text))
    outcome = f"{len(parsed.resolutions)} mentions; " + "; ".join(parsed.notes)
# VmHWM: this process's own peak (getrusage's ru_maxrss would carry the parent's across exec).
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "outcome": outcome, "peak_mb": round(peak / 1024)}))
"""


def _run_case(kind: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CASE, kind, str(path)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        return {"outcome": f"crashed (exit {done.returncode}): {done.stderr.strip()[-300:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(report_mb: float = 5.0) -> dict:
    from geo import hostile

    results = {}
    with tempfile.TemporaryDirectory(prefix="geo-hostile-") as tmp:
        tmp = Path(tmp)
        print("geo: writing a .docx that declares 5 KB and holds 2 GB…", file=sys.stderr, flush=True)
        (tmp / "lying.docx").write_bytes(hostile.lying_docx())
        results["lying 2 GB docx"] = _run_case("file", tmp / "lying.docx")
        (tmp / "kyiv.txt").write_text(hostile.repeated_name(), encoding="utf-8")
        results["Kyiv x 20,000"] = _run_case("text", tmp / "kyiv.txt")
        if report_mb > 0:
            seed = min((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")).read_text(encoding="utf-8")
            copies = max(1, int(report_mb * 1_000_000 / (len(seed) + 2)))
            (tmp / "report.txt").write_text("\n\n".join([seed] * copies), encoding="utf-8")
            results[f"{report_mb:g} MB report"] = _run_case("text", tmp / "report.txt")
    return results


def table(results: dict) -> None:
    for name, r in results.items():
        print(f"{name:18} {r.get('seconds', '-'):>7} s  peak {r.get('peak_mb', '-'):>5} MB  {r['outcome'][:90]}")
