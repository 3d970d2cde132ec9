"""The library's change count (geo.store.changes): every write raises it, from any process, on
SQLite and PostgreSQL; a dashboard's StoreLibrary sees another process's write by it alone."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace

import pytest

from factories import KHERSON, parse_by_hand, seed_parsed
from geo.errors import StoreError
from geo.library import StoreLibrary
from geo.store import Store
from geo.text.overlays import LayerFile
from geo.types import Event
from pg import db_url  # noqa: F401  (fixture)
from test_store import store  # noqa: F401  (fixture: an empty library on each backend)

OTHER = parse_by_hand("Shelling in Kherson again.", {"Kherson": KHERSON}, title="Kherson", source="b.txt")
SQUARE = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "area"},
          "geometry": {"type": "Polygon", "coordinates": [[[30, 46], [31, 46], [31, 47], [30, 46]]]}}]}


def with_event(parsed):
    r = parsed.resolutions[0]
    return replace(parsed, events=[Event(parsed.doc.id, parsed.sentences[r.mention.sentence],
                                         "Explosions/Remote violence", "Shelling/artillery/missile attack",
                                         r.place, r.mention, score=0.8)])


def _in_another_process(url: str, action: str) -> None:
    with Store.open(url) as store:
        if action == "save":
            store.save(with_event(OTHER))
        elif action == "set_date":
            store.set_date(OTHER.doc.id, "2024-01-02")
        elif action == "set_event_date":
            store.set_event_date(OTHER.doc.id, 0, "2024-01-03")
        elif action == "replace":  # what a correction or its undo does to each article it touches
            store.add_correction("Kherson", KHERSON)
            store.replace_resolutions(OTHER.doc.id, OTHER)
        elif action == "remove":
            store.remove(OTHER.doc.id)
        elif action == "overlay":
            store_overlay(store)


def store_overlay(store):
    from geo.store.overlays import add_overlay

    return add_overlay(store, LayerFile("area", "GeoJSON", SQUARE), source="area.geojson")


def run_elsewhere(url: str, action: str) -> None:
    # fork, as test_store's two writers: a real second process with its own connections.
    worker = multiprocessing.get_context("fork").Process(target=_in_another_process, args=(url, action))
    worker.start()
    worker.join(60)
    assert worker.exitcode == 0


def test_every_write_of_another_process_is_seen(store):
    lib = StoreLibrary(store, recheck_s=0)
    assert lib.add(seed_parsed())
    for action in ("save", "set_date", "set_event_date", "replace", "remove", "overlay"):
        before, version = store.changes(), lib.version
        run_elsewhere(store.url, action)
        assert store.changes() > before, action
        assert lib.version != version, action
    assert OTHER.doc.id not in lib and len(lib) == 1  # the removal, read anew


def test_a_write_that_changes_nothing_leaves_the_count(store):
    assert store.save(OTHER)
    before = store.changes()
    assert not store.save(OTHER)  # already stored: a re-ingest must not drop every dashboard's answers
    with pytest.raises(StoreError):
        store.set_date(OTHER.doc.id, "not a date")
    with pytest.raises(StoreError):
        store.set_event_date(OTHER.doc.id, 7, "2024-01-01")  # no such event: rolled back
    assert store.changes() == before
    store.set_date(OTHER.doc.id, "2024-01-01")
    assert store.changes() == before + 1


def test_the_library_s_own_write_drops_its_answers_once(store):
    lib = StoreLibrary(store, recheck_s=0)
    titles = lib.titles()
    assert lib.add(OTHER)
    version = lib.version
    assert lib.titles() is not titles and OTHER.doc.id in lib
    assert lib.version == version  # its own write's count was seen with it: no second drop
