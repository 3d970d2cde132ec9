"""The `geo` library commands: ingest (killed and resumed, in a real process), export, reindex,
articles, remove, bench."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

from geo.cli import main
from geo.commands.library import ALREADY_NOTES
from geo.text.sentences import split
from geo.store import Store
from geo.types import Document, Place
from factories import DNIEPER, SEED, SEED_PLACES, parse_by_hand

pytestmark = pytest.mark.usefixtures("geo_data_dir")

SEED_TEXT = SEED.read_text(encoding="utf-8")
PARIS = Place("gn:2988507", "Paris", 48.85, 2.35, "city", "FR", "Île-de-France", "FR.11", 2_100_000,
              2988507)
N_FILES = 30


def geo(*args: str, **kw) -> subprocess.Popen:
    # Ctrl-C as a user's terminal gives it: a test run started in the background of a script
    # has SIGINT ignored, and a child inherits that, so its Ctrl-C would never arrive.
    return subprocess.Popen([sys.executable, "-m", "geo.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kw)


def stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def stop_midway(proc: subprocess.Popen, db, sig: int) -> int:
    """Signal the process group once this run has stored an article; the count then."""
    deadline, before = time.monotonic() + 180, stored(db)
    while stored(db) <= before:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no article stored within 3 minutes"
        time.sleep(0.02)
    os.killpg(proc.pid, sig)
    proc.wait(timeout=60)
    return stored(db)


def check_consistent(db, texts: list[str], complete: bool = True) -> None:
    """Every article stored whole and once, nothing pointing nowhere; all ``texts`` if complete."""
    conn = sqlite3.connect(db)
    q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    assert q("PRAGMA integrity_check") == [("ok",)]
    assert q("PRAGMA foreign_key_check") == []
    ids = [r[0] for r in q("SELECT id FROM articles")]
    expected = {Document(t).id for t in texts}
    assert set(ids) == expected if complete else set(ids) <= expected
    assert q("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)") == [(0,)]
    assert q("SELECT count(*) FROM reported_events WHERE article_id NOT IN (SELECT id FROM articles)") == [(0,)]
    assert q("SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)") == [(0,)]
    assert q("SELECT count(*) FROM mentions WHERE place_id NOT IN (SELECT id FROM places)") == [(0,)]
    assert q("SELECT count(*) FROM places WHERE id NOT IN (SELECT place_id FROM mentions) "
             "AND id NOT IN (SELECT place_id FROM reported_events WHERE place_id IS NOT NULL) "
             "AND NOT EXISTS (SELECT 1 FROM mentions WHERE alternatives LIKE '%\"' || places.id || '\"%')"
             ) == [(0,)]
    # Every article was written whole: all its sentences and some events, never a part.
    by_id = {Document(t).id: t for t in texts}
    for doc_id, n_sent, n_ev in q("SELECT a.id, (SELECT count(*) FROM sentences s WHERE "
                                  "s.article_id = a.id), (SELECT count(*) FROM mentions e WHERE "
                                  "e.article_id = a.id) FROM articles a"):
        assert n_sent == len(split(by_id[doc_id])) and n_ev > 0
    conn.close()


def test_ingest_survives_ctrl_c_and_kill_9_and_resumes(tmp_path):
    folder, db = tmp_path / "articles", tmp_path / "library.sqlite"
    folder.mkdir()
    # Long enough that a run takes seconds on an idle machine: a signal sent once the first
    # article is stored must find the run still going.
    texts = [f"Report {i} from the southern front.\n\n" + "\n\n".join([SEED_TEXT] * 6)
             for i in range(N_FILES)]
    for i, text in enumerate(texts):
        (folder / f"report-{i:02}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    args = ("ingest", str(folder), "--db", f"sqlite:///{db}", "--workers", "2")

    proc = geo(*args)
    after_ctrl_c = stop_midway(proc, db, signal.SIGINT)
    err = proc.stderr.read()
    assert proc.returncode == 130, err
    assert "interrupted: added" in err and "Traceback" not in err, err
    assert "broken.pdf: skipped:" in err

    proc = geo(*args)
    after_kill = stop_midway(proc, db, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    print(f"stored after Ctrl-C: {after_ctrl_c}, after kill -9: {after_kill}")
    assert 1 <= after_ctrl_c < after_kill < N_FILES, "finished before it could be killed"
    check_consistent(db, texts, complete=False)

    proc = geo(*args)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert (f"added {N_FILES - after_kill}, already in the library {after_kill}, failed 1"
            in err), err
    check_consistent(db, texts)

    proc = geo(*args)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0 and f"added 0, already in the library {N_FILES}" in err, err
    # Each file already there is named, up to a screenful; the summary counts them all.
    assert err.count(": already in the library, not added again") == min(N_FILES, ALREADY_NOTES), err


@pytest.fixture
def library(tmp_path):
    """Two hand-parsed articles: the seed (Ukraine, 2022-11-02) and one on Paris (2024-05-01)."""
    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    seed = parse_by_hand(SEED_TEXT, SEED_PLACES, title="=seed", source="seed.txt")
    paris = parse_by_hand("Protests filled Paris. Later Paris was quiet.", {"Paris": PARIS},
                          title="Paris news", source="paris.txt")
    with Store.open(url) as store:
        store.save(seed)
        store.save(paris)
        store.set_date(seed.doc.id, "2022-11-02")
        store.set_date(paris.doc.id, "2024-05-01")
    return url, seed, paris


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def export_geojson(capsys, url: str, *filters: str) -> dict:
    code, out, err = run(capsys, "export", "--db", url, *filters)
    assert code == 0, err
    return json.loads(out)


def names(collection: dict) -> set[str]:
    return {f["properties"]["name"] for f in collection["features"]}


def test_export_geojson_is_flat_lon_lat_and_filtered(capsys, library):
    url, seed, paris = library
    every = export_geojson(capsys, url)
    assert every["type"] == "FeatureCollection"
    assert names(every) == set(SEED_PLACES) | {"Paris"}
    for f in every["features"]:
        p = f["properties"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert f["geometry"]["coordinates"] == [p["lon"], p["lat"]]
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in p.values()), p
    by_name = {f["properties"]["name"]: f["properties"] for f in every["features"]}
    assert by_name["Paris"]["mentions"] == 2 and by_name["Paris"]["articles"] == "Paris news"
    assert by_name["Dnieper"]["geonames_id"] is None and by_name["Dnieper"]["lon"] == DNIEPER.lon

    assert names(export_geojson(capsys, url, "--country", "fr")) == {"Paris"}
    assert names(export_geojson(capsys, url, "--country", "UA,FR")) == names(every)
    assert names(export_geojson(capsys, url, "--article", seed.doc.id)) == set(SEED_PLACES)
    assert names(export_geojson(capsys, url, "--region", "Donetsk Oblast")) == {"Mariupol"}
    assert names(export_geojson(capsys, url, "--feature", "river", "--feature", "dam")) == {
        "Dnieper", "Kakhovka Dam"}
    assert names(export_geojson(capsys, url, "--bbox", "48,2,49,3")) == {"Paris"}
    assert names(export_geojson(capsys, url, "--from", "2023-01-01")) == {"Paris"}
    assert names(export_geojson(capsys, url, "--to", "2022-11")) == set(SEED_PLACES)
    assert export_geojson(capsys, url, "--country", "US")["features"] == []


def test_export_csv_and_kml(capsys, library, tmp_path):
    url, seed, paris = library
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", "--db", url, "--format", "csv", "-o", str(target),
                         "--country", "UA")
    assert code == 0 and out == "" and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == len(seed.place_mentions) and {r["country"] for r in rows} == {"UA"}
    assert {r["article"] for r in rows} == {"'=seed"}  # a formula-looking title is defused
    code, out, err = run(capsys, "export", "--db", url, "--format", "kml")
    marks = ET.fromstring(out.encode()).iter("{http://www.opengis.net/kml/2.2}Placemark")
    assert len(list(marks)) == len(SEED_PLACES) + 1


def test_export_rejects_a_bad_box(capsys, library):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--db", library[0], "--bbox", "50,30,40"])
    assert exc.value.code == 2 and "S,W,N,E" in capsys.readouterr().err


def test_articles_and_remove(capsys, library):
    url, seed, paris = library
    code, out, _ = run(capsys, "articles", "--db", url, "--json")
    listed = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert listed.keys() == {seed.doc.id, paris.doc.id}
    # Each count named for what it counts: Paris is mentioned twice; the article reports no event.
    assert (listed[paris.doc.id]["place_mentions"], listed[paris.doc.id]["places"]) == (2, 1)
    assert listed[paris.doc.id]["events"] == len(paris.events)
    code, out, _ = run(capsys, "articles", "--db", url)
    assert code == 0 and paris.doc.id in out and "Paris news" in out

    code, out, _ = run(capsys, "remove", paris.doc.id[:6], "--db", url)
    assert code == 0 and f"removed {paris.doc.id}" in out
    code, _, err = run(capsys, "remove", paris.doc.id, "--db", url)
    assert code == 2 and "no article" in err
    code, _, err = run(capsys, "remove", "", "--db", url)
    assert code == 2
    with Store.open(url) as store:
        assert [a.id for a in store.articles()] == [seed.doc.id]
        assert "Paris" not in {p.name for p, *_ in store.places_summary()}


def test_reindex_command_keeps_corrections(capsys, library):
    url, seed, paris = library
    with Store.open(url) as store:
        store.add_correction("Paris", PARIS, "article:" + paris.doc.id)
    code, _, err = run(capsys, "reindex", "--db", url, "--workers", "1")
    assert code == 0, err
    assert "reindexed 2, failed 0" in err and "1 corrections kept" in err
    with Store.open(url) as store:
        assert len(store.corrections()) == 1
        assert store.parsed(seed.doc.id).resolutions  # the real pipeline's parse now


def test_bench_reports_numbers(capsys):
    code, out, _ = run(capsys, "bench", "--n", "2", "--runs", "2", "--json")
    result = json.loads(out)
    assert code == 0
    assert result["batch_words_per_s"] > 0 and result["warm_ms"] > 0
    assert result["cold_ms"] >= result["cold_in_process_ms"] > 0
    assert result["peak_rss_self_mb"] > 0
    code, out, _ = run(capsys, "bench", "--ingest", "3", "--dashboard", "--events", "40", "--json")
    result = json.loads(out)
    assert result["ingest_articles"] == 3 and result["ingest_words_per_s"] > 0
    assert result["dash_events"] >= 40 and result["dash_median_ms"] > 0
    code, out, _ = run(capsys, "bench", "--n", "1", "--runs", "1", "--no-cold")
    assert "batch parse" in out and "words/s" in out and "load_before=" in out


def test_parse_files_as_text_and_json(geo_data_dir, tmp_path):
    import json as _json
    import subprocess
    import sys as _sys

    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Kherson overnight, officials in Mariupol said.", encoding="utf-8")
    geo = [_sys.executable, "-m", "geo.cli", "parse", str(article)]
    text = subprocess.run(geo, capture_output=True, text=True, check=True).stdout
    assert "Kherson (city" in text and "Shelling hit Kherson" in text
    out = subprocess.run(geo + ["--format", "json"], capture_output=True, text=True, check=True).stdout
    mentions = _json.loads(out)[0]["mentions"]
    assert {m["text"] for m in mentions} >= {"Kherson", "Mariupol"}
