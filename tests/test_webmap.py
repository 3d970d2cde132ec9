"""The folium maps, their offline assets and basemap, as streamlit-folium hands them to the browser."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import pytest
import streamlit_folium

from factories import DNIEPER, KHERSON, MARIUPOL, ROOT, parse_by_hand, seed_parsed, synthetic_events
from geo.map import assets, basemap, bundle, webmap
from geo.types import Place

HOSTILE = ('Kherson said <script>alert("x")</script> and <img src=x onerror=alert(1)> then '
           '{{ 7*7 }} {% raw %} ${alert(2)} `tick` C:\\users\\x </script><!-- end.')


def component_args(m, **kwargs) -> dict:
    """What st_folium sends to the browser, captured without a Streamlit server."""
    captured = {}
    original = streamlit_folium._component_func
    streamlit_folium._component_func = lambda **kw: captured.update(kw) or kw.get("default")
    try:
        streamlit_folium.st_folium(m, **kwargs)
    finally:
        streamlit_folium._component_func = original
    return captured


def payload(script: str) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", script)
    return json.loads(match.group(1))


def test_one_marker_per_place_labelled_and_titled():
    parsed = seed_parsed()
    data = payload(component_args(webmap.build_map(parsed.place_mentions))["script"])
    by_title = {m["title"]: m for m in data["markers"]}
    assert set(by_title) == {"Kherson", "Mariupol", "Kakhovka Dam", "Dnieper"}
    assert by_title["Kherson"]["label"] == "5" and by_title["Mariupol"]["label"] == "1"
    assert by_title["Kherson"]["size"] > by_title["Mariupol"]["size"]
    assert by_title["Kherson"]["color"] != by_title["Dnieper"]["color"] != by_title["Kakhovka Dam"]["color"]
    assert data["cluster"]  # at any count: markers that would overlap cluster, so none hides another


def test_popup_highlights_the_mention():
    data = payload(component_args(webmap.build_map(seed_parsed().place_mentions))["script"])
    popup = next(m["popup"] for m in data["markers"] if m["title"] == "Mariupol")
    assert "Ukrainian units in <mark>Mariupol</mark> (Donetsk Region)" in popup


def test_article_text_is_escaped_everywhere():
    parsed = parse_by_hand(HOSTILE, {"Kherson": Place("x:1", 'Kherson<b onmouseover="x">', 46.6, 32.6)})
    m = webmap.build_map(parsed.place_mentions)
    args = component_args(m)
    page = m.get_root().render()  # the standalone HTML path must be as safe
    for text in (args["script"], page):
        assert "<script>alert" not in text and "<img src=x" not in text and '<b onmouseover' not in text
        assert "{\\u007b 7*7 }}" in text  # kept as text: Jinja never evaluated it
        assert "</script><!--" not in text
    popup = payload(args["script"])["markers"][0]["popup"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in popup
    assert "&lt;img src=x onerror=alert(1)&gt;" in popup
    assert "{{ 7*7 }}" in popup and "&#36;{alert(2)}" in popup and "&#96;tick&#96;" in popup
    assert "C:&#92;users" in popup


def test_only_local_assets_are_loaded():
    events = synthetic_events(60)  # enough to cluster: loads markercluster too
    args = component_args(webmap.build_map(events, basemap=basemap.choose_basemap(ROOT / "static", "offline")))
    links = args["js_links"] + args["css_links"]
    # Leaflet, markercluster, Leaflet.draw and their stylesheets come as one script (geo.map.bundle).
    assert args["js_links"][0] == f"/app/static/vendor/{bundle.BUNDLE}" and not args["css_links"]
    assert all(link.startswith("/app/static/vendor/") for link in links), links
    # Links in the attribution only (OpenStreetMap, GeoNames, GSHHG): nothing is fetched from outside.
    assert not re.search(r"https?://(?!www\.openstreetmap\.org|www\.geonames\.org|www\.soest\.hawaii\.edu)",
                         args["script"] + args["header"])
    assert "tile.openstreetmap.org" not in args["script"]  # offline: the online tiles are not even offered


def test_bundled_links_point_at_installed_files():
    links = [url for _name, url in assets.MAP_JS + assets.MAP_CSS + assets.CLUSTER_JS + assets.CLUSTER_CSS
             + assets.DRAW_JS + assets.DRAW_CSS]
    vendored = {f"{assets.STATIC_URL}/vendor/{served}/{rel}"
                for served, (_dist, _folder, rels) in assets.VENDOR_FILES.items() for rel in rels}
    assert set(links) <= vendored | {f"{assets.STATIC_URL}/vendor/{bundle.BUNDLE}"}
    parts = {f"{served}/{rel}" for served, (_dist, _folder, rels) in assets.VENDOR_FILES.items() for rel in rels}
    assert set(bundle.SCRIPTS + bundle.STYLES) <= parts


def test_the_bundle_runs_the_parts_in_order_and_styles_with_absolute_urls(tmp_path):
    for rel in bundle.SCRIPTS + bundle.STYLES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"/*{rel}*/ .x{{background:url(images/a.png)}} .y{{behavior:url(#default#VML)}}"
                                    if rel.endswith(".css") else f"var part = '{rel}';")
    assert bundle.write_bundle(tmp_path, "/app/static/vendor") is True
    text = (tmp_path / bundle.BUNDLE).read_text()
    at = [text.index(f"var part = '{rel}'") for rel in bundle.SCRIPTS]
    assert at == sorted(at) and text.index("createElement('style')") > at[-1]
    assert "url(/app/static/vendor/leaflet-draw/images/a.png)" in text and "url(#default#VML)" in text
    assert bundle.write_bundle(tmp_path, "/app/static/vendor") is False  # current: not written again
    (tmp_path / bundle.SCRIPTS[1]).unlink()
    assert bundle.write_bundle(tmp_path, "/app/static/vendor") is None


def test_every_vendored_file_comes_from_an_installed_python_package():
    """pip alone brings the map's scripts: no Node.js, no copies in the repository."""
    for served, (distribution, folder, rels) in assets.VENDOR_FILES.items():
        root = assets._package_folder(distribution, folder, None)
        assert root is not None, f"{distribution} is not installed"
        for rel in rels:
            assert (root / rel).exists(), f"{distribution} has no {folder}/{rel}"
    assert not (ROOT / "package.json").exists()


def test_rivers_and_regions_are_drawn_as_shapes():
    region = Place("adm:x", "Zone", 47.0, 35.0, "region",
                   geometry={"type": "Polygon", "coordinates": [[[34, 46], [36, 46], [36, 48], [34, 46]]]})
    parsed = parse_by_hand("Dnieper and Zone and Kherson.", {"Dnieper": DNIEPER, "Zone": region, "Kherson": KHERSON})
    shapes = payload(component_args(webmap.build_map(parsed.place_mentions))["script"])["shapes"]
    assert [s["geometry"]["type"] for s in shapes] == ["LineString", "Polygon"]
    assert [s["tooltip"].split("<span hidden>")[0] for s in shapes] == ["Dnieper", "Zone"]


def test_draw_tool_offers_rectangle_and_polygon_only():
    script = component_args(webmap.build_map(seed_parsed().place_mentions))["script"]
    options = re.search(r"draw: (\{.*?\}),\n", script, re.S).group(1)
    assert '"polyline": false' in options and '"marker": false' in options and '"circle": false' in options
    assert "rectangle" in options and "polygon" in options
    assert "drawnItems" in script and "alert(" not in script


def test_saved_shape_is_put_back_into_the_draw_layer():
    shape = {"type": "Polygon", "coordinates": [[[36, 46], [39, 46], [39, 48], [36, 46]]]}
    script = component_args(webmap.build_map(seed_parsed().place_mentions, drawn=shape))["script"]
    layer = re.search(r"var drawnItems =\s*(\w+);", script).group(1)
    assert re.search(layer + r"\b.*\.add\(|\.addTo\(" + layer, script, re.S)
    assert '"coordinates": [[[36, 46], [39, 46], [39, 48], [36, 46]]]' in script


def test_fits_bounds_to_markers_or_the_selected_place():
    script = component_args(webmap.build_map(seed_parsed().place_mentions))["script"]
    fit = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", script, re.S).group(1)
    (south, west), (north, east) = json.loads(fit)
    assert south == pytest.approx(46.5) and north == pytest.approx(MARIUPOL.lat) and east == pytest.approx(MARIUPOL.lon)
    selected = component_args(webmap.build_map(seed_parsed().place_mentions, selected="gn:701822"))["script"]
    assert json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", selected, re.S).group(1))[0][0] == MARIUPOL.lat
    assert [m["selected"] for m in payload(selected)["markers"] if m["title"] == "Mariupol"] == [True]


def test_two_thousand_markers_cluster_and_stay_fast():
    events = synthetic_events(2000)
    started = time.perf_counter()
    args = component_args(webmap.build_map(events, basemap=basemap.choose_basemap(ROOT / "static", "offline")))
    elapsed = time.perf_counter() - started
    data = payload(args["script"])
    assert len(data["markers"]) == 2000 and data["cluster"]
    assert elapsed < 2.0, f"building and serialising 2,000 markers took {elapsed:.2f}s"
    assert len(args["script"]) < 2_000_000


def test_place_search_map_ranks_candidates():
    data = payload(component_args(webmap.build_place_map([KHERSON, MARIUPOL], selected="gn:701822"))["script"])
    assert [(m["title"], m["label"]) for m in data["markers"]] == [("Kherson", "1"), ("Mariupol", "2")]
    assert "Khersonska Oblast" in data["markers"][0]["popup"]


def test_find_place_from_a_click():
    places = [KHERSON, MARIUPOL, DNIEPER]
    assert webmap.find_place(places, "Mariupol", {"lat": MARIUPOL.lat, "lng": MARIUPOL.lon}) == MARIUPOL
    assert webmap.find_place(places, "Dnieper", {"lat": 49.0, "lng": 34.0}) == DNIEPER  # anywhere on the river
    assert webmap.find_place(places, None, {"lat": KHERSON.lat, "lng": KHERSON.lon}) == KHERSON
    assert webmap.find_place(places, None, {"lat": 10.0, "lng": 10.0}) is None
    assert webmap.find_place(places, "Kherson", None) == KHERSON


def test_a_click_names_the_clicked_place_even_where_places_share_a_spot():
    """Two places on one point (a region on its capital) and a tooltip whose text is not the name:
    the hidden id in the tooltip, as streamlit-folium reports it (text content), decides."""
    oblast = Place("adm:UA.08", "Kherson Oblast", KHERSON.lat, KHERSON.lon, "region", "UA")
    parsed = parse_by_hand("Kherson Oblast and Kherson.", {"Kherson Oblast": oblast, "Kherson": KHERSON})
    markers = payload(component_args(webmap.build_map(parsed.place_mentions))["script"])["markers"]
    reported = {m["title"]: re.sub(r"<[^>]+>", "", m["tooltip"]) for m in markers}  # what the browser sends
    at = {"lat": KHERSON.lat, "lng": KHERSON.lon}
    assert webmap.find_place([KHERSON, oblast], reported["Kherson Oblast"], at) == oblast
    assert webmap.find_place([oblast, KHERSON], reported["Kherson"], at) == KHERSON
    renamed = "Херсон" + reported["Kherson"][len("Kherson"):]  # another label, same marker
    assert webmap.find_place([oblast, KHERSON], renamed, at) == KHERSON


def _fake_mbtiles(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")
        db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                       [(0, 0, 0, b"z0"), (1, 0, 0, b"south-west"), (1, 1, 1, b"north-east")])
    return path


def test_tiles_are_written_with_rows_flipped_once(tmp_path):
    source = _fake_mbtiles(tmp_path / "basemap.db")
    tiles = tmp_path / "static" / "tiles"
    assert basemap.write_tiles(tiles, source) == 3
    assert (tiles / "1" / "0" / "1.png").read_bytes() == b"south-west"  # TMS row 0 is the bottom
    assert (tiles / "1" / "1" / "0.png").read_bytes() == b"north-east"
    assert basemap.write_tiles(tiles, source) == 0  # idempotent


def _fake_vector_basemap(static: Path) -> None:
    folder = static / basemap.BASEMAP_DIR
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"bands": [{"zoom": 0, "min_zoom": 0}], "extent": 4096}))
    (folder / ".source").write_text("test")


def kinds(chosen: basemap.Basemap) -> list[str]:
    return [chosen.kind] + [c.kind for c in chosen.choices]


def test_basemap_choice(tmp_path, monkeypatch):
    monkeypatch.setattr(basemap, "reachable", lambda *a, **k: False)
    static = tmp_path / "static"
    assert basemap.choose_basemap(static).kind == "outline"
    basemap.write_tiles(static / "tiles", _fake_mbtiles(tmp_path / "b.db"))
    local = basemap.choose_basemap(static)
    assert (local.kind, local.url, local.max_native_zoom) == ("local", "/app/static/tiles/{z}/{x}/{y}.png", 6)
    assert "OpenStreetMap" in local.attribution
    assert basemap.choose_basemap(static, "online").url.startswith("https://tile.openstreetmap.org/")
    # With the vector basemap written, it is the default whatever the network; OpenStreetMap a choice.
    _fake_vector_basemap(static)
    english = basemap.choose_basemap(static)
    assert (english.kind, english.url, english.vector["extent"]) == ("vector", "/app/static/basemap", 4096)
    assert "GSHHG" in english.attribution and kinds(english) == ["vector", "local"]
    monkeypatch.setattr(basemap, "reachable", lambda *a, **k: True)
    assert kinds(basemap.choose_basemap(static)) == ["vector", "local", "online"]  # online only offered
    monkeypatch.setenv("GEO_TILES", "offline")
    assert kinds(basemap.choose_basemap(static)) == ["vector", "local"]  # offline: no probe, no online choice
    assert kinds(basemap.choose_basemap(static, "local")) == ["local", "vector"]  # OpenStreetMap asked for
    assert kinds(basemap.choose_basemap(static, "online")) == ["online", "vector", "local"]


def test_the_map_offers_the_backgrounds_english_first(tmp_path, monkeypatch):
    monkeypatch.setattr(basemap, "reachable", lambda *a, **k: True)
    static = tmp_path / "static"
    basemap.write_tiles(static / "tiles", _fake_mbtiles(tmp_path / "b.db"))
    _fake_vector_basemap(static)
    script = component_args(webmap.build_map(seed_parsed().place_mentions, basemap=basemap.choose_basemap(static)))["script"]
    config = json.loads(re.search(r"var cfg = (\{.*?\});\n", script).group(1))
    assert [c["kind"] for c in config["choices"]] == ["vector", "local", "online"] and config["chosen"] == 0
    assert config["choices"][0]["label"] == "Map in English (offline)"
    assert config["choices"][0]["url"] == "/app/static/basemap" and config["choices"][0]["tiles"]["extent"] == 4096
    assert "local names" in config["choices"][1]["label"] and config["choices"][1]["max_native_zoom"] == 6


def test_outline_basemap_fetches_local_geojson():
    outline = basemap.Basemap("outline", "/app/static/tiles/countries.geojson", "x")
    script = component_args(webmap.build_map(seed_parsed().place_mentions, basemap=outline))["script"]
    assert 'fetch("/app/static/tiles/countries.geojson")' in script and "L.tileLayer" not in script


def test_country_outlines_cover_ukraine():
    ukraine = next(f for f in basemap.country_outlines()["features"] if f["properties"]["iso"] == "UA")
    assert ukraine["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_install_assets_copies_once_and_reports_missing(tmp_path):
    site = tmp_path / "site-packages"
    for _served, (_dist, folder, rels) in assets.VENDOR_FILES.items():
        for rel in rels:
            target = site / folder / rel
            if rel.endswith("images"):
                (target / "icon.png").parent.mkdir(parents=True, exist_ok=True)
                (target / "icon.png").write_bytes(b"png")
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(f"/* {folder} */")
    static = tmp_path / "static"
    first = assets.install_assets(static, site, tiles=False, layers=False, vector=False)
    assert first.ok and first.vendor_copied == 10 and assets.vendor_ready(static)
    assert (static / "vendor" / bundle.BUNDLE).exists()
    assert (static / "vendor" / "leaflet-draw" / "images" / "icon.png").exists()
    assert assets.install_assets(static, site, tiles=False, layers=False, vector=False).vendor_copied == 0
    empty = assets.install_assets(tmp_path / "other" / "static", tmp_path / "nothing", tiles=False, layers=False,
                                  vector=False)
    assert not empty.ok and any("pip install django-leaflet" in item for item in empty.missing)


def test_places_on_the_same_spot_are_spread_apart():
    oblast = Place("adm:UA.08", "Kherson Oblast", KHERSON.lat + 0.001, KHERSON.lon, "region", "UA", "Kherson Oblast")
    parsed = parse_by_hand("Kherson Oblast and Kherson and Mariupol.", {"Kherson Oblast": oblast, "Kherson": KHERSON,
                                                                       "Mariupol": MARIUPOL})
    markers = {m["title"]: m for m in payload(component_args(webmap.build_map(parsed.place_mentions))["script"])["markers"]}
    assert (markers["Mariupol"]["dx"], markers["Mariupol"]["dy"]) == (0, 0)
    a, b = markers["Kherson"], markers["Kherson Oblast"]
    assert (a["dx"], a["dy"]) == (0, 0)  # the town keeps its true spot; the region moves aside
    assert abs(a["dx"] - b["dx"]) + abs(a["dy"] - b["dy"]) >= 30  # more than a marker apart, in pixels
    assert b["below"] and not a["below"]


def test_towns_on_one_spot_are_left_to_the_clusterer():
    twin = Place("gn:2", "Kherson Port", KHERSON.lat + 0.001, KHERSON.lon, "port", "UA")
    assert webmap.spread([KHERSON, twin]) == {}  # markercluster spiderfies them on click


def test_a_country_named_in_passing_does_not_zoom_the_map_out():
    russia = Place("cc:RU", "Russia", 61.5, 105.3, "country", "RU")
    parsed = parse_by_hand("Russia shelled Kherson and Mariupol.", {"Russia": russia, "Kherson": KHERSON,
                                                                   "Mariupol": MARIUPOL})
    script = component_args(webmap.build_map(parsed.place_mentions))["script"]
    (south, west), (north, east) = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", script, re.S).group(1))
    assert (south, east) == (KHERSON.lat, MARIUPOL.lon) and north < 50
    assert "Russia" in {m["title"] for m in payload(script)["markers"]}  # still on the map


def test_a_huge_sentence_is_shown_and_written_in_bounded_parts():
    """A 100 KB run-on sentence naming Kherson thousands of times: each popup, table cell and
    exported cell holds a bounded part of it around its own mention, never the whole."""
    from factories import run_on_parse
    from geo.library import export
    from geo.map.event_layer import build_event_map, popup_html as event_popup
    from geo.text.excerpt import SHOWN, WRITTEN
    from geo.filters import event_rows
    from geo.map.popups import popup_html

    parsed = run_on_parse(size=300_000)
    mentions, events = parsed.place_mentions, parsed.events
    assert len(parsed.sentences[1].text) > 90_000 and len(mentions) > 10_000
    [kherson] = [g for g in webmap.group_by_place(mentions) if g.place.name == "Kherson"]
    popup = popup_html(kherson)
    assert len(popup) < 3 * (SHOWN * 2) + 2000 and "<mark>Kherson</mark>" in popup and "…" in popup
    assert len(event_popup(events[-1])) < SHOWN * 2 + 2000
    last = mentions[-1]  # far into its sentence: its own part of it, with its own name marked
    [row] = event_rows([last], limit=SHOWN)
    assert len(row["sentence"]) <= SHOWN + 2 and last.mention.text in row["sentence"]
    assert row["sentence"].startswith("…")
    csv_text = export.to_csv(mentions[:50])
    assert len(csv_text) < 50 * (WRITTEN + 300)
    assert len(export.events_to_csv(events)) < len(events) * (WRITTEN + 300)
    assert len(export.to_kml(mentions[:50])) < 50 * (WRITTEN + 300)
    m = build_event_map(events, basemap=None)
    assert len(m.get_root().render()) < len(events) * 4 * SHOWN + 500_000
