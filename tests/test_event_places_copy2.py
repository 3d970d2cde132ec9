"""Issue 20, the place, second part: where a region's event told at its main city takes the town a
later sentence names. Made-up sentences; each rule switched off shows what it changes."""

from __future__ import annotations

import pytest

from factories import event_kinds


_DEPOT = ("Officials said that powerful explosions at an ammunition depot in the Donetsk region were caused by "
          "sabotage. \"A storage site near the village of Kostiantynivka was damaged,\" the officials said.")


def test_a_town_of_the_region_told_next_is_the_place(pipeline, monkeypatch):
    on = event_kinds(pipeline, monkeypatch, _DEPOT)
    off = event_kinds(pipeline, monkeypatch, _DEPOT, off={"region_seat_holds_its_towns"})
    assert [p for _, p in on] == ["Kostyantynivka"]
    assert "Kostyantynivka" not in [p for _, p in off]


def test_a_town_of_another_region_is_another_story(pipeline, monkeypatch):
    text = ("Officials said that powerful explosions at an ammunition depot in the Donetsk region were caused "
            "by sabotage. \"A storage site near the village of Velykyi Burluk was damaged,\" the officials said.")
    assert "Velykyi Burluk" not in [p for _, p in event_kinds(pipeline, monkeypatch, text)]


def test_the_seat_named_beside_a_town_stays(pipeline, monkeypatch):
    text = ("Drones attacked the Zaporizhzhia region overnight, officials said. Rail traffic was halted "
            "in the regional capital, Zaporizhzhia, and in Melitopol.")
    assert "Melitopol" not in [p for _, p in event_kinds(pipeline, monkeypatch, text)]


def test_an_action_of_another_kind_is_not_folded_in(pipeline, monkeypatch):
    text = ("Russian shelling of the Kharkiv region killed two civilians, the governor said. Ukrainian "
            "forces said they had blown up a bridge near Kupiansk as a convoy crossed it.")
    kinds = event_kinds(pipeline, monkeypatch, text)
    assert ("Shelling/artillery/missile attack", "Kupiansk") not in kinds
    assert ("Shelling/artillery/missile attack", "Kupyansk") not in kinds


def test_the_seat_named_as_the_regional_capital_keeps_the_region(pipeline, monkeypatch):
    text = ("Drones attacked the Zaporizhzhia region overnight, officials said. Rail traffic was halted "
            "in the regional capital, Zaporizhzhia, and in Melitopol.")
    from geo.types import Document

    monkeypatch.setattr(pipeline, "without", frozenset())
    events = pipeline.parse(Document(text, date="2025-03-04")).events
    assert [(e.place.name, e.place.population > 100_000) for e in events] == [("Zaporizhzhya", True)]


@pytest.mark.parametrize("text, oblast", [
    ("Russian troops shelled the Khersonian region on Monday, killing two people.", "Kherson Oblast"),
    ("Drones struck an ammunition depot in the Donetskian oblast overnight.", "Donetsk Oblast"),
    ("Russian artillery shelled villages of the Mykolaivian circuit on Monday.", "Mykolaiv Oblast"),
    ("A missile hit a warehouse in the Belgorodian region, the governor said.", "Belgorod Oblast"),
])
def test_an_oblast_by_a_made_up_adjective(pipeline, monkeypatch, text, oblast):
    from geo.types import Document

    monkeypatch.setattr(pipeline, "without", frozenset())
    names = [r.place.name for r in pipeline.parse(Document(text, date="2025-03-04")).resolutions if r.place]
    assert oblast in names
    monkeypatch.setattr(pipeline, "without", frozenset({"oblast_by_a_derived_adjective"}))
    names = [r.place.name for r in pipeline.parse(Document(text, date="2025-03-04")).resolutions if r.place]
    assert oblast not in names


def test_a_made_up_adjective_is_placed_at_the_oblast_seat(pipeline, monkeypatch):
    text = "Russian troops shelled the Khersonian region on Monday, killing two people."
    assert event_kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kherson")]


@pytest.mark.parametrize("text", [
    "The Georgian region was calm on Monday.",
    "Mr Adrian said the county would vote.",
    "The Canadian province announced new rules.",
])
def test_other_adjectives_name_no_oblast(pipeline, monkeypatch, text):
    from geo.types import Document

    monkeypatch.setattr(pipeline, "without", frozenset())
    found = [r.place for r in pipeline.parse(Document(text, date="2025-03-04")).resolutions if r.place]
    assert not any(p.name.endswith("Oblast") for p in found)
