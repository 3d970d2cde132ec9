"""Rivers as the data draws them: their lengths along their courses (to keep the longest at
coarse zooms) and the few kilometres a river line stops short of the lake or reservoir it flows
into (the Dnipro at Kherson), drawn across so it reaches the water. Reads geo.map.gshhg batches."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from geo.map import gshhg
from geo.distance import distances_km, segment_km


def line_lengths_km(batch: gshhg.Batch) -> np.ndarray:
    """Each line's length, great-circle by segment."""
    km = segment_km(batch.points[:, 0], batch.points[:, 1])
    which = np.repeat(np.arange(len(batch)), batch.counts)
    inner = which[:-1] == which[1:]
    return np.bincount(which[:-1][inner], weights=km[inner], minlength=len(batch))


def course_lengths_km(batch: gshhg.Batch) -> np.ndarray:
    """Per line, the length of the course it belongs to: WDBII cuts a river into pieces that meet end
    to end (two pieces at a point); pieces so joined are one course. A tributary ends near, not on,
    its river, so it stays a course of its own: its length ranks it below the river."""
    lengths = line_lengths_km(batch)
    ends: dict[bytes, list[int]] = defaultdict(list)
    last = batch.starts + batch.counts - 1
    firsts = batch.points[batch.starts].astype(np.float32)
    lasts = batch.points[last].astype(np.float32)
    for i in range(len(batch)):
        ends[firsts[i].tobytes()].append(i)
        ends[lasts[i].tobytes()].append(i)
    parent = list(range(len(batch)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in ends.values():
        if len(members) == 2 and members[0] != members[1]:
            parent[root(members[0])] = root(members[1])
    roots = np.array([root(i) for i in range(len(batch))], dtype=np.int64)
    total = np.bincount(roots, weights=lengths, minlength=len(batch))
    return total[roots]


class _Near:
    """Points bucketed in cells of `cell` degrees, for 'the nearest within r km' queries."""

    def __init__(self, points: np.ndarray, cell: float = 0.1):
        self.cell = cell
        keys = self._keys(points)
        order = np.argsort(keys, kind="stable")
        self.keys, self.points = keys[order], points[order]

    def _keys(self, points: np.ndarray) -> np.ndarray:
        ix = np.floor((points[:, 0] + 180.0) / self.cell).astype(np.int64)
        iy = np.floor((points[:, 1] + 90.0) / self.cell).astype(np.int64)
        return ix * 100_000 + iy

    def nearest(self, p: np.ndarray, km: float) -> tuple[float, np.ndarray | None]:
        """(distance in km, point) of the nearest point within `km`, or (inf, None)."""
        scale = math.cos(math.radians(float(p[1])))
        reach_x = int(km / (111.2 * max(scale, 0.05) * self.cell)) + 1
        reach_y = int(km / (111.2 * self.cell)) + 1
        cx = int(math.floor((p[0] + 180.0) / self.cell))
        cy = int(math.floor((p[1] + 90.0) / self.cell))
        best, where = math.inf, None
        for ix in range(cx - reach_x, cx + reach_x + 1):
            lo = np.searchsorted(self.keys, ix * 100_000 + cy - reach_y)
            hi = np.searchsorted(self.keys, ix * 100_000 + cy + reach_y, side="right")
            if lo == hi:
                continue
            near = self.points[lo:hi]
            d = distances_km(p[1], p[0], near[:, 1], near[:, 0])
            i = int(d.argmin())
            if d[i] < best:
                best, where = float(d[i]), near[i]
        return (best, where) if best <= km else (math.inf, None)


BRIDGE_KM = 8.0  # longest gap a river is drawn on across to the lake it points at
BRIDGE_COS = 0.7  # how straight at it (cosine of the angle between its last course and the lake)


def river_bridges(rivers: gshhg.Batch, lakes: gshhg.Batch, coast: gshhg.Batch | None = None) -> list[tuple[int, np.ndarray]]:
    """Where WDBII's line of a river stops short of the GSHHG lake its water is drawn as (the Dnipro
    below the Kakhovka reach stops 6 km before Kherson; the lake ends east of the city), the
    river's end is joined to the lake's nearest shore point by a straight line.

    Only a free end (no other piece of the river there), heading at the lake (within ~45 degrees),
    at most BRIDGE_KM away, with no sea coast nearer: a mouth stays a mouth, a tributary that ends
    beside a lake is not bent into it. Returns (line index, [[lon, lat], [lon, lat]]) pairs."""
    if not len(rivers) or not len(lakes):
        return []
    lake_near = _Near(lakes.points)
    coast_near = _Near(coast.points) if coast is not None and len(coast) else None
    last = rivers.starts + rivers.counts - 1
    ends: dict[bytes, int] = defaultdict(int)
    for i in range(len(rivers)):
        ends[rivers.points[rivers.starts[i]].astype(np.float32).tobytes()] += 1
        ends[rivers.points[last[i]].astype(np.float32).tobytes()] += 1
    out = []
    for i in range(len(rivers)):
        line = rivers.shape(i)
        if len(line) < 2:
            continue
        for tail in (line, line[::-1]):  # the line's end, then its start
            p = tail[-1]
            if ends[p.astype(np.float32).tobytes()] != 1:
                continue
            km, q = lake_near.nearest(p, BRIDGE_KM)
            if q is None or km < 0.05:
                continue
            if coast_near is not None and coast_near.nearest(p, km)[1] is not None:
                continue
            scale = math.cos(math.radians(float(p[1])))
            heading = (p - tail[max(0, len(tail) - 5)]) * [scale, 1.0]
            toward = (q - p) * [scale, 1.0]
            norm = float(np.linalg.norm(heading) * np.linalg.norm(toward))
            if norm > 0 and float(heading @ toward) / norm >= BRIDGE_COS:
                out.append((i, np.array([p, q], dtype=np.float64)))
    return out
