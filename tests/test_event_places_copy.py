"""Issue 20, the place: what web copy does to a name before any rule reads it. Made-up sentences;
each rule switched off shows what it changes."""

from __future__ import annotations

from factories import event_kinds
from geo.types import Document


# Zero-width marks as some wire pages scatter them between words.
_ZW, _ZWJ, _WJ = "\u200b", "\u200d", "\u2060"
_MARKED = (f"At least four people were killed {_WJ}and nine hurt in Russian attacks on the {_ZW}town of "
           f"{_ZWJ}Kostiantynivka in the {_ZW}region of Donetsk, the governor said.")


def test_a_town_behind_an_invisible_mark_is_the_place(pipeline, monkeypatch):
    assert event_kinds(pipeline, monkeypatch, _MARKED) == [("Shelling/artillery/missile attack", "Kostyantynivka")]
    off = event_kinds(pipeline, monkeypatch, _MARKED, off={"invisible_marks_between_words"})
    assert ("Shelling/artillery/missile attack", "Kostyantynivka") not in off


def test_mentions_keep_the_offsets_of_the_text_as_written(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "without", frozenset())
    parsed = pipeline.parse(Document(_MARKED))
    found = {r.mention.text: r for r in parsed.resolutions if r.place is not None}
    for name in ("Kostiantynivka", "Donetsk"):
        m = found[name].mention
        assert parsed.doc.text[m.start:m.end] == name
    assert found["Kostiantynivka"].place.admin1 == "Donetsk Oblast"


def test_a_mark_inside_a_name_is_left_to_the_name_keys(pipeline, monkeypatch):
    from geo.geoparse.web_copy import Reading

    text = f"Russian drones struck Khar{_ZW}kiv overnight, and {_ZWJ}Mariupol was shelled."
    reading = Reading(text)
    assert reading.changed and f"Khar{_ZW}kiv" in reading.text and _ZWJ not in reading.text
    assert len(reading.text) == len(text) - 1
    at = reading.text.index("Mariupol")
    assert text[reading.start(at):reading.end(at + len("Mariupol"))] == "Mariupol"


def test_a_text_without_marks_is_read_as_it_is():
    from geo.geoparse.web_copy import Reading

    text = "Russian forces shelled Kherson and Mykolaiv on Tuesday."
    reading = Reading(text)
    assert not reading.changed and reading.text is text and reading.start(7) == 7 and reading.end(7) == 7


_FEED = ("## Two Killed in Drone Strike on Russia's Belgorod\n"
         " - [https://news.example.com/2025/03/04/drone-strike-belgorod](https://news.example.com/2025/03/04/x)\n"
         " - date published: 2025-03-04T09:10:00+00:00\n\n"
         "Part of an apartment block collapsed after the attack, officials said.\n")


def test_a_heading_name_above_a_link_line_is_a_place(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "without", frozenset())
    assert "Belgorod" in {r.place.name for r in pipeline.parse(Document(_FEED)).resolutions if r.place}
    monkeypatch.setattr(pipeline, "without", frozenset({"entity_ends_at_layout"}))
    assert "Belgorod" not in {r.place.name for r in pipeline.parse(Document(_FEED)).resolutions if r.place}


def _city(pipeline, monkeypatch, text: str, name: str, off=()):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return next(r.place for r in pipeline.parse(Document(text)).resolutions if r.mention.text == name)


def test_a_village_reckoned_from_a_town_lies_near_it_on_the_side_told(pipeline, monkeypatch):
    from geo.distance import distance_km

    text = "Russian forces attacked Novoselivka southwest of Kramatorsk on Tuesday."
    town = _city(pipeline, monkeypatch, text, "Kramatorsk")
    village = _city(pipeline, monkeypatch, text, "Novoselivka")
    assert distance_km(town.lat, town.lon, village.lat, village.lon) <= 40 and village.lat < town.lat
    off = _city(pipeline, monkeypatch, text, "Novoselivka", off={"reckoned_from_a_town"})
    assert off.id != village.id


def test_a_bearing_with_no_namesake_on_its_side_changes_nothing(pipeline, monkeypatch):
    text = "Russian troops shelled Novomykolaivka east of Zaporizhzhia."
    on = _city(pipeline, monkeypatch, text, "Novomykolaivka")
    assert on.id == _city(pipeline, monkeypatch, text, "Novomykolaivka", off={"reckoned_from_a_town"}).id


def test_the_ways_a_bearing_is_written():
    from geo.geoparse.reckoned import _RECKONED

    for between in (" northeast of ", ", 12 km south of the town of ", " about 8 miles (13km) north-west of ",
                    ", some 20 kilometres east of the city of "):
        assert _RECKONED.match(between) is not None, between
    for between in (" and ", " in the south of ", ", north of the river and near "):
        assert _RECKONED.match(between) is None, between


_STRIKE = "Air/drone strike"


def test_the_city_an_official_speaks_of_is_their_own(pipeline, monkeypatch):
    text = ("Elsewhere, the mayor of Mariupol said a drone had struck a petrol station in the city centre, and "
            "explosions were also heard in the city of Kherson.")
    assert event_kinds(pipeline, monkeypatch, text) == [(_STRIKE, "Mariupol")]
    assert event_kinds(pipeline, monkeypatch, text, off={"the_city_of_its_official"}) == [(_STRIKE, "Kherson")]
    text = "Kharkiv Mayor Ihor Terekhov said a drone hit an apartment block in the city overnight, and blasts were heard in Belgorod."
    assert event_kinds(pipeline, monkeypatch, text) == [(_STRIKE, "Kharkiv")]


def test_an_official_reporting_a_strike_on_a_town_named_keeps_that_town(pipeline, monkeypatch):
    assert event_kinds(pipeline, monkeypatch, "The mayor of Mariupol said Russian drones had struck Kherson overnight.") \
        == [(_STRIKE, "Kherson")]
    # "the city of Y" names the town: the official's city is not meant
    text = "The mayor of Mariupol said a drone had struck the city of Kherson overnight."
    assert event_kinds(pipeline, monkeypatch, text) == [(_STRIKE, "Kherson")]


_SHELLING = "Shelling/artillery/missile attack"


def test_the_places_of_an_aside_on_a_place_are_context(pipeline, monkeypatch):
    text = "Russian shelling killed a woman in Kharkiv region, which borders Belgorod, the governor said."
    assert event_kinds(pipeline, monkeypatch, text) == [(_SHELLING, "Kharkiv")]
    assert event_kinds(pipeline, monkeypatch, text, off={"places_in_an_aside_on_a_place"}) == [(_SHELLING, "Belgorod")]
    text = "A Russian missile killed two civilians in Zaporizhzhia region, which borders Kherson, on Tuesday."
    assert event_kinds(pipeline, monkeypatch, text) == [(_SHELLING, "Zaporizhzhya")]
    off = event_kinds(pipeline, monkeypatch, text, off={"places_in_an_aside_on_a_place"})
    assert (_SHELLING, "Kherson") in off
