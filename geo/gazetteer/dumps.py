"""Import GeoNames' own dump files into the user gazetteer (see geo/gazetteer/user.py).

The embedded index holds cities, regions and a few landmarks; GeoNames publishes every feature
class (rivers, dams, reservoirs, villages...) at https://download.geonames.org/export/dump/:
allCountries.zip (~12 M rows), one zip per country (UA.zip), cities500.zip..., and
alternateNamesV2.zip. Those files dwarf any memory budget, so each is read as a stream straight
out of its zip and written in batches.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile
import zlib
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer import user
from geo.gazetteer.build import Progress, default_path
from geo.gazetteer.geonames import feature_of, parse_line, text_of
from geo.gazetteer.sources import ALIAS, _names, _useful_alternate
from geo.gazetteer.names import key, loose

BATCH = 20_000
PROGRESS_EVERY = 100_000
# "Languages" of alternate names that are links, postcodes, transport codes or pronunciations.
_NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "uicn", "fr_1793",
              "phon", "piny", "abbr"}
# What a damaged zip raises part-way through a stream.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError)

# The reader is shared with the embedded build (geo/gazetteer/geonames.py).
__all__ = ["feature_of", "import_dump"]


_key = lru_cache(maxsize=1 << 17)(key)  # village names repeat by the thousand
_loose = lru_cache(maxsize=1 << 17)(loose)


def _name_rows(pk: int, names: list[tuple[str, int]]) -> list[tuple]:
    seen: dict[str, int] = {}
    for name, kind in names:
        k = _key(name)
        if k and kind < seen.get(k, 99):
            seen[k] = kind
    return [(k, _loose(k), pk, kind) for k, kind in seen.items()]


class _Embedded:
    """The embedded index's places, which win over a dump's copy of them: they carry outlines,
    curated display names and rank, and their ids ("cc:UA", "adm:UA.12") are what the rest of
    the app knows. A dump row for one of them only adds names."""

    def __init__(self, path: Path | None):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path and path.exists() else None
        rows = self.db.execute("SELECT geonames_id, id, name FROM places WHERE geonames_id IS NOT NULL") \
            if self.db else ()
        self.ids, self.admin1 = {}, {}
        for gid, pid, name in rows:
            self.ids[gid] = pid
            if pid.startswith("adm:"):
                self.admin1[pid[4:]] = name

    def place(self, gid: int) -> tuple | None:
        pid = self.ids.get(gid)
        if pid is None:
            return None
        return (gid, *self.db.execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()[1:])


_text = text_of


def _kind(path: Path) -> str:
    """"places" (19 columns) or "alternates" (alternateNames: 8 columns, V2: 10)."""
    try:
        with _text(path) as (lines, _):
            first = next(iter(lines), "")
    except _DAMAGED as exc:
        raise GazetteerError(f"{path.name} is damaged ({exc}); download it again") from None
    columns = len(first.rstrip("\r\n").split("\t"))
    if columns == 19:
        return "places"
    if columns in (8, 10):
        return "alternates"
    raise GazetteerError(f"{path.name}: {columns} tab-separated columns where GeoNames' places have 19 "
                         "and its alternate names 10; is it a GeoNames dump?")


def _read_admin1(path: Path) -> dict[str, str]:
    """admin1CodesASCII.txt: "UA.12<TAB>Kyiv City<TAB>Kyiv City<TAB>703447"."""
    with _text(path) as (lines, _):
        return {f[0]: f[1] for f in (line.rstrip("\r\n").split("\t") for line in lines) if len(f) >= 2}


def import_dump(path: Path, target: Path, progress: Progress | None = None,
                alternate_names: Path | None = None, *, admin1: Path | None = None,
                embedded: Path | None = None) -> dict:
    """Add a GeoNames dump (and optionally its alternate names) to the user index at ``target``.

    Re-importing a file is harmless: places are keyed by GeoNames id and names are merged.
    ``embedded`` defaults to the embedded index when it has been built.
    """
    say = progress or (lambda message: None)
    started = time.perf_counter()
    sources = [path] + ([alternate_names] if alternate_names else [])
    kinds = [_kind(p) for p in sources]  # fail in seconds, not after a long first pass
    if alternate_names and kinds[1] != "alternates":
        raise GazetteerError(f"{alternate_names.name} is not a GeoNames alternate names file")
    emb = _Embedded(embedded if embedded is not None else default_path())
    admin1_names = _read_admin1(admin1) if admin1 else emb.admin1
    with _text(path) as (_, size):
        expected = size // 150 if kinds[0] == "places" else 0
    counts: dict = {"file": path.name}
    current = path
    try:
        with user.writing(target, expected) as db:
            for current, kind in zip(sources, kinds):
                say(f"importing {current.name}")
                with _text(current) as (lines, _):
                    if kind == "places":
                        counts.update(_import_places(db, lines, emb, admin1_names, say))
                    else:
                        counts.update(_import_alternates(db, lines, say))
            say("indexing names")
    except _DAMAGED as exc:
        raise GazetteerError(f"{current.name} is damaged ({exc}); download it again") from None
    finally:
        if emb.db is not None:
            emb.db.close()
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as db:
        counts["total"] = json.loads(db.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()[0])
    counts["seconds"] = round(time.perf_counter() - started, 1)
    say(f"imported {path.name} in {counts['seconds']:.0f} s; your gazetteer now holds "
        f"{counts['total']['places']:,} places")
    return counts


def _upsert_names(db: sqlite3.Connection, rows: list) -> int:
    db.executemany("INSERT INTO names VALUES (?,?,?,?) "
                   "ON CONFLICT(place, key) DO UPDATE SET kind = min(kind, excluded.kind)", rows)
    n = len(rows)
    rows.clear()
    return n


class _Meter:
    def __init__(self, say: Progress, what: str):
        self.say, self.what, self.started = say, what, time.perf_counter()

    def tick(self, n: int) -> None:
        if n % PROGRESS_EVERY == 0:
            rate = n / max(time.perf_counter() - self.started, 1e-9)
            self.say(f"{n:,} {self.what} read, {rate:,.0f} rows/s")


def _import_places(db, lines, emb: _Embedded, admin1_names: dict, say: Progress) -> dict:
    n = skipped = places_n = names_n = 0
    places, names = [], []
    meter = _Meter(say, "places")
    for n, line in enumerate(lines, start=1):
        meter.tick(n)
        r = parse_line(line)
        if r is None:
            skipped += 1
            continue
        gid = r.geonames_id
        place = emb.place(gid)
        if place is None:
            place = (gid, r.id, r.name, r.lat, r.lon, r.feature, r.country, r.admin1_code,
                     admin1_names.get(r.admin1_code, ""), r.population, gid, None, "geonames",
                     r.importance, r.admin2_code, r.admin2)
        places.append(place)
        names.extend(_name_rows(gid, r.names))
        if len(places) >= BATCH:
            places_n, names_n = places_n + _upsert_places(db, places), names_n + _upsert_names(db, names)
    places_n, names_n = places_n + _upsert_places(db, places), names_n + _upsert_names(db, names)
    return {"rows": n, "places": places_n, "names": names_n, "skipped": skipped,
            "rows_per_s": round(n / max(time.perf_counter() - meter.started, 1e-9))}


def _upsert_places(db: sqlite3.Connection, rows: list) -> int:
    # The primary key is the GeoNames id, so a re-imported place replaces itself.
    db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    n = len(rows)
    rows.clear()
    return n


def _import_alternates(db, lines, say: Progress) -> dict:
    n = added = 0
    batch = []
    meter = _Meter(say, "alternate names")
    for n, line in enumerate(lines, start=1):
        meter.tick(n)
        f = line.rstrip("\r\n").split("\t")
        if len(f) >= 5 and f[2] not in _NOT_NAMES and f[3] and f[1].isdigit():
            batch.append((int(f[1]), f[3], f[2] == "en" and f[4] == "1"))
            if len(batch) >= BATCH:
                added += _add_alternates(db, batch)
    added += _add_alternates(db, batch)
    return {"alternate_rows": n, "alternate_names": added}


def _add_alternates(db: sqlite3.Connection, batch: list) -> int:
    """Attach a batch of alternate names to the places already imported; the rest are dropped."""
    owners = defaultdict(list)
    gids = json.dumps(sorted({gid for gid, _, _ in batch}))
    for gid, pk, cc in db.execute("SELECT geonames_id, pk, country FROM places "
                                  "WHERE geonames_id IN (SELECT value FROM json_each(?))", (gids,)):
        owners[gid].append((pk, cc))
    rows = []
    for gid, name, preferred_english in batch:
        for pk, cc in owners.get(gid, ()):
            if preferred_english and _useful_alternate(name):
                rows.extend(_name_rows(pk, [(name, ALIAS)]))
            else:  # the embedded build's rules: Latin names, Cyrillic ones romanised
                rows.extend(_name_rows(pk, _names(name, [], [name], cc)[1:]))
    batch.clear()
    return _upsert_names(db, rows)
