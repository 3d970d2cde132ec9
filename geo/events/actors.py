"""Who: the actors a clause names, normalised to a few names an analyst filters by.

Each rule is (actor name, pattern, reason). The actor who acts comes first (the subject before
the trigger, or the agent of a passive "by ..."); victims ("civilians") come last.
"""

from __future__ import annotations

import re

from geo.rules import on, rule, switch

RUSSIA, UKRAINE, CIVILIANS = "Russian forces", "Ukrainian forces", "Civilians"

_FORCE_NOUNS = (r"(?:forces|troops|army|military|soldiers|servicem[ae]n|units?|occupiers|invaders|"
                r"aviation|air ?forces?|navy|fleet|artillery|drones?|missiles?|strikes?|attacks?|shelling|"
                r"aircraft|helicopters?|jets?|warplanes?|bombers?|tanks?|infantry|paratroopers|marines|"
                r"airborne|assault groups?|sabotage groups?|saboteurs|defen[cs]e ministry|ministry of defen[cs]e|mod|command|positions|"
                r"air defen[cs]es?|border guards?|national guard|special forces|grouping|brigades?|battalions?|"
                r"(?:glide |guided |aerial )?bombs?|shells?|rockets?|projectiles?|munitions?|weapons?)")

ACTORS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(pattern, re.I), reason) for name, pattern, reason in (
        ("Wagner Group", r"\bwagner\b", "the Wagner private military company"),
        ("DPR forces", r"\bdpr\b|\bdonetsk people'?s republic\b", "forces of the self-proclaimed Donetsk republic"),
        ("LPR forces", r"\blpr\b|\bluhansk people'?s republic\b|\blugansk people'?s republic\b",
         "forces of the self-proclaimed Luhansk republic"),
        ("Chechen forces", r"\bkadyrov\w*|\bchechen (?:forces|fighters|units|troops)|\bakhmat\b",
         "Kadyrov's Chechen units fighting for Russia"),
        (RUSSIA, rf"\brussian (?:\w+ ){{0,2}}?{_FORCE_NOUNS}\b|\brussia'?s (?:\w+ ){{0,2}}?{_FORCE_NOUNS}\b"
                 r"|\b(?:the )?russians\b|\b(?:russian )?(?:occupiers|invaders|occupation forces)\b|\brashists?\b|\borcs\b"
                 r"|\brussia (?:launched|fired|struck|attacked|shelled|hit|used|targeted|bombed|captured|seized)\b"
                 r"|\bkremlin forces\b", "Russia's armed forces, however the text names them"),
        (UKRAINE, rf"\bukrainian (?:\w+ ){{0,2}}?{_FORCE_NOUNS}\b|\bukraine'?s (?:\w+ ){{0,2}}?{_FORCE_NOUNS}\b"
                  r"|\barmed forces of ukraine\b|\b(?:afu|zsu|sbu)\b|\bsecurity service of ukraine\b"
                  r"|\b(?:the )?ukrainians\b|\bdefenders\b|\bukraine (?:launched|fired|struck|attacked|shelled|hit|recaptured|liberated)\b",
         "Ukraine's armed forces and security services"),
        ("Partisans", r"\bpartisans?\b|\bunderground resistance\b|\batesh\b", "partisans behind the lines"),
        ("Police", r"\bpolice\b|\blaw enforcement\b", "police forces"),
        ("Protesters", r"\bprotesters\b|\bdemonstrators\b|\bactivists\b|\bprotest(?:ed)?\b", "people protesting"),
        ("Rioters", r"\brioters\b|\bmob\b", "people rioting"),
    ))

_VICTIMS = re.compile(r"\b(?:civilians?|residents?|locals|villagers?|passers-by|pensioners?|children|"
                      r"(?:a |an |the |one |two )(?:\w+ )?(?:man|woman|child|boy|girl|family))\b"
                      # "killing two people": people a strike kills are civilians unless said otherwise
                      r"|\b(?:kill|injur|wound|hurt)\w*\s+(?:at least |some |about )?(?:\S+\s+){0,2}?(?:people|persons)\b"
                      r"|\b(?:people|persons)\s+(?:were|was|have been|had been)\s+(?:killed|injured|wounded|hurt)\b", re.I)

# Who reports, claims or says is the source, not an actor: "..., the Ukrainian Navy reported",
# "according to Ukraine's General Staff", "Russia's Defence Ministry said (that) ...".
_SAY = r"(?:said|says|reported|reports|claimed|claims|announced|stated|wrote|posted|added|confirmed|noted|told \w+)"
_ATTRIBUTION = re.compile(
    r"\b(?:according to|citing|as reported by|reported by)\b[^,;:]*"
    rf"|,\s*[^,;]{{0,80}}?\b{_SAY}\b[^,;]*$"
    rf"|^[^,;\"“]{{0,80}}?\b{_SAY}\b(?:\s+(?:on|late on|early on)\s+\w+)?(?:\s+that)?(?=\s)", re.I)


def unattributed(clause: str, trigger_at: int) -> str:
    """``clause`` with its attributions blanked out (same length, so offsets hold); never the
    words around the trigger itself ("Russian forces shelled X and the governor said ...")."""
    return _ATTRIBUTION.sub(lambda m: m.group(0) if m.start() <= trigger_at < m.end()
                            else " " * len(m.group(0)), clause)
_AIR_DEFENCE = re.compile(r"\bair defen[cs]es?\b|\banti-aircraft\b|\bmobile fire groups?\b", re.I)


switch("side_named_as_target",
       "a side named only after the verb, as its object ('shelled Ukrainian positions', 'shot down "
       "Russian drones'), is the one hit: the other side acts")


_AT_A_DISTANCE = {"Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use"}


def actors(clause: str, trigger_at: int, home: str | None = None, sub_type: str | None = None) -> tuple[str, ...]:
    """Actors of the clause, the acting one first; ``home`` is the event's country (ISO):
    air defence with no nationality is the defending country's. ``sub_type``: what the trigger
    says happened (a strike's object is its target; a battle's names both sides anyway)."""
    found: list[tuple[int, str]] = []
    for name, rx, _ in ACTORS:
        for m in rx.finditer(clause):
            # Before the trigger: the subject. After: "by Russian forces" is an agent too;
            # an object ("shelled Ukrainian positions") counts, but after the subject.
            before = m.start() < trigger_at
            agent = clause[max(0, m.start() - 4):m.start()].lower().endswith("by ")
            found.append((0 if before or agent else 1, m.start(), name))
            break
    if home == "UA" and not any(n == UKRAINE for _, _, n in found) and _AIR_DEFENCE.search(clause):
        found.append((0, _AIR_DEFENCE.search(clause).start(), UKRAINE))
    sides = {n: start for prio, start, n in found if n in _OTHER}
    if sub_type in _AT_A_DISTANCE and len(sides) == 1 and min(sides.values()) > trigger_at and not any(
            prio == 0 for prio, _, n in found if n in sides) and on("side_named_as_target"):
        # "struck Ukrainian army training centres", "shot down 13 Russian drones": the only side
        # named is what was hit, so the other one acts.
        found.append((0, -1, _OTHER[next(iter(sides))]))
    names = [n for _, _, n in sorted(found)]
    # "Russian forces" also matched inside "Wagner"/"DPR" phrases: keep both, specific first.
    if _VICTIMS.search(clause) and CIVILIANS not in names:
        names.append(CIVILIANS)
    return tuple(dict.fromkeys(names))


_OWN = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|army|units|military|soldiers|fighters|defenders|air defen[cs]es?|navy)\b"
                  # "Kyiv said Friday it had launched new air strikes": the speaker is the subject
                  r"|\b(?:said|says|claimed|announced|reported)\s+(?:on\s+)?(?:\w+\s+)?(?:that\s+)?(?:it|they)\s+(?:had|has|have)\b", re.I)
_SIDE_OF = ((RUSSIA, re.compile(r"\brussia\b|\brussia[’']s\b|\bmoscow\b|\bkremlin\b|\brussian\b", re.I)),
            (UKRAINE, re.compile(r"\bukraine\b|\bukraine[’']s\b|\bkyiv\b|\bukrainian\b", re.I)))


def own_forces(clause: str) -> tuple[str, ...]:
    """"Russia's Defence Ministry said its forces captured X": the speaker's own forces act."""
    m = _OWN.search(clause)
    if m is None:
        return ()
    before = clause[:m.start()]
    sides = [(rx.search(before).start(), name) for name, rx in _SIDE_OF if rx.search(before)]
    return (max(sides)[1],) if sides else ()


# -- who, when the text leaves it to the reader (ACLED's coders know the war's sides) ----------
SIDES: list = []
_OTHER = {RUSSIA: UKRAINE, UKRAINE: RUSSIA, "DPR forces": UKRAINE, "LPR forces": UKRAINE,
          "Wagner Group": UKRAINE, "Chechen forces": UKRAINE}
_HELD_BY_RUSSIA = {"UA.11", "UA.20"}  # Crimea and Sevastopol: strikes there are Ukraine's
_CIVILIAN_TARGETS = re.compile(
    r"\b(?:residential|homes?|houses?|apartments?|apartment (?:blocks?|buildings?)|high-rises?|dormitor(?:y|ies)|"
    r"hospitals?|clinics?|schools?|kindergartens?|markets?|shopping (?:centres?|centers?|malls?)|churches|"
    r"cultural cent(?:re|er)s?|bus stops?|playgrounds?|private (?:houses|homes|cars?))\b", re.I)
_NON_STATE = {CIVILIANS, "Partisans", "Protesters", "Rioters"}


@rule(SIDES, "strike_by_the_other_side",
      "a strike with no attacker named lands on one side's ground: on Ukraine (but Crimea) it is "
      "Russia's, on Russia or Crimea Ukraine's, as ACLED's coders read such reports")
def _striker(names, event_type, place, clause, war_story, sub_type):
    if not war_story or event_type != "Explosions/Remote violence" or place is None or any(n not in _NON_STATE for n in names):
        return None
    if place.country == "UA":
        side = UKRAINE if place.admin1_code in _HELD_BY_RUSSIA else RUSSIA
    elif place.country == "RU":
        side = UKRAINE
    else:
        return None
    return (side, *names)


@rule(SIDES, "the_other_side_fought",
      "a battle is fought, and a drone or missile downed, between the two sides: one named, the "
      "other is the second actor")
def _opponent(names, event_type, place, clause, war_story, sub_type):
    acting = [n for n in names if n not in _NON_STATE]
    if len(acting) != 1 or acting[0] not in _OTHER:
        return None
    if event_type == "Battles" or (event_type == "Strategic developments" and _DOWNED.search(clause)):
        return (*names, _OTHER[acting[0]])
    return None


@rule(SIDES, "civilian_targets",
      "homes, schools, hospitals or markets hit: civilians are the second actor")
def _civilian_targets(names, event_type, place, clause, war_story, sub_type):
    if event_type in ("Explosions/Remote violence", "Violence against civilians") and CIVILIANS not in names \
            and _CIVILIAN_TARGETS.search(clause):
        return (*names, CIVILIANS)
    return None


@rule(SIDES, "the_war_sides_by_default",
      "fighting or an interception on Ukraine's ground in a war story that names no side is "
      "between the war's two sides: Russia attacks (Ukraine when it regains ground), Ukraine "
      "downs what flies at it, as ACLED codes such reports")
def _war_sides(names, event_type, place, clause, war_story, sub_type):
    if not war_story or place is None or place.country != "UA" or any(n not in _NON_STATE for n in names):
        return None
    if event_type == "Battles":
        first = UKRAINE if sub_type == "Government regains territory" else RUSSIA
    elif sub_type == "Disrupted weapons use" and _DOWNED.search(clause):
        first = UKRAINE
    else:
        return None
    return (first, _OTHER[first], *names)


@rule(SIDES, "arrests_by_police",
      "an arrest or a detention that names no one making it is the police's, as ACLED codes "
      "arrests ('An 18-year-old man has been detained on suspicion of ...')")
def _police(names, event_type, place, clause, war_story, sub_type):
    if sub_type != "Arrests" or any(n not in _NON_STATE for n in names):
        return None
    return ("Police", *names)


_DOWNED = re.compile(r"\bshot down\b|\bshoot(?:s|ing)? down\b|\bdowned\b|\bintercept\w*|\bdestroyed\b|"
                     r"\bneutrali[sz]ed\b|\bjammed\b|\bsuppressed\b", re.I)


def completed(names: tuple[str, ...], sub_type: str, place, clause: str, war_story: bool) -> tuple[str, ...]:
    """``names`` with the sides the text leaves implicit, in ACLED's order (acting first)."""
    from geo.events.taxonomy import TYPE_OF
    from geo.rules import active

    for side in active(SIDES):
        names = side(names, TYPE_OF[sub_type], place, clause, war_story, sub_type) or names
    acting = [n for n in names if n != CIVILIANS]
    return tuple(dict.fromkeys([*acting, *(n for n in names if n == CIVILIANS)]))
