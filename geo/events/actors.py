"""Who: the actors a clause names, normalised to a few names an analyst filters by.

Each rule is (actor name, pattern, reason). The actor who acts comes first (the subject before
the trigger, or the agent of a passive "by ..."); victims ("civilians") come last.
"""

from __future__ import annotations

import re

RUSSIA, UKRAINE, CIVILIANS = "Russian forces", "Ukrainian forces", "Civilians"

_FORCE_NOUNS = (r"(?:forces|troops|army|military|soldiers|servicem[ae]n|units?|occupiers|invaders|"
                r"aviation|air ?forces?|navy|fleet|artillery|drones?|missiles?|strikes?|attacks?|shelling|"
                r"aircraft|helicopters?|jets?|warplanes?|bombers?|tanks?|infantry|paratroopers|marines|"
                r"airborne|assault groups?|sabotage groups?|saboteurs|defen[cs]e ministry|ministry of defen[cs]e|mod|command|positions|"
                r"air defen[cs]es?|border guards?|national guard|special forces|grouping|brigades?|battalions?)")

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
        ("Police", r"\bpolice\b|\blaw enforcement\b", "police forces"),
        ("Protesters", r"\bprotesters\b|\bdemonstrators\b|\bactivists\b|\bprotest(?:ed)?\b", "people protesting"),
        ("Rioters", r"\brioters\b|\bmob\b", "people rioting"),
    ))

_VICTIMS = re.compile(r"\b(?:civilians?|residents?|locals|villagers?|passers-by|pensioners?|children|"
                      r"(?:a |an |the |one |two )(?:\w+ )?(?:man|woman|child|boy|girl|family))\b", re.I)
_AIR_DEFENCE = re.compile(r"\bair defen[cs]es?\b|\banti-aircraft\b|\bmobile fire groups?\b", re.I)


def actors(clause: str, trigger_at: int, home: str | None = None) -> tuple[str, ...]:
    """Actors of the clause, the acting one first; ``home`` is the event's country (ISO):
    air defence with no nationality is the defending country's."""
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
    names = [n for _, _, n in sorted(found)]
    # "Russian forces" also matched inside "Wagner"/"DPR" phrases: keep both, specific first.
    if _VICTIMS.search(clause) and CIVILIANS not in names:
        names.append(CIVILIANS)
    return tuple(dict.fromkeys(names))
