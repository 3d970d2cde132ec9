"""Places a clause names only to locate another: the town a village lies near ("took over X near
Y"), the sector a count of captures is reckoned in ("occupied ten settlements in the direction of
Y"), the regions a border runs between ("seized X along the border between the A and B
regions"). Nothing happened at them, so they are no event's place; an analyst's "attacked
north of X near Y" still places the action at Y (X there is the reference, Y the place)."""

from __future__ import annotations

import re

from geo.events.places import is_reference
from geo.rules import on, switch
from geo.types import Resolution

switch("locator_of_a_place", "'Russian forces took over X near Y', 'occupied ten settlements in the direction of Y', "
       "'seized X along the border between the A and B regions': a place named only to locate another, or the "
       "sector or border a capture lies on, is no place of the action")

_NEAR_NAME = re.compile(r"^\s+near\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$", re.I)
_DIRECTION_OF = re.compile(r"\bin\s+the\s+(?:general\s+)?directions?\s+of\s+$", re.I)
_BORDER_BETWEEN = re.compile(r"\bborders?\s+between\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*(?:,\s*|and\s+|or\s+)?)*$")


def _near_a_named_place(text: str, r: Resolution, others: list[Resolution]) -> bool:
    """"X near Y" with X a place of the clause (not "north of X near Y", where X is the reference)."""
    for o in others:
        if o is r or o.place is None or o.mention.end > r.mention.start:
            continue
        if _NEAR_NAME.match(text[o.mention.end:r.mention.start]) and not is_reference(text, o):
            return True
    return False


def is_locator(text: str, r: Resolution, others: list[Resolution]) -> bool:
    before = text[max(0, r.mention.start - 80):r.mention.start]
    return bool(_DIRECTION_OF.search(before) or _BORDER_BETWEEN.search(before)
                or _near_a_named_place(text, r, others))


def without_locators(text: str, resolutions: list[Resolution]) -> list[Resolution]:
    """The clause's mentions less those that only locate another place (all of them, when every
    one would go: a sentence that only names a sector keeps what the other rules make of it)."""
    if not on("locator_of_a_place") or len(resolutions) < 2:
        return resolutions
    kept = [r for r in resolutions if not is_locator(text, r, resolutions)]
    return kept or resolutions
