"""One event per happening: sentences that continue an event join it.

News tells one attack in several sentences ("Russian forces shelled Kharkiv on Thursday.
Artillery shells hit apartment blocks in the city's Saltivskyi district. A woman was killed.").
ACLED codes one event per place and day, so a sentence joins the event before it when it names
no other place (only the event's own, one inside it, or one holding it), states no other day,
and adds something to it: its toll, a finer place, or words that point back ("the strike",
"the city's"). The event keeps its first sentence and gains the others (``Event.more``); a finer
place ("the city's Saltivskyi district") becomes its place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.distance import distance_km
from geo.events.city_parts import section_of
from geo.events.places import Where, precision
from geo.events.seats import container, stands_for_region, town_of_the_region
from geo.events.toll import Toll, toll
from geo.rules import on, rule, switch
from geo.types import Event, Place, Resolution, Sentence

JOINS: list = []  # the rules below, for geo.rules' registry and switches
INSIDE_KM = 25.0  # a city's district, plant or bridge is this close to its centre

_POINTS_BACK = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:strikes?|attacks?|shelling|bombardment|blasts?|"
    r"explosions?|assaults?|raids?|barrage|incident|fighting|battles?|clash(?:es)?|hits?|impacts?)\b"
    r"|\bthe (?:city|town|village|settlement|region|oblast)(?:'s|’s)?\b|\bthere\b|\bas a result\b", re.I)
_CONTAINERS = {"region", "historical_region", "country", "continent"}
_PARTS = {"district", "dam", "bridge", "power_plant", "port", "airport", "industrial", "landmark"}


@rule(JOINS, "continuation",
      "ACLED codes one event per place and day: a sentence that goes on about the event before "
      "(its toll, a finer place, 'the strike', 'the city's') joins it instead of becoming a new one")
def _enabled():
    return True


@rule(JOINS, "one_attack_on_a_city",
      "strikes told the same day on a city and on districts of it, or as drones in one sentence and "
      "missiles in the next, are one attack: ACLED codes one event per place, day and type")
def _one_attack_enabled():
    return True


@rule(JOINS, "finer_place",
      "the event's place is the finest the text names: 'the city's Saltivskyi district' after 'shelled "
      "Kharkiv' moves the event into the district")
def _finer_enabled():
    return True


_ELSEWHERE = re.compile(r"\belsewhere\b|\bin (?:another|a separate) (?:attack|strike|incident)\b", re.I)
switch("elsewhere_is_another", "'A woman was injured in that attack, and elsewhere in the region three people were "
       "injured in Russian shelling': what happened elsewhere is another event, though it names no other place")


def holds(container: Place, place: Place) -> bool:
    """``place`` lies in ``container``: the same place, a region's town, a town's district."""
    if place.id == container.id:
        return True
    if container.feature == "country":
        return place.country == container.country
    if container.feature in _CONTAINERS:
        return bool(container.admin1_code) and place.admin1_code == container.admin1_code
    if container.feature == "city":
        km = distance_km(place.lat, place.lon, container.lat, container.lon)
        if place.feature == "district" and container.population < TOWN_WITH_DISTRICTS and on("villages_have_no_districts"):
            return km <= VILLAGE_KM or section_of(container, place)
        return place.feature in _PARTS and km <= INSIDE_KM or section_of(container, place)
    return False


# A village or small town has no city districts: "the city's Saltivskyi district" after "shelled A and the
# village of B" is a district of the city the article is about, 20 km from B, not a part of B.
TOWN_WITH_DISTRICTS = 20_000
VILLAGE_KM = 5.0
switch("villages_have_no_districts", "'... shelled A and the village of B. Artillery shells hit apartment blocks in the "
       "city's X district.': a city's district within 25 km of a village is not the village's part; a town under "
       f"{TOWN_WITH_DISTRICTS:,} people holds a district only within {VILLAGE_KM:g} km")


def _named(by_sentence: dict[int, list[Resolution]], s: Sentence) -> list[Resolution]:
    return [r for r in by_sentence.get(s.index, []) if r.place is not None and r.mention.label != "DEMONYM"]


def continued(prev: Event, s: Sentence, now: Event | None, stated: str | None,
              by_sentence: dict[int, list[Resolution]], text: str) -> Event | None:
    """``prev`` with sentence ``s`` joined to it, or None when ``s`` reports something else.
    ``now``: the event ``s`` would report on its own (None: ``s`` has no trigger);
    ``stated``: the day ``s`` states, if any."""
    if not on("continuation") or prev.place is None:
        return None
    if stated is not None and prev.date is not None and stated != prev.date:
        return None  # another day, another event
    if _ELSEWHERE.search(s.text) and on("elsewhere_is_another"):
        return None
    named = _named(by_sentence, s)
    where = container(prev)
    if any(not holds(where, r.place) and not holds(r.place, prev.place) for r in named):
        return None  # it names somewhere else
    inside = [r for r in named if r.place.id != prev.place.id and holds(where, r.place)
              and not (stands_for_region(prev, where) and r.place.feature in _CONTAINERS)]
    if inside and not town_of_the_region(prev, where, now, s.text, [r.place for r in named]):
        return None
    finer = inside[0] if inside and on("finer_place") else None
    points_back = bool(_POINTS_BACK.search(s.text))
    if now is None:
        t = toll(s.text)
        if not (t.stated or finer or points_back):
            return None
    elif opens_back(s.text):
        t = Toll(now.fatalities, now.injured)  # "The assault killed four": the event before, told on
    else:
        if now.type != prev.type:
            return None
        if not (now.sub_type == prev.sub_type or points_back or finer or not named):
            return None
        t = Toll(now.fatalities, now.injured)
    return join(prev, s, t, Where(finer, precision(text, finer)) if finer else None)


_SUBJECT_BACK = re.compile(r"\W*(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|assaults?|strikes?|barrage|"
                           r"bombardment|raids?|shelling|onslaught)\s+(?:also\s+)?(?:killed|wounded|injured|damaged|"
                           r"destroyed|hit|left|caused|knocked|cut|struck)\b", re.I)


@rule(JOINS, "anaphor_subject",
      "'The assault killed four people and destroyed energy infrastructure.' after a strike: a sentence whose "
      "subject points back at the attack before tells that attack's toll, whatever its verb suggests")
def opens_back(sentence: str) -> bool:
    return bool(_SUBJECT_BACK.match(sentence)) and on("anaphor_subject")


def join(prev: Event, s: Sentence, t: Toll, finer: Where | None = None) -> Event:
    event = replace(prev, more=(*prev.more, s),
                    fatalities=prev.fatalities if prev.fatalities is not None else t.fatalities,
                    injured=prev.injured if prev.injured is not None else t.injured)
    if finer is not None:
        event = replace(event, place=finer.resolution.place, mention=finer.resolution.mention,
                        precision=finer.precision)
    return event


_RETOLD = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_RETOLD_SUB_TYPES = {"Disrupted weapons use"}


@rule(JOINS, "interceptions_retold",
      "air defence over a place on a day is one event however often the story comes back to it ('drones "
      "were shot down over the capital' ... 'some were shot down and fell from the sky')")
def _retold_kind(e: Event) -> bool:
    return e.type in _RETOLD or e.sub_type in _RETOLD_SUB_TYPES and on("interceptions_retold")


@rule(JOINS, "retold_by_anaphor",
      "a later sentence that points back ('the big explosion', 'the attack') at a place and day the story "
      "has coded is that event told again, whatever sub-type its own words suggest")
def _points_back(e: Event) -> bool:
    text = e.sentence.text
    return (bool(_POINTS_BACK.search(text)) and e.type in _RETOLD and on("retold_by_anaphor")
            and not (_ELSEWHERE.search(text) and on("elsewhere_is_another")))


_REMOTE = "Explosions/Remote violence"


def _same_attack(out: list[Event], e: Event) -> int | None:
    """An earlier strike the same day on the same city, or a district of it ("a barrage of
    drones and missiles hit Kyiv" ... "missiles struck the Solomianskyi district"): one attack."""
    if e.type != _REMOTE or e.date is None or not on("one_attack_on_a_city"):
        return None
    if _ELSEWHERE.search(e.sentence.text) and on("elsewhere_is_another"):
        return None  # "and elsewhere in the region two people were injured": another strike
    for i, kept in enumerate(out):
        if kept.type == _REMOTE and kept.date == e.date and kept.place is not None and (
                holds(kept.place, e.place) and kept.place.feature == "city"
                or holds(e.place, kept.place) and e.place.feature == "city"):
            return i
    return None


_GROUND = {"Armed clash", "Non-state actor overtakes territory", "Government regains territory",
           "Non-violent transfer of territory"}


@rule(JOINS, "one_ground_event_a_place_a_day",
      "'Russian forces made an assault on X' ... 'troops had entered the city'; 'Ukrainian troops have withdrawn "
      "from X' ... 'the enemy continues active offensive actions in the X area': fighting for a place and its "
      "entry, capture or loss told the same day are one happening -- ACLED codes one event per place and day")
def _same_ground(out: list[Event], e: Event) -> int | None:
    if e.sub_type not in _GROUND or e.date is None or not on("one_ground_event_a_place_a_day"):
        return None
    return next((i for i, kept in enumerate(out) if kept.sub_type in _GROUND and kept.date == e.date
                 and kept.place is not None and kept.place.id == e.place.id), None)


def retold(events: list[Event]) -> list[Event]:
    """One event per (sub-type, place, date) in an article: a story comes back to its strike
    ("The strike on Kharkiv killed four...") without it happening twice. The first telling
    stays, with the later one's sentence and a toll it states."""
    first: dict[tuple, int] = {}
    by_type: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sub_type, e.place.id if e.place else None, e.date)
        kind = (e.type, e.place.id if e.place else None, e.date)
        if e.place is not None and key not in first and kind in by_type and _points_back(e):
            key = (out[by_type[kind]].sub_type, *key[1:])
        # Violence is retold; developments ("banks withdrawn", "units brought in") are many.
        i = first.get(key) if e.place is not None and _retold_kind(e) else None
        if i is None and e.place is not None and _retold_kind(e):
            i = _same_attack(out, e)
        if i is None and e.place is not None:
            i = _same_ground(out, e)
        if i is None:
            first.setdefault(key, len(out))
            by_type.setdefault(kind, len(out))
            out.append(e)
            continue
        kept = out[i]
        more = tuple(x for x in (*kept.more, *e.sentences) if x.index != kept.sentence.index)
        out[i] = replace(kept, more=tuple(sorted({x.index: x for x in more}.values(), key=lambda x: x.index)),
                         fatalities=kept.fatalities if kept.fatalities is not None else e.fatalities,
                         injured=kept.injured if kept.injured is not None else e.injured)
    return out


def continuing(events: list[Event], last: int, s: Sentence, day, by_sentence, text) -> tuple[int, Event | None]:
    """Which event of the sentence before ``s`` continues in it ("Russian troops shelled A and the
    village of B. In B, a woman was wounded."), and that event with ``s`` joined: the last of them
    that takes it."""
    if not events or last != s.index - 1:
        return -1, None
    k = len(events) - 1
    while k >= 0 and events[k].sentences[-1].index == s.index - 1:
        joined = continued(events[k], s, None, day, by_sentence, text)
        if joined is not None:
            return k, joined
        k -= 1
    return -1, None
