"""Issue 20, second recall round: kinds of events a reader of war news codes that the extractor
missed. Each kind is a named switch; the sentences are made up, in the styles of the copy."""

from __future__ import annotations

import pytest

from factories import event_kinds
from geo.types import Document


@pytest.fixture(scope="module")
def pipeline(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


_kinds = event_kinds


def test_a_sentence_ending_in_a_footnote_mark_is_no_heading(pipeline, monkeypatch):
    # An analyst's note: each sentence on a line of its own, a footnote mark after its stop.
    text = ("Russian forces continued offensive operations in the Kramatorsk direction on February 26 but did not "
            "advance.\nRussian forces attacked northeast of Kramatorsk toward Kostiantynivka and southeast of "
            "Kramatorsk near Druzhkivka on February 26.[77]\nOrder of Battle: Elements of a Russian regiment "
            "continue to operate in the Kramatorsk direction.[78]")
    kinds = _kinds(pipeline, monkeypatch, text, day="2026-02-27")
    assert kinds == [("Armed clash", "Kostyantynivka"), ("Armed clash", "Druzhkivka")]
    assert _kinds(pipeline, monkeypatch, text, day="2026-02-27", off=("footnote_ends_no_heading",)) == []
