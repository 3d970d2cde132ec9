"""Streets and numbered roads: "Darby Street", "Old Lexington Highway", "Highway 19".

A street is a place the story mentions, and the place names inside it ("Wichita" in "Wichita
Street") are not. No offline gazetteer holds streets, so a street is placed in the town the
story puts it in (see ``locate``), and an online geocoder may place it exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from geo.gazetteer.lexicon import DOTTED_ABBREVIATIONS, ORG_HEADS

# Written in title case after a name. "Court", "Way", "Place" and "Square" are left out: "the
# Supreme Court", "United Way", "Times Square" are more often something else.
STREET_TYPES = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane",
                "parkway", "pkwy", "trail", "pike", "turnpike", "expressway", "freeway", "highway",
                "hwy", "circle", "terrace", "plaza"}
ROAD_NUMBERED = {"highway", "hwy", "route", "interstate", "rt"}
_ROAD_NUMBER = re.compile(r"^\d{1,4}[A-Z]?$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
MAX_NAME = 4
# National roads by letter and number: M (international), H (national), P (regional), T (territorial),
# E (European): "T0513", "M03", "H-20". Only beside a road word, so a rifle or a plane is no road.
_NATIONAL_ROAD = re.compile(r"^[MHPTE]-?\d{2,4}$")
_ROAD_WORDS = {"road", "highway", "motorway", "route", "roadway"}
_ROAD_BEFORE = _ROAD_WORDS | {"along", "on", "via", "onto", "off"}
# Words that name no particular street: "County Road 43" is a numbered road, "County Road" alone no name.
_GENERIC = {"county", "state", "national", "federal", "interstate", "u.s.", "us", "the", "a"}
# After a street's name may come a direction ("Seventh Street Northwest") or a date ("on First
# Avenue Monday"); any other capitalised word makes it part of a longer name ("Wall Street Journal").
_DATES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb",
          "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec", "today"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "n", "s", "e", "w", "ne", "nw", "se", "sw"}


def _name_word(word: str) -> bool:
    return (word[:1].isupper() and any(c.isalpha() for c in word)) or bool(_ORDINAL.match(word))


def street_spans(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the streets and numbered roads among a Doc's token texts."""
    found: list[tuple[int, int]] = []
    n = len(words)
    i = 0
    while i < n:
        text = words[i]
        word = text.lower().rstrip(".")
        after = words[i + 1] if i + 1 < n else ""
        if (word in ROAD_NUMBERED or (word == "road" and i > 0 and words[i - 1] == "County")) \
                and text[:1].isupper() and _ROAD_NUMBER.match(after):
            start = i - 1 if i > 0 and words[i - 1] in {"State", "County", "U.S.", "US", "Old"} else i
            found.append((start, i + 2))
            i += 2
            continue
        if _NATIONAL_ROAD.match(text) and (
                (i > 0 and words[i - 1].lower() in _ROAD_BEFORE) or after.lower() in _ROAD_WORDS):
            # "the T0513 road", "along the M03 highway": Ukrainian and European road numbers.
            end = i + 2 if after.lower() in _ROAD_WORDS else i + 1
            found.append((i, end))
            i = end
            continue
        if i > 0 and words[i - 1].lower() in {"on", "of", "along", "off", "onto", "via", "closed"}:
            # "closure of W.Va. 61", "on S.C. 6"; the tokenizer may split off the full stop.
            split = after == "." and text + "." in DOTTED_ABBREVIATIONS and i + 2 < n
            number = words[i + 2] if split else after
            if (text in DOTTED_ABBREVIATIONS or split) and _ROAD_NUMBER.match(number):
                end = i + (3 if split else 2)
                found.append((i, end))
                i = end
                continue
        if word in STREET_TYPES and text[:1].isupper() and i > 0:
            end = i + 1
            if word == "st" and after[:1].isupper():
                i += 1
                continue  # "St. Louis": a saint, not a street
            if after.lower() in ORG_HEADS or (after.istitle() and after.lower().rstrip(".") not in _DIRECTIONS | _DATES):
                i += 1
                continue  # "Wall Street Journal", "Florida Highway Patrol", "35th Street Bridge"
            if after == "." and not text.endswith("."):
                end += 1  # "Main St." as the tokenizer splits it
                if end < n and words[end][:1].isupper() and word != "st":
                    end -= 1  # the full stop ends the sentence
            start = i
            while start > 0 and i - start < MAX_NAME and (
                    _name_word(words[start - 1]) or words[start - 1] in {"-", "’", "'"} and start - 1 > 0
                    and _name_word(words[start - 2])):
                start -= 1
            while start < i and words[start].lower() in {"the", "a", "-", "’", "'"}:
                start += 1
            if any(w.lower() not in _GENERIC for w in words[start:i]) and (not found or found[-1][1] <= start):
                found.append((start, end))
            i = end
            continue
        i += 1
    return found


class Towns:
    """The towns a story names, by sentence and in order, for ``locate``: a story naming
    thousands of streets and towns looks each street's town up, not through every town."""

    def __init__(self, towns: list[tuple[int, int, object]]):
        """``towns``: (sentence, start, place) in the order the story names them."""
        self._sentences: dict[int, tuple[list[int], list]] = {}
        for sentence, start, place in sorted(towns, key=lambda t: (t[0], t[1])):
            starts, places = self._sentences.setdefault(sentence, ([], []))
            starts.append(start)
            places.append(place)
        distinct = {place.id: place for _, _, place in towns}
        self.only = next(iter(distinct.values())) if len(distinct) == 1 else None

    def nearest(self, sentence: int, start: int):
        """The town of ``sentence`` named nearest to ``start`` (the earlier of two as near)."""
        starts, places = self._sentences.get(sentence, ((), ()))
        i = bisect_left(starts, start)
        if i == 0 or (i < len(starts) and starts[i] - start < start - starts[i - 1]):
            return places[i] if i < len(starts) else None
        return places[i - 1]


def locate(street_sentence: int, street_start: int, towns: Towns):
    """The town a street lies in: the town named nearest to it in its own sentence, else in the
    sentence before; else the only town the story names."""
    for sentence in (street_sentence, street_sentence - 1):
        town = towns.nearest(sentence, street_start)
        if town is not None:
            return town
    return towns.only
