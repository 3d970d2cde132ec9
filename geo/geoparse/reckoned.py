"""A village told by where it lies from a town: "X northeast of Y", "X, 10 km south of Y".

Analysts' notes and staff reports place a small village they expect the reader not to know by a
bearing from a town the reader knows. Of the village's namesakes, the one meant lies within a few
tens of kilometres of that town, on the side the bearing says: a stronger word than the list the
village stands in ("took A near B and X northeast of Y", where an X also lies near B).
"""

from __future__ import annotations

import math
import re

from geo.distance import distance_km
from geo.geoparse.resolve import PLAUSIBLE, confidence
from geo.geoparse.resolve_overrides import OVERRIDES
from geo.geoparse.story import CONTAINER_FEATURES, NOT_POINTS, Story
from geo.rules import rule

_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
# ", 10 km (six miles) northeast of the town of " up to the reference town's name.
_RECKONED = re.compile(r"\s*,?\s*(?:(?:about|some|around|roughly|approximately|nearly|just)\s+)?"
                       r"(?:(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:km|kilometres|kilometers|miles|mi)\b\s*"
                       r"(?:\([^)]{0,30}\)\s*)?)?"
                       r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
                       r"(?:the\s+)?(?:(?:town|city|village|settlement)\s+of\s+)?$", re.I)
NEAR_KM = 40.0  # how far a village told by a bearing alone lies from its town, at most
SLACK_KM = 15.0  # beyond a distance the text gives
HALF_ANGLE = 67.5  # how far off the bearing told a reading may lie


@rule(OVERRIDES, "reckoned_from_a_town",
      "'Ivanivka northeast of Lyman', 'Novoselivka, 12 km south of Kramatorsk': of a village's namesakes, the one "
      "that lies near the town it is reckoned from, on the side the bearing says")
def _reckoned_from_a_town(story: Story, i: int, result):
    scored, conf, place = result
    j = i + 1
    if place is None or place.feature in CONTAINER_FEATURES or i in story.forced or j >= len(story.spans) \
            or story.in_sentence[j] != story.in_sentence[i] or not story.ranked[j]:
        return result
    m = _RECKONED.match(story.text[story.spans[i].end_char:story.spans[j].start_char])
    if m is None:
        return result
    town = story.ranked[j][0][1].place
    if town.feature in NOT_POINTS or town.feature in CONTAINER_FEATURES:
        return result
    reach = float(m.group(1)) * (1.609 if "mi" in m.group(0).lower().split() or "miles" in m.group(0).lower()
                                 else 1.0) + SLACK_KM if m.group(1) else NEAR_KM
    bearing = _BEARINGS[m.group(2).lower().replace("-", "")]
    top = scored[0][0]
    fits = [(distance_km(town.lat, town.lon, c.place.lat, c.place.lon), x) for x in scored
            if (c := x[1]).place.country == town.country and c.place.feature not in CONTAINER_FEATURES
            and x[0] >= top - PLAUSIBLE and c.place.id != town.id]
    fits = [(km, x) for km, x in fits if km <= reach and _on_side(town, x[1].place, bearing)]
    if not fits or any(x[1].place.id == place.id for _, x in fits):
        return result
    best = min(fits, key=lambda f: f[0])[1]
    rescored = [best] + [x for x in scored if x is not best]
    story.beside.add(i)
    return rescored, confidence(rescored), best[1].place


def _on_side(town, place, bearing: float) -> bool:
    dy = place.lat - town.lat
    dx = (place.lon - town.lon) * math.cos(math.radians(town.lat))
    if abs(dx) < 1e-6 and abs(dy) < 1e-6:
        return False
    told = math.degrees(math.atan2(dx, dy)) % 360
    off = abs((told - bearing + 180) % 360 - 180)
    return off <= HALF_ANGLE
