"""One geometry for the whole library: the great-circle distance on one Earth radius, and points
bucketed by degree where a lookup only ever looks at the cells around a point.

(geo/geoparse/nearby.py answers "how far is the nearest of many points" without a radius limit; the
buckets here serve the lookups that want nothing beyond the neighbouring cells.)
"""

from __future__ import annotations

import math

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
