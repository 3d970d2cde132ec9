"""Toponym recognition: which spans of an article name places.

spaCy's small NER model alone misses or mislabels many places (Kherson as PERSON, the Dnieper
as ORG), and the gazetteer alone matches every capitalised word that some village is named
after. So both propose spans and the decision weighs their evidence: the NER label, how
prominent the best candidate is, whether the word is an ordinary English word, person cues
("Gen. X", "X said"), organisation cues ("X News Agency") and type words ("X Oblast").
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH

from geo.geoparse.cues import DocContext, listed_with, names_disease, natural_feature, person_cue
from geo.gazetteer import ALIAS, DEMONYM, PRIMARY, Candidate, Gazetteer
from geo.gazetteer.lexicon import (CONNECTORS, DIRECTIONS, DOTTED_ABBREVIATIONS, LIST_JOINS, LOCATIVES, ORG_HEADS, TOPONYM_NOUNS,
                         PLURAL_FEATURES, PREFIX_FEATURES, SETTLEMENT_NOUNS, SETTLEMENT_WORDS, SUFFIX_FEATURES,
                         WATER_FEATURES, common_words)
from geo.geoparse.readings import by_surface
from geo.geoparse import fuzzy
from geo.geoparse.landmark_phrases import landmark_phrase
from geo.geoparse.oblast_adjectives import adjectival_region, regions_of_before
from geo.geoparse.translated_regions import derived_region
from geo.geoparse.recognize_passes import DOCUMENT_RULES
from geo.geoparse.recognize_rules import PLACE_LABELS, decide, name_end, name_start
from geo.rules import active, on, switch
from geo.geoparse.streets import street_spans
from geo.types import Span
from geo.geoparse.war_cues import is_caption
from geo.geoparse.war_words import STRONG_VERBS, UNKNOWN_FACILITIES, UNKNOWN_FACILITIES_ONE

MAX_NAME_TOKENS = 6
_TYPE_SPELLINGS = {"region": ("Oblast", "Region", "Province"), "district": ("Raion", "District", "Rayon")}


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
        if not any(capital) and on("lower_case_text"):
            # "russian forces shelled bakhmut": in a text without a capital letter, a word that
            # is no English word may be a name (the cues decide as usual).
            capital = [len(w) >= 4 and w.isalpha() and w not in self.common for w in words]
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
            found = adjectival_region(self.gazetteer, words, starts, text, i) \
                or derived_region(self.gazetteer, words, starts, text, i) or found
            if on("community_name"):
                found = self._community(words, starts, text, i, run, found)
            if found is None:
                i += 1
                continue
            found = landmark_phrase(self.gazetteer, words, starts, text, found) or found
            if on("unknown_name_head") and self._tail_of_unknown(words, starts, spans, found):
                i = found.end
                continue
            if on("unknown_name_head") and found.end < n and capital[found.end] \
                    and words[found.end].lower() in TOPONYM_NOUNS and starts[found.end] == found.end_char + 1:
                i = found.end + 1  # "Zorianyi Yar" unknown as one name: neither half is the place
                continue
            self._trim_city(doc, found)
            self._attach_type_word(doc, found, text)
            if not found.hint and on("regions_of") and regions_of_before(words, found.start, spans):
                self._set_hint(found, "region")  # "the regions of Luhansk and Donetsk"
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

    def _tail_of_unknown(self, words, starts, spans, found) -> bool:
        """"Rusynyi Yar", "Kruta Balka": a generic toponym noun the gazetteer knows as a village of
        its own ("Yar" ravine, "Balka" gully) right after a capitalised word that is neither English
        nor a known name ends a name the gazetteer lacks; it is no place of its own."""
        h = found.start - 1
        if h < 0 or spans and spans[-1].end > h or found.text.lower() not in TOPONYM_NOUNS:
            return False
        head = words[h]
        return (len(head) >= 4 and head.isalpha() and head[:1].isupper() and not head.isupper()
                and starts[h] + len(head) + 1 == found.start_char and head.lower() not in self.common)

    def _community(self, words, starts, text, i, run, found):
        """"Kurakhivska territorial community", "Huliaipilska hromada": a community named by its
        town's adjective is one name (the gazetteer holds the hromadas), although the adjective
        alone is no name and the type words are lower case."""
        end = found.end if found is not None else i + 1
        if found is None and run - i > 2:
            return None
        for size in (2, 1):
            tail = [w.lower() for w in words[end:end + size]]
            if len(tail) < size or not (tail[-1] in _COMMUNITY_HEADS and (
                    size == 1 or tail[0] in _COMMUNITY_KINDS)):
                continue
            surface = text[starts[i]:starts[end + size - 1] + len(words[end + size - 1])]
            whole = tuple(c for c in self.gazetteer.lookup(surface) if c.place.feature == "district")
            if whole:
                # "Orikhiv territorial community": the gazetteer's community of that name may
                # lie in another oblast than the text's, so the towns stay readings too.
                towns = found.candidates if found is not None else ()
                span = Span(i, end + size, starts[i], starts[i] + len(surface), surface, whole + towns)
                span.hint = "" if towns else "district"
                return span
        return found

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
                named = any(c.place.feature in family for c in whole)
                kept = tuple(c for c in span.candidates if c.place.id not in known and not (
                    named and c.place.feature in family))
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
                after = doc[span.end].lower_ if span.end < len(doc) else ""
                if water and word.lower_ == "the" and after in SETTLEMENT_WORDS and any(
                        c.place.feature == "city" for c in span.candidates):
                    span.reading = "city"  # "the Kharkiv suburb of X": a town's word, not a river's
                elif water and word.lower_ == "the":
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
            verdicts.append(decide(ctx, span, ent, i in contained, self.common))
        for step in active(DOCUMENT_RULES):
            step(self, ctx, spans, verdicts)
        for span, verdict in zip(spans, verdicts):
            if verdict and not covered.intersection(range(span.start, span.end)):
                kept.append(span)
                covered.update(range(span.start, span.end))
        for ent in doc.ents if on("unknown_place_entity") else ():
            if ent.label_ not in PLACE_LABELS or covered.intersection(range(ent.start, ent.end)):
                continue
            start, end = name_start(ent), name_end(ent)
            if start >= end or not _capitalised(doc[start]) or person_cue(ctx, doc[start], end):
                continue
            if on("hyphen_compound") and end + 1 < len(doc) and doc[end].text == "-" \
                    and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and _capitalised(doc[end + 1]):
                end += 2  # "Ivano-Pillya": the model's entity stops at the hyphen, the name does not
            if on("named_disease") and names_disease(doc, end):
                continue  # "Marburg virus"
            if end - start == 1 and (doc[start].lower_ in ctx.first_names or doc[start].lower_ in DIRECTIONS or (
                    doc[start].idx in ctx.starts and doc[start].lower_ in self.common)):
                continue  # "Danielle", "Us and them": the model's GPE on a name or a word
            span = doc[start:end]
            cands = by_surface(span.text, self.gazetteer.lookup(span.text), doc, end)
            if not cands and not natural_feature(span) and (
                    ent.label_ in {"FAC", "LOC"} or not self._unknown_place(ctx, span, covered)):
                continue  # "City Hall", "Pawlenty": names the gazetteer cannot place, with no sign of a place
            kept.append(Span(start, end, span.start_char, span.end_char, span.text, cands, ent.label_))
        if on("settlement_noun"):
            kept.extend(self._settlements(ctx, covered))
        if on("unknown_after_event_verb"):
            kept.extend(self._unknown_after_verb(ctx, covered))
        if on("fuzzy_spelling") and any(not s.candidates for s in kept) and (is_caption(ctx) or any(
                c.place.country in fuzzy.COUNTRIES for s in kept for c in s.candidates[:3])):
            for s in kept:  # only names a cue made places: "shelled Popsana", "in Kramatorks"
                if not s.candidates:
                    s.candidates = fuzzy.fuzzy_candidates(self.gazetteer, s.text)
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

    def _unknown_after_verb(self, ctx: "DocContext", covered: set[int]) -> list[Span]:
        """"shelled Qwertyvka", "near Qwertyvka": a name nobody knows right after an event verb
        is still a place, unplaced, so an online geocoder or the user can place it."""
        doc, words, found = ctx.doc, ctx.words, []
        for i in range(1, len(words)):
            w = words[i]
            if i in covered or not w[:1].isupper() or not w.isalpha() or w.lower() in self.common \
                    or w.lower() in ctx.first_names:
                continue
            end = i + 1
            while end < len(words) and end - i < 4 and end not in covered and (
                    words[end][:1].isupper() or (words[end] == "-" and end + 1 < len(words)
                                                 and words[end + 1][:1].isupper())):
                end += 1
            facility = [x.lower() for x in words[end:end + 2]] in UNKNOWN_FACILITIES or (
                end < len(words) and words[end].lower() in UNKNOWN_FACILITIES_ONE)
            if words[i - 1].lower() not in STRONG_VERBS and not (facility and i > 1 and words[i - 1].lower() == "the"):
                continue  # "shelled Qwertyvka", "the Vuhlehirska power plant"
            if covered.intersection(range(i, end)) or ctx.entity_of.get(i) is not None and \
                    ctx.entity_of[i].label_ in {"PERSON", "ORG", "NORP", "DATE", "TIME"}:
                continue
            span = doc[i:end]
            found.append(Span(i, end, span.start_char, span.end_char, span.text, (), "GPE"))
            covered.update(range(i, end))
        return found

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


_COMMUNITY_HEADS = {"community", "hromada"}
_COMMUNITY_KINDS = {"territorial", "rural", "urban", "settlement", "city"}
switch("lower_case_text", "'russian forces shelled bakhmut': in a text without capitals, words that "
       "are no English words are proposed as names; the usual cues decide")
switch("community_name", Recogniser._community.__doc__.strip())
switch("unknown_name_head", Recogniser._tail_of_unknown.__doc__.strip())
switch("hyphen_compound", "'Ivano-Pillya': the model's entity stops at a hyphen inside a name the gazetteer "
       "lacks; the name goes on to the capitalised word after it")


def _contained(doc, spans: list[Span]) -> set[int]:
    """Indices of spans written "X, Region" ("Greer, South Carolina", "Springfield, Ill.")."""
    found = set()
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if b.start == a.end + 1 and doc[a.end].text == "," and any(
                c.place.feature in {"region", "country"} and c.kind != DEMONYM for c in b.candidates):
            found.add(i)
    return found


# Proposals beyond the gazetteer's spans, each switchable like the rules above.
switch("unknown_place_entity", "'in Holopaw', 'the village of Prisi': the model's place entity "
       "that the gazetteer lacks, kept only with a sign of a place")
switch("fuzzy_spelling", "'shelled Popsana', 'in Kramatorks': a misspelt Ukrainian name that a cue "
       "made a place is matched within one or two edits (geo/geoparse/fuzzy.py)")
switch("unknown_after_event_verb", "'shelled Qwertyvka': an unknown name right after an event "
       "verb is an unplaced place")
switch("settlement_noun", "'the village of Zarichne': a settlement noun names whatever follows, "
       "known or not")
