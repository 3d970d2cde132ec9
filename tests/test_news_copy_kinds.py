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
    page = (b'<p>Russian forces shelled Sumy on Friday.</p><p><figure><img alt="A strike on a '
            b'school" src="https://example.org/strike.jpg"></figure></p><p>Two people were killed.</p>')
    doc = read(page, "saved.txt")
    assert doc.text == "Russian forces shelled Sumy on Friday.\n\nTwo people were killed."
    prose = b"In the model x < y and y > z, and <b>one</b> tag is no page."
    assert read(prose, "notes.txt").text == prose.decode()


def test_an_event_nothing_places_is_no_event(pipeline, monkeypatch):
    text = "Russian troops shelled the town overnight. She crouched and heard a massive explosion."
    assert pipeline.parse(Document(text, date="2024-04-14")).events == []
    monkeypatch.setattr(pipeline, "without", frozenset({"nowhere_no_event"}))
    assert [e.place for e in pipeline.parse(Document(text, date="2024-04-14")).events] == [None, None]
