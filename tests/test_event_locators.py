"""Issue 20, precision, eighth round: a place named only to locate another is no event's place
(geo/events/locators.py). Made-up sentences; the rule switched off shows what it changes."""

from __future__ import annotations

from factories import event_kinds


def _places(pipeline, monkeypatch, text, off=()):
    return [k[1] for k in event_kinds(pipeline, monkeypatch, text, off=off)]


def test_the_town_a_village_lies_near_is_no_place_of_its_capture(pipeline, monkeypatch):
    text = "Russian forces also took over Klishchiivka near Bakhmut and Dachne west of Donetsk on Tuesday."
    on = _places(pipeline, monkeypatch, text)
    off = _places(pipeline, monkeypatch, text, off={"locator_of_a_place"})
    assert "Bakhmut" in off and "Bakhmut" not in on
    assert len(on) == len(off) - 1


def test_the_regions_a_border_runs_between_are_no_places(pipeline, monkeypatch):
    text = "Russian forces seized Klishchiivka along the border between the Kharkiv and Luhansk regions on Tuesday."
    on = _places(pipeline, monkeypatch, text)
    off = _places(pipeline, monkeypatch, text, off={"locator_of_a_place"})
    assert len(off) > len(on) and on


def test_an_analysts_reference_town_still_places_the_village_after_near(pipeline, monkeypatch):
    text = "Russian forces attacked northeast of Bakhmut near Klishchiivka on March 3."
    on = _places(pipeline, monkeypatch, text)
    assert on and all(p != "Bakhmut" for p in on)
    assert on == _places(pipeline, monkeypatch, text, off={"locator_of_a_place"})
