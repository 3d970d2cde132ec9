"""Places listed with a word of their own after each (issue 20, ninth round: recall). News names the
towns a strike or an advance reached in a list whose items each carry a direction, a day or their
region: "struck Kharkiv in the northeast, Lviv in the west and Odesa in the south", "captured A over
the weekend and B on Monday", "near A (X region), B and C", "hit refineries at A and at B". ACLED
codes one event per location and day, so each item is a place of the action as in a bare list."""

from __future__ import annotations

import re

from geo.rules import on, switch

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# What an item may carry before the list goes on: where in the country it lies, when it was hit, the
# region it is in (in brackets).
_ITEM_TAIL = (r"(?:\s+in\s+the\s+(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west"
              r"|centre|center)(?:ern\s+part)?(?:\s+of\s+the\s+country)?"
              rf"|\s+(?:on|late\s+on|early\s+on)\s+(?:{_WEEKDAY}(?:\s+(?:night|morning|evening))?|{_MONTH}\s+\d{{1,2}})"
              r"|\s+over\s+the\s+weekend|\s+overnight|\s+(?:earlier|later)\s+(?:that|in\s+the)\s+day"
              r"|\s*\([^()\n]{1,40}\))")
# The join after it, which may repeat the preposition of the first item ("at A and at B").
_JOIN = (r"(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|,?\s+as well as\s+)(?:(?:in|at)\s+)?"
         r"(?:the\s+(?:village|town|city|settlement)s?\s+of\s+)?")
_QUALIFIED_JOIN = re.compile(rf"^{_ITEM_TAIL}{_JOIN}$", re.I)
_REPEATED_PREPOSITION = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+)(?:in|at)\s+$", re.I)

switch("items_with_their_own_words", "'struck Kharkiv in the northeast, Lviv in the west and Odesa in the south', "
       "'captured A over the weekend and B on Monday', 'hit refineries at A and at B', 'near A (X region), B and C': a "
       "list whose items each carry a direction, a day, their region or their own preposition is still a list, each "
       "item a place of the action (ACLED codes one event per location and day)")


def qualified_join(join: str) -> bool:
    """Whether the words between two places join list items that carry words of their own."""
    if not on("items_with_their_own_words"):
        return False
    return bool(_QUALIFIED_JOIN.match(join) or _REPEATED_PREPOSITION.match(join))


_OPEN_BRACKET = re.compile(r"\s*\([^()\n]{0,40}$")


def in_brackets_after(text: str, end: int, start: int) -> bool:
    """Whether a place is named inside the brackets right after a list item ("A (X region), B"): the
    item's region, which neither ends the list nor is an item of it."""
    return on("items_with_their_own_words") and bool(_OPEN_BRACKET.match(text, end, start))
