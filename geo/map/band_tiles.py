"""One band of the vector basemap's data tiles: GSHHG/WDBII shores, rivers and borders cut into
the band's tiles (a quadtree marks the tiles a polygon covers whole), then encoded as the JSON
tile files geo.map.vector_basemap writes. Which bands there are, and the file format: see there."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from geo.map import gshhg
from geo.map.river_courses import course_lengths_km
from geo.map.tile_shapes import EXTENT, clip_ring, encode_many, project, quantize_many, ring_area, simplify_many

BUFFER = 64  # units around a tile a shape is kept in, so strokes meet across tile edges
WIDE_RIVER_KM, MAJOR_RIVER_KM = 300.0, 1000.0


@dataclass(frozen=True)
class Band:
    zoom: int  # data tiles at this zoom
    min_zoom: int  # first display zoom drawn from them (the band runs to the next band's min_zoom)
    sharp_zoom: int  # display zoom the simplification keeps half a pixel at
    shores: str  # GSHHG resolution
    lines: str  # WDBII resolution of rivers and borders
    river_km: float  # rivers shorter than this (whole course) are left out
    detail: bool = False  # only the detail region

    def tolerance(self) -> float:
        """Half a pixel at sharp_zoom, in this band's units."""
        return 0.5 * (EXTENT / 256) / 2 ** (self.sharp_zoom - self.zoom)

    def min_size(self) -> float:
        """Shapes smaller than a pixel at sharp_zoom are left out (none in the finest band)."""
        return 0.0 if self.detail else 2 * self.tolerance()


# --- polygons into tiles ----------------------------------------------------------------------

@dataclass
class BandTiles:
    """What one band holds per data tile, before it is encoded."""
    band: Band
    pieces: dict = field(default_factory=lambda: defaultdict(list))  # (x, y) -> [(level, ring)]
    full: dict = field(default_factory=dict)  # (z, x, y) quadtree node -> highest level covering it
    rivers: dict = field(default_factory=lambda: defaultdict(list))  # (x, y) -> [(class, line)]
    borders: dict = field(default_factory=lambda: defaultdict(list))  # (x, y) -> [line]
    covered: tuple[int, int, int, int] | None = None  # tile range (x0, y0, x1, y1) of a detail band

    def fill(self, x: int, y: int) -> int:
        """The level covering the whole tile (0: sea), from the quadtree nodes marked full."""
        zoom, best = self.band.zoom, 0
        for z in range(zoom + 1):
            best = max(best, self.full.get((z, x >> (zoom - z), y >> (zoom - z)), 0))
        return best

    def in_cover(self, x: int, y: int) -> bool:
        if self.covered is None:
            return True
        x0, y0, x1, y1 = self.covered
        return x0 <= x <= x1 and y0 <= y <= y1


def _node_box(z: int, x: int, y: int, zoom: int) -> tuple[float, float, float, float]:
    size = EXTENT * 2 ** (zoom - z)
    return (x * size - BUFFER, y * size - BUFFER, (x + 1) * size + BUFFER, (y + 1) * size + BUFFER)


def _level_of(level: int) -> int:
    return 1 if level == 5 else level  # Antarctica is land


def add_ring(tiles: BandTiles, ring: np.ndarray, level: int) -> None:
    """Cut a projected open ring into the band's tiles (quadtree from the smallest node holding it);
    a node the ring covers whole is marked full and not descended into."""
    zoom = tiles.band.zoom
    tiles_across = 2 ** zoom
    lo = np.floor((ring.min(axis=0) - BUFFER) / EXTENT).astype(int).clip(0, tiles_across - 1)
    hi = np.floor((ring.max(axis=0) + BUFFER) / EXTENT).astype(int).clip(0, tiles_across - 1)
    if tiles.covered is not None:
        x0, y0, x1, y1 = tiles.covered
        lo, hi = np.maximum(lo, [x0, y0]), np.minimum(hi, [x1, y1])
        if (lo > hi).any():
            return
    if (lo == hi).all():  # one tile: kept whole, no cut
        if tiles.in_cover(int(lo[0]), int(lo[1])):
            tiles.pieces[(int(lo[0]), int(lo[1]))].append((level, ring))
        return
    z = zoom  # the smallest node holding both corners
    x_lo, y_lo, x_hi, y_hi = int(lo[0]), int(lo[1]), int(hi[0]), int(hi[1])
    while (x_lo, y_lo) != (x_hi, y_hi):
        x_lo, y_lo, x_hi, y_hi, z = x_lo >> 1, y_lo >> 1, x_hi >> 1, y_hi >> 1, z - 1
    _descend(tiles, ring, level, z, x_lo, y_lo)


def _descend(tiles: BandTiles, ring: np.ndarray, level: int, z: int, x: int, y: int) -> None:
    zoom = tiles.band.zoom
    box = _node_box(z, x, y, zoom)
    part = clip_ring(ring, box)
    if len(part) < 3:
        return
    area = abs(ring_area(part))
    if area <= 0:
        return
    if area >= (box[2] - box[0]) * (box[3] - box[1]) * (1 - 1e-9):
        if z == zoom or tiles.covered is None or _node_inside(tiles, z, x, y):
            tiles.full[(z, x, y)] = max(tiles.full.get((z, x, y), 0), level)
            return
    if z == zoom:
        if tiles.in_cover(x, y):
            tiles.pieces[(x, y)].append((level, part))
        return
    low, high = part.min(axis=0), part.max(axis=0)
    for dy in (0, 1):
        for dx in (0, 1):
            cx, cy = 2 * x + dx, 2 * y + dy
            child = _node_box(z + 1, cx, cy, zoom)
            if high[0] <= child[0] or low[0] >= child[2] or high[1] <= child[1] or low[1] >= child[3]:
                continue
            if tiles.covered is not None and not _node_meets_cover(tiles, z + 1, cx, cy):
                continue
            _descend(tiles, part, level, z + 1, cx, cy)


def _node_range(tiles: BandTiles, z: int, x: int, y: int) -> tuple[int, int, int, int]:
    shift = tiles.band.zoom - z
    return x << shift, y << shift, ((x + 1) << shift) - 1, ((y + 1) << shift) - 1


def _node_inside(tiles: BandTiles, z: int, x: int, y: int) -> bool:
    a = _node_range(tiles, z, x, y)
    c = tiles.covered
    return c[0] <= a[0] and c[1] <= a[1] and a[2] <= c[2] and a[3] <= c[3]


def _node_meets_cover(tiles: BandTiles, z: int, x: int, y: int) -> bool:
    a = _node_range(tiles, z, x, y)
    c = tiles.covered
    return a[0] <= c[2] and c[0] <= a[2] and a[1] <= c[3] and c[1] <= a[3]


def _extents(points: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per shape of a batch laid end to end: (min x, min y) and (max x, max y)."""
    return np.minimum.reduceat(points, starts, axis=0), np.maximum.reduceat(points, starts, axis=0)


def add_shores(tiles: BandTiles, batch: gshhg.Batch, bbox: tuple | None = None) -> int:
    """Project, simplify and cut every shoreline ring into tiles; returns the points kept."""
    band = tiles.band
    if not len(batch):
        return 0
    points = project(batch.points, band.zoom)
    low, high = _extents(points, batch.starts)
    big = (high - low).max(axis=1) >= band.min_size()
    clip_box = None
    if bbox is not None:  # cut huge rings (Eurasia) to the region first, with a margin of a tile
        w, s, e, n = bbox
        corner = project(np.array([[w, n], [e, s]]), band.zoom)
        clip_box = (corner[0, 0] - EXTENT, corner[0, 1] - EXTENT, corner[1, 0] + EXTENT, corner[1, 1] + EXTENT)
        outside = (low[:, 0] < clip_box[0]) | (low[:, 1] < clip_box[1]) | (high[:, 0] > clip_box[2]) \
            | (high[:, 1] > clip_box[3])
    rings, levels = [], []
    for i in np.flatnonzero(big):
        ring = points[batch.starts[i]:batch.starts[i] + batch.counts[i]]
        if clip_box is not None and outside[i]:
            ring = clip_ring(ring[:-1] if (ring[0] == ring[-1]).all() else ring, clip_box)
            if len(ring) < 3:
                continue
            ring = np.vstack([ring, ring[:1]])
        rings.append(ring)
        levels.append(_level_of(int(batch.levels[i])))
    if not rings:
        return 0
    rings = simplify_many(rings, band.tolerance())
    counts = np.array([len(r) for r in rings])
    closed = np.array([len(r) > 1 and bool((r[0] == r[-1]).all()) for r in rings])
    starts = np.cumsum(counts) - counts
    low, high = _extents(np.concatenate(rings), starts)
    across = 2 ** band.zoom
    low = np.floor((low - BUFFER) / EXTENT).astype(np.int64)
    high = np.floor((high + BUFFER) / EXTENT).astype(np.int64)
    single = (low == high).all(axis=1) & (low >= 0).all(axis=1) & (low < across).all(axis=1)
    kept_points = 0
    for i, ring in enumerate(rings):
        if closed[i]:
            ring = ring[:-1]
        if len(ring) < 3:
            continue
        kept_points += len(ring)
        if single[i]:  # inside one tile: kept whole, no cut
            key = (int(low[i, 0]), int(low[i, 1]))
            if tiles.in_cover(*key):
                tiles.pieces[key].append((levels[i], ring))
        else:
            add_ring(tiles, ring, levels[i])
    return kept_points


# --- lines into tiles -------------------------------------------------------------------------

def add_lines(tiles: BandTiles, lines: list[np.ndarray], attrs: list, target: dict) -> int:
    """Cut projected polylines into tiles: each tile gets the runs of segments whose box meets it
    (buffer included), uncut (the canvas clips). `target[(x, y)]` gets (attr, points) pairs."""
    lines = [(line, attr) for line, attr in zip(lines, attrs) if len(line) >= 2]
    if not lines:
        return 0
    zoom = tiles.band.zoom
    across = 2 ** zoom
    pts = np.concatenate([line for line, _ in lines])
    which = np.repeat(np.arange(len(lines)), [len(line) for line, _ in lines])
    seg = np.flatnonzero(which[:-1] == which[1:])  # segment i joins point i and i + 1
    a, b = pts[seg], pts[seg + 1]
    lo = np.floor((np.minimum(a, b) - BUFFER) / EXTENT).astype(np.int64).clip(0, across - 1)
    hi = np.floor((np.maximum(a, b) + BUFFER) / EXTENT).astype(np.int64).clip(0, across - 1)
    nx, ny = hi[:, 0] - lo[:, 0] + 1, hi[:, 1] - lo[:, 1] + 1
    count = nx * ny
    rep = np.repeat(np.arange(len(seg)), count)
    k = np.arange(len(rep)) - np.repeat(np.cumsum(count) - count, count)
    tx = lo[rep, 0] + k % nx[rep]
    ty = lo[rep, 1] + k // nx[rep]
    if tiles.covered is not None:
        x0, y0, x1, y1 = tiles.covered
        ok = (tx >= x0) & (tx <= x1) & (ty >= y0) & (ty <= y1)
        rep, tx, ty = rep[ok], tx[ok], ty[ok]
    order = np.lexsort((seg[rep], ty, tx))
    rep, tx, ty = rep[order], tx[order], ty[order]
    s = seg[rep]
    # A run continues while the tile is the same and the next segment follows on the same line.
    starts = np.flatnonzero(np.r_[True, (tx[1:] != tx[:-1]) | (ty[1:] != ty[:-1]) | (s[1:] != s[:-1] + 1)
                                  | (which[s[1:]] != which[s[:-1]])])
    ends = np.r_[starts[1:], len(s)]
    for i, j in zip(starts, ends):
        first, last = s[i], s[j - 1] + 1
        target[(int(tx[i]), int(ty[i]))].append((lines[which[first]][1], pts[first:last + 1]))
    return len(pts)


def river_class(km: float) -> int:
    return 3 if km >= MAJOR_RIVER_KM else 2 if km >= WIDE_RIVER_KM else 1


def _projected_lines(batch: gshhg.Batch, chosen: np.ndarray, band: Band) -> list[np.ndarray]:
    points = project(batch.points, band.zoom)
    return simplify_many([points[batch.starts[i]:batch.starts[i] + batch.counts[i]] for i in chosen
                          if batch.counts[i] >= 2], band.tolerance())


def add_rivers(tiles: BandTiles, batch: gshhg.Batch, bridges: list[tuple[int, np.ndarray]] = ()) -> int:
    if not len(batch):
        return 0
    courses = course_lengths_km(batch)
    chosen = np.flatnonzero((courses >= tiles.band.river_km) & (batch.counts >= 2))
    lines = _projected_lines(batch, chosen, tiles.band)
    classes = [river_class(courses[i]) for i in chosen]
    shown = set(chosen.tolist())
    for i, pair in bridges:
        if i in shown:
            lines.append(project(pair, tiles.band.zoom))
            classes.append(river_class(courses[i]))
    return add_lines(tiles, lines, classes, tiles.rivers)


def add_borders(tiles: BandTiles, batch: gshhg.Batch) -> int:
    if not len(batch):
        return 0
    lines = _projected_lines(batch, np.flatnonzero(batch.counts >= 2), tiles.band)
    return add_lines(tiles, lines, [None] * len(lines), tiles.borders)


# --- encoding ---------------------------------------------------------------------------------

def encode_band(tiles: BandTiles) -> dict[tuple[int, int], dict]:
    """Every tile's shapes, encoded: (x, y) -> {"p": ..., "r": ..., "b": ...} (no fill, no children)."""
    out: dict[tuple[int, int], dict] = defaultdict(dict)
    fills = {key: tiles.fill(*key) for key in tiles.pieces}
    rings = [(key, level, ring) for key, found in tiles.pieces.items()
             for level, ring in sorted(found, key=lambda p: p[0]) if level > fills[key]]
    for (key, level, _r), q in zip(rings, quantize_many([(k[0], k[1], r) for k, _l, r in rings], True)):
        if q is not None:
            out[key].setdefault("p", []).append([level, q])
    rivers = [(key, c, line) for key, found in tiles.rivers.items() for c, line in sorted(found, key=lambda r: r[0])]
    for (key, c, _l), q in zip(rivers, quantize_many([(k[0], k[1], line) for k, _c, line in rivers], False)):
        if q is not None:
            out[key].setdefault("r", []).append([c, q])
    borders = [(key, line) for key, found in tiles.borders.items() for _none, line in found]
    for (key, _l), q in zip(borders, quantize_many([(k[0], k[1], line) for k, line in borders], False)):
        if q is not None:
            out[key].setdefault("b", []).append(q)
    flat = [item for content in out.values() for name in ("p", "r") for item in content.get(name, [])]
    for item, text in zip(flat, encode_many([item[1] for item in flat])):
        item[1] = text
    for content in out.values():
        if "b" in content:
            content["b"] = encode_many(content["b"])
    return dict(out)
