"""Reported events in the library, on every backend: written with the article, read back as
geo.types.Event, filtered, re-dated by hand, kept across a reindex, and the v2 -> v3 migration."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import inspect, text

from geo.library import MemoryLibrary, StoreLibrary
from geo.store.migrations import migrate
from geo.store import Store
from geo.store.engine import make_engine, resolve_url
from geo.types import NEAR_PLACE, PLACE_ITSELF, Event, Mention
from pg import db_url  # noqa: F401  (fixture)
from test_store import KHERSON, KYIV, make_doc


def with_events(parsed, *specs):
    """specs: (sentence index, sub-type tuple, place name or None, date, actors, fatalities)."""
    by_name = {r.mention.text: r for r in parsed.resolutions}
    events = []
    for idx, (etype, sub), name, date, actors, dead in specs:
        r = by_name.get(name)
        events.append(Event(parsed.doc.id, parsed.sentences[idx], etype, sub,
                            r.place if r else None, r.mention if r else None,
                            NEAR_PLACE if name == "Kyiv" else PLACE_ITSELF, date, actors, dead,
                            None, 0.8))
    return replace(parsed, events=events)


SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
DRONE = ("Explosions/Remote violence", "Air/drone strike")
CLASH = ("Battles", "Armed clash")

DOC = with_events(
    make_doc(["Russian forces shelled Kherson on Monday, killing two civilians.",
              "Drones struck near Kyiv overnight.",
              "Fighting went on somewhere in the south."],
             {"Kherson": KHERSON, "Kyiv": KYIV}, title="strikes", date="2023-06-07"),
    (0, SHELLING, "Kherson", "2023-06-05", ("Russian forces", "Civilians (Ukraine)"), 2),
    (1, DRONE, "Kyiv", "2023-06-06", (), None),
    (2, CLASH, None, "2023-06-07", (), None),
)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


def test_events_round_trip_with_their_article(store):
    assert store.save(DOC)
    back = store.parsed(DOC.doc.id).events
    assert back == DOC.events  # every field, place and mention included, in text order
    assert [e.sub_type for e in store.events()] == [SHELLING[1], DRONE[1], CLASH[1]]


def test_an_event_told_in_several_sentences_keeps_them(store):
    # Issue 20: one event, several source sentences (schema v5 stores the later ones).
    first = DOC.events[0]
    told_twice = replace(DOC, events=[replace(first, more=(DOC.sentences[2],)), *DOC.events[1:]])
    assert store.save(told_twice)
    [back] = [e for e in store.events() if e.sub_type == SHELLING[1]]
    assert [s.text for s in back.sentences] == [DOC.sentences[0].text, DOC.sentences[2].text]
    assert store.parsed(DOC.doc.id).events == told_twice.events


def test_event_filters(store):
    store.save(DOC)
    subs = lambda evs: [e.sub_type for e in evs]  # noqa: E731
    assert subs(store.events(types=["Battles"])) == [CLASH[1]]
    assert subs(store.events(sub_types=[DRONE[1], SHELLING[1]])) == [SHELLING[1], DRONE[1]]
    assert subs(store.events(actors=["Russian forces"])) == [SHELLING[1]]
    assert subs(store.events(actors=["Russian"])) == []  # a whole actor, never a part of one
    assert subs(store.events(date_from="2023-06-06")) == [DRONE[1], CLASH[1]]
    assert subs(store.events(date_to="2023-06-05")) == [SHELLING[1]]
    assert subs(store.events(admin1=["UA.08"])) == [SHELLING[1]]  # the placeless one drops out
    assert subs(store.events(bbox=(50, 30, 51, 31))) == [DRONE[1]]
    assert store.events(article_ids=["nope"]) == []


def test_hand_set_event_date_survives_a_reindex(store):
    store.save(DOC)
    store.set_event_date(DOC.doc.id, 1, "2023-06-01")
    store.replace_resolutions(DOC.doc.id, DOC)  # a reindex writes the extractor's dates again
    assert [e.date for e in store.parsed(DOC.doc.id).events] == ["2023-06-05", "2023-06-01",
                                                                 "2023-06-07"]
    with pytest.raises(Exception, match="no event 7"):
        store.set_event_date(DOC.doc.id, 7, "2023-06-01")
    with pytest.raises(Exception, match="Not an ISO date"):
        store.set_event_date(DOC.doc.id, 0, "last week")


def test_events_dated_by_their_article_move_with_it(store):
    store.save(DOC)
    store.set_date(DOC.doc.id, "2023-06-09")
    assert [e.date for e in store.parsed(DOC.doc.id).events] == ["2023-06-05", "2023-06-06",
                                                                 "2023-06-09"]


def test_removing_the_article_removes_its_events_and_their_places(store):
    store.save(DOC)
    assert store.remove(DOC.doc.id)
    assert store.events() == []
    with store._engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM places")) == 0


@pytest.mark.parametrize("kind", ["memory", "stored"])
def test_both_library_kinds_give_the_same_events(kind, db_url):  # noqa: F811
    store = Store.open(db_url) if kind == "stored" else None
    lib = StoreLibrary(store) if store else MemoryLibrary()
    try:
        assert lib.add(DOC)
        assert [(e.sub_type, e.date, e.place and e.place.name) for e in lib.events()] == [
            (SHELLING[1], "2023-06-05", "Kherson"), (DRONE[1], "2023-06-06", "Kyiv"),
            (CLASH[1], "2023-06-07", None)]
        lib.set_event_date(DOC.doc.id, 2, "2023-06-04")
        assert [e.date for e in lib.events()] == ["2023-06-04", "2023-06-05", "2023-06-06"]
        assert lib.get(DOC.doc.id).events[2].date == "2023-06-04"
    finally:
        if store:
            store.close()


def test_v2_library_migrates_mentions_and_gains_events(db_url):  # noqa: F811
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        assert migrate(conn, target=2) == 2
        conn.execute(text("INSERT INTO articles VALUES ('a1', 'old', 's', 'text/plain', "
                          "'2020-01-01', 'Kyiv.', '2020-01-01T00:00:00+00:00', 1)"))
        conn.execute(text("INSERT INTO sentences VALUES ('a1', 0, 0, 5, 'Kyiv.')"))
        conn.execute(text("INSERT INTO places VALUES ('gn:703448', 'Kyiv', 50.45, 30.52, 'city',"
                          " 'UA', 'Kyiv City', 'UA.12', 0, NULL, 'geonames', NULL)"))
        conn.execute(text("INSERT INTO events (article_id, sentence, start, \"end\", text, label,"
                          " place_id, score, alternatives, hint) VALUES ('a1', 0, 0, 4, 'Kyiv',"
                          " 'GPE', 'gn:703448', 0.5, '[]', '')"))
    engine.dispose()
    with Store.open(db_url) as store:
        [m] = store.place_mentions()
        assert (m.doc_id, m.mention.text) == ("a1", "Kyiv")
        assert store.save(DOC) and len(store.events()) == 3  # ids still come from a sequence
        with store._engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"mentions", "reported_events"} <= tables and "events" not in tables


def test_event_without_mention_or_place_is_stored(store):
    lone = replace(DOC, events=[Event(DOC.doc.id, DOC.sentences[2], *CLASH)])
    store.save(lone)
    [e] = store.events()
    assert (e.place, e.mention, e.date, e.actors, e.fatalities) == (None, None, "2023-06-07", (),
                                                                   None)
    assert isinstance(DOC.events[0].mention, Mention)
