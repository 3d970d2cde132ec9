"""The shape of a trigger rule and the words the trigger patterns share.

Kept apart from the rules themselves (geo.events.triggers) so that the modules adding rules of a
kind (gatherings, downings, present_tense, toll_triggers) and the NOT_EVENT rules
(geo.events.not_event) can build on it without importing the list they are appended to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TERRITORY, WITHDRAWAL, DETENTION = "=territory", "=withdrawal", "=detention"

_SCORE = {0: 0.8, 1: 0.8, 2: 0.7, 3: 0.5}  # an event's score by the tier of the trigger that told it

_W = r"(?:\S+ ){0,%d}?"  # up to n words between two parts of a trigger


def gap(n: int) -> str:
    return _W % n


_VICTIMS = (r"(?:civilians?|residents?|locals?|(?:a |an |the )?(?:\w+ )?(?:man|woman|men|women|child|"
            r"children|boy|girl|teenager|pensioner|villagers?|volunteers?|priest|journalists?|"
            r"farmer|driver|family|doctor|nurse|teacher)|(?:prisoners? of war|pows?|captives?|"
            r"detainees?|hostages?))")
_PROTEST = r"(?:protest\w*|rall(?:y|ies)|demonstrat(?:ion|ions|ors)|picket\w*|crowds?|marchers)"
_DRONE = r"(?:drones?|uavs?|shaheds?|geran\w*|lancets?|fpvs?|quadcopters?|loitering munitions?)"
_AIR_WEAPON = rf"(?:{_DRONE}|aircraft|aviation|helicopters?|warplanes?|jets?|kabs?|guided (?:aerial )?bombs?|aerial bombs?|glide bombs?)"
_GUNS = (r"(?:artillery|mortars?|rockets?|missiles?|shells|grads?|mlrs|tanks?|cannons?|howitzers?|"
         r"multiple rocket launchers?|iskanders?|kalibrs?|s-300s?)")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    sub_type: str  # an ACLED sub-event type, or TERRITORY / WITHDRAWAL / DETENTION
    pattern: str
    tier: int  # 0 wins over 1 over 2 over 3
    reason: str
    enabled: bool = True
    context: str = ""  # "", ARMED or POLITICAL: what the sentence (or story) must be about

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


_cache: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    rx = _cache.get(pattern)
    if rx is None:
        rx = _cache[pattern] = re.compile(pattern, re.I)
    return rx
