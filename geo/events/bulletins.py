"""The Russian Ministry of Defence's daily bulletin, as news agencies and outlets quote it (issue 20,
ninth round: recall): "units inflicted fire damage on manpower and hardware of two brigades near A, B
and C". The bulletin tells each day's strikes on the front in this formula; a reader codes it as
shelling at each place named, as ACLED does. Appended to the trigger rules (geo.events.triggers)."""

from __future__ import annotations

from geo.events.trigger_rule import Rule

BULLETIN_RULES: tuple[Rule, ...] = (
    Rule("fire_damage_inflicted", "Shelling/artillery/missile attack",
         r"\binflict(?:ed|s|ing) (?:\S+ ){0,2}?(?:fire damage|damage|losses|casualties|defeat) (?:on|upon) "
         r"(?:the )?(?:enemy(?:'s|\u2019s)? )?(?:manpower|personnel|troops)\b"
         r"|\b(?:struck|hit|engaged|defeated) (?:the )?(?:enemy(?:'s|\u2019s)? )?manpower and (?:military )?(?:hardware|equipment)\b",
         1, "'units inflicted fire damage on manpower and hardware of two brigades near A and B', 'struck manpower and "
            "hardware near C': the Russian ministry's formula for a day's strikes on the front is an attack at each "
            "place it names"),
)
