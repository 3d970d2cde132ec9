"""Strikes told only as the cause of a toll (issue 20, eighth round: recall).

"a 59-year-old woman was wounded by shelling in Kherson, while three others were injured in a strike
in Kharkiv": the second clause's strike is a noun after the toll, with no verb of violence, so no
trigger of its own fired and the clause's place got no event. Each kind is a named rule with its
reason, appended to the trigger rules (geo.events.triggers)."""

from __future__ import annotations

from geo.events.trigger_rule import Rule

# The strike as a noun after the toll's verb: "injured in a strike", "killed in Russian attacks",
# "died after an overnight attack". The weapon, when its clause or sentence names one, is decided
# by the conventions (weapon_told_around), as for any strike told without its weapon.
_TOLL = r"(?:killed|injured|wounded|hurt|died|dead)"
_CAUSE = r"(?:in|by|during|after|as a result of|following)"

TOLL_RULES: tuple[Rule, ...] = (
    Rule("toll_in_a_strike", "Shelling/artillery/missile attack",
         rf"\b{_TOLL}\s+(?:\w+ly\s+)?{_CAUSE}\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:strikes?|attacks?)\b",
         3, "'three others were injured in a strike in Kharkiv', 'two people died in Russian attacks on the "
            "town': a toll whose cause is a strike told as a noun reports that strike, at the clause's place, "
            "though no verb of violence tells it"),
)
