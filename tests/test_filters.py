"""Pure filtering, grouping and export of events."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factories import DNIEPER, DONETSK_REGION, KHERSON, MARIUPOL, parse_by_hand, seed_parsed
from geo import export, filters
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


def test_a_region_filter_keeps_places_inside_not_the_region_itself():
    parsed = parse_by_hand("Mariupol (Donetsk Oblast) was shelled.", {"Mariupol": MARIUPOL, "Donetsk Oblast": DONETSK_REGION})
    assert filters.region_of(DONETSK_REGION) == "Donetsk Oblast"
    assert names(filters.by_region(parsed.place_mentions, ["Donetsk Oblast"])) == {"Mariupol"}


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
