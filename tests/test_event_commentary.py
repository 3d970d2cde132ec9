"""Issue 20, precision, eighth round: violence named in a tally over the war's course, over a
season, or as going on without end is no event (geo/events/commentary.py). Made-up sentences;
each rule switched off shows what it changes."""

from __future__ import annotations

import pytest

from factories import event_kinds


_STORY = "Russian forces shelled Kherson on Tuesday, the governor said. "


@pytest.mark.parametrize("sentence", [
    "A total of five grain ships have now been hit in Mykolaiv since the start of the invasion.",
    "Moscow has claimed throughout the summer that its troops captured villages near Bakhmut.",
    "At the height of the offensive, Russian soldiers occupied parts of Mariupol.",
])
def test_a_tally_over_the_wars_course_is_no_event(pipeline, monkeypatch, sentence):
    on = event_kinds(pipeline, monkeypatch, _STORY + sentence)
    off = event_kinds(pipeline, monkeypatch, _STORY + sentence, off={"over_the_wars_course"})
    assert len(off) == 2 and len(on) == 1 and on[0][1] == "Kherson"


def test_a_raid_throughout_the_night_is_still_an_event(pipeline, monkeypatch):
    text = "Russian drones attacked Kharkiv throughout the night, the mayor said."
    assert event_kinds(pipeline, monkeypatch, text)


@pytest.mark.parametrize("sentence", [
    "Russian troops shelled the outskirts of Mariupol day and night, the governor said.",
    "In Zaporizhzhia, officials said artillery fire and drone attacks continued intermittently.",
])
def test_violence_without_end_is_a_pattern(pipeline, monkeypatch, sentence):
    on = event_kinds(pipeline, monkeypatch, _STORY + sentence)
    off = event_kinds(pipeline, monkeypatch, _STORY + sentence, off={"day_and_night"})
    assert len(off) == 2 and len(on) == 1 and on[0][1] == "Kherson"


def test_every_charge_an_accusation_lists_is_a_claim(pipeline, monkeypatch):
    sentence = ("A former officer accused Russia of cutting off water to villages near Kherson and of shelling a "
                "maternity hospital in Mykolaiv.")
    on = event_kinds(pipeline, monkeypatch, "Russian drones struck Kharkiv on Tuesday, the mayor said. " + sentence)
    off = event_kinds(pipeline, monkeypatch, "Russian drones struck Kharkiv on Tuesday, the mayor said. " + sentence,
                      off={"accused_of_several"})
    assert [k[1] for k in on] == ["Kharkiv"] and len(off) == 2
