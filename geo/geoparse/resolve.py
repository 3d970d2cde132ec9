"""Toponym resolution: choose, for each mention, the place it most likely means.

Each candidate gets a prior (how well the name matched, feature type, population, importance)
and then document context, in two passes: the first pass resolves every mention on priors
alone; the places it is sure of (countries, regions, unambiguous names) become the story's
context — the countries and regions it is about and where it happens — and the second pass
re-ranks every mention with that context. "City, State" pairs bind the city to that state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from geo.gazetteer import ABBREVIATION, ALIAS, ALTERNATE, DEMONYM, PRIMARY, TRANSLIT, Candidate
from geo.distance import distance_km  # noqa: F401 - geo.geoparse.resolve.distance_km, as before
from geo.geoparse.nearby import Grid, Nearby
from geo.rules import on, switch
from geo.geoparse.tally import Less, Tally
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
switch("yields_to_city", "'Novorossiysk': a place that only once bore a big city's name (an alternate or "
       "former name) yields to the city of 100,000 that bears it")
NEAR, NEAR_KM = 4.0, 50.0  # bonus for lying near a place named in the same or next sentence
TOGETHER, TOGETHER_KM = 1.5, 50.0  # bonus for lying near a possible reading of another name
_POINT_FEATURES = {"city", "district", "dam", "power_plant", "bridge", "reservoir", "lake", "island", "mountain"}
PLAUSIBLE = 5.0  # score gap within which a reading still counts as possible
SOFT_COUNTRY = 3.0
SOFT_REGION = 3.0
VOTE_SCALE = 2.0  # a reading this many points below the best votes 1/e as much


@dataclass(slots=True)
class Context:
    """What the story is about, as one name sees it: the story's other names (``Evidence``)."""

    countries: Less  # confident places per country
    regions: Less  # confident places per admin-1 region
    points: Nearby | None  # confident places that are points
    soft_countries: Less | None = None  # shares of the soft votes (``soft_votes``)
    soft_regions: Less | None = None


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
    total = ctx.countries.total
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
        nearest = ctx.points.reach(place, STORY_KM)
        score += 1.5 * max(0.0, 1.0 - nearest / STORY_KM)
    return score


STORY_KM = 800.0  # a reading this far from every place the story is sure of gets no nearness bonus


def rank(cands: tuple[Candidate, ...], hint: str = "", ctx: Context | None = None,
         container: Place | None = None, near: Nearby | None = None,
         together: "Together | None" = None, own: str = "") -> list[tuple[float, Candidate]]:
    scored = []
    near = near if near else None  # asked once: whether any point is left without the name's own
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
        if near is not None and c.place.feature not in {"country", "continent"}:
            closest = near.reach(c.place, NEAR_KM)
            s += NEAR * max(0.0, 1.0 - closest / NEAR_KM)
        if together is not None and c.place.feature in _POINT_FEATURES:
            s += TOGETHER * max(0.0, 1.0 - together.nearest(c.place, own) / TOGETHER_KM)
        scored.append((s, c))
    scored.sort(key=lambda x: -x[0])
    return scored


class Together:
    """The possible readings of every name in a story, in a grid (geo/geoparse/nearby.py).

    "Huntsville" and "Walker County" are each in Alabama and in Texas, but only the Texas pair
    lie within a few kilometres of each other: readings that sit next to a possible reading of
    another name are likelier (the spatial-minimality idea of many geoparsers, softened to a
    bonus). Only towns and districts count; regions and countries are near everything.
    """

    def __init__(self, ranked: list[list[tuple[float, Candidate]]], keys: list[str]):
        points = []
        seen = set()
        for scored, k in zip(ranked, keys):
            if not scored or k in seen:
                continue
            seen.add(k)
            top = scored[0][0]
            for s, c in scored[:12]:
                if s >= top - PLAUSIBLE and c.place.feature in _POINT_FEATURES:
                    points.append((c.place.lat, c.place.lon, k))
        self.grid = Grid(points)

    def nearest(self, place: Place, own: str) -> float:
        """Km to the nearest possible reading of another name (infinity when none is as near as
        TOGETHER_KM, the most that earns a bonus)."""
        return self.grid.nearest(place.lat, place.lon, TOGETHER_KM, own)


switch("raion_binds", "'Ivanivka, Izium raion, Kharkiv': the raion named after a village binds it "
       "among the oblast's namesakes")


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


class Evidence:
    """What a story says about where it happens, tallied once for all its names: the places it
    resolved with confidence and the soft votes of every name. ``context(k)`` is what name
    ``k`` sees of it: everything but its own part, in one subtraction (geo/geoparse/tally.py)."""

    def __init__(self, choices: list[tuple[float, Candidate] | None], keys: list[str], votes: dict):
        self.countries, self.regions = Tally(), Tally()
        points = []
        for choice, k in zip(choices, keys):
            if choice is None:
                continue
            place = choice[1].place
            if place.country:
                self.countries.add(k, place.country)
            if place.admin1_code:
                self.regions.add(k, place.admin1_code)
            if place.feature not in {"country", "continent", "sea"}:
                points.append((place.lat, place.lon, k))  # the grid keeps each spot once
        self.points = Grid(points)
        self.votes = votes
        self.soft_countries, self.soft_regions = Tally(), Tally()
        for k, (countries, regions) in votes.items():
            for code, w in countries.items():
                self.soft_countries.add(k, code, w)
            for code, w in regions.items():
                self.soft_regions.add(k, code, w)

    def context(self, k: str) -> Context:
        voters = len(self.votes) - (k in self.votes)  # soft votes are shares of the other names
        return Context(self.countries.less(k), self.regions.less(k), Nearby([self.points], k),
                       self.soft_countries.less(k, voters) if voters else None,
                       self.soft_regions.less(k, voters) if voters else None)


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


def confidence(scored: list[tuple[float, Candidate]]) -> float:
    if not scored:
        return 0.0
    if len(scored) == 1:
        return 0.95
    margin = scored[0][0] - scored[1][0]
    return round(1.0 / (1.0 + math.exp(-1.5 * margin)), 3)
