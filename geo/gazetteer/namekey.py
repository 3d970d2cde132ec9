"""The one key a place name is matched by outside the gazetteer: user corrections (applied to
articles, the "user set" badge, the undo list, the re-parse after an undo) and the geocoder
cache all compare names through ``name_key``, and nothing else.

It is the gazetteer's loose key (geo.gazetteer.names.loose: case, accents, punctuation, invisible
characters and romanisation variants folded) over the name's compatibility form, casefolded
("Straße" and "Strasse", a full-width letter and its ASCII twin), so a correction saved for
"Severodonetsk" applies to "Sievierodonetsk" and "Syevyerodonets'k" exactly as the gazetteer
already treats them as one name. Applied until it no longer changes, so a key made from a key
(a stored correction's name) is the same key. The gazetteer's own matchers, the strict
``geo.gazetteer.names.key`` and the loose ``geo.gazetteer.names.loose``, stay what recognition reads the index with.
"""

from __future__ import annotations

import unicodedata

from geo.gazetteer.names import loose


def name_key(name: str) -> str:
    key = loose(unicodedata.normalize("NFKC", name).casefold())
    for _ in range(3):  # a rule can expose a pattern an earlier rule folds ("ja" -> "ia" -> "a")
        again = loose(key)
        if again == key:
            break
        key = again
    return key
