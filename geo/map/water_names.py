"""Names of seas, bays, lakes and reservoirs as an English map labels them.

GeoNames keeps Ukraine's waters under their romanised Ukrainian or Russian names ("Berdianska
Zatoka", "Ozero Yalpuh", "Kyivske Vodoskhovyshche"): Latin letters, but the generic word is not
English, so a reader sees neither a bay nor a lake. The generic word is put into English where an
English map puts it ("Berdianska Bay", "Lake Yalpuh", "Kyivske Reservoir"); the proper part is kept
as the gazetteer spells it. Only names of water features come here: "Lyman" is also a town.
"""

from __future__ import annotations

import re

# romanised generic word -> (English word, whether English puts it before the name)
GENERIC = {
    "ozero": ("Lake", True), "oz.": ("Lake", True),
    "zatoka": ("Bay", False), "bukhta": ("Bay", False), "zaliv": ("Bay", False),
    "vodoskhovyshche": ("Reservoir", False), "vodokhranilishche": ("Reservoir", False),
    "lyman": ("Estuary", False), "liman": ("Estuary", False),
    "protoka": ("Channel", False), "more": ("Sea", False),
}


def english_water(name: str) -> str:
    """'Zatoka Syvash' -> 'Syvash Bay', 'Solone Ozero' -> 'Lake Solone'; a name with no
    romanised generic word, or with nothing left beside it, is returned as it is."""
    words = name.split()
    generic = [w for w in words if w.lower() in GENERIC]
    rest = [w for w in words if w.lower() not in GENERIC]
    if not generic or not rest or not re.search(r"[A-Za-z]", " ".join(rest)):
        return name
    english, before = GENERIC[generic[0].lower()]
    proper = " ".join(rest)
    return f"{english} {proper}" if before else f"{proper} {english}"
