"""The user's gazetteer: imported GeoNames dumps, in a file of the embedded index's schema.

Reading the dumps is geo/gazetteer/dumps.py; this module owns the file and fetches the dumps.

The embedded index is rebuilt whenever its fingerprint changes, and an allCountries import takes
many minutes, so imports live in their own file that no rebuild touches. Like the embedded build,
an import writes to a temporary copy and renames it over the file, so a reader never sees half an
import and a failed or killed import leaves the previous file as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from geo.config import data_dir
from geo.errors import GazetteerError
from geo.gazetteer.build import INDEXES, SCHEMA, Progress, _lock

BASE_URL = "https://download.geonames.org/export/dump/"

# Upserts need these: places are found by GeoNames id when alternate names arrive, and a name
# already attached to a place is merged, not duplicated, when a file is imported again.
USER_INDEXES = """
CREATE INDEX IF NOT EXISTS places_gid ON places(geonames_id);
CREATE UNIQUE INDEX IF NOT EXISTS names_place_key ON names(place, key);
"""
_QUERY_INDEXES = ("names_key", "names_loose", "places_admin1", "places_admin2")
# Columns added to the schema since the first imports: an older file gains them, empty.
_ADDED_COLUMNS = ("admin2_code", "admin2")


def user_path() -> Path:
    return data_dir() / "gazetteer-user.sqlite"


@contextmanager
def writing(target: Path, expected_rows: int = 0):
    """A writable copy of the user index, renamed over ``target`` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target):
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        db = None
        try:
            if target.exists():
                shutil.copyfile(target, tmp)
            db = sqlite3.connect(tmp)
            # A crash only loses the temporary copy, so the journal would be pure cost.
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-131072;")
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'places'").fetchone():
                db.executescript(SCHEMA)
            add_missing_columns(db)
            db.executescript(USER_INDEXES)
            existing = db.execute("SELECT count(*) FROM places").fetchone()[0]
            if expected_rows > existing:
                # Building an index once by sorting beats millions of random b-tree inserts.
                for name in _QUERY_INDEXES:
                    db.execute(f"DROP INDEX IF EXISTS {name}")
            yield db
            db.executescript(INDEXES.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))
            counts = {"places": db.execute("SELECT count(*) FROM places").fetchone()[0],
                      "names": db.execute("SELECT count(*) FROM names").fetchone()[0]}
            db.execute("INSERT OR REPLACE INTO meta VALUES ('counts', ?), ('built', ?)",
                       (json.dumps(counts), time.strftime("%Y-%m-%dT%H:%M:%S")))
            db.commit()
            db.execute("ANALYZE")
            db.close()
            os.replace(tmp, target)
        except BaseException:
            if db is not None:
                db.close()
            tmp.unlink(missing_ok=True)
            raise


def add_missing_columns(db: sqlite3.Connection) -> bool:
    """Bring a user index written by an older version up to the current schema."""
    have = {row[1] for row in db.execute("PRAGMA table_info(places)")}
    missing = [c for c in _ADDED_COLUMNS if c not in have]
    for column in missing:
        db.execute(f"ALTER TABLE places ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    return bool(missing)


def upgrade(path: Path) -> None:
    """Add missing columns to the user index at ``path`` in place (cheap: no rows rewritten)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        have = {row[1] for row in db.execute("PRAGMA table_info(places)")}
    if all(c in have for c in _ADDED_COLUMNS):
        return
    with _lock(path), sqlite3.connect(path) as db:
        if add_missing_columns(db):
            db.commit()


def download(name: str, dest: Path, progress: Progress | None = None, timeout: float = 60) -> Path:
    """Fetch GeoNames' NAME.zip ("UA", "allCountries", "cities500", "alternatenames/UA") into
    ``dest``. GEO_GEONAMES_URL overrides the server (a mirror, or a test)."""
    say = progress or (lambda message: None)
    if not re.fullmatch(r"[A-Za-z0-9_]+(/[A-Za-z0-9_]+)?", name):
        raise GazetteerError(f"not a GeoNames dump name: {name!r} (try UA, allCountries, cities500)")
    name = re.sub(r"(^|/)([A-Za-z]{2})$", lambda m: m[1] + m[2].upper(), name)  # country codes
    url = os.environ.get("GEO_GEONAMES_URL", BASE_URL).rstrip("/") + f"/{name}.zip"
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / f"{name.replace('/', '-')}.zip"
    part = out.with_name(out.name + ".part")
    import urllib.error  # here, not at the top: every Gazetteer imports this module
    import urllib.request

    say(f"downloading {url}")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(part, "wb") as f:
            total = int(response.headers.get("Content-Length") or 0)
            done, started, shown = 0, time.perf_counter(), 0.0
            while chunk := response.read(1 << 20):
                f.write(chunk)
                done += len(chunk)
                now = time.perf_counter()
                if now - shown > 2 or done == total:
                    shown = now
                    of = f"/{total / 1e6:,.1f}" if total else ""
                    say(f"{done / 1e6:,.1f}{of} MB, {done / 1e6 / max(now - started, 1e-9):.1f} MB/s")
        if total and done < total:
            raise OSError(f"connection closed after {done:,} of {total:,} bytes")
    except urllib.error.HTTPError as exc:
        part.unlink(missing_ok=True)
        raise GazetteerError(f"GeoNames has no {name}.zip ({url}: HTTP {exc.code})") from None
    except OSError as exc:  # URLError, refused connections and timeouts are all OSErrors
        part.unlink(missing_ok=True)
        raise GazetteerError(f"could not download {url}: {getattr(exc, 'reason', exc)}. Offline, fetch "
                             f"the file elsewhere and run `geo gazetteer import {out.name}`") from None
    os.replace(part, out)
    return out
