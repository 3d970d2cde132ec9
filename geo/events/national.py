"""Which country a country-wide event (a downing tally, a swap) is put at: the country named, not
the side that launched the attack nor a nationality word. A downing is where the drones fell: "Russia
launched 600 drones at Ukrainian regions; the air force downed 580" is over Ukraine, and "Russian air
defences intercepted 54 drones" in a story about one air base is over that base, not over Moscow."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Resolution

switch("nationality_is_no_capital",
       "'Russian air defences intercepted 54 drones', 'Russia launched 600 drones; 580 were downed': a country-wide "
       "downing or deal is at the capital of the country named, not of a nationality word's nor of the side that "
       "launched the attack; with only a nationality word it is where the sentences before or the story place it")

# "Russia launched 635 drones", "Moscow fired missiles at": the side whose weapons fell elsewhere.
_LAUNCHED_AFTER = re.compile(r"(?:'s|’s)?\s+(?:has |had |have )?(?:launched|fired|sent|unleashed|hurled|attacked|"
                             r"struck|targeted)\b", re.I)


def the_country(text: str, resolutions: list[Resolution], sub_type: str = "") -> Resolution | None:
    """The country a country-wide event is coded at, in text order: never the country that launched
    what was downed nor one an aside names; for a downing a country's name before a nationality word
    (whose guns), for a swap the first ('300 Ukrainian prisoners returned home')."""
    countries = [r for r in resolutions if r.place is not None and r.place.feature == "country"]
    if not on("nationality_is_no_capital"):
        return countries[0] if countries else None
    told = [r for r in countries if not _LAUNCHED_AFTER.match(text, r.mention.end)
            and not _IN_WHICH.search(text, max(0, r.mention.start - 80), r.mention.start)]
    named = [r for r in told if r.mention.label != "DEMONYM" or sub_type != _DOWNING]
    return (named or told or countries or [None])[0]


# "over the region, which borders Ukraine": a country the aside locates something by.
_IN_WHICH = re.compile(r",\s*which\b[^,;.]*$")


_DOWNING = "Disrupted weapons use"


def by_nationality(where, sub_type: str) -> bool:
    """Whether a downing was placed by a nationality word only ('Russian air defences'): a swap's
    'Ukrainian prisoners returned home' says whose country, a downing's 'Russian' only whose guns."""
    return (where is not None and sub_type == _DOWNING
            and where.resolution.mention.label == "DEMONYM" and on("nationality_is_no_capital"))
