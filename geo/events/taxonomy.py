"""ACLED's event taxonomy: event types and their sub-event types (ACLED codebook, 2019-2024).

The names are ACLED's own spelling, so exports line up with ACLED data column for column.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                 "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    VIOLENCE: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}

# sub-event type -> event type
TYPE_OF: dict[str, str] = {sub: etype for etype, subs in TAXONOMY.items() for sub in subs}

SUB_TYPES: tuple[str, ...] = tuple(TYPE_OF)
