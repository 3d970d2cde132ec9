"""The map page itself in headless Chromium, served from a local HTTP server as /app/static would be:
English labels by zoom over the offline basemap, and clicks on overlapping markers."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from factories import ROOT, parse_by_hand
from geo.map import basemap, layers, webmap
from geo.types import Place
from test_browser import OUTSIDE, launch  # noqa: F401 - same browser setup, fails the test loudly if missing
from test_layers import write_index

pytestmark = pytest.mark.browser


def town(pid: str, name: str, lat: float, lon: float, feature: str = "city") -> Place:
    return Place(pid, name, lat, lon, feature, "UA", "Donetsk Oblast", "UA.05", 50_000)


POKROVSK = town("gn:1", "Pokrovsk", 48.282, 37.176)
MYRNOHRAD = town("gn:2", "Myrnohrad", 48.302, 37.262)
SELYDOVE = town("gn:3", "Selydove", 48.147, 37.300)
MINE = town("lm:1", "Pokrovsk coal mine", 48.282, 37.176, "industrial")  # the very same spot


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """/app/static with the real Leaflet copies and tiles, and label layers from a small gazetteer."""
    root = tmp_path_factory.mktemp("site")
    static = root / "app" / "static"
    static.mkdir(parents=True)
    for name in ("vendor", "tiles"):
        (static / name).symlink_to(ROOT / "static" / name)
    index = write_index(root / "gazetteer-t.sqlite", [
        ("gn:1", "Pokrovsk", 48.282, 37.176, "city", 60_000, None),
        ("gn:10", "Hrodivka", 48.34, 37.33, "city", 3_000, None),
        ("gn:11", "Rih", 48.22, 37.40, "city", 400, None),
        ("gn:12", "<b>Bold</b> village", 48.38, 36.95, "city", 300, None)])
    layers.write_layers(static / "layers", [index], None)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_port}", static
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def chromium():
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


def open_map(chromium, site, places: dict[str, Place], name: str):
    root, url, static = site
    text = " ".join(f"Shelling hit {n} overnight." for n in places)
    m = webmap.build_map(parse_by_hand(text, places).place_mentions,
                         basemap=basemap.choose_basemap(static, "offline"))
    (root / f"{name}.html").write_text(m.get_root().render(), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1000, "height": 700})
    page.route(OUTSIDE, lambda route: route.abort())
    page.goto(f"{url}/{name}.html")
    page.wait_for_selector(".leaflet-marker-icon")
    page.evaluate("""() => {  // what streamlit-folium reports for a click: the tooltip's text and the latlng
        window.map = Object.values(window).find(v => v instanceof L.Map);
        const report = e => { const s = document.createElement('span');
            s.innerHTML = e.sourceTarget.getTooltip().getContent();
            window.__clicked = {tooltip: s.textContent.trim(), latlng: e.latlng}; };
        window.geoPlaceLayer.on('click', report); window.geoLooseLayer.on('click', report); }""")
    return page


def view(page, lat: float, lon: float, zoom: int) -> list[str]:
    page.evaluate(f"window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); 0")
    page.wait_for_timeout(800)
    return page.eval_on_selector_all(".geo-lbl", "els => els.map(e => [...e.classList].find(c => c.startsWith('geo-lbl-')) + ':' + e.textContent)")


def clicked(page, places: list[Place]) -> Place | None:
    report = page.evaluate("window.__clicked")
    return webmap.find_place(places, report["tooltip"], report["latlng"])


def test_labels_come_by_zoom_in_english_as_text(chromium, site):
    page = open_map(chromium, site, {"Selydove": SELYDOVE}, "labels")
    missing = []  # cells with no places have no file and are never asked for
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 and "/layers/" in r.url else None)
    try:
        assert not [lbl for lbl in view(page, 48.25, 37.2, 6) if "villages" in lbl or "towns" in lbl]
        at_seven = view(page, 48.25, 37.2, 7)
        assert "geo-lbl-towns:Pokrovsk" in at_seven and not [lbl for lbl in at_seven if "villages" in lbl]
        at_nine = view(page, 48.25, 37.2, 9)
        assert {"geo-lbl-towns:Pokrovsk", "geo-lbl-villages:Hrodivka", "geo-lbl-villages:Rih"} <= set(at_nine)
        assert "geo-lbl-villages:<b>Bold</b> village" in at_nine  # a name is text, never markup
        assert page.locator(".geo-lbl b").count() == 0
        assert page.evaluate("getComputedStyle(map.getPane('geoLabels')).pointerEvents") == "none"
        assert view(page, 30.0, 10.0, 9) == [] and missing == []  # the Sahara: no cell there
    finally:
        page.close()


def test_the_clicked_marker_is_the_one_selected_where_markers_overlap(chromium, site):
    places = {"Pokrovsk coal mine": MINE, "Pokrovsk": POKROVSK, "Myrnohrad": MYRNOHRAD, "Selydove": SELYDOVE}
    page = open_map(chromium, site, places, "overlap")
    try:
        view(page, 48.25, 37.2, 7)
        assert page.locator(".marker-cluster").count() >= 1  # overlapping markers clustered, not stacked
        # Zoom in until Myrnohrad stands alone, then click it.
        for zoom in range(8, 15):
            view(page, 48.29, 37.22, zoom)
            if page.locator('.leaflet-marker-icon[title="Myrnohrad"]').count():
                break
        page.locator('.leaflet-marker-icon[title="Myrnohrad"]').click()
        assert clicked(page, list(places.values())) == MYRNOHRAD
        # The town and the mine share one spot: clicking their cluster spreads them; each click is exact.
        view(page, POKROVSK.lat, POKROVSK.lon, 18)
        page.locator(".marker-cluster").first.click()
        page.locator('.leaflet-marker-icon[title="Pokrovsk coal mine"]').click()
        assert clicked(page, list(places.values())) == MINE
        page.locator('.leaflet-marker-icon[title="Pokrovsk"]').click()
        assert clicked(page, list(places.values())) == POKROVSK
    finally:
        page.close()
