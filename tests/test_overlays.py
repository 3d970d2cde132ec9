"""Your own layers: KML/KMZ, GeoJSON and GeoPackage files read into one shape, hostile ones
refused in one line, kept in the library on both backends (and added to an older library by
its migration), drawn under the events with their texts escaped, and `geo overlays`."""

from __future__ import annotations

import io
import json
import math
import sqlite3
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import folium
import pytest

from geo.errors import GeoError
from geo.library import MemoryLibrary, StoreLibrary
from geo.store.migrations import migrate
from geo.map.overlay_layer import PANE, add_overlays
from geo.text.overlays import MAX_POINTS, OverlayError, read_layer
from geo.store import Store
from geo.store.engine import make_engine, resolve_url
from geo.store.overlays import add_overlay, list_overlays, overlay_geojson, remove_overlay
from pg import db_url  # noqa: F401  (fixture)

HOSTILE_NAME = "Occupied <img src=x onerror=alert(1)> & held"
KML = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Front line, May</name>
<Style id="red"><LineStyle><color>ff0000ff</color><width>3</width></LineStyle>
  <PolyStyle><color>400000ff</color></PolyStyle></Style>
<StyleMap id="redmap"><Pair><key>normal</key><styleUrl>#red</styleUrl></Pair></StyleMap>
<Folder><Placemark><name>{HOSTILE_NAME.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</name>
  <description><![CDATA[<p>Held since <b>March</b><script>alert(2)</script></p>]]></description>
  <styleUrl>#redmap</styleUrl>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>37,48 38,48 38,49 37,49 37,48</coordinates></LinearRing>
  </outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>37.4,48.4 37.6,48.4 37.6,48.6 37.4,48.4
  </coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
<Placemark><name>Line</name><MultiGeometry><LineString><coordinates>36,47,0 37,48.5,0</coordinates></LineString>
  <Point><coordinates>36.2,49.9</coordinates></Point></MultiGeometry></Placemark>
<Placemark><name>No shape</name></Placemark></Folder></Document></kml>""".encode()


def geojson(obj) -> bytes:
    return json.dumps(obj).encode()


def feature(geometry, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}


def wkb_polygon(rings) -> bytes:
    out = struct.pack("<BII", 1, 3, len(rings))
    for ring in rings:
        out += struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", *p) for p in ring)
    return out


def gpkg(rows, srs: int = 4326, identifier: str = "Control areas") -> bytes:
    """A minimal GeoPackage: one feature table of (geometry WKB, name), as QGIS writes it."""
    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_id INTEGER, organization TEXT, organization_coordsys_id INTEGER);
        CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, identifier TEXT);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, srs_id INTEGER);
        CREATE TABLE areas (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);""")
    db.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, 'EPSG', ?)", (srs, srs))
    db.execute("INSERT INTO gpkg_contents VALUES ('areas', 'features', ?)", (identifier,))
    db.execute("INSERT INTO gpkg_geometry_columns VALUES ('areas', 'geom', ?)", (srs,))
    for wkb, name in rows:
        db.execute("INSERT INTO areas (geom, name) VALUES (?, ?)",
                   (b"GP\x00\x01" + struct.pack("<i", srs) + wkb, name))
    db.commit()
    return db.serialize()


def test_kml_placemarks_with_their_names_texts_and_colours():
    layer = read_layer(KML, "front.kml")
    assert (layer.name, layer.kind, layer.features) == ("Front line, May", "KML", 2)
    area, line = layer.collection["features"]
    assert area["properties"]["name"] == HOSTILE_NAME  # kept as written, never read as markup
    assert area["properties"]["description"] == "Held since March"  # HTML reduced to its text
    assert (area["properties"]["stroke"], area["properties"]["fill"], area["properties"]["fill-opacity"]) == (
        "#ff0000", "#ff0000", 0.251)
    assert len(area["geometry"]["coordinates"]) == 2  # the hole is kept
    assert line["geometry"]["type"] == "GeometryCollection"
    assert [g["type"] for g in line["geometry"]["geometries"]] == ["LineString", "Point"]
    kmz = io.BytesIO()
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.writestr("doc.kml", KML)
    assert read_layer(kmz.getvalue(), "front.kmz").collection == layer.collection


def test_geojson_and_geopackage():
    layer = read_layer(geojson({"type": "FeatureCollection", "name": "Areas", "features": [
        feature(SQUARE, name="A", stroke="#00FF00", fill="javascript:alert(1)"), feature(None, name="nowhere")]}),
        "areas.geojson")
    assert (layer.name, layer.features) == ("Areas", 1)
    assert layer.collection["features"][0]["properties"] == {"name": "A", "description": "", "stroke": "#00ff00"}
    assert read_layer(geojson(SQUARE), "bare.json").features == 1

    ring = [[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 50.0]]
    layer = read_layer(gpkg([(wkb_polygon([ring]), "North"), (struct.pack("<BIdd", 1, 1, 36.2, 49.9), "Town")]),
                       "areas.gpkg")
    assert (layer.name, layer.kind, layer.features) == ("Control areas", "GeoPackage", 2)
    assert [f["geometry"]["type"] for f in layer.collection["features"]] == ["Polygon", "Point"]
    assert layer.collection["features"][0]["geometry"]["coordinates"] == [ring]
    x, y = 6378137 * math.radians(30), 6378137 * math.log(math.tan(math.pi / 4 + math.radians(50) / 2))
    (point,) = read_layer(gpkg([(struct.pack("<BIdd", 1, 1, x, y), "P")], srs=3857), "web.gpkg").collection["features"]
    assert point["geometry"]["coordinates"] == [30.0, 50.0]


@pytest.mark.parametrize("data, name, said", [
    (b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     b"<kml><Document><name>&b;</name></Document></kml>", "laughs.kml", "DOCTYPE"),
    (b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>',
     "xxe.kml", "DOCTYPE"),
    (b"<?xml version='1.0'?><!--" + b"x" * 8000 + b'--><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<kml><Document><name>&x;</name></Document></kml>", "late-doctype.kml", "DOCTYPE"),
    (gpkg([(struct.pack("<BIdd", 1, 1, 0.0, 1e308), "P")], srs=3857), "far.gpkg", "not"),
    (b"<kml><Placemark><Point><coordinates>1,2</coordinates></Point>", "cut.kml", "not well-formed KML"),
    (b"<html><body>hi</body></html>", "page.kml", "not KML"),
    (b"{", "broken.geojson", "not valid GeoJSON"),
    (b'{"type":"Point","coordinates":[3500000,6500000]}', "projected.geojson", "not longitude/latitude"),
    (geojson({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}},
              "features": []}), "crs.geojson", "not longitude/latitude"),
    (b"[" * 100_000 + b"]" * 100_000, "deep.geojson", "not"),
    (geojson(feature({"type": "Polygon", "coordinates": "37,48"})), "text.geojson", "not lists of numbers"),
    (geojson({"type": "FeatureCollection", "features": []}), "empty.geojson", "no shapes"),
    (b"PK\x03\x04 not a zip", "bad.kmz", "not a readable KMZ"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "bad.gpkg", "not a readable GeoPackage"),
    (gpkg([(b"\x01\x03\x00\x00\x00\xff\xff\xff\xff", "huge")]), "claims.gpkg", "count larger"),
    (gpkg([(struct.pack("<BIdd", 1, 1, 5e5, 5e5), "P")], srs=32636), "utm.gpkg", "EPSG:32636"),
    (b"anything", "layer.shp", "not a layer file"),
])
def test_a_file_that_cannot_be_read_fails_in_one_line_naming_it(data, name, said):
    with pytest.raises(OverlayError) as caught:
        read_layer(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and said in message and "\n" not in message


def test_sizes_are_bounded(monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", "1")
    with pytest.raises(GeoError, match="the limit is 1 MB"):
        read_layer(b" " * 1_000_001, "big.geojson")
    monkeypatch.setattr("geo.text.overlays.MAX_POINTS", 3)
    with pytest.raises(OverlayError, match="more than 3 points"):
        read_layer(geojson(SQUARE), "many.geojson")
    assert MAX_POINTS >= 1_000_000


def test_kept_in_the_library_and_listed_oldest_first(db_url):  # noqa: F811
    layer = read_layer(KML, "front.kml")
    with Store.open(db_url) as store:
        first = add_overlay(store, layer, source="front.kml", date="2024-05-01")
        second = add_overlay(store, read_layer(geojson(SQUARE), "sq.geojson"), name=" My  square ", source="sq.geojson")
        assert [(o.name, o.kind, o.date, o.features, o.source) for o in list_overlays(store)] == [
            ("Front line, May", "KML", "2024-05-01", 2, "front.kml"), ("My square", "GeoJSON", None, 1, "sq.geojson")]
        assert overlay_geojson(store, first.id) == layer.collection
        with pytest.raises(GeoError, match="Not an ISO date"):
            add_overlay(store, layer, date="May")
        lib = StoreLibrary(store)
        assert lib.overlay_geojson(second.id)["features"][0]["geometry"]["type"] == "Polygon"
        assert lib.remove_overlay(second.id) and not remove_overlay(store, second.id)
        assert [o.id for o in lib.overlays()] == [first.id]
    with Store.open(db_url) as store:  # kept between visits
        assert [o.name for o in list_overlays(store)] == ["Front line, May"]


def test_an_older_library_gains_the_table_and_keeps_its_articles(db_url):  # noqa: F811
    from factories import save_as_older, seed_parsed

    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        migrate(conn, target=5)
    assert save_as_older(engine, seed_parsed())
    engine.dispose()
    with Store.open(db_url) as store:
        assert len(store.articles()) == 1 and list_overlays(store) == []
        add_overlay(store, read_layer(KML, "front.kml"), source="front.kml")
        assert len(list_overlays(store)) == 1


def test_drawn_under_the_events_with_texts_escaped():
    lib = MemoryLibrary()
    layer = read_layer(KML, "front.kml")
    overlay = lib.add_overlay(layer, source="front.kml", date="2024-05-01")
    m = folium.Map()
    assert add_overlays(m, [(overlay, lib.overlay_geojson(overlay.id))]) == 1
    html = m.get_root().render()
    assert f'createPane("{PANE}")' in html or f"createPane('{PANE}')" in html or PANE in html
    assert "390" in html and '"pane": "geoOverlays"' in html
    assert "<img src=x" not in html and "onerror=alert" in html  # the name, escaped: &lt;img...
    assert "&lt;img src=x onerror=alert(1)&gt;" in html.replace("\\u0026", "&").replace("\\u003c", "<")
    assert "alert(2)" not in html  # the description's script is gone with its markup
    assert add_overlays(folium.Map(), []) == 0


def test_cli_adds_lists_exports_and_removes(tmp_path):
    db = str(tmp_path / "lib.sqlite")
    path = tmp_path / "front.kml"
    path.write_bytes(KML)

    def geo(*args):
        return subprocess.run([sys.executable, "-m", "geo.cli", "overlays", *args, "--db", db],
                              capture_output=True, text=True, timeout=60)

    added = geo("add", str(path), "--date", "2024-05-01")
    assert added.returncode == 0 and "added layer 1: Front line, May (KML, 2 shapes, as of 2024-05-01)" in added.stdout
    listed = geo("list", "--json")
    assert json.loads(listed.stdout)["shapes"] == 2
    assert json.loads(geo("export", "1").stdout)["features"][0]["properties"]["name"] == HOSTILE_NAME
    bad = tmp_path / "x.geojson"
    bad.write_text("{")
    refused = geo("add", str(bad))
    assert refused.returncode != 0 and "x.geojson: not valid GeoJSON" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert geo("remove", "1").returncode == 0 and geo("remove", "1").returncode != 0
    assert Path(db).exists()
