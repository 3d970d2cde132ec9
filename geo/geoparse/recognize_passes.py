"""Decisions over a whole document's names, after each name's own (geo/geoparse/recognize_rules.py):
where the story happens, one sense per discourse, lists. Each a named rule with a switch.
"""

from __future__ import annotations

from geo.geoparse.cues import DocContext, person_cue
from geo.gazetteer import ALTERNATE, PRIMARY, TRANSLIT
from geo.gazetteer.lexicon import LIST_JOINS, SETTLEMENT_NOUNS, SUFFIX_FEATURES
from geo.gazetteer.names import key
from geo.geoparse.readings import is_prominent, likeliest
from geo.geoparse.recognize_rules import TIME_LABELS
from geo.distance import distance_km
from geo.rules import on, rule, switch

def _country_or_region(span) -> bool:
    """Names nobody is called: a PERSON label on "Egypt" is the model's mistake."""
    return any(c.kind == PRIMARY and c.place.feature in {"country", "region"} for c in span.candidates)


DOCUMENT_RULES: list = []


@rule(DOCUMENT_RULES, "where_story_happens",
      "'Lanexa' in a story about Virginia: a small town named without any cue is a place when it "
      "lies in a region the story's plain places lie in")
def _where_story_happens(rec, ctx: DocContext, spans: list, verdicts: list[bool]) -> None:
    regions = {c.place.admin1_code for s, v in zip(spans, verdicts) if v and not s.demonym
               for c in likeliest(s.candidates) if c.place.admin1_code}
    for i, span in enumerate(spans):
        if not verdicts[i] and span.local and any(
                c.place.admin1_code in regions for c in span.candidates if c.kind < ALTERNATE and not c.loose):
            verdicts[i] = True


@rule(DOCUMENT_RULES, "one_sense_per_discourse",
      "a name the story plainly uses for a place ('the loss of Kherson') is that place in its other "
      "mentions too, unless a person cue says otherwise")
def _one_sense(rec, ctx: DocContext, spans: list, verdicts: list[bool]) -> None:
    places = {key(s.text) for s, v in zip(spans, verdicts) if v and not s.demonym}
    doc = ctx.doc
    for i, span in enumerate(spans):
        if (not verdicts[i] and key(span.text) in places and len(span.text) > 3 and not span.nested
                and (span.label not in {"PERSON", "NORP"} or _country_or_region(span))
                and span.text.lower() not in rec.common
                and not span.demonym and not person_cue(ctx, doc[span.start], span.end)):
            verdicts[i] = True


def joined(doc, a, b) -> bool:
    """Whether span ``a`` and the later span ``b`` are listed together: "A, B", "A and B", and
    past a type word that is not part of the name ("Kherson City and Beryslav")."""
    tokens = doc[a.end:b.start]
    between = [t.lower_ for t in tokens]
    if between[:1] and (between[0] in SETTLEMENT_NOUNS or between[0] in SUFFIX_FEATURES):
        between, tokens = between[1:], tokens[1:]
    return between in LIST_JOINS or (on("list_past_unknown_names") and _past_unknown_names(tokens))


_ITEM_TOKENS = 4  # "Ivano-Pillya", "Rusynyi Yar": a list item the gazetteer lacks is a short name
_UNKNOWN_ITEMS = 3


def _past_unknown_names(tokens) -> bool:
    """", Ivano-Pillya, Rusynyi Yar, ": list items the gazetteer does not know (capitalised words
    between commas) keep a list of villages going, so the names after them are still listed."""
    i, items = 0, 0
    while True:
        if [t.lower_ for t in tokens[i:]] in LIST_JOINS:
            return items > 0
        if i >= len(tokens) or tokens[i].text != "," or items == _UNKNOWN_ITEMS:
            return False
        j = i + 1
        while j < len(tokens) and j - i <= _ITEM_TOKENS and (
                tokens[j].text[:1].isupper() and tokens[j].is_alpha or tokens[j].text in {"-", "'", "’"}):
            j += 1
        if j == i + 1 or not tokens[j - 1].is_alpha:
            return False
        items, i = items + 1, j


switch("list_past_unknown_names", _past_unknown_names.__doc__.strip())


@rule(DOCUMENT_RULES, "lists", "'near Bakhmut, Avdiivka and Marinka': names listed beside a place, "
      "with a reading in its country, are places too")
def _lists(rec, ctx: DocContext, spans: list, verdicts: list[bool]) -> None:
    """"near Bakhmut, Avdiivka and Marinka": names listed beside a place, with a reading in
    its country, are places too, whatever label the model gave them."""
    # A name that becomes a place can make its neighbours places: only they are looked at again
    # (a pass over every name per step costs the square of a list of thousands).
    todo = list(range(len(spans) - 1, -1, -1))
    while todo:
        i = todo.pop()
        if not verdicts[i] and _listed_beside_place(rec, ctx, spans, verdicts, i):
            verdicts[i] = True
            todo += [j for j in (i - 1, i + 1) if 0 <= j < len(spans) and not verdicts[j]]


def _listed_beside_place(rec, ctx: DocContext, spans: list, verdicts: list[bool], i: int) -> bool:
    doc, span = ctx.doc, spans[i]
    if span.demonym or span.nested or (span.text.lower() in rec.common and not any(
            c.kind == PRIMARY and is_prominent(c) for c in span.candidates)):
        return False  # "Florence and Venice": a rare word, but a big city's own name
    for j in _neighbours(doc, spans, verdicts, i):
        if not (0 <= j < len(spans) and verdicts[j] and not spans[j].demonym):
            continue
        a, b = (spans[j], span) if j < i else (span, spans[j])
        if not joined(doc, a, b):
            continue
        countries = {c.place.country for c in likeliest(spans[j].candidates) or spans[j].candidates[:1]}
        # A list's spelling may be the transliteration's variant ("Ivano-Dariivka" for
        # "Ivano-Darivka"): a loose reading counts when the name is long enough to be no word.
        if any(c.place.country in countries and (not c.loose or len(span.text) >= _LOOSE_LISTED) and c.kind <= TRANSLIT
               for c in span.candidates) and not person_cue(ctx, doc[span.start], span.end):
            return True
    return False


_LOOSE_LISTED = 8


def _neighbours(doc, spans: list, verdicts: list[bool], i: int) -> tuple[int, int]:
    """The spans listed either side of span ``i``, past the parts of a hyphenated name the
    gazetteer lacks (the head and tail of "Petro-Kalynove": an unknown list item, not neighbours)."""
    before, after = i - 1, i + 1
    if on("hyphen_tail_in_list"):
        while before > 0 and not verdicts[before] and _hyphen_part(doc, spans[before]):
            before -= 1
        while after < len(spans) - 1 and not verdicts[after] and _hyphen_part(doc, spans[after]):
            after += 1
    return before, after


def _hyphen_part(doc, span) -> bool:
    """A span glued by a hyphen to a capitalised word before or after it: part of a longer name."""
    a, b = span.start, span.end
    return (a > 1 and doc[a - 1].text in _DASHES and not doc[a - 1].whitespace_ and not doc[a - 2].whitespace_
            and doc[a - 2].text[:1].isupper()) or (
        b + 1 < len(doc) and doc[b].text in _DASHES and not doc[b - 1].whitespace_ and not doc[b].whitespace_
            and doc[b + 1].text[:1].isupper())


_DASHES = {"-", "‐", "‑"}


switch("hyphen_tail_in_list", _neighbours.__doc__.strip())
LIST_KM = 50  # how close three listed towns must lie to be read as one area's towns
_MAX_READINGS = 40  # "Ivanivka" has dozens: enough to find the cluster, bounded for speed


@rule(DOCUMENT_RULES, "coherent_list",
      "'Marinka, Heorhiivka and Kurakhove remained the focus': three or more names listed "
      "together, each a town within 50 km of the others, are places even with no cue and no "
      "known place beside them (three surnames are seldom three neighbouring towns)")
def _coherent_list(rec, ctx: DocContext, spans: list, verdicts: list[bool]) -> None:
    doc = ctx.doc
    for chain in _chains(doc, spans):
        if len(chain) < 3 or all(verdicts[i] for i in chain):
            continue
        if any(not _listable(rec, ctx, spans[i]) for i in chain if not verdicts[i]):
            continue
        readings = [_town_points(spans[i]) for i in chain]
        if any(not r for r in readings):
            continue
        if any(all(any(distance_km(lat, lon, b[0], b[1]) <= LIST_KM for b in other) for other in readings[1:])
               for lat, lon in readings[0]):
            for i in chain:
                verdicts[i] = True


def _chains(doc, spans: list) -> list[list[int]]:
    """Runs of spans joined by list words ("A, B and C"), as indexes into ``spans``."""
    chains, current = [], [0] if spans else []
    for i in range(1, len(spans)):
        if joined(doc, spans[i - 1], spans[i]):
            current.append(i)
        else:
            chains.append(current)
            current = [i]
    if current:
        chains.append(current)
    return chains


def _listable(rec, ctx: DocContext, span) -> bool:
    first = ctx.doc[span.start]
    return not (span.demonym or span.nested or span.text.lower() in rec.common or first.lower_ in ctx.first_names
                or span.text.isupper() or span.label in TIME_LABELS
                or person_cue(ctx, first, span.end))


def _town_points(span) -> list[tuple[float, float]]:
    return [(c.place.lat, c.place.lon) for c in span.candidates[:_MAX_READINGS]
            if c.kind <= TRANSLIT and not c.loose and c.place.feature not in {"country", "region", "continent"}]
