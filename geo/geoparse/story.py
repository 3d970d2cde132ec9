"""What resolution knows about one document while its rules run: the binding rules
(geo/geoparse/resolve_rules.py) fill it in, the overrides (geo/geoparse/resolve_overrides.py) read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from geo.geoparse.nearby import Grid
from geo.rules import switch
from geo.types import Place, Span
from geo.geoparse.war_words import ACTOR_NOUNS, EVENT_VERBS

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
    day: date | None | bool = False  # the story's first stated day (False: not looked for yet)
    ranked: list = field(default_factory=list)  # every mention's ranking before the overrides
    credits: dict | None = None  # what the names beside each mention say of its readings (geo/geoparse/neighbours.py)
    beside: set[int] = field(default_factory=set)  # mentions whose namesake the places beside them chose
    compass: dict[str, frozenset[str]] | None = None  # the directions a name is told in (compass_cue)
    oblasts_told: dict | None = None  # sentence -> {oblast code: mentions whose top place names it}

    def hint(self, i: int) -> str:
        s = self.spans[i]
        return self.hints.get(i) or s.hint or s.reading

    def near(self, place: Place, km: float) -> bool:
        """Whether ``place`` lies within ``km`` of a place the story is sure of."""
        return self.points.nearest(place.lat, place.lon, km) < km


switch("front_on_the_day",
       "namesakes are weighed by the lines of contact that held when the story happened: a 2024 note "
       "is not pulled toward the front of summer 2022 (its first stated day; undated: every line)")


def story_day(story: Story) -> date | None:
    if story.day is False:
        from geo.events.dates import find_date  # the date reader is the events' own: one reader

        found = find_date(story.text[:3000], None)
        story.day = date.fromisoformat(found[1]) if found else None
    return story.day


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
