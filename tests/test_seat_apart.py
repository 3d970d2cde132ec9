"""A region whose seat is a city outside it (geo.events.seat_apart): the region around a capital that is
a region of its own is told apart from the capital. Made-up sentences and places: a capital with an
admin code of its own, the region around it whose seat it is, and a region holding its own seat."""

from __future__ import annotations

from factories import parse_by_hand
from geo.events.extract import Extractor
from geo.rules import switched_off
from geo.types import REGION_ONLY, Place

CAPITAL = Place("t:capital", "Stolytsia", 50.0, 30.0, "city", "UA", "Stolytsia", "UA.90", 2_900_000)
AROUND = Place("t:around", "Okolytsia Oblast", 50.1, 30.4, "region", "UA", "Okolytsia Oblast", "UA.91")
TOWN = Place("t:town", "Kraiove", 49.0, 36.0, "city", "UA", "Krai Oblast", "UA.92", 1_400_000)
REGION = Place("t:region", "Krai Oblast", 49.2, 36.3, "region", "UA", "Krai Oblast", "UA.92")
SEATS = {"UA.90": CAPITAL, "UA.91": CAPITAL, "UA.92": TOWN}


def _events(text: str, places: dict, off=()):
    parsed = parse_by_hand(text, places)
    with switched_off(frozenset(off)):
        return Extractor().extract(parsed, SEATS.get)


def test_the_region_around_the_capital_is_an_event_of_its_own():
    text = ("Russian drones struck Stolytsia overnight, damaging two apartment blocks, the mayor said.\n\n"
            "In Okolytsia Oblast, a man was killed in the Russian drone attack, the regional governor said.")
    places = {"Stolytsia": CAPITAL, "Okolytsia Oblast": AROUND}
    at_capital = [e for e in _events(text, places) if e.place == CAPITAL]
    assert len(at_capital) == 2
    assert sorted(e.precision for e in at_capital)[-1] == REGION_ONLY  # the region's, at its seat
    assert len([e for e in _events(text, places, off=("region_apart_from_its_seat",)) if e.place == CAPITAL]) == 1


def test_a_region_holding_its_seat_is_still_told_with_it():
    text = ("Russian drones struck Kraiove overnight, damaging two apartment blocks, the mayor said.\n\n"
            "In Krai Oblast, a man was killed in the Russian drone attack, the regional governor said.")
    events = _events(text, {"Kraiove": TOWN, "Krai Oblast": REGION})
    assert len([e for e in events if e.place == TOWN]) == 1
