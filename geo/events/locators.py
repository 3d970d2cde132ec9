"""Places a clause names only to locate another: the town a village lies near ("took over X near
Y"), the regions a border runs between ("seized X along the border between the A and B
regions"). Nothing happened at them, so they are no event's place; an analyst's "attacked
north of X near Y" still places the action at Y (X there is the reference, Y the place). "In
the direction of Y" is no locator: analysts' notes code events there."""

from __future__ import annotations

import re

from geo.events.places import is_reference
from geo.rules import on, switch
from geo.types import Resolution

switch("locator_of_a_place", "'Russian forces took over X near Y', 'seized X along the border between the A and B "
       "regions': a place named only to locate another, or the border a capture lies on, is no place of the action")

_NEAR_NAME = re.compile(r"^\s+near\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$", re.I)
# each name ends at its separator, so the names of a line of capitals cannot be split many ways
_BORDER_BETWEEN = re.compile(r"\bborders?\s+between\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s*,\s*|\s+and\s+|\s+or\s+|\s+))*$")


def _near_a_named_place(text: str, r: Resolution, before: Resolution | None) -> bool:
    """"X near Y" with X the place named just before (not "north of X near Y", where X is the reference)."""
    return (before is not None and before.place is not None and before.mention.end <= r.mention.start
            and bool(_NEAR_NAME.match(text[before.mention.end:r.mention.start])) and not is_reference(text, before)
            and not _region_near_its_town(before, r))


switch("region_near_its_town", "'repelled an attack in the X region near Y', 'fighting in the A oblast near B': a town "
       "locates nothing in the region it lies in; the region says where the town is, and the town is the place")
_WIDE = {"region", "historical_region", "country", "sea", "gulf", "strait"}


def _region_near_its_town(before: Resolution, r: Resolution) -> bool:
    return (on("region_near_its_town") and before.place.feature in _WIDE and r.place is not None
            and r.place.feature not in _WIDE)


def is_locator(text: str, r: Resolution, before: Resolution | None) -> bool:
    ahead = text[max(0, r.mention.start - 80):r.mention.start]
    return bool(_BORDER_BETWEEN.search(ahead) or _near_a_named_place(text, r, before))


def without_locators(text: str, resolutions: list[Resolution]) -> list[Resolution]:
    """The clause's mentions (in text order) less those that only locate another place (all of
    them, when every one would go: a sentence that only names a sector keeps what the other rules
    make of it). Each is read against the one just before it: a list of a thousand names is not
    read a thousand times over."""
    if not on("locator_of_a_place") or len(resolutions) < 2:
        return resolutions
    kept = [r for i, r in enumerate(resolutions) if not is_locator(text, r, resolutions[i - 1] if i else None)]
    return kept or resolutions
