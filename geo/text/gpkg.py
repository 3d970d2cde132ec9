"""Read features from a GeoPackage (SQLite + WKB) without GDAL.

Every simple-feature geometry (points, lines, polygons, their multi- forms and collections; Z
and M dropped) as GeoJSON: for the map's boundary layer (Natural Earth's world map that
Debian's `qgis-common` ships) and for layers users upload (geo.text.overlays).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

# Where Debian's qgis-common puts Natural Earth admin-0/admin-1 polygons (1:50m-ish, public domain).
DEBIAN_WORLD_MAP = Path("/usr/share/qgis/resources/data/world_map.gpkg")
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


_TYPES = {1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
          6: "MultiPolygon", 7: "GeometryCollection"}
_MAX_DEPTH = 8  # collections of collections: a file nesting deeper is not a map


def _wkb(data: bytes, offset: int = 0, depth: int = 0):
    """(geometry type, coordinates -- or geometries, for a collection --, next offset) for one
    WKB geometry at ``offset``. Every count is checked against the bytes left, so a hostile
    blob claiming four billion points fails at once instead of allocating them."""
    if depth > _MAX_DEPTH:
        raise ValueError("geometries nested too deep")
    order = "<" if data[offset] == 1 else ">"
    code = struct.unpack_from(order + "I", data, offset + 1)[0]
    if code & 0xE0000000:  # EWKB's Z and M flags (its SRID flag is not WKB at all)
        if code & 0x20000000:
            raise ValueError("EWKB with an SRID is not a GeoPackage geometry")
        kind, dims = code & 0xFFFF, 2 + bool(code & 0x80000000) + bool(code & 0x40000000)
    else:  # ISO: 1001 is a Point Z, 2001 a Point M, 3001 a Point ZM
        kind, dims = code % 1000, (2, 3, 3, 4)[min(code // 1000, 3)]
    offset += 5
    if kind not in _TYPES:
        raise ValueError(f"unsupported WKB geometry type {kind}")
    name = _TYPES[kind]
    if kind == 1:
        point, offset = _points(data, offset, order, dims, 1)
        return name, point[0], offset
    if kind == 2:
        return (name, *_points(data, offset + 4, order, dims, _count(data, offset, order, 8 * dims)))
    if kind == 3:
        return (name, *_rings(data, offset, order, dims))
    count = _count(data, offset, order, 9)  # each part is at least a header
    offset += 4
    parts = []
    for _ in range(count):
        part_kind, coordinates, offset = _wkb(data, offset, depth + 1)
        parts.append({"type": part_kind, "coordinates": coordinates} if kind == 7 else coordinates)
    return name, parts, offset


def _count(data: bytes, offset: int, order: str, item_bytes: int) -> int:
    (count,) = struct.unpack_from(order + "I", data, offset)
    if count * item_bytes > len(data) - offset - 4:
        raise ValueError("a count larger than the geometry's bytes")
    return count


def _points(data: bytes, offset: int, order: str, dims: int, count: int):
    """``count`` points starting at ``offset`` as [x, y] lists, and the offset after them."""
    flat = struct.unpack_from(f"{order}{count * dims}d", data, offset)
    return [[flat[i], flat[i + 1]] for i in range(0, len(flat), dims)], offset + 8 * dims * count


def _rings(data: bytes, offset: int, order: str, dims: int = 2):
    count = _count(data, offset, order, 4)
    offset += 4
    rings = []
    for _ in range(count):
        ring, offset = _points(data, offset + 4, order, dims, _count(data, offset, order, 8 * dims))
        rings.append(ring)
    return rings, offset


def geometry(blob: bytes) -> dict:
    """A GeoPackage geometry blob ("GP" header + WKB) as a GeoJSON geometry."""
    if blob[:2] != b"GP" or len(blob) < 8:
        raise ValueError("not a GeoPackage geometry")
    code = (blob[3] >> 1) & 0b111
    if code not in _ENVELOPE_BYTES:
        raise ValueError("not a GeoPackage geometry")
    kind, coordinates, _end = _wkb(blob, 8 + _ENVELOPE_BYTES[code])
    if kind == "GeometryCollection":
        return {"type": kind, "geometries": coordinates}
    return {"type": kind, "coordinates": coordinates}


def features(path: Path, table: str, columns: tuple[str, ...]) -> list[dict]:
    """Every row of `table` as a GeoJSON Feature with `columns` as properties."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        geom = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
        cols = ", ".join(f'"{c}"' for c in columns)
        rows = db.execute(f'SELECT fid, "{geom}", {cols} FROM "{table}"').fetchall()
    return [{"type": "Feature", "id": fid, "properties": dict(zip(columns, values)), "geometry": geometry(blob)}
            for fid, blob, *values in rows if blob]
