"""Zero-width marks between words (geo.events.invisible): wire copy republished on the web scatters
invisible marks between words; the event rules read the sentence without them, and the events
quote the text as written. The sentences are made up."""

from __future__ import annotations

import pytest

from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2025-03-04"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


@pytest.mark.parametrize("sentence", [
    "The defence ministry said on Tuesday its \u200bforces \u200dhad \u200btaken \u200bcontrol of the village of "
    "\u200dIvanivka, state media reported.",
    "Ukrainian air defence units \u200bshot \u2060down 14 drones over \u200cKherson overnight, the governor said "
    "on Tuesday.",
    "Russian units \u200btook \u200bcontrol \u200bof \u200dVovchansk on Tuesday, the ministry said.",
])
def test_marks_between_words_hide_no_action(pipeline, monkeypatch, sentence):
    events = _events(pipeline, monkeypatch, sentence)
    assert len(events) == 1
    e = events[0]
    assert e.sentence.text == sentence  # quoted as written, marks and all
    assert sentence[e.sentence.start:e.sentence.end] == sentence
    assert e.mention is not None and sentence[e.mention.start:e.mention.end] == e.mention.text
    assert not _events(pipeline, monkeypatch, sentence, off=("triggers_read_without_marks",))


def test_offsets_after_marks_point_into_the_text_as_written(pipeline, monkeypatch):
    text = ("Officials \u200bsaid \u200dthe \u200bmarket was busy on Monday.\n\n"
            "Russian \u200btroops \u200bshelled \u200dKharkiv on Tuesday, the governor said.")
    events = _events(pipeline, monkeypatch, text)
    assert [e.place.name for e in events if e.place] == ["Kharkiv"]
    e = events[0]
    assert text[e.mention.start:e.mention.end] == "Kharkiv"
    assert text[e.sentence.start:e.sentence.end] == e.sentence.text
    assert e.sentence.text.startswith("Russian \u200btroops")


def test_a_mark_inside_a_word_is_left_to_the_name_keys(pipeline, monkeypatch):
    text = "Russian troops shelled Kher\u200bson on Tuesday, the governor said."
    events = _events(pipeline, monkeypatch, text)
    assert len(events) == 1 and events[0].sentence.text == text
