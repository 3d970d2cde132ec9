"""Toponym recognition: which spans of an article name places.

spaCy's small NER model alone misses or mislabels many places (Kherson as PERSON, the Dnieper
as ORG), and the gazetteer alone matches every capitalised word that some village is named
after. So both propose spans and the decision weighs their evidence: the NER label, how
prominent the best candidate is, whether the word is an ordinary English word, person cues
("Gen. X", "X said"), organisation cues ("X News Agency") and type words ("X Oblast").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH

from geo.cues import DocContext, language_cue, listed_with, natural_feature, person_cue
from geo.gazetteer import ABBREVIATION, ALIAS, ALTERNATE, DEMONYM, PRIMARY, TRANSLIT, Candidate, Gazetteer
from geo.lexicon import (CONNECTORS, DIRECTIONS, DOTTED_ABBREVIATIONS, LIST_JOINS, LOCATIVES, MEDIA_HEADS,
                         FRONT_NOUNS, MISTAKABLE_LABELS, NOT_PLACE_LABELS, OPENERS, ORG_HEADS,
                         PLURAL_FEATURES, RESIDENT_NOUNS, WATER_FEATURES,
                         PREFIX_FEATURES, SETTLEMENT_NOUNS, SETTLEMENT_WORDS, STATE_BODIES, SUFFIX_FEATURES,
                         common_words)
from geo.names import key
from geo.readings import by_surface, is_prominent, likeliest, strong_readings
from geo.streets import street_spans

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_YEAR = re.compile(r"^(19|20)\d\d$")
MAX_NAME_TOKENS = 6
_TYPE_SPELLINGS = {"region": ("Oblast", "Region", "Province"), "district": ("Raion", "District", "Rayon")}


@dataclass(slots=True)
class Span:
    """A proposed toponym, in token and character coordinates of one spaCy Doc."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    candidates: tuple[Candidate, ...]
    label: str = ""  # NER label covering the span, "" when none
    hint: str = ""  # feature implied by a type word
    reading: str = ""  # feature the grammar prefers ("the Dnipro": a river), for resolution only
    demonym: bool = False
    nested: bool = False  # inside a longer place entity ("Wichita" in "Wichita Street")
    local: bool = False  # a small place with no cue either way


def _capitalised(token) -> bool:
    return token.text[:1].isupper()


class Recogniser:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.common = common_words()

    # -- proposals ---------------------------------------------------------------------------
    def gazetteer_spans(self, doc, text: str | None = None) -> list[Span]:
        """Longest capitalised token runs that the gazetteer knows, left to right. ``text`` is
        ``doc.text``, which spaCy rebuilds from the tokens on every access."""
        # Token objects are costly to create; offsets and lengths come as one array.
        offsets = doc.to_array([IDX, LENGTH]).tolist()
        text = doc.text if text is None else text
        words = [text[i:i + n] for i, n in offsets]
        starts = [i for i, _ in offsets]
        capital = [w[:1].isupper() for w in words]
        name_like = [c or w.lower() in CONNECTORS or w in {".", "'", "’"} for c, w in zip(capital, words)]
        spans = []
        n = len(words)
        i = 0
        while i < n:
            if not capital[i]:
                i += 1
                continue
            run = i + 1
            while run < n and run - i < MAX_NAME_TOKENS and name_like[run]:
                run += 1
            found = None
            for end in range(run, i, -1):
                if not capital[end - 1]:
                    continue
                surface = text[starts[i]:starts[end - 1] + len(words[end - 1])]
                candidates = by_surface(surface, self.gazetteer.lookup(surface), doc, end)
                if candidates:
                    found = Span(i, end, starts[i], starts[i] + len(surface), surface, candidates)
                    break
            if found is None:
                i += 1
                continue
            self._trim_city(doc, found)
            self._attach_type_word(doc, found, text)
            if found.hint and found.end < n and words[found.end].lower() in PLURAL_FEATURES:
                later = found
                for earlier in reversed(spans):  # "Jackson and Barrow counties"
                    if earlier.hint or [w.lower() for w in words[earlier.end:later.start]] not in LIST_JOINS:
                        break
                    self._set_hint(earlier, found.hint)
                    later = earlier
            spans.append(found)
            i = found.end
        return spans

    def _trim_city(self, doc, span: Span) -> None:
        """"Dublin City Council" is Dublin's council and "Ohio State University" Ohio's, although
        "Dublin City" and "Ohio State" are names too."""
        if (span.end - span.start > 1 and doc[span.end - 1].lower_ in {"city", "state"} and span.end < len(doc)
                and doc[span.end].lower_ in ORG_HEADS):
            shorter = doc[span.start:span.end - 1]
            candidates = self.gazetteer.lookup(shorter.text)
            if candidates:
                span.end -= 1
                span.end_char, span.text, span.candidates = shorter.end_char, shorter.text, candidates

    def _attach_type_word(self, doc, span: Span, text: str) -> None:
        """"Kherson Region" is one mention of a region, "Lake Erie" one of a lake."""
        if all(c.kind == DEMONYM for c in span.candidates):
            return  # "a Palestinian state" is no place called Palestinian
        if span.end < len(doc):
            word = doc[span.end]
            if word.text == "." and span.text + "." in DOTTED_ABBREVIATIONS:
                span.end += 1  # "W.Va" + "." as the tokenizer splits it
                span.end_char += 1
                span.text += "."
                return
            name = span.text
            feature = SUFFIX_FEATURES.get(word.lower_)
            after = doc[span.end + 1] if span.end + 1 < len(doc) else None
            if [t.lower_ for t in doc[span.end:span.end + 3]] in (["people", "'s", "republic"],
                                                                 ["people", "’s", "republic"]):
                # "the Donetsk People's Republic": the occupied region, not the city.
                span.end += 2
                word, feature = doc[span.end], "region"
            if feature == "region" and word.lower_ == "state" and after is not None and after.text[:1].isupper():
                feature = None  # "Ohio State University" is Ohio's university, no "Ohio State"
            if feature and (word.is_title or word.is_lower or word.is_upper):
                span.end += 1
                span.end_char = word.idx + len(word.text)
                span.text = text[span.start_char:span.end_char]
                # "Kakhovka reservoir": the whole phrase may be a name of its own.
                # When it is ("Kyiv Region" is Kyiv Oblast), other readings of that type go:
                # the city of Kyiv is also a region of its own, but not the one named.
                whole = self.gazetteer.lookup(span.text) or self._typed(name, feature)
                known = {c.place.id for c in whole}
                family = {feature} | ({"region", "district"} if feature in {"region", "district"} else set())
                kept = tuple(c for c in span.candidates if c.place.id not in known and not (
                    whole and c.place.feature in family))
                span.candidates = whole + kept
                self._set_hint(span, feature)
                return
            if PLURAL_FEATURES.get(word.lower_) and word.is_lower:
                # "the Donetsk and Zaporizhzhia oblasts": each name is one; the caller passes
                # the type back along the list.
                self._set_hint(span, PLURAL_FEATURES[word.lower_])
                return
        if span.start > 0:
            word = doc[span.start - 1]
            feature = PREFIX_FEATURES.get(word.lower_)
            if feature and word.is_title:
                span.start -= 1
                span.start_char = word.idx
                span.text = text[span.start_char:span.end_char]
                self._set_hint(span, feature)
            elif not any(c.place.feature == "country" for c in span.candidates):
                # "over the Dnipro" is the river, "hit Dnipro" the city: rivers and seas take an
                # article, towns do not ("the Congo" is a country, so countries are left alone).
                water = [c.place.feature for c in span.candidates if c.place.feature in WATER_FEATURES]
                if water and word.lower_ == "the":
                    span.reading = water[0]
                elif water and any(c.place.feature == "city" and c.kind == PRIMARY for c in span.candidates):
                    span.reading = "city"

    def _typed(self, name: str, feature: str) -> tuple[Candidate, ...]:
        """"Kakhovka District" for the gazetteer's "Kakhovka Raion", "Kiev Region" for "Kiev
        Oblast": the same region under the type word the gazetteer spells it with."""
        for word in _TYPE_SPELLINGS.get(feature, ()):
            found = tuple(c for c in self.gazetteer.lookup(f"{name} {word}") if c.place.feature in {"region", "district"})
            if found:
                return found
        return ()

    def _set_hint(self, span: Span, feature: str) -> None:
        span.hint = feature
        if feature == "region":
            span.candidates += self._regions_of(span.candidates)

    def _regions_of(self, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """"Belgorod Oblast" where the gazetteer knows only "Belgorodskaya oblast'": a region
        named after a city is the region that city lies in (oblasts after their centres)."""
        if any(c.place.feature in {"region", "district"} for c in candidates):
            return ()
        found = {}
        for c in candidates:
            if c.place.feature == "city" and c.kind <= ALIAS and c.place.admin1_code:
                region = self.gazetteer.place(f"adm:{c.place.admin1_code}")
                if region is not None and region.id not in found:
                    found[region.id] = Candidate(region, ALIAS, c.loose, c.importance)
        return tuple(found.values())

    # -- decision ----------------------------------------------------------------------------
    def recognise(self, doc, sentence_starts: set[int] = frozenset()) -> list[Span]:
        """Toponym spans of a spaCy Doc; ``sentence_starts`` are character offsets."""
        ctx = DocContext(doc, sentence_starts, self.gazetteer)
        kept: list[Span] = []
        streets = street_spans(ctx.words)
        covered = {t for a, b in streets for t in range(a, b)}  # "Wichita" in "Wichita Street"
        spans = self.gazetteer_spans(doc, ctx.text)
        contained = _contained(doc, spans)
        verdicts = []
        for i, span in enumerate(spans):
            ent = ctx.entity_of.get(span.start)
            span.label = ent.label_ if ent is not None else ""
            verdicts.append(self._is_toponym(ctx, span, ent, i in contained))
        # One sense per discourse: a name the story plainly uses for a place ("the loss of
        # Kherson") is that place in its other mentions too, unless a person cue says otherwise.
        places = {key(s.text) for s, v in zip(spans, verdicts) if v and not s.demonym}
        # Where the story happens: a small town named without any cue is still a place when it
        # lies in a region the story's plain places lie in ("Lanexa" in a story about Virginia).
        regions = {c.place.admin1_code for s, v in zip(spans, verdicts) if v and not s.demonym
                   for c in likeliest(s.candidates) if c.place.admin1_code}
        for i, span in enumerate(spans):
            if not verdicts[i] and span.local and any(
                    c.place.admin1_code in regions for c in span.candidates if c.kind < ALTERNATE and not c.loose):
                verdicts[i] = True
            if (not verdicts[i] and key(span.text) in places and len(span.text) > 3 and not span.nested
                    and (span.label not in {"PERSON", "NORP"} or _country_or_region(span))
                    and span.text.lower() not in self.common
                    and not span.demonym and not person_cue(ctx, doc[span.start], span.end)):
                verdicts[i] = True
        self._lists(ctx, spans, verdicts)
        for span, verdict in zip(spans, verdicts):
            if verdict and not covered.intersection(range(span.start, span.end)):
                kept.append(span)
                covered.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or covered.intersection(range(ent.start, ent.end)):
                continue
            start, end = _name_start(ent), _name_end(ent)
            if start >= end or not _capitalised(doc[start]) or person_cue(ctx, doc[start], end):
                continue
            if end - start == 1 and (doc[start].lower_ in ctx.first_names or doc[start].lower_ in DIRECTIONS or (
                    doc[start].idx in ctx.starts and doc[start].lower_ in self.common)):
                continue  # "Danielle", "Us and them": the model's GPE on a name or a word
            span = doc[start:end]
            cands = by_surface(span.text, self.gazetteer.lookup(span.text), doc, end)
            if not cands and not natural_feature(span) and (
                    ent.label_ in {"FAC", "LOC"} or not self._unknown_place(ctx, span, covered)):
                continue  # "City Hall", "Pawlenty": names the gazetteer cannot place, with no sign of a place
            kept.append(Span(start, end, span.start_char, span.end_char, span.text, cands, ent.label_))
        kept.extend(self._settlements(ctx, covered))
        for a, b in streets:
            street = doc[a:b]
            kept.append(Span(a, b, street.start_char, street.end_char, street.text, (), "FAC", "street"))
        kept.sort(key=lambda s: s.start)
        return kept

    def _settlements(self, ctx: "DocContext", covered: set[int]) -> list[Span]:
        """"the village of Zarichne": a name the gazetteer may not know (villages under 500
        people are not in it) and the model may call a person, written as a settlement."""
        doc = ctx.doc
        found = []
        words = [w.lower() for w in ctx.words]
        for i in range(len(doc) - 2):
            if words[i] not in SETTLEMENT_NOUNS or words[i + 1] != "of" or i + 2 in covered:
                continue
            end = i + 2
            while end < len(doc) and end - i - 2 < MAX_NAME_TOKENS and (
                    _capitalised(doc[end]) or (doc[end].text == "-" and end + 1 < len(doc)
                                               and _capitalised(doc[end + 1]))):
                end += 1
            if end == i + 2 or covered.intersection(range(i + 2, end)) or doc[i + 2].lower_ in self.common:
                continue
            span = doc[i + 2:end]
            cands = by_surface(span.text, self.gazetteer.lookup(span.text), doc, end)
            found.append(Span(span.start, span.end, span.start_char, span.end_char, span.text, cands, "GPE"))
        return found

    def _lists(self, ctx: "DocContext", spans: list[Span], verdicts: list[bool]) -> None:
        """"near Bakhmut, Avdiivka and Marinka": names listed beside a place, with a reading in
        its country, are places too, whatever label the model gave them."""
        doc = ctx.doc
        changed = True
        while changed:
            changed = False
            for i, span in enumerate(spans):
                if verdicts[i] or span.demonym or span.nested or (span.text.lower() in self.common and not any(
                        c.kind == PRIMARY and is_prominent(c) for c in span.candidates)):
                    continue  # "Florence and Venice": a rare word, but a big city's own name
                for j in (i - 1, i + 1):
                    if not (0 <= j < len(spans) and verdicts[j] and not spans[j].demonym):
                        continue
                    a, b = (spans[j], span) if j < i else (span, spans[j])
                    if [t.lower_ for t in doc[a.end:b.start]] not in LIST_JOINS:
                        continue
                    countries = {c.place.country for c in likeliest(spans[j].candidates) or spans[j].candidates[:1]}
                    if any(c.place.country in countries and not c.loose and c.kind <= TRANSLIT
                           for c in span.candidates) and not person_cue(ctx, doc[span.start], span.end):
                        verdicts[i] = changed = True
                        break

    def _unknown_place(self, ctx: "DocContext", span, places: set[int]) -> bool:
        """Whether a name the gazetteer does not know is still written as a place: "the village
        of Prisi", "in Holopaw". The model's GPE alone is right a third of the time on such
        names (persons, firms, "Henderson County Jail"), too rarely to keep without a cue."""
        doc = ctx.doc
        words = [t.lower_ for t in span]
        if any(w.rstrip(".") in ORG_HEADS for w in words[1:]) or (len(words) > 1 and words[0] in ctx.first_names):
            return False
        if len(words) == 1 and (words[0] in self.common or words[0] in ctx.first_names):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        if listed_with(doc, span.start, span.end, places):
            return True  # "Kherson, Beryslav and Novovoskresenske"
        return before is not None and before.lower_ in LOCATIVES and before.lower_ != "of" or (
            span.start > 1 and before.lower_ == "of" and doc[span.start - 2].lower_ in SETTLEMENT_WORDS)

    def _names_where(self, ctx: "DocContext", span: Span) -> bool:
        """What follows says the name is where someone lives or something is: "a Tennessee Colony
        man", "Saratoga native", "Rock Hill-based", "the Bakhmut axis"."""
        doc = ctx.doc
        first = doc[span.start]
        after = doc[span.end:span.end + 2]
        before = doc[span.start - 1] if span.start > 0 else None
        if not len(after) or not strong_readings(span.candidates):
            return False
        cue = (after[0].lower_ in RESIDENT_NOUNS or after[0].lower_ in FRONT_NOUNS
               or (after[0].text == "-" and len(after) > 1 and after[1].lower_ == "based"))
        # Not a word or a first name ("Many women", "Jordan native"), nor the tail of a longer
        # name ("a Meadow Grove man" where only "Grove" is known).
        return (cue and first.lower_ not in ctx.first_names and first.lower_ not in self.common
                and not (before is not None and before.text[:1].isupper() and before.lower_ not in {"a", "an", "the"})
                and not person_cue(ctx, first, span.end))

    def _is_toponym(self, ctx: "DocContext", span: Span, ent, contained: bool) -> bool:
        doc = ctx.doc
        cands = span.candidates
        kinds = {c.kind for c in cands}
        first = doc[span.start]
        following = doc[span.end] if span.end < len(doc) else None
        preceding = doc[span.start - 1] if span.start > 0 else None
        single = span.end - span.start == 1
        label = ent.label_ if ent is not None else ""
        ent_start = _name_start(ent) if ent is not None else span.start
        ent_end = _name_end(ent) if ent is not None else span.end
        ent_is_longer = ent is not None and (ent_start < span.start or ent_end > span.end)

        if single and first.lower_ in DIRECTIONS and not span.hint:
            return False  # "between North and Strickland avenues": a direction is no place alone
        if preceding is not None and _YEAR.match(preceding.text) and following is not None and following.is_title \
                and not any(c.place.feature in {"country", "region"} for c in cands):
            return False  # "a 1992 Toyota Corolla": a make and model (but "a 2007 U.S. Supreme Court ruling")
        after = [t.text for t in doc[span.end:span.end + 2]]
        if after[:1] == ["Day"] or (after[:1] in (["'s"], ["’s"]) and after[1:] == ["Day"]):
            return False  # "St. Patrick's Day", "Lincoln Day": a day named after someone
        if kinds == {DEMONYM}:
            span.demonym = True
            # "Ukrainian Pravda", "Ukrainian News Agency": the adjective belongs to a title; in
            # "the Russian Foreign Ministry" it still says whose ministry.
            if following is not None and _capitalised(following) and (
                    following.lower_ in MEDIA_HEADS or following.lower_ not in self.common):
                return False
            # Inside a longer name ("the American Recovery and Reinvestment Act") it names no place;
            # the small model also calls some nationalities PERSON ("Sri Lankan").
            if language_cue(doc, span):
                return False  # "spoke only French": a language, not France
            exact = ent is not None and ent.start == span.start and ent.end == span.end
            if label == "ORG" and any(t.lower_ in STATE_BODIES for t in doc[span.end:ent_end]):
                return True  # "the Georgian Interior Ministry", "Russian Armed Forces": the state's organ
            return label in {"", "NORP", "GPE"} or (label == "PERSON" and exact)
        if kinds == {ABBREVIATION}:
            # Written as an abbreviation (checked by _by_surface); "KY 90" is a road.
            return not (following is not None and following.like_num)
        heads_a_name = (ent_start == span.start and following is not None
                        and following.lower_.rstrip(".") in ORG_HEADS)  # "Anderson County Sheriff's Office"
        if label in PLACE_LABELS and ent_is_longer and not heads_a_name and not (ent_end == span.end and all(
                t.lower_ in DIRECTIONS for t in doc[ent_start:span.start])):
            span.nested = True
            return False  # "Wichita Street": the entity, not the word inside it, is the name
        typed = bool(span.hint) or (span.end - span.start > 1 and doc[span.end - 1].lower_ in SUFFIX_FEATURES)
        if typed or contained:
            return True
        if self._names_where(ctx, span):
            return True
        if label in MISTAKABLE_LABELS and single and preceding is not None \
                and (not ent_is_longer or (label in {"DATE", "TIME"} and ent_start == span.start)) \
                and preceding.lower_ in LOCATIVES and first.lower_ not in self.common \
                and any(c.kind == PRIMARY and is_prominent(c) for c in cands):
            # "a depot near Kramatorsk", "in Montevideo next month": the model's PRODUCT or DATE
            return True
        if label in NOT_PLACE_LABELS or person_cue(ctx, first, span.end):
            return False
        if label == "PERSON" and ent_is_longer:
            # "Huntsville Fire Chief Tom Grisham": a place naming an office is still a place.
            return ent_start == span.start and following is not None and following.lower_ in ORG_HEADS
        strong = strong_readings(cands)
        prominent = any(is_prominent(c) for c in strong)
        at_start = first.idx in ctx.starts or (preceding is not None and preceding.text in OPENERS)
        if single and at_start and first.lower_ in self.common and not any(
                c.place.name == span.text and is_prominent(c) for c in strong):
            return False  # "Us and them": a capitalised word at the start of a sentence
        if label in {"GPE", "LOC"}:
            return not ent_is_longer or prominent or bool(strong)
        locative = preceding is not None and preceding.lower_ in LOCATIVES
        if single and not prominent and not locative and first.lower_ in ctx.first_names:
            return False  # "Danielle, an 11th-grade student": a first name on its own
        if single and first.lower_ in self.common and not any(
                c.kind == PRIMARY and c.place.feature == "country" for c in strong) and (at_start or not any(
                c.kind == PRIMARY and c.place.feature == "city" and
                (c.place.population >= 100_000 or c.importance >= 2) for c in strong)):
            # "Will", "March", "Reading": a word unless plainly a big place; a country's name
            # ("Jordan", "Chad", "Turkey") is the country even opening a sentence.
            return False
        if label == "NORP":
            # "Saudi clerics": a country's short name used as its adjective.
            span.demonym = any(c.place.feature == "country" for c in strong)
            return span.demonym
        if label in {"ORG", "PERSON", "FAC"}:
            if not ent_is_longer:  # the small model calls many towns ORG or PERSON
                return prominent or (locative and bool(strong))
            if ent_start == span.start and following is not None and following.lower_ in ORG_HEADS:
                return bool(strong)  # "Harwinton Senior Center", "Roselle police"
            # "Armed Forces of Ukraine" names Ukraine; "Ukrainian Pravda" names no Pravda.
            return prominent and (ent_start == span.start or (
                preceding is not None and preceding.lower_ in {"of", "in", "for"}))
        if prominent:
            return True
        # No cue either way: a place only if it lies where the story happens (decided later).
        span.local = bool(strong) and not at_start and label == "" and not person_cue(ctx, first, span.end)
        return bool(strong) and locative


def _name_start(ent) -> int:
    """Where the name in an entity starts: after "the" and direction words ("the North Richmond")."""
    start = ent.start
    while start < ent.end - 1 and (ent.doc[start].lower_ == "the" or ent.doc[start].lower_ in DIRECTIONS):
        start += 1
    return start


def _name_end(ent) -> int:
    """Where the name in an entity ends: before a possessive ("Boone County's")."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].text in {"'s", "’s", "'", "’", ".", ","}:
        end -= 1
    return end


def _country_or_region(span: Span) -> bool:
    """Names nobody is called: a PERSON label on "Egypt" is the model's mistake."""
    return any(c.kind == PRIMARY and c.place.feature in {"country", "region"} for c in span.candidates)


def _contained(doc, spans: list[Span]) -> set[int]:
    """Indices of spans written "X, Region" ("Greer, South Carolina", "Springfield, Ill.")."""
    found = set()
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if b.start == a.end + 1 and doc[a.end].text == "," and any(
                c.place.feature in {"region", "country"} and c.kind != DEMONYM for c in b.candidates):
            found.add(i)
    return found
