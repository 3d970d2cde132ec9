"""The map as the page, in headless Chromium: the map's share of a laptop screen, the first click on
a marker at 1366x768 and on a phone, the feed and the map selecting each other, the timeline's
window changing what is shown, and the phone layout (map first, full width, the panel one tap
away). Nothing is fetched from outside 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from factories import ROOT
from test_browser import ARTIFACTS, LOCAL, MAP, OUTSIDE, browser, serve, stop, wait_for  # noqa: F401

pytestmark = pytest.mark.browser

REPORTS = {
    "kupiansk.txt": "On 12 March 2024, a Russian drone strike hit Kupiansk, killing two civilians. "
                    "Russian forces shelled Lyman overnight; one man was wounded.",
    "kharkiv.txt": "On 15 March 2024, Russian missiles struck Kharkiv, killing five people. "
                   "Russian artillery shelled Kherson, wounding three civilians.",
    "nikopol.txt": "On 20 March 2024, a guided bomb hit Zaporizhzhia, killing one man. "
                   "Russian forces shelled Nikopol overnight, damaging houses.",
}
FEED_LINE = '.st-key-geo-feed [data-testid="stRadioOption"]'


@pytest.fixture(scope="module")
def server(geo_data_dir, tmp_path_factory, browser):  # noqa: F811
    """One server for the module, its library holding the seed and three dated war reports."""
    tmp = tmp_path_factory.mktemp("layout")
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = serve(ROOT / "app.py", ROOT, tmp / "streamlit.log", GEO_DATABASE_URL=str(tmp / "library.sqlite"),
                      GEO_LIBRARY="")
    files = []
    for name, text in REPORTS.items():
        (tmp / name).write_text(text, encoding="utf-8")
        files.append(str(tmp / name))
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.route(OUTSIDE, lambda route: route.abort())
    page.goto(url)
    page.wait_for_selector(MAP, state="attached", timeout=90_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', files)
    wait_for(page, lambda: page.locator(FEED_LINE).count() >= 6, 120, "the reports' events in the feed")
    page.close()
    yield url
    stop(proc)


def open_page(browser, url: str, width: int, height: int, phone: bool = False):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height},
                                  **({"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if phone else {}))
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.route(OUTSIDE, lambda route: route.abort())
    page.goto(url)
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: frame(page).locator(".leaflet-marker-icon.geo-pin").count() > 0, 60, "the markers")
    page.wait_for_timeout(1500)  # the map's first reports (view, bounds) come back once
    return page


def frame(page):
    return [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()][-1]


def lone_marker(page, prefix: str = "") -> tuple[str, float, float]:
    """A marker standing alone (not in a cluster) and well inside the map: its title and where it
    is on the page."""
    box = page.locator(MAP).bounding_box()
    title, x, y = wait_for(page, lambda: frame(page).evaluate("""prefix => {
        const w = innerWidth, h = innerHeight;
        const pins = [...document.querySelectorAll('.leaflet-marker-icon.geo-pin')].map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => e.title.startsWith(prefix) && r.left > 60 && r.top > 60 && r.right < w - 60 && r.bottom < h - 60);
        if (!pins.length) { return null; }
        const [e, r] = pins[0]; return [e.title, r.x + r.width / 2, r.y + r.height / 2]; }""", prefix), 20, "a lone marker")
    return title, box["x"] + x, box["y"] + y


def scrolled(page) -> int:
    return page.evaluate("Math.max(0, ...[...document.querySelectorAll('*')].map(e => e.scrollTop))")


def press(page, x: float, y: float) -> None:
    """A real press and release, as a hand does it: the page must not move in between."""
    page.mouse.move(x, y)
    page.mouse.down()
    page.wait_for_timeout(150)
    page.mouse.up()


def checked_line(page) -> str:
    return page.locator(f"{FEED_LINE}:has(input:checked)").inner_text()


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["laptop", "phone"])
def test_the_first_click_on_a_marker_selects_it(server, browser, size):  # noqa: F811
    page = open_page(browser, server, *size, phone=size[0] < 500)
    try:
        title, x, y = lone_marker(page)
        before = scrolled(page)
        press(page, x, y)
        page.locator(".geo-event-facts").wait_for(timeout=15_000)
        assert scrolled(page) == before  # nothing scrolled under the pointer
        place = title.split(" — ")[-1]
        assert place in page.locator(".geo-event-facts").inner_text()
        wait_for(page, lambda: place in checked_line(page), 10, "the clicked event chosen in the feed")
        popup = frame(page).locator(".leaflet-popup").bounding_box()
        map_box = frame(page).locator(".leaflet-container").bounding_box()
        assert popup["x"] >= map_box["x"] and popup["x"] + popup["width"] <= map_box["x"] + map_box["width"] + 1
        page.screenshot(path=str(ARTIFACTS / f"11_first_click_{size[0]}x{size[1]}.png"))
        assert not [u for u in page.requests if not LOCAL.match(u)]
    finally:
        page.context.close()


def test_the_map_is_most_of_a_laptop_screen(server, browser):  # noqa: F811
    page = open_page(browser, server, 1366, 768)
    try:
        box = page.locator(MAP).bounding_box()
        feed = page.locator(".st-key-geo-feed").bounding_box()
        assert box["width"] >= 0.6 * 1366, box
        assert box["height"] >= 0.65 * 768 and box["y"] + box["height"] <= 768 + 1, box  # on screen, whole
        timeline = page.locator(".st-key-geo-timeline").bounding_box()
        assert timeline["y"] >= box["y"] + box["height"] and timeline["y"] + timeline["height"] <= 768 + 1  # under it
        assert feed["x"] >= box["x"] + box["width"] and feed["y"] < 768 / 2  # the feed beside it
        legend = frame(page).locator(".geo-legend").inner_text()
        assert "Explosions/Remote violence" in legend and "Protests" not in legend  # only what is shown
        clusters = frame(page).locator(".geo-cluster")
        if clusters.count():
            assert "rgb(128, 128, 128)" not in clusters.first.inner_html()  # coloured, not grey
    finally:
        page.context.close()


def test_the_feed_and_the_map_select_each_other(server, browser):  # noqa: F811
    page = open_page(browser, server, 1366, 768)
    try:
        lines = page.locator(FEED_LINE)
        texts = lines.all_inner_texts()
        dates = [re.search(r"\d{4}-\d{2}-\d{2}", t).group(0) for t in texts if re.search(r"\d{4}-\d{2}-\d{2}", t)]
        assert dates == sorted(dates, reverse=True) and len(dates) >= 6  # newest first

        # Feed -> map and panel: the line's event in the panel, a ring round its marker, the map on it.
        line = next(i for i, t in enumerate(texts) if "Nikopol" in t)
        lines.nth(line).click()
        page.locator(".geo-event-facts", has_text="Nikopol").wait_for(timeout=15_000)
        ring = wait_for(page, lambda: frame(page).evaluate("""() => { let at = null; window.map.eachLayer(l => {
            const icon = l.options && l.options.icon;
            if (icon && icon.options.className === 'geo-selected-ring') { at = l.getLatLng(); } }); return at; }"""),
                        15, "the ring round the chosen event")
        wait_for(page, lambda: frame(page).evaluate("""([lat, lng]) => { const c = window.map.getCenter();
            return Math.abs(c.lat - lat) < 0.05 && Math.abs(c.lng - lng) < 0.05; }""", [ring["lat"], ring["lng"]]),
                 15, "the map on the chosen event")
        assert "Nikopol" in checked_line(page)

        # Map -> feed and panel: a marker clicked is the line chosen (and the ring moves to it).
        frame(page).get_by_title("Show all events").click()  # the map keeps its view; this frames everything
        page.wait_for_timeout(1200)
        title, x, y = lone_marker(page, "Air/drone strike")
        press(page, x, y)
        place = title.split(" — ")[-1]
        page.locator(".geo-event-facts", has_text=place).wait_for(timeout=15_000)
        wait_for(page, lambda: place in checked_line(page), 10, "the clicked marker's line chosen in the feed")
        page.screenshot(path=str(ARTIFACTS / "12_feed_map_selection.png"))
        assert not [u for u in page.requests if not LOCAL.match(u)]
    finally:
        page.context.close()


def feed_dates(page) -> set[str]:
    return {m.group(0) for t in page.locator(FEED_LINE).all_inner_texts() if (m := re.search(r"\d{4}-\d{2}-\d{2}", t))}


def test_the_timeline_sets_the_time_window(server, browser):  # noqa: F811
    page = open_page(browser, server, 1366, 768)
    try:
        assert {"2024-03-12", "2024-03-15", "2024-03-20"} <= feed_dates(page)
        markers = frame(page).evaluate("window.geoPlaceMarkers.length")
        chart = page.locator(".st-key-geo-timeline .vega-embed").first
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        # Drag over the first quarter of the days: 12 to about 13 March.
        y = box["y"] + box["height"] * 0.35
        page.mouse.move(box["x"] + 80, y)  # on the first day: a drag must start inside the plot
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.25, y, steps=6)
        page.mouse.up()
        wait_for(page, lambda: feed_dates(page) == {"2024-03-12"}, 30, "only the dragged days in the feed")
        wait_for(page, lambda: frame(page).evaluate("window.geoPlaceMarkers.length") < markers, 30, "fewer markers")
        assert page.get_by_role("heading", name=re.compile(r"Events \(2\)")).count() == 1
        page.screenshot(path=str(ARTIFACTS / "13_timeline_window.png"))
        page.get_by_role("button", name="All dates").click()
        wait_for(page, lambda: {"2024-03-15", "2024-03-20"} <= feed_dates(page), 30, "every day back")
        assert not [u for u in page.requests if not LOCAL.match(u)]
    finally:
        page.context.close()


def test_on_a_phone_the_map_comes_first_and_the_panel_is_one_tap_away(server, browser):  # noqa: F811
    page = open_page(browser, server, 390, 844, phone=True)
    try:
        box = page.locator(MAP).bounding_box()
        feed = page.locator(".st-key-geo-feed").bounding_box()
        assert box["y"] < 200 and box["width"] >= 0.9 * 390 and box["height"] >= 0.6 * 844, box
        assert feed["y"] >= box["y"] + box["height"]  # the map first, the feed under it
        attribution = frame(page).locator(".leaflet-control-attribution").bounding_box()
        assert attribution["height"] < 20  # one line, not three over the map
        title, x, y = lone_marker(page)
        press(page, x, y)
        page.locator(".geo-event-facts").wait_for(state="attached", timeout=15_000)
        page.get_by_role("link", name="Event ↓").click()
        wait_for(page, lambda: 0 <= page.locator(".geo-event-facts").bounding_box()["y"] < 844, 10, "the panel on screen")
        page.screenshot(path=str(ARTIFACTS / "14_phone_panel.png"))
        assert not [u for u in page.requests if not LOCAL.match(u)]
    finally:
        page.context.close()
