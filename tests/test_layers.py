"""The offline vector layers: GeoPackage reading, boundary lines, label cells and the manifest."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
from pathlib import Path

import pytest

from factories import seed_parsed
from geo.map import basemap, layers, webmap
from geo.text import gpkg
from geo.map.event_layer import build_event_map
from test_webmap import component_args


def square(x: float, y: float, size: float = 1.0) -> list:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def gpkg_blob(polygons: list) -> bytes:
    """A GeoPackage geometry: 'GP' header with a 2D envelope, then a little-endian WKB MultiPolygon."""
    wkb = struct.pack("<BII", 1, 6, len(polygons))
    for rings in polygons:
        wkb += struct.pack("<BII", 1, 3, len(rings))
        for ring in rings:
            wkb += struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", x, y) for x, y in ring)
    xs = [x for rings in polygons for ring in rings for x, _ in ring]
    ys = [y for rings in polygons for ring in rings for _, y in ring]
    return b"GP\x00" + bytes([0b0011]) + struct.pack("<i4d", 4326, min(xs), max(xs), min(ys), max(ys)) + wkb


def write_gpkg(path: Path, provinces: list[tuple[str, str, list]]) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT)")
        db.execute("INSERT INTO gpkg_geometry_columns VALUES ('states_provinces', 'geom')")
        db.execute("CREATE TABLE states_provinces (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, adm0_a3 TEXT, fips TEXT)")
        db.executemany("INSERT INTO states_provinces (geom, name, adm0_a3, fips) VALUES (?, ?, ?, ?)",
                       [(gpkg_blob([p[2]]), p[0], p[1], p[3] if len(p) > 3 else "") for p in provinces])
    return path


def write_index(path: Path, places: list[tuple]) -> Path:
    """A gazetteer index with the columns the layers read: (id, name, lat, lon, feature, population, geometry)."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE places (pk INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, lat REAL, lon REAL, "
                   "feature TEXT, population INTEGER, geometry TEXT)")
        db.executemany("INSERT INTO places (id, name, lat, lon, feature, population, geometry) VALUES (?,?,?,?,?,?,?)",
                       places)
    return path


def test_geopackage_polygons_are_read_as_geojson(tmp_path):
    path = write_gpkg(tmp_path / "w.gpkg", [("Alpha", "AAA", square(30, 45))])
    [feature] = gpkg.features(path, "states_provinces", ("name", "adm0_a3"))
    assert feature["properties"] == {"name": "Alpha", "adm0_a3": "AAA"}
    assert feature["geometry"]["type"] == "MultiPolygon"
    assert feature["geometry"]["coordinates"][0][0][:3] == [[30, 45], [31, 45], [31, 46]]


def test_borders_between_countries_are_thick_and_inside_one_thin(tmp_path):
    """Two provinces of one country share a thin edge; where a third belongs to another country the
    shared edge is a border. Crimea, which Natural Earth files under Russia, counts as Ukraine's."""
    features = gpkg.features(write_gpkg(tmp_path / "w.gpkg", [
        ("West", "UKR", square(30, 45)), ("East", "UKR", square(31, 45)),
        ("Far", "RUS", square(32, 45)), ("Crimea", "RUS", square(31, 44), "UP11")]), "states_provinces", ("name", "adm0_a3", "fips"))
    lines = layers.boundary_lines(features)

    def kind_of(a, b):
        return {k for k, line in lines for p, q in zip(line, line[1:]) if {p, q} == {a, b}}

    assert kind_of((31, 45), (31, 46)) == {0}  # West | East: one country
    assert kind_of((32, 45), (32, 46)) == {1}  # East | Far: a border
    assert kind_of((31, 45), (32, 45)) == {0}  # East | Crimea: inside Ukraine
    assert kind_of((30, 45), (30, 46)) == {2}  # the coast of West


def test_label_cells_hold_the_gazetteer_places_by_tier(tmp_path):
    embedded = write_index(tmp_path / "gazetteer-x.sqlite", [
        ("gn:1", "Pokrovsk", 48.28, 37.18, "city", 60000, None),
        ("gn:2", "Hrodivka", 48.34, 37.33, "city", 3000, None),
        ("gn:3", "Shevchenko", 48.13, 37.06, "city", 900, None),
        ("adm:5", "Donetsk Oblast", 48.0, 37.8, "region", 0, None),
        ("lm:d", "Dam", 47.0, 33.0, "dam", 0, None)])
    user = write_index(tmp_path / "gazetteer-user.sqlite", [("gn:2", "Hrodivka", 48.35, 37.33, "city", 3500, None)])
    towns, villages, regions = (layers.label_cells([embedded, user], layers.tier(t)) for t in
                                ("towns", "villages", "regions"))
    assert towns == {layers.cell_key(48.28, 37.18, 4.0): [[48.28, 37.18, "Pokrovsk", 60000]]}
    [(key, rows)] = villages.items()
    assert [r[2] for r in rows] == ["Hrodivka", "Shevchenko"]  # most populous first
    assert rows[0][:2] == [48.35, 37.33]  # the user's import overrides the embedded row
    assert [r[2] for rows in regions.values() for r in rows] == ["Donetsk Oblast"]


def test_layers_are_written_once_and_offered_to_the_offline_map(tmp_path, monkeypatch):
    river = json.dumps({"type": "LineString", "coordinates": [[37.0, 48.0], [37.5, 48.5]]})
    index = write_index(tmp_path / "gazetteer-x.sqlite", [
        ("gn:1", "Pokrovsk", 48.28, 37.18, "city", 60000, None), ("lm:r", "Siverskyi Donets", 48.2, 37.2, "river", 0, river)])
    world = write_gpkg(tmp_path / "w.gpkg", [("West", "UKR", square(30, 45))])
    static = tmp_path / "static"
    first = layers.write_layers(static / "layers", [index], world)
    assert first["labels"] == 1 and first["bounds"] >= 1 and first["rivers"] == 1
    assert layers.write_layers(static / "layers", [index], world) == {"labels": 0, "bounds": 0, "rivers": 0}
    # Each cell folder lists its files: the browser asks for no empty cell.
    label_files = sorted(f.stem for f in (static / "layers" / "labels").glob("*.json") if f.stem != "cells")
    assert json.loads((static / "layers" / "labels" / "cells.json").read_text()) == label_files == ["towns-9_12"]
    bound_files = sorted(f.stem for f in (static / "layers" / "bounds").glob("*.json") if f.stem != "cells")
    assert json.loads((static / "layers" / "bounds" / "cells.json").read_text()) == bound_files != []
    rivers = json.loads((static / "layers" / "rivers" / "rivers.json").read_text())
    assert rivers == [{"name": "Siverskyi Donets", "feature": "river", "lines": [[[48.0, 37.0], [48.5, 37.5]]]}]

    monkeypatch.setattr(basemap, "reachable", lambda *a, **k: False)
    offline = basemap.choose_basemap(static, "offline")
    script = component_args(webmap.build_map(seed_parsed().place_mentions, basemap=offline))["script"]
    config = json.loads(re.search(r"var cfg = (\{.*?\});\n", script).group(1))
    assert config["base"] == "/app/static/layers" and config["rivers"] and config["bounds"]["min_zoom"] == 4
    assert [(t["name"], t["min_zoom"]) for t in config["tiers"]] == [
        ("countries", 3), ("cities", 4), ("regions", 5), ("towns", 7), ("seas", 4), ("lakes", 7), ("villages", 9)]
    # Over OpenStreetMap online the layers are there (a user may switch back) but hidden in the browser.
    online = basemap.choose_basemap(static, "online")
    online_script = component_args(webmap.build_map(seed_parsed().place_mentions, basemap=online))["script"]
    assert "kind === 'online'" in online_script
    # The events map, the dashboard's first view, gets the same English labels, borders and rivers.
    events_script = component_args(build_event_map([], basemap=offline))["script"]
    assert json.loads(re.search(r"var cfg = (\{.*?\});\n", events_script).group(1)) == config


def test_labels_are_english_names_in_latin_script_only(tmp_path):
    """GeoNames' main names are Latin but for a few: those are romanised or cut to their Latin part."""
    index = write_index(tmp_path / "gazetteer-x.sqlite", [
        ("gn:1", "Ryasno, Рясно, Расна", 48.1, 37.1, "city", 700, None),
        ("gn:2", "Николаевка-2", 48.2, 37.2, "city", 500, None),
        ("gn:3", "城郊", 48.3, 37.3, "city", 100, None),
        ("gn:4", "Haʻikū", 48.4, 37.4, "city", 90, None),
        ("gn:5", "Sidi Senoussi سيدي سنوسي", 48.5, 37.5, "city", 80, None)])
    [(_key, rows)] = layers.label_cells([index], layers.tier("villages")).items()
    assert [r[2] for r in rows] == ["Ryasno", "Nikolaevka-2", "Haʻikū", "Sidi Senoussi"]
    assert layers.label_name("Київ") == "Kyiv" and layers.label_name("Kharkiv") == "Kharkiv"


def test_country_labels_come_from_the_country_list_not_mislabelled_places(tmp_path):
    index = write_index(tmp_path / "gazetteer-x.sqlite", [
        ("cc:UA", "Ukraine", 49.0, 32.0, "country", 40_000_000, None),
        ("gn:9819414", "Bilhorod-Dnistrovskyy City Raion", 46.2, 30.3, "country", 56091, None),  # GeoNames' slip
        ("lm:sea-of-azov", "Sea of Azov", 46.1, 36.8, "sea", 0, None)])
    countries = layers.label_cells([index], layers.tier("countries"))
    assert [r[2] for rows in countries.values() for r in rows] == ["Ukraine"]
    assert [r[2] for rows in layers.label_cells([index], layers.tier("seas")).values() for r in rows] == ["Sea of Azov"]


def test_a_new_gazetteer_rewrites_the_labels(tmp_path):
    index = write_index(tmp_path / "gazetteer-a.sqlite", [("gn:1", "Pokrovsk", 48.28, 37.18, "city", 60000, None)])
    folder = tmp_path / "layers"
    layers.write_layers(folder, [index], None)
    newer = write_index(tmp_path / "gazetteer-b.sqlite", [("gn:9", "Kupiansk", 49.71, 37.61, "city", 27000, None)])
    assert layers.write_layers(folder, [newer], None)["labels"] == 1
    names = [r[2] for f in (folder / "labels").glob("*-*.json") for r in json.loads(f.read_text())]
    assert names == ["Kupiansk"]


@pytest.mark.skipif(layers.world_map_path() is None, reason="Natural Earth GeoPackage not installed")
def test_natural_earth_boundaries_keep_crimea_in_ukraine():
    features = gpkg.features(layers.world_map_path(), "states_provinces", ("name", "adm0_a3", "fips"))
    crimea = [f for f in features if f["properties"]["name"] in ("Crimea", "Sevastopol")]
    assert len(crimea) == 2  # present, filed under Russia; the layer moves them by FIPS code
    ukraine = [f for f in features if f["properties"]["adm0_a3"] == "UKR" or f in crimea]
    lines = layers.boundary_lines(ukraine)
    # The isthmus of Perekop (about 46.1 N, 33.7 E) is a province edge, not a country border.
    isthmus = [k for k, line in lines for x, y in line if 33.6 < x < 33.8 and 46.05 < y < 46.2]
    assert isthmus and 0 in isthmus and 1 not in isthmus


def test_boundary_cells_split_lines_at_cell_edges_without_gaps_or_overlap(tmp_path):
    """A province across a cell edge: each piece of its outline is in exactly one cell's file."""
    wide = [[[3.0, 41.0], [7.0, 41.0], [7.0, 44.0], [3.0, 44.0], [3.0, 41.0]]]  # cells 0_8 and 1_8 (5 degrees)
    features = gpkg.features(write_gpkg(tmp_path / "w.gpkg", [("Wide", "AAA", wide)]), "states_provinces",
                             ("name", "adm0_a3"))
    cells = layers.boundary_cells(features)
    assert set(cells) == {"0_8", "1_8"}
    pieces = [(kind, flat) for rows in cells.values() for kind, flat in rows]
    assert {kind for kind, _ in pieces} == {2}  # one province alone: all of it is coast
    length = sum(abs(flat[i] - flat[i + 2]) + abs(flat[i + 1] - flat[i + 3])
                 for _kind, flat in pieces for i in range(0, len(flat) - 2, 2))
    assert length == pytest.approx(14.0)  # the outline's perimeter, counted once


def test_simplify_keeps_ends_and_corners_and_drops_noise():
    line = [(0, 0), (1, 0.0004), (2, 0), (2, 1), (2.0003, 2), (2, 3)]
    assert layers.simplify(line, 0.002) == [(0, 0), (2, 0), (2, 3)]


def test_labels_fall_back_to_the_last_built_index_with_the_users_imports(tmp_path, monkeypatch):
    """Before `geo gazetteer build` has run for this code, labels come from the last index built,
    never from the user's imports alone (whose file is named like an index too)."""
    from geo.map import assets

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("GEO_DATA_DIR", str(data))
    write_index(data / "gazetteer-0000000000.sqlite", [("gn:1", "Pokrovsk", 48.28, 37.18, "city", 60000, None)])
    write_index(data / "gazetteer-user.sqlite", [("gn:9", "Kupiansk", 49.71, 37.61, "city", 27000, None)])
    report = assets.AssetReport()
    assets.install_layers(tmp_path / "static", report)
    assert report.layers_written["labels"] >= 1
    names = {r[2] for f in (tmp_path / "static" / "layers" / "labels").glob("*-*.json") for r in json.loads(f.read_text())}
    assert names == {"Pokrovsk", "Kupiansk"}


def test_waters_are_labelled_with_an_english_generic_word(tmp_path):
    """GeoNames romanises a bay or a lake with its Ukrainian generic word ('Zatoka', 'Ozero'):
    Latin letters, yet no English reader sees a bay in it. Towns keep their names ('Lyman')."""
    from geo.map.water_names import english_water
    assert english_water("Berdianska Zatoka") == "Berdianska Bay"
    assert english_water("Zatoka Syvash") == "Syvash Bay"
    assert english_water("Solone Ozero") == "Lake Solone" and english_water("Ozero Yalpuh") == "Lake Yalpuh"
    assert english_water("Kakhovske Vodoskhovyshche") == "Kakhovske Reservoir"
    assert english_water("Sea of Azov") == "Sea of Azov" and english_water("Ozero") == "Ozero"
    index = write_index(tmp_path / "gazetteer-w.sqlite", [
        ("gn:1", "Berdianska Zatoka", 46.7, 36.7, "gulf", 0, None),
        ("gn:2", "Lyman", 48.99, 37.8, "city", 20000, None)])
    assert [r[2] for rows in layers.label_cells([index], layers.tier("seas")).values() for r in rows] == ["Berdianska Bay"]
    assert [r[2] for rows in layers.label_cells([index], layers.tier("towns")).values() for r in rows] == ["Lyman"]


def test_a_water_held_twice_is_labelled_once_and_namesake_villages_keep_theirs(tmp_path):
    index = write_index(tmp_path / "gazetteer-t.sqlite", [
        ("gn:1", "Zatoka Syvash", 45.67, 35.00, "gulf", 0, None),
        ("gn:2", "Zatoka Syvash", 46.10, 34.60, "gulf", 0, None),  # the same lagoon, 60 km on
        ("gn:3", "Ivanivka", 47.70, 36.90, "city", 900, None),
        ("gn:4", "Ivanivka", 47.75, 37.00, "city", 800, None)])
    seas = [r[2] for rows in layers.label_cells([index], layers.tier("seas")).values() for r in rows]
    assert seas == ["Syvash Bay"]
    villages = [r[2] for rows in layers.label_cells([index], layers.tier("villages")).values() for r in rows]
    assert villages == ["Ivanivka", "Ivanivka"]
