"""The war as the backdrop of what a sentence tells: "Diplomatic activity unfolded alongside
intense fighting", "With combat raging to its north and east, the city is struggling", "as
fighting raged in the east, the president met his ministers". Fighting named in a phrase of
circumstance (with, amid, alongside, as, while) that names no place of its own sets the scene of
the sentence's news; it reports no clash on a day at a place, so ACLED codes none. Fighting the
phrase places ("amid fierce fighting in X") is still reported there, and shelling or strikes in
such a phrase ("despite heavy shelling") are left to the rules of strikes."""

from __future__ import annotations

import re

from geo.rules import on, switch

# Fighting named by a noun: not "fought" or "clashed", which report an action.
_FIGHTING = re.compile(r"(?:fighting|combat|battles|clashes|hostilities)$", re.I)
_CIRCUMSTANCE = re.compile(r"\b(?:with|amid|amidst|alongside|as|while)\s+(?:(?:the|intense|intensified|heavy|fierce|"
                           r"brutal|bitter|ongoing|continued|continuing|relentless|raging|constant|daily|active)\s+)*$",
                           re.I)
_PHRASE = re.compile(r"[^,;:.!?—–()]*")  # the rest of the phrase, up to its comma or stop
_A_NAME = re.compile(r"\b(?-i:[A-Z])[\w'’-]+")

switch("fighting_as_backdrop", "'Diplomatic activity unfolded alongside intense fighting', 'With combat raging to its "
       "north and east, the city is struggling': fighting named in a phrase of circumstance (with, amid, alongside, "
       "as, while) that names no place is the scene of the sentence's news, not a clash on a day at a place "
       "('amid fierce fighting in X' is still fighting at X)")


def fighting_as_backdrop(clause: str, m: re.Match) -> bool:
    """Whether the trigger ``m`` is fighting named as the backdrop of its clause, placed nowhere."""
    if not _FIGHTING.match(m.group(0).strip()) or not on("fighting_as_backdrop"):
        return False
    if not _CIRCUMSTANCE.search(clause, max(0, m.start() - 60), m.start()):
        return False
    phrase = _PHRASE.match(clause, m.end()).group(0)
    return _A_NAME.search(phrase) is None
