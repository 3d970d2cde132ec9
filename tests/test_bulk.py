"""geo.library.bulk: batch ingest and reindex against a real SQLite library and the real pipeline."""

from __future__ import annotations

import threading

import pytest

from geo.library import bulk
from geo.errors import GeoError
from geo.text.sentences import split
from geo.store import Store
from geo.types import Document
from factories import KHERSON, SEED, SEED_PLACES, parse_by_hand

pytestmark = pytest.mark.usefixtures("geo_data_dir")

SEED_TEXT = SEED.read_text(encoding="utf-8")


def article(i: int) -> str:
    return f"Report {i} from the southern front.\n\n{SEED_TEXT}"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "library.sqlite") as s:
        yield s


@pytest.fixture
def folder(tmp_path):
    """Three good articles (one twice), an image named .txt, an empty file, and noise."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / ".hidden").mkdir()
    for i in range(3):
        (d / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    (d / "sub" / "copy.md").write_text(article(0), encoding="utf-8")
    (d / "sub" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (d / "empty.html").write_bytes(b"")
    (d / "table.csv").write_text("a,b\n", encoding="utf-8")
    (d / ".hidden" / "x.txt").write_text(article(9), encoding="utf-8")
    (d / ".notes.txt").write_text(article(8), encoding="utf-8")
    return d


def recorder():
    calls = []

    def progress(report, name, outcome):
        calls.append((name.rsplit("/", 1)[-1], outcome, threading.get_ident()))

    return calls, progress


def test_find_files_walks_folders_for_supported_files(folder):
    found = bulk.find_files([folder, folder / "table.csv"])
    names = sorted(p.name for p in found)
    # table.csv is read because it was named; hidden files and folders are not.
    assert names == ["a0.txt", "a1.txt", "a2.txt", "copy.md", "empty.html", "photo.txt",
                     "table.csv"]
    assert len(bulk.find_files([folder, folder / "a0.txt"])) == 6  # no file twice


def test_ingest_stores_new_reports_bad_and_skips_existing(store, folder, monkeypatch):
    calls, progress = recorder()
    report = bulk.ingest(store, bulk.find_files([folder]), workers=1, progress=progress)
    assert (report.added, report.existing, report.total) == (3, 1, 6)
    assert sorted(n.rsplit("/", 1)[-1] for n, _ in report.failed) == ["empty.html", "photo.txt"]
    assert all("empty" in why or "PNG" in why for _, why in report.failed)
    assert {t for *_, t in calls} == {threading.get_ident()}  # callbacks in the caller's thread
    assert sorted(o for _, o, _ in calls) == ["added"] * 3 + ["existing"] + ["failed"] * 2
    assert report.words == 3 * len(article(0).split()) and report.words_per_s > 0
    stored = {a.id for a in store.articles()}
    assert stored == {Document(article(i)).id for i in range(3)}
    for doc_id in stored:
        parsed = store.parsed(doc_id)
        assert parsed.resolutions and len(parsed.sentences) == len(split(parsed.doc.text))

    # A rerun reads and hashes, and parses nothing.
    monkeypatch.setattr(bulk, "_parser", lambda *a: pytest.fail("parsed on a rerun"))
    again = bulk.ingest(store, bulk.find_files([folder]), workers=1)
    assert (again.added, again.existing, len(again.failed)) == (0, 4, 2)
    assert "added 0, already in the library 4, failed 2" in again.summary()


def test_ingest_takes_documents_and_counts_a_lost_race_as_existing(store, monkeypatch):
    docs = [Document(article(i), title=f"r{i}") for i in range(2)]
    assert bulk.ingest(store, docs[:1], workers=1).added == 1
    # Another process stored it between the check and the save: save() says False.
    monkeypatch.setattr(store, "existing", lambda doc_ids: set())
    report = bulk.ingest(store, docs, workers=1)
    assert (report.added, report.existing) == (1, 1)
    assert len(store.articles()) == 2


def test_interrupted_ingest_keeps_what_was_saved_and_resumes(store):
    docs = [Document(article(i)) for i in range(4)]

    def stop_after_first(report, name, outcome):
        if outcome == "added":
            raise KeyboardInterrupt

    report = bulk.ingest(store, docs, workers=1, progress=stop_after_first)
    assert report.interrupted and report.added == 1
    assert report.summary().startswith("interrupted: added 1")
    assert len(store.articles()) == 1
    rest = bulk.ingest(store, docs, workers=1)
    assert (rest.added, rest.existing) == (3, 1)
    assert sorted(a.id for a in store.articles()) == sorted(d.id for d in docs)


def test_reindex_replaces_the_parse_and_keeps_articles_and_corrections(store):
    from geo.geoparse.pipeline import load_pipeline

    # A hand-made parse stands for one made with an older gazetteer.
    old = parse_by_hand(SEED_TEXT, SEED_PLACES, title="seed", source="seed.txt")
    other = Document(article(1), title="other", date="2023-06-06")
    store.save(old)
    bulk.ingest(store, [other], workers=1)
    store.set_date(old.doc.id, "2022-11-02")
    correction = store.add_correction("Kherson", KHERSON, "country:UA")
    before = {a.id: a for a in store.articles()}

    calls, progress = recorder()
    report = bulk.reindex(store, workers=2, progress=progress)
    assert (report.added, report.failed, report.interrupted) == (2, [], False)
    assert [o for _, o, _ in calls] == ["reindexed"] * 2
    assert "reindexed 2, failed 0" in report.summary("reindexed")

    after = {a.id: a for a in store.articles()}
    assert after.keys() == before.keys()
    for doc_id, info in after.items():
        assert (info.title, info.date, info.added_at) == (
            before[doc_id].title, before[doc_id].date, before[doc_id].added_at)
    expected = load_pipeline().parse(store.article(old.doc.id))
    got = store.parsed(old.doc.id)
    assert [(r.mention.start, r.place.id) for r in got.resolutions] == [
        (r.mention.start, r.place.id) for r in expected.resolutions if r.place is not None]
    assert len(got.sentences) == len(expected.sentences)
    assert [c.id for c in store.corrections()] == [correction]


def test_reindex_of_an_empty_library_does_nothing(store, monkeypatch):
    monkeypatch.setattr(bulk, "_parser", lambda *a: pytest.fail("loaded the pipeline"))
    report = bulk.reindex(store)
    assert (report.total, report.added, report.failed) == (0, 0, [])


def test_article_source_streams_jsonl_gz_and_globs(tmp_path, store):
    import gzip
    import json

    from geo.library.sources import ArticleSource

    lines = [json.dumps({"id": str(i), "text": article(i), "date": "2023-05-0" + str(1 + i % 9),
                         "title": f"t{i}"}) for i in range(200)]
    with gzip.open(tmp_path / "part-1.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines[:100]) + "\n")
    (tmp_path / "part-2.jsonl").write_text("\n".join(lines[100:]) + "\nnot json\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(article(500), encoding="utf-8")

    source = ArticleSource([str(tmp_path / "part-*"), tmp_path / "a.txt"], say=lambda m: None)
    assert source.count is None and source.fraction() == 0
    items = iter(source)
    first = next(items)
    assert (first.title, first.source, first.date) == ("t0", "part-1.jsonl.gz#0", "2023-05-01")
    assert 0 <= source.fraction() < 0.5  # one line read, not the archive
    rest = list(items)
    assert len(rest) == 200 and rest[-1] == tmp_path / "a.txt" and source.fraction() == 1
    assert source.estimate() == 201

    report = bulk.ingest(store, ArticleSource([tmp_path / "part-2.jsonl"], say=lambda m: None),
                         workers=1, batch=7)
    assert (report.added, report.total) == (100, 100)
    assert ArticleSource([tmp_path]).count is None  # a folder with archives in it
    with pytest.raises(GeoError, match="nothing matches"):
        ArticleSource([str(tmp_path / "nope-*.jsonl")])


def test_a_file_that_later_ingests_leaves_the_failure_report(tmp_path, store):
    from geo.library.failures import FailureLog

    bad = tmp_path / "in" / "b.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "in" / "a.txt").write_text(article(1), encoding="utf-8")
    assert len(bulk.ingest(store, bulk.find_files([bad.parent]), workers=1).failed) == 1
    assert [f.name for f in FailureLog.beside(store).failures()] == [str(bad)]
    bad.write_text(article(2), encoding="utf-8")  # fixed
    assert bulk.ingest(store, bulk.find_files([bad.parent]), workers=1).added == 1
    assert FailureLog.beside(store).failures() == []


def stored(store: Store) -> dict:
    """What a library holds, article by article, from its own reads."""
    out = {}
    for a in store.articles():
        p = store.parsed(a.id)
        out[a.id] = (a.title, [(s.index, s.text) for s in p.sentences],
                     [(r.mention.start, r.mention.text, r.place.id) for r in p.resolutions],
                     [(e.sentence.index, e.sub_type, e.place.id if e.place else None) for e in p.events])
    return out


def test_a_batch_of_rows_stores_what_saving_each_parse_stores(store, tmp_path):
    from geo.store.write import rows_of

    parses = [parse_by_hand(article(i), SEED_PLACES, title=f"a{i}") for i in range(3)]
    rows = [rows_of(p) for p in parses]
    assert store.save_rows([rows[0], rows[1], rows[0]]) == [True, True, False]
    assert store.save_rows([rows[1], rows[2]]) == [False, True]
    with Store.open(tmp_path / "one_by_one.sqlite") as other:
        assert [other.save(p) for p in parses] == [True, True, True]
        assert stored(store) == stored(other) and len(stored(store)) == 3


def test_a_batch_of_rows_is_stored_whole_or_not_at_all(store):
    from geo.store.write import rows_of

    good, bad = (rows_of(parse_by_hand(article(i), SEED_PLACES)) for i in range(2))
    bad.sentences[0]["text"] = None  # NOT NULL
    with pytest.raises(GeoError):
        store.save_rows([good, bad])
    assert store.articles() == []
    # As an ingest writes a batch from Dask's workers: then article by article, the bad one failing.
    told = bulk._save_rows(bulk.target_of(store), [good, bad])
    assert [(t.doc_id, getattr(t, "added", None)) for t in told] == [(good.article["id"], True),
                                                                    (bad.article["id"], None)]
    assert [a.id for a in store.articles()] == [good.article["id"]]
