"""Issue 20, precision, tenth round: a strike's damage read as another kind of event (a fire a drone
set read as property destruction), fighting named as the scene of other news ("talks unfolded
alongside intense fighting"), a capture named as an aim ("by liberating X, we will"), and an
explosion an accident set off. Made-up sentences; each rule switched off shows what it changes
(geo/events/strike_damage.py, geo/events/backdrop.py, geo/events/goals.py,
geo/events/outside_the_war.py)."""

from __future__ import annotations

import pytest

from factories import event_kinds


def _on_off(pipeline, monkeypatch, text, rule):
    return event_kinds(pipeline, monkeypatch, text), event_kinds(pipeline, monkeypatch, text, off={rule})


_SHELLED = "Russian forces shelled Kramatorsk overnight, the governor said. "


@pytest.mark.parametrize("damage", [
    "A school was set on fire by falling debris from a downed drone.",
    "A missile or a drone appeared to set a kindergarten on fire.",
    "Falling debris burned down two houses on the edge of town.",
])
def test_a_fire_a_weapon_caused_is_the_strikes_damage(pipeline, monkeypatch, damage):
    on, off = _on_off(pipeline, monkeypatch, _SHELLED + damage, "damage_by_a_weapon")
    assert "Looting/property destruction" not in {k[0] for k in on}
    assert "Looting/property destruction" in {k[0] for k in off}


def test_property_set_on_fire_by_hand_is_still_property_destruction(pipeline, monkeypatch):
    text = _SHELLED + "Russian soldiers set a school on fire in Kherson, residents said."
    assert ("Looting/property destruction", "Kherson") in event_kinds(pipeline, monkeypatch, text)


@pytest.mark.parametrize("scene", [
    "With combat raging to its north and east, Kharkiv is struggling to keep its factories open.",
    "Life in Kharkiv, however, went on alongside intense fighting.",
    "As fighting raged, the mayor of Kharkiv met donors on Tuesday.",
])
def test_fighting_named_as_the_backdrop_is_no_clash(pipeline, monkeypatch, scene):
    on, off = _on_off(pipeline, monkeypatch, _SHELLED + scene, "fighting_as_backdrop")
    assert on == [("Shelling/artillery/missile attack", "Kramatorsk")]
    assert ("Armed clash", "Kharkiv") in off


def test_fighting_the_backdrop_places_is_still_fighting_there(pipeline, monkeypatch):
    text = _SHELLED + "Amid fierce fighting in Bakhmut, Ukrainian commanders asked for more ammunition."
    assert ("Armed clash", "Bakhmut") in event_kinds(pipeline, monkeypatch, text)


@pytest.mark.parametrize("aim, rule", [
    ("By liberating Crimea, we will put an end to the war, the president said.", "means_of_a_forecast"),
    ("By capturing Bakhmut, Russian forces would open the road to the north, analysts said.", "means_of_a_forecast"),
    ("The minister spoke of progress towards the de-occupation of Crimea.", "aim_named_by_a_noun"),
])
def test_a_capture_named_as_an_aim_is_no_event(pipeline, monkeypatch, aim, rule):
    on, off = _on_off(pipeline, monkeypatch, _SHELLED + aim, rule)
    assert on == [("Shelling/artillery/missile attack", "Kramatorsk")]
    assert len(off) == 2


@pytest.mark.parametrize("told, kind", [
    ("Ukrainian forces responded by shelling Bakhmut on Tuesday.", "Shelling/artillery/missile attack"),
    ("Ukrainian forces liberated Bakhmut on Tuesday, the general staff said.", "Government regains territory"),
])
def test_a_capture_or_a_strike_told_as_done_stays(pipeline, monkeypatch, told, kind):
    assert (kind, "Bakhmut") in event_kinds(pipeline, monkeypatch, _SHELLED + told)


def test_an_explosion_an_accident_set_off_is_no_attack(pipeline, monkeypatch):
    text = _SHELLED + "A household gas explosion destroyed two flats in Kharkiv on Tuesday, rescuers said."
    on, off = _on_off(pipeline, monkeypatch, text, "accidental_explosion")
    assert on == [("Shelling/artillery/missile attack", "Kramatorsk")]
    assert ("Remote explosive/landmine/IED", "Kharkiv") in off


@pytest.mark.parametrize("told", [
    "A blast ripped through an apartment block in Kharkiv on Tuesday, rescuers said.",
    "A gas pipeline in Kharkiv exploded after a Russian drone strike on Tuesday.",
])
def test_an_explosion_with_no_accident_named_or_a_strike_named_stays(pipeline, monkeypatch, told):
    assert any(k[1] == "Kharkiv" for k in event_kinds(pipeline, monkeypatch, _SHELLED + told))
