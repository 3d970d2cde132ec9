"""ACLED's coding conventions: the sub-type a clause's trigger gives, adjusted by what else the
clause says and who acts.

Each convention is a named rule (``geo.rules``: a reason, a switch, a hand-written test in
tests/test_events.py). They run in order over ``(sub_type, clause, actors)`` and may change the
sub-type; three triggers only say what kind of thing happened and leave the sub-type to them:
TERRITORY (who captured), WITHDRAWAL (troops, or institutions), DETENTION (police, or an armed
force).
"""

from __future__ import annotations

import re

from geo.events import actors as actor_rules
from geo.events.triggers import DETENTION, TERRITORY, WITHDRAWAL, RULES, gap
from geo.rules import active, on, rule, switch

CONVENTIONS: list = []

_GOV_VERBS = re.compile(r"liberat|recaptur|retook|retaken|regain|took back|taken back|de-?occup", re.I)
_TROOPS = re.compile(r"\b(?:troops|forces|units|soldiers|army|military|fighters|garrison|personnel)\b", re.I)
_FROM = re.compile(r"\s*(?:\S+\s+){0,2}?(?:from|out of)\b", re.I)
_STATE_AGENTS = re.compile(r"\b(?:police|sbu|security service|law enforcement|authorities|investigators|"
                           r"prosecutors?|court|border guards|national guard|officers|counterintelligence)\b", re.I)
_KILLED = re.compile(r"\b(?:killed|executed|murdered|shot dead|tortured to death)\b", re.I)
_FELL_ON = re.compile(r"\b(?:crashed (?:into|onto|on)|fell (?:on|onto)|debris (?:\S+ ){0,3}?(?:damaged|hit|injur\w+|kill\w+|fell|destroyed))"
                      r"(?:\S* ){0,6}?\S*(?:houses?|homes?|buildings?|civilians?|people|residents?|injur\w+|kill\w+|damag\w+)", re.I)
_POSITIONS = re.compile(r"\b(?:captur\w*|seized|recaptur\w*|retook|regain\w*|took|taken) (?:\S+ ){0,3}?"
                        r"(?:positions?|trench\w*|lines?|heights|strongholds?|strongpoints?|footholds?|bridgeheads?)\b", re.I)
# Ground combat beside fire: "shelled, assaulted, and were repulsed from positions near X".
_GROUND = re.compile(r"\bassault(?:s|ed|ing)?\b|\bstorm(?:ed|ing)\b|\brepel(?:led|s)?\b|\brepuls(?:ed|e|ing)\b"
                     r"|\bclash(?:ed|es)?\b|\bfirefights?\b|\bground attacks?\b|\battempted to advance\b"
                     r"|\b(?:infantry|mechani[sz]ed) (?:attacks?|assaults?)\b", re.I)
_FIRE = {"Shelling/artillery/missile attack", "Air/drone strike"}
# A crewed aircraft, not a drone or a missile: its downing is fighting between two forces.
_CREWED = re.compile(r"\b(?:su|mig|tu|il|ka|mi|an|yak|be)-\d+\w*|\b(?:helicopters?|fighter jets?|warplanes?|"
                     r"fighter(?:-bomber)?s?|bombers?|(?:military |transport |attack )?(?:aircraft|planes?|jets?))\b", re.I)
_UNCREWED = re.compile(r"\b(?:drones?|uavs?|shaheds?|geran\w*|missiles?|rockets?|lancets?|"
                       r"orlan\w*|zala\w*|supercam\w*|projectiles?|bombs?)\b", re.I)
_SHOT_DOWN = re.compile(rf"\b(?:shot down|shoot(?:s|ing)? down|downed|destroyed) {gap(4)}", re.I)
_CAPTURE = next(r for r in RULES if r.name == "territory").regex


# What a kind-only trigger means when the convention that decides it is switched off.
_PLAIN = {TERRITORY: "Non-state actor overtakes territory", WITHDRAWAL: "Non-violent transfer of territory",
          DETENTION: "Arrests"}


def decide(sub_type: str, clause: str, actors: tuple[str, ...]) -> str:
    for convention in active(CONVENTIONS):
        sub_type = convention(sub_type, clause, actors) or sub_type
    return _PLAIN.get(sub_type, sub_type)


@rule(CONVENTIONS, "fire_and_assault_is_clash",
      "ACLED: shelling together with a ground assault in one clause is coded as the battle "
      "('shelled, assaulted, and were repulsed from positions near X')")
def _fire_and_assault(sub_type, clause, actors):
    if sub_type in _FIRE and _GROUND.search(clause):
        return "Armed clash"
    return None


@rule(CONVENTIONS, "capture_after_clash",
      "ACLED: 'following clashes, forces captured X' is the capture: the place changed hands")
def _capture_after_clash(sub_type, clause, actors):
    if sub_type == "Armed clash" and _CAPTURE.search(clause) and not _POSITIONS.search(clause):
        return TERRITORY
    return None


@rule(CONVENTIONS, "crewed_aircraft_downed_is_clash",
      "ACLED: shooting down a crewed aircraft of the other side is fighting between two forces, "
      "not a disrupted weapons use (which is for drones and missiles)")
def _crewed_aircraft(sub_type, clause, actors):
    if sub_type == "Disrupted weapons use":
        m = _SHOT_DOWN.search(clause)
        if m and _CREWED.search(clause, m.start()) and not _UNCREWED.search(clause, m.start()):
            return "Armed clash"
    return None


@rule(CONVENTIONS, "positions_are_clash",
      "ACLED: 'recaptured positions near X' is fighting: ground changes hands, not a place")
def _positions(sub_type, clause, actors):
    return "Armed clash" if sub_type == TERRITORY and _POSITIONS.search(clause) else None


@rule(CONVENTIONS, "territory_by_actor",
      "ACLED codes Ukraine's own forces taking a place back as the government regaining it; Russia "
      "(a foreign state) or its proxies taking one as a non-state actor overtaking it")
def _territory(sub_type, clause, actors):
    if sub_type != TERRITORY:
        return None
    actor = next((n for n in actors if n != actor_rules.CIVILIANS), None)
    if actor == actor_rules.UKRAINE or (actor is None and _GOV_VERBS.search(clause)):
        return "Government regains territory"
    return "Non-state actor overtakes territory"


@rule(CONVENTIONS, "institutions_leaving",
      "banks, offices and staff leaving are a change of activity; troops leaving transfer territory")
def _withdrawal(sub_type, clause, actors):
    if sub_type != WITHDRAWAL:
        return None
    m = next(r for r in RULES if r.sub_type == WITHDRAWAL).regex.search(clause)
    verb = m.group(0).lower() if m else ""
    moved = clause[m.end():m.end() + 50] if m else ""
    if verb.startswith(("withdr", "pull")) and not _TROOPS.search(moved) and not _FROM.match(moved):
        return "Change to group/activity"
    return "Non-violent transfer of territory"


_REMOTE_AIR = re.compile(r"\b(?:drones?|uavs?|shaheds?|aircraft|air ?strikes?|airstrikes?|glide bombs?|aerial bombs?|kabs?)\b", re.I)
_REMOTE_FIRE = re.compile(r"\b(?:missiles?|rockets?|shells?|shelling|artillery|mortars?|grads?|mlrs|projectiles?)\b", re.I)


@rule(CONVENTIONS, "killed_by_a_weapon",
      "ACLED: 'a drone killed a civilian' is remote violence, not a direct attack: the weapon decides")
def _by_weapon(sub_type, clause, actors):
    if sub_type != "Attack":
        return None
    if _REMOTE_AIR.search(clause):
        return "Air/drone strike"
    if _REMOTE_FIRE.search(clause):
        return "Shelling/artillery/missile attack"
    return None


@rule(CONVENTIONS, "abducted_and_killed", "abducted and killed: ACLED codes the killing")
def _abducted_killed(sub_type, clause, actors):
    return "Attack" if sub_type == "Abduction/forced disappearance" and _KILLED.search(clause) else None


@rule(CONVENTIONS, "wreckage_landed",
      "shot down, but the wreckage hit homes or people: the strike landed")
def _wreckage(sub_type, clause, actors):
    return "Air/drone strike" if sub_type == "Disrupted weapons use" and _FELL_ON.search(clause) else None


@rule(CONVENTIONS, "detention_by_armed_force",
      "ACLED: arrests are by the state; detentions by an occupying armed force are abductions")
def _detention(sub_type, clause, actors):
    if sub_type != DETENTION:
        return None
    acting = actors[0] if actors else None
    if acting in (actor_rules.RUSSIA, "DPR forces", "LPR forces", "Wagner Group", "Chechen forces") \
            and not _STATE_AGENTS.search(clause):
        return "Abduction/forced disappearance"
    return "Arrests"


_BLASTS = re.compile(r"\b(?:explosions?|blasts?|exploded|explosive devices?|detonat\w+)\b", re.I)
_STRUCK = re.compile(r"\b(?:struck|strikes?|attack\w*|shell(?:ed|ing)|bombard\w*|fired|launched)\b", re.I)


@rule(CONVENTIONS, "blast_without_a_weapon",
      "ACLED: explosions nobody is said to have fired ('explosions rocked a military facility in "
      "Crimea', 'two blasts at a depot') are coded as remote explosives, not as shelling")
def _blast(sub_type, clause, actors):
    if sub_type == "Shelling/artillery/missile attack" and _BLASTS.search(clause) and not (
            _REMOTE_AIR.search(clause) or _REMOTE_FIRE.search(clause) or _STRUCK.search(clause)):
        return "Remote explosive/landmine/IED"
    return None


def weapon_named(text: str) -> bool:
    """A weapon or a strike is named ("the sound of a missile that had hit a building"): a blast
    the sentence explains elsewhere than in its clause is that weapon's."""
    return bool(_REMOTE_AIR.search(text) or _REMOTE_FIRE.search(text))


switch("deep_strike_by_drone", "ACLED: Ukraine's strikes inside Russia whose weapon the text does not name "
       "('Ukrainian forces struck a refinery in X Oblast') are long-range drone strikes, as nearly all of them are")


def deep_strike(sub_type: str, trigger: str, place, actors: tuple[str, ...], sentence: str) -> str:
    """The sub-type of a strike once its place is known: a Ukrainian strike on Russia's soil with no
    weapon named is an air/drone strike."""
    if (sub_type == "Shelling/artillery/missile attack" and trigger == "strike_generic" and place is not None
            and place.country == "RU" and actors[:1] == (actor_rules.UKRAINE,) and not weapon_named(sentence)
            and on("deep_strike_by_drone")):
        return "Air/drone strike"
    return sub_type


# A drone or a bomb as the weapon, not as what was hit ("struck a drone warehouse", "drone operators").
_AIR_WEAPON = re.compile(r"(?<!anti-)(?<!counter-)\b(?:drones?|uavs?|shaheds?|geran\w*|kamikaze|glide bombs?|aerial bombs?|"
                         r"guided bombs?|kabs?|air ?strikes?|airstrikes?|warplanes?|aviation)\b(?!\s*(?:operators?|production|"
                         r"plants?|factor(?:y|ies)|warehouses?|depots?|units?|crews?|pilots?|workshops?|storage|launch|"
                         r"control|assembly|components?|parts|makers?|manufactur\w*))", re.I)
switch("weapon_told_around", "'Russian drones have killed two people in a sustained attack on the city', 'a drone attack "
       "on the capital, while a maternity ward in X has also been targeted': a strike told without its weapon is "
       "the weapon its clause, else its sentence names (drones alone: an air/drone strike; the sentence before may tell "
       "another strike, so it does not count)")


def weapon_around(sub_type: str, trigger: str, *texts: str) -> str:
    """The sub-type of a strike whose trigger names no weapon: the nearest text that names one decides."""
    if sub_type != "Shelling/artillery/missile attack" or trigger != "strike_generic" or not on("weapon_told_around"):
        return sub_type
    for text in texts:
        air, fire = _AIR_WEAPON.search(text), _REMOTE_FIRE.search(text)
        if air or fire:
            return "Air/drone strike" if air and not fire else sub_type
    return sub_type
