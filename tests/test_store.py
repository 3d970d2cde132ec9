"""The article library on every backend (see tests/pg.py): SQLite always, PostgreSQL when given."""

from __future__ import annotations

import multiprocessing
import re
import time
import tracemalloc

import pytest
from sqlalchemy import event, func, inspect, select, text, update

from geo import store as store_module
from geo.errors import StoreError
from geo.store.migrations import LATEST, migrate
from geo.store import Store, data_dir, spelling
from geo.store.engine import make_engine, resolve_url
from geo.store.schema import events, metadata, places, reported_events, sentences
from geo.types import Document, Event, Mention, ParsedDocument, Place, Resolution, Sentence
from pg import db_url  # noqa: F401  (fixture)

KYIV = Place("gn:703448", "Kyiv", 50.45, 30.52, "city", "UA", "Kyiv City", "UA.12", 2_900_000,
             703448)
KHERSON = Place("gn:706448", "Kherson", 46.64, 32.61, "city", "UA", "Khersonska oblast",
                "UA.08", 300_000, 706448)
DAM = Place("lm:kakhovka_dam", "Kakhovka Dam", 46.78, 33.37, "dam", "UA", "Khersonska oblast",
            "UA.08", source="landmarks",
            geometry={"type": "LineString", "coordinates": [[33.36, 46.77], [33.38, 46.78]]})
PARIS = Place("gn:2988507", "Paris", 48.85, 2.35, "city", "FR", "Île-de-France", "FR.11",
              2_100_000, 2988507)
SUVA = Place("gn:2198148", "Suva", -18.14, 178.44, "city", "FJ", "Central", "FJ.01")
APIA = Place("gn:4035413", "Apia", -13.83, -171.77, "city", "WS", "Tuamasaga", "WS.10")


def make_doc(lines: list[str], found: dict[str, Place], *, title: str = "", date: str | None = None,
             alternatives: dict[str, tuple[Place, ...]] | None = None) -> ParsedDocument:
    """One sentence per line; every occurrence of each name in ``found`` resolves to its place."""
    body = "\n".join(lines)
    sents, pos = [], 0
    for i, line in enumerate(lines):
        sents.append(Sentence(i, pos, pos + len(line), line))
        pos += len(line) + 1
    resolutions = []
    for name, place in found.items():
        for m in re.finditer(re.escape(name), body):
            sent = next(s for s in sents if s.start <= m.start() < s.end)
            resolutions.append(Resolution(Mention(m.start(), m.end(), name, sent.index, "GPE"),
                                          place, 0.9, (alternatives or {}).get(name, ())))
    resolutions.sort(key=lambda r: r.mention.start)
    return ParsedDocument(Document(body, title, f"{title}.txt", date=date), sents, resolutions)


DAM_DOC = make_doc(["Kyiv warned that the Kakhovka Dam had failed.",
                    "Kherson was flooded. Kyiv sent help."],
                   {"Kyiv": KYIV, "Kherson": KHERSON, "Kakhovka Dam": DAM},
                   title="dam", date="2023-06-06", alternatives={"Kherson": (PARIS,)})
WAR_DOC = make_doc(["Troops moved on Kyiv.", "Paris condemned it."],
                   {"Kyiv": KYIV, "Paris": PARIS}, title="war", date="2022-02-24")
PACIFIC_DOC = make_doc(["Storms hit Suva and then Apia."], {"Suva": SUVA, "Apia": APIA},
                       title="pacific")


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def library(store):
    for parsed in (DAM_DOC, WAR_DOC, PACIFIC_DOC):
        assert store.save(parsed)
    return store


def count(store: Store, table) -> int:
    with store._engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def place_ids(store: Store) -> set[str]:
    with store._engine.connect() as conn:
        return set(conn.scalars(select(places.c.id)))


def test_save_recognises_an_article_uploaded_twice(store):
    assert store.save(DAM_DOC) is True
    assert store.save(DAM_DOC) is False
    renamed = ParsedDocument(Document(DAM_DOC.doc.text, "other title"), [], [])
    assert store.save(renamed) is False  # same text, same id
    assert store.has(DAM_DOC.doc.id) and not store.has("0" * 16)
    [info] = store.articles()
    assert (info.id, info.title, info.date, info.n_mentions, info.n_places, info.n_events) == (
        DAM_DOC.doc.id, "dam", "2023-06-06", 4, 3, 0)
    assert store.article(DAM_DOC.doc.id) == DAM_DOC.doc
    assert count(store, events) == 4 and count(store, sentences) == 2


def test_unicode_round_trip(store):
    kyiv = Place("gn:703448", "Київ", 50.45, 30.52, "city", "UA", "Київська область", "UA.12",
                 geometry={"type": "Point", "coordinates": [30.52, 50.45], "name": "Київ"})
    parsed = make_doc(["Вибух у Києві.", "Київ — столиця України."],
                      {"Київ": kyiv, "Києві": kyiv},
                      title="Новини", date="2023-06-06", alternatives={"Києві": (KHERSON,)})
    assert store.save(parsed)
    assert store.article(parsed.doc.id) == parsed.doc
    assert store.parsed(parsed.doc.id) == parsed
    [ev, _] = store.place_mentions()
    assert (ev.mention.text, ev.sentence.text, ev.place.admin1) == (
        "Києві", "Вибух у Києві.", "Київська область")
    assert ev.place.geometry == kyiv.geometry
    assert store.articles()[0].title == "Новини"


def names(evs) -> list[tuple[str, str]]:
    return [(e.doc_id, e.mention.text) for e in evs]


DAM_ID, WAR_ID, PAC_ID = DAM_DOC.doc.id, WAR_DOC.doc.id, PACIFIC_DOC.doc.id
ALL_IN_ORDER = [(WAR_ID, "Kyiv"), (WAR_ID, "Paris"),  # 2022 first, undated last
                (DAM_ID, "Kyiv"), (DAM_ID, "Kakhovka Dam"), (DAM_ID, "Kherson"),
                (DAM_ID, "Kyiv"), (PAC_ID, "Suva"), (PAC_ID, "Apia")]


@pytest.mark.parametrize("filters, expected", [
    ({}, ALL_IN_ORDER),
    ({"article_ids": [PAC_ID, WAR_ID]}, ALL_IN_ORDER[:2] + ALL_IN_ORDER[6:]),
    ({"article_ids": []}, []),
    ({"countries": ["fr"]}, [(WAR_ID, "Paris")]),
    ({"countries": ["FJ", "WS"]}, [(PAC_ID, "Suva"), (PAC_ID, "Apia")]),
    ({"admin1": ["Khersonska oblast"]}, [(DAM_ID, "Kakhovka Dam"), (DAM_ID, "Kherson")]),
    ({"admin1": ["UA.08"]}, [(DAM_ID, "Kakhovka Dam"), (DAM_ID, "Kherson")]),
    ({"features": ["dam"]}, [(DAM_ID, "Kakhovka Dam")]),
    ({"bbox": (46.0, 32.0, 47.0, 34.0)}, [(DAM_ID, "Kakhovka Dam"), (DAM_ID, "Kherson")]),
    ({"bbox": (-20.0, 170.0, -10.0, -170.0)}, [(PAC_ID, "Suva"), (PAC_ID, "Apia")]),  # antimeridian
    ({"date_from": "2023-01-01"}, ALL_IN_ORDER[2:6]),
    ({"date_to": "2022-12-31"}, ALL_IN_ORDER[:2]),
    ({"date_to": "2022-02"}, ALL_IN_ORDER[:2]),  # a month bound includes the whole month
    ({"date_from": "2022-02-24", "date_to": "2022-02-24"}, ALL_IN_ORDER[:2]),
    ({"countries": ["UA"], "features": ["city"], "date_to": "2022"}, [(WAR_ID, "Kyiv")]),
    ({"limit": 3}, ALL_IN_ORDER[:3]),
])
def test_event_filters(library, filters, expected):
    assert names(library.place_mentions(**filters)) == expected


def test_events_are_rebuilt_whole(library):
    ev = library.place_mentions(features=["dam"])[0]
    assert ev.sentence == DAM_DOC.sentences[0] and ev.place == DAM
    assert ev.place.geometry == DAM.geometry and ev.score == pytest.approx(0.9)
    assert DAM_DOC.doc.text[ev.mention.start:ev.mention.end] == "Kakhovka Dam"
    assert library.parsed(DAM_ID) == ParsedDocument(DAM_DOC.doc, DAM_DOC.sentences,
                                                 DAM_DOC.resolutions)


def test_places_summary(library):
    summary = {p.name: (m, a) for p, m, a in library.places_summary()}
    assert summary["Kyiv"] == (3, 2) and summary["Paris"] == (1, 1) and len(summary) == 6
    assert library.places_summary()[0][0] == KYIV  # most mentioned first
    assert [(p.id, m, a) for p, m, a in library.places_summary(countries=["UA"],
                                                               date_to="2022")] == [
        (KYIV.id, 1, 1)]
    assert library.places_summary(limit=2)[1][1] == 1


def test_remove_takes_only_its_own_rows(library):
    library.add_correction("Kherson", KHERSON)
    assert library.remove(DAM_ID) is True
    assert library.remove(DAM_ID) is False
    assert not library.has(DAM_ID) and {a.id for a in library.articles()} == {WAR_ID, PAC_ID}
    assert names(library.place_mentions()) == [(WAR_ID, "Kyiv"), (WAR_ID, "Paris"), (PAC_ID, "Suva"),
                                       (PAC_ID, "Apia")]
    # Kyiv is shared with the war article; Kherson and the dam were the dam article's alone.
    assert place_ids(library) == {KYIV.id, PARIS.id, SUVA.id, APIA.id}
    assert count(library, sentences) == 3 and len(library.corrections()) == 1


def test_remove_keeps_places_still_offered_as_alternatives(store):
    other = make_doc(["Only Suva here."], {"Suva": SUVA}, alternatives={"Suva": (KHERSON,)})
    store.save(DAM_DOC)
    store.save(other)
    store.remove(DAM_DOC.doc.id)
    assert place_ids(store) == {SUVA.id, KHERSON.id}
    assert store.parsed(other.doc.id).resolutions[0].alternatives == (KHERSON,)


def test_replace_resolutions_keeps_the_article_row(library):
    library.set_date(DAM_ID, "2023-06-07")
    library.add_correction("Kherson", DAM, context=f"article:{DAM_ID}")
    before = {a.id: a for a in library.articles()}[DAM_ID]
    reparsed = make_doc(DAM_DOC.doc.text.split("\n"), {"Kherson": KHERSON}, title="dam")
    library.replace_resolutions(DAM_ID, reparsed)
    after = {a.id: a for a in library.articles()}[DAM_ID]
    assert (after.added_at, after.date, after.n_mentions) == (before.added_at, "2023-06-07", 1)
    assert names(library.place_mentions(article_ids=[DAM_ID])) == [(DAM_ID, "Kherson")]
    assert DAM_DOC.resolutions[1].place.id not in place_ids(library)  # the dam is orphaned
    assert [c.context for c in library.corrections()] == [f"article:{DAM_ID}"]
    with pytest.raises(StoreError, match="not"):
        library.replace_resolutions(WAR_ID, reparsed)
    unknown = make_doc(["Never saved."], {})
    with pytest.raises(StoreError, match="No article"):
        library.replace_resolutions(unknown.doc.id, unknown)


def test_set_date(library):
    library.set_date(PAC_ID, "2021-01-01")
    assert names(library.place_mentions())[0] == (PAC_ID, "Suva")
    library.set_date(PAC_ID, None)
    assert {a.id: a.date for a in library.articles()}[PAC_ID] is None
    with pytest.raises(StoreError, match="ISO"):
        library.set_date(PAC_ID, "last Tuesday")
    with pytest.raises(StoreError, match="No article"):
        library.set_date("nope", "2021-01-01")


def test_corrections_add_list_undo(store):
    first = store.add_correction("  Kakhovka   DAM ", DAM, context="country:UA")
    second = store.add_correction("Київ", KYIV)
    assert [(c.id, c.name, c.context) for c in store.corrections()] == [
        (first, "kakhovka dam", "country:UA"), (second, spelling("КИЇВ"), "")]
    assert store.corrections()[0].place.geometry == DAM.geometry
    assert store.undo_correction(first) is True
    assert store.undo_correction(first) is False and store.undo_correction(9999) is False
    assert [c.id for c in store.corrections()] == [second]
    assert [c.active for c in store.corrections(active_only=False)] == [False, True]
    with pytest.raises(StoreError):
        store.add_correction("  ", KYIV)


def test_crash_mid_save_leaves_nothing(store, monkeypatch):
    def write_then_crash(conn, batch):
        real_write(conn, batch)
        raise RuntimeError("power cut")

    real_write = store_module.write_rows  # what save writes through (one batch of one article)
    monkeypatch.setattr(store_module, "write_rows", write_then_crash)
    with pytest.raises(RuntimeError):
        store.save(DAM_DOC)
    assert not store.has(DAM_DOC.doc.id) and store.articles() == []
    assert (count(store, sentences), count(store, events), place_ids(store)) == (0, 0, set())
    monkeypatch.undo()
    assert store.save(DAM_DOC) is True


def test_database_error_mid_save_rolls_back(library):
    broken = make_doc(["Apia only."], {"Apia": APIA})
    bad = Resolution(Mention(0, 4, "Apia", 7), KHERSON)  # sentence 7 does not exist
    broken.resolutions.append(bad)
    with pytest.raises(StoreError, match="Cannot write"):
        library.save(broken)
    assert not library.has(broken.doc.id) and count(library, sentences) == 5
    with pytest.raises(StoreError):
        library.replace_resolutions(DAM_ID, ParsedDocument(DAM_DOC.doc, [], [bad]))
    assert names(library.place_mentions(article_ids=[DAM_ID])) == ALL_IN_ORDER[2:6]


def test_migrates_a_v1_library(db_url):  # noqa: F811
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        assert migrate(conn, target=1) == 1
        conn.execute(text("INSERT INTO articles VALUES ('a1', 'old', 's', 'text/plain', "
                          "'2020-01-01', 'Kyiv.', '2020-01-01T00:00:00+00:00', 1)"))
        conn.execute(text("INSERT INTO sentences VALUES ('a1', 0, 0, 5, 'Kyiv.')"))
        conn.execute(text("INSERT INTO places VALUES ('gn:703448', 'Kyiv', 50.45, 30.52, 'city',"
                          " 'UA', 'Kyiv City', 'UA.12', 0, NULL, 'geonames', NULL)"))
        conn.execute(text("INSERT INTO events (article_id, sentence, start, \"end\", text, label,"
                          " place_id, score, alternatives) VALUES ('a1', 0, 0, 4, 'Kyiv', 'GPE',"
                          " 'gn:703448', 0.5, '[]')"))
        assert "corrections" not in inspect(conn).get_table_names()
    engine.dispose()
    with Store.open(db_url) as store:
        [ev] = store.place_mentions(countries=["UA"])
        assert (ev.doc_id, ev.mention.hint, ev.place.name) == ("a1", "", "Kyiv")
        assert store.add_correction("Kyiv", KYIV) and store.save(DAM_DOC)
        with store._engine.connect() as conn:
            assert conn.scalar(text("SELECT version FROM schema_version")) == LATEST
            schema = inspect(conn)
            for table in metadata.sorted_tables:
                assert {c["name"] for c in schema.get_columns(table.name)} == set(table.c.keys())
                assert {i["name"] for i in schema.get_indexes(table.name)} >= {
                    i.name for i in table.indexes}


def test_refuses_a_library_from_a_newer_version(db_url):  # noqa: F811
    with Store.open(db_url) as store, store._engine.begin() as conn:
        conn.execute(update(metadata.tables["schema_version"]).values(version=LATEST + 1))
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_url)


def test_reads_ten_thousand_events_in_date_order(store):
    # How fast is `geo bench --dashboard`'s business; a timed assert fails on a loaded machine.
    pool = [Place(f"gn:{i}", f"Place{i}", 40 + i / 10, 20 + i / 10, "city", "UA", f"Region{i % 5}",
                  geometry={"type": "Point", "coordinates": [20 + i / 10, 40 + i / 10]})
            for i in range(50)]
    for a in range(100):
        lines = [f"Article {a} event {i} at Place{(a + i) % 50}x." for i in range(100)]
        assert store.save(make_doc(lines, {f"Place{i}x": p for i, p in enumerate(pool)},
                                   date=f"2023-{a % 12 + 1:02d}-01"))
    started = time.perf_counter()
    evs = store.place_mentions()
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    summary = store.places_summary()
    summary_elapsed = time.perf_counter() - started
    print(f"\n[{store.url.split(':')[0]}] events(): {len(evs)} in {elapsed * 1000:.0f} ms; "
          f"places_summary(): {len(summary)} in {summary_elapsed * 1000:.0f} ms")
    assert len(evs) == 10_000 and len(summary) == 50
    dates = {a.id: a.date for a in store.articles()}
    assert [dates[e.doc_id] for e in evs] == sorted(dates[e.doc_id] for e in evs)


def _save_range(url: str, first: int, last: int) -> None:
    with Store.open(url) as store:
        for n in range(first, last):
            store.save(make_doc([f"Report {n} from Kyiv and Kherson."],
                                {"Kyiv": KYIV, "Kherson": KHERSON}))


def test_two_processes_write_at_once(store):
    # fork, not spawn: spawn re-runs __main__, which AppTest tests in the same run repoint at a page.
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_save_range, args=(store.url, a, b)) for a, b in
               [(0, 30), (15, 45)]]  # overlapping: both try to save 15..29
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    assert len(store.articles()) == 45 and count(store, events) == 90
    assert place_ids(store) == {KYIV.id, KHERSON.id}


def test_empty_library(store):
    assert store.articles() == [] and store.place_mentions() == [] and store.places_summary() == []
    with pytest.raises(StoreError, match="No article"):
        store.article("nope")


def test_default_location_and_pragmas(tmp_path, monkeypatch):
    monkeypatch.delenv("GEO_DATABASE_URL", raising=False)
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    with Store.open() as store:
        assert store.url.endswith(f"{tmp_path}/data/library.sqlite")
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    monkeypatch.setenv("GEO_DATABASE_URL", f"sqlite:///{tmp_path}/elsewhere.sqlite")
    with Store.open() as store:
        assert store.url.endswith("elsewhere.sqlite")
    with Store.open(tmp_path / "by-path.sqlite") as store:
        assert (tmp_path / "by-path.sqlite").exists()
    monkeypatch.delenv("GEO_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "geo-events-map"


def test_unusable_urls_raise_store_error():
    with pytest.raises(StoreError, match="Unsupported"):
        Store.open("mysql+pymysql://u:p@localhost/db")
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/") as caught:
        Store.open("postgresql://u:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)


def huge_sentence_doc(names: int = 1000, filler: str = " was shelled again, and then ") -> ParsedDocument:
    """One sentence of about 100 KB naming Kherson ``names`` times, a reported event at each."""
    line = filler.join(["Kherson"] * names) + "."
    parsed = make_doc([line, "Kyiv sent help."], {"Kherson": KHERSON, "Kyiv": KYIV}, title="huge")
    events = [Event(parsed.doc.id, parsed.sentences[0], "Explosions/Remote violence",
                    "Shelling/artillery/missile attack", r.place, r.mention, date="2023-06-06")
              for r in parsed.resolutions if r.mention.sentence == 0]
    return ParsedDocument(parsed.doc, parsed.sentences, parsed.resolutions, events=events)


def test_map_queries_read_each_sentence_once_not_per_row(store):
    """The map's queries: no row of mentions or events carries its sentence's text; each
    sentence is read once and shared, so their memory does not grow with sentence length."""
    huge = huge_sentence_doc()
    assert len(huge.sentences[0].text) > 30_000 and store.save(huge)
    selects: list = []
    listen = lambda conn, clause, *args: selects.append(clause)  # noqa: E731
    event.listen(store._engine, "before_execute", listen)
    tracemalloc.start()
    try:
        found = store.place_mentions()
        reported = store.events()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        event.remove(store._engine, "before_execute", listen)
    assert len(found) == 1001 and len(reported) == 1000
    assert found[0].sentence == huge.sentences[0] and reported[0].sentence == huge.sentences[0]
    assert len({id(m.sentence) for m in found}) == 2 and len({id(e.sentence) for e in reported}) == 1
    for clause in selects:  # the rows' own queries name no sentence column at all
        columns = set(getattr(clause, "selected_columns", ()))
        if columns & {*events.c, *reported_events.c}:
            assert not columns & set(sentences.c), clause
    # A copy per row would be 1000 x the sentence (35 MB per query); one copy and the rows: ~1.5 MB.
    assert peak < 10_000_000, f"peak {peak / 1e6:.1f} MB"


def _tables(url: str) -> set[str]:
    engine = make_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_read_only_opens_the_library_as_it_is_or_not_at_all(db_url, tmp_path):  # noqa: F811
    """GEO_READ_ONLY: a SQLite file opened mode=ro, PostgreSQL sessions read-only; a missing or
    empty library is LibraryMissing with nothing created, an old one is not migrated."""
    from geo.errors import LibraryMissing, LibraryUnusable

    if db_url.startswith("sqlite"):
        typo = tmp_path / "typo" / "library.sqlite"
        with pytest.raises(LibraryMissing, match="nothing was created") as missing:
            Store.open(typo, read_only=True)
        assert not typo.parent.exists()
        (tmp_path / "empty.sqlite").touch()  # an empty file is an empty database
        with pytest.raises(LibraryMissing):
            Store.open(tmp_path / "empty.sqlite", read_only=True)
        assert (tmp_path / "empty.sqlite").stat().st_size == 0
    else:
        with pytest.raises(LibraryMissing) as missing:
            Store.open(db_url, read_only=True)
        assert _tables(db_url) == set()
    assert "creates none" in missing.value.reason

    with Store.open(db_url) as store:
        store.save(DAM_DOC)
    file = db_url.removeprefix("sqlite:///") if db_url.startswith("sqlite") else None
    before = open(file, "rb").read() if file else None
    with Store.open(db_url, read_only=True) as store:
        assert store.read_only and names(store.place_mentions()) == names(DAM_DOC.place_mentions)
        with pytest.raises(StoreError, match="read-only"):
            store.save(WAR_DOC)
        with pytest.raises(Exception, match="read-?only"):  # the database itself refuses too
            with store._engine.begin() as conn:
                conn.execute(text("DELETE FROM articles"))
    assert file is None or open(file, "rb").read() == before  # byte for byte
    with Store.open(db_url) as store:
        assert [a.id for a in store.articles()] == [DAM_ID]
        with store._engine.begin() as conn:
            conn.execute(update(metadata.tables["schema_version"]).values(version=LATEST - 1))
    with pytest.raises(LibraryUnusable, match=f"schema v{LATEST - 1}"):
        Store.open(db_url, read_only=True)
    engine = make_engine(resolve_url(db_url))
    with engine.connect() as conn:  # untouched: still the older version
        assert conn.scalar(text("SELECT version FROM schema_version")) == LATEST - 1
    engine.dispose()
