"""The city whose official reports an attack on "the city": "the mayor of X said a drone had struck a
petrol station in the city centre, and blasts were also heard in Y" happened in X. A local official
speaks of their own city; a town named after it in another clause is another report."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Resolution

# "in the city centre", "on the city", "the city's Kyivskyi district"; not "in the city of Y".
_THE_CITY = re.compile(r"\b(?:in|on|at|across|over|near|into|struck|hit|attacked|targeted)\s+the\s+city"
                       r"(?:(?:'s|’s)|\s+(?:centre|center|outskirts))?\b(?!\s+of\b)", re.I)
# "the mayor of X", "the head of the X city military administration", "X mayor", "X's mayor"
_OFFICIAL_BEFORE = re.compile(r"\b(?:mayor|governor|head|chief|administrator)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$",
                              re.I)
_OFFICIAL_AFTER = re.compile(r"(?:'s|’s)?\s+(?:mayor|city\s+council|city\s+(?:military\s+)?administration|"
                             r"city\s+(?:council\s+)?(?:head|chief))\b", re.I)

switch("the_city_of_its_official", "'the mayor of X said a drone had struck a petrol station in the city centre, "
       "and blasts were heard in Y': the city an official of X speaks of is X, not the town of the next clause")


def officials_city(text: str, clause: tuple[int, int], trigger_at: int, usable: list[Resolution]) -> Resolution | None:
    """The city whose official speaks, when the action after the trigger is told at "the city"."""
    if not on("the_city_of_its_official"):
        return None
    m = _THE_CITY.search(text, trigger_at, clause[1])
    if m is None or any(trigger_at <= r.mention.start < m.start() for r in usable):
        return None
    for r in usable:
        if r.mention.start >= trigger_at or r.place is None or r.place.feature != "city":
            continue
        if _OFFICIAL_BEFORE.search(text, max(clause[0], r.mention.start - 45), r.mention.start) \
                or _OFFICIAL_AFTER.match(text, r.mention.end):
            return r
    return None
