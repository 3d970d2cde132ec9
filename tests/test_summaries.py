"""Summaries kept in the library (geo.store.summaries): the map page's counts are read once and
kept with the change count, so a restarted dashboard reads one row; any write makes them stale.
And ui.serve reads them while the server starts, into the cache the page reads."""

from __future__ import annotations

import pytest

from factories import KHERSON, parse_by_hand
from geo.map import aggregate, summary
from geo.store import Store
from pg import db_url  # noqa: F401  (fixture)
from test_changes import OTHER, with_event
from test_store import store  # noqa: F401  (fixture: an empty library on each backend)

THIRD = parse_by_hand("Strikes on Kherson overnight.", {"Kherson": KHERSON}, title="Night", source="c.txt")


@pytest.fixture
def counted(monkeypatch):
    """How many times the library's events were counted."""
    calls = []
    real = aggregate.facets
    monkeypatch.setattr(aggregate, "facets", lambda conn: calls.append(1) or real(conn))
    return calls


def test_counts_are_kept_and_read_back_equal(store, counted):  # noqa: F811
    store.save(with_event(OTHER))
    first = summary.library_facets(store)
    assert counted == [1] and first.total == 1 and first.places
    again = summary.library_facets(store)
    assert counted == [1]  # one row read, nothing counted
    assert again == first
    with store._read() as conn:  # noqa: SLF001
        assert again == aggregate.facets(conn)


def test_another_process_reads_the_kept_counts(store, counted):  # noqa: F811
    store.save(with_event(OTHER))
    summary.library_facets(store)
    with Store.open(store.url) as restarted:
        assert summary.library_facets(restarted).total == 1
    assert counted == [1]


def test_a_write_makes_the_kept_counts_stale(store, counted):  # noqa: F811
    store.save(with_event(OTHER))
    assert summary.library_facets(store).total == 1
    store.save(with_event(THIRD))
    assert summary.library_facets(store).total == 2
    store.remove(OTHER.doc.id)
    assert summary.library_facets(store).total == 1
    assert counted == [1, 1, 1]
    summary.library_facets(store)
    assert counted == [1, 1, 1]


def test_keeping_the_counts_is_no_change_of_the_library(store):  # noqa: F811
    store.save(with_event(OTHER))
    before = store.changes()
    summary.library_facets(store)
    assert store.changes() == before


def test_a_read_only_library_is_counted_not_written(store, counted):  # noqa: F811
    store.save(with_event(OTHER))
    with Store.open(store.url, read_only=True) as shown:
        assert summary.library_facets(shown).total == 1
        assert summary.library_facets(shown).total == 1
    assert counted == [1, 1]


def test_the_server_reads_the_counts_as_it_starts(tmp_path, monkeypatch, counted):
    """ui.serve's warm-up fills the cache the map page reads: the first visitor counts nothing."""
    from ui import answers, serve, state

    url = f"sqlite:///{tmp_path / 'lib.sqlite'}"
    with Store.open(url) as s:
        s.save(with_event(OTHER))
    monkeypatch.setenv("GEO_DATABASE_URL", url)
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    monkeypatch.delenv("GEO_READ_ONLY", raising=False)
    assert "geo.filters" in serve.app_modules() and "streamlit_folium" not in serve.LIBRARIES
    serve.warm()
    assert counted == [1]
    lib = state.shared_library(state.library_url(), False)[0]
    assert answers.facets(lib).total == 1 and counted == [1]
