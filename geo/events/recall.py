"""Events a reader of war news codes that the extractor missed (issue 20, second recall round).
Each kind is a named switch with its reason; the stages ask it where they decide."""

from __future__ import annotations

import re

from geo.rules import on, switch

# An analyst's footnote marks after the final stop: "... on February 26.[77]",
# "... overnight.[[xxii]](https://criticalthreats.org/analysis/<#_edn34>)".
_FOOTNOTES = re.compile(r"(?:\s*\[\[?[\w,. -]{1,12}\]\]?(?:\(<?[^()\s]*>?\))?)+\s*$")
switch("footnote_ends_no_heading", "'Russian forces attacked near X on February 26.[77]': a sentence whose final stop "
       "an analyst's footnote mark follows is a sentence, not a heading without a stop")


def without_footnotes(line: str) -> str:
    """The line without the footnote marks it ends in (a heading check sees its final stop)."""
    if not on("footnote_ends_no_heading") or "[" not in line:
        return line
    return _FOOTNOTES.sub("", line)


# "1. 14 Dec - X: An IED attack kills one civilian\n2. 8 Jan - Y: A Russian airstrike ... kills 13 civilians\n3.":
# a numbered list's items have no final stop, so each item ends where the next one's number does.
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\s*$")
switch("numbered_list_items", "'2. 8 Jan - Y: A Russian airstrike on a factory kills 13 civilians' above '3.': an item "
       "of a numbered list is a sentence without its final stop, not a heading above the next item's number")


def list_number_below(rest: str) -> bool:
    """Whether all that is left below a sentence's lines is the next list item's number ("3.")."""
    return on("numbered_list_items") and _LIST_NUMBER.fullmatch(rest) is not None


# How a region is named as where an action happened: "in the southern X region", "the regions of X and
# Y", "X, Y and Z regions", "as well as ... in the X region".
_REGION_INTRO = re.compile(r"(?:\b(?:in|into|on|over|across|of|and|or|as well as)|,)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,2}$", re.I)
# "the governor of the X region said", "X regional administration": a region that speaks.
_SPEAKS_AFTER = re.compile(r"[\w\s]{0,12}?\b(?:governor|administration|head|authorities|officials?|chief|police|"
                           r"council|prosecutor\w*|emergency service)", re.I)
_SPEAKS_BEFORE = re.compile(r"\b(?:governor|head|chief|authorities|officials?|administration|mayor|police|"
                            r"residents?|native)\s+(?:of|in|from)\s+(?:the\s+)?(?:\S+\s+)?$", re.I)
switch("regions_of_an_action", "'exchanges of fire in the regions of A and B in the northeast and C in the south', 'hit a "
       "substation in the X region, as well as a school in the Y region': a region named as where the action happened, "
       "holding none of the clause's towns, is a place of the action too, an event at its region (a region that holds a "
       "town of the clause is its container; one whose governor speaks is a source; one abroad is where someone spoke)")


def regions_listed(text: str, clause: tuple[int, int], chosen, resolutions) -> list:
    """The regions of the clause, besides the chosen place, where a violent action happened too."""
    if not on("regions_of_an_action"):
        return []
    from geo.events.places import _BROAD, _ORIGIN, placeable

    usable = placeable(text, [r for r in resolutions if clause[0] <= r.mention.start < clause[1]])
    held = {r.place.admin1_code for r in usable if r.place.feature not in _BROAD and r.place.admin1_code}
    out = []
    for r in usable:
        m = r.mention
        if r.place.feature == "city" and r.place.id != chosen.place.id and r.place.country == chosen.place.country \
                and on("regions_of_a_list") and _REGIONS_OF.search(text, max(clause[0], m.start - 120), m.start):
            out.append(r)  # "the regions of A, B, and C", B read as its town: the region, at its seat
            continue
        if r.place.feature != "region" or r.place.id == chosen.place.id or r.place.admin1_code in held \
                or r.place.country != chosen.place.country:
            continue  # a container, the chosen place, or abroad ("briefing reporters in New York")
        if not _REGION_INTRO.search(text, max(clause[0], m.start - 40), m.start):
            continue
        if _SPEAKS_AFTER.match(text, m.end) or _SPEAKS_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue
        if _ORIGIN.search(text, max(clause[0], m.start - 40), m.start):
            continue  # "a missile fired from the airspace of the occupied X region": where it came from
        out.append(r)
    return out


# "the western regions of A, B, and C": each item after "regions of" is a region, though the parse may read a
# name as the region's town (the one it is named after, its seat, where ACLED puts the region's event).
_REGIONS_OF = re.compile(r"\b(?:regions|oblasts|provinces)\s+of\s+(?:[\w'’-]+(?:\s+[\w'’-]+)?,?\s+(?:and\s+|or\s+)?){0,5}$",
                         re.I)
switch("regions_of_a_list", "'strikes in the city of X and the western regions of A, B, and C': each item of a list "
       "of regions is a place of the action, an event at its region's seat, though the parse read B or C as the town "
       "the region is named after")


# ", and officials said Russian forces were ...": a new subject reports a second happening.
_AND_SAID = re.compile(r",\s+and\s+(?:(?!and\b|that\b)[\w’'-]+\s+){1,5}?(?:said|says|reported|added|claimed|announced)\b",
                       re.I)
switch("and_someone_said", "'reported shelling in A, B and C, and officials said Russian forces were attempting to break "
       "through along the front of the X, Y and Z regions': ', and' before a new speaker's report starts a clause "
       "of its own, with its own action and places")


# ", adding that 120 of them were downed": the speaker's second statement, a second happening.
_ADDING = re.compile(r",\s+(?:adding|and added)\s+(?:that\s+)?(?=\S)", re.I)
switch("adding_that", "'Russia launched 200 drones overnight, the air force said, adding that 120 of them were "
       "downed': what a speaker adds after ', adding that' is a statement of its own, with its own action")


def said_clauses(sentence: str, a: int, b: int) -> list[tuple[int, int]]:
    """The clause ``sentence[a:b]`` cut before each ', and <someone> said' and ', adding that'."""
    cuts = [m.start() for m in _AND_SAID.finditer(sentence, a, b)] if on("and_someone_said") else []
    cuts += [m.start() for m in _ADDING.finditer(sentence, a, b)] if on("adding_that") else []
    if not cuts:
        return [(a, b)]
    out, start = [], a
    for at in sorted(cuts):
        if at > start:
            out.append((start, at))
            start = at + 1
    out.append((start, b))
    return out


# "a woman in a car was killed", "two men from the village were wounded", "a child's death": the
# victim described between the count and the verb, or a death told as a noun.
_VICTIM = (r"(?:\w+\s+){0,2}?(?:people|persons?|civilians?|residents?|m[ae]n|wom[ae]n|children|child|boys?|girls?|"
           r"teenagers?|pensioners?|drivers?|passengers?|workers?|volunteers?|soldiers?|servicem[ae]n)")
_DESCRIBED = r"\s+(?:in|on|at|from|aged|near|inside|outside)\s+(?:[\w’'-]+\s+){1,4}?(?:was|were|had been|has been|have been)\s+"
switch("victim_described", "'In the X region, a woman in a car was killed', 'authorities confirmed a child's death': a "
       "victim described before the verb, or a death told as a noun, is a toll as 'a woman was killed' is")


def described_toll(text: str, killed: str, hurt: str) -> tuple[int | None, int | None]:
    """(fatalities, injured) told of victims described before their verb, or deaths told as nouns."""
    if not on("victim_described"):
        return None, None
    from geo.events.numbers import PATTERN as NUM, number

    def count(what: str) -> int | None:
        found = [number(m.group("n")) for m in re.finditer(rf"\b(?P<n>{NUM})\s+{_VICTIM}{_DESCRIBED}{what}\b", text, re.I)]
        found = [n for n in found if n is not None and n < 100_000]
        return sum(found) if found else None

    dead = count(killed)
    dead = aged_victims(killed, text) if dead is None else dead
    if dead is None and re.search(r"\b(?:a|an|one)\s+(?:\w+\s+)?(?:child|man|woman|boy|girl|person|resident|civilian|"
                                  r"teenager|pensioner)['’]s death\b", text, re.I):
        dead = 1
    hurt_n = count(hurt)
    return dead, aged_victims(hurt, text) if hurt_n is None else hurt_n


# "a 72-year-old man had been injured", "an 85-year-old woman was killed": a victim told by age.
_AGED = (r"\b(?:a|an|one)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\s+(?:[\w’'-]+\s+){0,2}?"
         r"(?:m[ae]n|wom[ae]n|child|boy|girl|teenager|pensioner|resident|civilian|person|driver|volunteer|soldier)"
         r"(?:\s+(?:in|on|at|from|near|inside)\s+(?:[\w’'-]+\s+){1,4}?)?\s+")
_BE_AGED = r"(?:was|had been|has been|is|were)\s+(?:\w+ly\s+)?"
switch("victim_told_by_age", "'a 72-year-old man had been injured in X', 'an 85-year-old woman was killed': a victim "
       "told by the age before the noun is one victim, as 'a man was injured' is (Ukrainian officials' copy names "
       "victims so)")


def aged_victims(what: str, text: str) -> int | None:
    """How many victims told by age the text says were ``what`` (killed or hurt), else None."""
    if not on("victim_told_by_age"):
        return None
    n = len(re.findall(rf"{_AGED}{_BE_AGED}{what}\b", text, re.I))
    return n or None


# Damage or outages a sentence tells at a place of its own, with no trigger and no toll.
_DAMAGE = re.compile(r"\b(?:recorded damage|damage to|damaged|fires? (?:broke out|erupted)|(?:left|were|was|remain(?:ed)?) "
                     r"without (?:electricity|power|heat\w*|water|gas)|power (?:outages?|cuts)|blackouts?)\b", re.I)
switch("damage_elsewhere", "'Multiple communities recorded damage throughout the X region', 'in the Y region, 40,000 "
       "families were left without electricity': after a strike, damage at a place of its own is that strike there, "
       "as a toll at a place of its own is")


# Where the damage is, told as the sentence's frame ("In the X region, ...") or as damage's own place
# ("recorded damage throughout the X region"): not repairs, shortfalls or a picture's ruins.
_PLACE_FRAME = re.compile(r"^\W*(?:\w+\s+){0,2}?In\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+,"
                          r"|\bdamage (?:throughout|across|in) (?:the\s+)?(?:[\w’'-]+\s+){0,2}?(?:region|oblast|city)\b")


def damage_told(text: str) -> bool:
    return on("damage_elsewhere") and bool(_DAMAGE.search(text)) and bool(_PLACE_FRAME.search(text))


_SINCE = re.compile(r"\bsince\s+(?!(?:then|\d{1,2}\s*(?:a\.?m|p\.?m)|dawn|midnight|morning|early)\b)[^,;]*", re.I)


def without_since(clause: str, at: int) -> str:
    """The clause without the 'since ...' phrases after its trigger ('the biggest exchange since Russia launched
    its assault in February 2022'): the year the phrase reckons from does not date the clause's event."""
    if not on("since_an_earlier_action"):
        return clause
    return clause[:at] + _SINCE.sub("", clause[at:])
