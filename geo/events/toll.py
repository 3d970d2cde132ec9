"""The toll: fatalities and injured as a sentence states them.

"killing 6 soldiers", "two civilians were killed and five injured", "one civilian was wounded",
"the death toll rose to 12". ACLED's conventions: "Casualties unknown" codes 0 fatalities (the
injured stay unknown); "no casualties" is 0 of both. Several counts in one clause add up
("killing two civilians and three soldiers").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.events.numbers import PATTERN as NUM, number
from geo.events.recall import described_toll

_WHO = (r"(?:\w+ ){0,2}?(?:people|persons?|civilians?|residents?|soldiers?|servicem[ae]n|troops|fighters|"
        r"militants|m[ae]n|wom[ae]n|children|child|kids?|boys?|girls?|teenagers?|police(?:m[ae]n| officers)?|"
        r"officers?|volunteers?|workers?|employees?|individuals|rescuers?|firefighters?|medics?|"
        r"journalists?|pensioners?|passengers?|drivers?|occupiers|invaders|others|more|of them)")
_KILLED = r"(?:killed|dead|died|perished|slain|lost (?:their|his|her) lives|were fatally wounded|was fatally wounded)"
_HURT = r"(?:injured|wounded|hurt|hospitali[sz]ed|suffered injuries|sustained injuries)"
_BE = r"(?:\s+(?:were|was|have been|has been|had been|are|is|got|reportedly))*"


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int | None = None
    injured: int | None = None

    @property
    def stated(self) -> bool:
        return self.fatalities is not None or self.injured is not None


def _counts(what: str, verbs: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<n4>{NUM})\s+{_WHO}\s+and\s+(?P<n5>{NUM})\s+{_WHO}{_BE}\s+{what}\b"  # "3 soldiers and 2 civilians were killed"
        rf"|\b(?P<n1>{NUM})(?:\s+{_WHO})?{_BE}\s+{what}\b"  # "two civilians were killed", "5 were injured", "2 killed"
        rf"|\b(?:{verbs})\w*\s+(?:at least |up to |about |some )?(?P<n2>{NUM})\b(?!\s*(?:km|kilomet|mile|%|times))"  # "killing 6 soldiers"
        rf"|\b{what}\s+(?:at least |up to |about |some )?(?P<n3>{NUM})\s+{_WHO}",  # "injured two people"
        re.I)


_VAGUE = re.compile(r"\s+(?:unknown|number|few|couple|group|lot|total|handful|series)\b", re.I)
_DEAD = _counts(_KILLED, "kill")
_INJURED = _counts(_HURT, "injur|wound|hurt")
# "Four deaths were reported", "reported three injuries": the count before the noun.
_DEATHS = re.compile(rf"\b(?P<n>{NUM})\s+(?:more\s+|other\s+|civilian\s+|confirmed\s+)?(?:deaths|dead|fatalities)\b", re.I)
_INJURIES = re.compile(rf"\b(?P<n>{NUM})\s+(?:more\s+|other\s+|civilian\s+)?(?:injuries|injured|wounded)\b(?!\s+(?:were|was|people|civilians|soldiers|in\b))", re.I)
_TOLL_RISE = re.compile(rf"\b(?:death toll|toll|number of (?:the )?dead)\b(?:\s+\S+){{0,8}}?\s+(?:rose to|reached|climbed to|stands at|is|of|at)\s+(?:at least )?(?P<n>{NUM})\b", re.I)
_NONE = re.compile(r"\bno (?:casualties|victims|fatalities|deaths|one was (?:killed|hurt|injured)|people were (?:killed|hurt|injured))"
                   r"|\bwithout (?:casualties|victims)|\bno (?:civilians|people) (?:were|was) (?:killed|hurt|injured)"
                   r"|\bthere were no (?:casualties|victims|injuries)|\bno one was (?:hurt|injured|killed)", re.I)
_NO_INJURED = re.compile(r"\bno (?:injuries|one was (?:hurt|injured)|people were (?:hurt|injured))", re.I)
_UNKNOWN = re.compile(r"\bcasualties (?:are |were |remain )?(?:unknown|not (?:known|reported)|unclear)|\bno (?:information|data|details) (?:on|about|of) (?:casualties|victims)", re.I)


def _total(rx: re.Pattern[str], text: str, skip: re.Pattern[str] | None = None) -> int | None:
    total = None
    for m in rx.finditer(text):
        if skip is not None and skip.match(text, m.start()):
            continue
        if m.group("n4"):
            pair = [number(m.group("n4")), number(m.group("n5"))]
            if None not in pair:
                total = (total or 0) + sum(pair)
            continue
        group = next((g for g in ("n1", "n2", "n3") if m.group(g)), None)
        if group is None:
            continue
        if m.group(group).lower() in ("a", "an") and _VAGUE.match(text, m.end(group)):
            continue  # "killing an unknown number of soldiers", "a few people were hurt"
        n = number(m.group(group))
        if n is not None and n < 100_000:
            total = (total or 0) + n
    return total


def _nouns(rx: re.Pattern[str], text: str) -> int | None:
    found = [number(m.group("n")) for m in rx.finditer(text)]
    found = [n for n in found if n is not None and n < 100_000]
    return sum(found) if found else None


def toll(text: str) -> Toll:
    """The toll ``text`` states; fields it does not state stay None."""
    dead = _total(_DEAD, text)
    if dead is None:
        dead = _nouns(_DEATHS, text)
    rise = _TOLL_RISE.search(text)
    if rise is not None and number(rise.group("n")) is not None:
        dead = number(rise.group("n"))  # a stated total beats our own sum
    hurt = _total(_INJURED, text)
    if hurt is None:
        hurt = _nouns(_INJURIES, text)
    if dead is None or hurt is None:
        described = described_toll(text, _KILLED, _HURT)
        dead = described[0] if dead is None else dead
        hurt = described[1] if hurt is None else hurt
    if _NONE.search(text):
        dead = 0 if dead is None else dead
        hurt = 0 if hurt is None and not _UNKNOWN.search(text) else hurt
    elif _UNKNOWN.search(text) and dead is None:
        dead = 0  # ACLED codes "casualties unknown" as no coded fatalities
    if hurt is None and _NO_INJURED.search(text):
        hurt = 0
    return Toll(dead, hurt)
