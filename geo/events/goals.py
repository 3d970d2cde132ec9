"""A side's aim named with the words of a capture: "our work to ensure the de-occupation of the
territory", "progress towards de-occupation", "by liberating Crimea, we will put an end to ...",
"by seizing the town, Russian forces would open the road to ...". An aim or the means of a forecast
reports nothing taken back or taken on a day, so ACLED codes none of them; a place retaken is told
with a verb ("de-occupied", "liberated the village")."""

from __future__ import annotations

import re

from geo.rules import on, switch

# "de-occupation" is Ukraine's word for the aim of taking back what Russia holds (a programme, a
# strategy, a ministry's task); what was retaken is "de-occupied".
_AIM_NOUN = re.compile(r"de-?occupation$", re.I)
# A capture told as the means of what a speaker or analyst says will follow.
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_GERUND = re.compile(r"\w+ing$", re.I)
_MODAL_AFTER = re.compile(r"\b(?:will|would|could|might|(?-i:may)|shall|can)\b", re.I)

switch("aim_named_by_a_noun", "'our work to ensure the de-occupation of the territory', 'progress towards Ukrainian "
       "de-occupation': de-occupation named by its noun is a war aim, not a place retaken ('the de-occupied town' is)")
switch("means_of_a_forecast", "'by liberating Crimea, we will put an end to ...', 'by seizing the town, Russian forces "
       "would open the road to ...': a capture told as the means of what will or would follow is a forecast, not an "
       "event ('responded by shelling X' tells no modal and is still a strike)")


def told_as_an_aim(clause: str, m: re.Match) -> bool:
    """Whether the trigger ``m`` names an aim: de-occupation, or a capture as a forecast's means."""
    word = m.group(0).strip()
    if _AIM_NOUN.match(word) and on("aim_named_by_a_noun"):
        return True
    return bool(_GERUND.match(word) and _BY_BEFORE.search(clause, max(0, m.start() - 8), m.start())
                and _MODAL_AFTER.search(clause, m.end()) and on("means_of_a_forecast"))
