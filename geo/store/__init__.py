"""The article library kept between visits: parsed articles, their places and events.

SQLite file by default, or any SQLAlchemy URL of SQLite or PostgreSQL
(``GEO_DATABASE_URL``); one SQLAlchemy Core code path serves both.
Open one ``Store`` per process and hand other processes ``store.url``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    Connection, Engine, delete, distinct, exists, func, nulls_last, select, update,
)
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from . import changes, migrations
from geo.errors import LibraryUnusable, StoreError, db_reason
from geo.store.engine import data_dir, failure as _failure, make_engine, resolve_url
from geo.store.query import (
    BBox, RowContext, chunks, place_from_json, place_json, places_by_id, streamed,
)
from geo.store.conditions import MENTION_COLUMNS, Where, from_store, mentions_joined
from geo.store.events import read_events
from geo.store.schema import articles, corrections, mentions, reported_events, sentences
from geo.store.write import (
    ArticleRows, add_article, collect_places, delete_parse, edited_dates, restore_dates,
    rows_of, write_parse, write_rows,
)
from geo.types import (
    DEMONYM, Document, Event, Mention, ParsedDocument, Place, PlaceMention, Resolution, Sentence,
)

__all__ = ["ArticleInfo", "BBox", "Correction", "Store", "Where", "data_dir", "resolve_url", "spelling"]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article and its counts, each named for what it counts (the pages show them so)."""

    id: str
    title: str
    source: str
    date: str | None
    added_at: str
    n_mentions: int  # place mentions, nationality words ("Russian troops") not counted, as on the map
    n_places: int  # distinct places those mentions name
    n_events: int = 0  # reported events (geo.types.Event)


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's answer to "which place does this name mean?"."""

    id: int
    name: str  # the name as written, casefolded (``spelling``); matched by geo.gazetteer.namekey.name_key
    context: str  # "" everywhere, or a scope such as "country:UA" or "article:<doc id>"
    place: Place
    created_at: str
    active: bool


def spelling(name: str) -> str:
    """How a correction's name is kept: as written, casefolded, spaces collapsed (what
    `geo corrections list` shows). No key: every comparison goes through geo.gazetteer.namekey.name_key."""
    return " ".join(name.casefold().split())


def check_iso(iso: str | None) -> None:
    if iso is not None:
        try:
            datetime.fromisoformat(iso)
        except ValueError:
            raise StoreError(f"Not an ISO date: {iso!r} (expected e.g. 2023-06-06).") from None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        self._engine = engine
        self.read_only = read_only
        self.url = engine.url.render_as_string(hide_password=False)  # to open it elsewhere
        self._shown_url = engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
        """Open (creating and migrating as needed) the library at ``url``; see resolve_url().

        ``read_only``: open it as it is or not at all: a SQLite file with ``mode=ro``, PostgreSQL
        sessions whose transactions are read-only; nothing is created, seeded or migrated, and a
        missing library is a LibraryMissing."""
        resolved = resolve_url(url)  # LibraryUnusable when it is not a URL
        shown = resolved.render_as_string(hide_password=True)
        try:
            engine = make_engine(resolved, read_only=read_only)
        except (ValueError, ArgumentError) as e:  # ArgumentError: a dialect SQLAlchemy lacks
            raise LibraryUnusable(f"Not a database URL or file: {shown} ({db_reason(e)})",
                                  "GEO_DATABASE_URL is not a database URL") from e
        except (SQLAlchemyError, OSError, ImportError) as e:
            raise _failure(e, "Cannot open the library at", shown) from e
        store = cls(engine, read_only)
        try:
            if read_only:
                with store._read() as conn:
                    migrations.check(conn)
            else:
                with store._write("Cannot open the library at", change=False) as conn:
                    migrations.migrate(conn)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One snapshot: a read of several queries (rows, then their sentences and places) sees
        one state of the library, whatever other processes commit meanwhile. SQLite's
        transactions are snapshots already; PostgreSQL's are once REPEATABLE READ."""
        try:
            with self._engine.connect() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    yield conn
        except SQLAlchemyError as e:
            raise _failure(e, "Cannot read the library at", self._shown_url) from e

    @contextmanager
    def _write(self, doing: str = "Cannot write the library at", change: bool = True) -> Iterator[Connection]:
        """One transaction: everything inside is committed together or not at all. It raises the
        library's change count (geo.store.changes) unless ``change`` is off (opening, ANALYZE)
        or the body found nothing to change."""
        if self.read_only:
            raise StoreError("The library is open read-only (GEO_READ_ONLY): nothing can be changed.")
        try:
            with self._engine.connect() as conn:
                conn.execution_options(geo_write=True)
                conn.info.pop(changes.UNCHANGED, None)  # a mark left by a transaction that failed
                with conn.begin():
                    yield conn
                    if change:
                        changes.note(conn)
        except SQLAlchemyError as e:
            raise _failure(e, doing, self._shown_url) from e

    # -- articles ----------------------------------------------------------------------

    def save(self, parsed: ParsedDocument) -> bool:
        """Store a parsed article; False (and nothing written) when it is already stored."""
        return self.save_rows([rows_of(parsed)])[0]

    def save_rows(self, batch: Sequence[ArticleRows]) -> list[bool]:
        """Store several articles (geo.store.write.rows_of) in one transaction, all or none;
        for each, False when it was stored already (then nothing of it is written)."""
        now = _now()
        added = [False] * len(batch)
        with self._write() as conn:
            # In id order: two writers of overlapping batches lock the rows in one order.
            seen = set()
            for i in sorted(range(len(batch)), key=lambda i: batch[i].article["id"]):
                row = batch[i].article
                if row["id"] not in seen:
                    seen.add(row["id"])
                    added[i] = add_article(conn, {**row, "added_at": now})
            if any(added):
                write_rows(conn, [rows for rows, new in zip(batch, added) if new])
            else:
                changes.unchanged(conn)
        return added

    def replace_resolutions(self, doc_id: str, parsed: ParsedDocument) -> None:
        """Swap in a fresh parse of a stored article (reindex), keeping its row and date."""
        if parsed.doc.id != doc_id:
            raise StoreError(f"The parse is of article {parsed.doc.id}, not {doc_id}.")
        with self._write() as conn:
            self._require(conn, doc_id)
            edited = edited_dates(conn, doc_id)
            old = delete_parse(conn, doc_id)
            write_parse(conn, doc_id, parsed)
            restore_dates(conn, doc_id, edited)
            collect_places(conn, old)

    def remove(self, doc_id: str) -> bool:
        """Delete an article, its sentences and events, and places nothing else refers to."""
        with self._write() as conn:
            old = delete_parse(conn, doc_id)
            removed = conn.execute(delete(articles).where(articles.c.id == doc_id)).rowcount
            collect_places(conn, old)
        return bool(removed)

    def changes(self) -> int:
        """How many times the library was written, by any process: equal counts, equal content."""
        with self._read() as conn:
            return changes.count(conn)

    def has(self, doc_id: str) -> bool:
        with self._read() as conn:
            return bool(conn.scalar(select(exists().where(articles.c.id == doc_id))))

    def existing(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored: one query per chunk, not one per id."""
        found: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(doc_ids):
                found.update(conn.scalars(select(articles.c.id).where(articles.c.id.in_(chunk))))
        return found

    def article(self, doc_id: str) -> Document:
        with self._read() as conn:
            row = self._require(conn, doc_id)
        return Document(text=row.text, title=row.title, source=row.source,
                        media_type=row.media_type, date=row.date)

    def parsed(self, doc_id: str) -> ParsedDocument:
        """The stored parse; unresolved mentions are not kept, so every resolution has a place."""
        with self._read() as conn:
            row = self._require(conn, doc_id)
            sents = [Sentence(r.idx, r.start, r.end, r.text) for r in conn.execute(
                select(sentences).where(sentences.c.article_id == doc_id)
                .order_by(sentences.c.idx))]
            rows = conn.execute(select(mentions).where(mentions.c.article_id == doc_id)
                                .order_by(mentions.c.start, mentions.c.id)).all()
            alts = {r.id: json.loads(r.alternatives) for r in rows}
            found = places_by_id(conn, {r.place_id for r in rows}.union(*alts.values()))
            reported = read_events(conn, Where.of(doc_ids=[doc_id]), text_order=True)
        doc = Document(row.text, row.title, row.source, row.media_type, row.date)
        resolutions = [
            Resolution(Mention(r.start, r.end, r.text, r.sentence, r.label, r.hint),
                       found[r.place_id], r.score,
                       tuple(found[p] for p in alts[r.id] if p in found))
            for r in rows]
        return ParsedDocument(doc, sents, resolutions, events=reported)

    def sentences(self, doc_id: str, indices: Iterable[int]) -> dict[int, Sentence]:
        """Some sentences of an article, by index (the panel's context); unknown ones are left out."""
        s, out = sentences.c, {}
        with self._read() as conn:
            for chunk in chunks({i for i in indices if i >= 0}):
                for r in conn.execute(select(s.idx, s.start, s.end, s.text)
                                      .where(s.article_id == doc_id, s.idx.in_(chunk))):
                    out[r.idx] = Sentence(r.idx, r.start, r.end, r.text)
        return out

    def set_date(self, doc_id: str, iso: str | None) -> None:
        check_iso(iso)
        with self._write() as conn:
            old = self._require(conn, doc_id).date
            conn.execute(update(articles).where(articles.c.id == doc_id).values(date=iso))
            # Events dated only by their article move with it; dates the text or a user gave stay.
            r = reported_events.c
            conn.execute(update(reported_events)
                         .where(r.article_id == doc_id, r.date_edited.is_(False),
                                r.date.is_(None) if old is None else r.date == old)
                         .values(date=iso))

    def set_event_date(self, doc_id: str, index: int, iso: str | None) -> None:
        """Set the date of an article's ``index``-th event (text order, as in
        ``ParsedDocument.events``); a reindex keeps a date set this way."""
        check_iso(iso)
        with self._write() as conn:
            self._require(conn, doc_id)
            r = reported_events.c
            done = conn.execute(update(reported_events)
                                .where(r.article_id == doc_id, r.idx == index)
                                .values(date=iso, date_edited=True)).rowcount
            if not done:
                raise StoreError(f"Article {doc_id!r} has no event {index}.")

    def articles(self) -> list[ArticleInfo]:
        """Most recently added first."""
        counts = (select(mentions.c.article_id, func.count().label("n"),
                         func.count(distinct(mentions.c.place_id)).label("p"))
                  .where(mentions.c.label != DEMONYM)
                  .group_by(mentions.c.article_id).subquery())
        reported = (select(reported_events.c.article_id, func.count().label("e"))
                    .group_by(reported_events.c.article_id).subquery())
        a = articles.c
        query = (select(a.id, a.title, a.source, a.date, a.added_at, func.coalesce(counts.c.n, 0),
                        func.coalesce(counts.c.p, 0), func.coalesce(reported.c.e, 0))
                 .outerjoin(counts, counts.c.article_id == a.id)
                 .outerjoin(reported, reported.c.article_id == a.id)
                 .order_by(a.added_at.desc(), a.id))
        with self._read() as conn:
            return [ArticleInfo(*r) for r in conn.execute(query)]

    def titles(self) -> list[tuple[str, str, str]]:
        """(id, title, source) of every article, as articles() orders them, without their counts."""
        a = articles.c
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(select(a.id, a.title, a.source).order_by(a.added_at.desc(), a.id))]

    # -- events and places -------------------------------------------------------------

    def place_mentions(self, *, article_ids: Sequence[str] | None = None,
               countries: Sequence[str] | None = None, admin1: Sequence[str] | None = None,
               features: Sequence[str] | None = None, bbox: BBox | None = None,
               date_from: str | None = None, date_to: str | None = None,
               limit: int | None = None, demonyms: bool = True, **more) -> list[PlaceMention]:
        """Place mentions every given condition keeps (geo.store.conditions), by article date then offset."""
        e, out = mentions.c, []
        with self._read() as conn:
            f = from_store(conn, article_ids=article_ids, countries=countries, admin1=admin1, features=features,
                           bbox=bbox, date_from=date_from, date_to=date_to, demonyms=demonyms, **more)
            query = (select(e.article_id, e.sentence, e.start, e.end, e.text, e.label, e.hint,
                            e.place_id, e.score)
                     .select_from(mentions_joined()).where(*f.conditions(MENTION_COLUMNS))
                     .order_by(nulls_last(articles.c.date), e.article_id, e.start, e.id)
                     .limit(limit))
            known = RowContext(conn, query, limit is not None)
            for rows in streamed(conn, query):
                out += [PlaceMention(doc_id, known.sentences[doc_id, idx],
                                     Mention(start, end, text, idx, label, hint),
                                     known.places[place_id], score)
                        for doc_id, idx, start, end, text, label, hint, place_id, score in rows]
        return out

    def places_summary(self, *, article_ids: Sequence[str] | None = None,
                       countries: Sequence[str] | None = None,
                       admin1: Sequence[str] | None = None,
                       features: Sequence[str] | None = None, bbox: BBox | None = None,
                       date_from: str | None = None, date_to: str | None = None,
                       limit: int | None = None) -> list[tuple[Place, int, int]]:
        """(place, n_mentions, n_articles) over the matching events, most mentioned first."""
        n = func.count(mentions.c.id)
        with self._read() as conn:
            f = from_store(conn, article_ids=article_ids, countries=countries, admin1=admin1, features=features,
                           bbox=bbox, date_from=date_from, date_to=date_to)
            query = (select(mentions.c.place_id, n, func.count(distinct(mentions.c.article_id)))
                     .select_from(mentions_joined()).where(*f.conditions(MENTION_COLUMNS))
                     .group_by(mentions.c.place_id).order_by(n.desc(), mentions.c.place_id)
                     .limit(limit))
            rows = conn.execute(query).all()
            found = places_by_id(conn, {r.place_id for r in rows})
        return [(found[pid], mentions, arts) for pid, mentions, arts in rows]

    def events(self, *, article_ids: Sequence[str] | None = None,
               countries: Sequence[str] | None = None, admin1: Sequence[str] | None = None,
               types: Sequence[str] | None = None, sub_types: Sequence[str] | None = None,
               actors: Sequence[str] | None = None, bbox: BBox | None = None,
               date_from: str | None = None, date_to: str | None = None,
               limit: int | None = None, **more) -> list[Event]:
        """Reported events matching every given filter (as place_mentions), by event date
        (undated last), then article, then text order."""
        with self._read() as conn:
            f = from_store(conn, article_ids=article_ids, countries=countries, admin1=admin1, types=types,
                           sub_types=sub_types, actors=actors, bbox=bbox, date_from=date_from, date_to=date_to, **more)
            return read_events(conn, f, limit)

    # -- corrections -------------------------------------------------------------------

    def add_correction(self, name: str, place: Place, context: str = "") -> int:
        if not spelling(name):
            raise StoreError("A correction needs the name it corrects.")
        row = {"name": spelling(name), "context": context, "place": place_json(place),
               "created_at": _now(), "active": True}
        with self._write() as conn:
            return conn.execute(corrections.insert().values(row)).inserted_primary_key[0]

    def corrections(self, *, active_only: bool = True) -> list[Correction]:
        """Oldest first, so a later correction of the same name and context wins."""
        query = select(corrections).order_by(corrections.c.id)
        if active_only:
            query = query.where(corrections.c.active.is_(True))
        with self._read() as conn:
            return [Correction(r.id, r.name, r.context, place_from_json(r.place), r.created_at,
                               bool(r.active)) for r in conn.execute(query)]

    def undo_correction(self, correction_id: int) -> bool:
        """Deactivate it (kept for history); False when unknown or already undone."""
        with self._write() as conn:
            return bool(conn.execute(
                update(corrections).where(corrections.c.id == correction_id,
                                          corrections.c.active.is_(True))
                .values(active=False)).rowcount)

    # -- helpers -----------------------------------------------------------------------

    def _require(self, conn: Connection, doc_id: str):
        row = conn.execute(select(articles).where(articles.c.id == doc_id)).first()
        if row is None:
            raise StoreError(f"No article {doc_id!r} in the library.")
        return row

