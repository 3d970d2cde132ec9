"""News copy as users save it: a page's markup in a text file, and events nothing places."""

from __future__ import annotations

import pytest

from geo.text.ingest import read
from geo.types import Document


@pytest.fixture(scope="module")
def pipeline(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


def test_a_text_file_holding_a_pages_markup_is_read_as_html():
    page = (b'<p>Russian forces shelled Kharkiv on Friday.</p><p><figure><img alt="A strike on a '
            b'school" src="https://example.org/strike.jpg"></figure></p><p>Two people were killed.</p>')
    doc = read(page, "saved.txt")
    assert doc.text == "Russian forces shelled Kharkiv on Friday.\n\nTwo people were killed."
    prose = b"In the model x < y and y > z, and <b>one</b> tag is no page."
    assert read(prose, "notes.txt").text == prose.decode()


def test_an_event_nothing_places_is_no_event(pipeline, monkeypatch):
    text = "Russian troops shelled the town overnight. She crouched and heard a massive explosion."
    assert pipeline.parse(Document(text, date="2024-04-14")).events == []
    monkeypatch.setattr(pipeline, "without", frozenset({"unplaced_no_event"}))
    assert [e.place for e in pipeline.parse(Document(text, date="2024-04-14")).events] == [None, None]


def test_strikes_on_a_city_and_its_district_the_same_day_are_one_attack(pipeline, monkeypatch):
    text = ("At least six people were killed after a barrage of Russian drones and missiles hit Kharkiv "
            "overnight, the mayor said.\n\nHere is what you need to know: Russia launched 300 drones "
            "and eight missiles at Ukraine. A ballistic missile hit a residential building in the "
            "Saltivskyi district, officials said.")
    found = pipeline.parse(Document(text, date="2025-07-31")).events
    assert len(found) == 1 and found[0].place.name == "Kharkiv" and len(found[0].sentences) == 2
    monkeypatch.setattr(pipeline, "without", frozenset({"one_attack_on_a_city"}))
    assert len(pipeline.parse(Document(text, date="2025-07-31")).events) == 2


def test_a_fight_named_as_the_subject_of_a_modal_is_analysis(pipeline, monkeypatch):
    text = ("Russian forces shelled Orikhiv on Tuesday. A major Ukrainian breakthrough near Tokmak "
            "would cut Russia's land bridge to Crimea, analysts said.")
    kinds = [(e.sub_type, e.place.name) for e in pipeline.parse(Document(text, date="2023-06-13")).events]
    assert ("Armed clash", "Tokmak") not in kinds and len(kinds) == 1
    monkeypatch.setattr(pipeline, "without", frozenset({"nominal_with_modal"}))
    kinds = [(e.sub_type, e.place.name) for e in pipeline.parse(Document(text, date="2023-06-13")).events]
    assert ("Armed clash", "Tokmak") in kinds


def test_a_companys_deals_are_no_agreement_of_the_war(pipeline, monkeypatch):
    text = ("Russian drones struck Kharkiv overnight, killing two people, officials said. Ukrainian air "
            "defences shot down 40 drones over the Zaporizhzhia region.\n\nSeveral companies have signed agreements "
            "with Lukoil, including U.S. private equity firm Carlyle Group, a Saudi fund and a firm in Kazakhstan.")
    kinds = [e.sub_type for e in pipeline.parse(Document(text, date="2026-02-26")).events]
    assert "Agreement" not in kinds and kinds
    monkeypatch.setattr(pipeline, "without", frozenset({"business_deal"}))
    assert "Agreement" in [e.sub_type for e in pipeline.parse(Document(text, date="2026-02-26")).events]
