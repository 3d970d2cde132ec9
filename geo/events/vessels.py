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


def without_ships(text: str, resolutions: list[Resolution]) -> list[Resolution]:
    """The mentions less those that name a ship by its register or its title: no event is there,
    and a ship told of ten times is no story's focus."""
    return [r for r in resolutions if not _ship_by_its_title(text, r)]


def _ship_by_its_title(text: str, r: Resolution) -> bool:
    m = r.mention
    if r.place is None:
        return False
    if on("ship_register_number") and _REGISTER_NUMBER.match(text, m.end) and text[m.start:m.end].isupper():
        return True
    before = text[max(0, m.start - 40):m.start]
    return on("ship_in_italics") and r.place.feature == "city" and bool(_italic(text, m) or _ABOARD_BEFORE.search(before))


def _italic(text: str, m) -> bool:
    """'*Kherson*', '_Kherson_' (not '**Kherson**', a bold lead)."""
    mark = text[m.start - 1:m.start] if m.start else ""
    return (mark in {"*", "_"} and text[m.end:m.end + 1] == mark and text[m.start - 2:m.start - 1] != mark
            and text[m.end + 1:m.end + 2] != mark)


# "Yasa Star (IMO 9123456)", "MMSI 273123456": a register's acronym before a ship's number, whatever
# region of the world shares its letters.
_REGISTER_NUMBER = re.compile(r"\s+\d{7,9}\b")
switch("ship_register_number", "'the bulk carrier Yasa Star (IMO 9123456) was hit': a ship register's acronym before "
       "the ship's number (IMO, MMSI) is no place, though a region of the world bears its letters")
# "the *Kherson* sank", "aboard the Kherson": a name set in italics is a title (a ship's, a paper's),
# and one is aboard a ship, never aboard a town.
_ABOARD_BEFORE = re.compile(r"\b(?:aboard|onboard|on board)\s+(?:the\s+)?[*_\"“'‘]?$", re.I)
switch("ship_in_italics", "'fire onboard the *Kherson* set off its ammunition', 'the crew aboard the Mariupol': a name in "
       "italics, or one people are aboard, is a ship, not the town it is named after")
