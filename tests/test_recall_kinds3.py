"""Issue 20, eighth round (recall): kinds of events a reader of war news codes that the extractor
missed. Each kind is a named switch; the sentences are made up, in the styles of the copy."""

from __future__ import annotations

import pytest

from factories import event_kinds
from geo.events.toll import toll


@pytest.fixture(scope="module")
def pipeline(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


_kinds = event_kinds
# A war story: enough armed cues that its tolls are read as the war's.
_LEAD = ("Russian troops shelled Ukrainian positions near Bakhmut on Monday, the military said. Russian forces "
         "also launched drones and missiles overnight. Russian drones struck Kharkiv, the mayor said. ")


def test_a_victim_told_by_age_is_one_victim():
    assert toll("A 67-year-old man was injured in the village.").injured == 1
    assert toll("The governor said an eight-year-old girl had been killed.").fatalities == 1
    assert toll("a 70-year-old woman was killed and three people were injured").fatalities == 1
    assert toll("A 40-year-old man was arrested on Monday.") == toll("")


def test_a_toll_told_by_age_at_a_place_of_its_own_is_the_strike_there(pipeline, monkeypatch):
    text = _LEAD + "The regional head also reported that a 67-year-old man had been injured in Kherson."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds[-1] == ("Air/drone strike", "Kherson")
    assert ("Air/drone strike", "Kherson") not in _kinds(pipeline, monkeypatch, text, off=("victim_told_by_age",))


def test_a_toll_whose_cause_is_a_strike_told_as_a_noun(pipeline, monkeypatch):
    text = _LEAD + ("Separately, a woman was wounded by shelling in Kherson, while two others were hurt in a strike "
                    "in Mariupol, officials said.")
    places = [place for _, place in _kinds(pipeline, monkeypatch, text)]
    assert places[-2:] == ["Kherson", "Mariupol"]
    assert "Mariupol" not in [p for _, p in _kinds(pipeline, monkeypatch, text, off=("toll_in_a_strike",))]


def test_a_toll_in_a_strike_needs_the_war(pipeline, monkeypatch):
    # A road accident's toll is no strike, whatever the story ("attack" needs armed cues).
    text = "Two hikers were injured in a bear attack near the lake on Sunday, rangers said."
    assert _kinds(pipeline, monkeypatch, text) == []


def test_what_a_speaker_adds_is_a_statement_of_its_own(pipeline, monkeypatch):
    text = _LEAD + "Russia launched 90 drones at Zaporizhzhia overnight, the air force said, adding that 61 of them were downed."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds[-1] == ("Disrupted weapons use", "Zaporizhzhya")
    off = _kinds(pipeline, monkeypatch, text, off=("adding_that",))
    assert ("Disrupted weapons use", "Zaporizhzhya") not in off


def test_adding_a_toll_keeps_it_with_the_strike(pipeline, monkeypatch):
    # "adding that no one was hurt" tells the strike's toll, not an event of its own.
    text = _LEAD + "Russian missiles hit Mykolaiv on Tuesday, the mayor said, adding that no one was hurt."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert [k for k in kinds if k[1] == "Mykolayiv"] == [("Shelling/artillery/missile attack", "Mykolayiv")]
