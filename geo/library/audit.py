"""Who changed the shared library, and when: removals, date edits, corrections and their undos.

Kept beside the library like geo.library.failures (a small SQLite file of its own, no migration of the
library's schema). The dashboard writes a row for every change a user makes; per-user undo
reads it to offer each user their own corrections only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from geo.library.failures import path_for

_SCHEMA = """CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT NOT NULL, detail TEXT NOT NULL)"""
_INDEX = "CREATE INDEX IF NOT EXISTS ix_actions_target ON actions (action, target)"


@dataclass(frozen=True)
class Action:
    at: str  # ISO time, UTC
    who: str  # "" when nobody is signed in
    action: str  # "remove", "set_date", "correct", "undo"
    target: str  # article id, or correction id
    detail: str = ""


class AuditLog:
    def __init__(self, path: Path | None):
        self.path = path
        self._memory: list[Action] = []

    @classmethod
    def beside(cls, store) -> "AuditLog":
        url = getattr(store, "url", "") or ""
        failed = path_for(url)
        return cls(failed.with_name(failed.name.replace(".failed.", ".audit.").replace("failed-", "audit-"))
                   if failed else None)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(_SCHEMA)
        conn.execute(_INDEX)
        return conn

    def record(self, who: str, action: str, target: str, detail: str = "") -> Action:
        row = Action(datetime.now(timezone.utc).isoformat(timespec="seconds"), who or "", action,
                     str(target), detail[:500])
        if self.path is None:
            self._memory.append(row)
            return row
        conn = self._connect()
        try:
            with conn:
                conn.execute("INSERT INTO actions (at, who, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                             (row.at, row.who, row.action, row.target, row.detail))
        finally:
            conn.close()
        return row

    def actions(self, action: str | None = None, target: str | None = None) -> list[Action]:
        """Newest first."""
        if self.path is None:
            rows = [a for a in self._memory if action in (None, a.action) and target in (None, a.target)]
            return rows[::-1]
        if not self.path.exists():
            return []
        conn = self._connect()
        try:
            rows = conn.execute(
                "SELECT at, who, action, target, detail FROM actions WHERE (? IS NULL OR action = ?) "
                "AND (? IS NULL OR target = ?) ORDER BY id DESC", (action, action, target, target)).fetchall()
        finally:
            conn.close()
        return [Action(*r) for r in rows]

    def author(self, action: str, target: str) -> str | None:
        """Who did ``action`` to ``target`` last; None when no row says."""
        rows = self.actions(action, str(target))
        return rows[0].who if rows else None
