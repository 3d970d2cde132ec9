"""Reading side of ``geo.store``: the map filters, and places to and from rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, FromClause, Row, Select, and_, func, or_, select

from geo.store.schema import articles, events, places, sentences
from geo.types import DEMONYM, BBox, Place, Sentence

# Well under SQLite's bound-parameter limit and PostgreSQL's comfortable IN-list size.
CHUNK = 500
# Rows fetched at a time by the map's queries (a server-side cursor on PostgreSQL): the raw rows
# of a whole library are never held at once, only the objects made of them.
STREAM = 5000


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = sorted(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass(frozen=True, slots=True)
class Filters:
    """Map filters; each given one must hold (AND), values within one are alternatives (OR)."""

    article_ids: Sequence[str] | None = None
    countries: Sequence[str] | None = None  # ISO alpha-2
    admin1: Sequence[str] | None = None  # admin-1 names or codes ("Khersonska oblast", "UA.08")
    features: Sequence[str] | None = None
    bbox: BBox | None = None  # west > east means the box crosses the antimeridian
    date_from: str | None = None  # ISO, inclusive; undated articles drop out
    date_to: str | None = None  # ISO, inclusive at its own precision ("2023-06" = all June)
    demonyms: bool = True  # False: nationality words ("Russian troops") are no place mentions

    def join(self) -> FromClause:
        return (events.join(articles, articles.c.id == events.c.article_id)
                .join(places, places.c.id == events.c.place_id))

    def conditions(self) -> list[ColumnElement[bool]]:
        p, out = places.c, []
        if self.article_ids is not None:
            out.append(events.c.article_id.in_(list(self.article_ids)))
        out += place_conditions(self.countries, self.admin1)
        if self.features is not None:
            out.append(p.feature.in_(list(self.features)))
        if self.bbox is not None:
            south, west, north, east = self.bbox
            out.append(p.lat.between(south, north))
            out.append(p.lon.between(west, east) if west <= east
                       else or_(p.lon >= west, p.lon <= east))
        if self.date_from:
            out.append(articles.c.date >= self.date_from)
        if self.date_to:
            # Cut the stored date to the bound's precision: "2023-06-30T12:00" <= "2023-06-30".
            out.append(func.substr(articles.c.date, 1, len(self.date_to)) <= self.date_to)
        if not self.demonyms:
            out.append(events.c.label != DEMONYM)
        return out


def place_conditions(countries: Sequence[str] | None, admin1: Sequence[str] | None) -> list[ColumnElement[bool]]:
    """Country and region filters as geo.gazetteer.areas means them: a region matches its towns (by name or
    code) and itself; rivers crossing it come as place ids (``EventFilter.store_args`` adds them)."""
    p, out = places.c, []
    if countries is not None:
        out.append(or_(p.country.in_([c.upper() for c in countries]), p.id.in_(list(countries))))
    if admin1 is not None:
        wanted = list(admin1)
        out.append(or_(p.admin1.in_(wanted), p.admin1_code.in_(wanted), p.id.in_(wanted),
                       and_(p.feature == "region", p.name.in_(wanted))))
    return out


def geometry_places(conn: Connection) -> list[Place]:
    """Stored places with a line or an outline: the ones that may cross a region or a country."""
    return [_place(row) for row in conn.execute(select(places).where(places.c.geometry.is_not(None)))]


def place_row(p: Place) -> dict:
    return {**p.to_dict(), "population": int(p.population or 0),
            "geometry": json.dumps(p.geometry) if p.geometry is not None else None}


def _place(row) -> Place:
    return Place(id=row.id, name=row.name, lat=row.lat, lon=row.lon, feature=row.feature,
                 country=row.country, admin1=row.admin1, admin1_code=row.admin1_code,
                 population=row.population, geonames_id=row.geonames_id, source=row.source,
                 geometry=json.loads(row.geometry) if row.geometry is not None else None)


def places_by_id(conn: Connection, ids: Iterable[str]) -> dict[str, Place]:
    """Fetched apart from the events so each geometry is read and parsed once, not per event."""
    found: dict[str, Place] = {}
    for chunk in chunks(set(ids)):
        for row in conn.execute(select(places).where(places.c.id.in_(chunk))):
            found[row.id] = _place(row)
    return found


def streamed(conn: Connection, query: Select) -> Iterator[Sequence[Row]]:
    """The query's rows, STREAM at a time."""
    yield from conn.execute(query.execution_options(yield_per=STREAM)).partitions()


class RowContext:
    """The sentences and places that the rows of a query of mentions or events point to, each read
    once and shared by every row pointing to it: a row never carries a copy of its sentence's text,
    so a 100 KB sentence naming places 5,000 times is read once, not 5,000 times.

    ``rows`` selects (at least) ``article_id``, ``sentence`` and ``place_id``; its filters and
    limit decide which sentences and places are read, in one query each. The caller reads ``rows``
    in the same transaction (a snapshot on PostgreSQL too: see ``Store._read``).
    """

    def __init__(self, conn: Connection, rows: Select, limited: bool) -> None:
        if not limited:  # then which rows match does not depend on their order
            rows = rows.order_by(None)
        matched = rows.subquery()
        keys = select(matched.c.article_id, matched.c.sentence).distinct().subquery()
        s = sentences.c
        query = (select(s.article_id, s.idx, s.start, s.end, s.text)
                 .join_from(sentences, keys, and_(s.article_id == keys.c.article_id,
                                                  s.idx == keys.c.sentence)))
        self.sentences: dict[tuple[str, int], Sentence] = {}
        for part in streamed(conn, query):
            for r in part:
                self.sentences[r.article_id, r.idx] = Sentence(r.idx, r.start, r.end, r.text)
        ids = select(matched.c.place_id).where(matched.c.place_id.is_not(None)).distinct()
        self.places = {row.id: _place(row)
                       for row in conn.execute(select(places).where(places.c.id.in_(ids)))}


def place_json(p: Place) -> str:
    return json.dumps({**p.to_dict(), "geometry": p.geometry}, ensure_ascii=False)


def place_from_json(text: str) -> Place:
    return Place(**json.loads(text))
