"""Your own layers: a control-area or front-line map from elsewhere (KML or KMZ, GeoJSON,
GeoPackage), read into one GeoJSON FeatureCollection the library keeps and the map draws under
the events.

What is kept of a feature: its geometry in longitude/latitude degrees, its name and description
as plain text (HTML descriptions reduced to their text; shown escaped, never as markup), and its
colours when the file gives them (simplestyle's ``stroke``/``fill`` properties, KML's styles).
A file this cannot read fails with one ``OverlayError`` line naming it; sizes are bounded by
geo.text.limits and by the counts below, so a hostile file costs at most a bounded read.
"""

from __future__ import annotations

import io
import json
import math
import re
import sqlite3
import struct
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from geo.text import gpkg, limits
from geo.errors import OverlayError

KINDS = {"kml": "KML", "kmz": "KMZ", "geojson": "GeoJSON", "json": "GeoJSON", "gpkg": "GeoPackage"}
MAX_FEATURES = 50_000
MAX_POINTS = 2_000_000  # vertices over all features: a detailed front line has ~100,000
TEXT_CHARS = 1_000  # of a name or description
STYLE_KEYS = ("stroke", "stroke-width", "stroke-opacity", "fill", "fill-opacity")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
GEOMETRIES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
              "GeometryCollection"}




@dataclass(frozen=True, slots=True)
class Overlay:
    """A stored layer; ``collection`` is read only when it is drawn or exported."""

    id: int
    name: str
    source: str  # the file's name
    kind: str  # KINDS' values
    date: str | None  # the date the map shows (ISO), when the user gave one
    added_at: str
    features: int


@dataclass(frozen=True, slots=True)
class LayerFile:
    """A file read: what the library stores."""

    name: str  # the layer's own name (KML document, GeoJSON "name"), else the file's stem
    kind: str
    collection: dict  # GeoJSON FeatureCollection

    @property
    def features(self) -> int:
        return len(self.collection["features"])


def kind_of(filename: str) -> str:
    ext = PurePath(filename).suffix.lower().lstrip(".")
    if ext not in KINDS:
        raise OverlayError(f"{filename}: not a layer file (KML, KMZ, GeoJSON or GeoPackage: "
                           f".{', .'.join(sorted(set(KINDS)))})")
    return KINDS[ext]


def read_layer(data: bytes, filename: str) -> LayerFile:
    """Read a layer file; OverlayError (one line) if it cannot be read."""
    kind = kind_of(filename)
    limits.check(len(data), filename)
    try:
        if kind == "GeoJSON":
            name, features = _geojson(data)
        elif kind == "GeoPackage":
            name, features = _geopackage(data)
        else:
            from geo.text.overlay_kml import read_kml

            name, features = read_kml(_unzip_kml(data) if kind == "KMZ" else data)
        collection = _normalised(features)
    except OverlayError as exc:
        raise OverlayError(f"{filename}: {exc}") from None
    except (ValueError, KeyError, TypeError, IndexError, RecursionError, sqlite3.Error, zipfile.BadZipFile,
            struct.error, ArithmeticError) as exc:
        raise OverlayError(f"{filename}: not a readable {kind} file ({_one_line(exc)})") from None
    if not collection["features"]:
        raise OverlayError(f"{filename}: no shapes in this {kind} file")
    return LayerFile(clean_text(name) or PurePath(filename).stem, kind, collection)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def clean_text(value, html: bool = False) -> str:
    """A property as plain text of one bounded length; with ``html`` (descriptions, which KML
    writes in HTML), markup reduced to its words. A name keeps its characters, "<" included."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = str(value)
    if html and "<" in text and ">" in text:
        from bs4 import BeautifulSoup  # html.parser: no network, no external entities

        text = BeautifulSoup(text[: 20 * TEXT_CHARS], "html.parser").get_text(" ")
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"


def style_of(props: dict) -> dict:
    """The simplestyle keys a feature gives, when they are what they claim to be."""
    out = {}
    for key in STYLE_KEYS:
        value = props.get(key)
        if key in ("stroke", "fill"):
            if isinstance(value, str) and _COLOUR.fullmatch(value):
                out[key] = value.lower()
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            out[key] = max(0.0, min(float(value), 1.0 if key.endswith("opacity") else 20.0))
    return out


# -- GeoJSON ----------------------------------------------------------------------------

def _geojson(data: bytes) -> tuple[str, list[dict]]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise OverlayError(f"not valid GeoJSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(doc, dict):
        raise OverlayError("not GeoJSON: no FeatureCollection, Feature or geometry")
    crs = json.dumps(doc.get("crs") or "")
    if doc.get("crs") and not re.search(r"CRS84|EPSG:+4326", crs):
        raise OverlayError("its coordinates are not longitude/latitude (a \"crs\" other than WGS 84)")
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            raise OverlayError("a FeatureCollection without a list of features")
    elif kind == "Feature":
        features = [doc]
    elif kind in GEOMETRIES:
        features = [{"type": "Feature", "properties": {}, "geometry": doc}]
    else:
        raise OverlayError("not GeoJSON: no FeatureCollection, Feature or geometry")
    out = []
    for f in features:
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise OverlayError("a feature that is not a GeoJSON Feature")
        props = f.get("properties") if isinstance(f.get("properties"), dict) else {}
        out.append({"geometry": f.get("geometry"), **_texts(props), **style_of(props)})
    return str(doc.get("name") or ""), out


def _texts(props: dict) -> dict:
    def first(*keys):
        return next((props[k] for k in keys if props.get(k) not in (None, "")), "")

    return {"name": first("name", "Name", "NAME", "title", "label"),
            "description": first("description", "Description", "desc", "notes")}


# -- KMZ -------------------------------------------------------------------------------

def _unzip_kml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [i for i in zf.infolist() if i.filename.lower().endswith(".kml")]
        if not names:
            raise OverlayError("a KMZ without a .kml document inside")
        info = next((i for i in names if i.filename.lower() == "doc.kml"), names[0])
        with zf.open(info) as part:  # read bounded: a header may lie about the size
            kml = part.read(limits.max_bytes() + 1)
    limits.check(len(kml), "its KML document")
    return kml


# -- GeoPackage ------------------------------------------------------------------------

_STEPS = 50_000_000  # SQLite VM steps a GeoPackage may take to read: bounds a crafted view or index


def _geopackage(data: bytes) -> tuple[str, list[dict]]:
    if not data.startswith(b"SQLite format 3\x00"):
        raise OverlayError("not a GeoPackage (not an SQLite database)")
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
        db.execute("PRAGMA trusted_schema = OFF")  # no functions from the file's own schema
        db.execute("PRAGMA query_only = ON")
        steps = [0]

        def budget() -> int:
            steps[0] += 1000
            return steps[0] > _STEPS  # non-zero stops the query

        db.set_progress_handler(budget, 1000)
        tables = db.execute("SELECT g.table_name, g.column_name, g.srs_id, c.identifier "
                            "FROM gpkg_geometry_columns g LEFT JOIN gpkg_contents c USING (table_name) "
                            "ORDER BY g.table_name").fetchall()
        real = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        features, names = [], []
        for table, column, srs, identifier in tables:
            if table not in real:  # a view may compute anything: only stored rows are read
                continue
            to_degrees = _projection(db, srs)
            cols = {r[1] for r in db.execute(f'PRAGMA table_info("{_ident(table)}")')}
            name_col = next((c for c in ("name", "Name", "NAME", "title", "label") if c in cols), None)
            desc_col = next((c for c in ("description", "Description", "desc", "notes") if c in cols), None)
            select = ", ".join(f'"{_ident(c)}"' if c else "NULL" for c in (column, name_col, desc_col))
            for blob, name, desc in db.execute(f'SELECT {select} FROM "{_ident(table)}" LIMIT ?',
                                               (MAX_FEATURES + 1,)):
                if not isinstance(blob, bytes) or len(blob) < 8 or blob[3] & 0b10000:
                    continue  # no geometry, or the header's empty-geometry flag
                features.append({"geometry": to_degrees(gpkg.geometry(blob)), "name": name or "",
                                 "description": desc or ""})
                if len(features) > MAX_FEATURES:
                    raise OverlayError(f"more than {MAX_FEATURES:,} features")
            names.append(identifier or table)
        if not tables:
            raise OverlayError("a GeoPackage without feature tables")
        return (names[0] if len(names) == 1 else ""), features
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise OverlayError("reading it took too long: too large or too complex a GeoPackage") from None
        raise
    finally:
        db.close()


def _ident(name: str) -> str:
    return str(name).replace('"', '""')


def _projection(db: sqlite3.Connection, srs_id):
    """GeoJSON geometry in the table's SRS -> in degrees: WGS 84 as it is, Web Mercator turned."""
    row = db.execute("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
                     (srs_id,)).fetchone()
    code = f"{row[0]}:{row[1]}".upper() if row else f"EPSG:{srs_id}"
    if code in ("EPSG:4326", "OGC:84", "EPSG:4979") or srs_id == 4326:
        return lambda g: g
    if code in ("EPSG:3857", "EPSG:900913") or srs_id == 3857:
        return lambda g: _map_coordinates(g, _mercator_to_degrees)
    raise OverlayError(f"its layer is in {code}; only WGS 84 (EPSG:4326) and Web Mercator (EPSG:3857) are read")


_R = 6378137.0


def _mercator_to_degrees(x: float, y: float) -> list[float]:
    return [math.degrees(x / _R), math.degrees(2 * math.atan(math.exp(y / _R)) - math.pi / 2)]


def _map_coordinates(geometry: dict, fn) -> dict:
    if geometry["type"] == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [_map_coordinates(g, fn) for g in geometry["geometries"]]}

    def walk(c):
        return fn(c[0], c[1]) if c and isinstance(c[0], (int, float)) else [walk(x) for x in c]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


# -- one shape for all -----------------------------------------------------------------

def _normalised(features: list[dict]) -> dict:
    """Features as the library keeps them: checked geometry, plain texts, valid styles."""
    if len(features) > MAX_FEATURES:
        raise OverlayError(f"more than {MAX_FEATURES:,} features")
    budget = [MAX_POINTS]
    out = []
    for f in features:
        geometry = f.get("geometry")
        if geometry is None:
            continue  # GeoJSON allows a feature without a place; the map has nothing to draw
        props = {"name": clean_text(f.get("name")), "description": clean_text(f.get("description"), html=True)}
        props.update({k: f[k] for k in STYLE_KEYS if k in f})
        out.append({"type": "Feature", "properties": props, "geometry": _checked(geometry, budget, 0)})
    return {"type": "FeatureCollection", "features": out}


def _checked(geometry, budget: list[int], depth: int) -> dict:
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRIES or depth > 8:
        raise OverlayError("a shape that is not a GeoJSON geometry")
    kind = geometry["type"]
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise OverlayError("a GeometryCollection without geometries")
        return {"type": kind, "geometries": [_checked(g, budget, depth + 1) for g in parts]}
    nesting = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
               "MultiPolygon": 3}[kind]
    return {"type": kind, "coordinates": _coordinates(geometry.get("coordinates"), nesting, budget)}


def _coordinates(value, nesting: int, budget: list[int]):
    if not isinstance(value, list):
        raise OverlayError("a shape whose coordinates are not lists of numbers")
    if nesting:
        return [_coordinates(v, nesting - 1, budget) for v in value]
    budget[0] -= 1
    if budget[0] < 0:
        raise OverlayError(f"more than {MAX_POINTS:,} points")
    if len(value) < 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2]):
        raise OverlayError("a point that is not two numbers")
    lon, lat = float(value[0]), float(value[1])
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise OverlayError(f"a point at {lon:g}, {lat:g}: not longitude/latitude degrees (a projected map?)")
    return [round(lon, 6), round(lat, 6)]
