"""Schema versions of the article library, applied in order by ``Store.open``.

``MIGRATIONS`` is append-only: step *n* turns a version *n-1* database into version *n*.
Each step spells out its own DDL rather than reusing ``geo.store.schema``, which
describes only the latest version; a v1 library must be rebuilt exactly as v1 was.
SQLAlchemy DDL keeps each step portable between SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger, Boolean, Column, Connection, Float, ForeignKey, ForeignKeyConstraint, Index,
    Integer, MetaData, PrimaryKeyConstraint, Table, Text, select, text,
)
from sqlalchemy.schema import CreateTable

from geo.errors import LibraryMissing, LibraryUnusable, StoreError

_version = Table("schema_version", MetaData(), Column("version", Integer, nullable=False))


def _v1(conn: Connection) -> None:
    """Articles, sentences, places and events."""
    md = MetaData()
    Table("articles", md,
          Column("id", Text, primary_key=True), Column("title", Text, nullable=False),
          Column("source", Text, nullable=False), Column("media_type", Text, nullable=False),
          Column("date", Text), Column("text", Text, nullable=False),
          Column("added_at", Text, nullable=False), Column("words", Integer, nullable=False))
    Table("sentences", md,
          Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"),
                 nullable=False),
          Column("idx", Integer, nullable=False), Column("start", Integer, nullable=False),
          Column("end", Integer, nullable=False), Column("text", Text, nullable=False),
          PrimaryKeyConstraint("article_id", "idx"))
    Table("places", md,
          Column("id", Text, primary_key=True), Column("name", Text, nullable=False),
          Column("lat", Float, nullable=False), Column("lon", Float, nullable=False),
          *(Column(c, Text, nullable=False)
            for c in ("feature", "country", "admin1", "admin1_code")),
          Column("population", BigInteger, nullable=False), Column("geonames_id", BigInteger),
          Column("source", Text, nullable=False), Column("geometry", Text))
    Table("events", md,
          Column("id", Integer, primary_key=True),
          Column("article_id", Text, nullable=False), Column("sentence", Integer, nullable=False),
          Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
          Column("text", Text, nullable=False), Column("label", Text, nullable=False),
          Column("place_id", Text, ForeignKey("places.id"), nullable=False),
          Column("score", Float, nullable=False), Column("alternatives", Text, nullable=False),
          ForeignKeyConstraint(["article_id", "sentence"],
                               ["sentences.article_id", "sentences.idx"], ondelete="CASCADE"))
    md.create_all(conn)


def _v2(conn: Connection) -> None:
    """Mention hints, user corrections, and the indexes the map's filters need."""
    conn.execute(text("ALTER TABLE events ADD COLUMN hint TEXT NOT NULL DEFAULT ''"))
    md = MetaData()
    Table("corrections", md,
          Column("id", Integer, primary_key=True), Column("name", Text, nullable=False),
          Column("context", Text, nullable=False), Column("place", Text, nullable=False),
          Column("created_at", Text, nullable=False), Column("active", Boolean, nullable=False),
          Index("ix_corrections_name", "name", "context"))
    md.create_all(conn)
    for name, table, columns in [
        ("ix_events_article", "events", "article_id, start"),
        ("ix_events_place", "events", "place_id"),
        ("ix_articles_date", "articles", "date"),
        ("ix_places_country", "places", "country"),
        ("ix_places_admin1", "places", "admin1"),
        ("ix_places_feature", "places", "feature"),
    ]:
        conn.execute(text(f"CREATE INDEX {name} ON {table} ({columns})"))


def _v3(conn: Connection) -> None:
    """Place mentions get their real name (``events`` -> ``mentions``); reported events
    (geo.types.Event) get a table of their own."""
    conn.execute(text("ALTER TABLE events RENAME TO mentions"))
    for old, new, columns in [("ix_events_article", "ix_mentions_article", "article_id, start"),
                              ("ix_events_place", "ix_mentions_place", "place_id")]:
        conn.execute(text(f"DROP INDEX {old}"))
        conn.execute(text(f"CREATE INDEX {new} ON mentions ({columns})"))
    if conn.dialect.name == "postgresql":
        # Names PostgreSQL derived from the old table name; the column default follows the
        # sequence by OID, so renaming it is safe.
        conn.execute(text("ALTER SEQUENCE events_id_seq RENAME TO mentions_id_seq"))
        conn.execute(text("ALTER INDEX events_pkey RENAME TO mentions_pkey"))
    md = MetaData()
    Table("articles", md, Column("id", Text, primary_key=True))
    Table("places", md, Column("id", Text, primary_key=True))
    Table("sentences", md, Column("article_id", Text), Column("idx", Integer),
          PrimaryKeyConstraint("article_id", "idx"))
    table = Table(
        "reported_events", md,
        Column("id", Integer, primary_key=True),
        Column("article_id", Text, nullable=False), Column("idx", Integer, nullable=False),
        Column("sentence", Integer, nullable=False),
        Column("type", Text, nullable=False), Column("sub_type", Text, nullable=False),
        Column("place_id", Text, ForeignKey("places.id")),
        Column("mention_start", Integer), Column("mention_end", Integer),
        Column("mention_text", Text), Column("mention_label", Text),
        Column("precision", Integer, nullable=False), Column("date", Text),
        Column("date_edited", Boolean, nullable=False), Column("actors", Text, nullable=False),
        Column("fatalities", Integer), Column("injured", Integer),
        Column("score", Float, nullable=False),
        ForeignKeyConstraint(["article_id", "sentence"],
                             ["sentences.article_id", "sentences.idx"], ondelete="CASCADE"),
        Index("ix_reported_events_article", "article_id", "idx"),
        Index("ix_reported_events_date", "date"),
        Index("ix_reported_events_place", "place_id"))
    table.create(conn)


def _v4(conn: Connection) -> None:
    """Full-text search over stored sentences (geo.store.search): an FTS5 index kept by
    triggers on SQLite, an expression GIN index over to_tsvector on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("CREATE INDEX ix_sentences_fts ON sentences "
                          "USING GIN (to_tsvector('english', text))"))
        return
    conn.execute(text("CREATE VIRTUAL TABLE sentence_search USING fts5("
                      "text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"))
    conn.execute(text("CREATE TRIGGER sentences_search_ai AFTER INSERT ON sentences BEGIN "
                      "INSERT INTO sentence_search(rowid, text) VALUES (new.rowid, new.text); END"))
    conn.execute(text("CREATE TRIGGER sentences_search_ad AFTER DELETE ON sentences BEGIN "
                      "INSERT INTO sentence_search(sentence_search, rowid, text) "
                      "VALUES ('delete', old.rowid, old.text); END"))
    conn.execute(text("INSERT INTO sentence_search(sentence_search) VALUES ('rebuild')"))


def _v5(conn: Connection) -> None:
    """An event's later source sentences (geo.types.Event.more): a JSON list of their indexes.
    Events stored before keep one sentence each until ``geo reindex``."""
    conn.execute(text("ALTER TABLE reported_events ADD COLUMN more TEXT NOT NULL DEFAULT '[]'"))


def _v6(conn: Connection) -> None:
    """Stemmed search: "shell" finds "shelled", "killed" finds "killing". SQLite's index is
    rebuilt with FTS5's porter tokenizer over the same sentences (nothing is lost: it is an
    external-content index, the sentences stay where they are). PostgreSQL's index has been
    over the English configuration, which stems, since v4: nothing to change there."""
    if conn.dialect.name == "postgresql":
        return
    for trigger in ("sentences_search_ai", "sentences_search_ad"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
    conn.execute(text("DROP TABLE IF EXISTS sentence_search"))
    conn.execute(text("CREATE VIRTUAL TABLE sentence_search USING fts5(text, content='sentences', "
                      "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"))
    conn.execute(text("CREATE TRIGGER sentences_search_ai AFTER INSERT ON sentences BEGIN "
                      "INSERT INTO sentence_search(rowid, text) VALUES (new.rowid, new.text); END"))
    conn.execute(text("CREATE TRIGGER sentences_search_ad AFTER DELETE ON sentences BEGIN "
                      "INSERT INTO sentence_search(sentence_search, rowid, text) "
                      "VALUES ('delete', old.rowid, old.text); END"))
    conn.execute(text("INSERT INTO sentence_search(sentence_search) VALUES ('rebuild')"))


def _v7(conn: Connection) -> None:
    """The user's own layers (geo.text.overlays): a control-area or front-line map kept as GeoJSON."""
    md = MetaData()
    Table("overlays", md,
          Column("id", Integer, primary_key=True), Column("name", Text, nullable=False),
          Column("source", Text, nullable=False), Column("kind", Text, nullable=False),
          Column("date", Text), Column("added_at", Text, nullable=False),
          Column("features", Integer, nullable=False), Column("geojson", Text, nullable=False))
    md.create_all(conn)


def _v8_map_at_scale(conn: Connection) -> None:
    """Indexes for a map over a million events (geo.map.aggregate): counting by place, type and
    date reads the index alone, and the events table pages newest first without sorting.
    PostgreSQL's index states NULLS LAST so undated events page last there too, as in SQLite."""
    newest = ("date DESC NULLS LAST, article_id, idx" if conn.dialect.name == "postgresql"
              else "date DESC, article_id, idx")
    for name, columns in [
        # Every column a map filter reads (the article for an undated event's date): counting the
        # events of each place in view reads this index alone.
        ("ix_reported_events_map", "place_id, type, sub_type, date, article_id, actors"),
        ("ix_reported_events_kind", "type, sub_type"),
        ("ix_reported_events_actors", "actors"),
        ("ix_reported_events_newest", newest),
    ]:
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON reported_events ({columns})"))
    # A prefix of ix_reported_events_map: kept, it drew PostgreSQL's planner to a scan that reads
    # the table for every event (1.2 s against 0.7 s for a half-year's cells of a million).
    conn.execute(text("DROP INDEX IF EXISTS ix_reported_events_place"))


def _v9_changes(conn: Connection) -> None:
    """A count of the library's changes, raised by every write (geo.store.changes): a dashboard
    notices another process's writes by reading one row, not the article list (0.26 s at a
    million events, every few seconds)."""
    md = MetaData()
    table = Table("library_changes", md, Column("id", Integer, primary_key=True),
                  Column("changes", BigInteger, nullable=False))
    table.create(conn)
    conn.execute(table.insert().values(id=1, changes=0))


def _v10_summaries(conn: Connection) -> None:
    """Counts read from the whole library, kept with the change count they were read at
    (geo.store.summaries.kept): a restarted dashboard reads its sidebar's counts in one row instead
    of counting a million events again (1.2-20 s, in its first visitor's run)."""
    Table("library_summaries", MetaData(), Column("name", Text, primary_key=True),
          Column("changes", BigInteger, nullable=False), Column("data", Text, nullable=False)).create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8_map_at_scale, _v9_changes,
                                                  _v10_summaries]
LATEST = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    """0 for an empty database."""
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    version = conn.scalar(select(_version.c.version))
    if version is None:
        raise StoreError("The library's schema_version table is empty: the database is damaged.")
    return version


def check(conn: Connection) -> int:
    """For a library opened read-only, which is never migrated: its version, when it is the one
    this program reads; LibraryMissing for an empty database, LibraryUnusable for another version."""
    from geo.store.engine import MISSING

    version = schema_version(conn)
    if version == 0:
        raise LibraryMissing("The database holds no article library: opened read-only, nothing was created.",
                             MISSING)
    if version != LATEST:
        how = ("upgrade the program" if version > LATEST
               else "open it once without GEO_READ_ONLY (or run `geo reindex`) to upgrade it")
        raise LibraryUnusable(f"The library is schema v{version}; this program reads v{LATEST}: {how}.",
                              f"the library is schema v{version} and this program reads v{LATEST}: {how}")
    return version


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the database up to ``target`` inside the caller's transaction; return the version.

    The caller holds SQLite's write lock (BEGIN IMMEDIATE); on PostgreSQL an advisory
    lock does the same, so two processes opening a fresh library do not both build it.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7044860)"))  # any app-wide constant
    version = schema_version(conn)
    if version > LATEST:
        raise StoreError(f"The library was written by a newer version of this program (schema "
                         f"v{version}; this one knows up to v{LATEST}). Upgrade the program.")
    if version == 0 and not conn.dialect.has_table(conn, "schema_version"):
        conn.execute(CreateTable(_version))
        conn.execute(_version.insert().values(version=0))
    for step in range(version, target):
        MIGRATIONS[step](conn)
        conn.execute(_version.update().values(version=step + 1))
    return max(version, target)
