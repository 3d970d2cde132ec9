"""The events map of a large library, in SQL: what is in the view as grid cells with counts, the
few events of a small view as themselves, the filter's counts, and the table a page at a time.

A million events never leave the database as objects. Every query here is ``EventFilter``
turned into SQL by its conditions (geo.store.conditions; ``store_filter``), the same ones the
table and `geo export` evaluate, so they agree on what a filter keeps. Events are counted per place
first (an index holds place, type, sub-type and date), and the place filters and the view select
places, so a pan costs the events in view, not the library.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, cast, func, select

from geo.distance import in_bbox
from geo.filters import EventFilter, day_of
from geo.store.conditions import EVENTS, Columns, Where
from geo.store.events import read_events
from geo.store.query import BBox, places_by_id
from geo.store.schema import articles, places, reported_events
from geo.types import Event

MAX_MARKERS = 500  # events drawn one by one at most; past this a view shows cells
MARKER_ZOOM = 12  # from this zoom a view shows events even past MAX_MARKERS (the first ones)
CELL_PX = 64  # a cell's side on screen, about
WALK_ROWS = 50_000  # rows of the date index the feed may walk to find its events, about


def cell_size(zoom: float) -> float:
    """A cell's side in degrees at a Leaflet zoom: CELL_PX pixels, halving with each zoom step
    so cells nest and a zoom in splits each cell in four."""
    return 360.0 / 2 ** (max(0, int(zoom)) + 8) * CELL_PX


def cell_of(lat: float, lon: float, size: float) -> tuple[int, int]:
    """The grid cell a point falls in: the same arithmetic as the SQL (cells count from 90 S, 180 W)."""
    return int((lat + 90) // size), int((lon + 180) // size)


@dataclass(frozen=True, slots=True)
class Cell:
    row: int
    col: int
    count: int
    lat: float  # where its events are on average (a cell of one place sits on it)
    lon: float
    south: float  # the extent of its places: a click zooms to it
    west: float
    north: float
    east: float
    places: int


@dataclass(frozen=True, slots=True)
class Facets:
    """What each sidebar choice alone returns over the whole library (geo.filters.event_facets)."""

    counts: dict[str, Counter]  # country, region, type, sub_type, actor, doc, source
    days: list  # datetime.date of every day with an event, in order
    undated: int
    total: int
    extent: BBox | None  # of the places events are at
    per_day: Counter = field(default_factory=Counter)  # (ISO day, type) -> events: the timeline
    # place id -> (lat, lon, events): the unfiltered map's cells without a query (cells_of)
    places: dict = field(default_factory=dict)


def store_filter(conn: Connection, f: EventFilter) -> Where:
    """``f`` in SQL, all of it: regions and countries as geo.gazetteer.areas means them (rivers crossing),
    the sources as their articles, and a drawn shape as the places inside it."""
    return f.where(conn)


def _event_date():
    """The event's date, else its article's, without joining articles: the article is read only
    for an undated event (COALESCE stops at its first value in SQLite and PostgreSQL)."""
    e = reported_events.c
    return func.coalesce(e.date, select(articles.c.date).where(articles.c.id == e.article_id)
                         .scalar_subquery())


def _where(ef: Where, view: BBox | None = None) -> list:
    """The filter's conditions on reported_events alone: the place conditions and the view become
    the set of places they keep, so an index on the events' place serves them."""
    e = reported_events.c
    own = ef.conditions(Columns(EVENTS, e, _event_date(), e.place_id), on="row")
    spatial = _spatial(ef, view)
    if spatial:
        own.append(e.place_id.in_(select(places.c.id).where(*spatial)))
    return own


def _spatial(ef: Where, view: BBox | None) -> list:
    """The filter's place conditions and the view, on ``places`` alone."""
    only = Columns.places_only(EVENTS)
    return [*ef.conditions(only, on="place"), *Where.of(bbox=view).conditions(only)]


def _no_jit(conn: Connection) -> None:
    """PostgreSQL compiles a query it thinks costly (here, for the article read by an undated
    event, which is seldom run): a quarter of a second each time, more than the query itself."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL jit = off")


def _floor(conn: Connection, x):
    # Both arguments are >= 0 here, where SQLite's truncating CAST is a floor.
    return func.floor(x) if conn.dialect.name == "postgresql" else cast(x, Integer)


def grid(conn: Connection, ef: Where, view: BBox | None, zoom: float) -> list[Cell]:
    """The events ``ef`` keeps in ``view``, counted per grid cell of the zoom's size, busiest first."""
    _no_jit(conn)
    e, p = reported_events.c, places.c
    per_place = (select(e.place_id, func.count().label("n"))
                 .where(e.place_id.is_not(None), *_where(ef, view)).group_by(e.place_id).subquery())
    size = cell_size(zoom)
    row, col = _floor(conn, (p.lat + 90) / size), _floor(conn, (p.lon + 180) / size)
    n = func.sum(per_place.c.n)
    query = (select(row.label("row"), col.label("col"), n.label("count"),
                    func.sum(per_place.c.n * p.lat).label("lat_n"), func.sum(per_place.c.n * p.lon).label("lon_n"),
                    func.min(p.lat), func.min(p.lon), func.max(p.lat), func.max(p.lon), func.count().label("places"))
             .select_from(per_place.join(places, p.id == per_place.c.place_id))
             .group_by(row, col).order_by(n.desc()))
    # The mean clamped to the places' extent: rounding must not move a one-place cell off its place.
    return [Cell(int(r.row), int(r.col), int(r.count), min(max(float(r.lat_n) / int(r.count), r[5]), r[7]),
                 min(max(float(r.lon_n) / int(r.count), r[6]), r[8]), r[5], r[6], r[7], r[8], int(r.places))
            for r in conn.execute(query)]


def cells_of(per_place: dict, view: BBox | None, zoom: float) -> list[Cell]:
    """``grid`` for the unfiltered map, from the events per place the sidebar's counts read
    (Facets.places): no query, where grid counts the view's events in the index again on every
    pan (at a million, load 26: 0.25 s on SQLite for a country, 1.7 s for the world; this 0.002 s and
    0.03 s; PostgreSQL 0.1-0.7 s). The same cells: the SQL's floor of the same double
    arithmetic, the view as Where's bbox means it."""
    size, found = cell_size(zoom), {}
    for lat, lon, n in per_place.values():
        if view is None or in_bbox(lat, lon, view):
            key = math.floor((lat + 90) / size), math.floor((lon + 180) / size)
            c = found.setdefault(key, [0, 0.0, 0.0, lat, lon, lat, lon, 0])
            c[0] += n
            c[1] += n * lat
            c[2] += n * lon
            c[3], c[4], c[5], c[6] = min(c[3], lat), min(c[4], lon), max(c[5], lat), max(c[6], lon)
            c[7] += 1
    return [Cell(row, col, n, min(max(lat_n / n, s), north), min(max(lon_n / n, w), e), s, w, north, e, k)
            for (row, col), (n, lat_n, lon_n, s, w, north, e, k) in
            sorted(found.items(), key=lambda item: -item[1][0])]


def count(conn: Connection, ef: Where, view: BBox | None = None) -> int:
    """How many events ``ef`` keeps (in ``view``); events placed nowhere count unless a place
    filter or a view is given (geo.store.events.read_events)."""
    _no_jit(conn)
    return int(conn.scalar(select(func.count()).select_from(reported_events).where(*_where(ef, view))))


def _by_places(conn: Connection, ef: Where, view: BBox | None) -> Where:
    """``ef`` with the view and the place conditions as the list of places they keep, so the
    events are found by their place (the view's places are few next to its events)."""
    if view is None:
        return ef
    ids = conn.scalars(select(places.c.id).where(*_spatial(ef, view)))
    return ef.only("row").but(place_ids=sorted(ids))


def in_view(conn: Connection, ef: Where, view: BBox | None, limit: int = MAX_MARKERS) -> list[Event]:
    """The first ``limit`` events by date that ``ef`` keeps in ``view``, as objects for markers."""
    return read_events(conn, _by_places(conn, ef, view), limit)


def newest_in_view(conn: Connection, ef: Where, view: BBox | None, limit: int, share: float = 0.0) -> list[Event]:
    """The newest ``limit`` events ``ef`` keeps in ``view`` (those the text gave no date last):
    the feed beside the map. ``share``: the part of the library's events the view holds. A view
    holding many walks the date index and stops at the ``limit``-th (a few thousand rows); a
    sparse one would walk the whole index for nothing (1.8 s at a million for an empty view), so
    it reads its places' events and sorts them."""
    if view is not None and share * WALK_ROWS >= limit:
        return first(conn, ef.but(bbox=view), limit)
    return first(conn, _by_places(conn, ef, view), limit)


def per_day(conn: Connection, ef: Where) -> Counter:
    """(ISO day, event type) -> events ``ef`` keeps: the timeline, one grouped query (an
    undated event counts on its article's day, as everywhere)."""
    _no_jit(conn)
    e = reported_events.c
    day = func.substr(_event_date(), 1, 10)
    query = select(day, e.type, func.count()).where(*_where(ef)).group_by(day, e.type)
    return Counter({(d, kind): n for d, kind, n in conn.execute(query) if d})


def page(conn: Connection, ef: Where, number: int, size: int = 100) -> list[Event]:
    """Page ``number`` (from 0) of the events ``ef`` keeps, newest first, then those the text
    gave no date, by their article's. Each part on its own: a date filter on the event's own
    date is a range of the date index, one through the article is not."""
    return first(conn, ef, size, max(0, number) * size)


def first(conn: Connection, ef: Where, limit: int, offset: int = 0) -> list[Event]:
    """``limit`` events ``ef`` keeps from ``offset``, in the order of ``page``: what an export writes."""
    rows = read_events(conn, ef, limit=limit, offset=offset, newest=True, undated=False)
    if len(rows) == limit:
        return rows
    e = reported_events.c
    dated = conn.scalar(select(func.count()).select_from(reported_events)
                        .where(e.date.is_not(None), *_where(ef))) if offset else len(rows)
    return rows + read_events(conn, ef, limit=limit - len(rows), offset=max(0, offset - dated),
                              newest=True, undated=True)


def sentence_events(conn: Connection, doc_id: str, sentence: int) -> list[Event]:
    """The events told in one sentence (an event key names the sentence and a rank in it)."""
    found = read_events(conn, Where.of(doc_ids=[doc_id]), text_order=True)
    return [ev for ev in found if ev.sentence.index == sentence]


def facets(conn: Connection) -> Facets:
    """The whole library's counts behind the filter choices, read from indexes (group by place,
    type, actors, article, date); regions and countries from the places as geo.gazetteer.areas says."""
    from geo.filters import _count_place  # the one meaning of "in a country / region"

    e, a = reported_events.c, articles.c
    out: dict[str, Counter] = {k: Counter() for k in ("country", "region", "type", "sub_type", "actor", "doc", "source")}
    per_place = dict(conn.execute(select(e.place_id, func.count()).where(e.place_id.is_not(None)).group_by(e.place_id)).all())
    found = places_by_id(conn, per_place)
    located = {pid: (found[pid].lat, found[pid].lon, n) for pid, n in per_place.items() if pid in found}
    for pid, n in per_place.items():
        one: dict[str, Counter] = {"country": Counter(), "region": Counter()}
        _count_place(one, found.get(pid))
        for k in one:
            out[k].update({key: v * n for key, v in one[k].items()})
    for kind, sub, n in conn.execute(select(e.type, e.sub_type, func.count()).group_by(e.type, e.sub_type)):
        out["type"][kind] += n
        out["sub_type"][sub] += n
    for actors, n in conn.execute(select(e.actors, func.count()).group_by(e.actors)):
        for actor in set(json.loads(actors)):
            out["actor"][actor] += n
    out["doc"].update(dict(conn.execute(select(e.article_id, func.count()).group_by(e.article_id)).all()))
    sources = dict(conn.execute(select(a.id, a.source)).all())
    for doc, n in out["doc"].items():
        out["source"][sources.get(doc, "")] += n
    by_day_type = Counter()  # (date, type): the unfiltered timeline, from the query the days need anyway
    for when, kind, n in conn.execute(select(e.date, e.type, func.count()).group_by(e.date, e.type)):
        by_day_type[when, kind] += n
    if any(when is None for when, _ in by_day_type):  # dated by their article, as read_events dates them
        for (when, kind) in [k for k in by_day_type if k[0] is None]:
            del by_day_type[when, kind]
        by_day_type.update({(when, kind): n for when, kind, n in conn.execute(
            select(a.date, e.type, func.count()).select_from(reported_events.join(articles, a.id == e.article_id))
            .where(e.date.is_(None)).group_by(a.date, e.type))})
    dates = Counter()
    for (when, _kind), n in by_day_type.items():
        dates[when] += n
    undated = dates.pop(None, 0)
    per_day_type = Counter()
    for (when, kind), n in by_day_type.items():
        if when:
            per_day_type[when[:10], kind] += n
    days = sorted({d for iso in dates if (d := day_of(iso))})
    p = places.c
    box = conn.execute(select(func.min(p.lat), func.min(p.lon), func.max(p.lat), func.max(p.lon))
                       .where(p.id.in_(select(e.place_id).where(e.place_id.is_not(None)).distinct()))).first()
    extent = tuple(box) if box and box[0] is not None else None
    return Facets(out, days, undated, sum(out["doc"].values()), extent, per_day_type, located)
