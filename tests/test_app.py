"""The dashboard driven headless through streamlit.testing (real pipeline, no browser)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT, SEED
from geo.text.ingest import read
from geo.library import MemoryLibrary, StoreLibrary
from geo.store import Store

LVIV_ARTICLE = b"Missiles hit Lviv and Odesa overnight. The strikes on Lviv damaged a power station."
DATED_ARTICLE = b"June 6, 2023\n\nShelling hit Kharkiv overnight, the regional governor said."
TIMEOUT = 180  # the first run loads the gazetteer and spaCy
SEED_ID = read(SEED.read_bytes(), SEED.name).id
LVIV_ID = read(LVIV_ARTICLE, "lviv.txt").id


@pytest.fixture(autouse=True)
def library_file(geo_data_dir, tmp_path, monkeypatch) -> Path:
    """Every test starts from an empty library of its own, next to the shared, built gazetteer.

    The app keeps one library per database URL for the process, so a new URL is a fresh start.
    """
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("GEO_DATABASE_URL", str(path))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    return path


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["f_mode"] = "places"  # these tests are about places; events have their own below
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def place_names(at: AppTest) -> list[str]:
    return list(at.selectbox(key="place_pick").options)


def map_args(at: AppTest) -> dict:
    (component,) = [c for c in at.get("component_instance") if "streamlit_folium" in c.proto.component_name]
    return json.loads(component.proto.json_args)


def map_titles(at: AppTest) -> set[str]:
    data = json.loads(re.search(r"var data = (\{.*?\});\n", map_args(at)["script"]).group(1))
    return {m["title"] for m in data["markers"]}


def places_view() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["f_mode"] = "places"
    return at.run()


def articles_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "1_Articles.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, ["\n".join(e.stack_trace) for e in at.exception]
    return at


def pick(at: AppTest, name: str) -> AppTest:
    """Choose a place in the panel's list by name (the widget's values are place ids)."""
    place_id = next(e.place.id for e in at.session_state["library"].place_mentions() if e.place.name == name)
    return at.selectbox(key="place_pick").set_value(place_id).run()


def html_of(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def upload(at: AppTest, *files: tuple[str, bytes, str]) -> AppTest:
    at.file_uploader(key="uploads").set_value(list(files))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_seed_article_is_on_the_map_at_start(app):
    names = place_names(app)
    assert any(n.startswith("Kherson") for n in names) and "Mariupol" in names
    assert {"Mariupol"} <= map_titles(app)
    args = map_args(app)
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])
    assert len(app.dataframe[0].value) >= 5
    assert not app.error


def test_upload_adds_an_article(app):
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    assert {"Lviv", "Odesa"} <= set(place_names(app)) and "Mariupol" in place_names(app)
    assert len(app.sidebar.multiselect(key="f_doc").options) == 2
    assert not app.error


def test_bad_files_show_errors_and_the_good_one_still_loads(app):
    upload(app, ("empty.txt", b"   ", "text/plain"), ("broken.pdf", b"%PDF-1.4 not really", "application/pdf"),
           ("lviv.txt", LVIV_ARTICLE, "text/plain"), ("photo.docx", b"\x89PNG\r\n\x1a\n0000", "application/octet-stream"))
    errors = [e.value.replace("\\", "") for e in app.error]  # markdown-escaped
    assert len(errors) == 3, errors
    assert any("empty.txt" in e for e in errors) and any("broken.pdf" in e for e in errors)
    assert any("photo.docx" in e for e in errors)
    assert "Lviv" in place_names(app)
    app.run()  # errors stay next to the uploader on later reruns, without parsing again
    assert len(app.error) == 3


def test_region_filter_narrows_map_and_table(app):
    app.sidebar.multiselect(key="f_region").select("Donetsk Oblast").run()
    assert map_titles(app) == {"Mariupol", "Donetsk Oblast"}  # places inside the region, and the region
    regions = set(app.dataframe[0].value["region"])
    assert regions == {"Donetsk Oblast"} and set(app.dataframe[0].value["country"]) == {"Ukraine"}
    assert set(place_names(app)) == {"Mariupol", "Donetsk Oblast"}
    label = app.sidebar.multiselect(key="f_region").format_func("Donetsk Oblast")
    assert label == f"Donetsk Oblast ({len(app.dataframe[0].value)})"  # the count is what the filter returns


def test_feature_and_article_filters(app):
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    app.sidebar.multiselect(key="f_feature").select("city").run()
    assert "Lviv" in map_titles(app) and not any(n.startswith("Kherson Oblast") for n in map_titles(app))
    app.sidebar.multiselect(key="f_doc").set_value([read(LVIV_ARTICLE, "lviv.txt").id]).run()
    assert map_titles(app) == {"Lviv", "Odesa"}


def test_choosing_a_place_shows_its_sentences(app):
    pick(app, "Mariupol")
    assert any(h.value == "Mariupol" for h in app.subheader)
    panel = html_of(app)
    assert "Ukrainian units in <mark>Mariupol</mark> (Donetsk Region)" in panel
    assert "preparing the ground" not in panel
    app.toggle(key="panel_context").set_value(True).run()
    assert "preparing the ground" in html_of(app)  # the sentence after


def test_article_html_is_shown_as_text(app):
    hostile = b"Shelling in Lviv <script>alert(1)</script> and <img src=x onerror=alert(2)> {{ 7*7 }} today."
    upload(app, ("hostile.txt", hostile, "text/plain"))
    pick(app, "Lviv")
    panel = html_of(app)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel and "&lt;img src=x onerror=alert(2)&gt;" in panel
    assert "<script>" not in panel and "<img" not in panel
    assert "<script>alert" not in map_args(app)["script"] and "{{ 7*7 }}" not in map_args(app)["script"]


def test_pasted_text_is_added(app):
    app.text_area[0].input(LVIV_ARTICLE.decode())
    app.text_input[0].input("Night strikes")
    app.button[0].click().run()  # the form's submit button
    assert not app.exception and "Lviv" in place_names(app)
    assert "Night strikes" in app.sidebar.multiselect(key="f_doc").options


def test_pasted_text_and_uploads_pass_the_one_size_guard(app):
    """The uploader's own limit (server.maxUploadSize, MB = 10^6 bytes) holds for pasted text
    too: a paste under the box's character limit but over it in bytes is refused by name."""
    from streamlit import config

    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    try:
        _paste_and_upload_over_one_mb(app)
    finally:
        config.set_option("server.maxUploadSize", before)


def _paste_and_upload_over_one_mb(app):
    assert app.run().text_area[0].max_chars == 1_000_000
    app.text_area[0].input("Обстріл Херсона. " * 40_000)  # 680,000 characters, 1.2 MB in UTF-8
    app.button[0].click().run()
    assert any("pasted text is 1.2 MB; the limit is 1 MB" in e.value.replace("\\", "") for e in app.error)
    upload(app, ("big.txt", b"Kherson. " * 120_000, "text/plain"))  # 1.08 MB: decimal, as the browser counts
    assert any("big.txt is 1.1 MB; the limit is 1 MB" in e.value.replace("\\", "") for e in app.error)


def test_shape_filter_uses_the_saved_drawing(app):
    rect = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
        [[37.0, 46.8], [38.0, 46.8], [38.0, 47.3], [37.0, 47.3], [37.0, 46.8]]]}}  # Mariupol only
    app.session_state["shape"] = {"type": "FeatureCollection", "features": [rect]}
    app.run()
    app.sidebar.toggle(key="f_shape").set_value(True).run()
    assert map_titles(app) == {"Mariupol"}
    assert '"coordinates": [[[37.0, 46.8]' in map_args(app)["script"]  # the shape stays visible and deletable


def test_articles_page_lists_and_removes():
    at = articles_page()
    assert isinstance(at.session_state["library"], StoreLibrary) and len(at.session_state["library"]) == 1
    assert "Kherson" in html_of(at) or SEED.name in html_of(at)  # its title, or its file name
    (row,) = at.dataframe[0].value.to_dict("records")
    lib = at.session_state["library"]
    assert row["source"] == SEED.name and row["places"] >= 4 and row["added (UTC)"]
    # Each column counts what it is named for, as the map counts it: events, then place mentions
    # (nationality words aside, as the map leaves them out unless asked).
    assert row["events"] == len(lib.events()) >= 1
    assert row["place mentions"] == sum(m.mention.label != "DEMONYM" for m in lib.place_mentions()) >= 5
    at.button(key=f"remove_{SEED_ID}").click().run()
    assert not at.exception and len(at.session_state["library"]) == 0
    assert "No articles loaded" in at.info[0].value
    at.run()
    assert len(at.session_state["library"]) == 0  # the sample is seeded into an empty library once, not again


def test_library_is_kept_between_visits(app, library_file):
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    sys.modules["ui.state"].shared_library.clear()  # as after a restart: read back from the database
    again = places_view()
    assert not again.exception
    assert {"Lviv", "Odesa", "Mariupol"} <= set(place_names(again))
    assert again.session_state["library"] is not app.session_state["library"]
    assert {a.id for a in again.session_state["library"].articles()} == {SEED_ID, LVIV_ID}
    with Store.open(library_file) as store:
        assert store.has(LVIV_ID) and store.has(SEED_ID)


def test_uploading_a_stored_article_again_says_so(app):
    events = len(app.session_state["library"].place_mentions())
    upload(app, (SEED.name, SEED.read_bytes(), "text/plain"))
    assert any("already in the library" in m.value for m in app.info)  # plainly, not in a collapsed box
    assert len(app.session_state["library"]) == 1 and len(app.session_state["library"].place_mentions()) == events
    assert len(app.sidebar.multiselect(key="f_doc").options) == 1


def test_removing_an_article_keeps_the_others_events(app):
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    articles_page().button(key=f"remove_{SEED_ID}").click().run()
    app.run()
    assert set(place_names(app)) == {"Lviv", "Odesa"}
    assert [a.id for a in app.session_state["library"].articles()] == [LVIV_ID]


def test_dates_from_the_article_or_set_by_hand_filter_the_map(app):
    upload(app, ("kharkiv.txt", DATED_ARTICLE, "text/plain"))
    dates = {a.id: a.date for a in app.session_state["library"].articles()}
    assert dates == {SEED_ID: None, read(DATED_ARTICLE, "kharkiv.txt").id: "2023-06-06"}
    page = articles_page()
    page.date_input(key=f"date_{SEED_ID}").set_value(date(2023, 6, 4)).run()
    assert not page.exception
    assert {a.id: a.date for a in page.session_state["library"].articles()}[SEED_ID] == "2023-06-04"

    app.run()
    app.sidebar.date_input(key="f_dates").set_value((date(2023, 6, 5), date(2023, 6, 6))).run()
    assert map_titles(app) == {"Kharkiv"} and set(app.dataframe[0].value["place"]) == {"Kharkiv"}
    app.sidebar.date_input(key="f_dates").set_value(()).run()
    assert {"Kharkiv", "Mariupol"} <= map_titles(app)

    app.sidebar.toggle(key="f_time").set_value(True).run()
    assert app.sidebar.slider(key="f_day").value == date(2023, 6, 6)  # starts showing everything
    app.sidebar.slider(key="f_day").set_value(date(2023, 6, 4)).run()
    assert "Kharkiv" not in map_titles(app) and "Mariupol" in map_titles(app)
    app.sidebar.button(key="play").click().run()
    assert app.session_state["playing"] and app.sidebar.button(key="play").label == "⏸ Pause"
    for _ in range(3):  # what the player fragment's ticks do in a browser: step on, one day a tick
        app.session_state["play_step"] = True
        app.run()
    assert app.sidebar.slider(key="f_day").value == date(2023, 6, 6) and not app.session_state["playing"]
    assert {"Kharkiv", "Mariupol"} <= map_titles(app)
    app.sidebar.radio(key="f_day_mode").set_value("on").run()
    assert map_titles(app) == {"Kharkiv"}


def test_source_filter_and_downloads(app):
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    app.sidebar.multiselect(key="f_source").set_value(["lviv.txt"]).run()
    assert map_titles(app) == {"Lviv", "Odesa"}
    labels = {b.label: b.proto for b in app.get("download_button")}
    assert set(labels) == {"Download GeoJSON", "Download CSV", "Download KML"}
    assert all(proto.deferred_file_id for proto in labels.values())  # written on click, from the filtered events


def test_memory_library_when_asked(monkeypatch):
    monkeypatch.setenv("GEO_LIBRARY", "memory")
    at = places_view()
    assert not at.exception and isinstance(at.session_state["library"], MemoryLibrary)
    assert "Mariupol" in place_names(at)


def test_place_search_page_maps_candidates():
    at = AppTest.from_file(str(ROOT / "pages" / "2_Search_articles.py"), default_timeout=TIMEOUT).run()
    at.text_input(key="search_name").input("Mariupol").run()
    assert not at.exception
    assert "Mariupol" in set(at.dataframe[0].value["name"])
    assert "Mariupol" in map_titles(at)


def test_correcting_a_place_is_stored_applied_and_undone(app, library_file):
    pick(app, "Kherson")
    options = app.selectbox(key="corr_pick").options
    app.selectbox(key="corr_pick").select_index(next(i for i, o in enumerate(options) if "Airport" in o))
    app.button(key="corr_apply").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert "Kherson International Airport" in map_titles(app) and "Kherson" not in map_titles(app)
    assert "(user-set)" in map_args(app)["script"] and any("user-set" in c.value.lower() for c in app.caption)
    with Store.open(library_file) as store:
        (correction,) = store.corrections()
        assert correction.place.name == "Kherson International Airport" and correction.context == "country:UA"

    sys.modules["ui.state"].shared_library.clear()  # a restart: read back from the database
    again = places_view()
    assert "Kherson International Airport" in map_titles(again) and "Kherson" not in map_titles(again)
    upload(again, ("lviv.txt", b"Shelling hit Kherson and Mykolaiv overnight.", "text/plain"))
    later = [e.place.name for e in again.session_state["library"].place_mentions() if e.mention.text == "Kherson"]
    assert set(later) == {"Kherson International Airport"}  # a later article with the same context follows

    pick(again, "Kherson International Airport")
    again.button(key=f"undo_{correction.id}").click().run()
    assert not again.exception, [e.value for e in again.exception]
    assert "Kherson" in map_titles(again) and "Kherson International Airport" not in map_titles(again)
    assert "(user-set)" not in map_args(again)["script"]
    with Store.open(library_file) as store:
        assert not store.corrections()


WAR_ARTICLE = (b"On 12 March 2024, a Russian drone strike hit Kupiansk, killing two civilians. "
               b"Russian forces shelled Lyman overnight, one man was wounded. "
               b"Ukrainian troops clashed with Russian forces near Robotyne.")


def test_reported_events_are_the_default_view():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    upload(at, ("war.txt", WAR_ARTICLE, "text/plain"))
    assert at.sidebar.radio(key="f_mode").value == "events"
    table = at.dataframe[0].value
    assert {"event_date", "event_type", "sub_event_type", "actor1", "location", "fatalities", "notes"} <= set(table.columns)
    assert "Air/drone strike" in set(table["sub_event_type"])
    strike = table[table["sub_event_type"] == "Air/drone strike"].iloc[0]
    assert strike["location"].startswith("Kup") and strike["fatalities"] == "2" and strike["event_date"] == "2024-03-12"
    assert strike["injured"] == ""  # a toll the article does not state is an empty cell, not "None"
    data = json.loads(re.search(r"var data = (\{.*?\});\n", map_args(at)["script"]).group(1))
    (marker,) = [m for m in data["markers"] if m["label"] == "✈"]
    assert marker["title"] == f"Air/drone strike — {strike['location']}"
    assert marker["tooltip"].startswith("Air/drone strike · Kupiansk")  # as the article spells it

    at.sidebar.multiselect(key="f_sub_type").set_value(["Air/drone strike"]).run()
    assert set(at.dataframe[0].value["sub_event_type"]) == {"Air/drone strike"}
    key = at.radio(key="event_pick").options[0]  # the feed beside the map is the event chooser
    at.radio(key="event_pick").set_value(key).run()
    facts = html_of(at)
    assert "Kupiansk" in facts and "2 killed" in facts and "Russian" in facts and "<mark>Kupiansk</mark>" in facts

    at.sidebar.radio(key="f_mode").set_value("places").run()  # the place view is one toggle away
    assert "Kupyansk" in map_titles(at) and "Russia" not in map_titles(at)  # nationality words are not places here
    at.sidebar.toggle(key="f_demonyms").set_value(True).run()
    assert "Russia" in map_titles(at)


def test_article_search_finds_sentences(app):
    at = AppTest.from_file(str(ROOT / "pages" / "2_Search_articles.py"), default_timeout=TIMEOUT).run()
    at.text_input(key="search_text").input("Kakhovka dam").run()
    assert not at.exception
    hits = [h for h in at.get("html") if "geo-hit" in h.proto.body]
    assert hits and "<mark>Kakhovka</mark>" in hits[0].proto.body
    at.text_input(key="search_text").input('NEAR( "unclosed').run()  # never query syntax
    assert not at.exception


def test_the_time_slider_steps_through_event_dates():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    upload(at, ("war.txt", WAR_ARTICLE, "text/plain"),
           ("later.txt", b"On 14 March 2024, Russian forces shelled Kherson, killing one civilian.", "text/plain"))
    dates = set(at.dataframe[0].value["event_date"])
    assert {"2024-03-12", "2024-03-14"} <= dates
    at.sidebar.toggle(key="f_time").set_value(True).run()
    slider = at.sidebar.slider(key="f_day")
    assert slider.value == date(2024, 3, 14)  # starts on the last event date: everything shown
    assert slider.max - slider.min == 2 * 86_400_000_000  # microseconds: 12 to 14 March
    slider.set_value(date(2024, 3, 12)).run()
    at.sidebar.radio(key="f_day_mode").set_value("on").run()
    assert set(at.dataframe[0].value["event_date"]) == {"2024-03-12"}


def test_read_only_on_a_missing_library_says_so_in_one_line_and_creates_nothing(library_file, monkeypatch):
    typo = library_file.parent / "typo" / "library.sqlite"
    monkeypatch.setenv("GEO_DATABASE_URL", str(typo))
    monkeypatch.setenv("GEO_READ_ONLY", "1")
    for page in ("app.py", "pages/1_Articles.py"):
        at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT).run()
        assert not at.exception, [e.value for e in at.exception]
        assert [e.value.replace("\\", "") for e in at.error] == [
            "The article library cannot be opened: there is no article library at GEO_DATABASE_URL "
            "(or in GEO_DATA_DIR): a read-only dashboard creates none."]
    assert not typo.parent.exists()


def test_read_only_shows_a_library_and_never_seeds_or_writes_it(library_file, monkeypatch):
    from factories import KHERSON, parse_by_hand

    with Store.open(library_file) as store:
        store.save(parse_by_hand("Shelling near Kherson.", {"Kherson": KHERSON}, title="Only this"))
    with Store.open(library_file) as store:
        store.remove(store.articles()[0].id)  # an empty library: a writable one would seed it
    before = library_file.read_bytes()
    monkeypatch.setenv("GEO_READ_ONLY", "1")
    at = places_view()
    assert not at.exception and not at.error and len(at.session_state["library"]) == 0
    assert at.session_state["library"].store.read_only
    assert not at.get("file_uploader")
    assert articles_page().info[0].value.startswith("No articles loaded")
    assert library_file.read_bytes() == before


def texts(elements) -> list[str]:
    return [e.value.replace("\\", "") for e in elements]


def test_upload_results_are_shown_plainly_and_survive_a_rerun_caused_by_another_session(app, monkeypatch):
    """Each upload says what became of it (added, already in the library, could not be parsed),
    outside any collapsed box, on every run: another session's article reran the page right
    after the upload, and 1-4 pages in 20 never showed their own result though it was stored."""
    ui_state = sys.modules["ui.state"]
    real_library = ui_state.library
    other = ("Shelling hit Kharkiv overnight.").encode()
    other_id = read(other, "other.txt").id

    def library():  # another session stores an article while this page is being drawn
        lib = real_library()
        if LVIV_ID in lib and other_id not in lib:
            lib.add(ui_state.pipeline().parse(read(other, "other.txt")))
        return lib

    monkeypatch.setattr(ui_state, "library", library)
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"), (SEED.name, SEED.read_bytes(), "text/plain"),
           ("empty.txt", b"  ", "text/plain"))
    assert other_id in app.session_state["library"]  # the page reran for it
    for at in (app, app.run()):
        (added,) = texts(at.success)
        assert re.fullmatch(r"- lviv\.txt: added, \d+ events?, 2 places", added), added
        assert re.fullmatch(rf"- {re.escape(SEED.name)}: already in the library, not added again "
                            rf"\(\d+ events?, \d+ places\)", texts(at.info)[0]), texts(at.info)
        assert texts(at.error) == ["empty.txt is empty"]


def test_a_failed_store_says_so_and_is_stored_on_the_next_run(app, monkeypatch, library_file):
    from geo.errors import StoreError
    from geo.library.failures import FailureLog

    real_add = StoreLibrary.add
    outage = {"on": True}

    def add(self, parsed):
        if outage["on"]:
            raise StoreError("Cannot write the library at x: connection refused")
        return real_add(self, parsed)

    monkeypatch.setattr(StoreLibrary, "add", add)
    upload(app, ("lviv.txt", LVIV_ARTICLE, "text/plain"))
    said = "lviv.txt could not be stored (the library is unavailable); it is stored again on the next try"
    assert texts(app.error) == [said] and "parsed" not in said
    assert app.button(key="upload_retry") and LVIV_ID not in app.session_state["library"]
    with Store.open(library_file) as store:
        assert [f.reason for f in FailureLog.beside(store).failures()] == [said]
    app.run()  # still down: still said, still kept
    assert texts(app.error) == [said]
    outage["on"] = False
    app.button(key="upload_retry").click().run()
    assert not app.error and re.fullmatch(r"- lviv\.txt: added, \d+ events?, 2 places", *texts(app.success))
    assert LVIV_ID in app.session_state["library"] and "Lviv" in place_names(app)
    with Store.open(library_file) as store:
        assert FailureLog.beside(store).failures() == []

    outage["on"] = True  # pasted text: the form is cleared, the parse is kept all the same
    app.text_area[0].input("Drones struck Odesa at night.")
    app.button[0].click().run()
    assert texts(app.error) == ["pasted text could not be stored (the library is unavailable); "
                                "it is stored again on the next try"]
    outage["on"] = False
    app.run()
    assert not app.error and "- pasted text: added, 1 event, 1 place" in texts(app.success)[0]


def test_the_sample_article_is_stored_with_its_title(app):
    titles = json.loads((ROOT / "seeds" / "titles.json").read_text(encoding="utf-8"))
    [info] = app.session_state["library"].articles()
    assert info.title == titles[SEED.name] and info.title.startswith("Budanov")
