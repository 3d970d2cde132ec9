"""The documents a library could not take, and why: kept beside the library, shown to users.

A small SQLite file of its own rather than a table in the library: it is written from the
places that fail (ingest, uploads, reindex) even when the library's database is the thing that
failed, and it needs no schema migration of the library. One row per document name; the latest
reason wins, and a later success under the same name clears it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from geo.config import data_dir

KEEP = 5000  # newest rows kept: a folder of junk must not grow the file without bound
_SCHEMA = """CREATE TABLE IF NOT EXISTS failed (
    name TEXT PRIMARY KEY, reason TEXT NOT NULL, step TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL)"""


@dataclass(frozen=True)
class Failure:
    name: str  # file path, upload name or article id
    reason: str  # one line, fit to show
    step: str  # "ingest", "upload", "parse", "reindex"
    at: str  # ISO time, UTC
    who: str = ""  # the signed-in user, when known


def path_for(url: str) -> Path | None:
    """Beside a SQLite library (``library.sqlite`` -> ``library.failed.sqlite``); in the data dir
    for a database server, one file per database; None for an in-memory library."""
    if url.startswith("sqlite"):
        database = url.split(":///", 1)[1] if ":///" in url else ""
        if not database or database == ":memory:":
            return None
        p = Path(database)
        return p.with_name(p.stem + ".failed.sqlite")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return data_dir() / f"failed-{digest}.sqlite"


class FailureLog:
    def __init__(self, path: Path | None):
        self.path = path
        self._memory: dict[str, Failure] = {}  # when there is no file to keep them in

    @classmethod
    def beside(cls, store) -> "FailureLog":
        """The log of a geo.store.Store (or anything with a ``url``)."""
        return cls(path_for(getattr(store, "url", "") or ""))

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(_SCHEMA)
        return conn

    def record(self, name: str, reason: str, step: str, who: str = "") -> None:
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        failure = Failure(name, " ".join(reason.split())[:500], step, at, who)
        if self.path is None:
            self._memory[name] = failure
            return
        with self._connect() as conn:
            conn.execute("INSERT OR REPLACE INTO failed VALUES (?, ?, ?, ?, ?)",
                         (failure.name, failure.reason, step, at, who))
            conn.execute("DELETE FROM failed WHERE name NOT IN "
                         "(SELECT name FROM failed ORDER BY at DESC LIMIT ?)", (KEEP,))
        # not closed by the with block: close explicitly so Windows-style locks never linger
        conn.close()

    def clear(self, *names: str) -> None:
        if self.path is None:
            for name in names:
                self._memory.pop(name, None)
            return
        if not names or not self.path.exists():
            return
        with self._connect() as conn:
            conn.executemany("DELETE FROM failed WHERE name = ?", [(n,) for n in names])
        conn.close()

    def clear_all(self) -> None:
        self._memory.clear()
        if self.path is not None and self.path.exists():
            with self._connect() as conn:
                conn.execute("DELETE FROM failed")
            conn.close()

    def failures(self) -> list[Failure]:
        """Newest first."""
        if self.path is None:
            return sorted(self._memory.values(), key=lambda f: f.at, reverse=True)
        if not self.path.exists():
            return []
        conn = self._connect()
        try:
            rows = conn.execute("SELECT name, reason, step, at, who FROM failed ORDER BY at DESC, name").fetchall()
        finally:
            conn.close()
        return [Failure(*row) for row in rows]
