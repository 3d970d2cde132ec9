"""The map's SQL at scale (geo.map.aggregate) on SQLite and PostgreSQL: cells, counts, pages and the
sidebar's counts agree with the same EventFilter evaluated in Python over every event."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import text

from geo.map import aggregate
from geo.map.aggregate import cell_of, cell_size, store_filter
from geo.filters import EventFilter, event_facets
from geo.gazetteer import Gazetteer
from geo.store import Store
from geo.store.synthetic import generate
from pg import db_url  # noqa: F401  (fixture)

N = 3000


@pytest.fixture
def library(db_url, geo_data_dir):  # noqa: F811
    with Store.open(db_url) as store:
        done = generate(store, N, Gazetteer.open().db, per_article=25, seed=7)
        assert done["events"] == N and done["articles"] == N // 25
        with store._engine.begin() as conn:
            # The cases a generator never writes: events the text gave no date (their article's
            # counts), events placed nowhere, another source.
            conn.execute(text("UPDATE reported_events SET date = NULL WHERE article_id = 'synthetic-7-0' AND idx < 5"))
            conn.execute(text("UPDATE articles SET date = NULL WHERE id = 'synthetic-7-1'"))
            conn.execute(text("UPDATE reported_events SET date = NULL WHERE article_id = 'synthetic-7-1' AND idx < 3"))
            conn.execute(text("UPDATE reported_events SET place_id = NULL WHERE article_id = 'synthetic-7-2' AND idx < 4"))
            conn.execute(text("UPDATE articles SET source = 'wire' WHERE id IN ('synthetic-7-3', 'synthetic-7-4')"))
        yield store


def filters(everything) -> list[EventFilter]:
    ua = next(e.place for e in everything if e.place and e.place.country == "UA")
    actor = next(a for e in everything for a in e.actors if "(SY)" in a)
    square = {"type": "Polygon", "coordinates": [[[30, 44], [40, 44], [40, 52], [30, 52], [30, 44]]]}
    return [EventFilter(),
            EventFilter(types=("Battles", "Protests")),
            EventFilter(sub_types=("Air/drone strike",)),
            EventFilter(countries=("UA", "SY")),
            EventFilter(regions=(ua.admin1,)),
            EventFilter(date_from="2019-03-01", date_to="2020-06"),
            EventFilter(date_to="2018-02"),
            EventFilter(actors=(actor,)),
            EventFilter(sources=("wire",)),
            EventFilter(doc_ids=("synthetic-7-0", "synthetic-7-1", "synthetic-7-2", "synthetic-7-9")),
            EventFilter(shape=square, types=("Battles",)),
            EventFilter(countries=("UA",), date_from="2021-01-01", types=("Explosions/Remote violence",))]


VIEWS = [(None, 2), ((-60.0, -180.0, 80.0, 180.0), 3), ((40.0, 20.0, 56.0, 45.0), 6), ((46.0, 30.0, 51.0, 38.0), 9),
         ((10.0, 170.0, 60.0, -170.0), 4)]  # the last crosses the antimeridian


def test_cells_and_counts_match_the_filter_in_python(library):
    everything = library.events()
    articles = {a.id: a for a in library.articles()}
    assert len(everything) == N and sum(1 for e in everything if e.place is None) == 4
    assert sum(1 for e in everything if e.date is None) == 3  # undated, and so is their article
    checked = 0
    for f in filters(everything):
        kept = f.apply_events(everything, articles)
        with library._read() as conn:
            ef = store_filter(conn, f)
            assert aggregate.count(conn, ef) == len(kept), f
            for view, zoom in VIEWS:
                size = cell_size(zoom)
                in_view = EventFilter(bbox=view).apply_events(kept) if view else [e for e in kept if e.place]
                want = Counter(cell_of(e.place.lat, e.place.lon, size) for e in in_view)
                cells = aggregate.grid(conn, ef, view, zoom)
                assert {(c.row, c.col): c.count for c in cells} == want, (f, view, zoom)
                if view is not None:  # without one, events placed nowhere count too (above)
                    assert aggregate.count(conn, ef, view) == len(in_view)
                for c in cells:  # a cell's marker sits among its places, inside its square
                    assert c.south <= c.lat <= c.north and cell_of(c.lat, c.lon, size) == (c.row, c.col)
                checked += len(cells)
    assert checked > 100


def test_the_unfiltered_cells_from_the_sidebar_counts_are_the_sql_ones(library):
    with library._read() as conn:
        per_place = aggregate.facets(conn).places
        ef = store_filter(conn, EventFilter())
        for view, zoom in VIEWS + [((47.0, 35.0, 47.5, 35.4), 7)]:
            want, got = aggregate.grid(conn, ef, view, zoom), aggregate.cells_of(per_place, view, zoom)
            exact = lambda cells: sorted((c.row, c.col, c.count, c.places, c.south, c.west, c.north, c.east) for c in cells)
            assert exact(got) == exact(want), (view, zoom)
            where = {(c.row, c.col): (c.lat, c.lon) for c in want}
            assert all(abs(c.lat - where[c.row, c.col][0]) < 1e-9 and abs(c.lon - where[c.row, c.col][1]) < 1e-9 for c in got)
            assert [c.count for c in got] == sorted((c.count for c in got), reverse=True)


def test_a_view_with_few_events_gives_them_all_and_the_table_pages_newest_first(library):
    everything = library.events()
    articles = {a.id: a for a in library.articles()}
    f = EventFilter(countries=("UA",))
    kept = f.apply_events(everything, articles)
    with library._read() as conn:
        ef = store_filter(conn, f)
        view = (46.0, 30.0, 51.0, 38.0)
        shown = aggregate.in_view(conn, ef, view, limit=10_000)
        want = EventFilter(bbox=view).apply_events(kept)
        assert sorted((e.doc_id, e.sentence.index) for e in shown) == sorted((e.doc_id, e.sentence.index) for e in want)
        assert len(aggregate.in_view(conn, ef, view, limit=7)) == 7
        pages = [aggregate.page(conn, ef, n, 100) for n in range(-(-len(kept) // 100) + 1)]
    rows = [e for p in pages for e in p]
    assert len(rows) == len(kept) and not pages[-1]
    assert sorted((e.doc_id, e.sentence.index) for e in rows) == sorted((e.doc_id, e.sentence.index) for e in kept)
    dated = [e.date for e in rows if e.date]
    assert dated == sorted(dated, reverse=True)


def test_undated_events_page_last_by_their_article(library):
    with library._read() as conn:
        ef = store_filter(conn, EventFilter(doc_ids=("synthetic-7-0", "synthetic-7-1")))
        rows = [e for n in range(5) for e in aggregate.page(conn, ef, n, 10)]
    assert len(rows) == 50
    assert [e.doc_id for e in rows[-8:]].count("synthetic-7-0") == 5  # dated by their article: after the rest
    assert all(e.date is None for e in rows[-3:])  # neither they nor their article have a date


def test_sidebar_counts_match_event_facets(library):
    everything = library.events()
    want = event_facets(everything)
    with library._read() as conn:
        got = aggregate.facets(conn)
    for key in ("country", "region", "type", "sub_type", "actor", "doc"):
        assert got.counts[key] == want[key], key
    assert got.counts["source"]["wire"] == 50 and got.total == N
    assert got.undated == 3
    assert len(got.days) == len({e.date[:10] for e in everything if e.date})
    south, west, north, east = got.extent
    assert all(south <= e.place.lat <= north and west <= e.place.lon <= east for e in everything if e.place)


def test_the_timeline_and_the_feed_match_the_filter_in_python(library):
    """The timeline's (day, type) counts of each filter, grouped in SQL (the unfiltered ones
    from the sidebar's counts), and the feed's newest events in a view, dense or sparse."""
    everything = library.events()
    articles = {a.id: a for a in library.articles()}
    with library._read() as conn:
        assert aggregate.facets(conn).per_day == Counter((e.date[:10], e.type) for e in everything if e.date)
        for f in filters(everything):
            kept = f.apply_events(everything, articles)
            ef = store_filter(conn, f)
            assert aggregate.per_day(conn, ef) == Counter((e.date[:10], e.type) for e in kept if e.date), f
            for view, _zoom in VIEWS[1:]:
                want = sorted((e.date for e in EventFilter(bbox=view).apply_events(kept) if e.date), reverse=True)[:20]
                for share in (0.0, 1.0):  # a sparse view reads its places' events, a dense one walks the dates
                    got = aggregate.newest_in_view(conn, ef, view, 20, share)
                    assert [e.date for e in got][:len(want)] == want, (f, view, share)


def test_generating_again_with_the_same_seed_adds_nothing(library):
    again = generate(library, 100, Gazetteer.open().db, seed=7)
    assert again["events"] == 0 and len(library.events()) == N
