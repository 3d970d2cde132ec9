"""Names that qualify a noun instead of naming where something happened: "Moscow-annexed Crimea",
"pro-Moscow forces", "a Kharkiv-based unit"; "the Black Sea Fleet", "the Black Sea port city of
Odesa", "a Caspian Sea port". The event is at the noun's own place (the port, the fleet's
harbour), never at the qualifying town or in the middle of the sea."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Resolution

# "Moscow-annexed Crimea", "pro-Moscow forces", "a Kharkiv-based unit": the name qualifies a noun.
_COMPOUND_AFTER = re.compile(r"[-‑][a-z]")
_COMPOUND_BEFORE = re.compile(r"\b(?:pro|anti|non|ex|post|pre)[-‑]$", re.I)
switch("name_in_a_compound", "'in Moscow-annexed Crimea', 'after pro-Moscow forces stormed across the border': a town's "
       "name inside a compound adjective qualifies a noun; the event is not at that town")


def in_a_compound(text: str, r: Resolution) -> bool:
    m = r.mention
    return on("name_in_a_compound") and bool(_COMPOUND_AFTER.match(text, m.end)
                                             or _COMPOUND_BEFORE.search(text, max(0, m.start - 5), m.start))


# The nouns a sea's name qualifies in war copy: a navy named after its sea, and the ports, coasts
# and towns on it. English puts such a noun right after the name ("the Black Sea Fleet").
_SEA_NOUN_AFTER = re.compile(r"[\"”'’]?\s+(?:fleets?|navy|naval|ports?|harbou?rs?|coasts?|coastline|shores?|"
                             r"resorts?|city|town|region|corridor|shipping|grain|islands?)\b", re.I)
_WATER = {"sea", "gulf", "strait"}
switch("sea_name_qualifies",
       "'a drone attack on the Black Sea Fleet in Sevastopol', 'the Black Sea port city of Odesa', 'a Caspian Sea "
       "port': a sea's name before fleet, port, coast or town qualifies that noun; the event is at the port "
       "or the fleet's harbour the text names, not in the middle of the sea")


def sea_qualifies(text: str, r: Resolution) -> bool:
    return r.place is not None and r.place.feature in _WATER and on("sea_name_qualifies") \
        and _SEA_NOUN_AFTER.match(text, r.mention.end) is not None


def qualifies_a_noun(text: str, r: Resolution) -> bool:
    """Whether the mention qualifies a noun: no event's place."""
    return in_a_compound(text, r) or sea_qualifies(text, r)
