"""Issue 20, precision, second round: territory a coder does not code, strikes told as no event.
Made-up front-line sentences; each rule switched off shows what it changes."""

from __future__ import annotations

from factories import event_kinds


_kinds = event_kinds


_SHELLED = "Russian forces shelled Kramatorsk overnight, the governor said. "


def test_a_move_with_no_force_is_no_transfer_of_territory(pipeline, monkeypatch):
    for text in (_SHELLED + "On March 3, the mayor said 40,000 people had already left the city of Sloviansk.",
                 _SHELLED + "On Tuesday, hundreds of families abandoned the town of Sloviansk.",
                 # a capital before the verb is where someone spoke, not a side moving
                 _SHELLED + "Officials in Moscow said on Tuesday that the staff of the consulate had left the city of "
                            "Sloviansk."):
        assert _kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kramatorsk")]
        off = _kinds(pipeline, monkeypatch, text, off={"move_needs_a_force"})
        assert ("Non-violent transfer of territory", "Slovyansk") in off


def test_troops_leaving_still_transfer_territory(pipeline, monkeypatch):
    text = _SHELLED + "On Tuesday, Russian troops withdrew from the village of Sloviansk."
    assert ("Non-violent transfer of territory", "Slovyansk") in _kinds(pipeline, monkeypatch, text)


def test_a_strike_that_trapped_people_is_a_strike(pipeline, monkeypatch):
    text = "Russian forces shelled Kramatorsk overnight. A Russian strike trapped five people under a school in Sloviansk."
    assert ("Shelling/artillery/missile attack", "Slovyansk") in _kinds(pipeline, monkeypatch, text)


def test_a_capture_put_a_season_or_years_back_is_background(pipeline, monkeypatch):
    for text in (_SHELLED + "Ukrainian forces captured parts of Belgorod region last August.",
                 _SHELLED + "Russian troops entered Sloviansk two years ago."):
        assert _kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kramatorsk")]
        assert len(_kinds(pipeline, monkeypatch, text, off={"last_season_or_month"})) == 2


def test_a_capture_on_the_storys_day_stays(pipeline, monkeypatch):
    text = _SHELLED + "On Tuesday, Ukrainian troops recaptured the village of Pryiutne."
    assert ("Government regains territory", "Pryiutne") in _kinds(pipeline, monkeypatch, text)


def test_a_deal_with_an_ally_is_no_agreement_of_the_war(pipeline, monkeypatch):
    text = _SHELLED + "Ukraine and Sweden signed an agreement on joint drone production in Stockholm on Tuesday."
    assert _kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kramatorsk")]
    assert ("Agreement", "Stockholm") in _kinds(pipeline, monkeypatch, text, off={"agreement_between_the_war_sides"})


def test_an_agreement_between_the_sides_stays(pipeline, monkeypatch):
    text = _SHELLED + "Russia and Ukraine agreed to a local ceasefire in Riyadh on Tuesday, the mediators said."
    assert ("Agreement", "Riyadh") in _kinds(pipeline, monkeypatch, text)


def test_fighting_in_the_present_progressive_is_the_state_of_the_war(pipeline, monkeypatch):
    text = _SHELLED + "Our soldiers are still fighting near Pokrovsk, the commander told reporters."
    assert _kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kramatorsk")]
    assert ("Armed clash", "Pokrovsk") in _kinds(pipeline, monkeypatch, text, off={"fighting_in_the_present"})


def test_fighting_told_on_a_day_stays(pipeline, monkeypatch):
    text = _SHELLED + "On Tuesday, Ukrainian and Russian troops fought near Pokrovsk, the army said."
    assert ("Armed clash", "Pokrovsk") in _kinds(pipeline, monkeypatch, text)
