"""What happened: trigger rules, as named data.

Each rule is a regular expression over one clause of a sentence (case-insensitive), the ACLED
sub-event type it signals, a tier and the reason it exists. When several rules fire in a clause,
the lowest tier wins and, within a tier, the trigger that comes first (the main verb of a news
sentence or an analyst's note usually precedes the details). Three sub-types depend on who acts or
what moves and are decided in geo.events.extract: TERRITORY (who captured), WITHDRAWAL (troops,
or institutions), DETENTION (police, or an armed force).

``NOT_EVENT`` rules (geo.events.not_event) say when a trigger does not report something that happened:
hypotheticals, plans, threats, denials, habits, alerts.
"""

from __future__ import annotations

import re

from geo.events.not_event import NOT_EVENT, NotEvent
from geo.events.trigger_rule import (_AIR_WEAPON, _DRONE, _GUNS, _PROTEST, _VICTIMS, DETENTION, TERRITORY, WITHDRAWAL,
                                     Rule, gap)
from geo.rules import switch

# Importable from here, where the extractor and the modules adding rules have always taken them.
__all__ = ["ARMED", "ARMED_CUES", "CONTEXT", "DETENTION", "NOT_EVENT", "NotEvent", "POLITICAL", "POLITICAL_CUES",
           "RULES", "Rule", "STORY_CUES", "SWITCHED_TRIGGERS", "TERRITORY", "WITHDRAWAL", "gap", "union"]


def union(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """A gate: does any rule match at all? Every trigger starts a word, and trying the
    alternatives only where a word starts is 2-3 times faster than at every character."""
    return _UNIONS.get(patterns) or _UNIONS.setdefault(
        patterns, re.compile(r"(?=\b)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.I))


_UNIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


_RULES: tuple[Rule, ...] = (
    # -- tier 0: rare, unmistakable kinds that must not be swallowed by a generic verb --------
    Rule("suicide_bomb", "Suicide bomb",
         r"\bsuicide (?:bomb\w*|attack\w*|car bomb|vest)|\bblew (?:him|her|them)sel(?:f|ves) up|\bself-detonat\w*",
         0, "ACLED: an attacker detonates explosives on their body or vehicle"),
    Rule("chemical_weapon", "Chemical weapon",
         r"\bchemical (?:weapons?|munitions?|agents?|attacks?)|\b(?:poison(?:ous)?|toxic|asphyxia\w*) (?:gas|substances?|agents?)"
         r"|\bchloropicrin|\bk-51\b|\brg-vo\b|\bgas grenades?",
         0, "ACLED: toxic chemical munitions, including drone-dropped gas grenades"),
    Rule("sexual_violence", "Sexual violence",
         r"\brap(?:e|ed|es|ing)\b|\bsexual(?:ly)? (?:violence|assault\w*|abuse\w*|abused|assaulted)",
         0, "ACLED: sexual violence against civilians"),
    Rule("excessive_force", "Excessive force against protesters",
         rf"\b(?:police|officers|troops|soldiers|forces|guards)\b {gap(5)}(?:fired (?:on|at)|opened fire on|shot|killed|beat)\b {gap(3)}{_PROTEST}",
         0, "ACLED: lethal or grave force against protesters who are not rioting"),
    Rule("protest_intervention", "Protest with intervention",
         rf"\b(?:police|officers|security forces|guards|authorities)\b {gap(5)}(?:dispersed|broke up|detained|arrested|removed)\b {gap(5)}{_PROTEST}"
         rf"|{_PROTEST} {gap(4)}(?:were|was) (?:dispersed|detained|broken up)",
         0, "ACLED: a peaceful protest that police or others try to stop"),
    Rule("violent_demonstration", "Violent demonstration",
         rf"\b(?:protesters|demonstrators|rioters|crowds?) {gap(4)}(?:clashed|threw|hurled|set fire|torched|smashed|vandali[sz]ed|stormed|attacked|burned)\b"
         r"|\briot(?:s|ed|ing)?\b|\b(?:threw|hurled|thrown) (?:\S+ ){0,2}?(?:smoke bombs?|stones|rocks|eggs|bottles|molotov\w*|firecrackers|flares|paint)\b",
         0, "ACLED: demonstrators engage in violence or destruction"),
    Rule("mob_violence", "Mob violence",
         r"\bmob\b|\blynch\w*|\bvigilantes?\b", 0, "ACLED: a crowd, not an organised group, attacks someone"),
    Rule("peaceful_protest", "Peaceful protest",
         r"\bprotest(?:ed|s|ers|ing)?\b|\brall(?:y|ies|ied) (?:against|for|in|to|demanding)|\bheld (?:a |an )?rally"
         r"|\bdemonstrators\b|\bdemonstrations? (?:\S+ ){0,6}?(?:against|demanding|to demand|in support|in solidarity|calling for|over)\b|\b(?:anti-\S+|mass|street|opposition|peaceful) demonstrations?\b|\b(?:peacefully )?demonstrated (?:in|against|outside|near|at|peacefully|for)\b|\bpicket\w*|(?-i:\bmarch(?:ed)?) (?:against|for|in support|to demand)"
         r"|\b(?:gathered|assembled) (?:\S+ ){0,4}?(?:to demand|to protest|demanding|in support of)|\bsit-in\b|\bwent on strike",
         0, "ACLED: people gather to voice a demand without violence"),
    # -- tier 1: remote violence and territory: the commonest coded events ------------------
    Rule("note_label", "Disrupted weapons use",
         r"^\W*(?:interception|defusal|demining|shootdown|shoot-down|electronic warfare)\s*:",
         0, "analysts' notes label interceptions and defusals before the date ('Interception: On ...')"),
    Rule("interception", "Disrupted weapons use",
         r"\bshot down\b|\bshoot(?:s|ing)? down\b|\bdowned\b|\bintercept(?:ed|s|ing|ion)\b"
         rf"|\bdestroyed (?:(?!with\b|using\b|by\b)\S+ ){{0,3}}?{_DRONE}|\b(?:air defen[cs]es?|anti-aircraft)\b {gap(4)}(?:destroyed|neutrali[sz]ed|repelled|engag(?:ed|ing)|was active|were active|worked)"
         rf"|\b(?:electronic warfare|ew)\b {gap(4)}(?:suppressed|jammed|disabled|downed)|\bneutrali[sz]ed (?:\S+ ){{0,5}}?(?:{_DRONE}|missiles)\b"
         rf"|\b{_DRONE} (?:\S+ ){{0,2}}?(?:were|was) (?:\S+ )?(?:destroyed|downed|neutrali[sz]ed|intercepted|suppressed|jammed)\b",
         1, "ACLED: air defence stops drones or missiles (coded as 'Interception')"),
    Rule("defusal", "Disrupted weapons use",
         r"\bdefus(?:ed|ing)\b|\bdemin(?:ed|ing)\b|\bdisarmed\b|\b(?:disposed of|neutrali[sz]ed|cleared|removed|destroyed) (?:\S+ ){0,4}?(?:mines?|explosives?|ordnance|shells?|munitions?|ieds?|explosive objects?)\b"
         r"|\b(?:found|discovered|seized|confiscated) (?:\S+ ){0,4}?(?:weapons? caches?|caches? of (?:weapons|arms)|arms depots?|(?:improvised )?explosive devices?|ieds?|explosives|grenades?|detonators?|ammunition)\b",
         1, "ACLED: explosives defused or weapons seized before use"),
    Rule("air_strike", "Air/drone strike",
         r"\bair ?strikes?\b|\bair-strikes?\b|\bair raids?\b(?! (?:alert|siren|warning|alarm|shelter))"
         rf"|\b{_DRONE} (?:strikes?|attacks?|struck|hit|attacked|targeted|dropped|exploded|crashed|slammed|bombed)\b"
         rf"|\b(?:drone|uav)-(?:strike|attack|drop)\w*\b(?! (?:supplies|aid|cargo|food|water|ammunition|deliver\w*))|\bdropp?(?:ed|s|ing)? (?:\S+ ){{0,3}}?(?:explosives?|grenades?|bombs?|munitions?|ieds?|charges?)\b"
         r"|\bbomb(?:ed|ing|ings)\b|\baerial bombs?|\bguided (?:aerial )?bombs?|\bglide bombs?|\bkabs?\b|\bfab-\d+"
         r"|\b(?:air|aviation)(?: forces?| units?)? (?:\S+ ){0,2}?(?:struck|strikes?|attacked|carried out|conducted|launched|fired|deployed|dropped|used|hit|bombed)\b"
         r"|\b(?:cluster|aerial|guided|glide|air|fab|kab|rbk|odab)[- ]?\S*\s+bombs?\b|\bbombs? (?:were |was )?dropped"
         r"|\b(?:aircraft|helicopters?|warplanes?|jets?|planes|bombers?|su-\d+|ka-\d+|mi-\d+)s? (?:\S+ ){0,3}?(?:struck|fired|attacked|launched|hit|bombed|carried out)\b"
         rf"|\b(?:attacked|struck|hit|targeted|destroyed|damaged|killed|injured|wounded|strikes? on|attacks? on|shelled) (?:\S+ ){{0,6}}?(?:with|using|by) (?:\S+ ){{0,3}}?{_AIR_WEAPON}"
         rf"|\b(?:launched|used|using|deployed|employed|sent) (?:\S+ ){{0,3}}?{_DRONE}|\b{_DRONE} (?:\S+ ){{0,2}}?(?:to (?:attack|strike|hit|drop|target))\b|\b{_DRONE} (?:\S+ ){{0,3}}?(?:struck|hit|attacked|targeted)\b",
         1, "ACLED: aircraft or drones strike; drones dropping munitions count"),
    Rule("shelling", "Shelling/artillery/missile attack",
         rf"\bshell(?:ed|ing|s)\b|\bartillery (?:fire|strikes?|attacks?|barrage)|\b(?:fired|firing|fires|launched|launching) (?:\S+ ){{0,4}}?{_GUNS}"
         r"|\bmortar (?:fire|attacks?|rounds)|\b(?:missile|rocket) (?:strikes?|attacks?|fire)\b"
         r"|\b(?:missiles?|rockets?|projectiles?|iskanders?|kalibrs?) (?:had |have |also )?(?:struck|hit|slammed|targeted|attacked|landed|fell|destroyed|crashed into|smashed into|ploughed into|plowed into)\b"
         rf"|\b(?:struck|hit|targeted|attacked) (?:\S+ ){{0,6}}?(?:with|using) (?:\S+ ){{0,3}}?{_GUNS}|\bbombard(?:ed|ment|ing)\b|\btank fire\b",
         1, "ACLED: artillery, mortars, rockets and ground- or sea-launched missiles"),
    Rule("remote_explosive", "Remote explosive/landmine/IED",
         r"\b(?:land)?mines? (?:exploded|detonated|blast|explosion)|\b(?:stepped on|stepping on|hit|ran over|drove over|driving over|struck|triggered|detonated) (?:a |an )?(?:\S+ ){0,2}?(?:landmine|mine|tripwire|ied|explosive device)\b"
         r"|\bexplosion of (?:an? |the )?(?:\S+ ){0,2}?(?:explosive device|explosive object|mine|landmine|ied|ordnance|shell)\b|\bexplosives? (?:\S+ ){0,1}?planted|\bplanted (?:\S+ ){0,2}?explosives?"
         r"|\blandmines?\b|\bieds?\b|\bimprovised explosive|\bexplosive devices? (?:exploded|detonated|went off)|\bbooby[- ]trap\w*|\btripwire\b|\bcar bomb"
         r"|\b(?:unexploded|explosive) (?:ordnance|remnants?|objects?) (?:\S+ ){0,2}?(?:exploded|detonated|went off)"
         r"|\bblew up (?:a |the )?(?:\S+ ){0,3}?(?:car|vehicle|bridge|railway|rail line|train|dam|pipeline)\b"
         # mines, unexploded ordnance and partisans' charges ("an explosive object detonated", "UXO")
         r"|\bunexploded (?:ordnance|munitions?|shells?|bombs?|mines?|submunitions?)|\buxo\b|\berw\b"
         r"|\b(?:explosive (?:objects?|devices?|remnants?)|ordnance|munitions?|submunitions?) (?:\S+ ){0,3}?(?:exploded|detonated|went off|blew up)"
         r"|\b(?:mine|landmine) (?:blasts?|explosions?|incidents?)|\bblown up (?:by|on) (?:a |an )?(?:\S+ )?(?:mine|landmine|ied|explosive)"
         r"|\bpartisans? (?:\S+ ){0,4}?(?:blew up|exploded|detonated|set off|planted|destroyed)\b",
         1, "ACLED: explosives planted or left, set off remotely or by the victim"),
    Rule("grenade", "Grenade",
         r"\b(?:threw|thrown|hurled|tossed|lobbed) (?:\S+ ){0,3}?grenades?\b|\bgrenades? (?:was |were )?(?:thrown|exploded|detonated|went off|blast|attack)",
         2, "ACLED: a hand grenade thrown; a drone's dropped grenade is an air/drone strike"),
    Rule("territory", TERRITORY,
         r"\b(?:took|taken|seized|gained|established|assumed) (?:full )?control (?:of|over)\b|\bcaptur(?:ed|es|ing)\b|\b(?:claimed|announced|completed) (?:the )?capture of\b"
         r"|\b(?:forces|troops|army|units|soldiers|fighters) (?:\S+ ){0,2}?occupied\b|\bseized\b|\btook over\b|\boverr?an\b"
         r"|\bliberat(?:ed|es|ing|ion of)\b|\brecaptur\w+|\bretook\b|\bretaken\b|\bregain(?:ed|s)? (?:full )?control\b|\btook back\b|\btaken back\b"
         r"|\bde-?occup(?:ied|ation)\b|\braised (?:the|a|their) (?:\S+ )?flag",
         1, "ACLED: an armed actor takes a place; who takes it decides the sub-type"),
    # -- tier 2: fighting and direct violence --------------------------------------------
    Rule("armed_clash", "Armed clash",
         r"\bclash(?:ed|es)?\b|(?<!flood )(?<!fire )(?<!\bthe )(?<!est )\bfight(?:ing|s)?\b|\bfought\b|\bbattles?\b(?!\s+(?:for|of|tanks?)\b)|\bbattled\b|\bfirefights?\b|\bskirmish\w*|\bexchange(?:d)? (?:of )?fire|\bgunfights?\b"
         r"|\brepel(?:led|s)?\b|\brepuls(?:ed|e|ing)\b|\bfended off\b|\bassaults?\b|\bassaulted\b|\bstorm(?:ed|ing)\b|\bcounter-?attack\w*|\bcounter-?offensive"
         r"|\boffensive (?:actions?|operations?)|(?<!\bin an )\b(?:attempt(?:ed|s|ing)?|tried|trying|failed)(?: \w+ly| \S+ times| twice)? to (?:advance|break through|storm|capture|seize|take|attack|push|encircle|cross|land|enter|regain|retake|recapture|infiltrate|assault|dislodge|restore)"
         r"|\battack(?:ed|s|ing)? (?:\S+ ){0,2}?(?:near|in the (?:direction|area|vicinity)s? of|towards?|around)\b"
         r"|\battack(?:ed|s|ing)? (?:(?:north|south|east|west)\w* of (?:\S+ ){1,3}?)(?:near|towards?|in)\b|(?<!\bis )(?<!\bare )(?<!\bmost )(?<!\bmore )(?<!\bhighly )\badvanc(?:ed|ing|es)\b(?!\s+(?:\w+\s+)?(?:weapons?|systems?|technolog\w+|equipment|missiles?|aircraft|training|degrees?|age|stage|countries|economies)\b|\s+with\b)|\bambush(?:ed)?\b|\bcombat\b|\bhostilities\b|\battacked (?:\S+ ){0,3}?positions|\bengaged (?:in|with)\b"
         r"|\b(?:infantry|armou?red (?:vehicles?|columns?|groups?)|mechani[sz]ed (?:assaults?|attacks?|columns?|units?))\b"
         r"|\b(?:launched|began|started|resumed) (?:an |a |their |the )?(?:\S+ )?offensive\b|\boffensive (?:on|near|towards?|in the direction of)\b"
         r"|\bpushed (?:\S+ ){0,3}?back\b|\bbroke (?:through|into)\b|\bbreakthrough\b"
         r"|\b(?:carried out|conducted|made|repelled) \d+ (?:attacks|assaults|attempts)\b|\bcombat engagements?\b|\b\d+ engagements\b"
         r"|\battacks? by (?:the )?(?:invaders|occupiers|enemy)\b|\b\d+ (?:enemy )?attacks (?:\S+ ){0,4}?on the \S+ (?:direction|axis|sector)\b"
         r"|(?<!air )\braid(?:s|ed)?\b|\b(?:sabotage|reconnaissance|assault)(?: and reconnaissance)? (?:groups?|units?|teams?) (?:\S+ ){0,3}?(?:attempted|tried|entered|attacked|crossed|infiltrated)",
         1, "ACLED: organised armed groups fight without a change of territory; its verb competes "
            "with shelling's by position (the main verb comes first)"),
    Rule("infiltration_label", "Armed clash", r"^\W*Assessed (?:Russian|Ukrainian) infiltrations?\s*:", 0,
         "ISW labels a ground incursion that held no new line ('Assessed Russian infiltration: footage shows Russian "
         "forces in eastern X'): troops fighting inside the other side's ground are a clash, though the front did not move"),
    Rule("striking", "Shelling/artillery/missile attack",
         r"\b(?:forces|troops|units|servicem[ae]n|soldiers|operators|army|navy|military) (?:\S+ ){0,2}?striking\b", 3,
         "'footage showing Ukrainian forces striking a depot in occupied X': a strike told in the participle, "
         "as 'struck' is"),
    Rule("gathering_held", "Peaceful protest",
         r"\b(?:rall(?:y|ies)|demonstrations?|vigils?|pickets?|marches)\s+(?:(?:was|were|had been|have been)\s+)?held\b"
         r"|\bat an? (?:\S+ )?(?:rally|demonstration|vigil|picket)\s+(?:in|outside|near|at|on)\b", 0,
         "'a rally was held in support of X in the capital', 'at a demonstration in X's square, speakers urged ...': a "
         "gathering told by the noun is a protest as 'protested' is"),
    Rule("holding_out", "Armed clash", r"\b(?:holding|held|hold) out\b(?!\s+(?:hope|the (?:hope|prospect|possibility)))", 2,
         "'defenders are still holding out in the steel plant': a garrison holding out against an assault is fighting"),
    Rule("shot_people", "Attack",
         r"\b(?:shot and killed|shot dead|gunned down|opened fire on)\s+(?:\S+\s+){0,3}?(?:people|persons|passers-by|"
         r"shoppers|worshippers|bystanders)\b", 1,
         "'Russian forces shot and killed 10 people standing in line for bread': troops shooting people down is an "
         "attack on civilians, as shooting 'civilians' is"),
    Rule("blown_up_or_sabotaged", "Remote explosive/landmine/IED",
         r"\b(?:was|were|had been|has been|have been) blown up\b|\bsabotaged (?:\S+ ){0,3}?(?:bridges?|railways?|rail lines?|"
         r"trains?|pipelines?|substations?|convoys?|depots?)\b", 1,
         "'a prosecutor died when his office was blown up', 'forces sabotaged a bridge as a convoy crossed it': a "
         "blast set off, nobody said to have fired it, is a remote explosive"),
    Rule("exchanges_of_fire", "Armed clash", r"\bexchanges of (?:heavy |small[- ]arms |artillery |gun)?fire\b", 1,
         "'Heavy exchanges of fire were reported in the regions of A and B': fire exchanged, in the plural, is fighting "
         "between two forces as one exchange of it is"),
    Rule("gains", "Armed clash",
         r"\b(?:make|makes|made|making) (?:\S+ ){0,2}?(?:gains|advances)\b|\bgained ground\b"
         r"|\bpush(?:ing|ed|es)? (?:deeper |further )?(?:toward|towards|into)\b",
         2, "'Russia continues to make gains in X': ground won in fighting, an armed clash unless the sentence "
            "names a weapon or a capture"),
    Rule("attack_civilians", "Attack",
         rf"\b(?:shot|shooting|executed|execution of|tortur\w+|beat|beaten(?: up)?|beat up|stabbed|murdered|killed|shot dead|opened fire on|gunned down|abused|ill-treated) (?:\S+ ){{0,3}}?{_VICTIMS}"
         rf"|\b{_VICTIMS} (?:was|were) (?:shot|executed|tortured|beaten|stabbed|murdered|gunned down)",
         1, "ACLED: an armed actor directly attacks unarmed people (remote weapons excepted)"),
    Rule("abduction", "Abduction/forced disappearance",
         r"\babduct\w*|\bkidnap\w*|\bforcibly (?:disappeared|deported|transferred|taken)|\benforced disappearance|\btaken (?:hostage|captive|prisoner)"
         r"|\btook (?:\S+ ){0,3}?(?:hostage|captive)|\bheld captive|\billegally detained|\bdeport(?:ed|ation of) (?:\S+ ){0,2}?(?:children|civilians|residents)",
         2, "ACLED: people taken by an armed group and held, whereabouts unknown"),
    Rule("detention", DETENTION,
         r"\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|s|ing)?\b|\bapprehended\b|\btaken into custody",
         2, "ACLED: arrests by the state; detentions by an armed force are abductions"),
    # -- tier 3: generic verbs and non-violent developments ---------------------------------
    Rule("strike_generic", "Shelling/artillery/missile attack",
         r"\bstruck\b|\bstrikes? (?:on|at|against|hit|trapped|destroyed|damaged|wrecked|flattened)\b|\bcame under (?:\S+ ){0,3}?(?:attack|fire)\b|\bhit\b|\btargeted\b|\bfired (?:at|on|upon)\b|\bopened fire\b|\bexplosions?\b|\bblasts?\b|\battack(?:ed|s)? (?:on )?"
         , 3, "ACLED: a strike with no weapon named is coded as shelling/artillery/missile attack"),
    Rule("agreement", "Agreement",
         r"\b(?:signed|reached|concluded|agreed (?:on|to)) (?:\S+ ){0,3}?(?:agreements?|deals?|accords?|memorandums?|ceasefire|truce)|\b(?:prisoner|pow|body|bodies) (?:exchange|swap)"
         r"|\bexchange of (?:prisoners|pows|bodies|captives)|\b(?:exchanged|swapped) (?:\S+ ){0,3}?(?:prisoners|pows|bodies|captives)|\bceasefire (?:was agreed|took effect|came into)"
         r"|\b(?:returned|handed over|repatriated) (?:the )?(?:\S+ )?bodies\b|\breturned (?:home )?from (?:\S+ )?captivity"
         r"|\b(?:prisoners|pows|captives|soldiers|servicemen|defenders) (?:\S+ ){0,2}?(?:returned home|came home|were freed|were released)\b"
         r"|\bexchange (?:deal|agreement)\b|\b(?:opened|open|agreed|established) (?:\S+ ){0,2}?humanitarian corridors?",
         3, "ACLED: parties agree (ceasefires, prisoner and body exchanges)"),
    Rule("looting", "Looting/property destruction",
         r"\bloot(?:ed|ing|s)?\b|\bplunder\w*|\bpillag\w*|\bvandali[sz]\w*|\bset (?:\S+ ){0,3}?on fire|\bset fire to|\btorched\b|\bburned down\b|\bdemolished\b|\bransacked\b|\bstole\b",
         3, "ACLED: property taken or destroyed without armed clash or explosives"),
    Rule("withdrawal", WITHDRAWAL,
         r"\bwithdr(?:ew|awn|awing|aws|aw)\b|\bretreat(?:ed|ing|s)?\b|\bpull(?:ed|ing)? (?:out|back)\b|\babandon(?:ed|ing)\b|\bleft (?:the )?(?:city|town|village|positions|region)"
         r"|\b(?:entered|moved into|moving into|rolled into|marched into)\b|\bhanded over control|\bwithout (?:a )?(?:fight|resistance)",
         3, "ACLED: territory changes hands without fighting; institutions leaving are a change of activity"),
    Rule("headquarters", "Headquarters or base established",
         r"\b(?:established|set up|setting up|opened|built|deployed) (?:\S+ ){0,3}?(?:headquarters|base|bases|command post|outpost)\b",
         3, "ACLED: an armed group sets up a base or headquarters"),
    Rule("group_change", "Change to group/activity",
         r"\b(?:moving|moved|bringing|brought|deploy(?:ed|ing)|redeploy(?:ed|ing)|transferr(?:ed|ing)|sent|sending) (?:\S+ ){0,3}?(?:military units|units|troops|reinforcements|forces|battalions?|brigades?|regiments?)\b"
         r"|\breinforce(?:d|ments)\b|\bmobili[sz](?:ed|ation)\b|\bdisband(?:ed)?\b|\bmerged\b|\brelocat(?:ed|ing)\b",
         3, "ACLED: troop movements, mobilisation, groups merging or relocating"),
    Rule("other", "Other",
         r"\b(?:forced|forces?|forcing|ordered|orders?|ordering|compel\w*) (?:\S+ ){0,3}?(?:residents|civilians|population|people|inhabitants) (?:\S+ ){0,3}?to (?:\w+ly )?(?:leave|evacuate|cross|move out|relocate)"
         r"|\bmandatory evacuation|\bevacuat(?:ed|ion of|ing) (?:\S+ ){0,3}?(?:residents|civilians|people|children)|\bcurfew\b|\bmartial law\b",
         3, "ACLED: developments that shape the conflict but fit no other sub-type (evacuations, curfews)"),
)


ARMED, POLITICAL = "armed", "political"
# ACLED codes political violence and the conflict's developments, not crime, sport or weather:
# "was arrested and charged with arson", "the flood fight", "a storm moving into the valley",
# "agents seized some items". These rules fire only where the sentence names an armed actor, a
# weapon or the war (or, for POLITICAL, a political stake) -- or the story as a whole does.
CONTEXT = {
    "sexual_violence": ARMED, "defusal": ARMED, "air_strike": ARMED, "shelling": ARMED,
    "remote_explosive": ARMED, "territory": ARMED, "armed_clash": ARMED, "gains": ARMED, "attack_civilians": ARMED,
    "abduction": ARMED, "strike_generic": ARMED, "looting": ARMED, "withdrawal": ARMED,
    "headquarters": ARMED, "group_change": ARMED, "exchanges_of_fire": ARMED, "striking": ARMED,
    "holding_out": ARMED, "gathering_held": POLITICAL, "shot_people": ARMED,
    "blown_up_or_sabotaged": ARMED,
    "detention": POLITICAL, "agreement": POLITICAL, "other": POLITICAL, "mob_violence": POLITICAL,
}
from geo.events.gatherings import GATHERING_RULES  # noqa: E402  (the eighth round's, in modules of their own)
from geo.events.downings import DOWNING_RULES  # noqa: E402
from geo.events.present_tense import PRESENT_RULES  # noqa: E402
from geo.events.toll_triggers import TOLL_RULES  # noqa: E402
from geo.events.barrages import BARRAGE_RULES  # noqa: E402  (the ninth round's)
from geo.events.bulletins import BULLETIN_RULES  # noqa: E402
from geo.events.passive import PASSIVE_RULES  # noqa: E402  (the tenth round's)

_ADDED = (TOLL_RULES + GATHERING_RULES + DOWNING_RULES + PRESENT_RULES + BARRAGE_RULES + BULLETIN_RULES
          + PASSIVE_RULES)
_RULES += _ADDED
CONTEXT.update({r.name: ARMED for r in _ADDED if r not in GATHERING_RULES})
CONTEXT.update({r.name: POLITICAL for r in GATHERING_RULES if r.sub_type == "Protest with intervention"})
RULES: tuple[Rule, ...] = tuple(
    Rule(r.name, r.sub_type, r.pattern, r.tier, r.reason, r.enabled, CONTEXT.get(r.name, ""))
    for r in _RULES)

ARMED_CUES = re.compile(
    r"\b(?:forces|troops|military|army|armed|soldiers?|servicem[ae]n|militants?|insurgents?|rebels?|"
    r"separatists?|guerrillas?|occupiers|occupation|occupied|invaders|fighters|gunmen|partisans|russian|russians|"
    r"russia|ukrainian|ukrainians|ukraine|wagner|dpr|lpr|kadyrov\w*|chechen|drones?|uavs?|shaheds?|"
    r"missiles?|rockets?|artillery|shell\w*|mortars?|air ?strikes?|airstrikes?|bomb\w*|mines?|landmines?|"
    r"ieds?|explosives?|ordnance|munitions?|uxo|grenades?|front ?lines?|frontline|offensive|general staff|air defen[cs]es?|sbu|"
    r"war|enemy|hostilities|combat|ammunition|weapons?|tanks?|aircraft|helicopters?|warplanes?|navy|"
    r"marines|brigades?|battalions?|regiments?|terror\w*|battles?|clash\w*|casualties|positions|"
    r"sappers|ceasefire|truce|hostages?|prisoners? of war|pows?|captivity)\b", re.I)
POLITICAL_CUES = re.compile(
    r"\b(?:spy\w*|espionage|treason|collaborat\w*|sabotage|saboteurs?|extremis\w*|protest\w*|"
    r"activists?|journalists?|opposition|dissidents?|informants?|agents? of|propaganda|"
    r"pro-russian|pro-kremlin|curfew|martial law|evacuat\w*|authorities|government|ministry|"
    r"president|officials?|mayor|governor)\b", re.I)
STORY_CUES = 3  # armed cues a whole story needs to count as war reporting


# Triggers added in a recall round: each a switch of its own (`geo eval --without NAME`).
SWITCHED_TRIGGERS = ("exchanges_of_fire", "infiltration_label", "striking", "gathering_held", "holding_out",
                     "shot_people", "blown_up_or_sabotaged") + tuple(r.name for r in _ADDED)
for _r in _RULES:
    if _r.name in SWITCHED_TRIGGERS:
        switch(_r.name, _r.reason)

for _n in NOT_EVENT:  # each switchable by name (`geo eval --without`) and listed by `geo rules`
    switch(_n.name, _n.reason)