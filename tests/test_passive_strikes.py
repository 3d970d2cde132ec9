"""Strikes told in the passive voice, the weapon as the subject (geo.events.passive). The sentences
are made up."""

from __future__ import annotations

import pytest

from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2025-03-04"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


@pytest.mark.parametrize("sentence, place, sub_type, rule", [
    ("The defence ministry said such missiles were also launched at the eastern city of Kramatorsk.",
     "Kramatorsk", "Shelling/artillery/missile attack", "missiles_launched_at"),
    ("A ballistic missile was reportedly used to target Kharkiv on Tuesday, the governor said.",
     "Kharkiv", "Shelling/artillery/missile attack", "missiles_launched_at"),
    ("Dozens of Russian drones were launched at Kherson overnight, the regional governor said.",
     "Kherson", "Air/drone strike", "drones_launched_at"),
])
def test_a_weapon_launched_at_a_place_is_a_strike_there(pipeline, monkeypatch, sentence, place, sub_type, rule):
    events = _events(pipeline, monkeypatch, sentence)
    assert [(e.place.name[:5], e.sub_type) for e in events if e.place] == [(place[:5], sub_type)]
    assert not _events(pipeline, monkeypatch, sentence, off=(rule,))


@pytest.mark.parametrize("sentence", [
    "Missiles could be launched at Kharkiv in the coming days, officials warned.",
    "Officials in Kherson said drones are often used to deliver supplies to the front.",
])
def test_a_launch_not_told_as_done_is_no_strike(pipeline, monkeypatch, sentence):
    assert not _events(pipeline, monkeypatch, sentence)
