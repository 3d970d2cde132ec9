"""One ingest path (issue 17): `geo ingest`, the dashboard's uploads and its sample article all go
through geo.library.bulk.ingest, so the same files leave the same rows whichever way they came."""

from __future__ import annotations

import json
import sqlite3

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT, SEED
from geo.cli import main
from geo.library import bulk
from geo.library.corrections import user_place
from geo.library.failures import FailureLog
from geo.store import Store
from geo.text.ingest import read

TIMEOUT = 180  # the first run loads the gazetteer and spaCy
FILES = {
    "lviv.txt": b"Missiles hit Lviv and Odesa overnight. The strikes on Lviv damaged a power station.",
    "kharkiv.txt": b"June 6, 2023\n\nShelling hit Kharkiv overnight, the regional governor said.",
    "war.txt": (b"On 12 March 2024, a Russian drone strike hit Kupiansk, killing two civilians. "
                b"Russian forces shelled Lyman overnight, one man was wounded."),
    "page.html": b"<html><head><title>Night raid</title></head><body><p>Drones struck Odesa port.</p></body></html>",
    "empty.txt": b"   ",
}
PORT = user_place(46.4939, 30.7385, "port", name="Odesa port", country="UA")


def rows(path, ids: set[str]) -> dict[str, list[tuple]]:
    """Every row the articles ``ids`` left in a SQLite library, without what differs by nature
    (when it was added, autoincrement keys), plus the places those rows point at."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, list[tuple]] = {}
        for table, key in (("articles", "id"), ("sentences", "article_id"), ("mentions", "article_id"),
                           ("reported_events", "article_id")):
            cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] not in ("added_at",)
                    and not (c[1] == "id" and key != "id")]
            found = conn.execute("SELECT " + ", ".join(f'"{c}"' for c in cols) + f" FROM {table}").fetchall()
            out[table] = sorted((r for r in found if r[cols.index(key)] in ids), key=repr)
        place_ids = set()
        for article, place, alternatives in conn.execute(
                "SELECT article_id, place_id, alternatives FROM mentions UNION ALL "
                "SELECT article_id, place_id, '[]' FROM reported_events"):
            if article in ids:
                place_ids |= {place, *json.loads(alternatives)} - {None}
        out["places"] = sorted(r for r in conn.execute("SELECT * FROM places") if r[0] in place_ids)
        return out
    finally:
        conn.close()


@pytest.fixture
def libraries(geo_data_dir, tmp_path, monkeypatch):
    """Two empty SQLite libraries with the same correction ("Odesa" is the port)."""
    paths = tmp_path / "cli.sqlite", tmp_path / "ui.sqlite"
    for path in paths:
        with Store.open(f"sqlite:///{path}") as store:
            store.add_correction("Odesa", PORT, "")
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    return paths


def test_the_dashboard_and_geo_ingest_store_the_same_rows(libraries, tmp_path, monkeypatch, capsys):
    cli_db, ui_db = libraries
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    monkeypatch.chdir(folder)  # sources are the names given: the upload's name, the path as typed
    assert main(["ingest", *FILES, "--db", f"sqlite:///{cli_db}", "--workers", "1"]) == 0
    capsys.readouterr()

    monkeypatch.setenv("GEO_DATABASE_URL", str(ui_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.file_uploader(key="uploads").set_value([(name, data, "text/plain") for name, data in FILES.items()])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value.replace("\\", "") for e in at.error] == ["empty.txt is empty"]

    ids = {read(data, name).id for name, data in FILES.items() if data.strip()}
    cli, ui = rows(cli_db, ids), rows(ui_db, ids)
    assert len(cli["articles"]) == 4 and cli["reported_events"] and cli["mentions"]
    assert any(r[0] == PORT.id for r in cli["places"])  # the correction was applied on the way in
    assert cli == ui
    # Both failure logs name the empty file: the CLI's step and wording, the page's own.
    assert [(f.name, f.step) for f in FailureLog(cli_db.with_name("cli.failed.sqlite")).failures()] == [
        ("empty.txt", "ingest")]
    assert [(f.name, f.step, f.reason) for f in FailureLog(ui_db.with_name("ui.failed.sqlite")).failures()] == [
        ("empty.txt", "upload", "empty.txt is empty")]


@pytest.mark.parametrize("kind", ["store", "memory"])
def test_the_sample_article_and_uploads_come_in_through_the_one_ingest(libraries, monkeypatch, kind):
    calls = []
    real = bulk.ingest

    def spy(where, items, **kw):
        items = list(items)
        calls.append(([getattr(i, "name", i) for i in items], kw.get("engine"), kw.get("step", "ingest")))
        return real(where, items, **kw)

    monkeypatch.setattr(bulk, "ingest", spy)
    monkeypatch.setenv("GEO_DATABASE_URL", str(libraries[1]))
    if kind == "memory":
        monkeypatch.setenv("GEO_LIBRARY", "memory")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert calls == [([SEED.name], "here", "ingest")]
    lib = at.session_state["library"]
    assert [a.id for a in lib.articles()] == [read(SEED.read_bytes(), SEED.name).id]
    at.file_uploader(key="uploads").set_value([("lviv.txt", FILES["lviv.txt"], "text/plain")]).run()
    assert calls[1:] == [(["lviv.txt"], "here", "upload")]
    # The stored correction reached the upload in the stored library; a session's memory has none.
    odesa = {m.place.id for m in lib.place_mentions() if m.mention.text == "Odesa"}
    assert odesa and (odesa == {PORT.id}) == (kind == "store")
