"""Issue 20, ninth round, the place of matched events: kinds of copy that put an event at the wrong
place although the sentence names the right one. Made-up sentences; each rule switched off shows what
it changes."""

from __future__ import annotations

import pytest

from factories import event_kinds


def _places(pipeline, monkeypatch, text, off=()):
    return [p for _, p in event_kinds(pipeline, monkeypatch, text, off=off)]


def _capitals(pipeline, monkeypatch, text, off=()):
    """The countries of the events put at a capital (a country-wide downing or swap)."""
    from geo.events.places import is_capital
    from geo.types import Document

    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return [e.place.country for e in pipeline.parse(Document(text, date="2025-03-04")).events
            if e.place is not None and is_capital(e.place)]


# -- region_near_its_town (geo/events/locators.py) ------------------------------------------------

@pytest.mark.parametrize("text, town", [
    ("Ukrainian forces repelled a Russian assault in the Kharkiv region near Balakliia on Monday.", "Balakliya"),
    ("Fighting raged in the Donetsk oblast near Bakhmut overnight, the general staff said.", "Bakhmut"),
])
def test_the_town_near_which_in_a_region_is_the_place(pipeline, monkeypatch, text, town):
    assert town in _places(pipeline, monkeypatch, text)
    assert town not in _places(pipeline, monkeypatch, text, off={"region_near_its_town"})


def test_a_village_near_a_town_is_still_located_by_it(pipeline, monkeypatch):
    # "took over X near Y": Y only locates X (locator_of_a_place), as before
    text = "Russian forces took over Klishchiivka near Bakhmut on Monday, the ministry said."
    assert "Bakhmut" not in _places(pipeline, monkeypatch, text)


# -- landmark_named_in_lower_case (geo/geoparse/landmark_phrases.py) --------------------------------

def test_a_landmark_named_by_a_town_away_from_it(pipeline, monkeypatch):
    text = "Russian troops shelled the Zaporizhzhia nuclear plant on Monday."
    on = _places(pipeline, monkeypatch, text)
    off = _places(pipeline, monkeypatch, text, off={"landmark_named_in_lower_case"})
    assert on == ["Zaporizhzhia Nuclear Power Plant"]
    assert off == ["Zaporizhzhya"]


def test_a_landmark_in_lower_case_in_any_story(pipeline, monkeypatch):
    from geo.types import Document

    monkeypatch.setattr(pipeline, "without", frozenset())
    text = "Inspectors visited the Fukushima nuclear plant on Monday."
    assert "Fukushima Daiichi Nuclear Power Plant" in [
        r.place.name for r in pipeline.parse(Document(text, date="2025-03-04")).resolutions if r.place]


@pytest.mark.parametrize("text, town", [
    ("Russian drones struck the Kakhovka hydroelectric dam on Wednesday, the operator said.", "Kakhovka"),
    ("Russian shelling of Kharkiv went on. Ukrainian drones struck the Engels air base overnight.", "Engels"),
])
def test_a_landmark_beside_its_town_stays_at_the_town(pipeline, monkeypatch, text, town):
    assert town in _places(pipeline, monkeypatch, text)


def test_a_town_before_other_lower_case_words_stays_the_town(pipeline, monkeypatch):
    text = "Russian missiles struck Kharkiv power grid facilities on Monday, the mayor said."
    assert "Kharkiv" in _places(pipeline, monkeypatch, text)


# -- ship_in_italics, ship_register_number (geo/events/vessels.py) ----------------------------------

_ITALIC = ("Ukrainian forces struck Russian landing ships moored in the port of Mariupol on 3 May. Fire onboard "
           "the *Belgorod* caused a large explosion, as the vessel was laden with ammunition.")


def test_a_ship_in_italics_is_no_place(pipeline, monkeypatch):
    assert "Belgorod" not in _places(pipeline, monkeypatch, _ITALIC)
    assert "Belgorod" in _places(pipeline, monkeypatch, _ITALIC, off={"ship_in_italics"})


def test_a_town_in_bold_stays_a_place(pipeline, monkeypatch):
    text = "**Kharkiv:** Russian drones struck a school in the city on Monday, the mayor said."
    assert "Kharkiv" in _places(pipeline, monkeypatch, text)


def test_a_ship_aboard_which_people_are_is_no_place(pipeline, monkeypatch):
    text = ("Ukrainian sea drones hit a Russian corvette off the coast of Mariupol on 3 May. Two sailors aboard "
            "the Belgorod were killed in the attack, the fleet said.")
    assert "Belgorod" not in _places(pipeline, monkeypatch, text)


_REGISTER = ("Russian warships shelled two merchant ships near the port of Mykolaiv on Monday. Yasa Star "
             "(IMO 9123456), a Maltese flagged bulk carrier, was hit by a missile on Monday.")


def test_a_ship_register_number_is_no_place(pipeline, monkeypatch):
    assert "Owerri" not in _places(pipeline, monkeypatch, _REGISTER)
    assert "Owerri" in _places(pipeline, monkeypatch, _REGISTER, off={"ship_register_number"})


# -- nationality_is_no_capital (geo/events/national.py) --------------------------------------------

def test_a_downing_told_by_the_launching_side_is_over_the_target(pipeline, monkeypatch):
    text = ("Overnight, Russia launched 300 drones and 20 missiles at Ukrainian regions, Ukraine's air force said, "
            "adding that 280 of them were downed.")
    assert _capitals(pipeline, monkeypatch, text) == ["UA"]
    assert _capitals(pipeline, monkeypatch, text, off={"nationality_is_no_capital"}) == ["RU"]


def test_a_downing_placed_by_a_nationality_word_is_where_the_story_is(pipeline, monkeypatch):
    text = ("Ukrainian drones attacked the Engels air base on the Volga overnight. Fires broke out at the "
            "Engels air base, the governor said. The governor said Russian air defences intercepted 40 drones.")
    on = _places(pipeline, monkeypatch, text)
    assert "Moscow" not in on and "Engels" in on
    assert "Moscow" in _places(pipeline, monkeypatch, text, off={"nationality_is_no_capital"})


def test_a_country_in_an_aside_is_not_where_the_downing_was(pipeline, monkeypatch):
    text = ("Drones attacked Belgorod on Saturday, the governor said. The Russian Defence Ministry said air defences "
            "destroyed 13 missiles over the region, which borders Ukraine.")
    assert "UA" not in _capitals(pipeline, monkeypatch, text)


def test_a_swap_of_a_nationality_stays_at_its_capital(pipeline, monkeypatch):
    text = "Another 300 Ukrainian prisoners returned home on Monday as part of an exchange deal with Russia."
    assert _capitals(pipeline, monkeypatch, text) == ["UA"]
