"""Reported events in headless Chromium: upload a war article, see event markers with type
icons, click one, read what/where/when and the sentence, filter to one sub-event type; nothing
is fetched from outside 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from test_browser import ARTIFACTS, LOCAL, MAP, app_url, browser, map_frame, page, sidebar, wait_for  # noqa: F401

pytestmark = pytest.mark.browser

WAR = ("On 12 March 2024, a Russian drone strike hit Kupiansk, killing two civilians. "
       "Russian forces shelled Lyman overnight; one man was wounded. "
       "Ukrainian troops clashed with Russian forces near Robotyne on Tuesday. "
       "Air defence shot down 14 drones over Odesa.")


def event_markers(page) -> list[dict]:
    return map_frame(page).evaluate("""() => {
        const layers = [...(window.geoPlaceLayer ? window.geoPlaceLayer.getLayers() : []),
                        ...(window.geoLooseLayer ? window.geoLooseLayer.getLayers() : [])];
        return layers.map(l => ({title: l.options.title, glyph: l.options.icon.options.html.replace(/<[^>]*>/g, '')}));
    }""")


def test_events_on_the_map(app_url, page, tmp_path):  # noqa: F811
    war = tmp_path / "war-report.txt"
    war.write_text(WAR, encoding="utf-8")
    page.goto(app_url)
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(war))
    strike = wait_for(page, lambda: next((m for m in event_markers(page) if m["title"].startswith("Air/drone strike")), None),
                      90, "the drone strike's marker")
    assert strike["glyph"] == "✈"
    glyphs = {m["glyph"] for m in event_markers(page)}
    assert {"✈", "✸"} <= glyphs, glyphs  # strikes and shelling look different
    page.screenshot(path=str(ARTIFACTS / "07_events_map.png"), full_page=True)

    frame = map_frame(page)
    frame.evaluate("""title => { const all = [...window.geoPlaceLayer.getLayers(), ...window.geoLooseLayer.getLayers()];
        const m = all.find(l => l.options.title === title);
        if (window.geoPlaceLayer.zoomToShowLayer && window.geoPlaceLayer.hasLayer(m)) {
            window.geoPlaceLayer.zoomToShowLayer(m, () => {}); } else { window.map.setView(m.getLatLng(), 9); } }""",
                   strike["title"])
    page.wait_for_timeout(1200)
    frame.locator(f'.leaflet-marker-icon[title="{strike["title"]}"]').first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "Air/drone strike" in text and "Kupiansk" in text and "2024-03-12" in text and "2 killed" in text
    facts = page.locator(".geo-event-facts")
    facts.wait_for(timeout=15_000)
    table = facts.inner_text()
    assert re.search(r"What\s+Explosions/Remote violence: Air/drone strike", table), table
    assert "Kupiansk" in table and "2024-03-12" in table and "Russian" in table
    assert page.locator(".geo-sentence mark", has_text="Kupiansk").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "08_event_clicked.png"), full_page=True)

    subtypes = sidebar(page).get_by_test_id("stMultiSelect").nth(3)
    subtypes.click()
    page.keyboard.type("Air/drone strike")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for(page, lambda: (ms := event_markers(page)) and all(m["title"].startswith("Air/drone strike") for m in ms),
             30, "only air and drone strikes on the map")
    page.get_by_role("heading", name=re.compile(r"^Events \(1\)")).wait_for(timeout=15_000)
    page.screenshot(path=str(ARTIFACTS / "09_drone_strikes_only.png"), full_page=True)
    assert not [u for u in page.requests if not LOCAL.match(u)]


def test_search_jumps_to_the_sentence_on_the_map(app_url, page):  # noqa: F811
    page.goto(app_url + "/Search_articles")
    page.get_by_label("Words in the articles").fill("Kakhovka Dam")
    page.keyboard.press("Enter")
    page.locator(".geo-hit mark", has_text="Kakhovka").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Show on the map").first.click()
    page.get_by_role("heading", name="Kakhovka Dam").wait_for(timeout=60_000)
    # the panel's heading comes before its sentences in Streamlit's rendering: wait for the sentence too
    page.locator(".geo-sentence mark", has_text="Kakhovka Dam").first.wait_for(timeout=30_000)
    assert page.locator(".geo-sentence mark", has_text="Kakhovka Dam").first.is_visible()
    zoom = wait_for(page, lambda: (z := map_frame(page).evaluate("window.map.getZoom()")) == 9 and z, 30,
                    "the map to fly to the sentence's place")
    assert zoom == 9
    page.screenshot(path=str(ARTIFACTS / "10_search_jump.png"), full_page=True)
    assert not [u for u in page.requests if not LOCAL.match(u)]


def test_search_finds_words_in_any_form(app_url, page, tmp_path):  # noqa: F811
    """Stemmed search: "shell" finds "shelled", "killed" finds "killing", each marked as written."""
    war = tmp_path / "war-report.txt"
    war.write_text(WAR, encoding="utf-8")
    page.goto(app_url)
    page.wait_for_selector(MAP, state="attached", timeout=60_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(war))
    page.get_by_text(re.compile(r"war-report\.txt: added")).wait_for(timeout=120_000)
    page.goto(app_url + "/Search_articles")
    page.get_by_role("heading", name="Search the articles").wait_for(timeout=60_000)
    box = page.get_by_label("Words in the articles")
    for query, written, sentence in [("shell", "shelled", "Lyman"), ("killed", "killing", "Kupiansk")]:
        box.fill(query)
        box.press("Enter")
        hit = page.locator(".geo-hit", has=page.locator("mark", has_text=written))
        hit.first.wait_for(timeout=60_000)
        assert sentence in hit.first.inner_text()
        assert page.locator(".geo-hit mark").all_inner_texts() == [written]
    page.screenshot(path=str(ARTIFACTS / "11_stemmed_search.png"), full_page=True)
    assert not [u for u in page.requests if not LOCAL.match(u)]
