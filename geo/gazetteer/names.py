"""Matching keys for place names.

News spells one place many ways: accents dropped, apostrophes kept or not, "St." or "Saint",
and Ukrainian/Russian names in several romanisations at once (Sievierodonetsk, Severodonetsk,
Syevyerodonets'k). ``key`` folds what never distinguishes two places; ``loose`` also folds the
romanisation variants, and is only trusted when the strict key finds nothing. These two are the
gazetteer's matchers (its index stores both) and recognition's; names the user's data is keyed
by (corrections, the geocoder cache) go through the one key built on ``loose``, geo.gazetteer.namekey.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u0027\u2019\u2018\u02bc\u02b9\u0060\u00b4\u02bb]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")
_DROP = re.compile(r"[,()\"\u201c\u201d]")
# Invisible characters pasted from web pages inside a name ("Kher\u200bson", a soft hyphen):
# matched as if absent; the mention keeps them, so its offsets still point into the text.
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "and": "&"}

# Ordered: longer clusters first, so "shch" is not read as "sh" + "ch".
_LOOSE_RULES = [
    # "shch" like "sch": Shchastia and the German-style Schastia are one name.
    ("shch", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
    ("tz", "c"), ("ye", "e"), ("yi", "i"), ("iy", "i"), ("ie", "e"), ("yu", "u"), ("iu", "u"),
    ("ya", "a"), ("ia", "a"), ("yo", "o"), ("io", "o"), ("y", "i"), ("j", "i"), ("w", "v"), ("g", "h"),
    ("x", "ks"),
]
_DOUBLES = re.compile(r"([a-z])\1+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(name: str) -> str:
    """Case-, accent-, punctuation- and abbreviation-insensitive form of a name."""
    # "U.S." and "US", "W.Va." and "WVa" are one name: full stops go without leaving a gap.
    text = _APOSTROPHES.sub("", strip_accents(INVISIBLE.sub("", name)).lower()).replace(".", "")
    text = _DROP.sub(" ", text)
    words = _SEPARATORS.sub(" ", text).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def loose(name: str) -> str:
    """``key`` with romanisation variants folded (y/i, kh/h, zh/z, ie/e, doubled letters)."""
    text = key(name)
    for old, new in _LOOSE_RULES:
        text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", text)


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (after removing accents)."""
    return all(c.isascii() for c in strip_accents(name) if c.isalpha())


def is_cyrillic(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("\u0400" <= c <= "\u04ff" for c in letters)
