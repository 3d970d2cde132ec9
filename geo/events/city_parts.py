"""A big city's own sections ("the Industrialnyi district", "Slobidskyi"), which the gazetteer keeps
as towns of their own: a strike on one is a strike on the city the story tells of that day."""

from __future__ import annotations

from geo.distance import distance_km
from geo.rules import on, switch
from geo.types import Place

SECTION_KM = 15.0  # a big city's districts lie this close to its centre
BIG_CITY = 300_000  # people: a city with districts the gazetteer lists as towns
SECTION_SHARE = 3  # a section holds at most this share of the city's people (1/3)

switch("city_section_is_the_city", "'a barrage struck Kharkiv' ... 'the Industrialnyi district was hit hardest': a big "
       "city's district, which the gazetteer lists as a town, is part of the city: one attack, not two")


def section_of(city: Place, place: Place) -> bool:
    """Whether ``place`` is a section of the big city ``city`` (a town of the gazetteer's inside it)."""
    return (on("city_section_is_the_city") and city.feature == "city" and place.feature == "city"
            and place.id != city.id and city.population >= BIG_CITY
            and place.population * SECTION_SHARE <= city.population
            and bool(city.admin1_code) and place.admin1_code == city.admin1_code
            and distance_km(place.lat, place.lon, city.lat, city.lon) <= SECTION_KM)
