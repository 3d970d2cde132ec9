"""A landmark named by its town and lower-case words: "the Zaporizhzhia nuclear plant", "the X air
base", "the Y hydroelectric dam". News copy writes the facility's kind in lower case, so the
capitalised run that names places ends at the town, and the strike was put at the town (or at a
namesake of it): the plant's town is often another one ("the X nuclear plant" lies by a satellite
town, not in X). Where the gazetteer holds the whole phrase as a landmark, the phrase is that landmark."""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.rules import on, switch
from geo.types import Span

switch("landmark_named_in_lower_case",
       "'drones hit the Zaporizhzhia nuclear plant': a town's name followed by lower-case words that with it "
       "name a landmark the gazetteer holds (a plant, a base, a dam) is that landmark where it lies away from the "
       "town (over 25 km); beside its town ('the Atlanta airport') the town is as good a place")

# The last word of a facility's kind: only a tail ending in one is looked up.
_HEADS = {"plant", "station", "base", "airbase", "airfield", "airport", "dam", "bridge", "refinery", "port",
          "terminal", "depot", "reservoir", "complex", "facility", "works", "aerodrome", "shipyard"}
_LONGEST = 4
# "the Atlanta airport", "the Kakhovka dam": a landmark by its town is as well placed at the town.
_BESIDE_KM = 25.0


def _beside_its_town(landmark, found: Span) -> bool:
    from geo.distance import distance_km

    return any(c.place.feature == "city" and distance_km(c.place.lat, c.place.lon, landmark.lat, landmark.lon)
               <= _BESIDE_KM for c in found.candidates)


def landmark_phrase(gazetteer: Gazetteer, words: list[str], starts: list[int], text: str, found: Span) -> Span | None:
    if not on("landmark_named_in_lower_case"):
        return None
    end = found.end
    for size in range(min(_LONGEST, len(words) - end), 0, -1):
        tail = words[end:end + size]
        if tail[-1] not in _HEADS or not all(w.isalpha() and w.islower() for w in tail):
            continue
        surface = text[found.start_char:starts[end + size - 1] + len(tail[-1])]
        landmarks = tuple(c for c in gazetteer.lookup(surface) if c.place.id.startswith("lm:"))
        if landmarks and not _beside_its_town(landmarks[0].place, found):
            span = Span(found.start, end + size, found.start_char, found.start_char + len(surface), surface, landmarks)
            span.hint = landmarks[0].place.feature
            return span
    return None
