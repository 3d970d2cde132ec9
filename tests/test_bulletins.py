"""The Russian ministry's bulletin formula (geo.events.bulletins): "inflicted fire damage on manpower and
hardware ... near A and B" is an attack at each place named. The sentences are made up."""

from __future__ import annotations

import pytest

from factories import event_kinds


_SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text, places", [
    ("The ministry said that units of the Group of Forces inflicted fire damage on manpower and hardware of one "
     "mechanised brigade near Kindrashivka and Petropavlivka (Kharkiv region).", ["Kindrashivka", "Petropavlivka"]),
    ("Russian troops inflicted fire damage on manpower and hardware of two brigades near Novoplatonivka, Bohuslavka "
     "(Kharkiv region), Serebrianka and Zarichne (Donetsk region).",
     ["Novoplatonivka", "Bohuslavka", "Serebrianka", "Zarichne"]),
])
def test_the_bulletin_formula_is_an_attack_at_each_place(pipeline, monkeypatch, text, places):
    kinds = event_kinds(pipeline, monkeypatch, text)
    assert [(_SHELLING, p) for p in places] == [k for k in kinds if k[0] == _SHELLING]
    assert not event_kinds(pipeline, monkeypatch, text, off=("fire_damage_inflicted",))


def test_losses_told_without_the_formula_are_no_event(pipeline, monkeypatch):
    # a claim of losses with no manpower struck near a place
    assert event_kinds(pipeline, monkeypatch, "The losses inflicted on the economy near Kurakhove were large.") == []
