"""What resolution knows about one document while its rules run: the binding rules
(geo/resolve_rules.py) fill it in, the overrides (geo/resolve_overrides.py) read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geo.recognize import Span
from geo.nearby import Grid
from geo.types import Place
from geo.war_words import ACTOR_NOUNS, EVENT_VERBS

CONFIDENT = 0.75
CONTAINER_FEATURES = {"region", "country", "district"}
# Too big to say where a story happens: not among its points.
NOT_POINTS = CONTAINER_FEATURES | {"continent", "sea", "river"}


@dataclass(slots=True)
class Story:
    """What resolution knows about one document while its rules run."""

    spans: list[Span]
    text: str
    in_sentence: list[int]
    gazetteer: object
    keys: list[str] = field(default_factory=list)
    containers: dict[int, tuple[Place, bool]] = field(default_factory=dict)  # i -> (region, explicit)
    hints: dict[int, str] = field(default_factory=dict)  # readings the binding rules force
    forced: dict[int, Place] = field(default_factory=dict)  # places the binding rules decided
    points: Grid = field(default_factory=Grid)  # confident point places
    regions: set[str] = field(default_factory=set)  # admin-1 codes of the confident places
    war: bool | None = None  # whether the text reports fighting (computed once)

    def hint(self, i: int) -> str:
        s = self.spans[i]
        return self.hints.get(i) or s.hint or s.reading

    def near(self, place: Place, km: float) -> bool:
        """Whether ``place`` lies within ``km`` of a place the story is sure of."""
        return self.points.nearest(place.lat, place.lon, km) < km


def inside(place: Place, region: Place) -> bool:
    if region.feature == "country":
        return place.country == region.country
    return bool(place.admin1_code) and place.admin1_code == region.admin1_code


_WAR_WORDS = EVENT_VERBS | ACTOR_NOUNS | {"mortar", "mortars", "shells", "drone", "drones", "missile", "missiles",
                                          "artillery", "airstrike", "airstrikes", "frontline", "front-line"}


def war_story(story: Story) -> bool:
    """Whether the text reports fighting: front-line rules apply only there."""
    if story.war is None:
        words = set(re.findall(r"[a-z][a-z-]+", story.text[:20_000].lower()))
        story.war = bool(words & _WAR_WORDS)
    return story.war
