"""Events told in the historical present of headlines, captions and summaries (issue 20, eighth round:
recall): "Russian Missile Hits Kharkiv Apartment Block", "A Russian strike kills five in X", "Ukrainian
forces strike a command post near Y", "Russia Launches Offensive Into Z Region".
The trigger rules read the past tense of news sentences; a feed's headline, an analyst's dated list
item and an OSINT caption tell the same events in the present. Each kind is a named rule with its
reason, appended to the trigger rules (geo.events.triggers)."""

from __future__ import annotations

from geo.events.trigger_rule import _DRONE, Rule

# Who or what strikes: a weapon, a strike, or a side's forces.
_STRIKER = (rf"(?:{_DRONE}|missiles?|rockets?|shells?|strikes?|airstrikes?|attacks?|bombs?|artillery|shelling|"
            r"forces|troops|army|military|navy|russia|ukraine)")

PRESENT_RULES: tuple[Rule, ...] = (
    Rule("present_tense_strike", "Shelling/artillery/missile attack",
         rf"\b{_STRIKER} (?:\S+ ){{0,2}}?(?:hits|strikes|pounds|slams|batters|kills|destroys|damages)\b"
         rf"|\b(?:forces|troops|{_DRONE}|missiles|rockets) (?:\S+ )?(?:strike|hit|pound|target)\b"
         r"(?! (?:force|group|package|capabilit\w+|drones?|missiles?|systems?|back)\b)",
         3, "'Russian Missile Hits Kharkiv Apartment Block', 'A Russian strike kills five in X', 'Ukrainian forces "
            "strike a command post near Y': a strike told in the present of a headline, a caption or a dated "
            "summary is a strike as 'struck' is; its weapon is the one its clause names"),
    Rule("present_tense_offensive", "Armed clash",
         r"\b(?:launch|launches|begin|begins|start|starts|resume|resumes) (?:an |a |its |their |the |new |fresh )?"
         r"(?:\S+ )?offensive (?:on|into|in|near|against|towards?)\b",
         1, "'Russia Launches Offensive Into Kharkiv Region': an offensive launched in the present of a headline is a "
            "clash as 'launched an offensive' is"),
)
