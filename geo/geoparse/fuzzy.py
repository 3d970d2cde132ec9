"""Misspelt Ukrainian place names ("Popsana", "Severdonetsk", "Kramatorks"), matched by edit
distance on the romanisation-folded key, and only for names a strong cue already made places
("shelled X", "the village of X", a caption) that the gazetteer does not know: elsewhere a
near-miss is more often another word.

One edit for names up to eight letters, two for longer ones (a transposition is one edit):
"Popsana" is one edit from Popasna, "Severdonetsk" one from Severodonetsk, "Kreminaya" two from Kreminna.
"""

from __future__ import annotations

import threading

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from geo.gazetteer import Candidate
from geo.gazetteer.names import loose

MIN_LENGTH = 5
COUNTRIES = ("UA",)  # where news spells names in many romanisations at once
_keys: dict[str, dict[str, list[str]]] = {}
_lock = threading.Lock()


def fuzzy_candidates(gazetteer, name: str) -> tuple[Candidate, ...]:
    near = _near_keys(gazetteer, name, 8)
    if not near:
        return ()
    best = min(d for _, d in near)
    found: dict[str, Candidate] = {}
    for key, d in near:  # every name at the smallest distance: ranking chooses among them
        if d == best:
            for c in gazetteer._lookup(key):  # a loose key finds its places through the loose index
                if c.place.country in COUNTRIES:
                    found.setdefault(c.place.id, Candidate(c.place, c.kind, True, c.importance))
    return tuple(found.values())


PREFIX = 3


def fuzzy_in_region(gazetteer, name: str, admin1_code: str) -> tuple[Candidate, ...]:
    """Places of the region one or two edits from ``name``, nearest spelling first: "X (Kyiv)"
    where Kyiv Oblast has no X but has a town spelt one letter apart (e/i, y/i slips)."""
    near = _near_keys(gazetteer, name, 64) if admin1_code else []
    found: dict[str, Candidate] = {}
    for distance in sorted({d for _, d in near if d}):
        for key, d in near:
            if d == distance:
                for c in gazetteer._lookup(key):
                    if c.place.admin1_code == admin1_code and c.place.feature == "city":
                        found.setdefault(c.place.id, Candidate(c.place, c.kind, True, c.importance))
        if found:
            break  # only the nearest spellings that the region holds
    return tuple(found.values())


def _near_keys(gazetteer, name: str, limit: int) -> list[tuple[str, int]]:
    """Folded names of the countries above within the allowed edits of ``name``, with their
    distance (names sharing its first letters only: a slip rarely starts a word)."""
    k = loose(name)
    if len(k) < MIN_LENGTH or not k.isascii():
        return []
    pool = _with_prefix(gazetteer, k[:PREFIX])
    if not pool:
        return []
    near = process.extract(k, pool, scorer=DamerauLevenshtein.distance, limit=limit,
                           score_cutoff=1 if len(k) <= 8 else 2)
    return [(key, d) for key, d, _ in near]


def _with_prefix(gazetteer, prefix: str) -> list[str]:
    """Folded names in the countries above that start with ``prefix`` (cached per prefix)."""
    path = str(gazetteer.path)
    with _lock:
        cache = _keys.setdefault(path, {})
        if prefix not in cache:
            if len(cache) > 2000:
                cache.clear()
            marks = ",".join("?" for _ in COUNTRIES)
            rows = gazetteer.db.execute(
                f"SELECT DISTINCT n.loose FROM main.names n JOIN main.places p ON p.pk = n.place "
                f"WHERE n.loose >= ? AND n.loose < ? AND p.country IN ({marks})",
                (prefix, prefix + "\uffff", *COUNTRIES)).fetchall()
            cache[prefix] = [k for (k,) in rows]
        return cache[prefix]
