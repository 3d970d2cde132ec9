"""Time the offline map page in headless Chromium: OpenStreetMap's raster tiles (the background before
issue 19) against the English vector basemap (the default since), both with the English layers.

Usage: .venv/bin/python scripts/bench_map.py [--runs 7] [--places 2000] [--view LAT,LON,ZOOM]

Builds the events map (the seed article, or N synthetic places), writes it as a page beside the
app's static/ folder (served at /app/static as Streamlit does), and reports the median time from
navigation to the first marker, the first label, the first background tile and every background
tile of the view drawn (measured in the page, from its navigation start); then the size of
static/. Needs `geo assets` to have run (scripts/setup.sh does).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factories import seed_parsed, synthetic_events  # noqa: E402
from geo.map import basemap, webmap  # noqa: E402

# Milliseconds from navigation start to the first element matching each selector, noted in the
# page, and to the moment every background tile of the view is drawn.
SEEN = """window.__seen = {};
new MutationObserver(() => {
    ['.leaflet-marker-icon', '.geo-lbl', '.leaflet-tile-loaded'].forEach(s => {
        if (!window.__seen[s] && document.querySelector(s)) { window.__seen[s] = performance.now(); }
    });
    const tiles = document.querySelectorAll('.leaflet-tile-container .leaflet-tile');
    if (!window.__seen.background && tiles.length >= 4
            && !document.querySelector('.leaflet-tile-container .leaflet-tile:not(.leaflet-tile-loaded)')) {
        window.__seen.background = performance.now();
    }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});"""
MARKS = {"first marker": ".leaflet-marker-icon", "first tile": ".leaflet-tile-loaded",
         "background drawn": "background", "first label": ".geo-lbl"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _size(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--places", type=int, default=0, help="synthetic places instead of the seed article")
    ap.add_argument("--view", default="", help="LAT,LON,ZOOM to open the map at (default: fit the places)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    static = ROOT / "static"
    variants = {"raster (before)": basemap.choose_basemap(static, "local"),
                "vector (after)": basemap.choose_basemap(static, "offline")}
    variants = {name: dataclasses.replace(bm, choices=()) for name, bm in variants.items()}
    if variants["vector (after)"].kind != "vector" or variants["raster (before)"].kind != "local":
        print("run `geo assets` first: the vector basemap or the raster tiles are missing")
        return 1
    events = synthetic_events(args.places) if args.places else seed_parsed().place_mentions
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "app").mkdir()
        (site / "app" / "static").symlink_to(static)
        for name, bm in variants.items():
            started = time.perf_counter()
            m = webmap.build_map(events, basemap=bm)
            if args.view:
                lat, lon, zoom = (float(v) for v in args.view.split(","))
                m.location, m.options["zoom"] = [lat, lon], int(zoom)
                m._children = {k: v for k, v in m._children.items() if not k.startswith("fit_bounds")}
            html = m.get_root().render()
            print(f"{name}: build + render in Python {1000 * (time.perf_counter() - started):.0f} ms, "
                  f"{len(html) / 1000:.0f} kB of HTML")
            (site / f"{name.split()[0]}.html").write_text(html, encoding="utf-8")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        times: dict[str, dict[str, list[float]]] = {n: {k: [] for k in MARKS} for n in variants}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            for _ in range(args.runs):
                for name in variants:  # interleaved, so both see the same machine load
                    page = browser.new_page(viewport={"width": 1200, "height": 800})
                    page.route(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/]).*", lambda route: route.abort())
                    page.add_init_script(SEEN)
                    page.goto(f"http://127.0.0.1:{server.server_port}/{name.split()[0]}.html")
                    for mark, key in MARKS.items():
                        page.wait_for_function(f"window.__seen[{key!r}]", timeout=30_000)
                        times[name][mark].append(page.evaluate(f"window.__seen[{key!r}]"))
                    page.close()
            browser.close()
        server.shutdown()
    for name, found in times.items():
        medians = ", ".join(f"{k} {statistics.median(v):.0f} ms" for k, v in found.items() if v)
        print(f"{name}: median of {args.runs}: {medians}")
    for part in ("vendor", "basemap", "tiles", "layers"):
        if (static / part).exists():
            mb, count = _size(static / part)
            print(f"static/{part}: {mb:.1f} MB in {count:,} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
