"""Where an action is placed besides the place its clause names: every place listed with it, the
story's focus when it names none, a region's seat (geo.events.places chooses the clause's own)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from geo.events.places import _BROAD, Where, listed_after, spread
from geo.events.recall import regions_listed
from geo.rules import on, rule
from geo.types import NEAR_PLACE, REGION_ONLY, Event, Resolution


def _each_place(text: str, clause: tuple[int, int], chosen: Resolution, in_clause,
                violent: bool = False) -> list[Resolution]:
    listed = listed_after(text, chosen, in_clause)
    if not on("each_place_of_an_action"):
        return listed
    found = {r.place.id: r for r in listed}
    for r in spread(text, clause, chosen, in_clause):
        found.setdefault(r.place.id, r)
    for r in regions_listed(text, clause, chosen, in_clause) if violent else ():
        found.setdefault(r.place.id, r)
    return sorted(found.values(), key=lambda r: r.mention.start)


def _focus(resolutions: list[Resolution]) -> Where | None:
    """The article's most mentioned specific place: where an event with no place of its own
    most likely happened ("they are withdrawing the banks" in a story about Kherson)."""
    counts = Counter(r.place.id for r in resolutions if r.place is not None
                     and r.mention.label != "DEMONYM" and r.place.feature not in _BROAD)
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < 2:
        return None
    first = next(r for r in resolutions if r.place is not None and r.place.id == best)
    return Where(first, NEAR_PLACE)


# The extractor's decisions: one list, opened here and continued in geo.events.toll_after and
# geo.events.extract, so that they register in the order `geo rules` has always listed them.
DECISIONS: list = []


@rule(DECISIONS, "no_place_no_event",
      "a sentence whose trigger names only countries or capitals standing for governments ('Kyiv's "
      "fight against Russia', 'Russia attacked Ukraine') is commentary: ACLED places every event at a "
      "region or finer")
def _placeless_enabled():
    return True


@rule(DECISIONS, "region_at_its_seat",
      "ACLED codes what is known only at a region ('drones shot down over the Odesa region') at the "
      "region's main town, with precision 3")
def _at_seat(e: Event, seat) -> Event:
    p = e.place
    if p is None or p.feature != "region" or e.precision != REGION_ONLY:
        return e
    town = seat(p.admin1_code)
    return replace(e, place=town) if town is not None else e
