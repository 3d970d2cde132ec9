"""One name key for corrections, the geocoder cache and the gazetteer's loose matching."""

from __future__ import annotations

from factories import parse_by_hand
from geo.corrections import apply_corrections
from geo.geocoders.cache import GeocodeCache
from geo.namekey import name_key
from geo.names import loose
from geo.store import Correction
from geo.types import Place

SIEVIERODONETSK = Place("gn:1", "Sievierodonetsk", 48.95, 38.49, "city", "UA", "Luhansk Oblast", "UA.14", 100000)
ELSEWHERE = Place("user:48.9,38.4", "a pin", 48.9, 38.4, "city", "UA", source="user")


def test_romanisations_share_one_key_and_a_key_is_its_own_key():
    spellings = ["Severodonetsk", "Sievierodonetsk", "Syevyerodonets'k", "SEVERODONETSK"]
    assert len({name_key(s) for s in spellings}) == 1
    assert name_key(name_key("Kupiansk")) == name_key("Kupiansk") == name_key("Kupyansk")
    assert name_key("Kherson") != name_key("Kharkiv")
    assert name_key("Sievierodonetsk") == loose("Sievierodonetsk")  # the gazetteer's loose key


def test_a_correction_for_one_spelling_applies_to_another():
    parsed = parse_by_hand("Shelling hit Sievierodonetsk overnight.", {"Sievierodonetsk": SIEVIERODONETSK})
    # Stored the way the store writes names ("severodonetsk"), as the user typed another spelling.
    fixed = apply_corrections(parsed, [Correction(1, "severodonetsk", "", ELSEWHERE, "", True)])
    assert fixed.resolutions[0].place == ELSEWHERE


def test_the_geocoder_cache_answers_every_spelling(tmp_path):
    cache = GeocodeCache(tmp_path / "cache.sqlite")
    cache.put("nominatim", "Severodonetsk", None, 5, [SIEVIERODONETSK])
    assert cache.get("nominatim", "Sievierodonetsk", None, 5) == [SIEVIERODONETSK]
