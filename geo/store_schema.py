"""The article library's tables as the current schema version has them.

Queries are written against these. ``geo.migrations`` builds them step by step;
``tests/test_store.py`` checks that a migrated database matches them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, Float, ForeignKey, ForeignKeyConstraint, Index,
    Integer, MetaData, PrimaryKeyConstraint, Table, Text,
)

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

articles = Table(
    "articles", metadata,
    Column("id", Text, primary_key=True),  # Document.id: content hash, so re-uploads collide
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("date", Text),  # ISO; strings sort chronologically
    Column("text", Text, nullable=False),
    Column("added_at", Text, nullable=False),
    Column("words", Integer, nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
)

places = Table(
    "places", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("feature", Text, nullable=False),
    Column("country", Text, nullable=False),
    Column("admin1", Text, nullable=False),
    Column("admin1_code", Text, nullable=False),
    Column("population", BigInteger, nullable=False),
    Column("geonames_id", BigInteger),
    Column("source", Text, nullable=False),
    Column("geometry", Text),  # GeoJSON geometry
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("hint", Text, nullable=False),
    Column("place_id", Text, ForeignKey("places.id"), nullable=False),
    Column("score", Float, nullable=False),
    Column("alternatives", Text, nullable=False),  # JSON list of place ids, best first
    ForeignKeyConstraint(["article_id", "sentence"], ["sentences.article_id", "sentences.idx"],
                         ondelete="CASCADE"),
    Index("ix_events_article", "article_id", "start"),
    Index("ix_events_place", "place_id"),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),  # normalised name key
    Column("context", Text, nullable=False),  # "" (everywhere), "country:UA", "article:<id>"
    Column("place", Text, nullable=False),  # Place as JSON: user places may be in no gazetteer
    Column("created_at", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Index("ix_corrections_name", "name", "context"),
)

Index("ix_articles_date", articles.c.date)
Index("ix_places_country", places.c.country)
Index("ix_places_admin1", places.c.admin1)
Index("ix_places_feature", places.c.feature)
