"""Issue 20, eighth round (recall): kinds of events a reader of war news codes that the extractor
missed. Each kind is a named switch; the sentences are made up, in the styles of the copy."""

from __future__ import annotations

from factories import event_kinds
from geo.events.toll import toll


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


def test_a_crowd_marching_for_a_cause_is_a_protest(pipeline, monkeypatch):
    text = "Hundreds of residents marched through Kharkiv on Sunday to demand the return of prisoners of war."
    assert _kinds(pipeline, monkeypatch, text) == [("Peaceful protest", "Kharkiv")]
    assert _kinds(pipeline, monkeypatch, text, off=("crowd_marched",)) == []


def test_troops_marching_are_no_protest(pipeline, monkeypatch):
    text = "Russian troops marched into Kherson on Sunday, the mayor said."
    assert "Peaceful protest" not in [kind for kind, _ in _kinds(pipeline, monkeypatch, text)]


def test_people_detained_at_a_memorial_are_a_protest_broken_up(pipeline, monkeypatch):
    text = ("Police detained more than 60 people at a makeshift memorial to the dead opposition politician in Belgorod "
            "on Saturday, a rights group said.")
    assert _kinds(pipeline, monkeypatch, text) == [("Protest with intervention", "Belgorod")]
    assert _kinds(pipeline, monkeypatch, text, off=("detained_at_a_gathering",)) == [("Arrests", "Belgorod")]


def test_air_defence_told_at_work_is_an_interception(pipeline, monkeypatch):
    text = _LEAD + "Blasts lit up the sky over Mykolaiv at night as air defence units began repelling the attack."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert ("Disrupted weapons use", "Mykolayiv") in kinds
    assert ("Disrupted weapons use", "Mykolayiv") not in _kinds(pipeline, monkeypatch, text,
                                                                off=("air_defence_repelling",))


def test_an_item_of_a_numbered_list_is_no_heading(pipeline, monkeypatch):
    text = ("Weekly overview\n\nKey events:\n\n1. 3 Feb - Kharkiv: Russian shelling of a market kills four civilians and "
            "injures nine others in the city centre\n2. 4 Feb - Kherson: A Russian drone strike kills two civilians\n"
            "3. 4 Feb - Mariupol: Russian forces detain a local activist\n")
    kinds = _kinds(pipeline, monkeypatch, text, day="2025-02-07")
    assert ("Air/drone strike", "Kherson") in kinds
    assert ("Air/drone strike", "Kherson") not in _kinds(pipeline, monkeypatch, text, day="2025-02-07",
                                                         off=("numbered_list_items",))


def test_a_strike_told_in_the_present_of_a_caption_is_a_strike(pipeline, monkeypatch):
    text = _LEAD + "Footage: a Russian missile hits an apartment block in Mykolaiv."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds[-1] == ("Shelling/artillery/missile attack", "Mykolayiv")
    assert ("Shelling/artillery/missile attack", "Mykolayiv") not in _kinds(pipeline, monkeypatch, text,
                                                                           off=("present_tense_strike",))


def test_forces_striking_back_is_no_strike():
    from geo.events.extract import extract
    from geo.events.triggers import RULES

    hit = extract._trigger("Ukrainian forces strike back", RULES)
    assert hit is None or hit[0].name != "present_tense_strike"


def test_an_offensive_launched_in_a_feed_headline_is_a_clash(pipeline, monkeypatch):
    # A feed item: its headline, with the link line below it, is what the item reports.
    text = _LEAD + ("\n\n## Russia Launches Offensive Into Kharkiv Region, Officials Say\n"
                    " - [https://example.com/2025/03/04/offensive](https://example.com/2025/03/04/offensive)\n\n"
                    "The ministry gave no details.")
    clashes = [place for kind, place in _kinds(pipeline, monkeypatch, text) if kind == "Armed clash"]
    assert clashes and "Kharkiv" in clashes[-1]
    off = _kinds(pipeline, monkeypatch, text, off=("present_tense_offensive",))
    assert not [place for kind, place in off if kind == "Armed clash"]
