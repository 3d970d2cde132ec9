"""A library written at schema v5 (unstemmed SQLite index) opened by this version: migrated in
place, its search index rebuilt over the same sentences, nothing lost."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select, text

from factories import KHERSON, MARIUPOL, parse_by_hand, save_as_older
from geo.store.migrations import LATEST, migrate
from geo.store import Store
from geo.store.engine import make_engine, resolve_url
from geo.store.schema import articles, mentions, reported_events, sentences
from geo.store.search import search
from geo.types import Event
from pg import db_url  # noqa: F401  (fixture)

_SHELLING = parse_by_hand("Russian forces shelled Kherson overnight. Two people were killed in the shelling.",
                          {"Kherson": KHERSON}, title="Shelling")
SHELLING = replace(_SHELLING, doc=replace(_SHELLING.doc, date="2024-03-02"), events=[Event(
    _SHELLING.doc.id, _SHELLING.sentences[0], "Explosions/Remote violence", "Shelling/artillery/missile attack",
    KHERSON, _SHELLING.resolutions[0].mention, date="2024-03-02", fatalities=2)])
SIEGE = parse_by_hand("Mariupol held out for weeks. Killing went on in the plant.", {"Mariupol": MARIUPOL},
                      title="Siege")


def counts(conn) -> tuple[int, ...]:
    return tuple(conn.scalar(select(func.count()).select_from(t))
                 for t in (articles, sentences, mentions, reported_events))


def test_a_v5_library_is_migrated_and_its_index_rebuilt(db_url):  # noqa: F811
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        assert migrate(conn, target=5) == 5
    old = Store(engine)  # for search: the v5 index as v5 read it
    for parsed in (SHELLING, SIEGE):
        assert save_as_older(engine, parsed)  # this program's rows in the v5 tables, as v5 wrote them
    with engine.connect() as conn:
        before = counts(conn)
    assert before == (2, 4, 2, 1)
    if engine.dialect.name == "sqlite":  # v5's index matched words only as written
        assert search(old, "shell") == [] and len(search(old, "shelled")) == 1
    engine.dispose()

    with Store.open(db_url) as store:
        with store._engine.connect() as conn:
            assert conn.scalar(text("SELECT version FROM schema_version")) == LATEST
            assert counts(conn) == before
        assert sorted((h.article_id, h.sentence) for h in search(store, "shell")) == [
            (SHELLING.doc.id, 0), (SHELLING.doc.id, 1)]
        assert sorted((h.article_id, h.sentence) for h in search(store, "killed")) == sorted(
            [(SHELLING.doc.id, 1), (SIEGE.doc.id, 1)])
        # The rebuilt index follows later writes and removals like the old one.
        store.remove(SIEGE.doc.id)
        assert [h.article_id for h in search(store, "killing")] == [SHELLING.doc.id]
        store.save(SIEGE)
        assert len(search(store, "kill")) == 2
        [event] = store.events()
        assert (event.doc_id, event.place.name, event.fatalities, event.date) == (SHELLING.doc.id, "Kherson", 2,
                                                                                  "2024-03-02")
