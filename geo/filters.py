"""Narrowing a list of events down, and summing them up for tables. Pure functions, no UI.

What each filter keeps is written once, in geo.store.conditions (its Python and its SQL side by
side); this module holds the dashboard's filter (``EventFilter``) and its entry points.

Spatial inputs come in the shapes the map hands back: Leaflet bounds
(``{"_southWest": {"lat", "lng"}, "_northEast": {...}}``) and drawn GeoJSON (Feature,
FeatureCollection or bare Polygon/MultiPolygon geometry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Iterable

from geo.distance import in_bbox, in_shape, polygons_of  # noqa: F401 - the map's helpers, imported from here
from geo.gazetteer.areas import countries_of, regions_of
from geo.store.conditions import EVENTS, MENTIONS, ArticleMeta, Reading, Where, keep, prepare
from geo.store.conditions import date_matches  # noqa: F401 - the date filter's meaning, imported from here
from geo.text.excerpt import WRITTEN, sentence_excerpt
from geo.types import BBox, Event, PlaceMention, Place


@dataclass(frozen=True)
class PlaceEvents:
    """One place and every event that points at it."""

    place: Place
    events: tuple[PlaceMention, ...]

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(e.doc_id for e in self.events))


def group_by_place(mentions: Iterable[PlaceMention]) -> list[PlaceEvents]:
    """Most mentioned first; ties keep the order places first appear in."""
    groups: dict[str, list[PlaceMention]] = {}
    places: dict[str, Place] = {}
    for event in mentions:
        groups.setdefault(event.place.id, []).append(event)
        places.setdefault(event.place.id, event.place)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    return [PlaceEvents(places[pid], tuple(evs)) for pid, evs in ordered]


def region_of(place: Place) -> str:
    """Admin-1 region a place belongs to; a region is its own region."""
    if place.admin1:
        return place.admin1
    return place.name if place.feature == "region" else ""


# One condition each, over place mentions (geo.store.conditions says what it keeps).

def by_country(mentions: Iterable[PlaceMention], countries: Iterable[str]) -> list[PlaceMention]:
    """Places in the countries, and rivers or seas crossing them (geo.gazetteer.areas)."""
    return keep({"countries": tuple(countries)}, mentions, Reading(MENTIONS))


def by_region(mentions: Iterable[PlaceMention], regions: Iterable[str]) -> list[PlaceMention]:
    """Places in the regions, the regions themselves, and rivers crossing them (geo.gazetteer.areas)."""
    return keep({"regions": tuple(regions)}, mentions, Reading(MENTIONS))


def by_feature(mentions: Iterable[PlaceMention], features: Iterable[str]) -> list[PlaceMention]:
    return keep({"features": tuple(features)}, mentions, Reading(MENTIONS))


def by_doc(mentions: Iterable[PlaceMention], doc_ids: Iterable[str]) -> list[PlaceMention]:
    return keep({"doc_ids": tuple(doc_ids)}, mentions, Reading(MENTIONS))


def bbox_from_bounds(bounds: dict[str, Any] | None) -> BBox | None:
    """Leaflet bounds -> bbox; None when the map has not reported a view yet."""
    try:
        sw, ne = bounds["_southWest"], bounds["_northEast"]
        south, west, north, east = float(sw["lat"]), float(sw["lng"]), float(ne["lat"]), float(ne["lng"])
    except (TypeError, KeyError, ValueError):
        return None
    if east - west >= 360:  # zoomed out past a whole world
        return (south, -180.0, north, 180.0)
    # Leaflet lets longitudes run past +-180 after panning around the globe.
    west = (west + 180) % 360 - 180
    east = (east + 180) % 360 - 180
    return (south, west, north, east)


def by_bbox(mentions: Iterable[PlaceMention], bbox: BBox | None) -> list[PlaceMention]:
    return keep({"bbox": bbox}, mentions, Reading(MENTIONS))


def by_shape(mentions: Iterable[PlaceMention], shape: dict[str, Any] | list | None) -> list[PlaceMention]:
    """A shape without a polygon (a point, a line) keeps everything."""
    return keep({"shape": shape if polygons_of(shape) else None}, mentions, Reading(MENTIONS))


def day_of(iso: str | None) -> date | None:
    """The calendar day an ISO date falls on; "2023-06" counts as June 1st. None when undated."""
    if not iso:
        return None
    try:
        return date.fromisoformat((iso[:10] + "-01-01")[:10] if len(iso) < 10 else iso[:10])
    except ValueError:
        return None


def by_date(mentions: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta],
            date_from: str | None = None, date_to: str | None = None) -> list[PlaceMention]:
    """By the article's date; see geo.store.conditions.date_matches."""
    return keep({"date_from": date_from or None, "date_to": date_to or None}, mentions, Reading(MENTIONS, articles))


def by_source(mentions: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta], sources: Iterable[str]) -> list[PlaceMention]:
    return keep({"sources": tuple(sources)}, mentions, Reading(MENTIONS, articles))


@dataclass(frozen=True)
class EventFilter:
    """Every filter the dashboard and `geo export` offer; empty means "no constraint" (but for
    nationality words, no places unless ``demonyms``).

    The one filter: each field is a condition of geo.store.conditions, which the dashboard evaluates
    over the library's cached lists (``apply``, ``apply_events``) and `geo export` and the map at scale
    in SQL (``stored_mentions``, ``stored_events``, ``where``), so all keep the same rows for every
    field (tests/test_one_filter.py).
    """

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    features: tuple[str, ...] = ()  # place mentions only, as `geo export --events` and the sidebar have it
    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # ISO, inclusive; see date_matches()
    date_to: str | None = None
    bbox: BBox | None = None
    shape: dict[str, Any] | None = None
    types: tuple[str, ...] = ()  # reported events only: ACLED event types
    sub_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    demonyms: bool = False  # place mentions: "Russian troops" names Russia only when asked, on every page

    def values(self) -> dict[str, Any]:
        """The filter by condition name (geo.store.conditions), None where it puts no constraint."""
        values = {f.name: getattr(self, f.name) or None for f in fields(self)}
        values["demonyms"] = None if self.demonyms else False  # False: drop nationality words
        if not polygons_of(self.shape):  # a point or a line drawn keeps everything
            values["shape"] = None
        return values

    def apply(self, mentions: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta] | None = None) -> list[PlaceMention]:
        """Place mentions; ``articles`` (doc id -> its date and source) is needed by the source and date filters."""
        if (self.sources or self.date_from or self.date_to) and articles is None:
            raise ValueError("Filtering by source or date needs the articles' dates and sources.")
        return keep(self.values(), mentions, Reading(MENTIONS, articles))

    def apply_events(self, events: Iterable[Event], articles: Mapping[str, ArticleMeta] | None = None) -> list[Event]:
        """Reported events, dated by their own date (the library gives the article's when the text has none)."""
        if self.sources and articles is None:
            raise ValueError("Filtering by source needs the articles' sources.")
        return keep(self.values(), events, Reading(EVENTS, articles))

    def where(self, conn) -> Where:
        """The filter in SQL over a store's connection (the map at scale: geo.map.aggregate)."""
        return prepare(conn, **self.values())

    def store_args(self) -> dict[str, Any]:
        """Keyword arguments of ``Store.place_mentions`` and ``Store.events``: the conditions by name."""
        return {**self.values(), "demonyms": self.demonyms}


def facets(mentions: Iterable[PlaceMention]) -> dict[str, Counter]:
    """Counts behind the filter choices: country, region, feature, doc. A river counts under every
    region it crosses, so each count is what choosing it alone returns."""
    out = {"country": Counter(), "region": Counter(), "feature": Counter(), "doc": Counter()}
    for e in mentions:
        _count_place(out, e.place)
        out["feature"][e.place.feature] += 1
        out["doc"][e.doc_id] += 1
    return out


def _count_place(out: dict[str, Counter], place: Place | None) -> None:
    if place is None:
        return
    for country in countries_of(place):
        out["country"][country] += 1
    for region in regions_of(place):
        out["region"][region] += 1


def event_facets(events: Iterable[Event]) -> dict[str, Counter]:
    """Counts behind the reported events' filter choices, with the same meaning as facets()."""
    out = {k: Counter() for k in ("country", "region", "type", "sub_type", "actor", "doc")}
    for e in events:
        _count_place(out, e.place)
        out["type"][e.type] += 1
        out["sub_type"][e.sub_type] += 1
        for actor in set(e.actors):
            out["actor"][actor] += 1
        out["doc"][e.doc_id] += 1
    return out


def event_rows(mentions: Iterable[PlaceMention], titles: dict[str, str] | None = None,
               limit: int = WRITTEN) -> list[dict[str, Any]]:
    """One row per mention, for the table and CSV export; the sentence cut to ``limit``
    characters around the mention (a whole news sentence fits; geo.text.excerpt)."""
    titles = titles or {}
    return [
        {
            "article": titles.get(e.doc_id, e.doc_id), "place": e.place.name, "mention": e.mention.text,
            "feature": e.place.feature, "region": region_of(e.place), "country": e.place.country,
            "lat": e.place.lat, "lon": e.place.lon, "score": round(e.score, 3),
            "sentence": sentence_excerpt(e.sentence, e.mention, limit), "place_id": e.place.id, "doc_id": e.doc_id,
        }
        for e in mentions
    ]


def place_rows(mentions: Iterable[PlaceMention]) -> list[dict[str, Any]]:
    """One row per place with its mention and article counts."""
    return [
        {
            "place": g.place.name, "feature": g.place.feature, "region": region_of(g.place),
            "country": g.place.country, "mentions": g.count, "articles": len(g.doc_ids),
            "lat": g.place.lat, "lon": g.place.lon, "place_id": g.place.id,
        }
        for g in group_by_place(mentions)
    ]


def stored_mentions(store, f: EventFilter) -> list[PlaceMention]:
    """``f`` evaluated in SQL over a ``geo.store.Store`` (what `geo export` writes)."""
    return store.place_mentions(**f.store_args())


def stored_events(store, f: EventFilter) -> list[Event]:
    """Reported events matching ``f``, in SQL."""
    return store.events(**f.store_args())
