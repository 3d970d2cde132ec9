"""The events map of a library past GEO_MAP_SQL_ABOVE, in headless Chromium: zoomed out it shows
grid cells with counts, a click on a cell zooms in, and zoomed in over a town it shows the
events themselves, whose click opens the event in the panel (ui/map_at_scale.py)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

import pytest
from sqlalchemy import text

from geo.map import aggregate
from geo.filters import EventFilter
from geo.gazetteer import Gazetteer
from geo.store import Store
from geo.store.synthetic import generate
from ui.map_at_scale import FEED_ROWS
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
    # As scripts/run.sh serves it: ui.serve reads the page's imports and counts as it starts
    # (imported outside a script run, the map's component would not be registered: no map).
    proc, url = serve(ROOT / "app.py", ROOT, tmp_path / "streamlit.log", launcher="ui.serve",
                      GEO_DATABASE_URL=str(library[0]), GEO_LIBRARY="")
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


FEED_LINE = '.st-key-geo-feed [data-testid="stRadioOption"]'


def feed_dates(page) -> list[str]:
    return [m.group(0) for t in page.locator(FEED_LINE).all_inner_texts() if (m := re.search(r"\d{4}-\d{2}-\d{2}", t))]


def test_the_feed_and_the_timeline_at_scale(scale_url, library, page):  # noqa: F811
    """Beside the map, the newest events in view; a line chosen opens its event and flies to it.
    Under it, the events per month of the filter (grouped in SQL); months dragged over are the
    date window of the whole page: the table's count and the feed follow it, as at a hundred events."""
    path, _town = library
    with Store.open(str(path)) as store:
        everything = store.events()
    page.goto(scale_url)
    page.wait_for_selector(MAP, state="attached", timeout=120_000)
    page.get_by_text(f"The newest {FEED_ROWS} of {N:,} events in view").wait_for(timeout=120_000)
    dates = feed_dates(page)
    assert len(dates) == FEED_ROWS and dates == sorted(dates, reverse=True)
    assert dates[0] == max(e.date for e in everything if e.date)

    # A line of the feed: its event in the panel, the map flown to it, the link naming it.
    page.locator(FEED_LINE).first.click()
    facts = page.locator(".geo-event-facts")
    facts.wait_for(timeout=30_000)
    assert dates[0] in facts.inner_text()
    wait_for(page, lambda: shown(page)["zoom"] >= aggregate.MARKER_ZOOM, 30, "the map flown to the event")
    wait_for(page, lambda: "event=" in page.url, 30, "the event in the link")

    # The timeline: months dragged over are the page's date window.
    chart = page.locator(".st-key-geo-timeline .vega-embed").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.4  # inside the plot, above the axis
    page.mouse.move(box["x"] + box["width"] * 0.4, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=6)
    page.mouse.up()
    wait_for(page, lambda: "from=" in page.url and "to=" in page.url, 30, "a date window in the link")
    query = dict(p.split("=", 1) for p in page.url.split("?", 1)[1].split("&"))
    start, end = query["from"], query["to"]
    kept = EventFilter(date_from=start, date_to=end).apply_events(everything)
    assert 0 < len(kept) < N
    page.get_by_role("heading", name=f"Events ({len(kept):,})").wait_for(timeout=60_000)
    # The map is still flown to one town, where the window may hold none of its events (it did once the
    # timeline's ticks moved the dragged dates by a week): over the whole map, as the link without its
    # view opens it, the feed is the window's newest events.
    page.goto(f"{scale_url.rstrip('/')}/?from={start}&to={end}")
    newest = sorted((e.date[:10] for e in kept if e.date), reverse=True)
    wait_for(page, lambda: (d := feed_dates(page)) and d == newest[:len(d)], 60, "the window's newest events in the feed")
    page.screenshot(path=str(ARTIFACTS / "scale_03_feed_timeline.png"), full_page=True)
    assert not [u for u in page.requests if not LOCAL.match(u)]


def test_a_first_visit_draws_the_map_before_the_widgets_and_a_link_s_filter_from_the_first_frame(
        scale_url, library, page):  # noqa: F811
    """The first run of a visit draws the map before any widget: the sidebar's filters and the
    upload box follow with the map's first report. A link that chooses a filter has its filter
    from the map's first frame (the sidebar's widgets then run first, as they must)."""
    path, _town = library
    with Store.open(str(path)) as store:
        kinds = Counter(e.type for e in store.events())
    kind, count = kinds.most_common(1)[0]
    in_cells = "() => window.geoCells ? window.geoCells.reduce((n, c) => n + c.n, 0) : 0"

    page.goto(scale_url)
    page.wait_for_selector(MAP, state="attached", timeout=120_000)
    assert wait_for(page, lambda: map_frame(page).evaluate(in_cells), 60, "grid cells") == N
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("combobox", name="Event type", exact=True).wait_for(timeout=60_000)
    page.get_by_text("+ Add articles").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached", timeout=30_000)

    page.goto(f"{scale_url}/?type={quote(kind)}")  # a new session, opened on a link
    page.wait_for_selector(MAP, state="attached", timeout=120_000)
    assert wait_for(page, lambda: map_frame(page).evaluate(in_cells), 60, "grid cells") == count < N
    page.get_by_role("heading", name=f"Events ({count:,})").wait_for(timeout=60_000)
    assert not [u for u in page.requests if not LOCAL.match(u)]
