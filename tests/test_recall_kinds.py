"""Issue 20, recall round: events a reader of the news codes that the extractor missed. Each kind is
a named switch; the sentences are made up, in the front line's style."""

from __future__ import annotations

from factories import event_kinds
from geo.types import Document


_kinds = event_kinds


def test_a_toll_whose_trigger_gave_no_event_is_the_strike_at_its_place(pipeline, monkeypatch):
    # "killed a pensioner" reads as an attack, and with no attacker named it is no attack: the
    # sentence is left a toll, at a place of its own, after a strike.
    text = ("Russian drones and artillery struck Kherson on Monday, injuring three people, the military said. "
            "In Beryslav, the blast wave killed a pensioner, the governor said.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Air/drone strike", "Kherson"), ("Air/drone strike", "Beryslav")]
    beryslav = pipeline.parse(Document(text, date="2025-03-04")).events[1]
    assert beryslav.fatalities == 1 and beryslav.date == "2025-03-03"  # Monday, told in the sentence before
    assert _kinds(pipeline, monkeypatch, text, off=("toll_after_a_trigger_that_gave_none",)) == kinds[:1]


def test_a_toll_in_a_summary_of_weeks_stays_no_event(pipeline, monkeypatch):
    # The trigger gave nothing because the clause sums up weeks: the toll does not bring it back.
    text = ("Russian drones and artillery struck Kherson on Monday, injuring three people, the military said. "
            "Shelling has killed 12 residents of Beryslav in recent weeks, the governor said.")
    assert _kinds(pipeline, monkeypatch, text) == [("Air/drone strike", "Kherson")]


def test_a_wire_leads_toll_is_not_put_at_its_dateline(pipeline, monkeypatch):
    # The lead's airstrikes are told across the country: its trigger gives no event (a dateline is
    # no place), and the toll is not the strike at the dateline's town either.
    text = ("KHERSON, March 3 (Reuters) - Russia launched a wave of airstrikes on Ukraine overnight, killing at "
            "least seven people across the country, officials said. Russian forces and drones hit energy "
            "facilities, the army said.")
    monkeypatch.setattr(pipeline, "without", frozenset())
    lead = [e for e in pipeline.parse(Document(text, date="2025-03-04")).events if e.sentence.index == 0]
    # the barrage is coded at the country struck (barrage_at_the_country, tests/test_barrages.py), never
    # at the dateline's town
    assert all(e.place is not None and e.place.name != "Kherson" and e.precision == 3 for e in lead)
    monkeypatch.setattr(pipeline, "without", frozenset({"barrage_at_the_country"}))
    assert all(e.sentence.index != 0 for e in pipeline.parse(Document(text, date="2025-03-04")).events)
