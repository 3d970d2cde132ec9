"""Damage a strike did, told as a fire or a ruin: "a kindergarten was set on fire by falling debris",
"a missile or a drone appeared to set the school on fire", "the shelling burned down two houses".
ACLED's Looting/property destruction is property an armed group takes or wrecks by hand; a fire or
a ruin a weapon caused is what the strike hit, told with the strike (the sentence goes on with it),
not a second event of another kind."""

from __future__ import annotations

import re

from geo.events.trigger_rule import _AIR_WEAPON, _GUNS
from geo.rules import on, switch

# The destruction words of the looting trigger (not "looted", "stole", "plundered": taking is by hand).
_DESTRUCTION = re.compile(r"set\b.*\bon fire|set fire to|torched|burned down|demolished", re.I | re.S)
_WEAPON = re.compile(rf"\b(?:{_AIR_WEAPON}|{_GUNS}|debris|fragments?|shrapnel|shelling|bombs?|bombing|strikes?|"
                     r"(?:direct )?hits?|warheads?|munitions?|explosions?|blasts?)\b", re.I)

switch("damage_by_a_weapon", "'a kindergarten was set on fire by falling debris', 'a missile or a drone appeared to set "
       "the school on fire': a fire or a ruin a weapon caused is the strike's damage, told with the strike, not "
       "Looting/property destruction (property an armed group takes or wrecks by hand)")


def damage_by_a_weapon(clause: str, m: re.Match) -> bool:
    """Whether a fire or a ruin the trigger ``m`` names was caused by a weapon its clause names."""
    return bool(_DESTRUCTION.match(m.group(0)) and _WEAPON.search(clause) and on("damage_by_a_weapon"))
