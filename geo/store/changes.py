"""The library's change count: one row every write raises in its own transaction, so that a
process holding answers read from the library (the dashboard) knows with one cheap read whether
anything changed since, whoever wrote it, on SQLite and PostgreSQL alike.

A count, not a time: two writes within a clock tick must still differ. It is raised last in the
transaction, so on PostgreSQL concurrent writers hold the row's lock only for their commit, after
every other lock they take (no deadlock with the places' upserts).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from geo.store.schema import library_changes

UNCHANGED = "geo_unchanged"  # set on a write transaction that found nothing to change


def unchanged(conn: Connection) -> None:
    """This transaction wrote nothing (an article already stored): leave the count as it is, or
    re-ingesting an archive would make every dashboard drop its answers each few seconds."""
    conn.info[UNCHANGED] = True


def note(conn: Connection) -> None:
    """Raise the count inside the writing transaction, unless it was marked unchanged."""
    if not conn.info.pop(UNCHANGED, False):
        conn.execute(update(library_changes).where(library_changes.c.id == 1)
                     .values(changes=library_changes.c.changes + 1))


def count(conn: Connection) -> int:
    return conn.scalar(select(library_changes.c.changes).where(library_changes.c.id == 1)) or 0
