"""Your own layers in headless Chromium: a KML front line uploaded in the sidebar is listed with
its name and date, drawn in its pane under the event markers with its hostile name shown as
text, and gone from the map when switched off; nothing is fetched from outside 127.0.0.1."""

from __future__ import annotations

import pytest

from test_browser import ARTIFACTS, LOCAL, MAP, app_url, browser, map_frame, page, sidebar, wait_for  # noqa: F401

pytestmark = pytest.mark.browser

NAME = "Occupied <img src=x onerror=alert(1)> area"
KML = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Front line</name>
<Placemark><name>{NAME.replace('<', '&lt;').replace('>', '&gt;')}</name>
<Style><LineStyle><color>ff0000cc</color><width>3</width></LineStyle><PolyStyle><color>550000cc</color></PolyStyle></Style>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
32.0,46.4 33.6,46.4 33.6,47.2 32.0,47.2 32.0,46.4</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Front line</name><LineString><coordinates>36.5,47.0 37.5,48.0 38.0,49.5</coordinates></LineString>
</Placemark></Document></kml>"""

OVERLAY_LAYERS = """() => Object.values(window.map._layers)
    .filter(l => l.feature && l.options && l.options.pane === 'geoOverlays').length"""


def test_an_uploaded_layer_is_listed_drawn_under_the_events_and_switched_off(app_url, page, tmp_path):  # noqa: F811
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    path = tmp_path / "front-2024-05.kml"
    path.write_text(KML, encoding="utf-8")
    page.goto(app_url)
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    side = sidebar(page)
    side.get_by_text("Your layers (0)").click()
    assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 1  # the articles' own, alone
    side.get_by_role("button", name="Add a layer…").click()
    side.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    side.get_by_role("button", name="Add layer").click()
    side.get_by_text("Layer added: Front line · undated · KML, 2 shapes").wait_for(timeout=60_000)
    listed = side.get_by_test_id("stCheckbox").filter(has_text="Front line")
    listed.wait_for(timeout=30_000)
    assert listed.locator("input").is_checked()

    wait_for(page, lambda: map_frame(page).evaluate(OVERLAY_LAYERS) == 2, 60, "the layer's two shapes on the map")
    # Read through wait_for: the map's first report of its view may re-mount its frame meanwhile.
    panes = wait_for(page, lambda: map_frame(page).evaluate("""() => ['geoOverlays', 'overlayPane', 'markerPane'].map(
        p => +getComputedStyle(window.map.getPane(p)).zIndex)"""), 60, "the map's panes")
    assert panes[0] < panes[1] < panes[2], panes  # under the mentions' shapes and the event markers
    wait_for(page, lambda: map_frame(page).locator(".leaflet-marker-icon").count() > 0, 60,
             "the events drawn above the layer")
    frame = map_frame(page)
    # Hover the area near a corner, away from the event markers over Kherson inside it.
    frame.evaluate("() => window.map.setView([46.8, 32.8], 8, {animate: false})")
    page.wait_for_timeout(1000)  # the moved view is reported to Python; let that run settle

    def hovered():
        x, y = map_frame(page).evaluate("""() => {
            const p = window.map.latLngToContainerPoint([46.47, 33.5]); return [p.x, p.y]; }""")
        box = page.locator(MAP).bounding_box()
        page.mouse.move(box["x"] + x - 3, box["y"] + y - 3)
        page.mouse.move(box["x"] + x, box["y"] + y, steps=3)
        return map_frame(page).locator(".leaflet-tooltip").count() > 0

    wait_for(page, hovered, 30, "the layer's tooltip on hover")
    tooltip = map_frame(page).locator(".leaflet-tooltip")
    assert NAME in tooltip.inner_text() and "Front line" in tooltip.inner_text(), tooltip.inner_text()
    assert tooltip.locator("img").count() == 0  # the name is text, never markup
    page.screenshot(path=str(ARTIFACTS / "20_overlay_drawn.png"), full_page=True)

    listed.locator("label").click()
    wait_for(page, lambda: map_frame(page).evaluate(OVERLAY_LAYERS) == 0, 60, "the layer off the map")
    assert map_frame(page).locator(".leaflet-marker-icon").count() > 0
    assert not listed.locator("input").is_checked()
    page.screenshot(path=str(ARTIFACTS / "21_overlay_off.png"), full_page=True)

    page.reload()  # kept in the library: listed again after a reload, switched on for a new visit
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: map_frame(page).evaluate(OVERLAY_LAYERS) == 2, 60, "the layer back after a reload")
    assert not dialogs and not [u for u in page.requests if not LOCAL.match(u)]
