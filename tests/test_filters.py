"""Pure filtering, grouping and export of events."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factories import DNIEPER, DONETSK_REGION, KHERSON, MARIUPOL, parse_by_hand, seed_parsed
from geo.types import Place
from geo import filters
from geo.library import export
from geo.filters import EventFilter

RECT = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
    [[36.0, 46.0], [39.0, 46.0], [39.0, 48.5], [36.0, 48.5], [36.0, 46.0]]]}}  # around Mariupol


@pytest.fixture(scope="module")
def events():
    return seed_parsed().place_mentions


def names(evts):
    return {e.place.name for e in evts}


def test_group_by_place_most_mentioned_first(events):
    groups = filters.group_by_place(events)
    assert [g.place.name for g in groups][0] == "Kherson"
    assert groups[0].count == 5 and groups[0].doc_ids == [events[0].doc_id]
    assert sum(g.count for g in groups) == len(events)


def test_attribute_filters(events):
    assert names(filters.by_region(events, ["Donetsk Oblast"])) == {"Mariupol"}
    assert names(filters.by_feature(events, ["river", "dam"])) == {"Dnieper", "Kakhovka Dam"}
    assert names(filters.by_country(events, ["ua"])) == names(events)
    assert filters.by_country(events, ["PL"]) == []
    assert filters.by_doc(events, ["nope"]) == []


def test_a_region_filter_keeps_places_inside_and_the_region_itself():
    parsed = parse_by_hand("Mariupol (Donetsk Oblast) was shelled.", {"Mariupol": MARIUPOL, "Donetsk Oblast": DONETSK_REGION})
    assert filters.region_of(DONETSK_REGION) == "Donetsk Oblast"
    assert names(filters.by_region(parsed.place_mentions, ["Donetsk Oblast"])) == {"Mariupol", "Donetsk Oblast"}


@pytest.mark.parametrize("bounds, expected", [
    ({"_southWest": {"lat": 46, "lng": 36}, "_northEast": {"lat": 48, "lng": 38}}, (46, 36, 48, 38)),
    ({"_southWest": {"lat": 46, "lng": 396}, "_northEast": {"lat": 48, "lng": 398}}, (46, 36, 48, 38)),  # panned a world east
    ({"_southWest": {"lat": -80, "lng": -500}, "_northEast": {"lat": 80, "lng": 500}}, (-80, -180, 80, 180)),
    ({"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}, None),
    (None, None),
])
def test_bbox_from_leaflet_bounds(bounds, expected):
    assert filters.bbox_from_bounds(bounds) == expected


def test_bbox_across_the_antimeridian():
    bbox = filters.bbox_from_bounds({"_southWest": {"lat": 50, "lng": 170}, "_northEast": {"lat": 70, "lng": 190}})
    assert bbox == (50, 170, 70, -170)
    assert filters.in_bbox(60, 175, bbox) and filters.in_bbox(60, -175, bbox)
    assert not filters.in_bbox(60, 0, bbox)


def test_by_bbox(events):
    around_kherson = (46, 32, 47, 34)
    assert names(filters.by_bbox(events, around_kherson)) == {"Kherson", "Kakhovka Dam", "Dnieper"}
    assert filters.by_bbox(events, None) == events


def test_point_in_drawn_shapes(events):
    assert filters.in_shape(47.0958, 37.5494, RECT)
    assert not filters.in_shape(46.6354, 32.6169, RECT)
    assert names(filters.by_shape(events, RECT)) == {"Mariupol"}
    assert names(filters.by_shape(events, [RECT])) == {"Mariupol"}  # st_folium's all_drawings list
    assert names(filters.by_shape(events, {"type": "FeatureCollection", "features": [RECT]})) == {"Mariupol"}
    # A point (what a marker click reports as the "drawing") is not a shape: no filtering.
    assert filters.by_shape(events, {"type": "Point", "coordinates": [37.5, 47.1]}) == events


def test_polygon_holes_and_multipolygons():
    outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    donut = {"type": "Polygon", "coordinates": [outer, hole]}
    assert filters.in_shape(2, 2, donut) and not filters.in_shape(5, 5, donut)
    multi = {"type": "MultiPolygon", "coordinates": [[outer], [[[20, 20], [30, 20], [30, 30], [20, 20]]]]}
    assert filters.in_shape(21, 25, multi) and not filters.in_shape(15, 15, multi)
    triangle = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [0, 10], [0, 0]]]}
    assert filters.in_shape(2, 2, triangle) and not filters.in_shape(8, 8, triangle)  # lat, lon


def test_event_filter_combines_everything(events):
    f = EventFilter(countries=("UA",), regions=("Donetsk Oblast", "Khersonska Oblast"), features=("city",))
    assert names(f.apply(events)) == {"Kherson", "Mariupol"}
    assert names(EventFilter(features=("city",), shape=RECT["geometry"]).apply(events)) == {"Mariupol"}
    assert EventFilter().apply(events) == events


def test_facets_and_rows(events):
    facets = filters.facets(events)
    assert facets["region"]["Khersonska Oblast"] == 6 and facets["feature"]["river"] == 1
    rows = filters.event_rows(events, {events[0].doc_id: "Kherson report"})
    assert rows[0]["article"] == "Kherson report" and rows[0]["mention"] in rows[0]["sentence"]
    places = filters.place_rows(events)
    assert places[0]["place"] == "Kherson" and places[0]["mentions"] == 5


def test_geojson_export(events):
    data = json.loads(export.to_geojson(events, {events[0].doc_id: "Kherson report"}))
    assert data["type"] == "FeatureCollection"
    kherson = next(f for f in data["features"] if f["properties"]["name"] == "Kherson")
    assert kherson["geometry"] == {"type": "Point", "coordinates": [KHERSON.lon, KHERSON.lat]}
    assert kherson["properties"]["mentions"] == 5 and kherson["properties"]["articles"] == ["Kherson report"]
    assert all("Kherson" in s["sentence"] for s in kherson["properties"]["sentences"])


def test_csv_export_one_row_per_event_and_no_formulas():
    parsed = parse_by_hand("=HYPERLINK(\"http://x\") Dnieper.", {"Dnieper": DNIEPER})
    rows = list(csv.DictReader(io.StringIO(export.to_csv(parsed.place_mentions))))
    assert len(rows) == 1 and rows[0]["place"] == "Dnieper"
    assert rows[0]["sentence"].startswith("'=")  # spreadsheets must not run article text
    assert export.to_csv([]).strip() == ",".join(export.CSV_COLUMNS)


def test_kml_export_escapes_text():
    parsed = parse_by_hand("Kherson <b>&</b> more.", {"Kherson": KHERSON})
    kml = export.to_kml(parsed.place_mentions)
    assert "<Placemark><name>Kherson</name>" in kml and "&lt;b&gt;&amp;&lt;/b&gt;" in kml
    assert f"{KHERSON.lon},{KHERSON.lat}" in kml


def test_date_and_source_filters_agree_with_the_store():
    from datetime import date
    from types import SimpleNamespace as Meta

    a = parse_by_hand("Kherson hit.", {"Kherson": KHERSON})
    b = parse_by_hand("Mariupol hit.", {"Mariupol": MARIUPOL})
    c = parse_by_hand("Kherson and Mariupol quiet.", {"Kherson": KHERSON, "Mariupol": MARIUPOL})
    events = a.place_mentions + b.place_mentions + c.place_mentions
    meta = {a.doc.id: Meta(date="2023-06-04T10:00", source="x.txt"), b.doc.id: Meta(date="2023-06", source="y.txt"),
            c.doc.id: Meta(date=None, source="x.txt")}
    docs = lambda evts: {e.doc_id for e in evts}  # noqa: E731
    assert docs(filters.by_date(events, meta, "2023-06-04", "2023-06-04")) == {a.doc.id}
    assert docs(filters.by_date(events, meta, None, "2023-06")) == {a.doc.id, b.doc.id}  # undated drop out
    assert filters.by_date(events, meta) == events
    assert docs(filters.by_source(events, meta, ["x.txt"])) == {a.doc.id, c.doc.id}
    f = EventFilter(sources=("x.txt",), date_to="2023-12-31")
    assert docs(f.apply(events, meta)) == {a.doc.id}
    with pytest.raises(ValueError):
        f.apply(events)
    assert filters.day_of("2023-06-04T10:00") == date(2023, 6, 4) and filters.day_of("2023-06") == date(2023, 6, 1)
    assert filters.day_of(None) is None and filters.day_of("soon") is None


# -- one filter: the dashboard's Python and `geo export`'s SQL agree ------------------------------

OSKIL = Place("lm:oskil-test", "Oskil", 49.2, 37.6, "river", "", geometry={"type": "LineString", "coordinates": [
    [37.2, 51.0], [37.6, 50.6], [37.7, 50.1], [37.65, 49.6], [37.55, 49.2]]})  # from Kursk Oblast to Izium
KHERSON_REGION = Place("adm:UA.08", "Kherson Oblast", 46.75, 33.5, "region", "UA", "Kherson Oblast", "UA.08")
LYMAN = Place("gn:702658", "Lyman", 48.99, 37.81, "city", "UA", "Donetsk Oblast", "UA.05", 20000)
KUPIANSK = Place("gn:704422", "Kupiansk", 49.71, 37.62, "city", "UA", "Kharkiv Oblast", "UA.07", 26000)


def war_library():
    """The seed and two war reports of our own, with a river that crosses three regions."""
    return [
        seed_parsed(),
        parse_by_hand("Shelling hit Kupiansk on the Oskil. Russian forces crossed the Oskil near Lyman.",
                      {"Kupiansk": KUPIANSK, "Oskil": OSKIL, "Lyman": LYMAN}, title="Oskil front"),
        parse_by_hand("Fighting in Donetsk Oblast: Mariupol and Lyman shelled. Kherson Oblast flooded.",
                      {"Donetsk Oblast": DONETSK_REGION, "Mariupol": MARIUPOL, "Lyman": LYMAN,
                       "Kherson Oblast": KHERSON_REGION}, title="Front summary"),
    ]


def test_a_river_belongs_to_every_region_it_crosses(geo_data_dir):
    from geo.gazetteer.areas import countries_of, regions_of

    assert {"Kharkiv Oblast"} <= regions_of(OSKIL) and "UA" in countries_of(OSKIL)
    mentions = [m for p in war_library() for m in p.place_mentions]
    assert "Oskil" in names(filters.by_region(mentions, ["Kharkiv Oblast"]))
    assert "Oskil" in names(filters.by_country(mentions, ["UA"]))


def test_counts_equal_rows_shown_equal_rows_exported_for_every_region(geo_data_dir, tmp_path, capsys):
    from geo.cli import main
    from geo.store import Store

    library = war_library()
    mentions = [m for p in library for m in p.place_mentions]
    with Store.open(tmp_path / "library.sqlite") as store:
        for parsed in library:
            store.save(parsed)
        counts = filters.facets(mentions)
        assert "?" not in counts["country"]
        assert counts["region"]["Donetsk Oblast"] >= 4  # Mariupol x2, Lyman x2, the oblast itself
        for region, count in counts["region"].items():
            f = EventFilter(regions=(region,))
            shown, exported = f.apply(mentions), filters.stored_mentions(store, f)
            assert count == len(shown) == len(exported), region
            assert names(shown) == names(exported), region
            capsys.readouterr()
            assert main(["export", "--db", str(tmp_path / "library.sqlite"), "--format", "csv", "--region", region]) == 0
            assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == count, region
        for country, count in counts["country"].items():
            f = EventFilter(countries=(country,))
            assert count == len(f.apply(mentions)) == len(filters.stored_mentions(store, f)), country
    assert "Donetsk Oblast" in names(EventFilter(regions=("Donetsk Oblast",)).apply(mentions))
