"""Places named in an aside that describes another place: "killed in Donetsk province, which together
with X makes up the Donbas", "a drone hit Y, which borders Z". The relative clause tells the reader
where the place lies or what it is part of; its places are context, not where the event happened."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Resolution

# ", which borders ...", " region, which together with ...": up to the next comma, semicolon or full stop.
_WHICH = re.compile(r"(?:\s+(?:province|region|oblast|district|city|town))?\s*,\s*which\b[^,;.]*", re.I)

switch("places_in_an_aside_on_a_place", "'killed in Donetsk province, which together with X makes up the Donbas', "
       "'hit Y, which borders Z': the places of a which-clause describing a place are context, not the event's place")


def described(text: str, usable: list[Resolution]) -> set[int]:
    """The ids of the resolutions of ``usable`` inside which-clauses set after another of them."""
    if not on("places_in_an_aside_on_a_place") or len(usable) < 2:
        return set()
    spans = [(m.start(), m.end()) for r in usable if (m := _WHICH.match(text, r.mention.end)) is not None]
    return {id(r) for r in usable if any(a <= r.mention.start < b for a, b in spans)}


def without_described(text: str, usable: list[Resolution]) -> list[Resolution]:
    """``usable`` less the places of which-clauses set after another of them."""
    aside = described(text, usable)
    return [r for r in usable if id(r) not in aside] or usable
