"""The war report's grammar around a name: "shelled X", "X was shelled", captions without a
sentence. Evidence for the recognition rules (geo/geoparse/recognize_rules.py), like geo/geoparse/cues.py.
"""

from __future__ import annotations

from geo.geoparse.cues import DocContext
from geo.geoparse.war_words import BOMBARD_VERBS, EVENT_VERBS, OVER_NOT_PLACE, PASSIVE_EVENTS, STRONG_LOCATIVES
from geo.rules import on, switch


def war_cued(ctx: DocContext, start: int) -> bool:
    """Whether the words before token ``start`` are an event verb or a strong locative, past an
    article or a damage adjective ("hit the", "footage of destroyed")."""
    words = ctx.words
    i = start - 1
    while i >= 0 and words[i].lower() in _SKIPPABLE:
        i -= 1
    if i < 0:
        return False
    w = words[i].lower()
    if w in EVENT_VERBS or w in STRONG_LOCATIVES or (w in BOMBARD_VERBS and on("bombardment_verbs")):
        return True
    if w == "over":  # "jets over Kramatorsk", but "a 43-21 win over Hutchinson"
        return i > 0 and words[i - 1].lower() not in OVER_NOT_PLACE and not words[i - 1][:1].isdigit()
    if w in {"at", "on"}:  # "fired at Kupiansk", "drones on Odesa"
        return i > 0 and words[i - 1].lower() in EVENT_VERBS | _AIMED
    return w == "of" and i > 0 and words[i - 1].lower() in _OF_HEADS


_AIMED = {"fired", "fire", "firing", "aimed", "launched", "dropped", "shots", "strikes", "attacks", "raid", "raids"}
_SKIPPABLE = {"the", "destroyed", "damaged", "occupied", "liberated", "central", "downtown", "village", "town",
              "city", "settlement", "eastern", "western", "northern", "southern"}
_OF_HEADS = {"outskirts", "footage", "video", "videos", "photo", "photos", "images", "imagery", "aftermath",
             "shelling", "bombing", "liberation", "capture", "occupation", "streets", "center", "centre",
             "south", "north", "east", "west", "village", "town", "city", "settlement", "suburbs", "edge",
             "direction", "vicinity", "area", "residents", "outskirt", "north-east", "south-east",
             "north-west", "south-west", "northeast", "southeast", "northwest", "southwest", "defence", "defense"}


def war_cued_after(ctx: DocContext, end: int) -> bool:
    """Whether the words from token ``end`` say the name before them was acted on: "was shelled",
    "were heavily bombed", "has been retaken", "came under fire"."""
    words = [w.lower() for w in ctx.words[end:end + 5]]
    if words[:1] in (["'s"], ["’s"]):
        return False  # "Bakhmut's defenders were shelled": the possessor, not the place acted on
    if words[:2] in (["came", "under"], ["comes", "under"], ["come", "under"]) or (
            words[1:2] == ["under"] and words[0] in _UNDER_VERBS and on("under_fire_after")):
        return len(words) > 2 and (words[2] in _UNDER or (len(words) > 3 and words[3] in _UNDER))
    i = 0
    while i < len(words) and words[i] in _AUXILIARIES:
        i += 1
    if i == 0:
        return False
    if i < len(words) and words[i].endswith("ly"):  # "was heavily shelled"
        i += 1
    return i < len(words) and words[i] in PASSIVE_EVENTS


_UNDER_VERBS = {"is", "was", "were", "are", "remains", "remained", "remain", "stays", "stayed"}
switch("bombardment_verbs", "'Russian troops hammered Toretsk with artillery, the governor said': wire copy's "
       "bombardment verbs (hammered, battered, pummelled, rocked) before a town's name cue it as a place")
switch("under_fire_after", "'Kurakhove is under heavy fire, the mayor said': a town that is, was or remains "
       "under fire or attack is a place, as one that came under it")
_AUXILIARIES = {"was", "were", "is", "are", "has", "have", "had", "been", "being", "again", "also", "reportedly"}
_UNDER = {"fire", "attack", "attacks", "shelling", "bombardment", "assault", "artillery", "missile", "drone",
          "heavy", "russian", "ukrainian", "enemy", "intense"}


CAPTION_TOKENS = 30
# A short text with one of these is a sentence, where the other rules apply.
_FINITE = {"said", "says", "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "told"}


def is_caption(ctx: DocContext) -> bool:
    """A text of a few words with no finite verb: "Destroyed bridge, Izium"."""
    return len(ctx.words) <= CAPTION_TOKENS and not any(w.lower() in _FINITE for w in ctx.words)
