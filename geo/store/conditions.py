"""One filter, one meaning: every condition of ``geo.filters.EventFilter`` is one row of CONDITIONS
that holds both what it keeps in Python (the dashboard's cached lists: ``EventFilter.apply``,
``apply_events``) and the same in SQL (the store, `geo export`, the map at scale). Datasette's
Filter idea: a condition is written once, so the table, the map and the export cannot drift apart
(tests/test_one_filter.py holds them to it for every field).

A condition reads either the place a row points to (``on="place"``: evaluated once per place in
Python; the map at scale turns these into the set of places they keep) or the row itself. Values
are by condition name; a name absent or None puts no constraint, an empty list keeps nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, and_, false, func, or_, select

from geo.distance import in_bbox, in_shape, polygons_of
from geo.gazetteer.areas import in_countries, in_regions
from geo.store.query import geometry_places
from geo.store.schema import articles, mentions, places
from geo.types import DEMONYM, Place

MENTIONS, EVENTS = "mentions", "events"  # place mentions (geo.types.PlaceMention) and reported events
BOTH = frozenset({MENTIONS, EVENTS})


class ArticleMeta(Protocol):
    """What the article-level filters read of an article (``geo.store.ArticleInfo`` has it)."""

    @property
    def date(self) -> str | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class Reading:
    """How a Python predicate reads a row: the same questions the SQL asks of the columns. A place
    mention is dated by its article, a reported event by its own date (the library gives it the
    article's when the text has none, as the SQL's COALESCE does)."""

    kind: str
    articles: Mapping[str, ArticleMeta] | None = None

    def date(self, row) -> str | None:
        if self.kind == EVENTS:
            return row.date
        article = (self.articles or {}).get(row.doc_id)
        return article.date if article is not None else None

    def source(self, row) -> str | None:
        article = (self.articles or {}).get(row.doc_id)
        return article.source if article is not None else None


@dataclass(frozen=True)
class Columns:
    """What a condition's SQL reads: the row's table (``mentions`` or ``reported_events``; None when
    only places are selected), the date a row is filtered by, and the column holding its place id
    (the row's ``place_id``, or ``places.id`` when only places are selected). Place conditions read
    ``places`` itself, which the query joins."""

    kind: str
    row: Any = None
    date: ColumnElement | None = None
    place_id: ColumnElement | None = None

    @classmethod
    def places_only(cls, kind: str = EVENTS) -> Columns:
        return cls(kind, place_id=places.c.id)


@dataclass(frozen=True)
class Condition:
    """One filter field. ``keeps(value, row, reading)`` is its Python predicate; a place condition
    is asked of the row's place instead, once per place, and never of a row placed nowhere (that
    row drops out, as in SQL, where the place's columns are NULL). ``sql(value, columns)`` is the
    same in SQL. ``many``: the value is a list of alternatives (OR), which Python gets as a set.
    ``prepare`` turns the value into what SQL can say: what only Python knows (rivers crossing a
    region, points in a drawn shape) is read from the store once, when the query is made."""

    name: str
    keeps: Callable[[Any, Any, Reading], bool]
    sql: Callable[[Any, Columns], ColumnElement[bool]]
    on: str = "row"
    of: frozenset[str] = BOTH
    many: bool = True
    prepare: Callable[[Any, Lookups], Any] | None = None


class Lookups:
    """What the SQL of a condition needs from the store besides its value, read once per query."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @cached_property
    def crossing(self) -> list[Place]:
        """Stored places with a line or an outline: the ones that may cross a region or a country."""
        return geometry_places(self.conn)

    def inside(self, shape) -> list[str]:
        """Ids of the stored places inside a drawn shape: its box in SQL, the polygon in Python."""
        points = [pt for rings in polygons_of(shape) for ring in rings for pt in ring]
        lons, lats = [pt[0] for pt in points], [pt[1] for pt in points]
        p = places.c
        rows = self.conn.execute(select(p.id, p.lat, p.lon).where(p.lat.between(min(lats), max(lats)),
                                                                  p.lon.between(min(lons), max(lons))))
        return sorted(r.id for r in rows if in_shape(r.lat, r.lon, shape))


def day_after(iso: str) -> str | None:
    """The first year, month or day after an ISO year, month or day ("2023-09" -> "2023-10"):
    ``x[:len(iso)] <= iso`` holds exactly when ``x < day_after(iso)``, for ISO strings. By the
    calendar, not by the last character, so a collation that ignores "-" orders it alike."""
    try:
        if len(iso) == 4:
            return f"{int(iso) + 1:04d}" if iso < "9999" else None
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:7])
            return f"{year + month // 12:04d}-{month % 12 + 1:02d}" if iso[4] == "-" and 1 <= month <= 12 else None
        if len(iso) == 10:
            return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except (ValueError, OverflowError):
        return None
    return None


def date_matches(iso: str | None, date_from: str | None, date_to: str | None) -> bool:
    """The date conditions together: bounds are inclusive, date_to holds at its own precision
    ("2023-06" is all June), undated never matches a bound."""
    if not iso:
        return not date_from and not date_to
    return (not date_from or iso >= date_from) and (not date_to or iso[:len(date_to)] <= date_to)


# A place mention is dated by its article; its place conditions read the joined places.
MENTION_COLUMNS = Columns(MENTIONS, mentions.c, articles.c.date, mentions.c.place_id)


def mentions_joined():
    return (mentions.join(articles, articles.c.id == mentions.c.article_id)
            .join(places, places.c.id == mentions.c.place_id))


# -- the conditions -------------------------------------------------------------------------------
# The SQL that takes more than a line, so the table below reads one condition a row.

def _with_crossing(keeps: Callable[[Place, set], bool]):
    """The values widened by the ids of the stored rivers and reservoirs that cross them, which
    SQL matches as it matches names, codes and ids alike (geo.gazetteer.areas reads their lines)."""
    def prepare(values, look: Lookups) -> list[str]:
        wanted = set(values)
        return [*values, *(p.id for p in look.crossing if keeps(p, wanted))]
    return prepare


def _sources_sql(values, c: Columns):
    return c.row.article_id.in_(select(articles.c.id).where(articles.c.source.in_(list(values))))


def _date_to_sql(bound: str, c: Columns):
    # The stored date cut to the bound's precision ("2023-06-30T12:00" <= "2023-06-30"), and the
    # same bound as a range, which an index on the date serves.
    cut = func.substr(c.date, 1, len(bound)) <= bound
    after = day_after(bound)
    return and_(cut, c.date < after) if after else cut


def _actors_sql(values, c: Columns):
    # Actors are a JSON list of strings: match the quoted name, never a part of one.
    if not values:
        return false()
    return or_(*[c.row.actors.contains(json.dumps(a, ensure_ascii=False)) for a in values])


def _countries_sql(values, c: Columns):
    p = places.c
    return or_(p.country.in_([v.upper() for v in values]), p.id.in_(list(values)))


def _regions_sql(values, c: Columns):
    """A region matches its towns (by name or code), itself, and the places crossing it (by id)."""
    p, wanted = places.c, list(values)
    return or_(p.admin1.in_(wanted), p.admin1_code.in_(wanted), p.id.in_(wanted),
               and_(p.feature == "region", p.name.in_(wanted)))


def _bbox_sql(bbox, c: Columns):
    p, (south, west, north, east) = places.c, bbox
    return and_(p.lat.between(south, north),
                p.lon.between(west, east) if west <= east else or_(p.lon >= west, p.lon <= east))


def _place_ids_sql(ids, c: Columns):
    return c.place_id.in_(list(ids))


ONLY_EVENTS, ONLY_MENTIONS = frozenset({EVENTS}), frozenset({MENTIONS})

# name, Python (value, row or place, reading), SQL (value, columns), and what they read.
CONDITIONS: tuple[Condition, ...] = (
    Condition("doc_ids", lambda ids, row, at: row.doc_id in ids, lambda v, c: c.row.article_id.in_(list(v))),
    Condition("sources", lambda wanted, row, at: at.source(row) in wanted, _sources_sql),
    Condition("date_from", lambda bound, row, at: date_matches(at.date(row), bound, None),
              lambda v, c: c.date >= v, many=False),
    Condition("date_to", lambda bound, row, at: date_matches(at.date(row), None, bound), _date_to_sql, many=False),
    Condition("types", lambda wanted, row, at: row.type in wanted, lambda v, c: c.row.type.in_(list(v)),
              of=ONLY_EVENTS),
    Condition("sub_types", lambda wanted, row, at: row.sub_type in wanted, lambda v, c: c.row.sub_type.in_(list(v)),
              of=ONLY_EVENTS),
    Condition("actors", lambda wanted, row, at: not wanted.isdisjoint(row.actors), _actors_sql, of=ONLY_EVENTS),
    # Given (False): nationality words ("Russian troops") are no place mentions.
    Condition("demonyms", lambda _, row, at: row.mention.label != DEMONYM, lambda v, c: c.row.label != DEMONYM,
              of=ONLY_MENTIONS, many=False),
    Condition("countries", lambda wanted, place, at: in_countries(place, wanted), _countries_sql, on="place",
              prepare=_with_crossing(in_countries)),
    Condition("regions", lambda wanted, place, at: in_regions(place, wanted), _regions_sql, on="place",
              prepare=_with_crossing(in_regions)),
    # Place mentions only, as `geo export --events` and the sidebar have it.
    Condition("features", lambda wanted, place, at: place.feature in wanted,
              lambda v, c: places.c.feature.in_(list(v)), on="place", of=ONLY_MENTIONS),
    Condition("bbox", lambda bbox, place, at: in_bbox(place.lat, place.lon, bbox), _bbox_sql, on="place",
              many=False),
    # SQL cannot say "inside a polygon" on both engines: the places inside, by id.
    Condition("shape", lambda shape, place, at: in_shape(place.lat, place.lon, shape), _place_ids_sql,
              on="place", many=False, prepare=lambda shape, look: look.inside(shape)),
    # The places a query already chose (the map's view: geo.map.aggregate.in_view).
    Condition("place_ids", lambda ids, place, at: place.id in ids, _place_ids_sql, on="place"),
)
CONDITION = {c.name: c for c in CONDITIONS}


def keep(values: Mapping[str, Any], rows: Iterable, at: Reading) -> list:
    """The rows every given condition keeps, in their order, in Python; a place's verdict is
    reached once however many rows point to it."""
    row_tests, place_tests = [], []
    for c in CONDITIONS:
        if at.kind in c.of and (value := values.get(c.name)) is not None:
            (place_tests if c.on == "place" else row_tests).append((c.keeps, frozenset(value) if c.many else value))
    places_kept: dict[str, bool] = {}
    out = []
    for row in rows:  # loops, not all(...): the dashboard runs this over every mention on each rerun
        for keeps, value in row_tests:
            if not keeps(value, row, at):
                break
        else:
            if place_tests:
                place = row.place
                pid = place.id if place is not None else ""
                kept = places_kept.get(pid)
                if kept is None:
                    kept = places_kept[pid] = place is not None and all(
                        keeps(value, place, at) for keeps, value in place_tests)
                if not kept:
                    continue
            out.append(row)
    return out


@dataclass(frozen=True)
class Where:
    """Filter values made ready for SQL, by condition name (see ``prepare``): what the store's
    queries, `geo export` and the map at scale are given."""

    values: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, **values) -> Where:
        """Values that need no store read (not countries, regions or shape: see ``prepare``)."""
        return cls({k: v for k, v in values.items() if v is not None})

    def conditions(self, columns: Columns, on: str | None = None) -> list[ColumnElement[bool]]:
        """The SQL of every given condition that applies to the columns' rows (or only those ``on``
        the place or the row)."""
        return [c.sql(self.values[c.name], columns) for c in CONDITIONS
                if c.name in self.values and columns.kind in c.of and on in (None, c.on)]

    def only(self, on: str) -> Where:
        return Where({k: v for k, v in self.values.items() if CONDITION[k].on == on})

    def but(self, **values) -> Where:
        return Where({k: v for k, v in {**self.values, **values}.items() if v is not None})


def prepare(conn: Connection, **values) -> Where:
    """Values by condition name (None: no constraint) made ready for SQL, reading the store once
    for what SQL cannot say alone; a drawn shape without a polygon keeps everything, as in Python."""
    look, ready = Lookups(conn), {}
    for name, value in values.items():
        if value is None or (name == "shape" and not polygons_of(value)):
            continue
        c = CONDITION[name]
        ready[name] = c.prepare(value, look) if c.prepare else value
    return Where(ready)


def from_store(conn: Connection, *, article_ids=None, admin1=None, demonyms: bool = True,
               date_from: str | None = None, date_to: str | None = None, **same) -> Where:
    """The store's keyword arguments (``Store.place_mentions``, ``Store.events``) as conditions:
    the names the store has always taken (article_ids, admin1) or the conditions' own, and
    demonyms=True meaning "no constraint"."""
    renamed = {k: v for k, v in (("doc_ids", article_ids), ("regions", admin1)) if v is not None}
    return prepare(conn, **{**same, **renamed}, demonyms=None if demonyms else False,
                   date_from=date_from or None, date_to=date_to or None)
