"""Issue 20, second recall round: kinds of events a reader of war news codes that the extractor
missed. Each kind is a named switch; the sentences are made up, in the styles of the copy."""

from __future__ import annotations

from factories import event_kinds
from geo.types import Document


_kinds = event_kinds


def test_a_sentence_ending_in_a_footnote_mark_is_no_heading(pipeline, monkeypatch):
    # An analyst's note: each sentence on a line of its own, a footnote mark after its stop.
    text = ("Russian forces continued offensive operations in the Kharkiv direction on February 26 but did not "
            "advance.\nRussian forces attacked northeast of Kharkiv toward Vovchansk and southeast of "
            "Kharkiv near Kupiansk on February 26.[77]\nOrder of Battle: Elements of a Russian regiment "
            "continue to operate in the Kharkiv direction.[78]")
    kinds = _kinds(pipeline, monkeypatch, text, day="2026-02-27")
    assert kinds == [("Armed clash", "Vovchansk"), ("Armed clash", "Kupyansk")]
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-27", off=("footnote_ends_no_heading",)) == []


def test_exchanges_of_fire_in_the_plural_are_a_clash(pipeline, monkeypatch):
    text = ("Russian troops shelled Kharkiv on Thursday, the governor said. Heavy exchanges of fire were also "
            "reported near Zaporizhzhia and Mykolaiv in the south.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds[1:] == [("Armed clash", "Zaporizhzhya"), ("Armed clash", "Mykolayiv")]
    assert _kinds(pipeline, monkeypatch, text, off=("exchanges_of_fire",)) == kinds[:1]


def test_regions_named_as_where_an_action_happened_are_events_of_their_own(pipeline, monkeypatch):
    text = ("Russian missiles struck a power substation in the southern Mykolaiv region on Monday, as well as a "
            "school in the eastern Kharkiv region, officials said.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert [place for _, place in kinds] == ["Mykolayiv", "Kharkiv"]
    assert _kinds(pipeline, monkeypatch, text, off=("regions_of_an_action",)) == kinds[:1]


def test_a_region_holding_the_clauses_town_or_speaking_is_no_place_of_the_action(pipeline, monkeypatch):
    # The region holds the town struck; the other region is a governor's.
    text = ("Russian missiles struck Kramatorsk in the Donetsk region on Monday, the governor of the Kharkiv "
            "region said.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, text)] == ["Kramatorsk"]


def test_and_someone_said_starts_a_clause_of_its_own(pipeline, monkeypatch):
    text = ("Local media reported heavy shelling in Kramatorsk and Kharkiv, and officials said Russian forces "
            "were attempting to break through Ukrainian defenses near Kupiansk and Vovchansk.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Shelling/artillery/missile attack", "Kramatorsk"), ("Shelling/artillery/missile attack", "Kharkiv"),
                     ("Armed clash", "Kupyansk"), ("Armed clash", "Vovchansk")]
    # Off, one clause, one action: the shelling is put at the fighting's villages too.
    off = _kinds(pipeline, monkeypatch, text, off=("and_someone_said",))
    assert {kind for kind, _ in off} == {"Shelling/artillery/missile attack"}


def test_a_victim_described_before_the_verb_is_a_toll_at_its_place(pipeline, monkeypatch):
    text = ("Russian drones struck Kharkiv overnight, injuring three people, the military said. "
            "In the Mykolaiv region, a man in a car was killed, the governor said.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Air/drone strike", "Kharkiv"), ("Air/drone strike", "Mykolayiv")]
    assert pipeline.parse(Document(text, date="2025-03-04")).events[1].fatalities == 1
    assert _kinds(pipeline, monkeypatch, text, off=("victim_described",)) == kinds[:1]


def test_a_death_told_as_a_noun_is_a_toll():
    from geo.events.toll import toll

    assert toll("Local authorities in the Kharkiv region confirmed a child's death.").fatalities == 1
    assert toll("Two men from the village were wounded.").injured == 2


def test_an_assessed_infiltration_is_a_clash(pipeline, monkeypatch):
    text = ("Assessed Russian infiltration: Geolocated footage published on February 6 shows Russian forces in "
            "eastern Kupiansk in what the analysts assess is likely an infiltration mission that did not change "
            "the forward edge of the battle area.[33]")
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-07") == [("Armed clash", "Kupyansk")]
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-07", off=("infiltration_label",)) == []


def test_forces_striking_is_a_strike(pipeline, monkeypatch):
    text = ("The drone forces posted footage on February 21 showing Ukrainian forces striking a Russian "
            "concentration point in occupied Melitopol, Zaporizhia Oblast.[29]")
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-22") == [("Shelling/artillery/missile attack", "Melitopol")]
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-22", off=("striking",)) == []


def test_a_gathering_told_by_its_noun_is_a_protest(pipeline, monkeypatch):
    text = ("In the centre of Zaporizhzhia, a rally was held on Sunday in support of Ukrainian prisoners of war, "
            "the organisers said.")
    assert _kinds(pipeline, monkeypatch, text) == [("Peaceful protest", "Zaporizhzhya")]
    assert _kinds(pipeline, monkeypatch, text, off=("gathering_held",)) == []
    text = "At a demonstration in Kharkiv on Saturday, speakers urged more air defence for the city."
    assert _kinds(pipeline, monkeypatch, text) == [("Peaceful protest", "Kharkiv")]


def test_a_garrison_holding_out_is_fighting(pipeline, monkeypatch):
    text = ("Russia's military says it controls most of Vovchansk, while Ukrainian marines are still holding out "
            "in the town's aggregate plant.")
    assert _kinds(pipeline, monkeypatch, text) == [("Armed clash", "Vovchansk")]
    assert _kinds(pipeline, monkeypatch, text, off=("holding_out",)) == []


def test_damage_framed_at_a_place_of_its_own_after_a_strike_is_the_strike_there(pipeline, monkeypatch):
    text = ("Russian drones struck Kharkiv overnight, injuring three people, the military said. "
            "In the Mykolaiv region, around 30,000 families were left without electricity.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Air/drone strike", "Kharkiv"), ("Air/drone strike", "Mykolayiv")]
    assert _kinds(pipeline, monkeypatch, text, off=("damage_elsewhere",)) == kinds[:1]
    # Repairs of damage, not damage done: no frame of a place.
    text = ("Russian drones struck Kharkiv overnight, injuring three people, the military said. "
            "Mayors say they lack the money to repair damaged homes in Mykolaiv.")
    assert _kinds(pipeline, monkeypatch, text) == kinds[:1]


def test_troops_shooting_people_down_is_an_attack(pipeline, monkeypatch):
    text = "Russian soldiers shot and killed four people queuing for water in the town of Vovchansk, officials said."
    assert _kinds(pipeline, monkeypatch, text) == [("Attack", "Vovchansk")]
    assert _kinds(pipeline, monkeypatch, text, off=("shot_people",)) == []


def test_a_blast_nobody_fired_is_a_remote_explosive(pipeline, monkeypatch):
    text = ("In the occupied city of Melitopol, a Russian-installed official and his deputy died when their "
            "office was blown up, the occupation authorities said.")
    assert _kinds(pipeline, monkeypatch, text) == [("Remote explosive/landmine/IED", "Melitopol")]
    assert _kinds(pipeline, monkeypatch, text, off=("blown_up_or_sabotaged",)) == []
    text = "Ukrainian partisans say they sabotaged a railway bridge near Melitopol as a Russian train crossed it."
    assert _kinds(pipeline, monkeypatch, text) == [("Remote explosive/landmine/IED", "Melitopol")]


def test_an_action_a_since_phrase_reckons_from_is_not_the_clauses_event(pipeline, monkeypatch):
    text = ("On Friday, Ukraine and Russia each handed over 270 soldiers in the largest prisoner exchange since "
            "Russia launched its full-scale invasion in February 2022.")
    monkeypatch.setattr(pipeline, "without", frozenset())
    found = pipeline.parse(Document(text, date="2025-05-25")).events
    # A country's act with no place named: at its capital.
    assert [e.sub_type for e in found] == ["Agreement"] and found[0].place.country == "UA"
    assert _kinds(pipeline, monkeypatch, text, day="2025-05-25", off=("since_an_earlier_action",)) == []
