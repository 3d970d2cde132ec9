"""`geo eval` on one-place-per-text CSV sets: found / within 25 km / within 161 km."""

from __future__ import annotations

import json

import pytest

from geo.cli import main
from geo.errors import GeoError
from geo.evaluate.points import Item, PointScore, gold_spans, load_points, score_text

# Hand-written captions; coordinates of the towns' centres.
CAPTIONS = """id,text,location,latitude,longitude
c1,Russian forces shelled Bakhmut on Monday.,Bakhmut,48.5956,38.0000
c2,Smoke rising over Zaporizhia after the night's strike,Zaporizhzhia,47.8388,35.1396
c3,A quiet day with nothing to report,Lviv,49.8397,24.0297
c4,"Kharkiv, a destroyed school in the center",Kharkiv,49.9935,36.2304
"""


def mention(text: str, sub: str, lat=None, lon=None, name="X") -> dict:
    start = text.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub, "lat": lat, "lon": lon,
            "name": name, "admin1": "", "country": "UA"}


@pytest.mark.parametrize("text, location, expected", [
    ("Strike on Kyiv overnight", "Kyiv", ["Kyiv"]),
    ("Smoke over Zaporizhia", "Zaporizhzhia", ["Zaporizhia"]),  # folded: another romanisation
    ("Shelling of Sievierodonetsk", "Severodonetsk", ["Sievierodonetsk"]),
    ("Fire in Mar'inka today", "Marinka", ["Mar'inka"]),
    ("Kyiv's mayor spoke", "Kyiv", ["Kyiv's"]),  # five folded letters begin a word
    ("Velyka Novosilka under fire", "Velyka Novosilka", ["Velyka Novosilka"]),
    ("Nothing happened here", "Lviv", []),
])
def test_gold_spans_find_the_name_as_the_text_spells_it(text, location, expected):
    assert [text[s:e] for s, e in gold_spans(text, location)] == expected


def test_a_covering_mention_is_found_and_scored_by_distance():
    item = Item("1", "Shelling hit Kherson today", "Kherson", 46.6354, 32.6169)
    near = score_text(item, [mention(item.text, "Kherson", 46.64, 32.61)])
    assert near.found and near.km < 1
    far = score_text(item, [mention(item.text, "Kherson", 46.64, 34.61)])
    assert far.found and 150 < far.km < 161
    unplaced = score_text(item, [mention(item.text, "Kherson")])
    assert unplaced.found and unplaced.km is None
    elsewhere = score_text(item, [mention(item.text, "today", 46.64, 32.61)])
    assert not elsewhere.found and elsewhere.km is None


def test_summary_shares_and_worst_first():
    score = PointScore()
    item = Item("1", "Shelling hit Kherson", "Kherson", 46.6354, 32.6169)
    score.add(score_text(item, [mention(item.text, "Kherson", 46.64, 32.61)]))
    score.add(score_text(item, [mention(item.text, "Kherson", 46.64, 34.61)]))
    score.add(score_text(item, []))
    score.add(score_text(item, [mention(item.text, "Kherson", 48.64, 32.61)]))
    summary = score.summary()
    assert (summary["texts"], summary["found"], summary["within_25km"], summary["within_161km"]) == (
        4, 0.75, 0.25, 0.5)
    worst = score.worst(10)
    assert [o.found for o in worst] == [False, True, True] and worst[1].km > worst[2].km


def test_bad_csv_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(GeoError, match="missing column.*location, latitude, longitude"):
        load_points(bad)
    worse = tmp_path / "worse.csv"
    worse.write_text("id,text,location,latitude,longitude\n1,hi,Kyiv,north,east\n", encoding="utf-8")
    with pytest.raises(GeoError, match="line 2: latitude/longitude are not numbers"):
        load_points(worse)
    assert main(["eval", str(bad)]) == 2


def test_geo_eval_on_a_caption_csv(tmp_path, geo_data_dir, capsys):
    path = tmp_path / "captions.csv"
    path.write_text(CAPTIONS, encoding="utf-8")
    assert main(["eval", str(path), "--json", "--workers", "1"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["texts"] == 4
    assert summary["found"] == 0.75  # c3 names no place
    assert summary["within_25km"] == 0.75 and summary["within_161km"] == 0.75
    assert main(["eval", str(path), "--errors", "5", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "c3" in out and "not found" in out
