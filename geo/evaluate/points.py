"""Score the geoparser on one-place-per-text sets (captions, event notes): CSV files with the
columns id, text, location, latitude, longitude.

A text's gold place is "found" when a mention's span overlaps where the text names it. The gold
``location`` is how the source map spells the place, not always how the text does ("Kiev" in
the text, "Kyiv" in the gold), so the name is looked for in the text as the gazetteer would
match it (``geo.gazetteer.names.key``, then ``loose``), and failing that as a word of the text that begins
with the first five letters of the folded name. The error is the distance from that mention's
place to the gold point; an unplaced mention, or none, is not within any distance.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError
from geo.gazetteer.names import key, loose
from geo.distance import distance_km

REQUIRED = ("id", "text", "location", "latitude", "longitude")
NEAR_KM, REGION_KM = 25.0, 161.0
PREFIX = 5  # letters of the folded gold name that must begin a word of the text
_WORD = re.compile(r"[^\W_]+(?:['’ʼ\-][^\W_]+)*")


@dataclass(slots=True)
class Item:
    id: str
    text: str
    location: str
    lat: float
    lon: float


@dataclass(slots=True)
class Outcome:
    item: Item
    found: bool
    km: float | None  # None: not found, or found but left unplaced
    predicted: dict | None = None  # the batch-JSON record of the mention scored


@dataclass
class PointScore:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def summary(self) -> dict:
        n = len(self.outcomes)

        def share(test) -> float:
            return round(sum(1 for o in self.outcomes if test(o)) / n, 4) if n else 0.0

        return {
            "texts": n,
            "found": share(lambda o: o.found),
            "within_25km": share(lambda o: o.km is not None and o.km <= NEAR_KM),
            "within_161km": share(lambda o: o.km is not None and o.km <= REGION_KM),
            "seconds": round(self.seconds, 2),
            "texts_per_s": round(n / self.seconds) if self.seconds else None,
        }

    def worst(self, n: int) -> list[Outcome]:
        """Texts not found first, then found ones by falling error (unplaced first)."""
        wrong = [o for o in self.outcomes if o.km is None or o.km > NEAR_KM]
        return sorted(wrong, key=lambda o: (o.found, -(o.km if o.km is not None else 1e9)))[:n]


def load_points(path: Path) -> list[Item]:
    """The rows of a one-place-per-text CSV; one clear error when it is not one."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise GeoError(f"{path.name}: missing column(s) {', '.join(missing)}; "
                               f"expected {', '.join(REQUIRED)}")
            items = []
            for line, row in enumerate(reader, start=2):
                try:
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except (TypeError, ValueError):
                    raise GeoError(f"{path.name}, line {line}: latitude/longitude are not numbers") from None
                items.append(Item(row["id"] or str(line), row["text"] or "", row["location"] or "", lat, lon))
    except OSError as exc:
        raise GeoError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GeoError(f"{path.name} is not a UTF-8 CSV file ({exc})") from None
    return items


def gold_spans(text: str, location: str) -> list[tuple[int, int]]:
    """Where the text names the gold place: word runs whose folded form equals the folded
    name (strictly, then loosely); else words beginning with its first five folded letters."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    want = key(location)
    if not want or not words:
        return []
    size = len(want.split())
    for fold in (key, loose):
        target = fold(location)
        spans = [(words[i][0], words[i + size - 1][1]) for i in range(len(words) - size + 1)
                 if fold(text[words[i][0]:words[i + size - 1][1]]) == target]
        if spans:
            return spans
    prefix = want.replace(" ", "")[:PREFIX]
    return [(s, e) for s, e in words if key(text[s:e]).replace(" ", "").startswith(prefix)]


def score_text(item: Item, mentions: list[dict]) -> Outcome:
    """The outcome of one text given its mentions (batch-JSON dicts, in text order)."""
    spans = gold_spans(item.text, item.location)
    covering = [m for m in mentions if any(m["start"] < e and m["end"] > s for s, e in spans)]
    if not covering:
        return Outcome(item, False, None)
    placed = [m for m in covering if m.get("lat") is not None]
    if not placed:
        return Outcome(item, True, None, covering[0])
    m = placed[0]
    return Outcome(item, True, distance_km(item.lat, item.lon, m["lat"], m["lon"]), m)
