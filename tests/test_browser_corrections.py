"""Correcting a place in headless Chromium: drop a pin for Kherson, see the marker move (the map
keeping the user's view), restart the server over the same SQLite file and find the correction still
applied; from the event panel, a pin dropped by clicking the map; nothing fetched from outside."""

from __future__ import annotations

import pytest

from factories import ROOT
from test_browser import ARTIFACTS, LOCAL, MAP, browser, click_to_panel, map_frame, page, serve, stop, wait_for  # noqa: F401

pytestmark = pytest.mark.browser
PIN = (47.0, 33.0)


def position(page, title: str):
    """[lat, lon] of the marker titled `title` in the newest map frame, or None."""
    return map_frame(page).evaluate("""title => {
        const m = window.geoPlaceMarkers.find(l => l.options.title === title);  // the selected one is unclustered
        return m ? [m.getLatLng().lat, m.getLatLng().lng] : null; }""", title)


def at_pin(page) -> bool:
    where = position(page, "Kherson")
    return bool(where) and abs(where[0] - PIN[0]) < 1e-6 and abs(where[1] - PIN[1]) < 1e-6


def start(tmp_path, name: str):
    return serve(ROOT / "app.py", ROOT, tmp_path / f"{name}.log",
                 GEO_DATABASE_URL=str(tmp_path / "library.sqlite"), GEO_LIBRARY="")


def test_dropped_pin_moves_the_marker_and_survives_a_restart(geo_data_dir, tmp_path, page):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = start(tmp_path, "first")
    try:
        page.goto(url + "/?mode=places")  # corrections are made in the place view
        page.wait_for_selector(MAP, state="attached", timeout=60_000)
        before = wait_for(page, lambda: position(page, "Kherson"), 60, "the Kherson marker")
        assert not at_pin(page)
        click_to_panel(page, "Kherson")
        map_frame(page).evaluate("() => window.map.setView([46.9, 33.2], 9, {animate: false})")  # the user looks closer
        page.wait_for_timeout(1200)  # the view reaches Python
        page.get_by_text("Correct this place").click()
        for label, value in (("Latitude", PIN[0]), ("Longitude", PIN[1])):
            field = page.get_by_label(label)
            field.fill(str(value))
            field.press("Enter")
            page.wait_for_timeout(500)
        page.get_by_role("button", name="Apply pin").click()
        wait_for(page, lambda: at_pin(page), 30, "the Kherson marker at the dropped pin")
        assert position(page, "Kherson") != before
        # The map rebuilt with the corrected place opens where the user was, not framed around every marker.
        wait_for(page, lambda: map_frame(page).evaluate("""() => { const c = window.map.getCenter();
            return window.map.getZoom() === 9 && Math.abs(c.lat - 46.9) < 0.01 && Math.abs(c.lng - 33.2) < 0.01; }"""),
                 15, "the map at the user's view after the correction")
        page.get_by_text("user-set", exact=False).first.wait_for(timeout=10_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "06_correction.png"), full_page=True)
    finally:
        stop(proc)

    proc, url = start(tmp_path, "second")  # a restart over the same SQLite file
    try:
        page.goto(url + "/?mode=places")  # corrections are made in the place view
        page.wait_for_selector(MAP, state="attached", timeout=60_000)
        wait_for(page, lambda: at_pin(page), 60, "the correction still applied after the restart")
        tooltip = map_frame(page).evaluate("""() => window.geoPlaceMarkers
            .find(l => l.options.title === 'Kherson').getTooltip().getContent()""")
        assert "user-set" in tooltip
    finally:
        stop(proc)
    outside = [u for u in page.requests if not LOCAL.match(u)]
    assert not outside, outside


def event_marker(page):
    """(title, [lat, lon]) of the first event marker in the newest map frame, or None."""
    return map_frame(page).evaluate("""() => {
        const all = [...(window.geoPlaceLayer ? window.geoPlaceLayer.getLayers() : [])];
        return all.length ? [all[0].options.title, [all[0].getLatLng().lat, all[0].getLatLng().lng]] : null; }""")


def test_the_event_panel_takes_a_pin_dropped_by_clicking_the_map(geo_data_dir, tmp_path, page):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    proc, url = start(tmp_path, "events")
    try:
        page.goto(url)  # reported events: the default view
        page.wait_for_selector(MAP, state="attached", timeout=60_000)
        title, before = wait_for(page, lambda: event_marker(page), 60, "the seed's event marker")
        map_frame(page).locator(f'.leaflet-marker-icon[title="{title}"]').first.click()
        page.locator(".geo-event-facts").wait_for(timeout=30_000)
        page.get_by_text("Correct this event's place").click()
        page.get_by_text("Click the map to place the pin").click()
        page.wait_for_timeout(800)
        page.locator(MAP).scroll_into_view_if_needed()
        map_frame(page).evaluate("at => { window.map.closePopup(); window.map.setView(at, 9, {animate: false}); }", before)
        page.wait_for_timeout(1500)  # the moved view reaches Python and comes back
        # 60 px right of and 40 px above the marker, clear of its icon (about 10 km away at zoom 9)
        frame = map_frame(page)
        x, y, *target = frame.evaluate("""at => {
            const p = window.map.latLngToContainerPoint(at).add([60, -40]), t = window.map.containerPointToLatLng(p);
            return [p.x, p.y, t.lat, t.lng]; }""", before)
        box = page.locator(MAP).bounding_box()
        page.mouse.click(box["x"] + x, box["y"] + y)
        where = wait_for(page, lambda: map_frame(page).evaluate("() => window.__GLOBAL_DATA__.lat_lng_clicked"), 10,
                         "the map to hear the click")
        # Near the spot aimed at (the page may settle by a few pixels between aiming and the click);
        # what matters below is that the pin takes exactly the point the map heard.
        assert abs(where["lat"] - target[0]) < 0.1 and abs(where["lng"] - target[1]) < 0.1, (where, target)
        lat, lon = page.get_by_label("Latitude"), page.get_by_label("Longitude")
        wait_for(page, lambda: abs(float(lat.input_value()) - where["lat"]) < 1e-4, 30, "the clicked point in the pin's fields")
        clicked = (float(lat.input_value()), float(lon.input_value()))
        assert abs(clicked[1] - where["lng"]) < 1e-4, (clicked, where)
        page.get_by_role("button", name="Apply pin").click()
        wait_for(page, lambda: (m := event_marker(page)) and abs(m[1][0] - clicked[0]) < 1e-4
                 and abs(m[1][1] - clicked[1]) < 1e-4, 60, "the event's marker at the clicked point")
        assert event_marker(page)[1] != before
        page.screenshot(path=str(ARTIFACTS / "12_event_pin_by_click.png"), full_page=True)
    finally:
        stop(proc)
    assert not [u for u in page.requests if not LOCAL.match(u)]
