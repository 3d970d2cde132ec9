"""Narrowing a list of events down, and summing them up for tables. Pure functions, no UI.

Spatial inputs come in the shapes the map hands back: Leaflet bounds
(``{"_southWest": {"lat", "lng"}, "_northEast": {...}}``) and drawn GeoJSON (Feature,
FeatureCollection or bare Polygon/MultiPolygon geometry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable, Protocol

from geo.gazetteer.areas import countries_of, in_countries, in_regions, regions_of
from geo.text.excerpt import WRITTEN, sentence_excerpt
from geo.types import DEMONYM, BBox, Event, PlaceMention, Place


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
    """Places in the countries, and rivers or seas crossing them (geo.gazetteer.areas)."""
    wanted = set(countries)
    return [e for e in events if in_countries(e.place, wanted)]


def by_region(events: Iterable[PlaceMention], regions: Iterable[str]) -> list[PlaceMention]:
    """Places in the regions, the regions themselves, and rivers crossing them (geo.gazetteer.areas)."""
    wanted = set(regions)
    return [e for e in events if in_regions(e.place, wanted)]


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
    """The store's date filter (``geo.store.query.Filters``) in Python, so both agree: bounds are
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
    """Every filter the dashboard and `geo export` offer; empty means "no constraint" (but for
    nationality words, no places unless ``demonyms``).

    The one filter: the dashboard evaluates it over the library's cached lists (``apply``,
    ``apply_events``), `geo export` and the map at scale in SQL (``store_args``, ``event_store_args``,
    geo.map.aggregate.store_filter), and all keep the same rows for every field (tests/test_one_filter.py).
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

    def keeps_place(self, place: Place | None) -> bool:
        """The spatial and feature filters, for one place (None: an event placed nowhere)."""
        if not (self.countries or self.regions or self.features or self.bbox or polygons_of(self.shape)):
            return True
        if place is None:
            return False
        return ((not self.countries or in_countries(place, set(self.countries)))
                and (not self.regions or in_regions(place, set(self.regions)))
                and (not self.features or place.feature in self.features)
                and (self.bbox is None or in_bbox(place.lat, place.lon, self.bbox))
                and (not polygons_of(self.shape) or in_shape(place.lat, place.lon, self.shape)))

    def apply(self, events: Iterable[PlaceMention], articles: Mapping[str, ArticleMeta] | None = None) -> list[PlaceMention]:
        """Place mentions; ``articles`` (doc id -> its date and source) is needed by the source and date filters."""
        out = list(events)
        if (self.sources or self.date_from or self.date_to) and articles is None:
            raise ValueError("Filtering by source or date needs the articles' dates and sources.")
        if not self.demonyms:
            out = [e for e in out if e.mention.label != DEMONYM]
        if self.doc_ids:
            out = by_doc(out, self.doc_ids)
        if self.sources:
            out = by_source(out, articles, self.sources)
        if self.date_from or self.date_to:
            out = by_date(out, articles, self.date_from, self.date_to)
        keep: dict[str, bool] = {}
        return [e for e in out if keep.setdefault(e.place.id, self.keeps_place(e.place))]

    def apply_events(self, events: Iterable[Event], articles: Mapping[str, ArticleMeta] | None = None) -> list[Event]:
        """Reported events, dated by their own date (the library gives the article's when the text has none)."""
        docs, sources = set(self.doc_ids), set(self.sources)
        spatial = replace(self, features=()) if self.features else self
        if sources and articles is None:
            raise ValueError("Filtering by source needs the articles' sources.")
        keep: dict[str, bool] = {}
        out = []
        for e in events:
            if docs and e.doc_id not in docs:
                continue
            if sources and (e.doc_id not in articles or articles[e.doc_id].source not in sources):
                continue
            if (self.date_from or self.date_to) and not date_matches(e.date, self.date_from, self.date_to):
                continue
            if (self.types and e.type not in self.types) or (self.sub_types and e.sub_type not in self.sub_types):
                continue
            if self.actors and not set(self.actors) & set(e.actors):
                continue
            pid = e.place.id if e.place else ""
            if pid not in keep:
                keep[pid] = spatial.keeps_place(e.place)
            if keep[pid]:
                out.append(e)
        return out

    def _place_terms(self, geometry_places: Iterable[Place]) -> tuple[list[str] | None, list[str] | None]:
        """Region and country lists for the store, widened by the ids of the places with a geometry
        that cross them (rivers, reservoirs): SQL matches names, codes and ids alike."""
        places = list(geometry_places)
        regions = countries = None
        if self.regions:
            wanted = set(self.regions)
            regions = [*self.regions, *(p.id for p in places if in_regions(p, wanted))]
        if self.countries:
            wanted = set(self.countries)
            countries = [*self.countries, *(p.id for p in places if in_countries(p, wanted))]
        return regions, countries

    def store_args(self, geometry_places: Iterable[Place] = ()) -> dict[str, Any]:
        """Keyword arguments of ``Store.place_mentions`` (shape and sources stay in Python)."""
        regions, countries = self._place_terms(geometry_places)
        return {"article_ids": list(self.doc_ids) or None, "countries": countries, "admin1": regions,
                "features": list(self.features) or None, "bbox": self.bbox,
                "date_from": self.date_from, "date_to": self.date_to, "demonyms": self.demonyms}

    def event_store_args(self, geometry_places: Iterable[Place] = ()) -> dict[str, Any]:
        """Keyword arguments of ``Store.events``."""
        regions, countries = self._place_terms(geometry_places)
        return {"article_ids": list(self.doc_ids) or None, "countries": countries, "admin1": regions,
                "types": list(self.types) or None, "sub_types": list(self.sub_types) or None,
                "actors": list(self.actors) or None, "bbox": self.bbox,
                "date_from": self.date_from, "date_to": self.date_to}


def facets(events: Iterable[PlaceMention]) -> dict[str, Counter]:
    """Counts behind the filter choices: country, region, feature, doc. A river counts under every
    region it crosses, so each count is what choosing it alone returns."""
    out = {"country": Counter(), "region": Counter(), "feature": Counter(), "doc": Counter()}
    for e in events:
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


def event_rows(events: Iterable[PlaceMention], titles: dict[str, str] | None = None,
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


def stored_mentions(store, f: EventFilter) -> list[PlaceMention]:
    """``f`` evaluated in SQL over a ``geo.store.Store`` (what `geo export` writes); the drawn
    shape and the source filter, which SQL cannot express, applied after."""
    from geo.store.query import geometry_places

    with store._read() as conn:  # noqa: SLF001 - one read of the few places with a geometry
        crossing = geometry_places(conn)
    rows = store.place_mentions(**f.store_args(crossing))
    if polygons_of(f.shape):
        rows = by_shape(rows, f.shape)
    if f.sources:
        rows = by_source(rows, {a.id: a for a in store.articles()}, f.sources)
    return rows


def stored_events(store, f: EventFilter) -> list[Event]:
    """Reported events matching ``f``, in SQL (see stored_mentions)."""
    from geo.store.query import geometry_places

    with store._read() as conn:  # noqa: SLF001
        crossing = geometry_places(conn)
    rows = store.events(**f.event_store_args(crossing))
    if polygons_of(f.shape):
        rows = [e for e in rows if e.place is not None and in_shape(e.place.lat, e.place.lon, f.shape)]
    if f.sources:
        sources = {a.id: a.source for a in store.articles()}
        rows = [e for e in rows if sources.get(e.doc_id) in set(f.sources)]
    return rows
