"""The shapes of a vector tile, as numbers: Web Mercator projection, Douglas-Peucker
simplification, clipping rings to a tile, and Google's encoded-polyline text the browser decodes
(geo.map.vector_basemap writes the tiles, geo.map.backgrounds draws them). Plain numpy, no I/O."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

EXTENT = 4096  # units across a data tile
MAX_LAT = 85.0511287798


def project(lonlat: np.ndarray, zoom: int) -> np.ndarray:
    """lon/lat degrees -> Web Mercator units at a band zoom (the world is EXTENT * 2**zoom across)."""
    world = EXTENT * 2.0 ** zoom
    lon = lonlat[:, 0]
    lat = np.radians(np.clip(lonlat[:, 1], -MAX_LAT - 0.01, MAX_LAT + 0.01))
    x = (lon + 180.0) / 360.0 * world
    y = (1.0 - np.log(np.tan(np.pi / 4 + lat / 2)) / np.pi) / 2.0 * world
    return np.column_stack([x, np.clip(y, 0.0, world)])


def dp_keep(points: np.ndarray, tolerance: float, anchors: Iterable[int] | np.ndarray | None = None) -> np.ndarray:
    """Douglas-Peucker over many polylines at once: which points to keep (a boolean mask).

    `anchors` are kept whatever happens: every line's first and last point when `points` holds
    several lines end to end (a chord never spans an anchor). All segments of one depth are
    split together, with numpy, so the cost is the points times the depth, not a loop per point.
    Distances are to the chord as a segment, so every point dropped lies within `tolerance` of
    the line kept. A closed ring (first point = last) splits first at its point farthest from
    the start.
    """
    n = len(points)
    keep = np.zeros(n, dtype=bool)
    if n == 0:
        return keep
    keep[[0, n - 1]] = True
    if anchors is not None:
        keep[np.asarray(list(anchors) if not isinstance(anchors, np.ndarray) else anchors, dtype=np.int64)] = True
    live = np.flatnonzero(~keep)
    while live.size:
        kept = np.flatnonzero(keep)
        seg = np.searchsorted(kept, live) - 1  # the kept point before each live one
        a, b = points[kept[seg]], points[kept[seg + 1]]
        d, rel = b - a, points[live] - a
        length2 = d[:, 0] ** 2 + d[:, 1] ** 2
        t = np.clip((rel[:, 0] * d[:, 0] + rel[:, 1] * d[:, 1]) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
        off = rel - t[:, None] * d  # to the nearest point of the chord (a segment, not the whole line)
        dist = np.hypot(off[:, 0], off[:, 1])
        new_group = np.concatenate(([True], seg[1:] != seg[:-1]))
        group = np.cumsum(new_group) - 1
        top = np.maximum.reduceat(dist, np.flatnonzero(new_group))
        at_top = np.flatnonzero(dist == top[group])
        first = at_top[np.concatenate(([True], group[at_top[1:]] != group[at_top[:-1]]))]  # one per segment
        split = first[dist[first] > tolerance]
        keep[live[split]] = True
        still = np.zeros(len(top), dtype=bool)
        still[group[split]] = True
        stay = still[group]
        stay[split] = False
        live = live[stay]
    return keep


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """One polyline or closed ring, Douglas-Peucker at `tolerance` (same units); ends kept."""
    return points[dp_keep(points, tolerance)]


def simplify_many(lines: list[np.ndarray], tolerance: float) -> list[np.ndarray]:
    """Douglas-Peucker on many polylines (or closed rings) in one pass; each keeps its ends."""
    if not lines:
        return []
    lengths = np.array([len(line) for line in lines])
    ends = np.cumsum(lengths)
    keep = dp_keep(np.concatenate(lines), tolerance, np.concatenate([ends - lengths, ends - 1]))
    kept = np.add.reduceat(keep.astype(np.int64), ends - lengths)
    points = np.concatenate(lines)[keep]
    return np.split(points, np.cumsum(kept)[:-1])


def ring_area(ring: np.ndarray) -> float:
    """Signed shoelace area of an open or closed ring."""
    if len(ring) < 3:
        return 0.0
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(y[:-1], x[1:]) + x[-1] * y[0] - y[-1] * x[0])


def _clip_half(ring: np.ndarray, axis: int, value: float, keep_above: bool) -> np.ndarray:
    """Sutherland-Hodgman against one axis-parallel half-plane; `ring` is open (no repeated end)."""
    side = ring[:, axis] - value if keep_above else value - ring[:, axis]
    inside = side >= 0
    if inside.all():
        return ring
    if not inside.any():
        return ring[:0]
    following = np.roll(ring, -1, axis=0)
    side_next = np.roll(side, -1)
    crosses = inside != np.roll(inside, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(crosses, side / (side - side_next), 0.0)
    cut = ring + t[:, None] * (following - ring)
    cut[:, axis] = value  # exactly on the line: later tests compare with it
    out = np.stack([ring, cut], axis=1)[np.column_stack([inside, crosses])]
    return out


def clip_ring(ring: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """An open ring clipped to (x0, y0, x1, y1): one ring, with edges along the box where it was cut."""
    x0, y0, x1, y1 = box
    low, high = ring.min(axis=0), ring.max(axis=0)
    if high[0] <= x0 or low[0] >= x1 or high[1] <= y0 or low[1] >= y1:
        return ring[:0]
    for axis, value, above, crossed in ((0, x0, True, low[0] < x0), (0, x1, False, high[0] > x1),
                                        (1, y0, True, low[1] < y0), (1, y1, False, high[1] > y1)):
        if crossed:
            ring = _clip_half(ring, axis, value, above)
            if len(ring) < 3:
                return ring[:0]
    return ring



def encode_many(arrays: list[np.ndarray]) -> list[str]:
    """Google's encoded-polyline form of each array of integer pairs: the first pair as is, then
    deltas; each number zigzagged and cut in 5-bit chunks, 63 added, 0x20 marking a chunk that
    continues. All arrays in one numpy pass."""
    if not arrays:
        return []
    counts = np.array([len(a) for a in arrays], dtype=np.int64)
    v = np.concatenate([np.asarray(a, dtype=np.int64).reshape(-1, 2) for a in arrays])
    d = v.copy()
    d[1:] -= v[:-1]
    starts = np.cumsum(counts) - counts
    d[starts] = v[starts]
    d = d.ravel()
    z = np.where(d < 0, ~(d << 1), d << 1).astype(np.uint64)
    chunks = np.ones(len(z), dtype=np.int64)
    for k in range(1, 13):
        chunks += z >= np.uint64(1 << (5 * k))
    out = np.empty(int(chunks.sum()), dtype=np.uint8)
    at = np.cumsum(chunks) - chunks
    for k in range(int(chunks.max(initial=1))):
        m = chunks > k
        part = (z[m] >> np.uint64(5 * k)) & np.uint64(31)
        more = (chunks[m] > k + 1).astype(np.uint64) * np.uint64(32)
        out[at[m] + k] = (part | more) + np.uint64(63)
    text = out.tobytes().decode("ascii")
    cum = np.concatenate(([0], np.cumsum(chunks)))
    bounds = cum[2 * np.concatenate((starts, [len(v)]))]
    return [text[bounds[i]:bounds[i + 1]] for i in range(len(arrays))]


def encode(values: np.ndarray) -> str:
    return encode_many([values])[0]


def decode(text: str) -> np.ndarray:
    """encode's inverse (tests and tools): (n, 2) integers."""
    numbers, value, shift = [], 0, 0
    for ch in text.encode("ascii"):
        b = ch - 63
        value |= (b & 31) << shift
        shift += 5
        if b < 32:
            numbers.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    return np.cumsum(np.array(numbers, dtype=np.int64).reshape(-1, 2), axis=0)


def quantize_many(items: list[tuple[int, int, np.ndarray]], ring: bool) -> list[np.ndarray | None]:
    """(tile x, tile y, points in band units) -> integer points relative to the tile, repeats
    dropped; None for what is left too small (a ring of under three points, or no area)."""
    if not items:
        return []
    counts = np.array([len(p) for _x, _y, p in items], dtype=np.int64)
    rid = np.repeat(np.arange(len(items)), counts)
    origin = np.array([(x * EXTENT, y * EXTENT) for x, y, _p in items], dtype=np.float64)
    q = np.rint(np.concatenate([p for _x, _y, p in items]) - origin[rid]).astype(np.int64)
    fresh = np.ones(len(q), dtype=bool)
    fresh[1:] = (q[1:] != q[:-1]).any(axis=1) | (rid[1:] != rid[:-1])
    q, rid = q[fresh], rid[fresh]
    counts = np.bincount(rid, minlength=len(items))
    ends = np.cumsum(counts)
    starts = ends - counts
    if ring:  # open rings: a last point back on the first goes
        has = counts > 1
        closing = np.zeros(len(q), dtype=bool)
        closing[ends[has] - 1] = (q[ends[has] - 1] == q[starts[has]]).all(axis=1)
        q, rid = q[~closing], rid[~closing]
        counts = np.bincount(rid, minlength=len(items))
        ends = np.cumsum(counts)
        starts = ends - counts
        nxt = np.arange(1, len(q) + 1)
        nxt[ends[counts > 0] - 1] = starts[counts > 0]
        cross = q[:, 0] * q[nxt, 1] - q[nxt, 0] * q[:, 1]
        area = np.bincount(rid, weights=cross.astype(np.float64), minlength=len(items))
        ok = (counts >= 3) & (area != 0)
    else:
        ok = counts >= 2
    parts = np.split(q, ends[:-1])
    return [part if good else None for part, good in zip(parts, ok)]
