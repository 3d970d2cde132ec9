"""The grid of points (geo/geoparse/nearby.py) and the per-name tallies (geo/geoparse/tally.py) give exactly what a
scan of every point and a sum over every other name give: resolution reads the same floats."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest

from geo.geoparse.nearby import Grid, Nearby, distance_km
from geo.geoparse.tally import Tally

CLUSTERS = [(48.5, 35.0), (89.7, 0.0), (-89.9, 120.0), (0.0, 179.95), (-60.0, -179.99), (64.8, -147.7)]


def scattered(rng: random.Random, n: int, spread: float) -> list[tuple[float, float, str]]:
    """Points round the globe and crowded round the poles, the antimeridian and Ukraine."""
    points = []
    for _ in range(n):
        if rng.random() < 0.2:
            lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        else:
            clat, clon = rng.choice(CLUSTERS)
            lat = max(-90.0, min(90.0, clat + rng.uniform(-spread, spread)))
            lon = (clon + rng.uniform(-spread, spread) + 180) % 360 - 180
        points.append((lat, lon, rng.choice("abc")))
    return points + [(90.0, 0.0, "a"), (10.0, 180.0, "b"), (10.0, -180.0, "c")]


@pytest.mark.parametrize("n, spread", [(0, 1.0), (40, 5.0), (600, 2.0), (5000, 0.05)])
def test_nearest_is_the_minimum_over_every_point(n, spread):
    rng = random.Random(n)
    points = scattered(rng, n, spread)
    grid = Grid(points)
    if n == 5000:
        assert any(not isinstance(c, tuple) for c in grid._cells._cells.values())  # crowded: finer cells
    for lat, lon, _ in scattered(rng, 150, 2 * spread):
        for within, skip in ((math.inf, "a"), (50.0, "b"), (800.0, "z"), (0.5, "c")):
            every = min((distance_km(lat, lon, a, b) for a, b, tag in points if tag != skip), default=math.inf)
            assert grid.nearest(lat, lon, within, skip) == (every if every < within else math.inf)


def test_nearby_leaves_out_one_name_and_measures_a_river_from_its_nearest_bend():
    kyiv, kharkiv = (50.45, 30.52, "kyiv"), (49.99, 36.23, "kharkiv")
    nearby = Nearby([Grid([kyiv]), Grid([kharkiv])], "kyiv")
    assert nearby and not Nearby([Grid([kyiv])], "kyiv")
    assert nearby.km(50.45, 30.52) == distance_km(50.45, 30.52, 49.99, 36.23)

    class River:
        lat, lon = 48.0, 30.0
        geometry = {"type": "LineString", "coordinates": [[30.0, 48.0], [36.0, 50.0], [38.0, 51.0]]}

    assert nearby.reach(River) == distance_km(50.0, 36.0, 49.99, 36.23)
    assert nearby.reach(River, within=1.0) == math.inf


def test_a_tally_less_one_name_is_the_sum_of_the_others_in_any_order():
    rng = random.Random(3)
    votes = [(f"name{i % 50}", rng.choice("ABCD"), rng.random()) for i in range(500)]
    tally = Tally()
    for name, code, w in votes:
        tally.add(name, code, w)
    for name in ("name7", "nobody"):
        less = tally.less(name, per=3)
        for code in "ABCDE":
            others = [w for n, c, w in votes if c == code and n != name]
            assert less.get(code) == (float(sum(map(Fraction, others)) / 3) if others else 0)
        assert less.total == float(sum(Fraction(w) for n, _, w in votes if n != name) / 3)
