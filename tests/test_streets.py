"""Streets and numbered roads: recognised as mentions and placed in their town."""

from geo.geoparse.streets import street_spans
from geo.types import Document


def streets(pipeline, text):
    doc = pipeline.nlp.make_doc(text)
    return [doc[a:b].text for a, b in street_spans([t.text for t in doc])]


def test_named_streets_and_numbered_roads(pipeline):
    text = ("A fire broke out at 775 Main St., near Dawes Street. Crews closed Old Lexington Highway, "
            "Highway 19 and County Road 43, and lane closures hit Hyland-Croy Road on Monday.")
    assert streets(pipeline, text) == ["Main St.", "Dawes Street", "Old Lexington Highway", "Highway 19",
                                       "County Road 43", "Hyland-Croy Road"]
    assert streets(pipeline, "A slide forced the closure of W.Va. 61 near the river.") == ["W.Va. 61"]


def test_names_that_only_contain_a_street_word_are_not_streets(pipeline):
    text = ("The Wall Street Journal and the Florida Highway Patrol reported from St. Louis. "
            "Lane closures begin today on the County Road.")
    assert streets(pipeline, text) == []


def test_a_street_is_placed_in_the_town_named_beside_it(pipeline):
    parsed = pipeline.parse(Document("Police closed Wichita Street in Dublin, Ohio, after the storm."))
    found = {r.mention.text: r for r in parsed.resolutions}
    assert "Wichita" not in found  # the place inside the street's name is not mentioned
    street = found["Wichita Street"]
    assert street.mention.hint == "street"
    assert street.place is not None and street.place.name == "Dublin" and street.place.admin1_code == "US.OH"
    assert street.score < 0.5  # placed to the town, not to the street


def test_a_street_with_no_town_in_sight_stays_unplaced(pipeline):
    parsed = pipeline.parse(Document("Residents of Darby Street complained about the noise."))
    found = {r.mention.text: r for r in parsed.resolutions}
    assert found["Darby Street"].place is None


def test_national_road_numbers_beside_a_road_word():
    from geo.geoparse.streets import street_spans

    words = "Ukrainian forces hit a convoy on the T0513 road near Svatove .".split()
    assert [" ".join(words[a:b]) for a, b in street_spans(words)] == ["T0513 road"]
    words = "He bought an M16 rifle .".split()
    assert street_spans(words) == []
