"""Places listed with words of their own after each item (geo.events.list_items): a direction, a day,
their region in brackets, a repeated preposition. Each item is a place of the action, one event per
location. The sentences are made up."""

from __future__ import annotations

import pytest

from factories import event_kinds


_OFF = ("items_with_their_own_words",)


@pytest.mark.parametrize("text, places", [
    ("Russian missiles struck Sumy in the northeast, Rivne in the west and Mykolaiv in the south on Friday.",
     ["Sumy", "Rivne", "Mykolayiv"]),
    ("Russian forces captured Novoselivka over the weekend and Dachne on Monday.",
     ["Novoselivka", "Dachne"]),
    ("Ukrainian drones hit oil depots at Syzran and at Novorossiysk overnight, the governor said.",
     ["Syzran", "Novorossiysk"]),
    ("Russian artillery shelled Vovchansk (Kharkiv region), Kupiansk and Lyman on Tuesday.",
     ["Vovchansk", "Kupyansk", "Lyman"]),
])
def test_each_item_of_a_list_with_its_own_words_is_an_event(pipeline, monkeypatch, text, places):
    found = [p for _, p in event_kinds(pipeline, monkeypatch, text)]
    assert all(p in found for p in places), found
    off = [p for _, p in event_kinds(pipeline, monkeypatch, text, off=_OFF)]
    assert not all(p in off for p in places)


@pytest.mark.parametrize("text, places", [
    # a new speaker after the list ends it
    ("Russian artillery shelled Kherson on Monday, and in Odesa officials said the port was closed.", ["Kherson"]),
    # a town named to place the first item is no item of the list
    ("Russian drones struck Balakliia in the east of the Kharkiv region, the governor said.", ["Balakliya"]),
])
def test_what_is_no_list_stays_one_event(pipeline, monkeypatch, text, places):
    assert [p for _, p in event_kinds(pipeline, monkeypatch, text)] == places
