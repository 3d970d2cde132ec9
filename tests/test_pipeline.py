"""The geoparser end to end on hand-written text and on the seed article."""

from pathlib import Path

import pytest

from geo.geoparse.resolve import distance_km
from geo.types import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_2971140ada78fed4.txt"


def places(pipeline, text):
    return [(r.mention.text, r.place) for r in pipeline.parse(Document(text)).resolutions]


def named(pipeline, text, surface):
    found = [p for t, p in places(pipeline, text) if t == surface]
    assert found, f"{surface!r} not found in {[t for t, _ in places(pipeline, text)]}"
    return found[0]


@pytest.fixture(scope="module")
def seed(pipeline):
    return pipeline.parse(Document(SEED.read_text(encoding="utf-8")))


def test_seed_finds_every_mention_of_the_places(seed):
    text = seed.doc.text
    surfaces = [r.mention.text for r in seed.resolutions]
    assert surfaces.count("Kherson") == text.count("Kherson") - text.count("Kherson Region")
    for name in ["Kherson Region", "Kakhovka Dam", "Dnieper", "Mariupol", "Donetsk Region"]:
        assert name in surfaces, name
    for r in seed.resolutions:
        assert text[r.mention.start:r.mention.end] == r.mention.text


def test_seed_places_are_where_they_are(seed):
    by_text = {r.mention.text: r.place for r in seed.resolutions}
    truth = {"Kherson": (46.6354, 32.6169), "Mariupol": (47.0971, 37.5434),
             "Kakhovka Dam": (46.7778, 33.3703)}
    for name, (lat, lon) in truth.items():
        place = by_text[name]
        assert distance_km(place.lat, place.lon, lat, lon) < 10, (name, place)
    assert by_text["Kakhovka Dam"].feature == "dam"
    dnieper = by_text["Dnieper"]
    assert dnieper.feature == "river" and dnieper.geometry["type"] in {"LineString", "MultiLineString"}
    assert (by_text["Kherson Region"].feature, by_text["Kherson Region"].admin1_code) == ("region", "UA.08")
    assert (by_text["Donetsk Region"].feature, by_text["Donetsk Region"].admin1_code) == ("region", "UA.05")
    assert by_text["Kherson"].country == "UA" and by_text["Kherson"].feature == "city"


def test_seed_does_not_place_organisations_or_people(seed):
    text = seed.doc.text
    bad = ["Ukrainian Pravda", "Ukrainian News Agency", "Promsvyazbank", "Budanov", "Surovikin"]
    spans = [(text.find(b, i), len(b)) for b in bad for i in range(len(text)) if text.startswith(b, i)]
    for r in seed.resolutions:
        for start, length in spans:
            assert not (start <= r.mention.start < start + length), (r.mention.text, text[start:start + length])


def test_events_carry_sentences(seed):
    events = seed.place_mentions
    assert events
    for e in events:
        assert e.sentence.start <= e.mention.start < e.mention.end <= e.sentence.end
        assert e.mention.text in e.sentence.text


def test_odessa_by_context(pipeline):
    texts = {
        "US": "The oil boom reached Odessa, Texas, where rigs crowd the Permian Basin near Midland.",
        "UA": "Drones struck Odessa on the Black Sea overnight, Ukraine's air force said, after attacks on Mykolaiv.",
    }
    for country, text in texts.items():
        assert named(pipeline, text, "Odessa").country == country


def test_war_reporting_resolves_to_ukraine(pipeline):
    text = ("Ukrainian troops pushed towards Lyman while Russian forces shelled Pokrovsk and "
            "Donetsk. Fighting continued near Bakhmut and Sievierodonetsk.")
    for name in ["Lyman", "Pokrovsk", "Donetsk", "Bakhmut", "Sievierodonetsk"]:
        assert named(pipeline, text, name).country == "UA", name


def test_city_state_pairs_bind(pipeline):
    place = named(pipeline, "The council met in Springfield, Ill., on Monday.", "Springfield")
    assert place.admin1_code == "US.IL"
    place = named(pipeline, "The storm hit Athens, Ga., late Monday.", "Athens")
    assert place.admin1_code == "US.GA"


def test_oblast_phrase_is_the_region(pipeline):
    place = named(pipeline, "Shelling was reported across the Donetsk oblast on Friday.", "Donetsk oblast")
    assert place.feature == "region" and place.admin1_code == "UA.05"


def test_person_and_title_cues(pipeline):
    found = [t for t, _ in places(pipeline, "Gen. Jackson said the plan was sound. Jackson, 43, was arrested.")]
    assert "Jackson" not in found


def test_place_inside_organisation_name_is_kept(pipeline):
    found = [t for t, _ in places(pipeline, "The Kherson City Council met on Tuesday.")]
    assert found == ["Kherson"]


def test_empty_text(pipeline):
    assert pipeline.parse(Document("")).resolutions == []
