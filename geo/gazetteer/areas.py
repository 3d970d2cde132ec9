"""Which regions and countries a place belongs to, for filtering: one answer for the map, the
table, the downloads and `geo export`.

A town belongs to its admin-1 region and country. A region belongs to itself (so filtering to
"Donetsk Oblast" keeps the oblast's own marker). A river, a reservoir or a sea crosses many: it
belongs to every region and country along its geometry, read from the gazetteer's towns nearest
each stretch of it (the gazetteer holds no region outlines, but its towns know their region).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from geo.distance import Buckets, distance_km
from geo.types import Place

LINE_TYPES = {"LineString", "MultiLineString", "Polygon", "MultiPolygon"}
NEAR_KM = 40  # a stretch of river counts in a town's region when the town lies this close
MIN_POPULATION = 1000  # towns that speak for their region; hamlets add work, not regions
SAMPLES = 80  # points read along a geometry: enough for a river crossing a region for ~20 km
CELL = 0.5  # degrees: grid of the towns near a geometry
_crossed: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
_lock = threading.Lock()


def _gazetteer_db() -> sqlite3.Connection | None:
    """The index the pipeline reads (GEO_GAZETTEER, else the default one), read-only."""
    from geo.gazetteer.build import default_path

    path = Path(os.environ.get("GEO_GAZETTEER") or default_path())
    if not path.exists():
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _points(geometry: dict) -> list[tuple[float, float]]:
    """(lat, lon) of every vertex, then thinned evenly to at most SAMPLES."""
    def walk(c):
        if c and isinstance(c[0], (int, float)):
            yield (float(c[1]), float(c[0]))
        else:
            for part in c:
                yield from walk(part)

    points = list(walk(geometry.get("coordinates") or []))
    if len(points) <= SAMPLES:
        return points
    step = len(points) / SAMPLES
    return [points[int(i * step)] for i in range(SAMPLES)]


def crossed(place: Place, db: sqlite3.Connection | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(regions, countries) along the place's line or outline; empty for a point. Memoised by id."""
    geometry = place.geometry
    if not geometry or geometry.get("type") not in LINE_TYPES or place.feature in ("country", "region"):
        return frozenset(), frozenset()
    with _lock:
        if place.id in _crossed:
            return _crossed[place.id]
    points = _points(geometry)
    own = db is None
    db = db or _gazetteer_db()
    regions: set[str] = set()
    countries: set[str] = set()
    if db is not None and points:
        pad = NEAR_KM / 111
        south, north = min(p[0] for p in points) - pad, max(p[0] for p in points) + pad
        west, east = min(p[1] for p in points) - pad * 2, max(p[1] for p in points) + pad * 2
        towns = Buckets(CELL)
        for lat, lon, admin1, country in db.execute(
                "SELECT lat, lon, admin1, country FROM places WHERE feature = 'city' AND population >= ? "
                "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", (MIN_POPULATION, south, north, west, east)):
            towns.add(lat, lon, (lat, lon, admin1 or "", country or ""))
        for point in points:
            best = min(towns.around(*point), key=lambda t: distance_km(*point, *t[:2]), default=None)
            if best is not None and distance_km(*point, *best[:2]) <= NEAR_KM:
                regions.update([best[2]] if best[2] else [])
                countries.update([best[3]] if best[3] else [])
        if own:
            db.close()
    answer = frozenset(regions), frozenset(countries)
    with _lock:
        _crossed[place.id] = answer
    return answer


def regions_of(place: Place) -> frozenset[str]:
    """Admin-1 names the place belongs to ("Donetsk Oblast"); a region is in its own."""
    own = {place.admin1} if place.admin1 else set()
    if place.feature == "region":
        own.add(place.name)
    return frozenset(own) | crossed(place)[0]


def countries_of(place: Place) -> frozenset[str]:
    """ISO alpha-2 codes of the countries the place lies in or crosses."""
    own = {place.country.upper()} if place.country else set()
    return frozenset(own) | crossed(place)[1]


def in_regions(place: Place, wanted: set[str]) -> bool:
    """``wanted`` may hold admin-1 names or codes ("UA.05"), as `geo export --region` takes them."""
    return bool(regions_of(place) & wanted) or (bool(place.admin1_code) and place.admin1_code in wanted)


def in_countries(place: Place, wanted: set[str]) -> bool:
    return bool(countries_of(place) & {c.upper() for c in wanted})


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    db = _gazetteer_db()
    if db is None:
        return {}
    try:
        return {code: name for code, name in db.execute(
            "SELECT country, name FROM places WHERE feature = 'country' AND id LIKE 'cc:%'")}
    finally:
        db.close()


def country_name(code: str) -> str:
    """English name of an ISO alpha-2 code ("UA" -> "Ukraine"); the code when the gazetteer has none."""
    return _country_names().get((code or "").upper(), code)

