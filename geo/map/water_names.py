"""Names of seas, bays, lakes and reservoirs as an English map labels them.

GeoNames keeps Ukraine's waters under their romanised Ukrainian or Russian names ("Berdianska
Zatoka", "Ozero Yalpuh", "Kyivske Vodoskhovyshche"): Latin letters, but the generic word is not
English, so a reader sees neither a bay nor a lake. The generic word is put into English where an
English map puts it ("Berdianska Bay", "Lake Yalpuh", "Kyivske Reservoir"); the proper part is kept
as the gazetteer spells it. Only names of water features come here: "Lyman" is also a town.
"""

from __future__ import annotations

import re
from collections import defaultdict

from geo.distance import distance_km

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


def one_label_per_water(rows: list[tuple], km: float) -> list[tuple]:
    """(lat, lon, label, population) rows without a second label of one water body: GeoNames
    keeps a lagoon or a bay under two points at times, and the map showed its name twice. Only
    for seas and bays: small lakes of one name ("Solone Ozero") are different lakes."""
    kept: list[tuple] = []
    seen: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if any(distance_km(row[0], row[1], k[0], k[1]) < km for k in seen[row[2]]):
            continue
        seen[row[2]].append(row)
        kept.append(row)
    return kept
