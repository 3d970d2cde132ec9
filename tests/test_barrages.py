"""Country-wide barrages (geo.events.barrages): a strike on a whole country that names no town is coded
at the country struck. The sentences are made up."""

from __future__ import annotations

import pytest

from factories import event_kinds
from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2025-03-04"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


# -- country-wide barrages ------------------------------------------------------------------------------

def _at_the_capital(events, pipeline, country="UA"):
    capital = pipeline.gazetteer.seat(country)
    return [e for e in events if e.place == capital and e.precision == 3]


@pytest.mark.parametrize("sentence", [
    "Russia launched almost 60 Shahed drones at targets in Ukraine overnight, the air force said.",
    "Russia launched a massive barrage of 120 missiles and drones across Ukraine on Tuesday, killing 14 civilians.",
    "Russia launched its largest strikes of the month on Ukraine's power plants overnight, cutting power to thousands.",
    "Moscow unleashed a wave of 300 attack drones and 40 missiles on Ukraine's energy grid on Monday.",
])
def test_a_barrage_on_a_country_is_coded_at_the_country(pipeline, monkeypatch, sentence):
    events = _events(pipeline, monkeypatch, sentence)
    assert len(_at_the_capital(events, pipeline)) == 1
    assert _at_the_capital(events, pipeline)[0].type == "Explosions/Remote violence"
    assert not _at_the_capital(_events(pipeline, monkeypatch, sentence, off=("barrage_at_the_country",)), pipeline)


@pytest.mark.parametrize("sentence", [
    "Russia has fired thousands of drones at Ukraine since the start of the war.",
    "Russia could fire 100 missiles at Ukraine this winter, officials warned.",
    "It was a quiet weekend after Friday's missile and drone attacks across the country on Ukraine's grid.",
    "Ukraine has been conducting drone strikes into Russia for months, including a barrage last weekend.",
    "Ukraine's air force said Russia used 90 drones in the war's first winter, the ministry's report said.",
    "Russia's war on Ukraine has killed thousands of civilians, the United Nations said.",
])
def test_no_barrage_in_commentary_campaigns_or_background(pipeline, monkeypatch, sentence):
    assert not _at_the_capital(_events(pipeline, monkeypatch, sentence), pipeline)


def test_a_barrage_under_a_wire_dateline_is_at_the_country_not_the_dateline(pipeline, monkeypatch):
    from geo.text.ingest import read

    text = ("KHARKIV, June 3 (Wire) - Russia fired dozens of missiles at Ukraine's power grid on Tuesday, officials "
            "said.\n\nRepairs began in the afternoon, the grid operator said.")
    monkeypatch.setattr(pipeline, "without", frozenset())
    events = pipeline.parse(read(text.encode("utf-8"), "article.txt")).events
    assert len(_at_the_capital(events, pipeline)) == 1 and len(events) == 1


def test_a_barrage_whose_town_is_named_stays_at_the_town(pipeline, monkeypatch):
    text = "Russia launched 40 drones at Kharkiv overnight, the mayor said."
    assert event_kinds(pipeline, monkeypatch, text) == [("Air/drone strike", "Kharkiv")]


def test_the_speaker_of_a_country_is_not_the_country_struck(pipeline, monkeypatch):
    # "Ukraine's air force said": a possessive that speaks, not a target.
    text = "Russia launched 70 drones overnight, Ukraine's air force said."
    assert not _at_the_capital(_events(pipeline, monkeypatch, text), pipeline)
