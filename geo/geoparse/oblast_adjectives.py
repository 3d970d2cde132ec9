"""How a text names regions: Ukrainian oblasts by their adjective ("Kharkivska oblast", "as well
as in Kirovohradska, Kyivska, and Vinnytska oblasts"), and names typed by a plural type word
before them ("the regions of Luhansk and Donetsk").

The adjective alone is no name the gazetteer holds ("Kyivska" is not Kyiv, and must not become
the city), but with its type word it is: the gazetteer knows "Kyivska oblast". The type word may
be lower case, plural, or end a list of adjectives; web text puts narrow no-break spaces between
the words, which the tokenizer leaves as tokens of their own.
"""

from __future__ import annotations

from geo.gazetteer.lexicon import LIST_JOINS
from geo.rules import on, switch
from geo.types import Span

_ENDINGS = ("ska", "zka", "cka", "skaya")  # the feminine of "oblast"
# Oblasts only: a city's district by its adjective ("the Darnytskyi district") is where a strike
# already placed in the city landed, and as a place of its own it made the events a second,
# duplicate event (news dev, events precision .714 -> .711); raions the gazetteer spells in full.
_TYPE_WORDS = {"oblast": ("region", "oblast"), "oblasts": ("region", "oblast"), "region": ("region", "oblast"),
               "regions": ("region", "oblast")}
_JOINS = {",", "and", "or", "&"}
_REACH = 16  # tokens a list of adjectives may run before its type word


def _type_after(words: list[str], j: int) -> tuple[str, str] | None:
    """The feature and the gazetteer's type word of the type word that ends the list of
    adjectives going on at token ``j``, if any."""
    for k in range(j, min(len(words), j + _REACH)):
        w = words[k]
        low = w.lower()
        if low in _TYPE_WORDS:
            return _TYPE_WORDS[low]
        if w.isspace() or low in _JOINS or (w[:1].isupper() and low.endswith(_ENDINGS)) or w == "-":
            continue
        return None
    return None


def adjectival_region(gazetteer, words: list[str], starts: list[int], text: str, i: int) -> Span | None:
    """The oblast whose adjective is the capitalised word at token ``i``, when its type
    word follows, maybe down a list; it comes before any town the adjective also spells
    ("Donetska": Donetsk's old spelling)."""
    if not on("oblast_adjective"):
        return None
    end = i + 1
    while end + 1 < len(words) and words[end] == "-" and words[end + 1][:1].isupper():
        end += 2  # "Ivano-Frankivska"
    name = "".join(words[i:end])
    if not name.lower().endswith(_ENDINGS):
        return None
    typed = _type_after(words, end)
    if typed is None:
        return None
    feature, word = typed
    found = tuple(c for c in gazetteer.lookup(f"{name} {word}") if c.place.feature in {"region", "district"})
    if not found:
        return None
    stop = starts[end - 1] + len(words[end - 1])
    span = Span(i, end, starts[i], stop, text[starts[i]:stop], found)
    span.hint = feature
    return span


switch("oblast_adjective", __doc__.strip().split("\n\n")[0])


def regions_of_before(words: list[str], start: int, spans: list[Span]) -> bool:
    """"the regions of Luhansk and Donetsk", "the oblasts of Kherson, Zaporizhzhia": the type word
    before "of" types the names of the list after it."""
    before = [w.lower() for w in words[max(0, start - 2):start]]
    if len(before) == 2 and before[1] == "of" and before[0] in _REGION_NOUNS:
        return True
    if spans and spans[-1].hint == "region" and [w.lower() for w in words[spans[-1].end:start]] in LIST_JOINS:
        i = spans[-1].start
        while i > 0 and words[i - 1] in {",", "and"}:
            i -= 1
        first = next((s for s in spans if s.hint == "region"), None)
        return first is not None and regions_of_before(words, first.start, [])
    return False


_REGION_NOUNS = {"regions", "oblasts", "provinces", "region", "oblast", "province"}
switch("regions_of", "'the regions of Luhansk and Donetsk': names after a plural type word and 'of' "
       "are regions, not their cities")
