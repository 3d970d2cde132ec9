"""Toponym resolution: choose, for each mention, the place it most likely means.

Each candidate gets a prior (how well the name matched, feature type, population, importance)
and then document context, in two passes: the first pass resolves every mention on priors
alone; the places it is sure of (countries, regions, unambiguous names) become the story's
context — the countries and regions it is about and where it happens — and the second pass
re-ranks every mention with that context. "City, State" pairs bind the city to that state.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from geo.gazetteer import ABBREVIATION, ALIAS, ALTERNATE, DEMONYM, PRIMARY, TRANSLIT, Candidate
from geo.rules import on
from geo.types import Place

_KIND_BONUS = {PRIMARY: 1.0, ALIAS: 0.9, ABBREVIATION: 0.9, DEMONYM: 1.0, ALTERNATE: 0.2, TRANSLIT: 0.5}
_FEATURE_PRIOR = {
    "country": 3.0, "continent": 4.0, "region": 1.2, "sea": 3.0, "river": 2.0, "historical_region": 2.5,
    "district": -0.5, "city": 0.0,
}
# Same-feature families: a hint "region" is satisfied by either admin level, a "dam" by a
# power plant on the dam.
_HINT_FAMILIES = {"region": {"region", "district", "historical_region"}, "district": {"district", "region"},
                  "dam": {"dam", "power_plant", "reservoir"}, "power_plant": {"power_plant", "dam"},
                  "city": {"city"}, "lake": {"lake", "reservoir"}, "reservoir": {"reservoir", "lake", "dam"}}


_YIELDS_TO_CITY = 10.0
NEAR, NEAR_KM = 4.0, 50.0  # bonus for lying near a place named in the same or next sentence
TOGETHER, TOGETHER_KM = 1.5, 50.0  # bonus for lying near a possible reading of another name
_POINT_FEATURES = {"city", "district", "dam", "power_plant", "bridge", "reservoir", "lake", "island", "mountain"}
PLAUSIBLE = 5.0  # score gap within which a reading still counts as possible
SOFT_COUNTRY = 3.0
SOFT_REGION = 3.0
VOTE_SCALE = 2.0  # a reading this many points below the best votes 1/e as much


@dataclass(slots=True)
class Context:
    countries: Counter
    regions: Counter
    points: list[tuple[float, float]]
    soft_countries: dict[str, float] | None = None
    soft_regions: dict[str, float] | None = None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def reach_km(place: Place, lat: float, lon: float) -> float:
    """Km from a point to a place; to the nearest bend of a river whose course is known (the
    Oskil runs past Kupiansk, though its midpoint lies 80 km away)."""
    vertices = line_vertices(place.geometry)
    if vertices:
        return min(distance_km(la, lo, lat, lon) for lo, la in vertices)
    return distance_km(place.lat, place.lon, lat, lon)


def line_vertices(geometry: dict | None) -> list:
    """The (lon, lat) vertices of a LineString or MultiLineString; [] for anything else."""
    kind, coords = (geometry or {}).get("type"), (geometry or {}).get("coordinates") or []
    if kind == "LineString":
        return list(coords)
    if kind == "MultiLineString":
        return [v for line in coords for v in line]
    return []


def prior(c: Candidate, hint: str = "") -> float:
    place = c.place
    score = _KIND_BONUS.get(c.kind, 0.0) - (0.6 if c.loose else 0.0)
    score += _FEATURE_PRIOR.get(place.feature, 1.5)
    # Summed populations make regions look bigger than they are famous.
    weight = 0.2 if place.feature in {"region", "district"} else 0.55
    # A country's fame is already in its feature prior; importance marks capitals and landmarks.
    score += math.log10(place.population + 1) * weight
    score += c.importance * 1.2 if place.feature != "country" else 0.0
    if place.feature in {"region", "district"} and c.kind == ALIAS and not hint:
        score -= 1.5  # "Kherson" alone means the city, not Kherson Oblast
    if hint:
        family = _HINT_FAMILIES.get(hint, {hint})
        score += 4.0 if place.feature in family else -3.0
    return score


def context_score(place: Place, ctx: Context, own_country_votes: int = 0) -> float:
    score = 0.0
    total = sum(ctx.countries.values())
    if total:
        share = (ctx.countries.get(place.country, 0) - own_country_votes) / total
        score += 3.0 * max(0.0, share)
    if place.admin1_code and ctx.regions.get(place.admin1_code):
        score += 1.5
    if ctx.soft_countries:
        score += SOFT_COUNTRY * ctx.soft_countries.get(place.country, 0.0)
    if ctx.soft_regions and place.admin1_code:
        score += SOFT_REGION * ctx.soft_regions.get(place.admin1_code, 0.0)
    if ctx.points and place.feature not in {"country", "continent"}:
        nearest = min(reach_km(place, la, lo) for la, lo in ctx.points)
        score += 1.5 * max(0.0, 1.0 - nearest / 800.0)
    return score


def rank(cands: tuple[Candidate, ...], hint: str = "", ctx: Context | None = None,
         container: Place | None = None, near: list[tuple[float, float]] = (),
         together: "Together | None" = None, own: str = "") -> list[tuple[float, Candidate]]:
    scored = []
    # "Novorossiysk" is a city of 240,000 by its own name and, in GeoNames, the old name of a
    # hamlet: a place that only once bore a big city's name yields to the city.
    big = max((c.place.population for c in cands if c.kind <= ALIAS), default=0) if on("yields_to_city") else 0
    for c in cands:
        s = prior(c, hint)
        if c.kind >= ALTERNATE and big >= 100_000 and c.place.population * 50 < big:
            s -= _YIELDS_TO_CITY
        if ctx is not None:
            s += context_score(c.place, ctx)
        if container is not None:
            s += _containment(c.place, container)
        if near and c.place.feature not in {"country", "continent"}:
            closest = min(reach_km(c.place, la, lo) for la, lo in near)
            s += NEAR * max(0.0, 1.0 - closest / NEAR_KM)
        if together is not None and c.place.feature in _POINT_FEATURES:
            s += TOGETHER * max(0.0, 1.0 - together.nearest(c.place, own) / TOGETHER_KM)
        scored.append((s, c))
    scored.sort(key=lambda x: -x[0])
    return scored


class Together:
    """The possible readings of every name in a story, bucketed by whole degrees.

    "Huntsville" and "Walker County" are each in Alabama and in Texas, but only the Texas pair
    lie within a few kilometres of each other: readings that sit next to a possible reading of
    another name are likelier (the spatial-minimality idea of many geoparsers, softened to a
    bonus). Only towns and districts count; regions and countries are near everything.
    """

    def __init__(self, ranked: list[list[tuple[float, Candidate]]], keys: list[str]):
        self.cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        seen = set()
        for scored, k in zip(ranked, keys):
            if not scored or k in seen:
                continue
            seen.add(k)
            top = scored[0][0]
            for s, c in scored[:12]:
                if s >= top - PLAUSIBLE and c.place.feature in _POINT_FEATURES:
                    cell = (math.floor(c.place.lat), math.floor(c.place.lon))
                    self.cells.setdefault(cell, []).append((k, c.place.lat, c.place.lon))

    def nearest(self, place: Place, own: str) -> float:
        """Km to the nearest possible reading of another name (infinity when none is close)."""
        la, lo = math.floor(place.lat), math.floor(place.lon)
        best = math.inf
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                for k, lat, lon in self.cells.get((la + dla, lo + dlo), ()):
                    if k != own:
                        best = min(best, distance_km(place.lat, place.lon, lat, lon))
        return best


def _containment(place: Place, container: Place) -> float:
    """"Springfield, Ill.": the city must lie in the state (or country) that follows it."""
    if container.feature == "country":
        return 4.0 if place.country == container.country else -2.0
    if container.feature in {"region", "district"}:
        score = 6.0 if place.admin1_code and place.admin1_code == container.admin1_code else -2.0
        if container.feature == "district" and container.admin2_code and place.admin2_code and on("raion_binds"):
            # "Ivanivka, Izium raion": of the oblast's Ivanivkas, the one in that raion.
            score += 2.0 if place.admin2_code == container.admin2_code else 0.0
        return score
    return 0.0


def build_context(choices: list[tuple[float, Candidate] | None]) -> Context:
    """What the story is about, from the mentions resolved with confidence."""
    countries: Counter = Counter()
    regions: Counter = Counter()
    points = []
    for choice in choices:
        if choice is None:
            continue
        _, c = choice
        place = c.place
        if place.country:
            countries[place.country] += 1
        if place.admin1_code:
            regions[place.admin1_code] += 1
        if place.feature not in {"country", "continent", "sea"}:
            points.append((place.lat, place.lon))
    # One point per place: a name repeated 20,000 times is not 20,000 distances to take.
    return Context(countries, regions, list(dict.fromkeys(points)))


def soft_votes(ranked: list[list[tuple[float, Candidate]]], keys: list[str]):
    """Per name, how much each country and admin-1 region is among its likely readings.

    Every ambiguous name is a weak vote for the regions its readings lie in; together the
    names of a story agree on where it happens ("Decatur" and "Athens" with "Gainesville":
    Georgia), even when no single name is sure.
    """
    votes: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    for scored, k in zip(ranked, keys):
        if not scored or k in votes:
            continue
        # Every plausible reading votes for its region: "Decatur", "Athens" and "Gainesville"
        # each have a Georgia reading, although none of them is Georgia's best. A reading far
        # below the best votes less: "Washington" is hardly a vote for Illinois.
        top = scored[0][0]
        countries: dict[str, float] = {}
        regions: dict[str, float] = {}
        for s, c in scored[:12]:
            if s < top - PLAUSIBLE:
                break
            w = math.exp(-(top - s) / VOTE_SCALE)
            if c.place.country:
                countries[c.place.country] = max(countries.get(c.place.country, 0.0), w)
            if c.place.admin1_code:
                regions[c.place.admin1_code] = max(regions.get(c.place.admin1_code, 0.0), w)
        votes[k] = (countries, regions)
    return votes


def others(votes, own: str) -> tuple[dict[str, float], dict[str, float]]:
    """The votes of every name but ``own``, as shares of the other names."""
    countries: Counter = Counter()
    regions: Counter = Counter()
    n = 0
    for k, (c, r) in votes.items():
        if k == own:
            continue
        n += 1
        countries.update(c)
        regions.update(r)
    if not n:
        return {}, {}
    return ({k: v / n for k, v in countries.items()}, {k: v / n for k, v in regions.items()})


def confidence(scored: list[tuple[float, Candidate]]) -> float:
    if not scored:
        return 0.0
    if len(scored) == 1:
        return 0.95
    margin = scored[0][0] - scored[1][0]
    return round(1.0 / (1.0 + math.exp(-1.5 * margin)), 3)
