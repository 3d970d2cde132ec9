"""OpenStreetMap tags (Nominatim's class/type, Photon's osm_key/osm_value) -> geo.types.FEATURES.

Map styling and ranking only know our vocabulary, so every service answer is folded into it.
"""

from __future__ import annotations

from geo.types import FEATURES

_BY_VALUE = {  # the OSM value alone decides, whatever the key
    "country": "country", "state": "region", "region": "region", "province": "region",
    "county": "district", "district": "district", "municipality": "district",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "suburb": "city",
    "quarter": "city", "neighbourhood": "city", "borough": "city", "locality": "city",
    "isolated_dwelling": "city", "city_district": "city", "settlement": "city",
    "continent": "continent", "ocean": "sea", "sea": "sea",
    "island": "island", "islet": "island", "archipelago": "island",
    "river": "river", "canal": "river", "stream": "river",
    "lake": "lake", "pond": "lake", "body_of_water": "lake", "reservoir": "reservoir", "basin": "reservoir",
    "bay": "gulf", "gulf": "gulf", "strait": "strait",
    "peak": "mountain", "volcano": "mountain", "mountain_range": "mountain", "ridge": "mountain",
    "hill": "mountain", "dam": "dam", "weir": "dam",
    "aerodrome": "airport", "airport": "airport",
    "harbour": "port", "port": "port", "ferry_terminal": "port",
}

_BY_KEY = {  # fallback on the OSM key when the value says nothing we know
    "place": "city", "waterway": "river", "bridge": "bridge", "power": "power_plant",
    "aeroway": "airport", "harbour": "port", "industrial": "industrial",
}

_BY_TAG = {  # pairs whose value means something else under another key
    ("man_made", "bridge"): "bridge", ("power", "plant"): "power_plant",
    ("power", "generator"): "power_plant", ("landuse", "industrial"): "industrial",
    ("man_made", "works"): "industrial", ("landuse", "reservoir"): "reservoir",
    ("natural", "water"): "lake", ("natural", "coastline"): "sea",
}


def from_osm(key: str, value: str, *, water: str = "") -> str:
    """Feature for an OSM key/value; `water` is the water=* subtag when the service gives it."""
    key, value = (key or "").lower(), (value or "").lower()
    if key == "natural" and value == "water" and water:
        return _BY_VALUE.get(water, "lake")
    feature = _BY_TAG.get((key, value)) or _BY_VALUE.get(value) or _BY_KEY.get(key) or "landmark"
    assert feature in FEATURES, feature
    return feature


def from_rank(place_rank: int) -> str:
    """Nominatim's search rank, for administrative boundaries whose type is just 'administrative'."""
    if place_rank <= 3:
        return "continent"
    if place_rank == 4:
        return "country"
    if place_rank <= 9:
        return "region"
    if place_rank <= 12:
        return "district"
    return "city"
