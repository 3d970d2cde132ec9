"""Downings told in forms the interception trigger did not read (issue 20, eighth round: recall):
"air defence units began repelling the attack", "air defences are working over the city". Each kind is a
named rule with its reason, appended to the trigger rules (geo.events.triggers)."""

from __future__ import annotations

from geo.events.trigger_rule import Rule

DOWNING_RULES: tuple[Rule, ...] = (
    Rule("air_defence_repelling", "Disrupted weapons use",
         r"\bair defen[cs]es?\b (?:\S+ ){0,4}?(?:(?:began|begin|begins|started|start|starts) (?:to )?(?:repel|work|operat)\w*"
         r"|repel(?:s|ling)\b|(?:is|are|was|were) (?:\S+ )?(?:repelling|working|operating|in action))",
         1, "'air defence units began repelling the attack', 'air defences are working over the city': air defence "
            "told at work against an attack is an interception, as 'air defences destroyed' is"),
)
