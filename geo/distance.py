"""One geometry for the whole library: the great-circle distance on one Earth radius, points
bucketed by degree where a lookup only ever looks at the cells around a point, and whether a point
lies in a box or a drawn shape (what the map's filters keep: geo.store.conditions).

(geo/geoparse/nearby.py answers "how far is the nearest of many points" without a radius limit; the
buckets here serve the lookups that want nothing beyond the neighbouring cells.)
"""

from __future__ import annotations

import math
from typing import Any

from geo.types import BBox

EARTH_KM = 6371.0088  # the mean radius (IUGG): every distance the library measures uses it


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def distances_km(lat1, lon1, lat2, lon2):
    """``distance_km`` over numpy arrays (degrees in, broadcast as numpy does)."""
    import numpy as np  # only the basemap's writers measure arrays

    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def segment_km(lon, lat):
    """``distance_km`` between each point of a numpy path and the next: n - 1 values."""
    return distances_km(lat[:-1], lon[:-1], lat[1:], lon[1:])


class Buckets:
    """Items at points, bucketed by ``size`` degrees of latitude and longitude; ``around`` gives
    those of a point's bucket and its eight neighbours (whatever lies within a bucket's width is
    among them)."""

    def __init__(self, size: float = 1.0):
        self.size = size
        self.cells: dict[tuple[int, int], list] = {}

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        return int(lat // self.size), int(lon // self.size)

    def add(self, lat: float, lon: float, item) -> None:
        self.cells.setdefault(self.cell(lat, lon), []).append(item)

    def around(self, lat: float, lon: float) -> list:
        i, j = self.cell(lat, lon)
        return [item for di in (-1, 0, 1) for dj in (-1, 0, 1) for item in self.cells.get((i + di, j + dj), ())]


def in_bbox(lat: float, lon: float, bbox: BBox) -> bool:
    """West > east: the box crosses the antimeridian."""
    south, west, north, east = bbox
    if not south <= lat <= north:
        return False
    if west <= east:
        return west <= lon <= east
    return lon >= west or lon <= east


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
