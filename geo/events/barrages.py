"""Country-wide barrages (issue 20, ninth round: recall): "Russia fired almost 60 Shahed drones at targets
in Ukraine overnight", "unleashed a barrage of 300 drones and 40 missiles on Ukraine's energy grid".
A wire story or a feed item tells the night's strikes on a whole country in one sentence that names no
town: a reader codes it at the country struck (this project puts what a country takes as a whole at
its capital, precision 3, as `national_at_capital` does), not nowhere."""

from __future__ import annotations

import re

from geo.events.trigger_rule import _DRONE, Rule
from geo.rules import on, switch

BARRAGE_RULES: tuple[Rule, ...] = (
    Rule("barrage_launched", "Shelling/artillery/missile attack",
         r"\b(?:launched|unleashed|carried out|conducted|mounted) (?:\S+ ){0,5}?(?:barrages?|strikes)\b",
         2, "'launched a massive barrage of 120 missiles', 'launched its most powerful strikes of the year on X': a "
            "barrage or strikes launched are a strike, whose weapon the clause names"),
)

# What makes a strike on a whole country a barrage of a night or a day, not the war's course: a number
# of weapons, a barrage or wave, a superlative attack, strikes across the country.
_WEAPONS = rf"(?:{_DRONE}|missiles?|rockets?|bombs?|projectiles?)"
_BARRAGE = re.compile(
    rf"\b(?:\d[\d,]*|dozens|scores|hundreds|almost \d+|more than \d+)\s+(?:of\s+)?(?:\S+\s+){{0,3}}?{_WEAPONS}\b"
    r"|\bbarrages?\b|\bwaves? of\b|\b(?:large-scale|massive|massed|mass|combined|coordinated)\s+(?:\S+\s+){0,3}?"
    r"(?:attacks?|strikes?|assault|bombardment)\b"
    r"|\b(?:biggest|largest|heaviest|most powerful|most intense|fiercest)\s+(?:\S+\s+){0,4}?(?:attacks?|strikes?|"
    r"barrages?|bombardments?)\b|\bacross\s+(?:the\s+)?(?:country|nation)\b", re.I)
# The country as what is struck: after "at", "on", "across" ... ("at targets in Ukraine"), or its possessive
# ("on Ukraine's power plants").
_STRUCK_BEFORE = re.compile(r"\b(?:at|on|in|across|against|over|throughout|into|targeting|struck|hit|pounded)\s+"
                            r"(?:the\s+)?$", re.I)
# "after Friday's missile and drone attacks across the country", "has been conducting drone strikes into
# Russia, including a barrage": an attack named as the background of what the sentence tells (a clause
# with its own verb, "after Russia launched 300 drones", tells it), or a campaign.
_BACKGROUND = re.compile(r"\b(?:after|following|since|before|until|amid)\s+(?:the\s+)?(?:\S+\s+){0,2}?\S+(?:'s|\u2019s)"
                         r"(?:\s+\S+){0,4}\s*$|\b(?:been|is|are)\s+\w+ing\b", re.I)
# "on Ukraine's power plants", not "Ukraine's air force said"
_STRUCK_OWN = re.compile(r"(?:'s|\u2019s)\s+(?!(?:\S+\s+)?(?:air force|military|army|forces|president|government|officials?|"
                         r"ministry|general staff|defen[cs]e|leader|prime minister|foreign|intelligence|navy)\b)", re.I)
switch("barrage_at_the_country", "'Russia fired almost 60 Shahed drones at targets in Ukraine overnight': a barrage "
       "(a number of weapons, a barrage or wave, the biggest attack) on a country that the sentence names no town of "
       "is an event at the country struck, coded at its capital with precision 3, not left uncoded")


def barrage_at_the_country(text: str, clause: tuple[int, int], trigger_at: int, resolutions, seat):
    """Where a strike on a whole country is coded, or None."""
    if seat is None or not on("barrage_at_the_country") or not _BARRAGE.search(text, clause[0], clause[1]) \
            or _BACKGROUND.search(text, max(clause[0], trigger_at - 60), trigger_at):
        return None
    from geo.events.places import at_its_capital

    for r in resolutions:
        if r.place is None or r.place.feature != "country" or r.mention.start < trigger_at \
                or not clause[0] <= r.mention.start < clause[1] or r.mention.label == "DEMONYM":
            continue
        struck = _STRUCK_BEFORE.search(text[max(clause[0], r.mention.start - 40):r.mention.start]) \
            or _STRUCK_OWN.match(text, r.mention.end)
        if struck and (where := at_its_capital(r, seat)) is not None:
            return where
    return None
