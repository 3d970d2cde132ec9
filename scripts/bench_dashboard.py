"""Time the map page over a stored library of N events, headless (streamlit AppTest), or
marker click -> sentences in the panel in headless Chromium on the seed (--clicks N), or
page load -> markers drawn and the server's peak memory over a library of your own (--library).

    GEO_DATA_DIR=... .venv/bin/python scripts/bench_dashboard.py [--events 10000]
    GEO_DATA_DIR=... .venv/bin/python scripts/bench_dashboard.py --clicks 20
    GEO_DATA_DIR=... .venv/bin/python scripts/bench_dashboard.py --library lib.sqlite --loads 3

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
    from geo.geoparse.pipeline import load_pipeline
    from geo.store import Store
    from geo.types import Document

    base = load_pipeline().parse(Document(min(SEEDS.glob("*.txt")).read_text(encoding="utf-8")))
    with Store.open(path) as store:
        for i in range(-(-n_events // max(1, len(base.place_mentions)))):
            store.save(_copy(base, i))
        return len(store.place_mentions())


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
OUTSIDE = r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
WATCH_PANEL = """name => { window.__panelAt = null; const seen = new MutationObserver(() => {
    const heading = [...document.querySelectorAll('h3')].find(h => h.innerText.includes(name));
    if (heading && document.querySelector('.geo-sentence mark')) { window.__panelAt = performance.timeOrigin + performance.now(); seen.disconnect(); }
    }); seen.observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
ARM_CLICK = """() => { window.__home = window.__home || [window.map.getCenter(), window.map.getZoom()];
    window.map.closePopup(); window.map.setView(window.__home[0], window.__home[1], {animate: false});
    document.addEventListener('click', () => { window.__clickAt = performance.timeOrigin + performance.now(); },
                              {capture: true, once: true}); }"""


def _serve(tmp: str, port: int = 0, library: str = ""):
    import socket
    import subprocess
    import urllib.request

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    env = {**os.environ, "GEO_TILES": "offline", "GEO_DATABASE_URL": library or str(Path(tmp, "library.sqlite")),
           "GEO_LIBRARY": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.enableStaticServing", "true", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=open(Path(tmp, "streamlit.log"), "w"), stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def clicks(n: int) -> int:
    """Median marker click -> panel with that place's sentences, in Chromium, on the seed."""
    from playwright import sync_api

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = _serve(tmp)
        try:
            with sync_api.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1500, "height": 1100})
                outside: list[str] = []
                page.route(OUTSIDE, lambda route: (outside.append(route.request.url), route.abort()))
                started = time.perf_counter()
                page.goto(url + "/?mode=places")  # one marker per place: the seed has few events
                page.wait_for_selector(MAP, state="attached", timeout=120_000)
                page.wait_for_timeout(3000)  # the first reports (view, bounds) may re-mount the map once
                frame = [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()][-1]
                frame.wait_for_selector(".leaflet-marker-icon[title]", timeout=120_000)
                first = time.perf_counter() - started
                titles = frame.evaluate("""() => [...document.querySelectorAll('.leaflet-marker-icon[title]')]
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return e.title && r.left > 60 && r.top > 20 && r.right < innerWidth - 20 && r.bottom < innerHeight - 40; })
                    .map(e => e.title)""")  # drawn, clear of the controls: not in a cluster, not far off
                timings = []
                for i in range(n):
                    name = titles[i % len(titles)]
                    page.evaluate(WATCH_PANEL, name)
                    # The newest map frame: a rerun that changes the map's script re-mounts it.
                    frame = [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()][-1]
                    frame.evaluate(ARM_CLICK)  # back to the first view: a popup's autopan moves the map
                    page.wait_for_timeout(300)
                    marker = frame.locator(f'.leaflet-marker-icon[title="{name}"]').first
                    try:
                        marker.click(timeout=3000)
                    except sync_api.TimeoutError:  # covered at the frame's edge: the same click event
                        frame.evaluate(ARM_CLICK)
                        marker.dispatch_event("click")
                    page.wait_for_function("window.__panelAt !== null", timeout=15_000)
                    timings.append(page.evaluate("window.__panelAt") - frame.evaluate("window.__clickAt"))
                    page.wait_for_timeout(400)  # an analyst reads before the next click
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"first render (page load -> markers): {first:.2f} s")
    print(f"marker click -> sentences, median of {n}: {statistics.median(timings):.0f} ms "
          f"(min {min(timings):.0f}, max {max(timings):.0f}); all: {[round(t) for t in timings]}")
    print(f"requests leaving 127.0.0.1: {len(outside)}")
    return 0


def _memory_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, in MB (10^6 bytes), from /proc."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        kb = {k: int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM")}
    except (OSError, KeyError):  # the process has ended
        return 0.0, 0.0
    return kb["VmRSS"] * 1024 / 1e6, kb["VmHWM"] * 1024 / 1e6


def loads(library: str, n: int, max_mb: float, query: str = "") -> int:
    """Page load -> the map's markers drawn, n fresh visits in a row, in Chromium, over an existing
    library; with the server's resident memory after each and its peak. A server past ``max_mb``
    is stopped (the machine is shared): the visit is reported as not drawn."""
    import re
    import threading

    from playwright import sync_api

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = _serve(tmp, library=library)
        over = threading.Event()

        def watch() -> None:
            while proc.poll() is None:
                if _memory_mb(proc.pid)[0] > max_mb:
                    over.set()
                    proc.kill()
                    return
                time.sleep(0.1)

        threading.Thread(target=watch, daemon=True).start()
        print(f"server started: {_memory_mb(proc.pid)[0]:.0f} MB resident")
        try:
            with sync_api.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for i in range(1, n + 1):
                    page = browser.new_page(viewport={"width": 1500, "height": 1100})
                    page.route(re.compile(OUTSIDE), lambda route: route.abort())
                    started = time.perf_counter()
                    try:
                        page.goto(url + query)
                        page.wait_for_selector(MAP, state="attached", timeout=600_000)
                        frame = page.frame_locator(MAP).last
                        frame.locator(".leaflet-marker-icon").first.wait_for(state="attached", timeout=600_000)
                        drawn = f"{time.perf_counter() - started:.1f} s"
                    except sync_api.Error:
                        drawn = "not drawn" + (f" (server stopped past {max_mb:.0f} MB)" if over.is_set() else "")
                    if over.is_set():
                        print(f"load {i}: {drawn}")
                        break
                    now, peak = _memory_mb(proc.pid)
                    print(f"load {i}: page load -> markers {drawn}; server {now:.0f} MB resident, peak {peak:.0f} MB")
                    page.close()
                browser.close()
        finally:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(30)
    return 1 if over.is_set() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=0, help="time N marker clicks in Chromium instead")
    parser.add_argument("--library", metavar="URL", help="time page loads over this library in Chromium instead")
    parser.add_argument("--loads", type=int, default=3, help="with --library: visits in a row")
    parser.add_argument("--max-mb", type=float, default=8000, help="with --library: stop a server past this")
    parser.add_argument("--query", default="", help="with --library: the page's query string, e.g. ?mode=places")
    args = parser.parse_args()
    if args.library:
        return loads(args.library, args.loads, args.max_mb, args.query)
    if args.clicks:
        return clicks(args.clicks)
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
