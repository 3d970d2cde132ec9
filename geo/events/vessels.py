"""Ships are named after towns ("the landing ship Melitopol", "the cruiser Bryansk", "struck the Bryansk"):
such a name says which ship was hit, not where. The strike is where the ship lay."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Resolution

_SHIP_BEFORE = re.compile(r"\b(?:ship|cruiser|frigate|vessel|submarine|corvette|flagship|destroyer|warship|tanker|"
                          r"boat|tug|icebreaker|minesweeper|carrier)s?,?\s+(?:the\s+)?[\"“'‘]?$", re.I)
# "struck the Bryansk with two missiles", "sank the Bryansk.": English puts no article before a
# town's name; before a name the article says it names something else, a ship or a river.
_THE_BEFORE = re.compile(r"\bthe\s+[\"“'‘]?$")
# (not ", and" nor "," alone: "the Kharkiv, Zaporizhzhia and Donetsk regions" lists regions)
_NO_NOUN_AFTER = re.compile(r"[\"”'’]?(?:\s*[.;:)]|,\s+(?:the|a|an|which|whose)\b|\s+(?:with|was|were|is|had|has|which|that|off|by|as)\b)")

switch("town_named_ship", "'struck a landing ship, Melitopol, at the port of X', 'sank the Bryansk': a ship named after a "
       "town is the target, not a place; the strike is where the ship lay")


def names_a_ship(text: str, r: Resolution) -> bool:
    m = r.mention
    if not on("town_named_ship") or r.place is None or r.place.feature != "city":
        return False
    before = text[max(0, m.start - 40):m.start]
    return bool(_SHIP_BEFORE.search(before)
                or _THE_BEFORE.search(before) and _NO_NOUN_AFTER.match(text, m.end))
