"""Names that qualify a noun are no event's place (geo/events/qualifiers.py), and the attack a
response answers is no new event (geo/events/not_event.py). Made-up copy; each rule switched off
shows what it changes."""

from __future__ import annotations

import pytest

from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2024-05-18"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


# A town before a sea wins on its own (a town is finer); a region or a city that is a region of its
# own is no finer than a sea, and the first name after the trigger, the sea, had been taken.
_FLEET = "Naval drones struck the Black Sea Fleet in Sevastopol on Friday night, officials said."
_PORT = "A missile hit a Black Sea port in the Odesa region overnight, wounding three dock workers."


@pytest.mark.parametrize("text", [_FLEET, _PORT])
def test_a_sea_before_fleet_or_port_qualifies_it(pipeline, monkeypatch, text):
    on = _events(pipeline, monkeypatch, text)
    off = _events(pipeline, monkeypatch, text, off={"sea_name_qualifies"})
    assert on and all(e.place is not None and e.place.feature != "sea" for e in on)
    assert any(e.place is not None and e.place.feature == "sea" for e in off)


def test_a_sea_alone_is_still_the_place(pipeline, monkeypatch):
    events = _events(pipeline, monkeypatch, "Drones attacked a tanker in the Black Sea on Friday.")
    assert [e.place.feature for e in events if e.place is not None] == ["sea"]


_RESPONSE = ("Ukrainian drones hit an oil depot in Belgorod on Friday, the governor said. "
             "In an apparent response to the drone attack, the Kremlin summoned ambassadors in Moscow on Saturday.")


def test_the_attack_a_response_answers_is_no_new_event(pipeline, monkeypatch):
    on = _events(pipeline, monkeypatch, _RESPONSE)
    off = _events(pipeline, monkeypatch, _RESPONSE, off={"in_response_to_an_attack"})
    assert len(on) == 1 and on[0].place.name == "Belgorod"
    assert len(off) == 2


def test_the_response_itself_stands(pipeline, monkeypatch):
    events = _events(pipeline, monkeypatch, "Russia fired missiles at Kharkiv on Saturday in retaliation for "
                                            "the attack on its refinery.")
    assert [e.place.name for e in events] == ["Kharkiv"]
