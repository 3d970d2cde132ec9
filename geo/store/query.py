"""Reading side of ``geo.store``: places to and from rows, and the rows a query points to (its
filters are geo.store.conditions)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, Row, Select, and_, select

from geo.store.schema import places, sentences
from geo.types import BBox, Place, Sentence  # noqa: F401 - BBox: the store's callers import it here

# Well under SQLite's bound-parameter limit and PostgreSQL's comfortable IN-list size.
CHUNK = 500
# Rows fetched at a time by the map's queries (a server-side cursor on PostgreSQL): the raw rows
# of a whole library are never held at once, only the objects made of them.
STREAM = 5000


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = sorted(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


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
