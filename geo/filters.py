"""Narrowing a list of events down, and summing them up for tables. Pure functions, no UI.

Spatial inputs come in the shapes the map hands back: Leaflet bounds
(``{"_southWest": {"lat", "lng"}, "_northEast": {...}}``) and drawn GeoJSON (Feature,
FeatureCollection or bare Polygon/MultiPolygon geometry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Protocol

from geo.types import PlaceMention, Place

BBox = tuple[float, float, float, float]  # south, west, north, east (west > east crosses the antimeridian)


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


def group_by_place(events: Iterable[PlaceMention]) -> list[PlaceEvents]:
    """Most mentioned first; ties keep the order places first appear in."""
    groups: dict[str, list[PlaceMention]] = {}
    places: dict[str, Place] = {}
    for event in events:
        groups.setdefault(event.place.id, []).append(event)
        places.setdefault(event.place.id, event.place)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    return [PlaceEvents(places[pid], tuple(evs)) for pid, evs in ordered]


def region_of(place: Place) -> str:
    """Admin-1 region a place belongs to; a region is its own region."""
    if place.admin1:
        return place.admin1
    return place.name if place.feature == "region" else ""


def by_country(events: Iterable[PlaceMention], countries: Iterable[str]) -> list[PlaceMention]:
    wanted = {c.upper() for c in countries}
    return [e for e in events if e.place.country.upper() in wanted]


def by_region(events: Iterable[PlaceMention], regions: Iterable[str]) -> list[PlaceMention]:
    """Events at places inside the regions; the region's own marker (its centre) is not a
    place inside it, so filtering to "Donetsk Oblast" leaves Mariupol, not the oblast itself."""
    wanted = set(regions)
    return [e for e in events if region_of(e.place) in wanted and e.place.feature != "region"]


def by_feature(events: Iterable[PlaceMention], features: Iterable[str]) -> list[PlaceMention]:
    wanted = set(features)
    return [e for e in events if e.place.feature in wanted]


def by_doc(events: Iterable[PlaceMention], doc_ids: Iterable[str]) -> list[PlaceMention]:
    wanted = set(doc_ids)
    return [e for e in events if e.doc_id in wanted]


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


def in_bbox(lat: float, lon: float, bbox: BBox) -> bool:
    south, west, north, east = bbox
    if not south <= lat <= north:
        return False
    if west <= east:
        return west <= lon <= east
    return lon >= west or lon <= east


def by_bbox(events: Iterable[PlaceMention], bbox: BBox | None) -> list[PlaceMention]:
    events = list(events)
    if bbox is None:
        return events
    return [e for e in events if in_bbox(e.place.lat, e.place.lon, bbox)]


def polygons_of(shape: dict[str, Any] | list | None) -> list[list[list[list[float]]]]:
    """Every polygon (list of rings of [lon, lat]) in a GeoJSON object; points and lines are ignored."""
    if not shape:
        return []
    if isinstance(shape, list):  # st_folium's all_drawings is a list of features
        return [p for item in shape for p in polygons_of(item)]
    kind = shape.get("type")
    if kind == "FeatureCollection":
        return polygons_of(shape.get("features", []))
    if kind == "Feature":
        return polygons_of(shape.get("geometry"))
    if kind == "Polygon":
        return [shape["coordinates"]]
    if kind == "MultiPolygon":
        return list(shape["coordinates"])
    if kind == "GeometryCollection":
        return polygons_of(shape.get("geometries", []))
    return []


def _in_ring(lat: float, lon: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_shape(lat: float, lon: float, shape: dict[str, Any] | list | None) -> bool:
    """Point in any polygon of the shape (holes respected)."""
    for rings in polygons_of(shape):
        if rings and _in_ring(lat, lon, rings[0]) and not any(_in_ring(lat, lon, h) for h in rings[1:]):
            return True
    return False


def by_shape(events: Iterable[PlaceMention], shape: dict[str, Any] | list | None) -> list[PlaceMention]:
    events = list(events)
    if not polygons_of(shape):
        return events
    return [e for e in events if in_shape(e.place.lat, e.place.lon, shape)]


class ArticleMeta(Protocol):
    """What the article-level filters read of an article (``geo.store.ArticleInfo`` has it)."""

    @property
    def date(self) -> str | None: ...
    @property
    def source(self) -> str: ...


def day_of(iso: str | None) -> date | None:
    """The calendar day an ISO date falls on; "2023-06" counts as June 1st. None when undated."""
    if not iso:
        return None
    try:
        return date.fromisoformat((iso[:10] + "-01-01")[:10] if len(iso) < 10 else iso[:10])
    except ValueError:
        return None


def date_matches(iso: str | None, date_from: str | None, date_to: str | None) -> bool:
    """The store's date filter (``geo.store_query.Filters``) in Python, so both agree: bounds are
    inclusive, date_to holds at its own precision ("2023-06" is all June), undated never matches."""
    if not iso:
        return not date_from and not date_to
    return (not date_from or iso >= date_from) and (not date_to or iso[:len(date_to)] <= date_to)


def by_date(events: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta],
            date_from: str | None = None, date_to: str | None = None) -> list[PlaceMention]:
    events = list(events)
    if not date_from and not date_to:
        return events
    keep = {doc for doc, a in articles.items() if date_matches(a.date, date_from, date_to)}
    return [e for e in events if e.doc_id in keep]


def by_source(events: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta], sources: Iterable[str]) -> list[PlaceMention]:
    wanted = set(sources)
    keep = {doc for doc, a in articles.items() if a.source in wanted}
    return [e for e in events if e.doc_id in keep]


@dataclass(frozen=True)
class EventFilter:
    """Every filter the dashboard offers; empty means "no constraint"."""

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    features: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # ISO, inclusive; see date_matches()
    date_to: str | None = None
    bbox: BBox | None = None
    shape: dict[str, Any] | None = None

    def apply(self, events: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta] | None = None) -> list[PlaceMention]:
        """``articles`` (doc id -> its date and source) is needed by the source and date filters."""
        out = list(events)
        if (self.sources or self.date_from or self.date_to) and articles is None:
            raise ValueError("Filtering by source or date needs the articles' dates and sources.")
        if self.doc_ids:
            out = by_doc(out, self.doc_ids)
        if self.sources:
            out = by_source(out, articles, self.sources)
        if self.date_from or self.date_to:
            out = by_date(out, articles, self.date_from, self.date_to)
        if self.countries:
            out = by_country(out, self.countries)
        if self.regions:
            out = by_region(out, self.regions)
        if self.features:
            out = by_feature(out, self.features)
        return by_shape(by_bbox(out, self.bbox), self.shape)


def facets(events: Iterable[PlaceMention]) -> dict[str, Counter]:
    """Counts behind the filter choices: country, region, feature, doc."""
    out = {"country": Counter(), "region": Counter(), "feature": Counter(), "doc": Counter()}
    for e in events:
        out["country"][e.place.country or "?"] += 1
        if region := region_of(e.place):
            out["region"][region] += 1
        out["feature"][e.place.feature] += 1
        out["doc"][e.doc_id] += 1
    return out


def event_rows(events: Iterable[PlaceMention], titles: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per event, for the events table and CSV export."""
    titles = titles or {}
    return [
        {
            "article": titles.get(e.doc_id, e.doc_id), "place": e.place.name, "mention": e.mention.text,
            "feature": e.place.feature, "region": region_of(e.place), "country": e.place.country,
            "lat": e.place.lat, "lon": e.place.lon, "score": round(e.score, 3),
            "sentence": e.sentence.text, "place_id": e.place.id, "doc_id": e.doc_id,
        }
        for e in events
    ]


def place_rows(events: Iterable[PlaceMention]) -> list[dict[str, Any]]:
    """One row per place with its mention and article counts."""
    return [
        {
            "place": g.place.name, "feature": g.place.feature, "region": region_of(g.place),
            "country": g.place.country, "mentions": g.count, "articles": len(g.doc_ids),
            "lat": g.place.lat, "lon": g.place.lon, "place_id": g.place.id,
        }
        for g in group_by_place(events)
    ]
