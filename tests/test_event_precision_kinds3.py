"""Issue 20, precision, third round: feed items, and more. Made-up sentences of the kinds a
war-news dev set showed; each rule switched off shows what it changes."""

from __future__ import annotations

import pytest

from factories import event_kinds
from geo.types import Document


@pytest.fixture(scope="module")
def pipeline(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


_kinds = event_kinds


def _told(pipeline, monkeypatch, text: str, off=()) -> list[str]:
    """The text each event is told in (its first sentence)."""
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return [e.sentence.text for e in pipeline.parse(Document(text, date="2025-03-04")).events]


_FEED = ("# Source:Example Daily, URL:https://example.com/rss/news, language:en-us\n\n"
         "## Russian Drones Strike Kharkiv Power Plant\n"
         " - [https://example.com/2025/03/04/russian-drones-strike-kharkiv-power-plant-a101]"
         "(https://example.com/2025/03/04/russian-drones-strike-kharkiv-power-plant-a101)\n"
         " - RSS feed: https://example.com/rss/news\n"
         " - date published: 2025-03-04T10:00:00+00:00\n\n"
         "Repair crews worked through the night, the city's mayor said.\n")


def test_a_feed_items_heading_is_what_it_reports(pipeline, monkeypatch):
    told = _told(pipeline, monkeypatch, _FEED)
    assert len(told) == 1 and told[0].startswith("## Russian Drones Strike Kharkiv")
    off = _told(pipeline, monkeypatch, _FEED, off={"feed_item_heading"})
    assert all(not t.startswith("## ") for t in off)


def test_a_heading_above_prose_is_still_no_part_of_the_sentence(pipeline, monkeypatch):
    text = "Strikes on the east\nRussian forces shelled Kramatorsk overnight, the governor said.\n"
    told = _told(pipeline, monkeypatch, text)
    assert told == ["Russian forces shelled Kramatorsk overnight, the governor said."]


def test_a_district_of_a_big_city_is_the_citys_attack(pipeline, monkeypatch):
    text = ("At least three people were killed after a barrage of Russian drones and missiles struck Kharkiv "
            "overnight. President Volodymyr Zelensky called for more air defence systems. The Industrialnyi and "
            "Slobidskyi districts were hit hardest, the mayor said.")
    on = _kinds(pipeline, monkeypatch, text)
    assert len(on) == 1 and on[0][1] == "Kharkiv"
    off = _kinds(pipeline, monkeypatch, text, off={"city_section_is_the_city"})
    assert len(off) == 2


def test_a_town_near_a_big_city_keeps_its_own_attack(pipeline, monkeypatch):
    text = ("Russian missiles struck Kharkiv overnight, the mayor said. A drone also hit a house in Chuhuiv, "
            "wounding two people.")
    assert {p for _, p in _kinds(pipeline, monkeypatch, text)} == {"Kharkiv", "Chuhuyiv"}


def test_a_ship_named_after_a_town_is_no_place(pipeline, monkeypatch):
    for text in ("Ukrainian forces struck a large Russian landing ship, Melitopol, that was unloading supplies at "
                 "the port of Mariupol, the navy said on Tuesday.",
                 "The governor said Ukrainian missiles had struck the Bryansk with two Neptune missiles off Mykolaiv "
                 "on Tuesday."):
        on = _kinds(pipeline, monkeypatch, text)
        assert len(on) == 1 and on[0][1] in ("Mariupol", "Mykolayiv")
        off = _kinds(pipeline, monkeypatch, text, off={"town_named_ship"})
        assert off[0][1] in ("Melitopol", "Bryansk")


def test_a_list_of_regions_after_the_is_still_places(pipeline, monkeypatch):
    text = "Russian forces shelled the Kharkiv, Zaporizhzhia and Donetsk regions on Tuesday, the governors said."
    assert len(_kinds(pipeline, monkeypatch, text)) == 3
