"""The day and the place of events in wire copy, Ukrainian outlets and liveblogs (issue 20, fifth
round): kinds of error read off the real-news dev set, each pinned by sentences of our own and
its rule switched off once to show it decides what the test says."""

from __future__ import annotations

from geo.evaluate.articles import Article, document
from geo.types import Document
from test_namesakes import pipeline, without  # noqa: F401 - the loaded pipeline, and rules switched off on it


def events(pipeline, text, day="2024-05-06"):
    return pipeline.parse(Document(text, date=day)).events


# -- how `geo eval` hands an article over -------------------------------------------------------

WIRE = "KRAMATORSK, Ukraine, May 3, 2024 (AP) — Russian drones struck Kramatorsk overnight, officials said."


def test_the_files_stated_date_beats_a_date_the_text_writes():
    # An upload's stated metadata (front matter, HTML meta) beats the text's dateline; the coded
    # date is the source file's, so it does in `geo eval` too.
    assert document(Article("a", WIRE, "2024-05-04", ())).date == "2024-05-04"


def test_the_texts_own_date_serves_where_the_file_states_none():
    assert document(Article("a", WIRE, None, ())).date == "2024-05-03"
