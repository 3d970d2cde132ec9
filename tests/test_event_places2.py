"""The place of an event in news copy (issue 20), second round: kinds of place error seen in real
copy, each pinned by sentences of our own and its rule switched off once to show it decides."""

from __future__ import annotations

import pytest

from geo.types import Document


def places_of_events(pipeline, text, day="2024-05-06"):
    return [e.place.name for e in pipeline.parse(Document(text, date=day)).events if e.place is not None]


def names(pipeline, text):
    return {r.mention.text for r in pipeline.parse(Document(text, date="2024-05-06")).resolutions if r.place}


# -- a facility named after a town --------------------------------------------------------------

@pytest.mark.parametrize("text,town", [
    ("Ukraine struck the Syzran Oil Refinery in Samara Oblast.", "Syzran"),
    ("Drones Strike Syzran Oil Refinery", "Syzran"),
    ("Ukrainian Drones Hit Samara Refinery, Governor Says", "Samara"),
])
def test_the_town_opening_a_plant_name_is_recognised(pipeline, text, town):
    assert town in names(pipeline, text)


def test_title_case_plant_name_switch(pipeline, without):
    without("town_opens_facility_name")
    assert "Syzran" not in names(pipeline, "Ukraine struck the Syzran Oil Refinery in Samara Oblast.")


def test_a_plant_in_another_oblast_is_where_it_is(pipeline):
    assert places_of_events(pipeline, "Drones hit the Melitopol Oil Depot in Mykolaiv overnight.") == ["Mykolayiv"]
    assert places_of_events(pipeline, "Drones hit the Melitopol gas plant in Mykolaiv overnight.") == ["Mykolayiv"]


def test_a_plant_in_its_own_oblast_keeps_its_town(pipeline):
    assert places_of_events(pipeline, "Ukraine struck the Syzran oil refinery in Samara Oblast.") == ["Syzran"]


def test_facility_named_elsewhere_switch(pipeline, without):
    without("facility_named_elsewhere")
    assert places_of_events(pipeline, "Drones hit the Melitopol Oil Depot in Mykolaiv overnight.") == ["Melitopol"]


# -- a person's given name ----------------------------------------------------------------------

GOVERNOR = "The governor of the Mykolaiv region, Maksym Kovalenko, said Ukrainian missiles had struck a Russian ship."


def test_a_given_name_before_a_surname_is_no_village(pipeline):
    assert "Maksym" not in names(pipeline, GOVERNOR)
    assert "Maksym" not in places_of_events(pipeline, GOVERNOR)


def test_slavic_given_names_switch(pipeline, without):
    without("slavic_given_names")
    assert "Maksym" in names(pipeline, GOVERNOR)


def test_the_alliance_is_no_town(pipeline):
    assert "Nato" not in names(pipeline, REBUKE)


REBUKE = "Zelensky issued a rebuke to Nato after Russian strikes on Kharkiv."


# -- translated Polish copy ---------------------------------------------------------------------

POLISH = "Russian drones attacked Mikołajów and Charków overnight, killing two people."


def test_polish_spellings_of_towns(pipeline):
    assert places_of_events(pipeline, POLISH) == ["Mykolayiv", "Kharkiv"]


def test_polish_barred_l_switch(pipeline, without):
    without("polish_barred_l")
    assert "Mikołajów" not in names(pipeline, POLISH)


def test_alliance_acronym_switch(pipeline, without):
    without("alliance_acronym")
    assert "Nato" in names(pipeline, REBUKE)


# -- a ministry's downing over "the region" -----------------------------------------------------

# The country named, not a nationality word: without the rule the downing is at its capital, not at
# the place the story is (nationality_is_no_capital).
DOWNED = ("Ukrainian drones attacked Bryansk overnight, the governor said. Russia's Defence Ministry said air "
          "defence systems destroyed 13 drones over the region.")


def test_downed_over_the_region_is_at_the_place_told_before(pipeline):
    assert places_of_events(pipeline, DOWNED) == ["Bryansk", "Bryansk"]


def test_the_region_told_before_switch(pipeline, without):
    without("the_region_told_before")
    assert places_of_events(pipeline, DOWNED) == ["Bryansk", "Moscow"]


# -- a capital as the side that acts ------------------------------------------------------------

ACTING = "Moscow launched 40 drones at Kharkiv overnight, the air force said."
MOUNTED = "The shelling of the town intensified after Moscow mounted an assault."


def test_a_capital_that_launches_is_not_where_it_lands(pipeline):
    assert places_of_events(pipeline, ACTING) == ["Kharkiv"]
    assert "Moscow" not in places_of_events(pipeline, MOUNTED)


def test_capital_as_actor_switch(pipeline, without):
    without("capital_as_actor")
    assert "Moscow" in places_of_events(pipeline, MOUNTED)
