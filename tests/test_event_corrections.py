"""Corrections from the event panel, and a pin placed by clicking the map (AppTest, real
pipeline and library; the browser test of the click itself is in test_browser_corrections.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT
from geo.map.event_layer import event_keys
from geo.store import Store

TIMEOUT = 180
WAR = (b"On 12 March 2024, a Russian drone strike hit Kupiansk, killing two civilians. "
       b"Later, Russian forces shelled Kupiansk again.")
PIN = (49.75, 37.70)  # 6 km from the town: under the distance that asks first


@pytest.fixture(autouse=True)
def library_file(geo_data_dir, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("GEO_DATABASE_URL", str(path))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    return path


def strikes(at: AppTest) -> list:
    return [e for e in at.session_state["library"].events() if e.place and e.place.name.startswith("Kup")]


def test_the_event_panel_corrects_the_events_place(library_file):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.file_uploader(key="uploads").set_value([("war.txt", WAR, "text/plain")])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    before = strikes(at)
    assert len(before) >= 1
    events = at.session_state["library"].events()
    key = next(k for k, e in zip(event_keys(events), events) if e.sub_type == "Air/drone strike")
    at.radio(key="event_pick").set_value(key).run()  # a line of the feed
    assert [x.label for x in at.expander if x.label == "Correct this event's place"]

    at.number_input(key="corr_lat").set_value(PIN[0])
    at.number_input(key="corr_lon").set_value(PIN[1])
    at.button(key="corr_pin").click().run()
    assert not at.exception, [e.value for e in at.exception]
    after = strikes(at)
    # Every event read from that name moved with it, in the library, and the panel kept its event.
    assert len(after) == len(before) and all((e.place.lat, e.place.lon) == PIN for e in after)
    assert all(e.place.source == "user" for e in after)
    assert at.session_state["event_pick"] == key
    with Store.open(library_file) as store:
        (correction,) = store.corrections()
        assert correction.name == "kupiansk" and (correction.place.lat, correction.place.lon) == PIN


def click_script():
    import streamlit as st

    from ui.corrections import take_map_click

    st.session_state.setdefault("corr_lat", 1.0)
    take_map_click(st.session_state["fake_out"])
    st.number_input("Latitude", -90.0, 90.0, key="corr_lat", format="%.5f")
    st.number_input("Longitude", -180.0, 180.0, key="corr_lon", format="%.5f")


def test_a_click_on_the_map_places_the_pin_only_when_asked():
    at = AppTest.from_function(click_script, default_timeout=30)
    at.session_state["corr_lon"] = 2.0
    at.session_state["fake_out"] = {"last_clicked": {"lat": 49.1234567, "lng": 37.5}}
    at.run()
    assert (at.number_input(key="corr_lat").value, at.number_input(key="corr_lon").value) == (1.0, 2.0)

    at.session_state["corr_pin_click"] = True  # "Click the map to place the pin" on
    at.session_state["fake_out"] = {"last_clicked": {"lat": 48.5, "lng": 37.5 + 360}}  # a wrapped world
    at.run()
    assert (at.number_input(key="corr_lat").value, at.number_input(key="corr_lon").value) == (48.5, 37.5)
    at.number_input(key="corr_lat").set_value(48.0).run()  # the same click reported again: typed value stays
    assert at.number_input(key="corr_lat").value == 48.0
