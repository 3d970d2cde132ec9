"""Your own layers on the map page (AppTest, real library): a stored layer is drawn on the map
with its name escaped, switched off by its checkbox; read-only, it can be switched but not
added or removed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT
from geo.text.overlays import read_layer
from geo.store import Store
from geo.store.overlays import add_overlay

TIMEOUT = 180
SQUARE = {"type": "Feature", "properties": {"name": "Held <b>area</b>"},
          "geometry": {"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 48]]]}}


@pytest.fixture(autouse=True)
def library_file(geo_data_dir, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("GEO_DATABASE_URL", str(path))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    with Store.open(path) as store:
        add_overlay(store, read_layer(json.dumps(SQUARE).encode(), "held.geojson"), source="held.geojson",
                    date="2024-05-01")
    return path


def map_script(at: AppTest) -> str:
    (component,) = [c for c in at.get("component_instance") if "streamlit_folium" in c.proto.component_name]
    return json.loads(component.proto.json_args)["script"]


def test_a_stored_layer_is_drawn_and_switched_off():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    script = map_script(at)
    assert '"pane": "geoOverlays"' in script and "Held &lt;b&gt;area&lt;/b&gt;" in script.replace("\\u0026", "&")
    assert "Held <b>" not in script
    (box,) = [c for c in at.sidebar.checkbox if c.key.startswith("overlay_on_")]
    assert box.value and re.search(r"held · 2024\\?-05\\?-01", box.label)
    box.uncheck().run()
    assert "geoOverlays" not in map_script(at)
    assert [b for b in at.sidebar.button if b.key.startswith("overlay_remove_")]


def test_read_only_layers_are_switched_but_not_added_or_removed(monkeypatch):
    monkeypatch.setenv("GEO_READ_ONLY", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [c for c in at.sidebar.checkbox if c.key.startswith("overlay_on_")]
    assert not [b for b in at.sidebar.button if b.key.startswith("overlay_") or b.key == "overlay_open"]
    assert "geoOverlays" in map_script(at)
