"""A region's event coded at its main city still stands for the region: "explosions at a depot in
the X region" followed by "a storage site near the village of Y was damaged" is one happening at Y.
The convention puts a region-wide event at its seat (geo_precision 3); a sentence continuing it with
a town of that region is naming the finer place, not somewhere else."""

from __future__ import annotations

import re
from dataclasses import replace

from geo.distance import distance_km
from geo.rules import on, switch
from geo.types import REGION_ONLY, Event, Place

switch("region_seat_holds_its_towns", "'explosions at a depot in the X region.' then 'a storage site near the village "
       "of Y was damaged': an event at a region's seat stands for the region, so a town of it told next is its place")

_SEAT_KM = 15.0  # another gazetteer entry this close to the seat is the seat named again
# "Ukrainian forces said they had blown up a bridge near Y": a side setting out to act tells its own action
_SIDE_ACTS = re.compile(r"\W*(?:the\s+)?(?:Ukrainian|Russian|Ukraine(?:'s|’s)|Russia(?:'s|’s)|enemy)"
                        r"\s+(?:armed\s+)?(?:forces|troops|army|military|soldiers|units|fighters|"
                        r"partisans|saboteurs|special\s+forces)\b", re.I)


def container(prev: Event) -> Place:
    """What ``prev``'s place holds when a later sentence names a town: its region when the event is a
    region-wide one put at the region's seat, else the place itself."""
    p = prev.place
    if not on("region_seat_holds_its_towns") or prev.precision != REGION_ONLY or p is None \
            or p.feature != "city" or not p.admin1_code:
        return p
    return replace(p, id=f"{p.id}#region", feature="region")


def stands_for_region(prev: Event, where: Place) -> bool:
    return where is not prev.place


def town_of_the_region(prev: Event, where: Place, now: Event | None, sentence: str, named: list[Place]) -> bool:
    """Whether a town of the region may become the place of ``prev`` at its seat: the sentence goes on
    about the same happening (no action of another kind, no side setting out to act), and does not name
    the seat too ("flights were halted at airports in the regional capital, X, and in Y": which of them
    was hit is not told)."""
    if not stands_for_region(prev, where):
        return True
    if now is not None and now.sub_type != prev.sub_type or now is None and _SIDE_ACTS.match(sentence):
        return False
    seat = prev.place
    return not any(p.id == seat.id or p.name == seat.name  # a namesake read for the seat is the seat
                   or p.feature == "city" and distance_km(p.lat, p.lon, seat.lat, seat.lon) < _SEAT_KM for p in named)
