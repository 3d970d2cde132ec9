"""Words of violence or of the war's developments that, in their clause, report neither: a crime
the police arrest someone for, an attack by hackers, a court case over a protest held before, firms
or families relocating, soldiers described as mobilised, a call intercepted, a scene captured on
camera, talks that hit a dead end, an explosion an accident set off. ACLED codes political violence
and the war's developments, not crime, accidents, cyber incidents, trials, intelligence work or
descriptions of who someone is. Named switches
(`geo eval --without NAME`), asked by geo.events.senses for each trigger found."""

from __future__ import annotations

import re

from geo.rules import on, switch

_ARREST = re.compile(r"(?:arrest|detain|apprehended|taken into custody)", re.I)
# Ordinary crime: not 'murder' or 'killing' (a soldier held for killing civilians is the war's).
_CRIME = re.compile(
    r"\b(?:brib\w*|corrupt\w*|embezzl\w*|fraud\w*|smuggl\w*|drug[- ]?(?:trafficking|dealing|dealers?)|"
    r"narcotics?|drugs|cocaine|heroin|stabb\w*|knife attack|theft|thie(?:f|ves)|burglar\w*|robb\w*|poach\w*|"
    r"tax evasion|money laundering|extortion|drunk(?:en)? driving|speeding|shoplift\w*|counterfeit\w*|"
    r"with \d+\s?(?:kg|kilograms?|grams?|tons?|tonnes?)\b)", re.I)
switch("arrest_for_a_crime",
       "'officials arrested on bribery charges', 'six detained in a fatal stabbing', 'a woman arrested with 14 kg "
       "of caviar': an arrest for an ordinary crime is police work, not the political arrest ACLED codes")

_ATTACK = re.compile(r"(?:attack|hit|struck|target)", re.I)
_CYBER = re.compile(r"\b(?:hack(?:ing|er|ers)?|cyber|ddos|ransomware|(?:denial|distributed)[- ]of[- ]service)"
                    r"[\s-]*attacks?\b|\bcyber-?attacks?\b|\bhackers?\b|\bhacked\b", re.I)
switch("cyber_attack",
       "'a state media corporation hit by an unprecedented hacking attack', 'a cyber attack on the railway': an "
       "attack by hackers breaks no one's body or building, ACLED codes no violence")

_PROTEST_WORD = re.compile(r"(?:protest|rall|demonstrat|picket)", re.I)
_COURT_BEFORE = re.compile(
    r"\b(?:jail\w*|sentenc\w*|convict\w*|courts?|prosecut\w*|trials?|fined|fines|charged|charges|"
    r"verdict|acquitt\w*|imprison\w*|prison terms?|jail terms?)\b(?:[\s-]+[^\s-]+){0,8}?[\s-]+(?:over|for|after|in)[\s-]+"
    r"(?:(?:the|a|an|their|his|her|last|earlier|\w+'s|\w+’s)[\s-]+)?(?:[^\s-]+[\s-]+){0,2}$", re.I)  # a link's words too
switch("court_over_a_protest",
       "'a court jailed five more men over the town's protests', 'prosecutors seek a jail term for an artist over a "
       "supermarket protest': a trial for a protest held before is a court case, not the protest")

_RELOCATED = re.compile(r"relocat", re.I)
_CIVIL_MOVERS = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|businesses|enterprises?|factor(?:y|ies)|plants?|manufacturers?|producers?|"
    r"universit(?:y|ies)|schools?|offices?|headquarters of (?:the )?(?:bank|company|firm)|banks?|shops?|"
    r"families|residents|people|refugees|children|civilians|workers|employees|staff|students|patients|"
    r"artists?|start-?ups?|retailers?|brands?|embass(?:y|ies))\b", re.I)
switch("civilian_relocation",
       "'some 280 companies have relocated to the province', 'families relocated from the frontline towns': firms, "
       "schools and families moving are the economy and displacement, not an armed group's change of activity")

_MOBILISED = re.compile(r"mobili[sz]ed$", re.I)
_WHO_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:men|soldiers|troops|reservists|servicem[ae]n|recruits|conscripts|"
                        r"citizens|russians|ukrainians|fighters|personnel|workers|residents|people|sons?|husbands?)\b",
                        re.I)
switch("mobilised_as_description",
       "'mobilised men from the region were housed in a school', 'the deaths of hundreds of mobilised troops': "
       "the participle before a noun says who the soldiers are, it reports no mobilisation")

_INTERCEPT = re.compile(r"intercept", re.I)
_TALK = r"(?:(?:phone|telephone|radio|mobile) )?(?:calls?|conversations?|communications?|messages?|transmissions?|audio|" \
        r"recordings?|chats?|correspondence|letters?|e-?mails?|texts?)\b"
_TALK_AFTER = re.compile(r"\w*\s+(?:\S+\s+){0,3}?" + _TALK, re.I)
_TALK_BEFORE = re.compile(r"\b" + _TALK + r"(?:\s+\S+){0,6}?\s+$", re.I)
switch("intercepted_talk",
       "'intelligence released a phone call it said was intercepted between a soldier and his wife', 'intercepted "
       "radio messages': a conversation intercepted is intelligence work, not a missile or drone downed")

_CAPTURE = re.compile(r"captur", re.I)
_RECORDING_BEFORE = re.compile(r"\b(?:footage|videos?|cameras?|images?|photos?|photographs?|pictures?|recordings?|"
                               r"clips?|satellite|cctv|dashcams?|bodycams?|webcams?|lens)\b(?:\s+\S+){0,4}?\s*$", re.I)
_RECORDING_AFTER = re.compile(r"\w*\s+(?:\S+\s+){0,2}?(?:on (?:camera|video|film|tape)|the moment|the scene|the aftermath|"
                              r"images?|footage|the destruction|the explosion|the blast|the strike)\b", re.I)
switch("captured_on_camera",
       "'footage capturing the destruction of a corvette at anchor near X', 'a video captured the moment the drone "
       "hit': what a camera captures is recorded, not a place taken")

_HIT = re.compile(r"hit\b", re.I)
# not "the market" nor "a wall": a missile hits those
_FIGURE_AFTER = re.compile(r"\w*\s+(?:a |an |the )?(?:dead[- ]end|snags?|impasse|roadblocks?|stalemate|deadlock|"
                           r"brick wall|rock[- ]bottom|(?:record|all-time|new) (?:highs?|lows?)|nerve|"
                           r"campaign trail|ground running|jackpot)\b", re.I)
switch("hit_a_dead_end",
       "'peace talks had hit a dead end', 'the negotiations hit a snag': talks or prices that hit an impasse or a "
       "low strike nothing")

_BLAST = re.compile(r"(?:explo|blasts?\b|detonat|went off|caught fire|fire)", re.I)
# What makes an explosion an accident: gas in a home or a pipe, fireworks, a boiler, a crash on the road or rails.
_ACCIDENT = re.compile(r"\b(?:gas (?:leaks?|explosions?|cylinders?|canisters?|pipes?|pipelines?|mains?|stoves?)|"
                       r"household gas|domestic gas|fireworks?|pyrotechnics?|boilers?|short[- ]circuit\w*|"
                       r"(?:traffic|road|car|highway|rail|railway|industrial|workplace) (?:accidents?|crash(?:es)?|"
                       r"collisions?)|derail\w*|collision between)\b", re.I)
switch("accidental_explosion",
       "'a cargo of fireworks exploded after a highway crash', 'a household gas explosion destroyed two flats': an "
       "explosion an accident set off is no attack, whoever reports it; ACLED codes political violence only")


def outside_the_war(clause: str, m: re.Match) -> bool:
    """A trigger whose clause tells of crime, hacking, a trial, civilian moves or who soldiers are."""
    word = m.group(0)
    before = clause[max(0, m.start() - 90):m.start()]
    if _ARREST.match(word) and _CRIME.search(clause) and on("arrest_for_a_crime"):
        return True
    if _ATTACK.match(word) and _CYBER.search(clause) and on("cyber_attack"):
        return True
    if _PROTEST_WORD.match(word) and _COURT_BEFORE.search(before) and on("court_over_a_protest"):
        return True
    if _RELOCATED.match(word) and _CIVIL_MOVERS.search(before) and on("civilian_relocation"):
        return True
    if _INTERCEPT.match(word) and (_TALK_AFTER.match(clause, m.start() + 9) or _TALK_BEFORE.search(before)) \
            and on("intercepted_talk"):
        return True
    if _HIT.match(word) and _FIGURE_AFTER.match(clause, m.start() + 3) and on("hit_a_dead_end"):
        return True
    if _BLAST.match(word) and _ACCIDENT.search(clause) and on("accidental_explosion"):
        return True
    if _CAPTURE.match(word) and (_RECORDING_BEFORE.search(before) or _RECORDING_AFTER.match(clause, m.start())) \
            and on("captured_on_camera"):
        return True
    return bool(_MOBILISED.match(word.strip()) and _WHO_AFTER.match(clause, m.end())
                and on("mobilised_as_description"))
