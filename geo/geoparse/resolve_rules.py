"""Resolution of a whole document, as an ordered list of named rules.

``resolve`` first binds names to the regions the text puts them in ("Kruta Balka, Donetsk",
"Urozhaine (Donetsk region)", "Lyman in Donetsk Oblast"), then ranks every mention's candidates
(geo/geoparse/resolve.py: prior, story context, nearby places, readings that lie together), then
applies the rules that override a ranking (geo/geoparse/resolve_overrides.py). Each rule has a name, a
reason and a switch (geo/rules.py).
"""

from __future__ import annotations

from geo.gazetteer import ALIAS, TRANSLIT, Candidate
from geo.gazetteer.lexicon import LIST_JOINS
from geo.gazetteer.names import key
from geo.geoparse.nearby import Grid, Nearby
from geo.geoparse.resolve import Evidence, Together, confidence, rank, soft_votes
from geo.geoparse.resolve_overrides import OVERRIDES
from geo.geoparse import reckoned  # noqa: F401  (registers its override after those above)
from geo.rules import active, on, rule, switch
from geo.geoparse.story import CONFIDENT, CONTAINER_FEATURES, NOT_POINTS, Story
from geo.types import Place, Span
from geo.geoparse.war_words import ACTOR_NOUNS

# Words between a name and the region that contains it: "X, Donetsk", "X (Donetsk Oblast)",
# "X in Donetsk Oblast".
_BINDING_GAPS = {",", "(", "in", "in the", ", in", ", in the", "(in", "- in"}

BINDINGS: list = []  # rules that read the text around names before ranking


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
            continue  # "Kharkiv, Izium and Kupiansk" lists three cities; "Kupiansk raion, Kharkiv" none
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


switch("actors_are_not_where", _actor.__doc__.strip())
# The story's evidence that ranking weighs (geo/geoparse/resolve.py), each switchable.
switch("near_in_sentence", "'killed in X, across the river from Y': a reading near a place the same or the "
       "next sentence is sure of is likelier than a namesake far away")
switch("soft_votes", "'Decatur' and 'Athens' with 'Gainesville': every plausible reading of every name is a "
       "weak vote for its country and region, and the story's names agree where none is sure")
switch("together", "'Huntsville' and 'Walker County': readings that lie near a possible reading of another "
       "name of the story are likelier")
switch("story_context", "the countries, regions and points the story resolved with confidence pull every "
       "other name's readings toward them")


def _near_index(story: Story, sure) -> dict[int, Grid]:
    """Confident point places by sentence, one entry per (name, place): a text naming "Kyiv"
    20,000 times has one point to compare against, not 20,000."""
    by_sentence: dict[int, dict[tuple, tuple[float, float]]] = {}
    for i, choice in enumerate(sure):
        if choice is None:
            continue
        place = choice[1].place
        if place.feature in NOT_POINTS:
            continue
        by_sentence.setdefault(story.in_sentence[i], {})[(story.keys[i], place.id)] = (place.lat, place.lon)
    return {s: Grid((lat, lon, k) for (k, _), (lat, lon) in entries.items()) for s, entries in by_sentence.items()}


def resolve(spans: list[Span], text: str, in_sentence: list[int], gazetteer):
    """Yield (ranked candidates, confidence, place or None) per span, in order.

    The work is linear in the mentions: what the story says is tallied once (``Evidence``) and
    each name sees it less its own part; distances are looked up in grids (geo/geoparse/nearby.py)."""
    story = Story(spans, text, in_sentence, gazetteer, [key(s.text) for s in spans])
    actors = on("actors_are_not_where")
    for step in active(BINDINGS):
        step(story)
    containers = {i: region for i, (region, _) in story.containers.items()}
    first = [rank(s.candidates, story.hint(i), container=containers.get(i)) for i, s in enumerate(spans)]
    sure = [r[0] if r and confidence(r) >= CONFIDENT and not (actors and _actor(story, i)) else None
            for i, r in enumerate(first)]
    points = _near_index(story, sure) if on("near_in_sentence") else {}
    story.points = Grid((x[1].place.lat, x[1].place.lon, k) for x, k in zip(sure, story.keys)
                        if x is not None and x[1].place.feature not in NOT_POINTS)
    story.regions = {x[1].place.admin1_code for x in sure if x is not None and x[1].place.admin1_code}
    keys = story.keys
    voters = [r if r and not (actors and _actor(story, i)) else [] for i, r in enumerate(first)]
    votes = soft_votes(voters, keys) if on("soft_votes") else {}
    together = Together(first, keys) if on("together") else None
    evidence = Evidence(sure, keys, votes) if on("story_context") else None
    contexts = {}
    nears: dict[tuple[int, str], Nearby] = {}
    overrides = active(OVERRIDES)
    for i, span in enumerate(spans):
        k = keys[i]
        # A name must not vote for its own reading: "Paris" five times is no evidence of France.
        if k not in contexts:
            contexts[k] = evidence.context(k) if evidence is not None else None
        # Places named in the same or a neighbouring sentence: "killed in Nikopol, across the
        # river from Enerhodar" is the Nikopol beside Enerhodar, not a namesake 300 km away.
        si = in_sentence[i]
        near = nears.get((si, k))
        if near is None:
            near = nears[(si, k)] = Nearby([points[s] for s in (si - 1, si, si + 1) if s in points], k)
        story.ranked.append(rank(span.candidates, story.hint(i), contexts[k], containers.get(i), near, together, k))
    # Every ranking first: an override may weigh the readings of the names beside a mention.
    for i, scored in enumerate(story.ranked):
        result = (scored, confidence(scored), scored[0][1].place if scored else None)
        for override in overrides:
            result = override(story, i, result)
        yield result


def ranked_places(scored: list[tuple[float, Candidate]], place: Place | None) -> tuple[Place, ...]:
    """Runner-up readings, best first, without the place chosen."""
    return tuple(c.place for _, c in scored[:4] if place is None or c.place.id != place.id)[:3]
