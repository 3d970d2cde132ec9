"""Light vector layers over the offline background, written under ``static/layers/`` at setup.

The background (geo.map.vector_basemap by default) carries no label, so the map draws what the
project already holds on top of it, in English, loaded for the view only:

- place labels from the gazetteer index (whatever it holds, imports included), in cells of a few
  degrees per tier: countries from zoom 3, seas and big cities from zoom 4, regions from zoom 5,
  towns, lakes and reservoirs from zoom 7, villages from zoom 9. Only Latin-script names: a name
  in another script is left out or romanised (Cyrillic), so no local-script label shows;
- admin-1 and country boundaries from Natural Earth (the GeoPackage Debian's `qgis-common`
  ships), as lines: edges two provinces of one country share are drawn once, thin; edges only one
  province of a country has are that country's border, thicker;
- rivers' courses (and lake outlines) from the gazetteer's geometries.

A stamp of the sources beside each layer rewrites it only when they change (a gazetteer rebuild or
import, a new GeoPackage). The browser side is `geo.map.elements.VectorLayers`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import re
import shutil
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from geo.text import gpkg
from geo.gazetteer.translit import romanise
from geo.map.water_names import english_water, one_label_per_water

MANIFEST = "manifest.json"
FORMAT = 7  # bump when what a layer file holds changes: every layer is rewritten
NATURAL_EARTH = "Boundaries: Natural Earth"


@dataclass(frozen=True)
class Tier:
    name: str
    min_zoom: int
    max_zoom: int
    cell: float  # degrees per cell file: a view at min_zoom touches a handful
    where: str  # which gazetteer places, as SQL over `places`
    waters: bool = False  # names of seas and lakes: their generic word put into English
    one_name_km: float = 0.0  # one label for a name held again this near (a bay under two points)


# In order of precedence: where two labels would overlap, the tier listed first keeps its place.
TIERS = (
    Tier("countries", 3, 6, 30.0, "feature = 'country' AND id LIKE 'cc:%'"),
    Tier("cities", 4, 6, 10.0, "feature = 'city' AND population >= 150000"),
    Tier("regions", 5, 8, 10.0, "feature = 'region'"),
    Tier("towns", 7, 18, 4.0, "feature = 'city' AND population >= 10000"),
    Tier("seas", 4, 10, 10.0, "feature IN ('sea', 'gulf', 'strait')", waters=True, one_name_km=150.0),
    Tier("lakes", 7, 18, 4.0, "feature IN ('lake', 'reservoir')", waters=True),
    Tier("villages", 9, 18, 2.0, "feature = 'city' AND (population < 10000 OR population IS NULL)"),
)


def tier(name: str) -> Tier:
    return next(t for t in TIERS if t.name == name)
BOUNDS_CELL, BOUNDS_MIN_ZOOM = 5.0, 4
# Natural Earth files Crimea and Sevastopol under Russia but keeps Ukraine's FIPS 10-4 codes
# ("UP..") on them; the gazetteer (GeoNames) files them under Ukraine, and the map follows the
# gazetteer so a region's outline and its places agree.
COUNTRY_OF_FIPS = {"UP": "UKR"}


def country_of(props: dict) -> str | None:
    return COUNTRY_OF_FIPS.get((props.get("fips") or "")[:2], props.get("adm0_a3"))


def cell_key(lat: float, lon: float, size: float) -> str:
    return f"{math.floor(lon / size)}_{math.floor(lat / size)}"


def world_map_path() -> Path | None:
    """GEO_WORLD_MAP, Debian's qgis-common copy, or the one scripts/setup.sh extracted into the venv."""
    for candidate in (os.environ.get("GEO_WORLD_MAP"), gpkg.DEBIAN_WORLD_MAP,
                      Path(sys.prefix) / "share" / "geo-events-map" / "world_map.gpkg"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _stamp(paths: list[Path | None]) -> str:
    return f"v{FORMAT}|" + "|".join(f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}" for p in paths if p and p.exists())


def _fresh(folder: Path, stamp: str) -> bool:
    return (folder / ".source").exists() and (folder / ".source").read_text() == stamp


def swap_in(folder: Path, files: dict[str, object], stamp: str, listed: bool = False) -> int:
    """Write `files` (relative path -> JSON value) into a new folder and swap it in, so a reader
    never sees half; `stamp` says what it was written from. `listed`: also a cells.json naming
    the files, as the browser asks only for the cells listed there (an empty cell has no file)."""
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, value in ({**files, "cells.json": sorted(n.removesuffix(".json") for n in files)}
                        if listed else files).items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (tmp / ".source").write_text(stamp)
    old = folder.with_name(f".{folder.name}.{os.getpid()}.old")
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return len(files)


# --- labels -------------------------------------------------------------------------------------

def _latin(text: str) -> bool:
    """Every letter Latin (accents and modifier letters such as the Hawaiian okina allowed)."""
    return all(unicodedata.name(c, "").startswith("LATIN") or unicodedata.category(c) == "Lm"
               for c in text if c.isalpha())


def label_name(name: str) -> str | None:
    """The name as a label in Latin script: as it is; its Latin part ('Ryasno, Рясно, Расна');
    Cyrillic romanised ('Николаевка-2' -> 'Nikolaevka-2'); None when neither can be had."""
    if _latin(name):
        return name
    parts = [p.strip() for p in re.split(r",|\s[-–]\s", name) if p.strip()]
    latin = [p for p in parts if _latin(p) and any(c.isalpha() for c in p)]
    if latin:
        return latin[0]
    words = name.split()
    if any(_latin(w) and any(c.isalpha() for c in w) for w in words):  # 'Sidi Senoussi سيدي سنوسي'
        kept = " ".join(w for w in words if _latin(w))
        if kept.strip(" -,"):
            return kept.strip(" -,")
    if all(_latin(c) or "\u0400" <= c <= "\u04ff" for c in name if c.isalpha()):
        forms = romanise(parts[0] if parts else name)
        if forms and _latin(forms[-1]):
            return forms[-1]
    return None


def _gazetteer_rows(indexes: list[Path], where: str, waters: bool = False) -> list[tuple]:
    """(lat, lon, name, population) per place id; later indexes (the user's imports) override."""
    rows: dict[str, tuple] = {}
    for path in indexes:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            for pid, name, lat, lon, pop in db.execute(
                    f"SELECT id, name, lat, lon, population FROM places WHERE lat IS NOT NULL AND {where}"):
                label = label_name(name)
                if label is None:
                    rows.pop(pid, None)
                    continue
                rows[pid] = (round(lat, 4), round(lon, 4), english_water(label) if waters else label, pop or 0)
    return list(rows.values())


def label_cells(indexes: list[Path], tier: Tier) -> dict[str, list]:
    """Cell key -> [[lat, lon, name, population]...], most populous first (drawn first, kept on overlap)."""
    cells: dict[str, list] = defaultdict(list)
    found = _gazetteer_rows(indexes, tier.where, tier.waters)
    for row in one_label_per_water(found, tier.one_name_km) if tier.one_name_km else found:
        cells[cell_key(row[0], row[1], tier.cell)].append(list(row))
    for rows in cells.values():
        rows.sort(key=lambda r: -r[3])
    return cells


def write_labels(folder: Path, indexes: list[Path]) -> int:
    """Label cells for every tier; files written now (0 when up to date or no gazetteer)."""
    return _write_if_stale(folder, indexes, lambda found: {
        f"{tier.name}-{key}.json": rows for tier in TIERS for key, rows in label_cells(found, tier).items()},
        extra=repr(TIERS), listed=True)


def _write_if_stale(folder: Path, indexes: list[Path], make_files, extra: str = "", listed: bool = False) -> int:
    """Write ``make_files(indexes)`` into folder unless it was written from these very indexes
    (and the same `extra`: what else decides the files, such as the tiers)."""
    indexes = [p for p in indexes if p and p.exists()]
    if not indexes:
        return 0
    stamp = _stamp(indexes) + (f"|{extra}" if extra else "")
    if _fresh(folder, stamp):
        return 0
    return swap_in(folder, make_files(indexes), stamp, listed)


# --- boundaries -----------------------------------------------------------------------------------

def _segments(geometry: dict, ndigits: int = 3):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        for ring in polygon:
            points = [(round(x, ndigits), round(y, ndigits)) for x, y in ring]
            for a, b in zip(points, points[1:]):
                if a != b:
                    yield (a, b) if a < b else (b, a)


def _chains(segments: set, max_points: int = 120) -> list[list]:
    """Join undirected segments into polylines of at most `max_points` (short ones stay local to a cell)."""
    links: dict[tuple, list] = defaultdict(list)
    for a, b in segments:
        links[a].append(b)
        links[b].append(a)
    used: set = set()
    lines = []
    # Start at ends and junctions first, then whatever is left (closed rings).
    starts = sorted(links, key=lambda p: len(links[p]) == 2)
    for start in starts:
        for nxt in links[start]:
            if (start, nxt) in used:
                continue
            line, here = [start], start
            while True:
                step = next((n for n in links[here] if (here, n) not in used), None)
                if step is None or (len(line) > 1 and len(links[here]) != 2):
                    break
                used.update({(here, step), (step, here)})
                line.append(step)
                here = step
            for i in range(0, len(line) - 1, max_points - 1):
                lines.append(line[i:i + max_points])
    return lines


def _edges(features: list[dict]) -> tuple[set, set, set]:
    """(edges between provinces of one country, borders between countries, coasts) as segment sets.

    Natural Earth's provinces share vertices along common edges, so an edge two provinces of one
    country both have is internal; one two countries have is a border; one only a single province
    in the world has is a coast (or the edge of the data).
    """
    by_country: dict[str, Counter] = defaultdict(Counter)
    for f in features:
        props = f["properties"]
        country = country_of(props)
        by_country[country].update(set(_segments(f["geometry"])))
    every = Counter()
    for counts in by_country.values():
        every.update(counts.keys())
    outer = {s for counts in by_country.values() for s, n in counts.items() if n == 1}
    coast = {s for s in outer if every[s] == 1}
    return set(every) - outer, outer - coast, coast


def boundary_lines(features: list[dict]) -> list[tuple[int, list]]:
    """(kind, [(lon, lat)...]) polylines: kind 0 = between provinces, 1 = between countries, 2 = coast."""
    return [(kind, line) for kind, segments in enumerate(_edges(features)) for line in _chains(segments)]


def simplify(line: list, tolerance: float) -> list:
    """Douglas-Peucker: drop points closer than `tolerance` (degrees) to the line kept; ends stay."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = line[first], line[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        far, index = 0.0, 0
        for i in range(first + 1, last):
            x, y = line[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(line, keep) if k]


def boundary_cells(features: list[dict], tolerance: float = 0.002) -> dict[str, list]:
    """Cell key -> [kind, [lon, lat, lon, lat...]] lines. Each segment belongs to the cell of its
    midpoint, so a cell's file draws its own piece once, with no gap or overlap at cell edges."""
    cells: dict[str, dict[int, set]] = defaultdict(lambda: {0: set(), 1: set(), 2: set()})
    for kind, segments in enumerate(_edges(features)):
        for a, b in segments:
            cells[cell_key((a[1] + b[1]) / 2, (a[0] + b[0]) / 2, BOUNDS_CELL)][kind].add((a, b))
    return {key: [[kind, [c for point in simplify(line, tolerance) for c in point]]
                  for kind, segments in kinds.items() for line in _chains(segments)]
            for key, kinds in cells.items()}


def write_bounds(folder: Path, world_map: Path | None) -> int:
    if world_map is None:
        return 0
    stamp = _stamp([world_map])
    if _fresh(folder, stamp):
        return 0
    features = gpkg.features(world_map, "states_provinces", ("name", "adm0_a3", "fips"))
    return swap_in(folder, {f"{key}.json": rows for key, rows in boundary_cells(features).items()}, stamp,
                   listed=True)


# --- rivers -----------------------------------------------------------------------------------

def river_lines(indexes: list[Path]) -> list[dict]:
    """Rivers' courses and lake/reservoir outlines the gazetteer holds: [{name, lines: [[[lat, lon]...]]}]."""
    found: dict[str, dict] = {}
    for path in indexes:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            for pid, name, feature, geometry in db.execute(
                    "SELECT id, name, feature, geometry FROM places WHERE geometry IS NOT NULL "
                    "AND feature IN ('river', 'lake', 'reservoir')"):
                g = json.loads(geometry)
                parts = {"LineString": [g["coordinates"]], "MultiLineString": g["coordinates"],
                         "Polygon": g["coordinates"][:1],
                         "MultiPolygon": [p[0] for p in g["coordinates"]]}.get(g.get("type"), [])
                lines = [[[round(y, 4), round(x, 4)] for x, y, *_ in part] for part in parts if len(part) > 1]
                if lines:
                    found[pid] = {"name": name, "feature": feature, "lines": lines}
    return list(found.values())


def write_rivers(folder: Path, indexes: list[Path]) -> int:
    return _write_if_stale(folder, indexes, lambda found: {"rivers.json": river_lines(found)})


# --- all of it ----------------------------------------------------------------------------------

def write_layers(layers_dir: Path, indexes: list[Path], world_map: Path | None) -> dict[str, int]:
    """Write every layer that has a source, then the manifest the map reads; files written per layer.

    Under a lock: several app processes (or tests) may start at once over one static folder.
    """
    with locked(layers_dir):
        return _write_layers(layers_dir, indexes, world_map)


@contextlib.contextmanager
def locked(layers_dir: Path):
    """Hold the static folder's write lock (several app processes or tests may start at once)."""
    layers_dir.mkdir(parents=True, exist_ok=True)
    with open(layers_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _write_layers(layers_dir: Path, indexes: list[Path], world_map: Path | None) -> dict[str, int]:
    written = {"labels": write_labels(layers_dir / "labels", indexes),
               "bounds": write_bounds(layers_dir / "bounds", world_map),
               "rivers": write_rivers(layers_dir / "rivers", indexes)}
    manifest = {
        "tiers": [asdict(t) | {"where": None} for t in TIERS] if (layers_dir / "labels" / ".source").exists() else [],
        "bounds": ({"cell": BOUNDS_CELL, "min_zoom": BOUNDS_MIN_ZOOM, "attribution": NATURAL_EARTH}
                   if (layers_dir / "bounds" / ".source").exists() else None),
        "rivers": (layers_dir / "rivers" / "rivers.json").exists(),
    }
    path = layers_dir / MANIFEST
    text = json.dumps(manifest, separators=(",", ":"))
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return written


def read_manifest(layers_dir: Path) -> dict | None:
    try:
        return json.loads((layers_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
