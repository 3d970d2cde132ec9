"""Evidence about words around a name, for the recogniser: who is a person in this story,
which words mark a language, a list, a natural feature, a disease named after a place.

Kept apart from the decision rules (geo/geoparse/recognize.py) so that each stays short.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH

from geo.gazetteer import PRIMARY, Gazetteer
from geo.gazetteer.lexicon import (LANGUAGE_VERBS, LIST_JOINS, LOCATIVES, ORG_HEADS, PERSON_TITLES, PERSON_VERBS,
                         PREFIX_FEATURES, SUFFIX_FEATURES, common_words, first_names)
from geo.rules import on, switch

# The US census list that ``first_names`` reads has no Ukrainian or Russian given names, so in war
# copy "the governor, Maksym Kovalenko, said" reads "Maksym" as the village of that name.
SLAVIC_GIVEN_NAMES = frozenset("""
volodymyr oleksandr oleksii oleksiy maksym mykola mykhailo serhiy serhii dmytro andriy andrii yuriy yurii
ihor oleh vitaliy vitalii vadym vasyl yevhen petro pavlo bohdan taras ruslan denys artem anatoliy anatolii
valeriy valerii vyacheslav kyrylo yaroslav svitlana olena iryna tetiana tetyana oksana nataliia yuliia
liudmyla kateryna halyna vladimir aleksandr alexei aleksei sergei sergey nikolai mikhail yevgeny andrei
dmitry dmitri gennady vladislav ramzan
""".split())
switch("slavic_given_names", "'the governor, Maksym Kovalenko, said', 'Volodymyr Zelensky': a Ukrainian or Russian "
       "given name before a capitalised surname is a person, not the village or town of that name")


def words_of(doc, text: str) -> list[str]:
    """Token texts without creating Token objects (costly per token); ``text`` is ``doc.text``."""
    return [text[i:i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]


class DocContext:
    """What the decision needs to know about the whole document, computed once."""

    def __init__(self, doc, sentence_starts: set[int], gazetteer: Gazetteer):
        self.doc = doc
        self.text = doc.text  # rebuilt from the tokens on every access: read once
        self.starts = sentence_starts
        self.entity_of = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
        self.first_names = first_names() | SLAVIC_GIVEN_NAMES if on("slavic_given_names") else first_names()
        self.common = common_words()
        # Surnames seen in full person names: "Jackson" after "Michael Jackson" is the man.
        # Countries and regions are nobody's surname ("Rethinking Egypt" is a headline).
        # The model calls some full names ORG ("Brett Hartmann"): a first name followed by a
        # capitalised word that is no place name with it is a person's name too.
        # A big city in a "name" the model calls a PERSON ("Freemason Bogdanov Joins Sochi",
        # "Historic Dublin") is still the city unless a first name opens the name.
        named = [(ent[1:], ent[0].lower_ in self.first_names)
                 for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
        words = self.words = words_of(doc, self.text)
        named += [(doc[i + 1:i + 2], True) for i in range(len(doc) - 1)
                  if words[i][:1].isupper() and words[i].lower() in self.first_names
                  and words[i + 1].istitle() and words[i + 1].lower() not in self.first_names
                  and not gazetteer.has(doc[i:i + 2].text)]
        self.person_words = {
            t.lower_ for words, sure in named for t in words
            if not any(c.kind == PRIMARY and (c.place.feature in {"country", "region"} or (
                not sure and c.place.population >= 100_000)) for c in gazetteer.lookup(t.text))
        }


def language_cue(doc, span) -> bool:
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    before2 = doc[span.start - 2].lower_ if span.start > 1 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    after2 = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
    return (before in LANGUAGE_VERBS or (before in {"only", "fluent", "and", "in"} and before2 in LANGUAGE_VERBS)
            or after == "language" or (after == "-" and after2 in {"language", "speaking", "speakers"}))


def natural_feature(span) -> bool:
    """"Neches River", "Lake Lanier": a named river or lake is a place even if unknown here."""
    return (span[-1].lower_ in SUFFIX_FEATURES and SUFFIX_FEATURES[span[-1].lower_] != "region"
            or span[0].lower_ in PREFIX_FEATURES)


def listed_with(doc, start: int, end: int, places: set[int]) -> bool:
    """Whether tokens [start, end) are listed right after or before a place ("X, Y and Z")."""
    for joins in LIST_JOINS:
        k = len(joins)
        if start - k - 1 >= 0 and [t.lower_ for t in doc[start - k:start]] == joins and start - k - 1 in places:
            return True
        if end + k < len(doc) and [t.lower_ for t in doc[end:end + k]] == joins and end + k in places:
            return True
    return False


def person_cue(ctx: DocContext, first, end: int) -> bool:
    doc = ctx.doc
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES:
        return True
    if before is not None and before.text[:1].isupper() and before.lower_ in ctx.first_names:
        return True  # "Nadia Moayyad", "Vernon Keenan"
    if end - first.i == 1 and first.lower_ in ctx.first_names and end < len(doc):
        after = doc[end]
        if after.text[:1].isupper() and (len(after.text) <= 2 or after.lower_ not in ctx.common) \
                and after.lower_ not in ORG_HEADS and after.lower_ not in SUFFIX_FEATURES:
            return True  # "Scott A. Newsham", "Charlotte Smith"
    if end - first.i == 1:
        if first.lower_ in ctx.person_words:
            return True
        after = doc[end:end + 3]
        if len(after) and after[0].lower_ in PERSON_VERBS and not (
                before is not None and before.lower_ in LOCATIVES):
            return True  # "Budanov said", but not "officials in Mariupol said"
        if len(after) >= 2 and after[0].text in {"'s", "’s"} and after[1].lower_ in {"wife", "husband", "son", "daughter", "mother", "father", "former", "attorney", "lawyer"}:
            return True
        if len(after) >= 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
            return True  # "Farrin, 43, was arrested"
    return False


def names_disease(doc, end: int, admin: bool = False) -> bool:
    """Whether the name ending before token ``end`` is part of a disease's name; a country's or
    region's name before "flu cases" is where they are (``admin``)."""
    after = [t.lower_ for t in doc[end:end + 2]]
    if not after or after[0] not in _DISEASE_WORDS:
        return False
    return not (admin and after[1:] and after[1] in _DISEASE_COUNTS)


_DISEASE_WORDS = {"fever", "virus", "viruses", "encephalitis", "syndrome", "disease", "flu", "influenza", "pox"}
_DISEASE_COUNTS = {"cases", "season", "deaths", "patients", "hospitalizations", "rates", "rate", "vaccinations"}
