"""The map page over a library past GEO_MAP_SQL_ABOVE, headless through streamlit.testing: a link's
filters, the time slider and the table's pages reach SQL and count what the same EventFilter
keeps in Python."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT
from geo.events.taxonomy import TAXONOMY
from geo.filters import EventFilter
from geo.gazetteer import Gazetteer
from geo.store import Store
from geo.store.synthetic import generate

N = 6000


@pytest.fixture(scope="module")
def library(geo_data_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "library.sqlite"
    with Store.open(str(path)) as store:
        generate(store, N, Gazetteer.open().db, per_article=50, seed=5)
        everything = store.events()
    return path, everything


@pytest.fixture
def app(library, monkeypatch):
    monkeypatch.setenv("GEO_DATABASE_URL", str(library[0]))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)


def heading(at: AppTest) -> str:
    return next(h.value for h in at.subheader if h.value.startswith("Events ("))


def layer(at: AppTest) -> str:
    (component,) = [c for c in at.get("component_instance") if "streamlit_folium" in c.proto.component_name]
    return json.loads(component.proto.json_args)["feature_group"]


def test_a_link_filters_the_counts_the_cells_and_the_table(app, library):
    everything = library[1]
    app.query_params["type"] = "Battles"
    app.query_params["country"] = "UA"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    kept = EventFilter(types=("Battles",), countries=("UA",)).apply_events(everything)
    assert heading(app) == f"Events ({len(kept):,})"
    assert app.sidebar.multiselect(key="f_event_type").value == ["Battles"]
    # The map opens on every event's extent: its layer holds each kept event once, as a marker
    # (264 here, under the cap) or in a cell's count.
    script = layer(app)
    if cells := re.search(r"var cells = (\[.*?\]);\n", script):
        assert sum(c["n"] for c in json.loads(cells.group(1))) == len(kept)
    else:
        markers = json.loads(re.search(r"var data = (\{.*?\});\n", script).group(1))["markers"]
        assert len(markers) == len(kept) and all(m["title"].startswith(tuple(TAXONOMY["Battles"])) for m in markers)
    rows = app.dataframe[0].value
    assert len(rows) == min(100, len(kept)) and set(rows["event_type"]) == {"Battles"}
    assert list(rows["event_date"]) == sorted(rows["event_date"], reverse=True)
    assert app.sidebar.radio(key="f_mode").proto.disabled  # the places view is not offered at this size


def test_the_time_slider_and_the_pages(app, library):
    everything = library[1]
    app.run()
    assert heading(app) == f"Events ({N:,})"
    app.sidebar.toggle(key="f_time").set_value(True).run()
    day = date(2020, 6, 30)
    app.sidebar.slider(key="f_day").set_value(day).run()
    assert not app.exception, [e.value for e in app.exception]
    upto = EventFilter(date_to=day.isoformat()).apply_events(everything)
    assert heading(app) == f"Events ({len(upto):,})"
    app.number_input(key="events_table_page").set_value(3).run()
    rows = app.dataframe[0].value
    newest = sorted((e.date for e in upto), reverse=True)
    assert list(rows["event_date"]) == newest[200:300]
