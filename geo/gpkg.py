"""Read polygon features from a GeoPackage (SQLite + WKB) without GDAL.

Only what the map's boundary layer needs: Polygon and MultiPolygon geometries in WGS 84, as
GeoJSON coordinate lists. The file is Natural Earth's world map that Debian's `qgis-common` ships.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

# Where Debian's qgis-common puts Natural Earth admin-0/admin-1 polygons (1:50m-ish, public domain).
DEBIAN_WORLD_MAP = Path("/usr/share/qgis/resources/data/world_map.gpkg")
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _wkb(data: bytes, offset: int = 0):
    """(geometry type, coordinates, next offset) for one WKB geometry at `offset`."""
    order = "<" if data[offset] == 1 else ">"
    kind = struct.unpack_from(order + "I", data, offset + 1)[0] % 1000  # drop Z/M flags
    offset += 5
    if kind == 3:  # Polygon
        rings, offset = _rings(data, offset, order)
        return "Polygon", rings, offset
    if kind == 6:  # MultiPolygon
        (count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        polygons = []
        for _ in range(count):
            _kind, rings, offset = _wkb(data, offset)
            polygons.append(rings)
        return "MultiPolygon", polygons, offset
    raise ValueError(f"unsupported WKB geometry type {kind}")


def _rings(data: bytes, offset: int, order: str):
    (count,) = struct.unpack_from(order + "I", data, offset)
    offset += 4
    rings = []
    for _ in range(count):
        (points,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        flat = struct.unpack_from(order + "d" * (2 * points), data, offset)
        offset += 16 * points
        rings.append([[flat[i], flat[i + 1]] for i in range(0, len(flat), 2)])
    return rings, offset


def geometry(blob: bytes) -> dict:
    """A GeoPackage geometry blob ("GP" header + WKB) as a GeoJSON geometry."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    envelope = _ENVELOPE_BYTES[(blob[3] >> 1) & 0b111]
    kind, coordinates, _end = _wkb(blob, 8 + envelope)
    return {"type": kind, "coordinates": coordinates}


def features(path: Path, table: str, columns: tuple[str, ...]) -> list[dict]:
    """Every row of `table` as a GeoJSON Feature with `columns` as properties."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        geom = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
        cols = ", ".join(f'"{c}"' for c in columns)
        rows = db.execute(f'SELECT fid, "{geom}", {cols} FROM "{table}"').fetchall()
    return [{"type": "Feature", "id": fid, "properties": dict(zip(columns, values)), "geometry": geometry(blob)}
            for fid, blob, *values in rows if blob]
