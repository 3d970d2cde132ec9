"""Resolution of a whole document, as an ordered list of named rules.

``resolve`` first binds names to the regions the text puts them in ("Kruta Balka, Donetsk",
"Urozhaine (Donetsk region)", "Lyman in Donetsk Oblast"), then ranks every mention's candidates
(geo/resolve.py: prior, story context, nearby places, readings that lie together), then
applies the rules that override a ranking ("the oblast has no such village": place it at the
oblast, unsure). Each rule has a name, a reason and a switch (geo/rules.py).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from geo.front import km_to_front
from geo.fuzzy import fuzzy_in_region
from geo.gazetteer import ALIAS, ALTERNATE, PRIMARY, TRANSLIT, Candidate
from geo.lexicon import LIST_JOINS
from geo.names import key
from geo.recognize import Span
from geo.resolve import PLAUSIBLE, Together, build_context, confidence, distance_km, others, rank, soft_votes
from geo.rules import active, on, rule
from geo.types import Place
from geo.war_words import ACTOR_NOUNS, EVENT_VERBS

CONFIDENT = 0.75
CONTAINER_FEATURES = {"region", "country", "district"}
# A name the text places in a region that holds no place of that name: shown at the region.
AT_REGION_CONFIDENCE = 0.2
# Words between a name and the region that contains it: "X, Donetsk", "X (Donetsk Oblast)",
# "X in Donetsk Oblast".
_BINDING_GAPS = {",", "(", "in", "in the", ", in", ", in the", "(in", "- in"}


@dataclass(slots=True)
class Story:
    """What resolution knows about one document while its rules run."""

    spans: list[Span]
    text: str
    in_sentence: list[int]
    gazetteer: object
    keys: list[str] = field(default_factory=list)
    containers: dict[int, tuple[Place, bool]] = field(default_factory=dict)  # i -> (region, explicit)
    hints: dict[int, str] = field(default_factory=dict)  # readings the binding rules force
    forced: dict[int, Place] = field(default_factory=dict)  # places the binding rules decided
    points: list[tuple[float, float]] = field(default_factory=list)  # confident point places
    regions: set[str] = field(default_factory=set)  # admin-1 codes of the confident places
    war: bool | None = None  # whether the text reports fighting (computed once)

    def hint(self, i: int) -> str:
        s = self.spans[i]
        return self.hints.get(i) or s.hint or s.reading


BINDINGS: list = []  # rules that read the text around names before ranking
OVERRIDES: list = []  # rules applied to a ranking


def _gap(story: Story, a: Span, b: Span) -> str:
    """The words between two names, less settlement words after the first ("Mykilske village,
    Donetsk region", "Orikhiv territorial community, Zaporizhzhia")."""
    words = story.text[a.end_char:b.start_char].replace(",", " , ").replace("(", " ( ").split()
    while words and words[0].lower() in _SETTLEMENT_WORDS:
        words.pop(0)
    return " ".join(words).lower().replace(" ,", ",").replace("( ", "(")


_SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "territorial", "rural", "urban", "community",
                     "hromada", "township", "urban-type"}


def _region_reading(story: Story, span: Span, hint: str) -> Place | None:
    if not span.candidates:
        return None
    best = rank(span.candidates, hint)[0][1].place
    return best if best.feature in CONTAINER_FEATURES else None


def _listed(story: Story, i: int, j: int) -> bool:
    if not (0 <= i < len(story.spans) and 0 <= j < len(story.spans)):
        return False
    a, b = sorted((story.spans[i], story.spans[j]), key=lambda s: s.start)
    gap = story.text[a.end_char:b.start_char].lower().split()
    return [w for w in " ".join(gap).replace(",", " , ").split()] in LIST_JOINS


@rule(BINDINGS, "region_after_name",
      "'Springfield, Ill.', 'Urozhaine (Donetsk region)', 'Lyman in Donetsk Oblast': the region named "
      "right after a place contains it")
def _region_after_name(story: Story) -> None:
    for i in range(len(story.spans) - 1):
        a, b = story.spans[i], story.spans[i + 1]
        gap = _gap(story, a, b)
        if gap not in _BINDING_GAPS or not b.candidates:
            continue
        if gap != "," and gap != "(" and not b.hint:
            continue  # "fighting in Kharkiv in Kupiansk": only a typed region binds after "in"
        region = _region_reading(story, b, story.hint(i + 1))
        if region is not None:
            story.containers[i] = (region, True)


@rule(BINDINGS, "oblast_named_after_city",
      "'Kruta Balka, Donetsk': after a comma, a name shared by a city and its oblast is the oblast "
      "when the place before it has a namesake there (and the two are no list of towns)")
def _oblast_named_after_city(story: Story) -> None:
    spans = story.spans
    for i in range(len(spans) - 1):
        if i in story.containers:
            continue
        a, b = spans[i], spans[i + 1]
        if _gap(story, a, b) not in {",", "("} or b.hint:
            continue
        regions = {c.place.admin1_code: c.place for c in b.candidates
                   if c.place.feature == "region" and c.kind <= ALIAS and not c.loose}
        if not regions:
            continue
        if not a.hint and (_listed(story, i - 1, i) or _listed(story, i + 1, i + 2)):
            continue  # "Kharkiv, Sumy and Chernihiv" lists three cities; "Kupiansk raion, Kharkiv" none
        inside = [c for c in a.candidates if c.place.admin1_code in regions and c.kind <= TRANSLIT
                  and c.place.feature not in {"region", "country"}]  # a raion or hromada is inside
        if inside:
            story.containers[i] = (regions[inside[0].place.admin1_code], False)
            story.hints[i + 1] = "region"
        elif _clause_ends(story, b) and not any(
                c.place.feature in CONTAINER_FEATURES or c.place.population >= 100_000 for c in a.candidates):
            # "Kruta Balka, Donetsk." where only other oblasts have a Kruta Balka: still the
            # oblast, and the village is shown there, unsure.
            story.containers[i] = (next(iter(regions.values())), True)
            story.hints[i + 1] = "region"
        if i in story.containers:
            story.forced[i + 1] = story.containers[i][0]


def _clause_ends(story: Story, span: Span) -> bool:
    rest = story.text[span.end_char:span.end_char + 2].lstrip()
    return not rest or rest[0] in ".,;:)\n"


def _actor(story: Story, i: int) -> bool:
    """"Russian forces shelled Kruta Balka, Donetsk": the nationality says who acted, not
    where; as evidence of the story's country it would pull Donetsk to Russia's Donetsk."""
    span = story.spans[i]
    if not span.demonym:
        return False
    after = story.text[span.end_char:span.end_char + 40].split()
    return bool(after) and (after[0].lower().strip(",.") in ACTOR_NOUNS or (
        len(after) > 1 and after[1].lower().strip(",.") in ACTOR_NOUNS))


REGISTRY_NOTE = rule([], "actors_are_not_where", _actor.__doc__.strip())(_actor)


def _near_index(story: Story, sure) -> dict[int, dict[tuple, tuple[float, float]]]:
    """Confident point places by sentence, one entry per (name, place): a text naming "Kyiv"
    20,000 times has one point to compare against, not 20,000."""
    by_sentence: dict[int, dict[tuple, tuple[float, float]]] = {}
    for i, choice in enumerate(sure):
        if choice is None:
            continue
        place = choice[1].place
        if place.feature in CONTAINER_FEATURES | {"continent", "sea", "river"}:
            continue
        by_sentence.setdefault(story.in_sentence[i], {})[(story.keys[i], place.id)] = (place.lat, place.lon)
    return by_sentence


def resolve(spans: list[Span], text: str, in_sentence: list[int], gazetteer):
    """Yield (ranked candidates, confidence, place or None) per span, in order."""
    story = Story(spans, text, in_sentence, gazetteer, [key(s.text) for s in spans])
    actors = on("actors_are_not_where")
    for step in active(BINDINGS):
        step(story)
    containers = {i: region for i, (region, _) in story.containers.items()}
    first = [rank(s.candidates, story.hint(i), container=containers.get(i)) for i, s in enumerate(spans)]
    sure = [r[0] if r and confidence(r) >= CONFIDENT and not (actors and _actor(story, i)) else None
            for i, r in enumerate(first)]
    points = _near_index(story, sure) if on("near_in_sentence") else {}
    story.points = list(dict.fromkeys((c.place.lat, c.place.lon) for c in (x[1] for x in sure if x is not None)
                                      if c.place.feature not in CONTAINER_FEATURES | {"continent", "sea", "river"}))
    story.regions = {x[1].place.admin1_code for x in sure if x is not None and x[1].place.admin1_code}
    keys = story.keys
    voters = [r if r and not (actors and _actor(story, i)) else [] for i, r in enumerate(first)]
    votes = soft_votes(voters, keys) if on("soft_votes") else {}
    together = Together(first, keys) if on("together") else None
    contexts = {}
    nears: dict[tuple[int, str], list[tuple[float, float]]] = {}
    overrides = active(OVERRIDES)
    for i, span in enumerate(spans):
        k = keys[i]
        # A name must not vote for its own reading: "Paris" five times is no evidence of France.
        if k not in contexts:
            ctx = build_context([c for c, kk in zip(sure, keys) if kk != k]) if on("story_context") else None
            if ctx is not None:
                ctx.soft_countries, ctx.soft_regions = others(votes, k)
            contexts[k] = ctx
        # Places named in the same or a neighbouring sentence: "killed in Nikopol, across the
        # river from Enerhodar" is the Nikopol beside Enerhodar, not a namesake 300 km away.
        si = in_sentence[i]
        near = nears.get((si, k))
        if near is None:
            near = nears[(si, k)] = [p for s in (si - 1, si, si + 1) for (kk, _), p in points.get(s, {}).items()
                                     if kk != k]
        scored = rank(span.candidates, story.hint(i), contexts[k], containers.get(i), near, together, k)
        result = (scored, confidence(scored), scored[0][1].place if scored else None)
        for override in overrides:
            result = override(story, i, result)
        yield result


@rule(OVERRIDES, "name_bearers_in_region",
      "'Novoselivka, Donetsk': villages of the named oblast that bear the name today come before "
      "the oblast's big city that bore it once (an alternate or former name)")
def _name_bearers_in_region(story: Story, i: int, result):
    scored, conf, place = result
    bound = story.containers.get(i)
    if bound is None or place is None or bound[0].feature not in {"region", "district"}:
        return result
    k = story.keys[i]
    if key(place.name) == k or place.population < BIG_CITY:
        return result  # a town's current name may be GeoNames' alternate one: only big cities yield
    region = bound[0]
    bearers = {id(c) for _, c in scored if c.place.feature == "city" and _inside(c.place, region)
               and c.kind <= ALIAS and key(c.place.name) == k}
    if not bearers:
        return result
    rescored = sorted(((s - BIG_CITY_YIELDS if c.place.population >= BIG_CITY and c.kind >= ALTERNATE else s, c)
                       for s, c in scored), key=lambda x: -x[0])
    return rescored, confidence(rescored), rescored[0][1].place


BIG_CITY, BIG_CITY_YIELDS = 50_000, 10.0


@rule(OVERRIDES, "namesake_near_front",
      "'shelled Ivanivka, Sumy' where Sumy Oblast has several Ivanivkas: in a war report the one "
      "nearest the Russian border or the line of contact is likeliest (geo/front.py)")
def _namesake_near_front(story: Story, i: int, result):
    scored, conf, place = result
    bound = story.containers.get(i)
    if bound is None or place is None or bound[0].feature not in {"region", "district"} or not _war_story(story):
        return result
    span = story.spans[i]
    if _HROMADA.match(story.text, span.end_char) or span.text.lower().endswith(("community", "hromada")):
        return result  # "Orikhiv territorial community": the community's centre, its biggest namesake
    region = bound[0]
    inside = [(s, c) for s, c in scored if c.place.feature == "city" and _inside(c.place, region)]
    if len(inside) < 2:
        return result
    top = inside[0][0]
    inside = [(s, c) for s, c in inside if s >= top - PLAUSIBLE]
    if len(inside) < 2:
        return result
    moved = [(s + FRONT * max(0.0, 1.0 - km_to_front(c.place.lat, c.place.lon) / FRONT_KM), c) for s, c in inside]
    ids = {id(c) for _, c in inside}
    rescored = sorted(moved + [x for x in scored if id(x[1]) not in ids], key=lambda x: -x[0])
    return rescored, confidence(rescored), rescored[0][1].place


FRONT, FRONT_KM = 3.0, 80.0
_HROMADA = re.compile(r"\s+(?:(?:territorial|rural|urban|settlement|city)\s+)?(?:community|hromada)\b", re.I)
_WAR_WORDS = EVENT_VERBS | ACTOR_NOUNS | {"mortar", "mortars", "shells", "drone", "drones", "missile", "missiles",
                                          "artillery", "airstrike", "airstrikes", "frontline", "front-line"}


def _war_story(story: Story) -> bool:
    if story.war is None:
        words = set(re.findall(r"[a-z][a-z-]+", story.text[:20_000].lower()))
        story.war = bool(words & _WAR_WORDS)
    return story.war


@rule(OVERRIDES, "region_without_namesake",
      "'Mykilske, Donetsk region' where the gazetteer has Mykilske only in other oblasts: the text "
      "says where it is, so show it at the region, unsure, rather than at a namesake 300 km away")
def _region_without_namesake(story: Story, i: int, result):
    scored, conf, place = result
    bound = story.containers.get(i)
    if bound is None or not bound[1] or place is None or bound[0].feature == "country":
        return result
    region = bound[0]
    if _inside(place, region) or (place.feature in CONTAINER_FEATURES and not (
            place.feature == "district" and place.country == "UA")):
        return result  # a Ukrainian raion or hromada outside the named oblast is a namesake too
    if on("misspelt_in_region") and region.country == "UA":
        near = fuzzy_in_region(story.gazetteer, story.spans[i].text, region.admin1_code)
        if near:
            best = max(near, key=lambda c: c.place.population)
            return scored, UNSURE, best.place
    return scored, AT_REGION_CONFIDENCE, region


RAION_NOTE = rule([], "raion_binds", "'Ivanivka, Izium raion, Kharkiv': the raion named after a village binds it "
                  "among the oblast's namesakes (geo/resolve.py)")(lambda: None)
MISSPELT_NOTE = rule([], "misspelt_in_region",
                       "'Kramatorks (Donetsk)' where Donetsk Oblast has no Kramatorks but a Kramatorsk: a name one or two "
                       "edits from the text's inside the region the text names is likelier than the "
                       "region's centre (geo/fuzzy.py)")(lambda: None)


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
    towns = [c for _, c in rank(nxt.candidates, "city") if c.place.feature == "city" and _inside(c.place, place)]
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
    vertices = _vertices(place.geometry)
    if not vertices:
        return result
    lat, lon = min(((la, lo) for lo, la in vertices),
                   key=lambda v: min(distance_km(v[0], v[1], a, b) for a, b in story.points))
    return scored, conf, dataclasses.replace(place, lat=lat, lon=lon)


def _vertices(geometry: dict) -> list:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "LineString":
        return list(coords)
    if kind == "MultiLineString":
        return [v for line in coords for v in line]
    return []


@rule(OVERRIDES, "homonym_near_front",
      "'Shelling in Novoselivka' with a dozen Novoselivkas and no oblast named: in a war report the "
      "namesake nearest the border or the front is likeliest, though still unsure")
def _homonym_near_front(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or place.country != "UA" or place.population >= 20_000 \
            or i in story.containers or not _war_story(story):
        return result
    if any(distance_km(place.lat, place.lon, a, b) < 100 for a, b in story.points):
        return result
    top = scored[0][0]
    same = [(s, c) for s, c in scored if c.place.country == "UA" and c.place.feature == "city"
            and c.place.name == place.name and s >= top - PLAUSIBLE and c.place.population < 20_000]
    if len(same) < 3:
        return result
    ids = {id(c) for _, c in same}
    moved = [(s + FRONT * max(0.0, 1.0 - km_to_front(c.place.lat, c.place.lon) / FRONT_KM), c) for s, c in same]
    rescored = sorted(moved + [x for x in scored if id(x[1]) not in ids], key=lambda x: -x[0])
    return rescored, min(confidence(rescored), UNSURE), rescored[0][1].place


@rule(OVERRIDES, "homonym_unsure",
      "'Ivanivka' with dozens of namesakes and nothing in the story near any of them: the most "
      "important one is shown, but unsure")
def _homonym_unsure(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or place.population >= 20_000 or i in story.containers:
        return result
    namesakes = sum(1 for _, c in scored if c.place.name == place.name and c.place.country == place.country)
    if namesakes < 3 or any(distance_km(place.lat, place.lon, a, b) < 100 for a, b in story.points):
        return result
    return scored, min(conf, UNSURE), place


UNSURE = 0.4


def _inside(place: Place, region: Place) -> bool:
    if region.feature == "country":
        return place.country == region.country
    return bool(place.admin1_code) and place.admin1_code == region.admin1_code


def ranked_places(scored: list[tuple[float, Candidate]], place: Place | None) -> tuple[Place, ...]:
    """Runner-up readings, best first, without the place chosen."""
    return tuple(c.place for _, c in scored[:4] if place is None or c.place.id != place.id)[:3]


@rule(OVERRIDES, "country_over_namesake",
      "'the virus spread across Brazil' in a story that also names Texas: a country's name is the "
      "country, unless the town that shares it lies where the story happens (its regions, or "
      "within 150 km of its places: 'Lebanon' in a story about Nashville)")
def _country_over_namesake(story: Story, i: int, result):
    scored, conf, place = result
    if place is None or place.feature != "city" or i in story.containers or i in story.forced or story.hint(i):
        return result
    country = next((x for x in scored if x[1].place.feature == "country" and x[1].kind == PRIMARY), None)
    if country is None or place.admin1_code in story.regions or any(
            distance_km(place.lat, place.lon, la, lo) <= NAMESAKE_KM for la, lo in story.points):
        return result
    rescored = [country] + [x for x in scored if x is not country]
    return rescored, confidence(rescored), country[1].place


# A big city's namesake gets no such rule: US local news names Paris, Tennessee far more often
# than its other places are confidently placed (LGL Acc@161 fell .900 -> .893 when tried).
NAMESAKE_KM = 150.0
