"""How far the nearest of many points lies, without measuring to every one of them.

A document naming thousands of places compares every reading of every name with the places the
story is sure of and with the readings of its other names; against a list, that is the square
of the names (1,000 names took 20 s). Here the points are bucketed by degrees (finer where they
crowd) and, within a bucket, sorted by latitude: a query visits the buckets outward from its own
and stops wherever latitude and longitude alone already put the rest farther than the best
distance found.

The answer is the very float a scan of every point gives (the same ``distance_km``, the same
argument order), so nothing that reads it changes.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter

from geo.distance import EARTH_KM, distance_km

_ANY = object()  # skip nothing


def line_vertices(geometry: dict | None) -> list:
    """The (lon, lat) vertices of a LineString or MultiLineString; [] for anything else."""
    kind, coords = (geometry or {}).get("type"), (geometry or {}).get("coordinates") or []
    if kind == "LineString":
        return list(coords)
    if kind == "MultiLineString":
        return [v for line in coords for v in line]
    return []


def _below(km: float) -> float:
    """A lower bound made a little lower (a millionth, and a millimetre): rounding in the bound
    or in ``distance_km`` never prunes a point that is in fact nearer."""
    return km * (1 - 1e-6) - 1e-6


def _above(km: float) -> float:
    return (km + 1e-6) / (1 - 1e-6)


def _degrees(km: float) -> float:
    """Degrees of latitude apart beyond which two points lie farther than ``km``."""
    return math.degrees(_above(km) / EARTH_KM)


_FEW = 24  # points that are measured one by one faster than found in cells
_CROWDED = 8  # points beyond which a cell holds finer cells
_FINER = 4  # each a quarter of a degree, then a sixteenth...
_FINEST = 1 / 64  # degrees (about 1.7 km): no cell is finer


class Grid:
    """Points, each with a tag (the name that put it there), in cells of a degree; a crowded
    cell holds cells of a quarter of a degree, and so on: a query measures to a few points near
    it however many a story names (a degree of Donetsk Oblast holds hundreds of villages)."""

    def __init__(self, points=()):
        self.tags: Counter = Counter()
        spots: dict[tuple[float, float], list] = {}
        for lat, lon, tag in points:
            self.tags[tag] += 1
            tags = spots.setdefault((lat, lon), [])
            if len(tags) < 2 and tag not in tags:
                tags.append(tag)  # two tags per spot: when one is skipped, the other answers
        self._len = sum(self.tags.values())
        self._points = [(lat, lon, tag) for (lat, lon), tags in spots.items() for tag in tags]
        self._cells = _Cells(self._points, 1.0) if len(self._points) > _FEW else None

    def __len__(self) -> int:
        return self._len

    def others(self, tag) -> int:
        """How many points another tag than ``tag`` put here."""
        return len(self) - self.tags[tag]

    def nearest(self, lat: float, lon: float, within: float = math.inf, skip=_ANY) -> float:
        """Km to the nearest point not tagged ``skip``, when nearer than ``within``; else infinity."""
        if self._cells is None:
            best = min((distance_km(lat, lon, a, b) for a, b, tag in self._points if tag != skip), default=math.inf)
        else:
            best = self._cells.nearest(lat, lon, within, skip)
        return best if best < within else math.inf


class _Cells:
    """Points in cells of ``size`` degrees, rows of them sorted by latitude and, within a row,
    by longitude; a cell's points sorted by latitude, or finer cells when it is crowded."""

    def __init__(self, points: list, size: float):
        self.size = size
        cells: dict[tuple[int, int], list] = {}
        for p in points:
            cells.setdefault((math.floor(p[0] / size), self._column(p[1])), []).append(p)
        self._cells: dict[tuple[int, int], object] = {}
        rows: dict[int, list[int]] = {}
        for (row, col), cell in cells.items():
            if len(cell) > _CROWDED and size > _FINEST:
                self._cells[row, col] = _Cells(cell, size / _FINER)
            else:
                cell.sort(key=lambda p: p[0])
                self._cells[row, col] = ([p[0] for p in cell], cell)
            rows.setdefault(row, []).append(col)
        self._rows = {row: sorted(cols) for row, cols in rows.items()}
        self._row_keys = sorted(rows)

    def _column(self, lon: float) -> int:
        # Counted eastward from 180°W, round the globe: 180°E and 180°W are one meridian.
        return math.floor((lon + 180.0) / self.size) % round(360 / self.size)

    def nearest(self, lat: float, lon: float, best: float, skip) -> float:
        """The km to the nearest point not tagged ``skip`` when nearer than ``best``; else ``best``."""
        rows, start = self._row_keys, bisect_left(self._row_keys, math.floor(lat / self.size))
        for step, end in ((1, len(rows)), (-1, -1)):  # rows northward from the query's, then southward
            i = start if step == 1 else start - 1
            while i != end:
                row = rows[i]
                gap = max(0.0, row * self.size - lat, lat - (row + 1) * self.size)
                if _below(EARTH_KM * math.radians(gap)) >= best:
                    break  # latitude alone puts this row, and every row beyond it, too far
                best = self._scan_row(row, gap, lat, lon, best, skip)
                i += step
        return best

    def _scan_row(self, row: int, gap: float, lat: float, lon: float, best: float, skip) -> float:
        """Cells of the row eastward and westward from the query's, until they lie too far."""
        cols = self._rows[row]
        n = len(cols)
        # The row's latitude farthest from the equator: where its degree of longitude is shortest.
        squeeze = math.cos(math.radians(lat)) * max(0.0, min(math.cos(math.radians(row * self.size)),
                                                             math.cos(math.radians((row + 1) * self.size))))
        lat_part = math.sin(math.radians(gap) / 2) ** 2
        first = bisect_left(cols, self._column(lon))
        east = west = 0
        going_east = going_west = True
        while (going_east or going_west) and east + west < n:
            if going_east:
                col = cols[(first + east) % n]
                if self._bound(col, lon, lat_part, squeeze) >= best:
                    going_east = False
                else:
                    best = self._scan_cell(row, col, lat, lon, best, skip)
                    east += 1
            if going_west and east + west < n:
                col = cols[(first - 1 - west) % n]
                if self._bound(col, lon, lat_part, squeeze) >= best:
                    going_west = False
                else:
                    best = self._scan_cell(row, col, lat, lon, best, skip)
                    west += 1
        return best

    def _bound(self, col: int, lon: float, lat_part: float, squeeze: float) -> float:
        """No point of the cell at ``col`` lies nearer than this (haversine, from below)."""
        east = (col * self.size - 180.0 - lon) % 360.0  # degrees east to the cell's western edge
        far = 360.0 - self.size  # as far east as a cell's western edge gets without holding the query
        apart = 0.0 if east == 0.0 or east > far else min(east, far - east)
        a = lat_part + squeeze * math.sin(math.radians(apart) / 2) ** 2
        return _below(2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a))))

    def _scan_cell(self, row: int, col: int, lat: float, lon: float, best: float, skip) -> float:
        """The cell's points outward in latitude from the query's, until they lie too far."""
        cell = self._cells[row, col]
        if isinstance(cell, _Cells):
            return cell.nearest(lat, lon, best, skip)
        lats, points = cell
        middle = bisect_left(lats, lat)
        for indexes in (range(middle, len(points)), range(middle - 1, -1, -1)):
            reach = _degrees(best)
            for j in indexes:
                plat, plon, tag = points[j]
                if abs(plat - lat) >= reach:
                    break  # sorted by latitude: the rest of the cell this way is farther still
                if tag != skip:
                    d = distance_km(lat, lon, plat, plon)
                    if d < best:
                        best, reach = d, _degrees(d)
        return best


class Nearby:
    """The points of some grids less those of one name: what a reading of that name is compared
    with (a name must not count as evidence for its own readings)."""

    __slots__ = ("grids", "own")

    def __init__(self, grids: list[Grid], own=_ANY):
        self.grids, self.own = grids, own

    def __bool__(self) -> bool:
        return any(g.others(self.own) for g in self.grids)

    def km(self, lat: float, lon: float, within: float = math.inf) -> float:
        """Km to the nearest point, when nearer than ``within``; else infinity."""
        return min((g.nearest(lat, lon, within, self.own) for g in self.grids), default=math.inf)

    def reach(self, place, within: float = math.inf) -> float:
        """``km`` from a place; from the nearest bend of a river whose course is known (the Oskil
        runs past Kupiansk, though its midpoint lies 80 km away)."""
        vertices = line_vertices(place.geometry)
        if not vertices:
            return self.km(place.lat, place.lon, within)
        best = within
        for lon, lat in vertices:
            best = min(best, self.km(lat, lon, best))
        return best if best < within else math.inf
