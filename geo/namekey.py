"""The one key a place name is matched by outside the gazetteer: user corrections, the geocoder
cache and the store's corrections all compare names through ``name_key``.

It is the gazetteer's loose key (geo.names.loose: case, accents, punctuation and romanisation
variants folded), so a correction saved for "Severodonetsk" applies to "Sievierodonetsk" and
"Syevyerodonets'k", exactly as the gazetteer already treats them as one name. Applied until it
no longer changes, so a key made from a key (a stored correction) is the same key.
"""

from __future__ import annotations

from geo.names import loose


def name_key(name: str) -> str:
    key = loose(name)
    for _ in range(3):  # a rule can expose a pattern an earlier rule folds ("ja" -> "ia" -> "a")
        again = loose(key)
        if again == key:
            break
        key = again
    return key
