"""Where the war touches Ukraine: its border with Russia and the lines of contact of 2022-2024.

War reports name villages by an oblast that holds several of that name ("shelled Ivanivka,
Kharkiv"): shelling, drones and assaults land near the border or the front, so among namesakes
inside the named oblast the one nearest these lines is likelier. Coarse polylines (within
10-20 km), drawn from general knowledge of the war's maps; (lat, lon) vertices. They are a soft
preference, never a filter, and are not meant to show where the front is on a given day.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from geo.distance import Buckets, distance_km

# The state border with Russia, from the tripoint with Belarus to the Sea of Azov.
RUSSIA_BORDER = [
    (52.09, 31.78), (52.20, 32.10), (52.35, 32.40), (52.28, 32.75), (52.36, 33.25), (52.30, 33.60),
    (52.20, 34.05), (51.85, 34.35), (51.60, 34.40), (51.30, 34.30), (51.15, 34.65), (51.12, 35.20),
    (50.85, 35.45), (50.45, 35.60), (50.35, 35.95), (50.42, 36.50), (50.35, 36.95), (50.15, 37.70),
    (49.90, 38.05), (49.60, 38.40), (49.40, 39.00), (49.35, 40.15), (49.00, 40.10), (48.70, 39.70),
    (48.30, 39.90), (47.85, 39.80), (47.25, 38.25),
]
# Lines of contact: the front from Kharkiv to the Dnipro (2022-2024) and the Dnipro down to the
# sea (since November 2022).
EASTERN_FRONT = [
    (50.20, 36.35), (50.08, 36.80), (49.75, 37.85), (49.40, 38.05), (49.05, 38.20), (48.87, 38.10),
    (48.60, 38.00), (48.40, 37.85), (48.28, 37.70), (48.14, 37.75), (47.96, 37.45), (47.78, 37.25),
    (47.84, 36.84), (47.66, 36.26), (47.52, 35.85), (47.48, 35.40), (47.50, 34.65), (47.20, 33.90),
    (46.75, 33.37), (46.64, 32.62), (46.50, 32.30), (46.55, 31.55),
]
# The summer front of 2022: Kharkiv's outskirts to Izium and Lyman, and the Kherson front north
# of the Dnipro before the city's liberation.
FRONT_2022 = [
    (50.08, 36.40), (49.46, 36.86), (49.20, 37.27), (49.00, 37.35), (48.99, 37.80), (48.95, 38.49),
    (48.63, 38.38),
]
KHERSON_2022 = [(46.87, 32.23), (47.08, 32.80), (47.25, 33.20), (47.49, 33.52), (47.55, 34.20)]
LINES = (RUSSIA_BORDER, EASTERN_FRONT, FRONT_2022, KHERSON_2022)
# Until when a line held: the Kharkiv counter-offensive (September 2022) and the liberation of
# Kherson (November 2022) ended the two lines of 2022. A story dated later is measured against
# the lines that still held; an undated one against all of them.
ENDED = {2: date(2022, 9, 12), 3: date(2022, 11, 11)}
_STEP_KM = 5.0


def lines_on(day: date | None) -> tuple[int, ...]:
    """Indexes into LINES of the lines that held on ``day`` (all of them when it is unknown)."""
    return tuple(i for i in range(len(LINES)) if day is None or i not in ENDED or day <= ENDED[i])


@lru_cache(maxsize=4)
def _points(which: tuple[int, ...] = tuple(range(len(LINES)))) -> Buckets:
    """The lines as points every few km, bucketed by whole degrees."""
    cells = Buckets(1.0)
    for line in (LINES[i] for i in which):
        for (a, b), (c, d) in zip(line, line[1:]):
            n = max(1, math.ceil(distance_km(a, b, c, d) / _STEP_KM))
            for k in range(n + 1):
                la, lo = a + (c - a) * k / n, b + (d - b) * k / n
                cells.add(la, lo, (la, lo))
    return cells


def km_to_front(lat: float, lon: float, day: date | None = None) -> float:
    """Km from a point to the nearest border or contact line that held on ``day`` (infinity
    beyond ~100 km)."""
    return min((distance_km(lat, lon, a, b) for a, b in _points(lines_on(day)).around(lat, lon)), default=math.inf)
