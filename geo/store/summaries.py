"""Counts read from the whole library, kept in it with the change count they were read at
(geo.store.changes), so that a process starting over an unchanged library reads one row instead
of counting again: a restarted dashboard's sidebar counts (1.2 s at a million events on SQLite,
idle; up to 20 s on PostgreSQL under load) in its first visitor's run.

A summary is current while the change count is the one it was kept at: every write raises it, so
a write makes it stale for every process at once, whichever process wrote.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, delete, insert, select

from geo.errors import StoreError
from geo.store import changes
from geo.store.schema import library_summaries

s = library_summaries.c


def kept(store, name: str, compute: Callable[[Connection], str]) -> str:
    """The summary ``name`` of the library as it is now: the kept one if nothing was written since,
    else ``compute(conn)`` (in the same snapshot as the change count it is kept with), kept for
    the next process. ``name`` says what it holds and in which format: a new format is a new
    name, never a misread old one."""
    with store._read() as conn:  # noqa: SLF001 - one snapshot for the count and the summary
        at = changes.count(conn)
        row = conn.execute(select(s.changes, s.data).where(s.name == name)).first()
        if row is not None and row.changes == at:
            return row.data
        data = compute(conn)
    if not store.read_only:
        try:
            # Not a change of the library: keeping its summary must not make the summary stale.
            with store._write("Cannot keep a summary in the library at", change=False) as conn:  # noqa: SLF001
                conn.execute(delete(library_summaries).where(s.name == name))
                conn.execute(insert(library_summaries).values(name=name, changes=at, data=data))
        except StoreError:
            pass  # another process kept it first (the same counts), or the disk is full: counted again next time
    return data
