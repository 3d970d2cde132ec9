"""A sentence's clauses, and the clauses that go on with the action of the one before: where
"; ", ", while" or a dash ends one, where "and hit" starts a second action, and which clauses with
no verb of their own are more places ("north of X near Y") or more targets ("a depot near A")
of the action before them."""

from __future__ import annotations

import re

from geo.rules import on, switch

# Clauses a sentence joins that may each report an event of their own.
# ", and a drone hit ...": a new subject after ", and" starts a new clause, with its own event;
# so does ", and elsewhere ...".
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but|and then|after which|meanwhile)\s+|\s+[—–]\s+"
                           r"|,\s+and\s+(?=(?:a|an|another)\s|elsewhere\b)")


def clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


# "fired at Sloviansk with Uragans and hit Kramatorsk with Iskanders": a second verb of violence
# after "and" is a second action, with its own target.
_AND_VERB = re.compile(r"\s+and\s+(?:also\s+|then\s+|later\s+)?(?=(?:hit|struck|shelled|fired at|fired on|attacked|bombed|"
                       r"targeted|stormed|assaulted|captured|seized|launched)\b)")  # not a toll's "and killed two"
switch("second_action", "'fired at Sloviansk with Uragans and hit Kramatorsk with Iskanders': a second verb "
       "of violence joined by 'and' is a second action at its own target")


def actions(text: str, a: int, b: int, rules) -> list[tuple[int, int]]:
    """The clause ``text[a:b]`` cut before each "and <verb>" that starts a trigger of its own."""
    out, start = [], a
    for m in _AND_VERB.finditer(text, a, b):
        if m.start() > start and any(r.regex.match(text, m.end(), b) for r in rules):
            out.append((start, m.start()))
            start = m.end()
    out.append((start, b))
    return out


ELLIPSIS = re.compile(r"\s*(?:and\s+)?(?:(?:north|south|east|west)[\w-]*\s+of\b|near\b|toward|in the (?:direction|area|vicinity) of\b)", re.I)
# "struck a depot near A; a fuel warehouse in occupied B; and a workshop near C": one strike verb,
# a list of targets, each with its place.
TARGET = re.compile(r"\s*(?:and\s+)?(?:a|an|the|two|three|four|five|several|\d+)\s+(?:[\w’'()/-]+\s+){0,9}?"
                    r"(?:in|near|at|outside)\s+(?:occupied\s+|the\s+)?[A-Z]")
OWN_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|said|says|will|would)\b", re.I)
switch("target_ellipsis", "'struck a depot near A; a warehouse in occupied B; and a workshop near C': each "
       "target of one strike verb, with a place of its own, is a strike there")
switch("clause_ellipsis", "'attacked near X itself; north of X near Y and toward Z': a clause of places "
       "with no action of its own goes on with the action of the clause before")


# "The missile, which is capable of carrying nuclear warheads, struck the city": what a relative
# clause says of the subject does not qualify the verb after it.
_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,")
switch("relative_clause_aside", "'The missile, which is capable of carrying warheads, struck the city': a relative "
       "clause about the subject ('capable of', 'could') does not make the verb after it hypothetical")


def without_asides(before: str) -> str:
    """The words before a trigger without the relative clauses set off by commas inside them."""
    return _ASIDE.sub(",", before) if on("relative_clause_aside") and "," in before else before
