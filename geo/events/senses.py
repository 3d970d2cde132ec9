"""Trigger words that name violence or a capture rather than report it: a fight as the subject of a
forecast or of a comment, a participle before a noun, a battle word in its other sense. Named
switches, as the rest of geo.events; asked by the extractor for each trigger it finds."""

from __future__ import annotations

import re

from geo.events.outside_the_war import outside_the_war
from geo.events.backdrop import fighting_as_backdrop
from geo.events.goals import told_as_an_aim
from geo.events.strike_damage import damage_by_a_weapon
from geo.rules import on, switch

# A fight named by a noun, then a modal verb: the noun is the subject of a forecast.
NOMINAL = re.compile(r"(?:counter-?(?:attacks?|offensives?)|offensives?|breakthroughs?|assaults?|battles?|"
                     r"clash(?:es)?|combat|hostilities|fighting|advances)$", re.I)
MODAL_NEXT = re.compile(r"[\s”’\"']*(?:\w+\s+){0,4}?(?:would|could|may|might|will|should|can)\b", re.I)
switch("nominal_with_modal",
       "a fight named by a noun that is the subject of a modal ('a major breakthrough in the south "
       "would challenge ...', 'counterattacks may have done enough to ...') is analysis, not an event")

# Violence named by a noun that is the subject of a verb of comment: what the attacks did to
# opinion or diplomacy, not where and what they hit.
_STRIKE_NOUN = re.compile(r"(?:attacks?|strikes?|shelling|blasts?|explosions?|bombardments?|bombing|assaults?|"
                          r"offensives?|fighting)$", re.I)
_COMMENTARY_NEXT = re.compile(
    r"[\s”’\"']*(?:\w+\s+){0,3}?(?:have |has |had )?(?:sparked|spark|prompted|prompt|drew|drawn|raised|caught|"
    r"echo(?:es|ed)?|(?<=have )continued|(?<=has )continued|underscored?|underlined?|highlight(?:s|ed)?|"
    r"(?:was|were|is|are) (?:a reminder|part of|seen as|widely seen|meant to|aimed at|intended))\b", re.I)
switch("violence_as_subject_of_comment",
       "'The attacks have sparked panic among tourists', 'Russian attacks have continued despite the threat "
       "of sanctions', 'the shelling echoes the siege of ...': violence named as the subject of a verb of "
       "comment is the story's analysis, not a report of what was hit ('fighting continues in X' still is)")
_PARTICIPLE = re.compile(r"(?:liberated|captured|recaptured|retaken|seized)$", re.I)
_BEFORE_ADJECTIVE = re.compile(r"\b(?:from|in|into|of|across|through|newly|all|its|their|other)\s+$",
                               re.I)
switch("participle_as_adjective",
       "'images emerging from liberated Ukrainian cities', 'the newly captured village': a participle before a "
       "noun describes the place, it does not report its capture")


# A leaving or an entering names a transfer of territory only when a force or a side moves.
_MOVES = re.compile(r"(?:left|withdr\w+|pull\w* (?:out|back)|abandon\w*|entered|moved into|moving into)\b", re.I)
# No capitals: before a move verb a capital is where someone spoke ("officials in Moscow said the staff had left").
_FORCE_BEFORE = re.compile(r"\b(?:troops|forces|army|armies|units?|soldiers|servicemen|brigades?|battalions?|regiments?|"
                           r"fighters|military|russians?|ukrainians?|russia|ukraine|enemy|invaders|occupiers|"
                           r"defenders|they|it|we|marines|paratroopers|infantry|tanks?|columns?|groups?|wagner)\b", re.I)
switch("move_needs_a_force",
       "a leaving or an entering is a transfer of territory only when an armed force or a side moves: 'the war "
       "entered its fourth year', 'the delegation left the city' name none")

# A deal signed or reached: an agreement of the war only when the other side of it is named.
_DEAL = re.compile(r"(?:signed|reached|concluded|agreed)\b", re.I)
_RUSSIAN_SIDE = re.compile(r"\b(?:russia\w*|moscow|kremlin|putin|separatists?|dpr|lpr)\b", re.I)
switch("agreement_between_the_war_sides",
       "'Ukraine and the United States signed a minerals deal', 'Ukraine and Sweden signed an agreement on drone "
       "production': ACLED codes agreements between the war's sides; a deal with an ally names no Russian side")


# "Ukraine is fighting for its survival", "our soldiers are fighting near X": the war's state, told in the present.
_FIGHTING = re.compile(r"fighting\b", re.I)
_IS_BEFORE = re.compile(r"\b(?:are|is)\s+(?:(?:still|now|also|bravely|heroically|currently)\s+)?$", re.I)
switch("fighting_in_the_present",
       "'Ukraine is fighting for its survival', 'our soldiers are fighting near X': fighting told in the present "
       "progressive is the state of the war a speaker or analyst describes, not one clash on a day")


def named_not_told(clause: str, m: re.Match) -> bool:
    """A trigger that names violence or a capture rather than reporting it happening."""
    if _FIGHTING.match(m.group(0)) and _IS_BEFORE.search(clause, max(0, m.start() - 30), m.start()) \
            and on("fighting_in_the_present"):
        return True
    if _DEAL.match(m.group(0)) and not _RUSSIAN_SIDE.search(clause) and on("agreement_between_the_war_sides"):
        return True
    if _MOVES.match(m.group(0)) and not _FORCE_BEFORE.search(clause, max(0, m.start() - 80), m.start()) \
            and on("move_needs_a_force"):
        return True
    if other_sense(clause, m):
        return True  # "leaders clashed over the plan", "combat brigades", "engaged in talks"
    if outside_the_war(clause, m):
        return True  # "arrested on bribery charges", "a hacking attack", "jailed over protests"
    if damage_by_a_weapon(clause, m):
        return True  # "a kindergarten was set on fire by falling debris": the strike's damage
    if fighting_as_backdrop(clause, m):
        return True  # "talks unfolded alongside intense fighting": the scene, not a clash
    if told_as_an_aim(clause, m):
        return True  # "the de-occupation of the territory", "by liberating X, we will": an aim
    word = re.sub(r"\s+on$", "", m.group(0).strip())
    if NOMINAL.match(word) and MODAL_NEXT.match(clause, m.end()) and on("nominal_with_modal"):
        return True  # "a breakthrough would challenge", "counterattacks may have done enough"
    if _STRIKE_NOUN.match(word) and _COMMENTARY_NEXT.match(clause, m.end()) \
            and on("violence_as_subject_of_comment"):
        return True
    return bool(_PARTICIPLE.match(word) and _BEFORE_ADJECTIVE.search(clause, max(0, m.start() - 20), m.start())
                and not re.match(r"\s+by\b", clause[m.end():]) and on("participle_as_adjective"))


# Battle words in their other senses, told by the words right after them.
_OTHER_SENSE = (
    (re.compile(r"clash(?:ed|es)?$", re.I), re.compile(r"\s+(?:over|about|at (?:the|a) (?:meeting|summit|talks))\b", re.I)),
    (re.compile(r"combat$", re.I), re.compile(
        r"[\s-]+(?:brigades?|units?|aircraft|vehicles?|experience|readiness|ready|zones?|missions?|drones?|training|"
        r"medics?|engineers?|capabilit\w+|power|effectiveness|duty|equipment|veterans?|role|jets?|helicopters?|pay|"
        r"fatigue|stress|gear|uniforms?)\b", re.I)),
    (re.compile(r"assaults?$", re.I), re.compile(
        r"\s+(?:rifles?|brigades?|units?|troops|regiments?|battalions?|ships?|aircraft|compan(?:y|ies)|detachments?|"
        r"vehicles?|boats?|squads?|weapons?|charges?|allegations?|case|trial)\b", re.I)),
    (re.compile(r"engaged (?:in|with)$", re.I), re.compile(
        r"\s+(?:\S+\s+)?(?:talks|negotiations?|diplomacy|dialogue|discussions?|contacts?|consultations?|efforts?|"
        r"process|washington|kyiv|moscow|the (?:us|u\.s\.|united states|kremlin|white house|eu|european union))\b", re.I)),
    (re.compile(r"pushed (?:\S+ ){0,3}?back$", re.I), re.compile(r"\s+(?:on|against)\b", re.I)),
    (re.compile(r"breakthrough$", re.I), re.compile(r"\s+(?:in|on|at) (?:the )?(?:\w+ )?(?:talks|negotiations|peace)", re.I)),
    (re.compile(r"hit$", re.I), re.compile(r"\s+(?:out|back|hard times|a (?:record|high|low)|record|the headlines|home)\b",
                                           re.I)),
)
switch("other_sense",
       "battle words in their other senses, told by the words after them: leaders 'clashed over the plan', "
       "'combat brigades', 'assault rifles', 'engaged in talks', 'pushed back against the plan', 'a breakthrough "
       "in talks', 'hit out at critics'")


_AIM_IN_PROGRESS = re.compile(r"(?:trying|attempting|seeking) to (?:encircle|surround|capture|seize|take|cut off|occupy)$",
                              re.I)
_PROGRESSIVE = re.compile(r"\b(?:are|is|were|was|been)(?:\s+(?:still|now|also))?\s+$", re.I)
switch("aim_in_progress",
       "'Russian forces are trying to encircle X', 'has been trying to capture Y': a campaign's aim in progress is "
       "the story's analysis; a dated attempt ('tried to advance near X') is a clash")


def other_sense(clause: str, m: re.Match) -> bool:
    word = m.group(0).strip()
    if _AIM_IN_PROGRESS.match(word) and _PROGRESSIVE.search(clause, max(0, m.start() - 20), m.start()) \
            and on("aim_in_progress"):
        return True
    return on("other_sense") and any(w.match(word) and nxt.match(clause, m.end()) for w, nxt in _OTHER_SENSE)
