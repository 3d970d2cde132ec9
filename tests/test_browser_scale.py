"""The events map of a library past GEO_MAP_SQL_ABOVE, in headless Chromium: zoomed out it shows
grid cells with counts, a click on a cell zooms in, and zoomed in over a town it shows the
events themselves, whose click opens the event in the panel (ui/map_at_scale.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from geo.map import aggregate
from geo.gazetteer import Gazetteer
from geo.store import Store
from geo.store.synthetic import generate
from test_browser import ARTIFACTS, LOCAL, MAP, ROOT, browser, map_frame, page, serve, stop, wait_for  # noqa: F401

pytestmark = pytest.mark.browser
N = 6000  # past the default threshold (5,000): the page is the SQL one without any setting


@pytest.fixture
def library(geo_data_dir, tmp_path):
    path = tmp_path / "library.sqlite"
    with Store.open(str(path)) as store:
        generate(store, N, Gazetteer.open().db, per_article=50, seed=3)
        with store._read() as conn:  # the Ukrainian town with the most events, and how many
            town = conn.execute(text(
                "SELECT p.name, p.lat, p.lon, count(*) FROM reported_events e JOIN places p ON p.id = e.place_id "
                "WHERE p.country = 'UA' GROUP BY p.id, p.name, p.lat, p.lon ORDER BY count(*) DESC LIMIT 1")).one()
    return path, town


@pytest.fixture
def scale_url(library, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = serve(ROOT / "app.py", ROOT, tmp_path / "streamlit.log", GEO_DATABASE_URL=str(library[0]),
                      GEO_LIBRARY="")
    yield url
    stop(proc)


def shown(page) -> dict:
    """What the map's view layer draws now: cells (with their counts) or event markers."""
    return map_frame(page).evaluate("""() => ({
        cells: [...document.querySelectorAll('.geo-cell')].map(c => c.innerText.trim()),
        pins: [...document.querySelectorAll('.geo-pin')].length,
        markers: (window.geoPlaceMarkers || []).length, zoom: window.map.getZoom()})""")


def test_cells_zoomed_out_events_zoomed_in_and_a_click_opens_the_event(scale_url, library, page):  # noqa: F811
    _path, (name, lat, lon, at_town) = library
    page.goto(scale_url)
    page.wait_for_selector(MAP, state="attached", timeout=120_000)
    page.get_by_role("heading", name=f"Events ({N:,})").wait_for(timeout=120_000)
    view = wait_for(page, lambda: (s := shown(page))["cells"] and s, 60, "grid cells")
    counts = map_frame(page).evaluate("() => window.geoCells.map(c => c.n)")
    assert sum(counts) == N and len(counts) == len(view["cells"]) > 3  # every event in one cell, none drawn alone
    assert view["pins"] == 0 and view["markers"] == 0
    assert sorted(view["cells"]) == sorted(f"{n:,}" for n in counts)  # each cell says its count
    page.screenshot(path=str(ARTIFACTS / "scale_01_cells.png"), full_page=True)

    # A click on a cell zooms into it.
    before = view["zoom"]
    map_frame(page).locator(".geo-cell").first.click()
    wait_for(page, lambda: shown(page)["zoom"] > before, 30, "the map zoomed into the cell")

    # Zoomed in over one town: few events in view, each one its own marker.
    map_frame(page).evaluate("v => window.map.setView([v[0], v[1]], 12, {animate: false})", [lat, lon])
    near = wait_for(page, lambda: (s := shown(page))["markers"] and not s["cells"] and s, 60, "event markers")
    assert at_town <= near["markers"] <= aggregate.MAX_MARKERS
    page.get_by_text(f"{near['markers']:,} events in view.").wait_for(timeout=30_000)

    title = map_frame(page).evaluate("""name => {
        const m = window.geoPlaceMarkers.find(m => m.options.title.endsWith('— ' + name));
        // Events at one town share its point: their cluster spreads them out, as a click on it
        // does, without moving the map (a move would bring the next view's layer).
        const cluster = window.geoPlaceLayer.getVisibleParent(m);
        if (cluster && cluster !== m && cluster.spiderfy) { cluster.spiderfy(); }
        return m.options.title; }""", name)
    page.wait_for_timeout(1500)  # the spread markers settle
    map_frame(page).locator(f'.leaflet-marker-icon[title="{title}"]').first.click()
    facts = page.locator(".geo-event-facts")
    facts.wait_for(timeout=30_000)
    assert name in facts.inner_text() and title.split(" — ")[0] in facts.inner_text()
    assert page.locator(".geo-sentence mark", has_text=name).first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "scale_02_event_clicked.png"), full_page=True)
    assert "event=" in page.url and "view=" in page.url  # the view is a link, as at 100 events
    assert not [u for u in page.requests if not LOCAL.match(u)]
