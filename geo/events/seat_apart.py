"""A region whose seat is a city outside it (issue 20, tenth round: recall).

ACLED places what is known only at a region at the region's seat (placing.region_at_its_seat). Most
seats lie inside their region, and an event told at the region and one told at its seat are
rightly told apart or joined by the region's admin code. A capital that is a region of its own is
the seat of the region around it (Kyiv Oblast's seat is Kyiv, itself not in the oblast): put at the
seat at once, "In the region around the capital, a woman was killed" became the capital's own
event of that day and was merged into the strike on the capital told before it. Such an event keeps
its region while the article's events are joined and merged, and moves to the seat at the end.
"""

from __future__ import annotations

from geo.events.placing import _at_seat
from geo.rules import on, switch
from geo.types import REGION_ONLY, Event

switch("region_apart_from_its_seat", "'Russian drones struck the capital ... In the region around the capital, a woman was "
       "killed': a region whose seat is a city outside it (a capital that is a region of its own) is told apart from "
       "that city: its event keeps the region until the article's events are merged, then moves to the seat")


def seat_outside(e: Event, seat) -> bool:
    """Whether ``e`` is known only at a region whose seat lies outside the region."""
    p = e.place
    if seat is None or p is None or p.feature != "region" or e.precision != REGION_ONLY or not p.admin1_code \
            or not on("region_apart_from_its_seat"):
        return False
    town = seat(p.admin1_code)
    return town is not None and bool(town.admin1_code) and town.admin1_code != p.admin1_code


def at_seat_now(e: Event, seat) -> Event:
    """``e`` at its region's seat while the article is read, unless its region is kept apart till the end."""
    return e if seat_outside(e, seat) else _at_seat(e, seat)


def at_seats_apart(events: list[Event], seat) -> list[Event]:
    """The events kept apart from their region's seat, moved there once the article's events are merged."""
    return [_at_seat(e, seat) if seat_outside(e, seat) else e for e in events]
