"""The dashboard's map background in headless Chromium, offline: the English vector basemap over
Ukraine at zoom 6, 7 and 12 (Kharkiv; the Sea of Azov's shore at Mariupol; the Dnipro at Kherson),
drawn from the app's own files, with no OpenStreetMap tile unless a user picks it on the map.

Screenshots of the map go to artifacts/basemap_*.png: look at them (English labels only, sharp
shores and rivers).
"""

from __future__ import annotations

import re

import pytest

from test_browser import (ARTIFACTS, LOCAL, MAP, app_url, browser, map_frame, marker_titles, page,  # noqa: F401
                          wait_for)

pytestmark = pytest.mark.browser

LAND, SEA = (244, 241, 234), (180, 209, 230)  # geo.map.backgrounds.COLOURS
CYRILLIC = re.compile("[\u0400-\u04ff]")

# In each basemap canvas of the view: how many pixels are land and how many sea, exactly.
COUNT_COLOURS = """([land, sea]) => {
    let l = 0, s = 0, tiles = 0;
    for (const c of document.querySelectorAll('canvas.geo-base-tile')) {
        if (!c.closest('.leaflet-tile-container') || !c.classList.contains('leaflet-tile-loaded')) continue;
        tiles++;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i] === land[0] && d[i + 1] === land[1] && d[i + 2] === land[2]) l++;
            else if (d[i] === sea[0] && d[i + 1] === sea[1] && d[i + 2] === sea[2]) s++;
        }
    }
    return {land: l, sea: s, tiles: tiles};
}"""


def show(page, lat: float, lon: float, zoom: int) -> dict:
    """Move the map (as a user would) and wait until every tile of the view is drawn."""
    frame = map_frame(page)
    frame.evaluate(f"window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); 0")
    wait_for(page, lambda: map_frame(page).evaluate(f"""() => window.map.getZoom() === {zoom}
        && document.querySelectorAll('.leaflet-tile-container canvas.geo-base-tile').length >= 4
        && !document.querySelector('.leaflet-tile-container canvas.geo-base-tile:not(.leaflet-tile-loaded)')"""),
             30, f"the basemap at zoom {zoom}")
    page.wait_for_timeout(700)  # labels are placed once the view has settled
    return map_frame(page).evaluate(COUNT_COLOURS, [LAND, SEA])


def labels(page) -> list[str]:
    """The view's labels once placed: they come from cell files fetched after the view settles,
    which takes seconds on a busy machine (a fixed pause read an empty view there)."""
    read = lambda: map_frame(page).evaluate("""() => [...document.querySelectorAll('.geo-lbls')]
        .filter(box => box.style.display !== 'none')
        .flatMap(box => [...box.querySelectorAll('.geo-lbl')].map(e => e.textContent))""")
    wait_for(page, lambda: len(read()) > 0, 30, "the basemap's labels")
    page.wait_for_timeout(500)  # the last cells of the view
    return read()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(MAP).screenshot(path=str(ARTIFACTS / f"basemap_{name}.png"))


def test_the_map_is_english_vectors_from_zoom_six_to_twelve_offline(app_url, page):  # noqa: F811
    page.goto(app_url + "/?mode=places&view=47.6,35.6,7")
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 60, "the seed article's markers")
    assert map_frame(page).evaluate("window.map._geoBase") == "vector"

    at_seven = show(page, 47.6, 35.6, 7)  # Zaporizhzhia to Mariupol: land, the Sea of Azov, the Dnipro
    assert at_seven["land"] > 50_000 and at_seven["sea"] > 50_000, at_seven
    names = labels(page)
    assert {"Zaporizhzhia", "Melitopol", "Berdyansk"} & set(names) and "Sea of Azov" in names, names
    assert not [n for n in names if CYRILLIC.search(n)]
    shot(page, "z7_ukraine")

    at_six = show(page, 48.4, 34.5, 6)
    assert at_six["land"] > at_six["sea"] > 10_000, at_six
    names = labels(page)
    assert {"Kyiv", "Kharkiv", "Odesa"} <= set(names) and not [n for n in names if CYRILLIC.search(n)], names
    shot(page, "z6_ukraine")

    at_twelve = show(page, 49.99, 36.25, 12)  # Kharkiv, where a user corrects a village
    assert at_twelve["land"] > 200_000, at_twelve
    names = labels(page)
    assert "Kharkiv" in names and len(names) > 20 and not [n for n in names if CYRILLIC.search(n)], names
    assert any("/app/static/basemap/9/" in u for u in page.requests)  # the full-resolution band
    shot(page, "z12_kharkiv")

    coast = show(page, 47.08, 37.55, 12)  # Mariupol's shore of the Sea of Azov
    assert coast["land"] > 50_000 and coast["sea"] > 50_000, coast
    shot(page, "z12_mariupol_coast")
    show(page, 46.64, 32.62, 12)  # Kherson on the Dnipro
    shot(page, "z12_kherson_dnipro")

    assert not [u for u in page.requests if "/app/static/tiles/" in u]  # no OpenStreetMap tile by default
    assert not [u for u in page.requests if not LOCAL.match(u)]  # nothing left 127.0.0.1


def test_openstreetmap_is_a_choice_the_browser_remembers(app_url, page):  # noqa: F811
    page.goto(app_url + "/?mode=places&view=48.4,34.5,6")
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: "Mariupol" in marker_titles(page), 60, "the seed article's markers")
    frame = map_frame(page)
    frame.locator(".leaflet-control-layers").hover()
    options = frame.locator(".leaflet-control-layers-base label")
    assert options.all_inner_texts()[0].strip() == "Map in English (offline)"
    assert not [t for t in options.all_inner_texts() if "online" in t]  # offline: the tile server is not offered
    frame.locator(".leaflet-control-layers-base label", has_text="OpenStreetMap, local names").click()
    wait_for(page, lambda: any("/app/static/tiles/6/" in u for u in page.requests), 20, "OpenStreetMap's tiles")
    assert map_frame(page).evaluate("window.map._geoBase") == "local"

    page.reload()  # the choice is the user's until changed
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    wait_for(page, lambda: map_frame(page).evaluate("window.map && window.map._geoBase") == "local", 60,
             "the chosen background back")
    assert not [u for u in page.requests if not LOCAL.match(u)]
