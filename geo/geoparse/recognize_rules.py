"""Whether a name the gazetteer knows is written as a place here: an ordered list of rules.

Each rule looks at one proposed span (with the facts in ``Facts``) and says True (a place),
False (not a place) or None (no opinion: ask the next rule). The first opinion wins, so order
matters: vetoes that hold whatever the label ("a 1992 Toyota") come before cues that accept
("shelled X"), and those before the model's label. Every rule has a name, a reason, a test in
tests/test_recognition_kinds.py and a switch (``geo eval --without NAME``, geo/rules.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.geoparse.cues import DocContext, language_cue, names_disease, person_cue
from geo.gazetteer import ABBREVIATION, DEMONYM, PRIMARY, TRANSLIT
from geo.gazetteer.lexicon import (DIRECTIONS, LOCATIVES, MEDIA_HEADS, FRONT_NOUNS, MISTAKABLE_LABELS, NOT_PLACE_LABELS,
                         OPENERS, ORG_HEADS, RESIDENT_NOUNS, STATE_BODIES, SUFFIX_FEATURES)
from geo.geoparse.readings import is_prominent, strong_readings
from geo.rules import active, rule
from geo.geoparse.war_cues import is_caption, war_cued, war_cued_after
from geo.geoparse.web_copy import is_layout
from geo.geoparse.war_words import FACILITY_NOUNS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
TIME_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_YEAR = re.compile(r"^(19|20)\d\d$")

DECISIONS: list = []


@dataclass
class Facts:
    """What the rules ask about one span, computed once."""

    ctx: DocContext
    span: object  # geo.types.Span
    ent: object
    contained: bool
    common: frozenset

    def __post_init__(self):
        doc, span, ent = self.ctx.doc, self.span, self.ent
        self.cands = span.candidates
        self.kinds = {c.kind for c in self.cands}
        self.first = doc[span.start]
        self.following = doc[span.end] if span.end < len(doc) else None
        self.preceding = doc[span.start - 1] if span.start > 0 else None
        self.single = span.end - span.start == 1
        self.label = ent.label_ if ent is not None else ""
        self.ent_start = name_start(ent) if ent is not None else span.start
        self.ent_end = name_end(ent) if ent is not None else span.end
        self.ent_is_longer = ent is not None and (self.ent_start < span.start or self.ent_end > span.end)
        self.strong = strong_readings(self.cands)
        self.prominent = any(is_prominent(c) for c in self.strong)
        self.at_start = self.first.idx in self.ctx.starts or (
            self.preceding is not None and self.preceding.text in OPENERS)
        self.locative = self.preceding is not None and self.preceding.lower_ in LOCATIVES
        self.word = self.first.lower_ in self.common
        # What the span is, whichever rule decides: the passes over the whole document
        # (geo/geoparse/recognize_passes.py) and resolution read it, so no switch may change it.
        span.demonym = self.kinds == {DEMONYM}


def decide(ctx: DocContext, span, ent, contained: bool, common: frozenset) -> bool:
    f = Facts(ctx, span, ent, contained, common)
    for r in active(DECISIONS):
        verdict = r.fn(f)
        if verdict is not None:
            return verdict
    return False


def _rule(name: str, reason: str):
    return rule(DECISIONS, name, reason)


@_rule("direction_alone", "'between North and Strickland avenues': a direction word alone is no place")
def _direction_alone(f: Facts):
    if f.single and f.first.lower_ in DIRECTIONS and not f.span.hint:
        return False


@_rule("year_before_make", "'a 1992 Toyota Corolla' is a vehicle (but 'a 2007 U.S. Supreme Court ruling')")
def _year_before_make(f: Facts):
    if f.preceding is not None and _YEAR.match(f.preceding.text) and f.following is not None \
            and f.following.is_title and not any(c.place.feature in {"country", "region"} for c in f.cands):
        return False


@_rule("named_day", "'St. Patrick's Day', 'Independence Day': a day named after someone or something")
def _named_day(f: Facts):
    after = [t.lower_ for t in f.ctx.doc[f.span.end:f.span.end + 2]]
    if after[:1] == ["day"] and f.following.text[:1].isupper() or (
            after[:1] in (["'s"], ["’s"]) and after[1:] == ["day"]):
        return False


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@_rule("weekday", "'on Monday', 'early Friday': a weekday is a date, whatever town bears its name")
def _weekday(f: Facts):
    if f.single and f.first.lower_ in _WEEKDAYS and not f.span.hint:
        return False


@_rule("named_disease", "'Lassa fever', 'West Nile virus', 'Marburg virus', 'Hong Kong flu': a disease "
       "named after a place is no mention of it (but 'Texas flu cases' are in Texas)")
def _named_disease(f: Facts):
    if names_disease(f.ctx.doc, f.span.end, any(c.place.feature in {"country", "region"} for c in f.strong)):
        return False


@_rule("alliance_acronym", "'a rebuke to Nato', 'Nato fighter planes': the alliance as the Guardian spells it "
       "is no town of that name (one in the Philippines), even after 'to' or 'of'")
def _alliance(f: Facts):
    if f.single and f.first.text in _ALLIANCES and f.label in {"ORG", ""}:
        return False


_ALLIANCES = {"Nato", "NATO", "Otan", "OTAN"}


@_rule("demonym", "'Ukrainian troops' name the country, 'Ukrainian Pravda' and 'spoke French' do not")
def _demonym(f: Facts):
    if not f.span.demonym:
        return None
    following = f.following
    if following is not None and following.text[:1].isupper() and (
            following.lower_ in MEDIA_HEADS or following.lower_ not in f.common):
        return False
    if language_cue(f.ctx.doc, f.span):
        return False
    ent = f.ent
    exact = ent is not None and ent.start == f.span.start and ent.end == f.span.end
    if f.label == "ORG" and any(t.lower_ in STATE_BODIES for t in f.ctx.doc[f.span.end:f.ent_end]):
        return True  # "the Georgian Interior Ministry": the state's organ
    return f.label in {"", "NORP", "GPE"} or (f.label == "PERSON" and exact)


@_rule("abbreviation", "'U.S.' as written is the country; 'KY 90' is a road")
def _abbreviation(f: Facts):
    if f.kinds == {ABBREVIATION}:
        return not (f.following is not None and f.following.like_num)


@_rule("town_opens_facility_name", "'the Syzran Oil Refinery', 'the Neftogorsk Gas Processing Plant': a plant "
       "named in Title Case after its town is one entity to the model, but the town opening it is where the plant is")
def _town_opens_facility(f: Facts):
    if f.ent is None or f.ent_end <= f.span.end or not f.single:
        return None
    start = f.ent_start  # "Drones Hit Samara Refinery": a heading's verb glued onto the name
    while start < f.span.start and f.ctx.doc[start].lower_ in _HEADING_VERBS:
        start += 1
    if start != f.span.start:
        return None
    words = [t.lower_ for t in f.ctx.doc[f.span.end:min(f.ent_end, f.span.end + 4)]]
    if not words or words[0] not in _INDUSTRY_WORDS or not any(w in _INDUSTRY_HEADS for w in words):
        return None
    if (f.word and not f.prominent) or f.first.lower_ in f.ctx.first_names or f.span.text.isupper() \
            or person_cue(f.ctx, f.first, f.span.end) or not _STRUCK.search(f.ctx.text[:20_000]):
        return None  # "Lincoln Power Station" in a story of no war may be anyone's
    if any(c.place.feature == "city" for c in _towns(f)):
        if not f.span.hint and not f.span.reading:
            f.span.reading = "city"
        return True


# Industrial plants of war copy, the words that can open and head their Title Case names.
_INDUSTRY_WORDS = {"oil", "gas", "fuel", "petrochemical", "chemical", "refinery", "processing", "pumping",
                   "thermal", "power", "ammunition", "metallurgical", "chemicals"}
_INDUSTRY_HEADS = {"refinery", "plant", "station", "depot", "terminal", "works", "complex", "facility"}
_HEADING_VERBS = {"hit", "hits", "strike", "strikes", "struck", "attack", "attacks", "shell", "shells", "pound",
                  "pounds", "target", "targets", "bomb", "bombs", "on", "at"}
_STRUCK = re.compile(r"\b(?:struck|strikes?|hit|drones?|missiles?|attack(?:ed|s)?|explosions?|fire|shelling|military)\b",
                     re.I)


@_rule("nested_in_entity", "'Wichita Street': the longer entity, not the word inside it, is the name")
def _nested(f: Facts):
    heads_a_name = (f.ent_start == f.span.start and f.following is not None
                    and f.following.lower_.rstrip(".") in ORG_HEADS)
    doc = f.ctx.doc
    if f.ent is not None and any(t.text in {",", "(", ")"} for t in doc[f.ent_start:f.ent_end]):
        return None  # "Velyka Novosilka, Donetsk" as one entity is two names, not one longer one
    if f.label in PLACE_LABELS and f.ent_is_longer and not heads_a_name and not (
            f.ent_end == f.span.end and all(t.lower_ in DIRECTIONS for t in doc[f.ent_start:f.span.start])):
        f.span.nested = True
        return False


@_rule("type_word", "'Kherson Oblast', 'Lake Erie', 'Greer, South Carolina': a type word or a region after it")
def _typed(f: Facts):
    span = f.span
    if span.hint or (span.end - span.start > 1 and f.ctx.doc[span.end - 1].lower_ in SUFFIX_FEATURES) \
            or f.contained:
        return True


@_rule("names_where", "'a Saratoga native', 'Rock Hill-based', 'the Bakhmut axis': where someone is from")
def _names_where(f: Facts):
    doc = f.ctx.doc
    after = doc[f.span.end:f.span.end + 2]
    if not len(after) or not f.strong:
        return None
    cue = (after[0].lower_ in RESIDENT_NOUNS or after[0].lower_ in FRONT_NOUNS
           or (after[0].text == "-" and len(after) > 1 and after[1].lower_ == "based"))
    before = f.preceding
    if (cue and f.first.lower_ not in f.ctx.first_names and not f.word
            and not (before is not None and before.text[:1].isupper() and before.lower_ not in {"a", "an", "the"})
            and not person_cue(f.ctx, f.first, f.span.end)):
        return True


@_rule("war_cue", "'shelled Bakhmut', 'near Lyman', 'the outskirts of Avdiivka', 'footage of destroyed "
       "Popasna': an event verb or a strong locative before a town's name, whatever label the model gave")
def _war_cue(f: Facts):
    if (not f.single and f.label in PLACE_LABELS) or f.label in TIME_LABELS:
        return None
    if f.word or f.first.lower_ in f.ctx.first_names or (f.span.text.isupper() and f.label != "GPE"):
        return None  # "in July", "from Salah Amin", "toward AIG"
    nxt = f.following
    if nxt is not None and (nxt.text[:1].isupper() or nxt.text in {"&", "-"}):
        return None  # "from Templeton Construction", "in Wal-Mart stores": part of a longer name
    if not war_cued(f.ctx, f.span.start):
        return None
    if _towns(f) and not person_cue(f.ctx, f.first, f.span.end):
        return True


@_rule("war_cue_after", "'Krasnohorivka was shelled', 'Kurakhove came under fire': a town that an event "
       "happens to, named before the verb")
def _war_cue_after(f: Facts):
    if f.label in TIME_LABELS or f.word or f.first.lower_ in f.ctx.first_names or f.span.text.isupper():
        return None
    if war_cued_after(f.ctx, f.span.end) and _towns(f) and not person_cue(f.ctx, f.first, f.span.end):
        return True


@_rule("facility_in_town", "'Lozova railway station', 'Pavlohrad substation', 'Kramatorsk's oil depot': "
       "a facility named after the town it is in names the town")
def _facility(f: Facts):
    doc = f.ctx.doc
    i = f.span.end
    if i < len(doc) and doc[i].text in {"'s", "’s"}:
        i += 1
    words = [t.lower_ for t in doc[i:i + 3]]
    if not words or words[0] not in FACILITY_NOUNS or f.word or f.first.lower_ in f.ctx.first_names \
            or f.span.text.isupper() or f.first.lower_.rstrip("s") in f.common:
        return None  # "Arts center", "AMEL center": a word or an acronym
    if not any(w in _FACILITY_HEADS for w in words):
        near = {t.lower_ for t in doc[max(0, f.span.start - 8):f.span.end + 8]}
        if not (any(w in _CIVIL_HEADS for w in words) and near & _WAR_NEAR):
            return None  # "Kyiv city" is the city; "Kyiv military base" needs its head noun
    if _towns(f) and f.label not in TIME_LABELS and not person_cue(f.ctx, f.first, f.span.end):
        if not f.span.hint and not f.span.reading and any(c.place.feature == "city" for c in _towns(f)):
            f.span.reading = "city"  # "Dnipro bus station" is in the city, not on the river
        return True


_FACILITY_HEADS = {"substation", "airbase", "airfield", "airport", "base", "depot", "station", "plant", "tpp",
                   "chp", "refinery", "museum", "council", "centre", "center", "checkpoint", "terminal",
                   "warehouse", "barracks", "garrison", "tower", "market", "supermarket", "port"}
# Buildings every town has ("Kharkiv School", "Mariupol Drama theatre"): named after the town only
# where the words around speak of the war; elsewhere "Lincoln Hospital" may be a person's name.
_CIVIL_HEADS = {"theatre", "theater", "school", "hospital", "university", "church", "cathedral", "stadium",
                "mall", "factory", "hotel", "kindergarten", "prison", "clinic", "college", "lyceum", "library",
                "monastery"}
_WAR_NEAR = {"shelled", "shelling", "struck", "strike", "strikes", "hit", "destroyed", "damaged", "ruins",
             "ruined", "bombed", "bombing", "missile", "missiles", "drone", "drones", "attack", "attacked",
             "explosion", "blast", "aftermath", "wreckage", "russian", "russians", "occupiers", "war"}


@_rule("community_of_town", "'Orikhiv territorial community', 'Huliaipole hromada': a community "
       "named after its town is coded to the town")
def _community(f: Facts):
    words = [t.lower_ for t in f.ctx.doc[f.span.end:f.span.end + 2]]
    if words and (words[0] in _COMMUNITY or words[:2] in (["territorial", "community"], ["rural", "community"],
                                                          ["settlement", "community"], ["urban", "community"])):
        if _towns(f) and not f.word:
            return True


_COMMUNITY = {"hromada", "community", "communities", "municipality"}


@_rule("caption", "a caption of a few words ('Destroyed bridge, Izium', 'Chuhuiv, drone footage') has "
       "no sentence for cues to fire in: a town's name in it is the place shown")
def _caption(f: Facts):
    if not is_caption(f.ctx) or f.word or f.first.lower_ in f.ctx.first_names \
            or f.first.lower_.rstrip("s") in f.common:
        return None
    if f.label in TIME_LABELS or (f.span.text.isupper() and f.label != "GPE"):
        return None
    nxt = f.following
    if nxt is not None and (nxt.text[:1].isupper() or nxt.text in {"&", "-"}):
        return None  # part of a longer name
    if any(c.kind <= TRANSLIT and not c.loose for c in f.cands) and not person_cue(f.ctx, f.first, f.span.end):
        return True


def _towns(f: Facts) -> list:
    return [c for c in f.cands if c.kind <= TRANSLIT and (not c.loose or c.place.population >= 1000)]


@_rule("mistaken_label_after_locative", "'a depot near Kramatorsk', 'in Montevideo next month': the "
       "model's PRODUCT or DATE on a big place after a locative")
def _mistaken_label(f: Facts):
    if f.label in MISTAKABLE_LABELS and f.single and f.preceding is not None \
            and (not f.ent_is_longer or (f.label in {"DATE", "TIME"} and f.ent_start == f.span.start)) \
            and f.locative and not f.word and any(c.kind == PRIMARY and is_prominent(c) for c in f.cands):
        return True


@_rule("not_place_label", "'Christmas', 'French': the model's DATE, LANGUAGE, WORK_OF_ART... is no place")
def _not_place_label(f: Facts):
    if f.label in NOT_PLACE_LABELS:
        return False


@_rule("person_cue", "'Gen. Jackson', 'Budanov said', 'Farrin, 43,': a person")
def _person_cue(f: Facts):
    if person_cue(f.ctx, f.first, f.span.end):
        if f.single and f.preceding is not None and f.preceding.text[:1].islower() and any(
                c.place.feature == "country" or c.importance >= 2 for c in f.strong):
            return None  # "..., Kyiv said", "as Moscow said": a capital or country speaking (rule person_cue)
        return False


@_rule("place_heads_office", "'Huntsville Fire Chief Tom Grisham': a place naming an office inside a person")
def _place_heads_office(f: Facts):
    if f.label == "PERSON" and f.ent_is_longer:
        return f.ent_start == f.span.start and f.following is not None and f.following.lower_ in ORG_HEADS


@_rule("word_opening_sentence", "'Us and them': a capitalised word opening a sentence")
def _word_opening(f: Facts):
    if f.single and f.at_start and f.word and not any(
            c.place.name == f.span.text and is_prominent(c) for c in f.strong):
        return False


@_rule("model_place_label", "the model's GPE or LOC on a name the gazetteer knows")
def _model_place(f: Facts):
    if f.label in {"GPE", "LOC"}:
        return not f.ent_is_longer or f.prominent or bool(f.strong)


@_rule("common_word", "'Will', 'March', 'Reading': a word unless plainly a big place or a country")
def _common_word(f: Facts):
    if f.single and f.word and not any(
            c.kind == PRIMARY and c.place.feature == "country" for c in f.strong) and (f.at_start or not any(
            c.kind == PRIMARY and c.place.feature == "city" and
            (c.place.population >= 100_000 or c.importance >= 2) for c in f.strong)):
        return False


_ARMED_HEADS = {"mercenaries", "mercenary", "pmc", "brigade", "regiment", "battalion"}
_WAR = re.compile(r"\b(?:mercenar\w*|troops|military|Kremlin|invasion|shelling|drones?|missiles?|frontline|front line)\b", re.I)


@_rule("armed_group_name", "'the Wagner Group', 'Wagner mercenaries' in a war story: an armed group named like a "
       "town abroad is the group, not the town")
def _armed_group(f: Facts):
    if f.label != "ORG" or f.prominent or f.following is None:
        return None
    head = f.following.lower_
    if head in _ARMED_HEADS or head == "group" and f.following.text == "Group" and _WAR.search(f.ctx.text[:20_000]):
        return False


@_rule("model_org_or_person", "the small model calls many towns ORG or PERSON: prominent ones, or after "
       "a locative, stay places; 'Harwinton Senior Center' names Harwinton; 'Armed Forces of Ukraine' Ukraine")
def _model_org(f: Facts):
    if f.label not in {"ORG", "PERSON", "FAC"}:
        return None
    if not f.ent_is_longer:
        return f.prominent or (f.locative and bool(f.strong))
    if f.ent_start == f.span.start and f.following is not None and f.following.lower_ in ORG_HEADS:
        return bool(f.strong)
    return f.prominent and (f.ent_start == f.span.start or (
        f.preceding is not None and f.preceding.lower_ in {"of", "in", "for"}))


@_rule("prominent", "a country, region, river or city of 100,000 needs no cue")
def _prominent(f: Facts):
    if f.prominent:
        return True


@_rule("small_place_after_locative", "'in Lanexa': a small place after a locative; without one it is "
       "decided later by where the story happens")
def _small_place(f: Facts):
    f.span.local = bool(f.strong) and not f.at_start and f.label == "" and not person_cue(f.ctx, f.first, f.span.end)
    return bool(f.strong) and f.locative


def name_start(ent) -> int:
    """Where the name in an entity starts: after "the" and direction words ("the North Richmond")."""
    start = ent.start
    while start < ent.end - 1 and (ent.doc[start].lower_ == "the" or ent.doc[start].lower_ in DIRECTIONS):
        start += 1
    return start


def name_end(ent) -> int:
    """Where the name in an entity ends: before a possessive ("Boone County's")."""
    end = ent.end
    while end > ent.start + 1 and (ent.doc[end - 1].text in {"'s", "’s", "'", "’", ".", ","}
                                   or is_layout(ent.doc[end - 1].text)):
        end -= 1
    return end
