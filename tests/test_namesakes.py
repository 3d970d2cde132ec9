"""Which of an oblast's namesakes a text means, from the places it names beside it
(geo/geoparse/neighbours.py). Sentences written for these tests; villages checked in the gazetteer."""

import pytest

from geo.distance import distance_km
from geo.types import Document


def places(pipeline, text):
    return {r.mention.text: r.place for r in pipeline.parse(Document(text)).resolutions if r.place}


def km(a, b):
    return distance_km(a.lat, a.lon, b.lat, b.lon)


REFERENCE = "Russian forces shelled Novoselivka, Donetsk Oblast, north of Avdiivka."
LIST = "Russian forces attacked near Avdiivka. Fighting continued near Novoselivka and Stepove."


@pytest.mark.parametrize("text", [REFERENCE, LIST])
def test_the_namesake_beside_the_reference_town(pipeline, text):
    found = places(pipeline, text)
    assert km(found["Novoselivka"], found["Avdiivka"]) < 35


def test_without_the_rule_population_and_the_front_choose(pipeline, without):
    without("namesake_beside_named_places")
    found = places(pipeline, REFERENCE)
    assert km(found["Novoselivka"], found["Avdiivka"]) > 50


def test_a_far_pair_of_namesakes_does_not_outvote_the_sure_town(pipeline):
    found = places(pipeline, "Russian forces attacked east of Kupiansk near Ivanivka, and south of Kupiansk "
                             "near Petropavlivka on February 6 and 7.")
    assert km(found["Ivanivka"], found["Kupiansk"]) < 30
    assert km(found["Petropavlivka"], found["Kupiansk"]) < 30


def test_one_name_is_one_place_in_a_story(pipeline):
    text = ("Attacks continued in the areas of Dobropillya, Pryluky, Zelenyi and Varvarivka. "
            "The army said it repelled them. Attacks continued in the areas of Dobropillya, Pryluky, "
            "Zelenyi and Varvarivka. There was no fighting near Orikhiv.")
    parsed = pipeline.parse(Document(text))
    assert len({r.place.id for r in parsed.resolutions if r.mention.text == "Zelenyi" and r.place}) == 1


@pytest.mark.parametrize("text", [
    "Air raid alerts sounded in Kharkiv Oblast as well as in Kirovohradska,\u202fKyivska,\u202fand\u202fVinnytska\u202foblasts.",
    "Air raid alerts sounded in Kharkiv Oblast as well as in Kirovohradska, Kyivska, and Vinnytska oblasts.",
])
def test_oblasts_named_by_their_ukrainian_adjective_down_a_list(pipeline, text):
    found = places(pipeline, text)
    assert found["Kirovohradska"].id == "adm:UA.10"
    assert found["Kyivska"].feature == "region" and found["Kyivska"].admin1_code == "UA.13"  # not the city
    assert found["Vinnytska"].feature == "region"


def test_an_oblast_adjective_with_a_lower_case_type_word(pipeline, without):
    found = places(pipeline, "Drones hit Kharkivska oblast and the Dnipropetrovska region overnight.")
    assert found["Kharkivska oblast"].id == "adm:UA.07"
    assert found["Dnipropetrovska region"].feature == "region"
    without("oblast_adjective")
    assert "Kharkivska oblast" not in places(pipeline, "Drones hit Kharkivska oblast overnight.")


# Kharkiv Oblast has a Zelene beside the city and one among the villages by the border: written
# after "northeast of Kharkiv" in a list of those villages, it is theirs.
AGREEING = "Russian troops attacked northeast of Kharkiv near Zelene, Starytsya, Okhrimivka and Vovchansk."


def test_the_namesake_most_of_a_list_lies_beside(pipeline):
    found = places(pipeline, AGREEING)
    assert km(found["Zelene"], found["Starytsya"]) < 25


def test_without_adding_up_the_one_reference_town_chooses(pipeline, without):
    without("agreeing_neighbours_add_up")
    found = places(pipeline, AGREEING)
    assert km(found["Zelene"], found["Starytsya"]) > 25
