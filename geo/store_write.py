"""Writing one article's parse into the library, and dropping places nothing points to."""

from __future__ import annotations

import json
from functools import lru_cache

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from .errors import StoreError
from .store_query import chunks, place_row
from .store_schema import articles, events, places, sentences
from .types import ParsedDocument


_DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}  # the ones whose INSERT has ON CONFLICT


@lru_cache(maxsize=None)
def _statements(dialect: str) -> tuple:
    """Built once per dialect: building an upsert costs more than running it (column proxies,
    cache keys), and a batch ingest saves thousands of articles."""
    insert_of = _DIALECTS[dialect].insert
    upsert = insert_of(places)
    upsert = upsert.on_conflict_do_update(
        index_elements=[places.c.id], set_={c.name: upsert.excluded[c.name] for c in places.c if c.name != "id"})
    # RETURNING, not rowcount: psycopg reports -1 for INSERT .. ON CONFLICT.
    add_article = insert_of(articles).on_conflict_do_nothing().returning(articles.c.id)
    return upsert, add_article


def statements(conn: Connection) -> tuple:
    """(place upsert, article insert-if-new) for this connection's database."""
    if conn.dialect.name not in _DIALECTS:
        raise StoreError(f"Unsupported database {conn.dialect.name!r}: use SQLite or PostgreSQL.")
    return _statements(conn.dialect.name)


def add_article(conn: Connection, row: dict) -> bool:
    """Insert the article row; False when an article with that id is already stored."""
    return conn.execute(statements(conn)[1], row).first() is not None


def write_parse(conn: Connection, doc_id: str, parsed: ParsedDocument) -> None:
    """Sentences, places (upserted: shared between articles) and events of one article."""
    if parsed.sentences:
        conn.execute(sentences.insert(), [
            {"article_id": doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in parsed.sentences])
    resolved = [r for r in parsed.resolutions if r.place is not None]
    found = {p.id: p for r in resolved for p in (r.place, *r.alternatives)}
    if found:
        # Sorted so concurrent PostgreSQL upserts lock rows in one order and cannot deadlock.
        conn.execute(statements(conn)[0], [place_row(found[k]) for k in sorted(found)])
    if resolved:
        conn.execute(events.insert(), [
            {"article_id": doc_id, "sentence": r.mention.sentence, "start": r.mention.start,
             "end": r.mention.end, "text": r.mention.text, "label": r.mention.label,
             "hint": r.mention.hint, "place_id": r.place.id, "score": r.score,
             "alternatives": json.dumps([p.id for p in r.alternatives])}
            for r in resolved])


def delete_parse(conn: Connection, doc_id: str) -> set[str]:
    """Delete an article's events and sentences; return the place ids they referred to."""
    rows = conn.execute(select(events.c.place_id, events.c.alternatives)
                        .where(events.c.article_id == doc_id))
    referenced = {pid for place_id, alts in rows for pid in (place_id, *json.loads(alts))}
    conn.execute(delete(events).where(events.c.article_id == doc_id))
    conn.execute(delete(sentences).where(sentences.c.article_id == doc_id))
    return referenced


def collect_places(conn: Connection, candidates: set[str]) -> None:
    """Delete the candidates no event points to, as its place or as an alternative."""
    used: set[str] = set()
    for chunk in chunks(candidates):
        used.update(conn.scalars(select(events.c.place_id).distinct()
                                 .where(events.c.place_id.in_(chunk))))
    if candidates - used:
        # JSON lists cannot be indexed portably; scanning them is fine for a rare delete.
        for alts in conn.scalars(select(events.c.alternatives)
                                 .where(events.c.alternatives != "[]")):
            used.update(json.loads(alts))
    for chunk in chunks(candidates - used):
        conn.execute(delete(places).where(places.c.id.in_(chunk)))
