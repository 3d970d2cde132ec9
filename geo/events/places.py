"""Where: the one place an event is attached to, among the places its clause names.

Rules, in order:
- an analyst's "(coded to X)" names the place outright;
- never a nationality word (mentions labelled DEMONYM), never an unresolved name;
- a weapon's origin is not the event's place ("from Popasna fired at Stakhanov" -> Stakhanov),
  unless it is the only place named;
- a name right after "X," that is no more specific than X is X's container ("Sevastopol,
  Crimea"), not a place of its own;
- the most specific place wins (a village over its district, region or country: "shelled Kruta
  Balka, Donetsk" -> Kruta Balka); among equals, the first one after the trigger (the object
  of "shelled"), else the last one before it;
- precision: "near X", "X community", "the X direction" -> near the place; a region or country
  only -> the region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.events.addressed import addressed
from geo.events.asides import described, without_described
from geo.events.list_items import in_brackets_after, qualified_join
from geo.events.officials import officials_city
from geo.events.qualifiers import qualifies_a_noun
from geo.events.vessels import names_a_ship
from geo.rules import on, rule, switch
from geo.types import NEAR_PLACE, PLACE_ITSELF, REGION_ONLY, Resolution

# How specific a feature is: lower is more specific.
_SPECIFIC = {"city": 0, "dam": 0, "bridge": 0, "power_plant": 0, "port": 0, "airport": 0,
             "industrial": 0, "landmark": 0, "island": 0, "district": 1, "river": 2, "lake": 2,
             "reservoir": 2, "mountain": 1, "region": 3, "historical_region": 3, "strait": 3,
             "gulf": 3, "sea": 3, "country": 4, "continent": 5}
_BROAD = {"region", "historical_region", "country", "continent", "sea", "gulf", "strait"}

_CODED = re.compile(r"\(\s*coded to\b", re.I)
_ORIGIN = re.compile(r"\b(?:from|launched from|fired from|from the direction of|from the territory of|"
                     r"from (?:the )?(?:airspace|skies) (?:of|over)(?: the)?(?: occupied| temporarily occupied)?|"
                     r"from the area of|from positions (?:in|near)|based in|stationed in)\s+(?:\S+\s+){0,3}$", re.I)
_NEAR_BEFORE = re.compile(r"\b(?:near|nearby|outskirts of|vicinity of|around|close to|outside|towards?|"
                          r"direction of|area of|areas (?:of|near)|environs of|approaches to|"
                          r"(?:\d+|\w+) (?:km|kilomet(?:er|re)s?|miles?) (?:\w+ ){0,2}(?:of|from))\s+(?:the\s+)?"
                          r"(?:(?:village|town|city|settlement)\s+of\s+)?(?:\S+\s+){0,1}$",
                          re.I)
_NEAR_AFTER = re.compile(r"^\S*\s+(?:(?:territorial |village |urban |rural |settlement )?(?:community|hromada)|"
                         r"district|raion|rayon|area|direction|axis|sector|front|outskirts|vicinity|front line)\b",
                         re.I)
_WEAPON_AFTER = re.compile(r"(?:-\S+)?\s+(?!(?:with|by|using|and|or|in|on|at|from|to|of|for|after|before|as|were|was|had|have)\b)(?:\S+\s+)?(?:drones?|uavs?|missiles?|rockets?|launchers?|systems?|"
                           r"boats?|vessels?|jets?|bombs?|howitzers?|mlrs|munitions?)\b", re.I)
_SECTOR_AFTER = re.compile(r"\s+(?:direction|axis|sector|front|tactical area)\b", re.I)
# "on the Kupiansk, Lyman, and Kramatorsk directions": every name of the list names a sector.
_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
# Items are joined by a comma or "and"/"or", never by nothing: one way to read a list, so a run of
# thousands of names is read once (linear), not in every way it could be cut.
_SECTORS_AFTER = re.compile(rf"(?:\s*,\s*(?:and\s+|or\s+)?{_NAME}|\s+(?:and|or)\s+{_NAME}){{0,12}}\s*,?\s+"
                            r"(?:directions?|axis|axes|sectors?|tactical areas?)\b")
_CONTAINER_AFTER = re.compile(r"\s+(?:suburbs?|outskirts|district|neighbou?rhood|village|town)\s+of\s", re.I)
# "near Krasnohorivka, Novomykhailivka and Vuhledar": "near" holds for every name of its list.
_NEAR_LIST = re.compile(r"\bnear\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}"
                        r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){1,12}$")
switch("near_a_list", "'attacked near Krasnohorivka, Novomykhailivka and Vuhledar': every place of a list after 'near' "
       "is near the place (precision 2), not only the first")
_REGION_WORD = re.compile(r"\b(?:region|oblast|province|krai|district|raion)\b", re.I)


@dataclass(frozen=True, slots=True)
class Where:
    resolution: Resolution
    precision: int


def choose(text: str, clause: tuple[int, int], trigger_at: int, resolutions: list[Resolution],
           moving_from: bool = False) -> Where | None:
    """The event's place among ``resolutions`` (those inside the clause, resolved, in text order).

    ``text`` is the whole document, ``clause`` and ``trigger_at`` absolute offsets;
    ``moving_from``: the event is a departure ("withdrew from X"), so "from X" is its place."""
    usable = placeable(text, resolutions)
    # "Magura navy drones", "Kalibr missiles": a name before a weapon names the weapon.
    usable = [r for r in usable if not _WEAPON_AFTER.match(text, r.mention.end)] or usable
    if not usable:
        return None
    usable = without_described(text, usable)
    if (own := officials_city(text, clause, trigger_at, usable)) is not None:
        return Where(own, NEAR_PLACE)
    coded = _CODED.search(text, clause[0], clause[1])
    if coded is not None:
        after = [r for r in usable if r.mention.start >= coded.end()]
        if after:
            before = text[max(clause[0], coded.start() - 40):coded.start()]
            broad = _REGION_WORD.search(before) or after[0].place.feature in _BROAD
            return Where(after[0], REGION_ONLY if broad else NEAR_PLACE)
        usable = [r for r in usable if r.mention.start < coded.start()] or usable
    # "the Kharkiv suburb of Kupiansk-Vuzlovyi": the town named after "suburb of" is the place;
    # "north of Vovchansk near Tykhe": the town a direction is reckoned from is not.
    usable = [r for r in usable if not _CONTAINER_AFTER.match(text, r.mention.end)] or usable
    usable = [r for r in usable if not is_reference(text, r)] or usable
    # "in the Huliaipole direction near Staromaiorske": a sector named after a town yields to the
    # village the action was near.
    usable = [r for r in usable if not _SECTOR_AFTER.match(text, r.mention.end)] or usable
    if not moving_from:
        targets = [r for r in usable if not _ORIGIN.search(text, max(clause[0], r.mention.start - 40), r.mention.start)]
        usable = targets or usable
    # "Sevastopol, Crimea", "Kruta Balka, Donetsk": the name after the comma holds the one before.
    held = {id(r) for prev, r in zip(usable, usable[1:])
            if text[prev.mention.end:r.mention.start].strip() == ","
            and _SPECIFIC.get(r.place.feature, 2) >= _SPECIFIC.get(prev.place.feature, 2)}
    usable = [r for r in usable if id(r) not in held] or usable
    towns = [r for r in usable if r.place.feature == "city"]
    usable = [r for r in usable if not any(far_district(r, t) for t in towns)] or usable
    if on("facility_named_elsewhere"):
        usable = [r for r in usable if not any(named_elsewhere(text, r, t) for t in towns)] or usable
    best = min(_SPECIFIC.get(r.place.feature, 2) for r in usable)
    tied = [r for r in usable if _SPECIFIC.get(r.place.feature, 2) == best]
    after = [r for r in tied if r.mention.start >= trigger_at]
    chosen = after[0] if after else tied[-1]
    return Where(chosen, precision(text, chosen))


# "Moscow said", "Kyiv's fight", "talks between Moscow and Kyiv": a capital standing for its
# government is where nothing happens.
_GOVERNMENT_AFTER = re.compile(r"(?:'s|’s|\s+(?:said|says|has|have|had|is|was|will|would|wants|blamed|accused|"
                               r"denied|denies|claimed|claims|announced|insists|insisted|responded|rejected|"
                               r"did|does|warned|called|urged|refused|agreed|sees|believes|considers|must|"
                               r"and (?:kyiv|moscow|washington)|(?:officials?|authorities|leadership|government)))\b",
                               re.I)
# "after Moscow mounted an assault", "Moscow launched 40 drones": the capital is the side that acts,
# and its strikes land elsewhere.
_ACTOR_AFTER = re.compile(r"\s+(?:has |had |have )?(?:mounted|launched|fired|sent|deployed|unleashed|stepped up|"
                          r"pressed|pushed|massed|ordered|threw|hurled|began|started|escalated|intensified)\b", re.I)
switch("capital_as_actor", "'after Moscow mounted an assault', 'Moscow launched 40 drones': a capital as the side that "
       "mounts or launches an attack is no place of it")


def acting_capital(text: str, r: Resolution) -> bool:
    return is_capital(r.place) and bool(_ACTOR_AFTER.match(text, r.mention.end)) and on("capital_as_actor")


_CLOCK_AFTER = re.compile(r"\s+time\b", re.I)
_GOVERNMENT_BEFORE = re.compile(r"\b(?:for|with|against|between|blamed on|blames on|blaming)\s+$", re.I)


def placeable(text: str, resolutions: list[Resolution]) -> list[Resolution]:
    """The mentions an event can take place at: resolved, never a nationality word, never a
    country or continent (ACLED places an event at a region at the coarsest), never a capital
    standing for its government."""
    out, governments = [], on("capital_as_government")
    for r in resolutions:
        if r.place is None or r.mention.label == "DEMONYM" or r.place.feature in _NATIONAL:
            continue
        if qualifies_a_noun(text, r) or names_a_ship(text, r):
            continue
        if _CLOCK_AFTER.match(text, r.mention.end):
            continue  # "20:00 Moscow time": a clock, not a place
        if governments and is_capital(r.place) and (
                _GOVERNMENT_AFTER.match(text, r.mention.end)
                or _GOVERNMENT_BEFORE.search(text, max(0, r.mention.start - 12), r.mention.start)
                and not _NEAR_BEFORE.search(text, max(0, r.mention.start - 40), r.mention.start)
                or addressed(text, r.mention.start)):
            continue
        if acting_capital(text, r):
            continue
        out.append(r)
    return out


_NATIONAL = {"country", "continent"}

def _capitals() -> frozenset[tuple[str, str]]:
    from geo.gazetteer.sources import capitals

    return capitals()


def is_capital(place) -> bool:
    return place.feature == "city" and (place.country, place.name) in _capitals()


PLACES: list = []


@rule(PLACES, "capital_as_government",
      "'Moscow said', 'Kyiv's fight against Russia', 'support for Kyiv': a capital standing for its "
      "government is no event's place")
def _capital_enabled():
    return True


def precision(text: str, r: Resolution) -> int:
    if r.place.feature in _BROAD:
        return REGION_ONLY
    m = r.mention
    if r.place.feature == "district" or _NEAR_BEFORE.search(text, max(0, m.start - 40), m.start):
        return NEAR_PLACE
    if on("near_a_list") and _NEAR_LIST.search(text, max(0, m.start - 200), m.start):
        return NEAR_PLACE
    if _NEAR_AFTER.match(text[m.end:m.end + 40]):
        return NEAR_PLACE
    return PLACE_ITSELF


# "Kherson City and Beryslav": a type word may close a name before the join.
# "shelled Kupiansk and the village of Lyptsi", "Orikhiv as well as the town of Huliaipole".
_LIST_JOIN = re.compile(r"^(?:\s+(?:city|town|village))?(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|\s*&\s*|,?\s+as well as\s+)"
                        r"(?:(?:in\s+|on\s+|at\s+)?the\s+(?:nearby\s+|neighbou?ring\s+)?(?:village|town|city|settlement|hamlet)s?\s+of\s+)?$", re.I)


def listed_after(text: str, chosen: Resolution, resolutions: list[Resolution]) -> list[Resolution]:
    """Places listed right after the chosen one, as specific as it ("shelled Huliaipole, Orikhiv
    and Mala Tokmachka"): each is the place of an event of its own, as ACLED codes one per location.
    A region closing the list ("Huliaipole and Orikhiv, Zaporizhzhia") is their container."""
    rank = _SPECIFIC.get(chosen.place.feature, 2)
    out, last = [], chosen
    usable = {id(r) for r in placeable(text, resolutions)}
    for r in sorted(resolutions, key=lambda r: r.mention.start):
        if r.mention.start < last.mention.end:
            continue
        join = text[last.mention.end:r.mention.start]
        if in_brackets_after(text, last.mention.end, r.mention.start):
            continue  # "Vovchansk (Kharkiv region), Kupiansk": the item's region
        if id(r) not in usable or not (_LIST_JOIN.match(join) or qualified_join(join)):
            break  # "shelled Kherson, and Kyiv said ...": the capital speaking ends the list
        if _SPECIFIC.get(r.place.feature, 2) != rank or r.place.id == chosen.place.id:
            break
        out.append(r)
        last = r
        if re.search(r"\b(?:and|or|well)\b|&", join):
            return out  # the list's last item; a ", X" after it is their region
    return []  # commas only: "Orikhiv, Zaporizhzhia" may be a town and its region


# "north of Vovchansk near Tykhe": the town a direction is reckoned from is no place of the event.
_REFERENCE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+"
                        r"(?:of|from)\s+(?:the\s+)?$", re.I)
# How an analyst introduces each place of an action: "near X", "toward Y", "in Z", "and W".
_INTRODUCED = re.compile(r"(?:\b(?:near|toward|towards|in|at|around|outside|into|on|within|and|or)|,)\s+"
                         r"(?:the\s+)?(?:(?:village|town|city|settlement)s?\s+of\s+)?(?:occupied\s+)?$", re.I)


_ANALYST = re.compile(r"\b(?:near|toward|towards|in the (?:direction|area|vicinity)s? of|outskirts|directions?|occupied)\b", re.I)
switch("spread_in_analyst_copy",
       "an action spreads to every place its clause names only in an analyst's grammar ('attacked near A and toward "
       "B', 'struck a depot in occupied C'); in a narrative sentence the others are context: 'hit a plant in X, leaving "
       "homes in Y without power', 'struck X, a day after a strike on Y' (a list, 'shelled X, Y and Z', still is each)")
_CONTAINER_COMMA = re.compile(r"\w,\s*$")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)", re.I)


def is_reference(text: str, r: Resolution) -> bool:
    return bool(_REFERENCE.search(text, max(0, r.mention.start - 30), r.mention.start))


@rule(PLACES, "each_place_of_an_action",
      "ISW and staff reports name one action at many places ('attacked north of Vovchansk near "
      "Tykhe, northeast of it near Vilcha and toward Lyptsi'): ACLED codes an event at "
      "each place near which it happened, not at the towns directions are reckoned from")
def spread(text: str, clause: tuple[int, int], chosen: Resolution | None,
           resolutions: list[Resolution]) -> list[Resolution]:
    """The other places of the clause the action happened at, after the chosen one (all of
    them when ``chosen`` is None), in order."""
    out, seen = [], {chosen.place.id} if chosen else set()
    after = chosen.mention.start if chosen else -1
    regions = False  # "damaged in X, as well as in A, B and C oblasts": the regions listed too
    usable = placeable(text, resolutions)
    aside = described(text, usable)
    for r in usable:
        if not clause[0] <= r.mention.start < clause[1] or r.mention.start <= after or id(r) in aside:
            continue
        if r.place.feature == "region" and chosen is not None and on("regions_as_well"):
            join = text[max(clause[0], (out[-1] if out else chosen).mention.end):r.mention.start]
            regions = bool(_ALSO_IN.search(join) or regions and _LIST_JOIN.match(join) and len(join) < 8)
            if regions and r.place.id not in seen:
                out.append(r)
                seen.add(r.place.id)
            continue
        if r.place.id in seen or r.place.feature in _BROAD or r.place.feature in ("river", "lake", "sea"):
            continue
        if chosen is not None and far_district(r, chosen):
            continue
        if is_reference(text, r) or _ORIGIN.search(text, max(clause[0], r.mention.start - 40), r.mention.start):
            continue
        if not _INTRODUCED.search(text, max(clause[0], r.mention.start - 45), r.mention.start):
            continue
        previous = out[-1] if out else chosen
        listed = previous is not None and _LIST_JOIN.match(text[previous.mention.end:r.mention.start])
        if not listed and not _ANALYST.search(text, clause[0], r.mention.start) and on("spread_in_analyst_copy"):
            continue  # "in Maryinka, Sloviansk, and Kramatorsk" is a list, each place of the action
        if _CONTAINER_COMMA.search(text, max(clause[0], r.mention.start - 3), r.mention.start) \
                and not _LIST_GOES_ON.match(text, r.mention.end):
            continue  # "near Robotyne, Zaporizhia.": a town, then its oblast by the oblast's city
        out.append(r)
        seen.add(r.place.id)
    return out


_ALSO_IN = re.compile(r"\b(?:as well as|and also|and|also)\s+in\s+(?:the\s+)?$", re.I)
switch("regions_as_well", "'buildings damaged in Kyiv, as well as in Kirovohradska, Kyivska, and Vinnytska oblasts': "
       "regions listed after the action's place with 'as well as in' are places of the action too, each an event "
       "at its region")


@rule(PLACES, "sector_only",
      "'fighting was recorded on the Kupiansk and Lyman directions', 'continued offensive operations in "
      "the Novopavlivka direction but did not advance': a front sector is named after a town but is no "
      "place; with no settlement named, ACLED codes no event there")
def names_a_sector(text: str, where: "Where") -> bool:
    return bool(_SECTORS_AFTER.match(text, where.resolution.mention.end))


NATIONAL_LEVEL = {"Disrupted weapons use", "Agreement"}


@rule(PLACES, "national_at_capital",
      "'Ukraine downed all but 26 drones', 'Ukraine and Russia each handed over 390 prisoners': what a "
      "country does as a whole, with no place named, ACLED codes at its capital (precision 3)")
def at_capital(resolutions: list[Resolution], seat, text: str = "", sub_type: str = "") -> Where | None:
    from geo.events.national import the_country

    country = the_country(text, resolutions, sub_type)
    return at_its_capital(country, seat) if country is not None else None


def at_its_capital(country: Resolution, seat) -> Where | None:
    """A country's mention placed at its capital, precision 3: how what it takes as a whole is coded."""
    town = seat(country.place.country)
    return Where(Resolution(country.mention, town, country.score), REGION_ONLY) if town is not None else None


def nearby(text, parsed, paragraph, index, by_sentence) -> Where | None:
    """A place named in the two sentences before, in the same paragraph ("there", "the city"),
    else in the next one (a quotation's "!" or "?" cut the sentence)."""
    for back in (1, 2, -1):
        j = index - back
        if not 0 <= j < len(paragraph) or paragraph[j] != paragraph[index]:
            continue
        usable = [r for r in by_sentence.get(j, []) if r.place is not None and r.mention.label != "DEMONYM"]
        if on("place_the_sentence_before_acted_at"):
            usable = [r for r in placeable(text, usable) if not is_reference(text, r)] or usable
        specific = [r for r in usable if r.place.feature not in _BROAD]
        if specific:
            first = on("place_the_sentence_before_acted_at") or back < 0
            r = specific[0] if first else specific[-1]
            return Where(r, precision(text, r))
    return None


switch("place_the_sentence_before_acted_at",
       "'... launched one of its largest attacks on Kharkiv and Zaporizhzhia. Only 38 missiles were shot down.', "
       "'killed 10 people in the city of Kramatorsk, the regional governor in Donetsk said. The attack took place at "
       "10am': a sentence that names no place happened where the sentence before told its action, its "
       "first place, not the last one it named (a speaker's seat, a town directions are reckoned from)")


def far_district(r: Resolution, town: Resolution) -> bool:
    """Whether ``r`` is a district the gazetteer has only in another city, far from the town its
    sentence names ("struck Kherson, wounding a man in the Solomianskyi district": Kherson's own
    district, not the capital's one of that name)."""
    from geo.distance import distance_km

    return (r.place.feature == "district" and town.place.feature == "city" and on("district_of_the_town_named")
            and distance_km(r.place.lat, r.place.lon, town.place.lat, town.place.lon) > _DISTRICT_KM)


_DISTRICT_KM = 60.0
switch("district_of_the_town_named", "'struck Kherson with drones, wounding a man in the Solomianskyi district': a district "
       "named beside a town is the town's; a namesake district the gazetteer has in a city hundreds of km away is no "
       "place of the event")


# "the Melitopol Oil Depot in Mykolaiv": the words between a town and the town the facility is in.
_FACILITY_IN = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:refinery|plant|depot|station|terminal|airfield|airbase|"
                          r"substation|works|factory|base)\s+(?:in|outside|near)\s+(?:the\s+)?"
                          r"(?:(?:city|town|village)\s+of\s+)?", re.I)
switch("facility_named_elsewhere",
       "'struck the Melitopol Oil Depot in Mykolaiv': a facility named after one town but said to be in another "
       "is where it is; a town of the same oblast after 'in' ('the Syzran refinery in Samara') names its region, "
       "and the facility's own town stays the finer place")


def named_elsewhere(text: str, r: Resolution, town: Resolution) -> bool:
    if town is r or r.place.feature != "city" or town.mention.start <= r.mention.end:
        return False
    m = _FACILITY_IN.match(text, r.mention.end)
    return m is not None and m.end() == town.mention.start and r.place.id != town.place.id \
        and not (r.place.admin1 and r.place.admin1 == town.place.admin1)
