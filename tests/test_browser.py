"""The app in headless Debian Chromium: upload, click a marker, filter, and nothing fetched from outside.

Needs /usr/bin/chromium and the playwright package, driving Debian's browser (none downloaded). Screenshots go to
artifacts/. Timings are printed and checked: marker click to panel < 1 s.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from factories import ROOT, SEED

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
LOCAL = re.compile(r"^(https?|wss?)://127\.0\.0\.1[:/]|^(data|blob|about):")
OUTSIDE = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
MAP = 'iframe[title="streamlit_folium.st_folium"]'
ARTIFACTS = ROOT / "artifacts"

from playwright import sync_api  # noqa: E402


def launch(p):
    """Chromium for a browser test. A missing browser fails the test that needs it (scripts/test.sh
    installs it), never a silent skip; `-m "not browser"` still runs everything else without it."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: apt-get install -y chromium", pytrace=False)
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: Path, cwd: Path, log: Path, launcher: str = "", **env: str):
    """``launcher``: a module that runs the app itself, as scripts/run.sh does (ui.serve)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", *([launcher] if launcher else ["streamlit", "run", str(script)]),
         "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.enableStaticServing", "true", "--server.fileWatcherType", "none"],
        cwd=cwd, env={**os.environ, "GEO_TILES": "offline", **env}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not start; see {log}")


def stop(proc) -> None:
    """Stop a server; a loaded machine may need more than a few seconds to wind it down."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1500, "height": 1100})
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.route(OUTSIDE, lambda route: route.abort())  # would hang offline; recorded above either way
    yield page
    page.close()


@pytest.fixture
def app_url(geo_data_dir, tmp_path):
    """A server per test, over an empty library of its own (the built gazetteer is shared)."""
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = serve(ROOT / "app.py", ROOT, tmp_path / "streamlit.log",
                      GEO_DATABASE_URL=str(tmp_path / "library.sqlite"), GEO_LIBRARY="")
    yield url
    stop(proc)


def map_frame(page):
    """The newest streamlit-folium frame (filters rebuild the map in a new one)."""
    frames = [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()]
    return frames[-1]


def marker_titles(page) -> list[str]:
    return map_frame(page).eval_on_selector_all(".leaflet-marker-icon[title]", "els => els.map(e => e.title)")  # not the ring


def sidebar(page):
    """The filters' sidebar, opened first: the map page starts with it folded, the map being the page."""
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
        page.wait_for_function("""() => { const s = document.querySelector('[data-testid="stSidebar"]');
            return s && s.dataset.collapsed === 'false' && s.getBoundingClientRect().left >= 0; }""")
        page.wait_for_timeout(400)  # its slide-in animation
    return page.get_by_test_id("stSidebar")


def wait_for(page, predicate, timeout: float = 30, what: str = "condition"):
    """Poll `predicate`; waits through Playwright so frame events keep arriving (time.sleep would not)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if value := predicate():
                return value
        except Exception:  # noqa: BLE001 - frames come and go while the map re-mounts
            pass
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {what}")


def assert_map_drawn(page):
    """A blank or grey map is a failure: tiles must have loaded and markers be on screen. The
    background is the English vector basemap from the app's own files; OpenStreetMap's raster
    tiles are a choice on the map, never fetched unless picked."""
    frame = map_frame(page)
    wait_for(page, lambda: frame.locator(".leaflet-tile-loaded").count() >= 4, what="tiles")
    assert frame.locator(".leaflet-marker-icon").count() > 0
    assert any("/app/static/basemap/" in u for u in page.requests)
    assert not any("/app/static/tiles/" in u for u in page.requests)


def click_to_panel(page, name: str) -> int:
    """Click a marker; milliseconds from the click event in the map to the panel showing it: its
    heading and its own sentences (the previous place's marked sentences linger while the run goes on)."""
    page.evaluate("""name => { window.__panelAt = null; const word = name.split(' ')[0];
        const seen = new MutationObserver(() => {
        const heading = [...document.querySelectorAll('h3')].find(h => h.innerText.trim() === name);
        const own = [...document.querySelectorAll('.geo-sentence mark')].some(m => m.innerText.includes(word));
        if (heading && own) { window.__panelAt = Date.now(); seen.disconnect(); }
        }); seen.observe(document.body, {subtree: true, childList: true, characterData: true}); }""", name)
    frame = map_frame(page)
    frame.evaluate("""() => { window.__home = window.__home || [window.map.getCenter(), window.map.getZoom()];
        window.map.closePopup(); window.map.setView(window.__home[0], window.__home[1], {animate: false});
        document.addEventListener('click', () => { window.__clickAt = Date.now(); }, {capture: true, once: true}); }""")
    page.wait_for_timeout(600)  # let the view change reach Python before clicking
    frame.locator(f'.leaflet-marker-icon[title="{name}"]').click()
    page.wait_for_function("window.__panelAt !== null", timeout=10_000)
    return page.evaluate("window.__panelAt") - frame.evaluate("window.__clickAt")


def test_upload_click_filter_offline(app_url, page):
    page.goto(app_url + "/?mode=places")  # the place view; reported events have their own test
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 60, "the seed article's markers")
    assert_map_drawn(page)

    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(SEED))  # the seed is already in
    page.get_by_text(re.compile(rf"{re.escape(SEED.name)}: already in the library, not added again")).wait_for(
        state="attached", timeout=60_000)
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 30, "markers after upload")
    page.screenshot(path=str(ARTIFACTS / "01_map_after_upload.png"), full_page=True)

    titles = marker_titles(page)
    kherson = "Kherson" if "Kherson" in titles else next(t for t in titles if t.startswith("Kherson"))
    others = [t for t in ("Mariupol", "Kakhovka Dam", "Kakhovka") if t in titles]
    timings = [click_to_panel(page, name) for name in [*others, kherson]]
    print(f"\nmarker click to panel, ms: {timings}")
    assert page.get_by_role("heading", name=kherson).is_visible()
    page.locator(".geo-sentence mark", has_text="Kherson").first.wait_for(state="visible", timeout=30_000)
    assert sorted(timings)[len(timings) // 2] < 1000, timings  # median: the CPU is shared with the server
    page.screenshot(path=str(ARTIFACTS / "02_kherson_panel.png"), full_page=True)

    regions = sidebar(page).get_by_test_id("stMultiSelect").nth(1)
    regions.click()
    page.keyboard.type("Donetsk Oblast")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    left = wait_for(page, lambda: (t := marker_titles(page)) and not any(x.startswith("Kherson") for x in t) and t,
                    30, "the map to show Donetsk Oblast only")
    assert set(left) == {"Mariupol", "Donetsk Oblast"}, left  # the region keeps its own marker
    assert_map_drawn(page)
    page.screenshot(path=str(ARTIFACTS / "03_donetsk_filter.png"), full_page=True)

    page.get_by_role("heading", name="Place mentions (2)").wait_for(timeout=30_000)  # the page's run is done
    kml = Path(download_of(page, "Download KML").path()).read_text(encoding="utf-8")  # follows the filters
    assert kml.count("<Placemark>") == 2 and "<name>Mariupol</name>" in kml, kml[:500]

    outside = [u for u in page.requests if not LOCAL.match(u)]
    assert not outside, outside


def download_of(page, button: str, tries: int = 2):
    """The file a download button gives. A click that lands while the page reruns (the map
    reporting its view after a filter) replaces the button under the pointer: click once more."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(tries):
        try:
            with page.expect_download(timeout=20_000) as download:
                page.get_by_role("button", name=button).click()
            return download.value
        except PlaywrightTimeout as exc:
            if attempt == tries - 1:
                # Once seen in 12 full runs: the button stayed disabled for a minute, which Streamlit
                # does only while its websocket is not connected; say which, for the next time.
                state = page.get_by_test_id("stApp").get_attribute("data-test-connection-state")
                script = page.get_by_test_id("stApp").get_attribute("data-test-script-state")
                raise AssertionError(f"{button}: no download (connection {state}, script {script})") from exc


def test_drawn_rectangle_and_map_view_filter(app_url, page):
    page.goto(app_url + "/?mode=places")  # the place view; reported events have their own test
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 60, "the seed article's markers")
    x, y = wait_for(page, lambda: map_frame(page).evaluate("""() => {
        const m = window.geoPlaceLayer.getLayers().find(l => l.options.title === 'Mariupol');
        const p = window.map.latLngToContainerPoint(m.getLatLng()); return [p.x, p.y]; }"""), 20, "Mariupol's position")
    frame = map_frame(page)
    box = page.locator(MAP).bounding_box()
    x, y = box["x"] + x, box["y"] + y
    frame.locator(".leaflet-draw-draw-rectangle").click()
    page.mouse.move(x - 25, y - 25)
    page.mouse.down()
    page.mouse.move(x + 25, y + 25, steps=8)
    page.mouse.up()
    wait_for(page, lambda: marker_titles(page) == ["Mariupol"], 45, "the map to keep only what is inside the rectangle")
    assert sidebar(page).get_by_test_id("stCheckbox").filter(has_text="Only inside the drawn shape").locator("input").is_checked()
    wait_for(page, lambda: map_frame(page).evaluate("window.drawnItems.getLayers().length") == 1, 10,
             "the shape drawn again on the rebuilt map")
    page.screenshot(path=str(ARTIFACTS / "05_drawn_rectangle.png"), full_page=True)

    sidebar(page).get_by_text("Only inside the drawn shape").click()
    wait_for(page, lambda: len(marker_titles(page)) > 1, 30, "all markers back")
    sidebar(page).get_by_text("Only what is in the map view").click()
    wait_for(page, lambda: len(marker_titles(page)) > 1, 30, "the map after the view toggle")
    page.wait_for_timeout(1000)  # the toggle re-mounts the map; let it settle before moving it
    wait_for(page, lambda: map_frame(page).evaluate("""() => {
        const m = window.geoPlaceLayer.getLayers().find(l => l.options.title === 'Mariupol');
        window.map.setView(m.getLatLng(), 10, {animate: false}); return true; }"""), 20, "zooming to Mariupol")
    page.get_by_role("heading", name="Place mentions (1)").wait_for(timeout=15_000)
    assert not [u for u in page.requests if not LOCAL.match(u)]


def test_hostile_article_shows_as_text(app_url, page, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Shelling in Lviv <script>alert(1)</script> <img src=x onerror=alert(2)> {{ 7*7 }} ${alert(3)}.")
    page.goto(app_url + "/?mode=places")  # the place view; reported events have their own test
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(hostile))
    wait_for(page, lambda: "Lviv" in marker_titles(page), 60, "the Lviv marker")
    map_frame(page).locator('.leaflet-marker-icon[title="Lviv"]').click()
    popup = map_frame(page).locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "<img src=x onerror=alert(2)> {{ 7*7 }} ${alert(3)}" in popup.inner_text()
    assert popup.locator("img, script").count() == 0
    page.locator(".geo-sentence").first.wait_for(timeout=10_000)
    assert "<script>alert(1)</script>" in page.locator(".geo-sentence").first.inner_text()
    assert not dialogs and not [u for u in page.requests if not LOCAL.match(u)]


BENCH_APP = '''
import sys
sys.path[:0] = [{root!r}, {tests!r}]
import streamlit as st
from streamlit_folium import st_folium
from factories import synthetic_events
from geo.map.basemap import choose_basemap
from geo.map.webmap import build_map
st.set_page_config(layout="wide")
m = build_map(synthetic_events(2000), basemap=choose_basemap({static!r}, "offline"))
out = st_folium(m, key="bench", height=600, use_container_width=True,
                returned_objects=["last_object_clicked_tooltip", "last_object_clicked"])
st.write("clicked:", (out or {{}}).get("last_object_clicked_tooltip"))
'''


def test_two_thousand_markers_render_and_respond(tmp_path, page):
    app_dir = tmp_path / "bench"
    app_dir.mkdir()
    (app_dir / "static").symlink_to(ROOT / "static")  # static serving looks beside the script
    (app_dir / "bench.py").write_text(BENCH_APP.format(root=str(ROOT), tests=str(ROOT / "tests"),
                                                       static=str(ROOT / "static")))
    proc, url = serve(app_dir / "bench.py", app_dir, tmp_path / "bench.log")
    try:
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(MAP, state="attached", timeout=60_000)
        wait_for(page, lambda: map_frame(page).locator(".marker-cluster").count() > 0, 60, "clusters")
        rendered = time.perf_counter() - started
        frame = map_frame(page)
        in_frame = frame.evaluate("performance.now()") / 1000  # since the map's iframe started loading
        assert_map_drawn(page)
        count = frame.evaluate("() => window.geoPlaceLayer.getLayers().length + window.geoLooseLayer.getLayers().length")
        page.screenshot(path=str(ARTIFACTS / "04_two_thousand_markers.png"), full_page=True)
        # Usable: zoom into a cluster and click one marker; Python hears about it.
        started_zoom = time.perf_counter()
        title = frame.evaluate("""() => new Promise(done => {  // what a user does: zoom into a cluster
            const group = window.geoPlaceLayer, marker = group.getLayers()[7];
            group.zoomToShowLayer(marker, () => {
                window.map.setView(marker.getLatLng(), window.map.getZoom(), {animate: false});
                setTimeout(() => done(marker.options.title), 300);
            });
        })""")
        zoom_s = time.perf_counter() - started_zoom
        started_click = time.perf_counter()
        frame.locator(f".leaflet-marker-icon[title='{title}']").click()
        page.get_by_text(f"clicked: {title}").wait_for(timeout=10_000)
        click_s = time.perf_counter() - started_click
        print(f"\n2,000 markers: page load to clusters {rendered:.2f} s (map iframe {in_frame:.2f} s), "
              f"zoom {zoom_s:.2f} s, click to Python {click_s:.2f} s")
        assert count == 2000 and rendered < 15 and click_s < 3
        assert not [u for u in page.requests if not LOCAL.match(u)]
    finally:
        stop(proc)


def test_a_view_is_a_url(app_url, page, browser):
    """Pick a region and a place, take the address from "Copy a link", open it in a fresh context."""
    page.goto(app_url + "/?mode=places")  # the place view; reported events have their own test
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 60, "the seed article's markers")
    regions = sidebar(page).get_by_test_id("stMultiSelect").nth(1)
    regions.click()
    page.keyboard.type("Donetsk Oblast")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for(page, lambda: "Kherson" not in marker_titles(page) and "Mariupol" in marker_titles(page), 30,
             "the region filter")
    page.wait_for_timeout(800)
    click_to_panel(page, "Mariupol")
    wait_for(page, lambda: "place=" in page.url and "region=Donetsk" in page.url, 15, "the URL to follow")
    page.get_by_text("Copy a link to this view").click()
    link = page.locator('[data-testid="stCode"] code').first.inner_text().strip()
    assert link.startswith(app_url) and "region=Donetsk+Oblast" in link.replace("%20", "+") and "place=" in link
    assert "view=" in link

    fresh = browser.new_context(viewport={"width": 1500, "height": 1100})
    other = fresh.new_page()
    other.requests = []
    other.on("request", lambda r: other.requests.append(r.url))
    other.route(OUTSIDE, lambda route: route.abort())
    other.goto(link)
    wait_for(other, lambda: "Mariupol" in marker_titles(other) and "Kherson" not in marker_titles(other), 60,
             "the same filtered map in a fresh browser")
    other.get_by_role("heading", name="Mariupol").wait_for(timeout=20_000)
    lat, lon, zoom = (float(x) for x in re.search(r"view=([-\d.]+)(?:,|%2C)([-\d.]+)(?:,|%2C)(\d+)", link).groups())
    wait_for(other, lambda: map_frame(other).evaluate("""([lat, lon, zoom]) => { const c = window.map.getCenter();
        return Math.abs(c.lat - lat) < 0.05 && Math.abs(c.lng - lon) < 0.05 && window.map.getZoom() === zoom; }""",
                                                      [lat, lon, zoom]), 30, "the same map view")
    assert other.locator(".geo-sentence mark", has_text="Mariupol").first.is_visible()
    chips = sidebar(other).get_by_test_id("stMultiSelect").nth(1).inner_text()
    assert "Donetsk Oblast" in chips
    other.screenshot(path=str(ARTIFACTS / "06_view_from_link.png"), full_page=True)
    assert not [u for u in other.requests if not LOCAL.match(u)]
    fresh.close()
