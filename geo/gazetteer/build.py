"""Build the gazetteer's SQLite index once; every later process only opens it.

Reading the sources takes tens of seconds and ~1 GB; the index opens in milliseconds. The
build writes to a temporary file and renames it, so a killed build never leaves a broken index,
and takes a lock so two processes starting together build it once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable

from geo.config import data_dir
from geo.gazetteer.geonames import shipped_dumps, with_dumps
from geo.gazetteer.sources import Row, read_all
from geo.gazetteer.names import key, loose

BUILD_VERSION = 3  # bump when the schema or the way sources are read changes
LANDMARKS = Path(__file__).resolve().parent.parent / "data" / "landmarks.jsonl"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    pk INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, name TEXT NOT NULL, lat REAL, lon REAL,
    feature TEXT, country TEXT, admin1_code TEXT, admin1 TEXT, population INTEGER,
    geonames_id INTEGER, geometry TEXT, source TEXT, importance INTEGER,
    admin2_code TEXT NOT NULL DEFAULT '', admin2 TEXT NOT NULL DEFAULT ''
);
CREATE TABLE names (key TEXT NOT NULL, loose TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_loose ON names(loose);
CREATE INDEX places_admin1 ON places(admin1_code);
CREATE INDEX places_admin2 ON places(admin2_code);
"""

Progress = Callable[[str], None]
# Village names repeat by the thousand (Ivanivka, Novoselivka...), and so their keys.
_key = lru_cache(maxsize=1 << 17)(key)
_loose = lru_cache(maxsize=1 << 17)(loose)


# Everything the index is made from: a change to any of these builds a new index.
_INPUTS = [Path(__file__).parent / f for f in ("build.py", "sources.py", "translit.py", "geonames.py", "english.py",
                                             "names.py", "lexicon.py")] + [
    Path(__file__).parent.parent / f for f in ("data/country_points.csv", "data/region_names.csv")]


@lru_cache(maxsize=1)  # the inputs do not change while a process runs
def fingerprint() -> str:
    digest = hashlib.sha256(str(BUILD_VERSION).encode())
    for path in [*_INPUTS, LANDMARKS, *shipped_dumps()]:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def default_path() -> Path:
    return data_dir() / f"gazetteer-{fingerprint()}.sqlite"


@contextmanager
def _lock(path: Path):
    with open(path.with_suffix(".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure(path: Path | None = None, progress: Progress | None = None) -> Path:
    """Return the index path, building the index first if it does not exist yet."""
    path = path or default_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        if not path.exists():  # another process may have built it while we waited
            build(path, progress)
    return path


def build(path: Path, progress: Progress | None = None, rows=None) -> dict[str, int]:
    say = progress or (lambda message: None)
    started = time.perf_counter()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    counts = {"places": 0, "names": 0}
    place_batch, name_batch = [], []
    if rows is None:
        rows = with_dumps(read_all(LANDMARKS, say), shipped_dumps(), say)
    for pk, row in enumerate(rows, start=1):
        place_batch.append(_place_tuple(pk, row))
        seen = {}
        for name, kind in row.names:
            k = _key(name)
            if k and (k not in seen or kind < seen[k]):
                seen[k] = kind
        name_batch.extend((k, _loose(k), pk, kind) for k, kind in seen.items())
        if len(name_batch) > 50_000:
            counts["names"] += _flush(db, place_batch, name_batch)
            counts["places"] = pk
            say(f"indexed {pk:,} places, {counts['names']:,} names")
    counts["names"] += _flush(db, place_batch, name_batch)
    counts["places"] = db.execute("SELECT count(*) FROM places").fetchone()[0]
    say("indexing names")
    db.executescript(INDEXES)
    # Landmarks name their region by code only; fill in the region's display name.
    db.execute("""UPDATE places SET admin1 = (SELECT r.name FROM places r
                  WHERE r.id = 'adm:' || places.admin1_code)
                  WHERE admin1 = '' AND admin1_code != ''""")
    db.execute("INSERT INTO meta VALUES ('fingerprint', ?), ('built', ?), ('counts', ?)",
               (fingerprint(), time.strftime("%Y-%m-%dT%H:%M:%S"), json.dumps(counts)))
    db.commit()
    db.execute("ANALYZE")
    db.close()
    os.replace(tmp, path)
    say(f"gazetteer ready: {counts['places']:,} places, {counts['names']:,} names "
        f"in {time.perf_counter() - started:.0f} s")
    return counts


def _place_tuple(pk: int, r: Row) -> tuple:
    geometry = json.dumps(r.geometry, separators=(",", ":")) if r.geometry else None
    return (pk, r.id, r.name, r.lat, r.lon, r.feature, r.country, r.admin1_code, r.admin1,
            r.population, r.geonames_id, geometry, r.source, r.importance, r.admin2_code, r.admin2)


def _flush(db: sqlite3.Connection, places: list, names: list) -> int:
    db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?,?)", names)
    n = len(names)
    places.clear()
    names.clear()
    return n
