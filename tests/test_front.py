"""Among namesakes inside the oblast a war report names, the one near the border or the front."""

from geo.geoparse.front import km_to_front
from geo.types import Document


def place_of(pipeline, text, name):
    [place] = [r.place for r in pipeline.parse(Document(text)).resolutions if r.mention.text == name]
    return place


def test_distance_to_the_border_and_the_front():
    assert km_to_front(52.34, 33.285) < 10  # Hremiach, on the border with Russia
    assert km_to_front(46.842, 33.427) < 25  # Beryslav, across the Dnipro from Nova Kakhovka
    assert km_to_front(49.838, 24.023) > 500  # Lviv


def test_a_shelled_village_is_the_namesake_near_the_border(pipeline):
    place = place_of(pipeline, "Russian troops shelled Ivanivka, Kharkiv, with mortars. Nobody was hurt.",
                     "Ivanivka")
    assert place.admin1_code == "UA.07" and km_to_front(place.lat, place.lon) < 10, place


def test_a_named_community_is_its_centre_not_the_namesake_near_the_border(pipeline):
    place = place_of(pipeline, "Russian troops shelled Sofiivka territorial community, Dnipropetrovsk region.",
                     "Sofiivka")
    assert place.admin1_code == "UA.04" and place.population > 1000, place


def test_switched_off_the_rule_changes_the_choice(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "without", frozenset({"namesake_near_front"}))
    place = place_of(pipeline, "Russian troops shelled Ivanivka, Kharkiv, with mortars. Nobody was hurt.",
                     "Ivanivka")
    assert km_to_front(place.lat, place.lon) > 10, place


def test_a_misspelt_village_is_found_in_the_oblast_the_text_names(pipeline, monkeypatch):
    # Other oblasts have a Bilozirka; Kherson Oblast has Bilozerka, one letter apart.
    text = "Russian forces shelled Bilozirka, Kherson region."
    place = place_of(pipeline, text, "Bilozirka")
    assert (place.name, place.admin1_code, place.feature) == ("Bilozerka", "UA.08", "city"), place
    monkeypatch.setattr(pipeline, "without", frozenset({"misspelt_in_region"}))
    assert place_of(pipeline, text, "Bilozirka").feature == "region"


def test_a_region_coded_to_a_town_is_shown_at_the_town(pipeline, monkeypatch):
    text = "On 3 May, Russian drones struck Zhytomyr region (coded to Zhytomyr). No casualties."
    region = place_of(pipeline, text, "Zhytomyr region")
    town = place_of(pipeline, text, "Zhytomyr")
    assert region.feature == "region" and town.feature == "city"
    assert (region.lat, region.lon) == (town.lat, town.lon)
    monkeypatch.setattr(pipeline, "without", frozenset({"region_coded_to_town"}))
    region = place_of(pipeline, text, "Zhytomyr region")
    assert (region.lat, region.lon) != (town.lat, town.lon)


def test_villages_bearing_the_name_come_before_a_big_city_that_once_bore_it(pipeline, monkeypatch):
    # GeoNames lists Oleksiivka among Chystiakove's alternate names.
    text = "On 12 August, Russian forces shelled Oleksiivka, Donetsk. Casualties unknown."
    place = place_of(pipeline, text, "Oleksiivka")
    assert (place.name, place.admin1_code) == ("Oleksiivka", "UA.05"), place
    monkeypatch.setattr(pipeline, "without", frozenset({"name_bearers_in_region"}))
    assert place_of(pipeline, text, "Oleksiivka").population > 50_000


def test_a_raion_and_its_oblast_are_no_list_of_towns(pipeline):
    text = "Russian forces shelled Petropavlivka, Kupiansk raion, Kharkiv. Casualties unknown."
    assert place_of(pipeline, text, "Kharkiv").feature == "region"
    assert place_of(pipeline, text, "Petropavlivka").admin1_code == "UA.07"


def test_a_shelled_homonym_with_no_oblast_is_the_one_near_the_front_but_unsure(pipeline, monkeypatch):
    text = "Russian artillery shelled Novoselivka overnight."
    [r] = [r for r in pipeline.parse(Document(text)).resolutions if r.mention.text == "Novoselivka"]
    assert r.place.country == "UA" and km_to_front(r.place.lat, r.place.lon) < 20, r.place
    assert r.score <= 0.4
    monkeypatch.setattr(pipeline, "without", frozenset({"homonym_near_front"}))
    place = place_of(pipeline, text, "Novoselivka")
    assert km_to_front(place.lat, place.lon) > 20, place


def test_a_raion_named_after_a_village_binds_it(pipeline, monkeypatch):
    text = "Russian forces shelled Ivanivka, Bohodukhiv raion, Kharkiv oblast. Casualties unknown."
    assert place_of(pipeline, text, "Ivanivka").admin2_code == "UA.07.6302"
    monkeypatch.setattr(pipeline, "without", frozenset({"raion_binds"}))
    assert place_of(pipeline, text, "Ivanivka").admin2_code != "UA.07.6302"


def test_the_lines_that_held_on_the_day():
    from datetime import date

    from geo.geoparse.front import FRONT_2022, km_to_front

    lat, lon = FRONT_2022[2]  # on the summer-2022 line south of Balakliia
    assert km_to_front(lat, lon) < 5  # undated: every line counts
    assert km_to_front(lat, lon, date(2022, 7, 1)) < 5
    assert km_to_front(lat, lon, date(2024, 3, 1)) > 40  # that line was gone by then
