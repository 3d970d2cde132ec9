"""How far to trust a name's candidate readings, whatever the sentence around it says.

The recogniser asks these before it weighs cues: which readings the written form allows
(abbreviations only when written as such), which are prominent enough to stand without a cue,
which are trustworthy matches, and which one a plain name most likely means.
"""

from __future__ import annotations

from geo.gazetteer import ABBREVIATION, ALTERNATE, TRANSLIT, Candidate
from geo.gazetteer.sources import ROMANISED_COUNTRIES
from geo.gazetteer.lexicon import DOTTED_ABBREVIATIONS


def by_surface(text: str, candidates: tuple[Candidate, ...], doc, end: int) -> tuple[Candidate, ...]:
    """Abbreviations match only when written as such: "U.S." is the country, "Us" a French town."""
    dotted = text in DOTTED_ABBREVIATIONS or (end < len(doc) and doc[end].text == "." and text + "." in DOTTED_ABBREVIATIONS)
    if sum(c.isalpha() for c in text) < 2:
        return ()  # "A", "M.": articles and initials
    if dotted or (text.isupper() and text.isalpha() and len(text) <= 6):
        # Only as spelled: "CNN" folds to a loose form of China's code, and is no country.
        abbreviations = tuple(c for c in candidates if c.kind == ABBREVIATION and not c.loose)
        if abbreviations:
            return abbreviations
    return tuple(c for c in candidates if c.kind != ABBREVIATION and not (c.loose and text.isupper()))


def is_prominent(c: Candidate) -> bool:
    return (c.place.feature in {"country", "region", "continent", "sea", "river", "historical_region"}
            or c.place.population >= 100_000 or c.importance >= 2)


def strong_readings(candidates: tuple[Candidate, ...]) -> list[Candidate]:
    """Readings worth trusting: official names and romanisations of the Cyrillic name; a
    spelling matched only after folding romanisation variants counts for towns of some size."""
    return [c for c in candidates if (c.kind < ALTERNATE or c.kind == TRANSLIT or (
        c.kind == ALTERNATE and c.place.country in ROMANISED_COUNTRIES and c.place.population >= 20_000))
            and (not c.loose or c.place.population >= 20_000)]


def likeliest(candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The most populous strong reading: enough to say which region a plain name points to."""
    strong = [c for c in candidates if c.kind < ALTERNATE and not c.loose and c.place.feature != "country"]
    return (max(strong, key=lambda c: c.place.population),) if strong else ()
