"""A list of regions read partly as towns (geo.events.recall.regions_of_a_list): "the western regions of A,
B, and C" is a list of regions even where the parse read B or C as the town the region is named after.
Made-up sentences and places."""

from __future__ import annotations

from factories import parse_by_hand
from geo.events.extract import Extractor
from geo.rules import switched_off
from geo.types import Place

CAPITAL = Place("t:capital", "Stolytsia", 50.0, 30.0, "city", "UA", "Stolytsia", "UA.90", 2_900_000)
FOREST = Place("t:forest", "Lisove Oblast", 49.5, 25.0, "region", "UA", "Lisove Oblast", "UA.93")
RIVER = Place("t:river", "Richkove", 49.4, 27.0, "city", "UA", "Richkove Oblast", "UA.94", 270_000)
HILLS = Place("t:hills", "Kamianohir", 50.3, 28.7, "city", "UA", "Kamianohir Oblast", "UA.95", 260_000)
SEATS = {"UA.90": CAPITAL, "UA.93": None, "UA.94": RIVER, "UA.95": HILLS}
TEXT = ("Russian missiles and drones struck the city of Stolytsia and the western regions of Lisove, Richkove, "
        "and Kamianohir overnight, the air force said.")
PLACES = {"Stolytsia": CAPITAL, "Lisove": FOREST, "Richkove": RIVER, "Kamianohir": HILLS}


def _places(off=()):
    with switched_off(frozenset(off)):
        return [e.place.name for e in Extractor().extract(parse_by_hand(TEXT, PLACES), SEATS.get) if e.place]


def test_each_region_of_the_list_is_a_place_of_the_action():
    assert {"Richkove", "Kamianohir"} <= set(_places())
    assert not {"Richkove", "Kamianohir"} & set(_places(off=("regions_of_a_list",)))


def test_towns_not_listed_as_regions_stay_context():
    text = "Russian missiles struck the city of Stolytsia overnight, and Richkove said it would send rescuers."
    with switched_off(frozenset()):
        names = [e.place.name for e in Extractor().extract(parse_by_hand(text, PLACES), SEATS.get) if e.place]
    assert "Richkove" not in names
