"""The embedded gazetteer: names -> candidate places, from an on-disk SQLite index."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.build import Progress, default_path, ensure
from geo.gazetteer.sources import ABBREVIATION, ALIAS, ALTERNATE, DEMONYM, PRIMARY, TRANSLIT
from geo.gazetteer.user import upgrade, user_path
from geo.gazetteer.names import key, loose
from geo.rules import on, switch
from geo.types import Candidate, Place  # noqa: F401 - geo.gazetteer.Candidate, as before

# Unicode gives "ł" no base letter, so accent folding keeps it: "Mikołajów" missed "Mikolajow".
_BARRED_L = str.maketrans("łŁ", "lL")
switch("polish_barred_l", "'wybuchy w Mikołajowie', 'explosions in Mikołajów': translated Polish copy spells towns "
       "with a barred l that no accent folding removes; read as a plain l when the name as written is unknown")

__all__ = ["Gazetteer", "Candidate", "PRIMARY", "ALIAS", "ALTERNATE", "TRANSLIT", "DEMONYM",
           "ABBREVIATION", "default_path"]

_COLUMNS = ("id, name, lat, lon, feature, country, admin1, admin1_code, population, "
            "geonames_id, geometry, source, admin2_code, admin2, importance")
_POPULATION, _USER = 9, 16  # 1-based positions in a SELECT of _COLUMNS (then the user flag)
_NAMES = "{db}.names n JOIN {db}.places p ON p.pk = n.place"


_REGION_WORDS = re.compile(r"\s+(?:oblast|region|province|krai|kray|republic|governorate)$", re.I)


class Gazetteer:
    def __init__(self, path: Path, user: Path | None = None):
        if not path.exists():
            raise GazetteerError(f"no gazetteer index at {path}; run `geo gazetteer build`")
        self.path = path
        # GeoNames dumps the user imported (`geo gazetteer import`), in a file of the same schema
        # that rebuilding the embedded index never touches. Decided once, so every thread agrees.
        self.user = user if user is not None and user.exists() else None
        if self.user is not None:
            try:
                upgrade(self.user)
            except (sqlite3.Error, OSError):
                self.user = None  # unreadable or read-only and old: the embedded index alone
        self._local = threading.local()
        self._cached_lookup = lru_cache(maxsize=200_000)(self._lookup)
        self._by_surface: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def open(cls, path: Path | None = None, progress: Progress | None = None,
             user: Path | None = None) -> "Gazetteer":
        """Open the index, building it on first use, with the user's imports if there are any."""
        return cls(ensure(path or default_path(), progress), user or user_path())

    @property
    def db(self) -> sqlite3.Connection:
        # One read-only connection per thread: Streamlit runs sessions in threads.
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            if self.user:
                conn.execute("ATTACH DATABASE ? AS user", (f"file:{self.user}?mode=ro",))
            self._local.conn = conn
        return conn

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """All places a name can refer to; exact-key matches, else romanisation-folded ones."""
        found = self._by_surface.get(name)
        if found is None:
            # Articles repeat the same capitalised words; folding each one again costs more
            # than the lookup itself.
            if len(self._by_surface) > 200_000:
                self._by_surface.clear()
            found = self._by_surface[name] = self._cached_lookup(key(name))
        if not found and ("ł" in name or "Ł" in name) and on("polish_barred_l"):
            return self.lookup(name.translate(_BARRED_L))
        return found

    def _lookup(self, k: str) -> tuple[Candidate, ...]:
        if not k:
            return ()
        rows = self._query("n.key = ?1", k)
        is_loose = False
        if not rows:
            rows = self._query("n.loose = ?1", loose(k))
            is_loose = True
        best: dict[str, Candidate] = {}
        for row in sorted(rows, key=lambda r: r[-1]):  # embedded rows first: user rows override
            place, kind, old = _place(row[:-2]), row[-2], best.get(row[0])
            if old is None or kind < old.kind or row[-1]:
                best[place.id] = Candidate(place, min(kind, old.kind) if old else kind, is_loose, row[-3])
        return tuple(best.values())

    def _union(self, select: str) -> str:
        """``select`` over the embedded index, then over the user's imports when attached; its
        ``{user}`` column tells them apart (1 = user), ``?1``/``?2`` bind once for both."""
        embedded = select.format(db="main", user=0)
        return embedded if self.user is None else f"{embedded} UNION ALL {select.format(db='user', user=1)}"

    def _query(self, where: str, value: str) -> list[tuple]:
        sql = self._union(f"SELECT {_COLUMNS}, n.kind, {{user}} FROM {_NAMES} WHERE {where}")
        return self.db.execute(f"{sql} LIMIT 500", (value,)).fetchall()

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))

    def place(self, place_id: str) -> Place | None:
        sql = self._union(f"SELECT {_COLUMNS}, {{user}} FROM {{db}}.places WHERE id = ?1")
        row = self.db.execute(f"{sql} ORDER BY {_USER} DESC LIMIT 1", (place_id,)).fetchone()
        return _place(row[:-1]) if row else None

    def search(self, text: str, limit: int = 20) -> list[Place]:
        """Candidates for a typed name, most likely first (exact names, then prefixes)."""
        exact = sorted(self.lookup(text), key=lambda c: (c.kind > ALIAS, -c.importance,
                                                         -c.place.population))
        places = [c.place for c in exact]
        if len(places) < limit and len(key(text)) >= 3:
            seen = {p.id for p in places}
            sql = self._union(f"SELECT DISTINCT {_COLUMNS}, {{user}} FROM {_NAMES} "
                              "WHERE n.key > ?1 AND n.key < ?2")
            rows = self.db.execute(f"{sql} ORDER BY {_POPULATION} DESC LIMIT ?3",
                                   (key(text), key(text) + "\uffff", limit * 3)).fetchall()
            prefixed: dict[str, Place] = {}
            for row in rows:
                if row[0] not in prefixed or row[-1]:
                    prefixed[row[0]] = _place(row[:-1])
            places += [p for p in prefixed.values() if p.id not in seen]
        return list({p.id: p for p in places}.values())[:limit]

    @lru_cache(maxsize=1024)  # noqa: B019 - one Gazetteer per process
    def seat(self, admin1_code: str) -> Place | None:
        """The region's main town, where ACLED places what is known only at the region: the city
        the region is named after ("Kyiv Oblast" -> Kyiv, though the city is a region of its own),
        else its biggest town. A country's ("UA") is its capital."""
        if not admin1_code:
            return None
        if "." not in admin1_code:
            return self._capital(admin1_code)
        region = self.place(f"adm:{admin1_code}")
        stem = _REGION_WORDS.sub("", region.name).strip() if region is not None else ""
        named = [c.place for c in self.lookup(stem) if c.place.feature == "city"
                 and c.place.country == region.country and c.kind <= ALIAS] if stem else []
        if named:
            return max(named, key=lambda p: p.population)
        sql = self._union(f"SELECT {_COLUMNS}, {{user}} FROM {{db}}.places "
                          "WHERE admin1_code = ?1 AND feature = 'city'")
        row = self.db.execute(f"{sql} ORDER BY {_POPULATION} DESC LIMIT 1", (admin1_code,)).fetchone()
        return _place(row[:-1]) if row else None

    def _capital(self, country: str) -> Place | None:
        from geo.gazetteer.sources import capitals

        names = {name for code, name in capitals() if code == country}
        found = [c.place for name in names for c in self.lookup(name)
                 if c.place.feature == "city" and c.place.country == country and c.kind <= ALIAS]
        return max(found, key=lambda p: p.population) if found else None

    def country_name(self, code: str) -> str:
        """The English name of a country ("UA" -> "Ukraine"); the code itself when unknown."""
        return self._name_of(f"cc:{code.upper()}") or code

    def region_name(self, admin1_code: str) -> str:
        """The English name of an admin-1 region ("UA.11" -> "Crimea"); "" when unknown."""
        return self._name_of(f"adm:{admin1_code}") if admin1_code else ""

    @lru_cache(maxsize=4096)  # noqa: B019 - one Gazetteer per process; labels repeat on every rerun
    def _name_of(self, place_id: str) -> str:
        row = self.db.execute("SELECT name FROM places WHERE id = ?", (place_id,)).fetchone()
        return row[0] if row else ""

    def stats(self) -> dict:
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        stats = {"path": str(self.path), "built": meta.get("built"), **json.loads(meta.get("counts", "{}"))}
        if self.user:
            meta = dict(self.db.execute("SELECT key, value FROM user.meta").fetchall())
            stats["user"] = {"path": str(self.user), "updated": meta.get("built"),
                             **json.loads(meta.get("counts", "{}"))}
        return stats


def _place(row: tuple) -> Place:
    (pid, name, lat, lon, feature, country, admin1, admin1_code, population, gid, geometry,
     source, admin2_code, admin2, _importance) = row
    return Place(
        id=pid, name=name, lat=lat, lon=lon, feature=feature, country=country or "",
        admin1=admin1 or "", admin1_code=admin1_code or "", population=population or 0,
        geonames_id=gid, geometry=json.loads(geometry) if geometry else None, source=source,
        admin2=admin2 or "", admin2_code=admin2_code or "",
    )
