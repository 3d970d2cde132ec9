"""The embedded gazetteer: names -> candidate places, from an on-disk SQLite index."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.build import Progress, default_path, ensure
from geo.gazetteer.sources import ABBREVIATION, ALIAS, ALTERNATE, DEMONYM, PRIMARY, TRANSLIT
from geo.names import key, loose
from geo.types import Place

__all__ = ["Gazetteer", "Candidate", "PRIMARY", "ALIAS", "ALTERNATE", "TRANSLIT", "DEMONYM",
           "ABBREVIATION", "default_path"]

_COLUMNS = ("id, name, lat, lon, feature, country, admin1, admin1_code, population, "
            "geonames_id, geometry, source, importance")


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    kind: int  # how the name matched: PRIMARY, ALIAS, ALTERNATE, TRANSLIT, DEMONYM, ABBREVIATION
    loose: bool  # matched only after folding romanisation variants
    importance: int


class Gazetteer:
    def __init__(self, path: Path):
        if not path.exists():
            raise GazetteerError(f"no gazetteer index at {path}; run `geo gazetteer build`")
        self.path = path
        self._local = threading.local()
        self._cached_lookup = lru_cache(maxsize=200_000)(self._lookup)

    @classmethod
    def open(cls, path: Path | None = None, progress: Progress | None = None) -> "Gazetteer":
        """Open the index, building it on first use."""
        return cls(ensure(path or default_path(), progress))

    @property
    def db(self) -> sqlite3.Connection:
        # One read-only connection per thread: Streamlit runs sessions in threads.
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """All places a name can refer to; exact-key matches, else romanisation-folded ones."""
        return self._cached_lookup(key(name))

    def _lookup(self, k: str) -> tuple[Candidate, ...]:
        if not k:
            return ()
        rows = self._query("n.key = ?", k)
        is_loose = False
        if not rows:
            rows = self._query("n.loose = ?", loose(k))
            is_loose = True
        best: dict[str, Candidate] = {}
        for row in rows:
            place, kind = _place(row[:-1]), row[-1]
            if place.id not in best or kind < best[place.id].kind:
                best[place.id] = Candidate(place, kind, is_loose, row[-2])
        return tuple(best.values())

    def _query(self, where: str, value: str) -> list[tuple]:
        return self.db.execute(
            f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.pk = n.place "
            f"WHERE {where} LIMIT 500", (value,)
        ).fetchall()

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))

    def place(self, place_id: str) -> Place | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def search(self, text: str, limit: int = 20) -> list[Place]:
        """Candidates for a typed name, most likely first (exact names, then prefixes)."""
        exact = sorted(self.lookup(text), key=lambda c: (c.kind > ALIAS, -c.importance,
                                                         -c.place.population))
        places = [c.place for c in exact]
        if len(places) < limit and len(key(text)) >= 3:
            seen = {p.id for p in places}
            rows = self.db.execute(
                f"SELECT DISTINCT {_COLUMNS} FROM names n JOIN places p ON p.pk = n.place "
                "WHERE n.key > ? AND n.key < ? ORDER BY p.population DESC LIMIT ?",
                (key(text), key(text) + "\uffff", limit * 3),
            ).fetchall()
            places += [p for p in map(_place, rows) if p.id not in seen]
        return list({p.id: p for p in places}.values())[:limit]

    def stats(self) -> dict:
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        return {"path": str(self.path), "built": meta.get("built"), **json.loads(meta.get("counts", "{}"))}


def _place(row: tuple) -> Place:
    (pid, name, lat, lon, feature, country, admin1, admin1_code, population, gid, geometry,
     source, _importance) = row
    return Place(
        id=pid, name=name, lat=lat, lon=lon, feature=feature, country=country or "",
        admin1=admin1 or "", admin1_code=admin1_code or "", population=population or 0,
        geonames_id=gid, geometry=json.loads(geometry) if geometry else None, source=source,
    )
