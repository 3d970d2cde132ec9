"""Writing one article's parse into the library, and dropping places nothing points to."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from geo.errors import StoreError
from geo.store.query import chunks, place_row
from geo.store.schema import articles, mentions, places, reported_events, sentences
from geo.types import Event, ParsedDocument


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


class ArticleRows(NamedTuple):
    """One parse as the rows it is stored as, ``added_at`` left to the writer: plain values,
    cheap to send from the process that parsed to the one that writes (a Dask worker's parse
    costs more to pickle and unpickle than these rows)."""

    article: dict
    sentences: list[dict]
    places: list[dict]  # by id
    mentions: list[dict]
    events: list[dict]


def rows_of(parsed: ParsedDocument) -> ArticleRows:
    doc = parsed.doc
    doc_id = doc.id
    article = {"id": doc_id, "title": doc.title, "source": doc.source, "media_type": doc.media_type,
               "date": doc.date, "text": doc.text, "words": len(doc.text.split())}
    resolved = [r for r in parsed.resolutions if r.place is not None]
    found = {p.id: p for r in resolved for p in (r.place, *r.alternatives)}
    found.update({e.place.id: e.place for e in parsed.events if e.place is not None})
    return ArticleRows(
        article,
        [{"article_id": doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
         for s in parsed.sentences],
        [place_row(found[k]) for k in sorted(found)],
        [{"article_id": doc_id, "sentence": r.mention.sentence, "start": r.mention.start,
          "end": r.mention.end, "text": r.mention.text, "label": r.mention.label,
          "hint": r.mention.hint, "place_id": r.place.id, "score": r.score,
          "alternatives": json.dumps([p.id for p in r.alternatives])} for r in resolved],
        [event_row(doc_id, i, e) for i, e in enumerate(parsed.events)])


def write_parse(conn: Connection, doc_id: str, parsed: ParsedDocument) -> None:
    """Sentences, places (upserted: shared between articles), mentions and events of one article."""
    write_rows(conn, [rows_of(parsed)])


def write_rows(conn: Connection, batch: list[ArticleRows]) -> None:
    """The sentences, places, mentions and events of several articles, one statement a table."""
    sentence_rows = [row for rows in batch for row in rows.sentences]
    if sentence_rows:
        conn.execute(sentences.insert(), sentence_rows)
    found = {row["id"]: row for rows in batch for row in rows.places}
    if found:
        # Sorted so concurrent PostgreSQL upserts lock rows in one order and cannot deadlock.
        conn.execute(statements(conn)[0], [found[k] for k in sorted(found)])
    mention_rows = [row for rows in batch for row in rows.mentions]
    if mention_rows:
        conn.execute(mentions.insert(), mention_rows)
    event_rows = [row for rows in batch for row in rows.events]
    if event_rows:
        conn.execute(reported_events.insert(), event_rows)


def event_row(doc_id: str, idx: int, e: Event, date_edited: bool = False) -> dict:
    m = e.mention
    return {"article_id": doc_id, "idx": idx, "sentence": e.sentence.index, "type": e.type,
            "sub_type": e.sub_type, "place_id": e.place.id if e.place else None,
            "mention_start": m.start if m else None, "mention_end": m.end if m else None,
            "mention_text": m.text if m else None, "mention_label": m.label if m else None,
            "precision": e.precision, "date": e.date, "date_edited": date_edited,
            "actors": json.dumps(list(e.actors), ensure_ascii=False),
            "fatalities": e.fatalities, "injured": e.injured, "score": e.score,
            "more": json.dumps([x.index for x in e.more])}


def edited_dates(conn: Connection, doc_id: str) -> dict[tuple[int, str], str | None]:
    """Event dates a user set by hand, keyed by (sentence, sub-type): a re-parse keeps them."""
    r = reported_events.c
    return {(row.sentence, row.sub_type): row.date for row in conn.execute(
        select(r.sentence, r.sub_type, r.date).where(r.article_id == doc_id, r.date_edited.is_(True)))}


def restore_dates(conn: Connection, doc_id: str, dates: dict[tuple[int, str], str | None]) -> None:
    r = reported_events.c
    for (sentence, sub_type), date in dates.items():
        conn.execute(update(reported_events).where(r.article_id == doc_id, r.sentence == sentence,
                                                   r.sub_type == sub_type)
                     .values(date=date, date_edited=True))


def delete_parse(conn: Connection, doc_id: str) -> set[str]:
    """Delete an article's mentions, events and sentences; return the place ids they referred to."""
    rows = conn.execute(select(mentions.c.place_id, mentions.c.alternatives)
                        .where(mentions.c.article_id == doc_id))
    referenced = {pid for place_id, alts in rows for pid in (place_id, *json.loads(alts))}
    referenced.update(conn.scalars(select(reported_events.c.place_id).where(
        reported_events.c.article_id == doc_id, reported_events.c.place_id.is_not(None))))
    conn.execute(delete(reported_events).where(reported_events.c.article_id == doc_id))
    conn.execute(delete(mentions).where(mentions.c.article_id == doc_id))
    conn.execute(delete(sentences).where(sentences.c.article_id == doc_id))
    return referenced


def collect_places(conn: Connection, candidates: set[str]) -> None:
    """Delete the candidates no mention or event points to, as its place or as an alternative."""
    used: set[str] = set()
    for chunk in chunks(candidates):
        for table in (mentions, reported_events):
            used.update(conn.scalars(select(table.c.place_id).distinct()
                                     .where(table.c.place_id.in_(chunk))))
    if candidates - used:
        # JSON lists cannot be indexed portably; scanning them is fine for a rare delete.
        for alts in conn.scalars(select(mentions.c.alternatives)
                                 .where(mentions.c.alternatives != "[]")):
            used.update(json.loads(alts))
    for chunk in chunks(candidates - used):
        conn.execute(delete(places).where(places.c.id.in_(chunk)))
