"""The day and the place of events in wire copy, Ukrainian outlets and liveblogs (issue 20, fifth
round): kinds of error read off the real-news dev set, each pinned by sentences of our own and
its rule switched off once to show it decides what the test says."""

from __future__ import annotations

from geo.evaluate.articles import Article, document
from geo.types import Document


def events(pipeline, text, day="2024-05-06"):
    return pipeline.parse(Document(text, date=day)).events


# -- how `geo eval` hands an article over -------------------------------------------------------

WIRE = "KRAMATORSK, Ukraine, May 3, 2024 (AP) — Russian drones struck Kramatorsk overnight, officials said."


def test_the_texts_own_date_beats_the_coded_one():
    # The coded date is the coder's reading of the article, not metadata its file states: it
    # stands in only where the text gives none, so a dateline misread stays an error in `geo eval`.
    assert document(Article("a", WIRE, "2024-05-04", ())).date == "2024-05-03"


def test_the_texts_own_date_serves_where_the_file_states_none():
    assert document(Article("a", WIRE, None, ())).date == "2024-05-03"


# -- the sentence: scraped copy whose line breaks are written out --------------------------------

ESCAPED = (r"The defence minister was seen on television for the first time in days.\nIn a video address "
           r"on May 4, the president vowed to hold the line.\nThe ministry said on May 5 that its jets downed "
           r"a helicopter near Kramatorsk.")


def test_a_written_line_break_after_a_full_stop_ends_the_sentence():
    from geo.text.sentences import split

    assert len(split(ESCAPED)) == 3
    assert len(split(ESCAPED.replace(r"\n", " "))) == 3  # an ordinary text splits as before


def test_the_day_of_one_written_paragraph_does_not_date_the_next(pipeline, without):
    found = [e for e in events(pipeline, ESCAPED, "2024-05-06") if e.place and e.place.name == "Kramatorsk"]
    assert [e.date for e in found] == ["2024-05-05"]
    without("escaped_line_breaks")
    found = [e for e in events(pipeline, ESCAPED, "2024-05-06") if e.place and e.place.name == "Kramatorsk"]
    assert [e.date for e in found] != ["2024-05-05"]


# -- the place: a town's name inside a compound adjective ----------------------------------------

def test_a_town_in_a_compound_adjective_is_no_place(pipeline, without):
    text = "Explosions rocked a munitions depot in Moscow-annexed Crimea, officials said."
    assert [e.place.name for e in events(pipeline, text)] == ["Crimea"]
    without("name_in_a_compound")
    assert [e.place.name for e in events(pipeline, text)] == ["Moscow"]


def test_pro_x_forces_are_not_at_x(pipeline):
    text = "At least five people were wounded after pro-Moscow forces stormed across the border near Kramatorsk."
    assert {e.place.name for e in events(pipeline, text)} <= {"Kramatorsk"}


# -- the sentence: copy that lost the space after a full stop -------------------------------------
GLUED = "The invasion began 795 days ago.Russian drones struck Kharkiv overnight. He was born in St.Petersburg."


def test_a_full_stop_glued_to_the_next_sentence_ends_it():
    from geo.rules import switched_off
    from geo.text.sentences import split

    assert [s.text for s in split(GLUED)] == ["The invasion began 795 days ago.", "Russian drones struck Kharkiv "
                                              "overnight.", "He was born in St.Petersburg."]
    with switched_off(frozenset({"glued_sentences"})):
        assert len(split(GLUED)) == 2
