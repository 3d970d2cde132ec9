"""A capital addressed by a statement ('calling on X to', 'condemned X for', 'blamed the shelling on X')
is the government spoken to, no place of the event (geo/events/addressed.py). Made-up sentences;
the capitals are asserted by country."""

from __future__ import annotations

import pytest

from geo.types import Document


def _capitals(pipeline, monkeypatch, text, off=()):
    from geo.events.places import is_capital

    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return [e.place.country for e in pipeline.parse(Document(text, date="2025-03-04")).events
            if e.place is not None and is_capital(e.place)]


@pytest.mark.parametrize("text, country", [
    ("Drones hit a market in Kupiansk on Sunday. Western leaders condemned Moscow for the shelling, "
     "which killed four people.", "RU"),
    ("Shelling damaged a hospital in Horlivka. Occupation officials blamed the shelling on Kyiv, and the mayor "
     "was calling on Kyiv to halt the shelling, which killed a nurse.", "UA"),
    ("Shelling damaged a hospital in Horlivka. The occupation mayor was urging Kyiv to stop the shelling, "
     "which killed a nurse.", "UA"),
])
def test_a_capital_addressed_is_no_place_of_the_event(pipeline, monkeypatch, text, country):
    assert country not in _capitals(pipeline, monkeypatch, text)
    assert country in _capitals(pipeline, monkeypatch, text, off={"capital_addressed"})


def test_a_strike_on_the_capital_is_still_there(pipeline, monkeypatch):
    text = "Russian missiles struck Kyiv overnight, and the mayor urged residents to stay in shelters."
    assert "UA" in _capitals(pipeline, monkeypatch, text)
