"""Value objects that flow through the pipeline.

ingest -> Document -> Sentence -> Mention -> Place candidates -> Resolution -> PlaceMention
(a place named in a sentence) and Event (something reported as happening, at a place).
Every span carries character offsets into ``Document.text`` (end exclusive), the way
spaCy's ``Span`` points into its ``Doc``, so any stage can show the original text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# A box on the map: south, west, north, east in degrees; west > east crosses the antimeridian.
BBox = tuple[float, float, float, float]

# Feature types a Place can have. Map styling and ranking key on these.
FEATURES = (
    "country", "region", "district", "city", "historical_region", "continent",
    "river", "lake", "reservoir", "sea", "strait", "gulf", "island", "mountain",
    "dam", "power_plant", "bridge", "port", "airport", "industrial", "landmark",
)


@lru_cache(maxsize=8)  # every event of a document asks: hashing 100,000 characters each time is the square
def content_id(text: str) -> str:
    """Stable id of an article's text: the same article uploaded twice gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    title: str = ""
    source: str = ""  # file name or URL the text came from
    media_type: str = "text/plain"
    date: str | None = None  # ISO date when the source states one

    @property
    def id(self) -> str:
        return content_id(self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


DEMONYM = "DEMONYM"  # a mention's label for a nationality word: not a place unless the user asks


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int  # index into the document's sentences
    label: str = ""  # NER label, "GAZ" when only the gazetteer proposed it, or DEMONYM
    hint: str = ""  # type word next to the name ("Region", "River", "Dam"...) lowercased


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: where a name can point."""

    id: str  # "gn:706448", "lm:kakhovka-dam", "adm:UA.08", "cc:UA", "user:..."
    name: str
    lat: float
    lon: float
    feature: str = "city"
    country: str = ""  # ISO 3166-1 alpha-2
    admin1: str = ""  # admin-1 region name ("Khersonska oblast")
    admin1_code: str = ""  # GeoNames admin-1 key ("UA.08")
    population: int = 0
    geonames_id: int | None = None
    geometry: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    source: str = "geonames"
    # Admin-2 (raion, county) where the gazetteer knows it; derived from the id like admin1, and
    # not kept by every store, so it does not take part in equality.
    admin2: str = field(default="", compare=False)  # "Bakhmut Raion"
    admin2_code: str = field(default="", compare=False)  # GeoNames admin-2 key ("UA.05.1402")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon,
            "feature": self.feature, "country": self.country, "admin1": self.admin1,
            "admin1_code": self.admin1_code, "population": self.population,
            "geonames_id": self.geonames_id, "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name can point to, and how the name matched it (geo.gazetteer looks them up)."""

    place: Place
    kind: int  # how the name matched: PRIMARY, ALIAS, ALTERNATE, TRANSLIT, DEMONYM, ABBREVIATION
    loose: bool  # matched only after folding romanisation variants
    importance: int


@dataclass(slots=True)
class Span:
    """A proposed toponym, in token and character coordinates of one spaCy Doc: what recognition
    hands resolution (a ``Mention`` once it is decided)."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    candidates: tuple[Candidate, ...]
    label: str = ""  # NER label covering the span, "" when none
    hint: str = ""  # feature implied by a type word
    # Declared outputs of recognition, each written by one named party and read by later ones:
    reading: str = ""  # feature the grammar prefers ("the Dnipro": a river; facility_in_town: "city"), for resolution
    demonym: bool = False  # every reading is a demonym: a fact of the candidates, whatever rule decides
    nested: bool = False  # nested_in_entity's finding: inside a longer place entity ("Wichita" in "Wichita Street")
    local: bool = False  # small_place_after_locative's opinion: a small place with no cue either way


@dataclass(frozen=True, slots=True)
class Resolution:
    mention: Mention
    place: Place | None
    score: float = 0.0  # confidence in [0, 1]
    alternatives: tuple[Place, ...] = ()  # runner-up candidates, best first


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place mentioned in a sentence of an article."""

    doc_id: str
    sentence: Sentence
    mention: Mention
    place: Place
    score: float = 0.0


# Precision of an event's place, as ACLED codes it.
PLACE_ITSELF, NEAR_PLACE, REGION_ONLY = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Event:
    """Something the article reports as happening: what (ACLED's event_type / sub_event_type),
    where (the most specific place it is attached to), when, who, and the toll."""

    doc_id: str
    sentence: Sentence  # the source sentence; its start/end point into Document.text
    type: str  # "Battles", "Explosions/Remote violence", "Violence against civilians", ...
    sub_type: str  # "Armed clash", "Shelling/artillery/missile attack", "Air/drone strike", ...
    place: Place | None = None  # None when the text names nowhere that could be placed
    mention: Mention | None = None  # the mention the place was read from
    precision: int = PLACE_ITSELF
    date: str | None = None  # ISO date of the event (not of the article)
    actors: tuple[str, ...] = ()  # "Russian forces", "Ukrainian forces", "Civilians (Ukraine)"...
    fatalities: int | None = None  # None: not stated
    injured: int | None = None
    score: float = 0.0  # confidence in [0, 1]
    # Later sentences that continue the same happening ("Shells hit apartment blocks in the
    # city's Saltivskyi district." after "Russian forces shelled Kharkiv."), in text order.
    more: tuple[Sentence, ...] = ()

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return (self.sentence, *self.more)


@dataclass(slots=True)
class ParsedDocument:
    doc: Document
    sentences: list[Sentence]
    resolutions: list[Resolution]
    # What the user should know about this parse ("geocoder nominatim unavailable: ...");
    # a side channel so a failing online service degrades to a message, never an exception.
    notes: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # filled by geo.events, in text order

    @property
    def place_mentions(self) -> list[PlaceMention]:
        return [
            PlaceMention(self.doc.id, self.sentences[r.mention.sentence], r.mention, r.place, r.score)
            for r in self.resolutions
            if r.place is not None
        ]

    def places(self) -> list[tuple[Place, list[Resolution]]]:
        """Resolved places with their mentions, most mentioned first."""
        groups: dict[str, tuple[Place, list[Resolution]]] = {}
        for r in self.resolutions:
            if r.place is not None:
                groups.setdefault(r.place.id, (r.place, []))[1].append(r)
        return sorted(groups.values(), key=lambda g: (-len(g[1]), g[1][0].mention.start))
