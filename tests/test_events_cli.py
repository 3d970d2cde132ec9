"""Reported events through the command line: the --jsonl batch contract, `geo parse` outputs,
`geo export --events` (ACLED-style CSV, GeoJSON, KML) and `geo reindex` filling events."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET

import pytest

from geo.cli import main
from geo.store import Store

pytestmark = pytest.mark.usefixtures("geo_data_dir")

TEXT = ("On Monday, Russian forces shelled the town of Kupiansk, killing two civilians.\n\n"
        "Ukrainian air defence shot down eleven drones over the city of Odesa. "
        "Budanov said in an interview that Russia could attack Kharkiv again.")
EVENT_KEYS = {"type", "sub_type", "date", "lat", "lon", "name", "precision", "actors", "fatalities",
              "injured", "start", "end", "more"}


def test_jsonl_lines_carry_events_in_text_order(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": TEXT, "date": "2024-03-14"}) + "\n"
                   + json.dumps({"id": "n2", "text": "Quiet day.", "date": "not a date"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(src), "-o", str(out), "--workers", "1"]) == 0
    first, second = [json.loads(line) for line in out.read_text().splitlines()]
    assert "mentions" in first and set(first["events"][0]) == EVENT_KEYS
    subs = [e["sub_type"] for e in first["events"]]
    assert subs == ["Shelling/artillery/missile attack", "Disrupted weapons use"]  # not the statement
    shelling = first["events"][0]
    assert (shelling["date"], shelling["fatalities"], shelling["actors"][0]) == ("2024-03-11", 2, "Russian forces")
    assert TEXT[shelling["start"]:shelling["end"]].startswith("On Monday")
    assert second["events"] == [] and "not an ISO date" in capsys.readouterr().err


def test_parse_outputs_carry_events(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    assert main(["parse", str(article), "--format", "json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert {e["sub_type"] for e in record["events"]} >= {"Disrupted weapons use"}
    assert main(["parse", str(article), "--format", "geojson"]) == 0
    kinds = {f["properties"]["kind"] for f in json.loads(capsys.readouterr().out)["features"]}
    assert kinds == {"place", "event"}
    assert main(["parse", str(article), "--format", "csv", "--events"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"


@pytest.fixture
def db(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    path = tmp_path / "lib.sqlite"
    assert main(["ingest", str(article), "--db", str(path), "--workers", "1"]) == 0
    return path


def test_export_events_acled_csv_geojson_kml(db, tmp_path, capsys):
    out = tmp_path / "e.csv"
    assert main(["export", "--events", "--format", "csv", "--db", str(db), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    for column in ("event_date", "event_type", "sub_event_type", "actor1", "location", "latitude",
                   "longitude", "fatalities", "notes"):
        assert column in rows[0]
    assert {r["sub_event_type"] for r in rows} == {"Shelling/artillery/missile attack", "Disrupted weapons use"}
    assert main(["export", "--events", "--sub-type", "Disrupted weapons use", "--db", str(db)]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    assert [f["properties"]["sub_type"] for f in features] == ["Disrupted weapons use"]
    # Russian forces act in the shelling and are actor 2 of the interception (ACLED): civilians only in one
    assert main(["export", "--events", "--format", "kml", "--actor", "Civilians", "--db", str(db)]) == 0
    kml = ET.fromstring(capsys.readouterr().out)
    assert len(kml.findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == 1
    assert main(["export", "--events", "--type", "Sieges", "--db", str(db)]) != 0
    assert "unknown event type" in capsys.readouterr().err


def test_reindex_fills_events_of_articles_stored_without_them(db):
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM reported_events")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert store.events() == []
    assert main(["reindex", "--db", str(db), "--workers", "1"]) == 0
    with Store.open(db) as store:
        assert len(store.events()) == 2
