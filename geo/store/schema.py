"""The article library's tables as the current schema version has them.

Queries are written against these. ``geo.store.migrations`` builds them step by step;
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

mentions = Table(
    "mentions", metadata,  # places named in sentences (called "events" up to schema v2)
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
    Index("ix_mentions_article", "article_id", "start"),
    Index("ix_mentions_place", "place_id"),
)

# The place-mention table's old Python name, for modules not yet moved over to ``mentions``.
events = mentions

reported_events = Table(
    "reported_events", metadata,  # geo.types.Event: what happened, where, when, who, the toll
    Column("id", Integer, primary_key=True),
    Column("article_id", Text, nullable=False),
    Column("idx", Integer, nullable=False),  # the event's rank in its article, in text order
    Column("sentence", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("sub_type", Text, nullable=False),
    Column("place_id", Text, ForeignKey("places.id")),  # NULL: the text names nowhere placeable
    Column("mention_start", Integer),
    Column("mention_end", Integer),
    Column("mention_text", Text),
    Column("mention_label", Text),
    Column("precision", Integer, nullable=False),  # 1 the place itself, 2 near it, 3 region only
    Column("date", Text),  # ISO date of the event
    Column("date_edited", Boolean, nullable=False),  # set by hand: a reindex keeps it
    Column("actors", Text, nullable=False),  # JSON list
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("score", Float, nullable=False),
    Column("more", Text, nullable=False, server_default="[]"),  # JSON: indexes of later source sentences
    ForeignKeyConstraint(["article_id", "sentence"], ["sentences.article_id", "sentences.idx"],
                         ondelete="CASCADE"),
    Index("ix_reported_events_article", "article_id", "idx"),
    Index("ix_reported_events_date", "date"),
    # geo.map.aggregate's (migration _v8_map_at_scale; "newest" is date DESC there)
    Index("ix_reported_events_map", "place_id", "type", "sub_type", "date", "article_id", "actors"),
    Index("ix_reported_events_kind", "type", "sub_type"),
    Index("ix_reported_events_actors", "actors"),
    Index("ix_reported_events_newest", "date", "article_id", "idx"),
)

library_changes = Table(
    "library_changes", metadata,  # one row (id 1): how many times the library was written (geo.store.changes)
    Column("id", Integer, primary_key=True),
    Column("changes", BigInteger, nullable=False),
)

library_summaries = Table(
    "library_summaries", metadata,  # name -> what was counted at change count ``changes`` (geo.store.summaries.kept)
    Column("name", Text, primary_key=True),
    Column("changes", BigInteger, nullable=False),
    Column("data", Text, nullable=False),
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

overlays = Table(
    "overlays", metadata,  # the user's own layers (geo.text.overlays), drawn under the events
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),  # the file's name
    Column("kind", Text, nullable=False),  # "KML", "KMZ", "GeoJSON", "GeoPackage"
    Column("date", Text),  # ISO: the date the map shows, when the user gave one
    Column("added_at", Text, nullable=False),
    Column("features", Integer, nullable=False),
    Column("geojson", Text, nullable=False),  # FeatureCollection: plain-text names, checked geometry
)

Index("ix_articles_date", articles.c.date)
Index("ix_places_country", places.c.country)
Index("ix_places_admin1", places.c.admin1)
Index("ix_places_feature", places.c.feature)
