"""`geo bench --map 10000,100000,1000000`: the map page over synthetic libraries of each size, in
headless Chromium, one JSON line per size, then the ratios of the largest to the smallest.

Per size: a library from geo.store.synthetic (kept under the temp dir, made once), a fresh Streamlit
server over it, its first visit (``cold_render_s``), then a new visitor's: page load -> the map's
cells or markers on screen (``first_render_s``: in the page's own clock, to the frame painted after
the map's frame has its height, Leaflet's stylesheet applies to the cells or markers and they are in
the page; what a user sees, not the moment the layer's script ran), and to the
feed and the table shown too (``page_s``: they follow the map's first report of its view),
a pan and a zoom -> the new view's layer drawn (``pan_s``, the slower of the medians), choosing an
event type in the sidebar -> the layer redrawn (``filter_s``), and the server's peak resident
memory (``peak_rss_mb``). The machine's load is printed with each line: the numbers depend on it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
MAP = 'iframe[title="streamlit_folium.st_folium"]'
DRAWN = "() => !!(window.map && (window.geoCells || (window.geoPlaceMarkers && window.geoPlaceMarkers.length)))"
MARK = "() => { window.__shown = [window.geoCells, window.geoPlaceMarkers]; }"
CHANGED = "() => window.geoCells !== window.__shown[0] || window.geoPlaceMarkers !== window.__shown[1]"
# The map as a user sees it: its frame given its height (streamlit-folium sets it once Leaflet has
# started), the view's cells or markers in it, and Leaflet's stylesheet on them (the frame links
# its CSS only after its scripts: unstyled, the icons are a column of boxes at the frame's top left).
ON_SCREEN = f"""() => [...document.querySelectorAll('{MAP}')].some(f => {{ try {{
    const w = f.contentWindow, icon = f.contentDocument.querySelector('.leaflet-marker-icon');
    return !!(w.geoCells || (w.geoPlaceMarkers || []).length) && f.getBoundingClientRect().height > 100
        && !!icon && w.getComputedStyle(icon).position === 'absolute';
    }} catch (e) {{ return false }} }})"""
PAINTED = "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))"
PANS = [(48.5, 35.0, 5), (15.0, 45.0, 5), (33.0, 44.0, 6), (20.0, 78.0, 5)]  # lat, lon, zoom: busy parts


def library(n: int, folder: Path) -> Path:
    """A SQLite library of ``n`` synthetic events, made once and kept for later runs."""
    path = folder / f"events-{n}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        from geo.gazetteer import Gazetteer
        from geo.store import Store
        from geo.store.synthetic import generate

        print(f"geo: writing {n:,} synthetic events to {path}", file=sys.stderr, flush=True)
        with Store.open(str(partial)) as store:
            generate(store, n, Gazetteer.open().db)
        partial.rename(path)
    return path


def pg_library(n: int, url: str) -> str:
    """The same on PostgreSQL: a schema ``geo_bench_map_<n>`` of the database at ``url``."""
    from sqlalchemy import create_engine, func, select, text
    from sqlalchemy.engine import make_url

    from geo.gazetteer import Gazetteer
    from geo.store import Store
    from geo.store.schema import reported_events
    from geo.store.synthetic import generate

    schema = f"geo_bench_map_{n}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    there = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    with Store.open(there) as store:
        with store._read() as conn:  # noqa: SLF001
            have = conn.scalar(select(func.count()).select_from(reported_events))
        if have != n:
            if have:
                raise RuntimeError(f"schema {schema} holds {have:,} events, not {n:,}: drop it first")
            print(f"geo: writing {n:,} synthetic events to schema {schema}", file=sys.stderr, flush=True)
            generate(store, n, Gazetteer.open().db)
    return there


def _serve(db: Path | str, log: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # The SQL page at every size, so the sizes compare one page (below 5,000 events it is app.py's own).
    env = {**os.environ, "GEO_TILES": "offline", "GEO_DATABASE_URL": str(db), "GEO_LIBRARY": "", "GEO_MAP_SQL_ABOVE": "0"}
    proc = subprocess.Popen(
        # As scripts/run.sh serves it: ui.serve starts the page's imports and counts with the server.
        [sys.executable, "-m", "ui.serve", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.enableStaticServing", "true", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not start (see {log})")


def peak_mb(pid: int) -> float:
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
        return int(fields["VmHWM"].split()[0]) * 1024 / 1e6
    except (OSError, KeyError, ValueError):
        return 0.0


def _frame(page):
    return [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()][-1]


def _until_changed(page, action) -> float:
    """Seconds from ``action`` to the map's layer being replaced."""
    frame = _frame(page)
    frame.evaluate(MARK)
    started = time.perf_counter()
    action(frame)
    frame.wait_for_function(CHANGED, timeout=120_000, polling=20)
    return time.perf_counter() - started


def _load(browser, url: str):
    """A new visitor's page; seconds from its request to the map's view layer on screen, and to the whole page."""
    page = browser.new_page(viewport={"width": 1500, "height": 1100})
    page.route(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])", lambda route: route.abort())
    page.goto(url)
    page.wait_for_selector(MAP, state="attached", timeout=300_000)
    page.wait_for_function(ON_SCREEN, timeout=300_000, polling=20)
    drawn = page.evaluate(PAINTED) / 1000
    # The rest of the page (feed, timeline, table) follows the map's first report of its view.
    page.get_by_role("heading", name="Events (").wait_for(timeout=300_000)
    page.locator(".st-key-geo-feed").wait_for(timeout=300_000)
    return page, drawn, page.evaluate("() => performance.now()") / 1000


def _open_sidebar(page) -> None:
    """The filters live in the sidebar, which the map page opens folded."""
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
        page.wait_for_function("""() => { const s = document.querySelector('[data-testid="stSidebar"]');
            return s && s.dataset.collapsed === 'false' && s.getBoundingClientRect().left >= 0; }""")
        page.wait_for_timeout(400)  # its slide-in animation


def visit(url: str) -> dict:
    """The first visit after the server started (``cold_render_s``: Python imports, the library's
    counts read once), then a new visitor's (``first_render_s``), who pans, zooms and filters."""
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page, cold, _ = _load(browser, url)
        page.close()
        page, first, whole = _load(browser, url)
        page.wait_for_timeout(2500)  # the map's own first report of its bounds redraws the view once
        # Each move in braces: setView returns the map, which Playwright would serialise whole
        # (every marker's object graph), timing the bench's own copying instead of the page.
        pans = [_until_changed(page, lambda f, v=v: f.evaluate(
            "v => { window.map.setView([v[0], v[1]], v[2], {animate: false}); }", list(v))) for v in PANS]
        zooms = [_until_changed(page, lambda f: f.evaluate("() => { window.map.setZoom(window.map.getZoom() + 1, {animate: false}); }"))
                 for _ in range(2)]
        _open_sidebar(page)
        box = page.get_by_role("combobox", name="Event type", exact=True)
        box.click()
        box.fill("Battles")
        filtered = _until_changed(page, lambda f: page.keyboard.press("Enter"))
        browser.close()
    return {"first_render_s": round(first, 2), "page_s": round(whole, 2), "cold_render_s": round(cold, 2), "pan_s": round(max(statistics.median(pans), statistics.median(zooms)), 2),
            "filter_s": round(filtered, 2)}


def run(sizes: tuple[int, ...], folder: Path | None = None, postgres: str | None = None) -> int:
    """``postgres``: a PostgreSQL URL whose database holds the libraries, instead of SQLite files."""
    folder = Path(folder) if folder else Path(tempfile.gettempdir()) / "geo-bench-map"
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sizes:
        db = pg_library(n, postgres) if postgres else library(n, folder)
        proc, url = _serve(db, folder / f"streamlit-{n}.log")
        try:
            line = {"events": n, **visit(url), "peak_rss_mb": round(peak_mb(proc.pid))}
        finally:
            proc.terminate()
            proc.wait(30)
        line["load"] = [round(x, 2) for x in os.getloadavg()]
        line["database"] = "postgresql" if postgres else "sqlite"
        results.append(line)
        print(json.dumps(line), flush=True)
    if len(results) > 1:
        big, small = results[-1], results[0]
        print(json.dumps({"ratio": f"{big['events']}/{small['events']}",
                          **{k: round(big[k] / max(small[k], 1e-3), 2) for k in ("first_render_s", "page_s", "cold_render_s", "pan_s", "filter_s", "peak_rss_mb")}}))
    return 0
