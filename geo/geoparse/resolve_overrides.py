"""Rules that override a mention's ranking, in order, each with a name, a reason and a switch
(geo/rules.py): "the oblast has no such village" (place it at the oblast, unsure), the namesake
nearest the front, a river's nearest stretch, a country over its namesake town.
"""

from __future__ import annotations

import dataclasses
import re

from geo.geoparse.front import km_to_front
from geo.geoparse.fuzzy import fuzzy_in_region
from geo.gazetteer import ALIAS, ALTERNATE, PRIMARY
from geo.gazetteer.names import key
from geo.geoparse.neighbours import credits, rerank
from geo.geoparse.nearby import line_vertices
from geo.geoparse.resolve import PLAUSIBLE, confidence, rank
from geo.rules import on, rule, switch
from geo.geoparse.story import CONFIDENT, CONTAINER_FEATURES, Story, inside, story_day, war_story

OVERRIDES: list = []  # applied to each mention's ranking, in this order
# A name the text places in a region that holds no place of that name: shown at the region.
AT_REGION_CONFIDENCE = 0.2


def _bound_region(story: Story, i: int):
    """The region or raion the text binds mention ``i`` to ("X, Donetsk"), if any."""
    bound = story.containers.get(i)
    return bound[0] if bound is not None and bound[0].feature in {"region", "district"} else None


@rule(OVERRIDES, "name_bearers_in_region",
      "'Novoselivka, Donetsk': villages of the named oblast that bear the name today come before "
      "the oblast's big city that bore it once (an alternate or former name)")
def _name_bearers_in_region(story: Story, i: int, result):
    scored, conf, place = result
    region = _bound_region(story, i)
    k = story.keys[i]
    if region is None or place is None or key(place.name) == k or place.population < BIG_CITY:
        return result  # a town's current name may be GeoNames' alternate one: only big cities yield
    bearers = {id(c) for _, c in scored if c.place.feature == "city" and inside(c.place, region)
               and c.kind <= ALIAS and key(c.place.name) == k}
    if not bearers:
        return result
    rescored = sorted(((s - BIG_CITY_YIELDS if c.place.population >= BIG_CITY and c.kind >= ALTERNATE else s, c)
                       for s, c in scored), key=lambda x: -x[0])
    return rescored, confidence(rescored), rescored[0][1].place


BIG_CITY, BIG_CITY_YIELDS = 50_000, 10.0


@rule(OVERRIDES, "namesake_beside_named_places",
      "'attacked east of Borova near Kopanky', 'near Oleksandrivka and Novoyehorivka': of a name's "
      "namesakes, the one that lies within a few tens of km of the places named beside it (a reference "
      "town, the other villages of a list) is meant; the front and population only decide where they say "
      "nothing (geo/geoparse/neighbours.py)")
def _namesake_beside_named_places(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature in CONTAINER_FEATURES or i in story.forced:
        return result
    if story.credits is None:
        story.credits = credits(story)
    if i not in story.credits:
        return result
    added, credit = story.credits[i]
    rescored = rerank(scored, added)
    if credit.get(rescored[0][1].place.id, 0.0) > 0:
        story.beside.add(i)  # the front rules below have nothing to add
    return rescored, confidence(rescored), rescored[0][1].place


@rule(OVERRIDES, "namesake_in_named_oblast",
      "'In Mykolaiv, in the south, rockets struck a system near the settlement of Hannivka': of a village's "
      "namesakes, the one in the oblast of the city or region its sentence names is meant, before the one "
      "nearest the front")
def _namesake_in_named_oblast(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or place.country != "UA" or place.population >= 20_000 \
            or i in story.containers or i in story.forced or i in story.beside:
        return result
    if story.oblasts_told is None:  # tallied once: a sentence listing thousands of places is no square
        story.oblasts_told = {}
        for j in range(len(story.ranked)):
            if (code := _oblast_told(story, j)) is not None:
                told = story.oblasts_told.setdefault(story.in_sentence[j], {})
                told[code] = told.get(code, 0) + 1
    told, own = story.oblasts_told.get(story.in_sentence[i], {}), _oblast_told(story, i)
    oblasts = {code for code, n in told.items() if n - (code == own) > 0}
    if len(oblasts) != 1 or place.admin1_code in oblasts:
        return result
    top = scored[0][0]
    there = [x for x in scored if x[1].place.feature == "city" and x[1].place.admin1_code in oblasts
             and x[0] >= top - PLAUSIBLE and key(x[1].place.name) == key(place.name)]
    if not there:
        return result
    story.beside.add(i)
    rescored = [there[0]] + [x for x in scored if x is not there[0]]
    return rescored, confidence(rescored), there[0][1].place


def _oblast_told(story: Story, j: int) -> str | None:
    """The oblast a mention's top reading names, when it is a region or a city of 100,000 or more."""
    ranked = story.ranked[j]
    if not ranked:
        return None
    top = ranked[0][1].place
    if top.country == "UA" and top.admin1_code and (
            top.feature == "region" or top.feature == "city" and top.population >= 100_000):
        return top.admin1_code
    return None


@rule(OVERRIDES, "namesake_near_front",
      "'shelled Ivanivka, Kharkiv' where Kharkiv Oblast has several Ivanivkas: in a war report the one "
      "nearest the Russian border or the line of contact is likeliest (geo/geoparse/front.py)")
def _namesake_near_front(story: Story, i: int, result):
    scored, conf, place = result
    region = _bound_region(story, i)
    if region is None or place is None or i in story.beside or not war_story(story):
        return result
    span = story.spans[i]
    if _HROMADA.match(story.text, span.end_char) or span.text.lower().endswith(("community", "hromada")):
        return result  # "Orikhiv territorial community": the community's centre, its biggest namesake
    within = [(s, c) for s, c in scored if c.place.feature == "city" and inside(c.place, region)]
    if len(within) < 2:
        return result
    top = within[0][0]
    within = [(s, c) for s, c in within if s >= top - PLAUSIBLE]
    if len(within) < 2:
        return result
    rescored = _toward_front(scored, within, story_day(story) if on("front_on_the_day") else None)
    return rescored, confidence(rescored), rescored[0][1].place


FRONT, FRONT_KM = 3.0, 80.0
_HROMADA = re.compile(r"\s+(?:(?:territorial|rural|urban|settlement|city)\s+)?(?:community|hromada)\b", re.I)


def _toward_front(scored: list, pool: list, day=None) -> list:
    """``scored`` with the readings in ``pool`` moved up the nearer they lie to the border or
    the lines of contact that held on ``day``."""
    ids = {id(c) for _, c in pool}
    moved = [(s + FRONT * max(0.0, 1.0 - km_to_front(c.place.lat, c.place.lon, day) / FRONT_KM), c)
             for s, c in pool]
    return sorted(moved + [x for x in scored if id(x[1]) not in ids], key=lambda x: -x[0])


@rule(OVERRIDES, "region_without_namesake",
      "'Mykilske, Donetsk region' where the gazetteer has Mykilske only in other oblasts: the text "
      "says where it is, so show it at the region, unsure, rather than at a namesake 300 km away")
def _region_without_namesake(story: Story, i: int, result):
    scored, conf, place = result
    bound = story.containers.get(i)
    if bound is None or not bound[1] or place is None or bound[0].feature == "country":
        return result
    region = bound[0]
    if inside(place, region) or (place.feature in CONTAINER_FEATURES and not (
            place.feature == "district" and place.country == "UA")):
        return result  # a Ukrainian raion or hromada outside the named oblast is a namesake too
    if on("misspelt_in_region") and region.country == "UA":
        near = fuzzy_in_region(story.gazetteer, story.spans[i].text, region.admin1_code)
        if near:
            best = max(near, key=lambda c: c.place.population)
            return scored, UNSURE, best.place
    return scored, AT_REGION_CONFIDENCE, region


switch("misspelt_in_region",
       "'Kramatorks (Donetsk)' where Donetsk Oblast has no Kramatorks but a Kramatorsk: a name one or two "
       "edits from the text's inside the region the text names is likelier than the region's centre "
       "(geo/geoparse/fuzzy.py)")


@rule(OVERRIDES, "region_named_as_container",
      "'Kamianka (Kharkiv)': the name that binds a place is the oblast it chose, not the city's own region")
def _region_named_as_container(story: Story, i: int, result):
    region = story.forced.get(i)
    return result if region is None else (result[0], max(result[1], CONFIDENT), region)


@rule(OVERRIDES, "region_coded_to_town",
      "'a drone strike in Kharkiv region (coded to Kharkiv)': an analyst note states the point it "
      "codes a region-wide event to; the region is shown at that town of the region")
def _region_coded_to_town(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "region" or i + 1 >= len(story.spans):
        return result
    nxt = story.spans[i + 1]
    gap = story.text[story.spans[i].end_char:nxt.start_char]
    if len(gap) > 160 or not _CODED_TO.search(gap):
        return result
    towns = [c for _, c in rank(nxt.candidates, "city") if c.place.feature == "city" and inside(c.place, place)]
    if not towns:
        return result
    return scored, conf, dataclasses.replace(place, lat=towns[0].place.lat, lon=towns[0].place.lon)


_CODED_TO = re.compile(r"\bcoded to\s*$", re.I)


@rule(OVERRIDES, "river_stretch",
      "'crossed the Oskil near Kupiansk': a river is shown at the stretch nearest the story's other "
      "places, not at its midpoint hundreds of kilometres away")
def _river_stretch(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "river" or not story.points or not place.geometry:
        return result
    vertices = line_vertices(place.geometry)
    if not vertices:
        return result
    lat, lon = min(((la, lo) for lo, la in vertices), key=lambda v: story.points.nearest(*v))
    return scored, conf, dataclasses.replace(place, lat=lat, lon=lon)


@rule(OVERRIDES, "homonym_near_front",
      "'Shelling in Novoselivka' with a dozen Novoselivkas and no oblast named: in a war report the "
      "namesake nearest the border or the front is likeliest, though still unsure")
def _homonym_near_front(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or place.country != "UA" or place.population >= 20_000 \
            or i in story.containers or i in story.beside or not war_story(story):
        return result
    if story.near(place, 100):
        return result
    top = scored[0][0]
    same = [(s, c) for s, c in scored if c.place.country == "UA" and c.place.feature == "city"
            and c.place.name == place.name and s >= top - PLAUSIBLE and c.place.population < 20_000]
    if len(same) < 3:
        return result
    rescored = _toward_front(scored, same, story_day(story) if on("front_on_the_day") else None)
    return rescored, min(confidence(rescored), UNSURE), rescored[0][1].place


@rule(OVERRIDES, "homonym_unsure",
      "'Ivanivka' with dozens of namesakes and nothing in the story near any of them: the most "
      "important one is shown, but unsure")
def _homonym_unsure(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or place.population >= 20_000 or i in story.containers \
            or i in story.beside:
        return result
    namesakes = sum(1 for _, c in scored if c.place.name == place.name and c.place.country == place.country)
    if namesakes < 3 or story.near(place, 100):
        return result
    return scored, min(conf, UNSURE), place


UNSURE = 0.4


@rule(OVERRIDES, "country_over_namesake",
      "'the virus spread across Brazil' in a story that also names Texas: a country's name is the "
      "country, unless the town that shares it lies where the story happens (its regions, or "
      "within 150 km of its places: 'Lebanon' in a story about Nashville)")
def _country_over_namesake(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or i in story.containers or i in story.forced or story.hint(i):
        return result
    country = next((x for x in scored if x[1].place.feature == "country" and x[1].kind == PRIMARY), None)
    if country is None or place.admin1_code in story.regions or story.near(place, NAMESAKE_KM):
        return result
    rescored = [country] + [x for x in scored if x is not country]
    return rescored, confidence(rescored), country[1].place


# A big city's namesake gets no such rule: US local news names Paris, Tennessee far more often
# than its other places are confidently placed (LGL Acc@161 fell .900 -> .893 when tried).
NAMESAKE_KM = 150.0


_POINTS = ("south", "north", "east", "west")
_AFTER = re.compile(r",?\s+in the (?:far |country's |country’s )?(south|north|east|west)(?:-?(east|west))?\b", re.I)
_BEFORE = re.compile(r"\b(south|north|east|west)(?:-?(east|west))?ern\s+(?:(?:port |industrial |frontline |border )?"
                     r"(?:city|town|village|port) of\s+)?$", re.I)


@rule(OVERRIDES, "compass_cue",
      "'In X in the south', 'the southern city of X': of the namesakes in the country, the one that lies "
      "furthest that way is meant, whatever else the story names (a region named elsewhere in it)")
def _compass_cue(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature in CONTAINER_FEATURES or _bound_region(story, i) or i in story.forced:
        return result  # "X, Lviv region" binds it; "X, Ukraine" does not choose among its namesakes
    if story.compass is None:
        story.compass = _compass(story)
    ways = story.compass.get(story.keys[i])
    if not ways:
        return result
    # Namesakes at least as big as the reading chosen: a cue names a part of the country, and
    # a news story names its towns by it, not its hamlets.
    pool = [x for x in scored if x[1].place.country == place.country and x[1].kind <= ALIAS
            and x[1].place.feature not in CONTAINER_FEATURES and x[1].place.population >= place.population]
    if len(pool) < 2:
        return result

    def toward(c) -> float:
        p = c.place
        return sum({"south": -p.lat, "north": p.lat, "east": p.lon, "west": -p.lon}[w] for w in ways)

    best = max(pool, key=lambda x: toward(x[1]))
    if best[1].place.id == place.id:
        return result
    rescored = [best] + [x for x in scored if x is not best]
    return rescored, confidence(rescored), best[1].place


def _compass(story: Story) -> dict[str, frozenset[str]]:
    """The directions each name is told in anywhere in the story: one name, one place."""
    found: dict[str, frozenset[str]] = {}
    for k, span in zip(story.keys, story.spans):
        m = _AFTER.match(story.text, span.end_char) or _BEFORE.search(
            story.text, max(0, span.start_char - 40), span.start_char)
        if m is not None and k not in found:
            found[k] = frozenset(w.lower() for w in m.groups() if w)
    return found
