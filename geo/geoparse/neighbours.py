"""Which of a dozen namesakes a text means, read from the places it names beside it.

"Russian forces attacked east of Borova near Kopanky", "near Oleksandrivka and Novoyehorivka":
Kharkiv Oblast alone has four Kopankys and fifteen Oleksandrivkas, and the oblast a note names
says nothing about which. The places written next to a name do: a reference town ("east of X")
or the other villages of a list lie within a few tens of kilometres of the one meant. Each
plausible reading of an ambiguous name is credited with how near it lies to a plausible reading
of each neighbouring name (the nearest few names of the same or the next sentence), less what
that reading of the neighbour costs against its own best one: the names are chosen together,
as a reader would, not one by one. Beyond NEIGHBOURS_KM nothing is credited, so a name alone
in its sentence keeps its ranking (population, the oblast, the front).
"""

from __future__ import annotations

import math

from geo.distance import distance_km
from geo.geoparse.resolve import PLAUSIBLE
from geo.geoparse.story import NOT_POINTS, Story
from geo.rules import on, switch

NEIGHBOURS_KM = 50.0
BESIDE = 5.0  # credit for a reading at the very spot of a neighbour's reading, falling to 0 at NEIGHBOURS_KM
WINDOW = 4  # neighbouring names on either side of a mention (a list of 200 villages is no square)
STEPS = 4 * WINDOW  # mentions looked at on either side to find them
READINGS = 12  # a neighbour's readings that can credit (its likeliest)
OWN_READINGS = 40  # a name's own readings that can be credited: Novoselivka has 90
# A town this big is not displaced by a namesake village near a neighbour ("Lviv and Mykolaiv":
# the port city, not the town of 15,000 beside Lviv); its fame is the stronger evidence.
TOWN = 20_000
ROUNDS = 2
SHARE_SCALE = 2.0  # a reading this many points below a name's best holds 1/e of its belief
_NOT_POINTS = NOT_POINTS | {"lake", "reservoir", "historical_region"}  # "Donbas": its centre is no point
_DEGREES = NEIGHBOURS_KM / 111.0  # a latitude gap beyond which two readings are too far apart


def _points(scored, most: int = READINGS) -> list:
    """(score, place) of the plausible readings that are points, best first."""
    if not scored:
        return []
    top = scored[0][0]
    return [(s, c.place) for s, c in scored[:most]
            if s >= top - PLAUSIBLE and c.place.feature not in _NOT_POINTS]


def neighbours(story: Story, i: int) -> list[int]:
    """The nearest few other names around mention ``i`` in its own and the adjoining sentences.
    A name that shares a word with the mention's is no witness: "North Richmond" lies beside one
    Richmond, but says nothing of which Richmond the story means."""
    si, own = story.in_sentence[i], story.keys[i]
    words = set(own.split())
    found: list[int] = []
    for step in (-1, 1):
        seen: set[str] = set()
        j = i + step
        # Bounded by steps, not only by names found: a run of unresolved names or of one name
        # repeated must not make each mention walk it (a square in a list of thousands).
        while 0 <= j < len(story.spans) and abs(story.in_sentence[j] - si) <= 1 and len(seen) < WINDOW \
                and abs(j - i) <= STEPS:
            k = story.keys[j]
            if k not in seen and story.ranked[j] and not words & set(k.split()):
                seen.add(k)
                found.append(j)
            j += step
    return found


def _shares(scored) -> list:
    """(share, place) of the plausible point readings: how much of the name's belief each holds
    (a name with fifteen equal readings vouches for none of them)."""
    if not scored or scored[0][1].place.feature in _NOT_POINTS:
        return []  # a raion or an oblast named is the binding rules' (raion_binds), not a town's
    top = scored[0][0]
    plausible = [(s, c.place) for s, c in scored[:READINGS] if s >= top - PLAUSIBLE]
    weights = [math.exp(-(top - s) / SHARE_SCALE) for s, _ in plausible]
    total = sum(weights)
    return [(w / total, p) for w, (_, p) in zip(weights, plausible) if p.feature not in _NOT_POINTS]


def _eligible(scored, towns: bool = False) -> list | None:
    """The readings among which the neighbours may choose: a village's plausible point readings in
    the country of its best one (the country is the story's to say: its other names vote on it);
    a town's too when ``towns`` (it then yields only to a list, see credits)."""
    if not scored:
        return None
    top = scored[0][1].place
    if top.population >= TOWN and not (towns and top.population < LIST_TOWN):
        return None
    mine = [p for _, p in _points(scored, OWN_READINGS) if p.country == top.country]
    return mine if len({p.id for p in mine}) >= 2 else None


def _credit(mine: list, others: list[list]) -> dict[str, float]:
    """Per reading, what its neighbours vouch for it: each neighbour its share of belief in its
    readings near it, times how near (BESIDE at the same spot, nothing at NEIGHBOURS_KM); the
    neighbours' credits add up (``agreeing_neighbours_add_up``), else the most any one gives. Only
    the names beside it: a story-wide vote (the places it is sure of anywhere) cost work that grew
    faster than the names (tests/test_parse_scaling.py) and changed no score on any set."""
    adding = on("agreeing_neighbours_add_up")
    given: dict[str, float] = {}
    for place in mine:
        total = 0.0
        for readings in others:
            best = 0.0
            for share, q in readings:
                if q.id == place.id or abs(q.lat - place.lat) > _DEGREES \
                        or abs(q.lon - place.lon) > _DEGREES / max(0.2, math.cos(math.radians(place.lat))):
                    continue  # too far apart by a degree's measure: no distance to measure
                km = distance_km(place.lat, place.lon, q.lat, q.lon)
                if km < NEIGHBOURS_KM:
                    best = max(best, BESIDE * share * (1.0 - km / NEIGHBOURS_KM))
            total = total + best if adding else max(total, best)
        given[place.id] = total
    return given


switch("agreeing_neighbours_add_up",
       "'near A, B, C and D', where two namesakes of A and B lie together far from C and D: the reading of a "
       "namesake that most of the list lies beside beats the one a single far namesake vouches for; each "
       "neighbour's credit adds up, not only the best one's")


def credits(story: Story) -> dict[int, tuple[dict[str, float], dict[str, float]]]:
    """Per mention whose namesakes its neighbours tell apart: what to add to each reading's score,
    and the neighbours' credit in it.

    The names are chosen together: in a first round each neighbour vouches for its readings by
    its own belief in them; in the next, by its belief once its own neighbours have spoken, so
    "near Kopanky ... near Oleksandrivka" (each of them one of many) follows the one sure
    reference town, "east of Borova", rather than a far pair of namesakes that happen to lie
    together. One name is one place in a story (unless the text binds its mentions to different
    regions): its mentions pool their neighbours' credit and rank on their average score, so a
    quote repeated beside another paragraph's town still names the same village."""
    current = list(story.ranked)
    given: dict[int, tuple[dict[str, float], dict[str, float]]] = {}
    amid = on("village_list_over_town")
    eligible = {i: mine for i, mine in ((i, _eligible(x, amid)) for i, x in enumerate(story.ranked)) if mine}
    groups: dict[tuple, list[int]] = {}
    for i in eligible:
        bound = story.containers.get(i)
        groups.setdefault((story.keys[i], bound[0].id if bound else ""), []).append(i)
    for _ in range(ROUNDS):
        shares = [_shares(x) for x in current]
        given = {}
        for members in groups.values():
            pooled: dict[str, float] = {}
            for i in members:
                for pid, c in _credit(eligible[i], [shares[j] for j in neighbours(story, i)]).items():
                    pooled[pid] = max(pooled.get(pid, 0.0), c)
            if not any(c > 0 for c in pooled.values()):
                continue
            if story.ranked[members[0]][0][1].place.population >= TOWN and not _amid_list(story, members, eligible, shares):
                continue
            bases = [{c.place.id: s for s, c in story.ranked[i]} for i in members]
            mean = {pid: sum(b[pid] for b in bases if pid in b) / sum(pid in b for b in bases)
                    for pid in set().union(*bases)}
            for i, base in zip(members, bases):
                given[i] = ({pid: pooled.get(pid, 0.0) + mean[pid] - s for pid, s in base.items()}, pooled)
        current = [rerank(x, given[i][0]) if i in given else x for i, x in enumerate(story.ranked)]
    return given


LIST_TOWN = 100_000  # a city this big is never a village's namesake in a list


def _amid_list(story: Story, members: list[int], eligible: dict, shares: list) -> bool:
    """Whether a town's name stands among villages that lie together far from it ("in the areas of
    Dobropillya, Pryluky, Zaliznychne and Varvarivka", all near Huliaipole, where a village bears the
    town's name): two of its neighbours or more vouch for one namesake village more than for the town,
    and all of them together at least twice as much."""
    town = story.ranked[members[0]][0][1].place
    for i in members:
        given = [_credit(eligible[i], [shares[j]]) for j in neighbours(story, i)
                 if story.in_sentence[j] == story.in_sentence[i]]
        for pid in eligible_ids(eligible[i]) - {town.id}:
            prefer = sum(1 for g in given if g.get(pid, 0.0) > g.get(town.id, 0.0))
            if prefer >= 2 and sum(g.get(pid, 0.0) for g in given) >= 2 * sum(g.get(town.id, 0.0) for g in given):
                return True
    return False


def eligible_ids(places: list) -> set[str]:
    return {p.id for p in places}


switch("village_list_over_town",
       "'33 attacks in the areas of Dobropillya, Pryluky, Zaliznychne, Varvarivka and Staroukrainka': a town's "
       "name among villages that all lie together, far from it, is the namesake village among them (a pair, "
       "'Kharkiv and Mykolaiv', keeps the town)")


def rerank(scored: list, given: dict[str, float]) -> list:
    """The plausible readings moved up by their credit."""
    floor = scored[0][0] - PLAUSIBLE
    moved = [(s + given.get(c.place.id, 0.0) if s >= floor else s, c) for s, c in scored]
    moved.sort(key=lambda x: -x[0])
    return moved
