"""Captures told in the present tense of a headline or a live update (geo.events.headlinese). The
sentences are made up."""

from __future__ import annotations

import pytest

from factories import event_kinds


@pytest.fixture(scope="module")
def pipeline(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize("text, place", [
    ("Russia claims capture of Vovchansk in Kharkiv region, the defence ministry said on Tuesday.", "Vovchansk"),
    ("Russia seizes Vovchansk, the defence ministry said on Tuesday.", "Vovchansk"),
])
def test_a_capture_told_in_the_present_is_a_capture(pipeline, monkeypatch, text, place):
    found = event_kinds(pipeline, monkeypatch, text)
    assert ("Non-state actor overtakes territory", place) in found, found
    assert ("Non-state actor overtakes territory", place) not in event_kinds(
        pipeline, monkeypatch, text, off=("capture_in_the_present",))


@pytest.mark.parametrize("text", [
    "If Russia seizes Kherson, the war could last years, analysts said.",
    "Russia hopes it seizes Huliaipole before winter, analysts said.",
])
def test_a_capture_hoped_for_is_none(pipeline, monkeypatch, text):
    assert not event_kinds(pipeline, monkeypatch, text)
