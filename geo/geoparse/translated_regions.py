"""Oblasts named by an adjective English does not have: machine translation and non-native copy turn
"Kharkivska oblast" or the Polish "obwód charkowski" into "the Kharkivian region", "Donetskian oblast",
"the Khersonian circuit". The adjective is no name of its own; with a type word after it, its stem
(a doubled last letter undone, a final vowel restored) is the oblast's name the gazetteer holds."""

from __future__ import annotations

from geo.rules import on, switch
from geo.types import Span

_ENDINGS = ("ian", "ean")
# "circuit", "voivodeship", "district" and "county" render the Polish "obwód", "województwo", "powiat"
_TYPE_WORDS = {"region", "oblast", "province", "circuit", "voivodeship", "district", "county"}
_VOWELS = ("", "y", "a", "ia", "e", "i")  # "Summ-ian" -> "Sum" + "y"

switch("oblast_by_a_derived_adjective", "'the Kharkivian region', 'Donetskian oblast': an adjective made "
       "up from an oblast's name, before a type word, names that oblast")


def derived_region(gazetteer, words: list[str], starts: list[int], text: str, i: int) -> Span | None:
    """The oblast the made-up adjective at token ``i`` stands for, when a type word follows it."""
    if not on("oblast_by_a_derived_adjective"):
        return None
    word = words[i]
    if len(word) < 6 or not word[:1].isupper() or not word.isalpha() or not word.lower().endswith(_ENDINGS):
        return None
    k = i + 1
    while k < len(words) and words[k].isspace():
        k += 1
    if k >= len(words) or words[k].lower() not in _TYPE_WORDS:
        return None
    if any(c.kind == 0 and c.place.name.lower() == word.lower() for c in gazetteer.lookup(word)):
        return None  # a name as it is written ("Adrian", a town's own name)
    stem = word[:-3]
    stems = [stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    for s in stems:
        for vowel in _VOWELS:
            found = tuple(c for c in gazetteer.lookup(f"{s}{vowel} oblast")
                          if c.place.feature == "region" and c.place.name.endswith("Oblast"))
            if found:
                span = Span(i, i + 1, starts[i], starts[i] + len(word), word, found)
                span.hint = "region"
                return span
    return None
