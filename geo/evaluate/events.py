"""Score event extraction on coded notes: a CSV with the columns text, event_type,
sub_event_type, date, latitude, longitude, fatalities (ACLED's names; id optional).

Each note codes one event; the FIRST event extracted from the note is scored against it:
detected (any event at all), type, sub-type, place within 25 km of the coded point, date exact,
fatalities exact. Following ACLED, an event whose text states no toll counts as 0 fatalities.
The notes are parsed with no article date: a note's own date has to come from its text.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError
from geo.distance import distance_km
from geo.types import Event

REQUIRED = ("text", "event_type", "sub_event_type", "date", "latitude", "longitude", "fatalities")
NEAR_KM = 25.0


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    text: str
    type: str
    sub_type: str
    date: str
    lat: float | None
    lon: float | None
    fatalities: int | None


@dataclass(slots=True)
class Outcome:
    note: Note
    event: Event | None

    @property
    def detected(self) -> bool:
        return self.event is not None

    @property
    def km(self) -> float | None:
        e, n = self.event, self.note
        if e is None or e.place is None or n.lat is None or n.lon is None:
            return None
        return distance_km(e.place.lat, e.place.lon, n.lat, n.lon)

    @property
    def checks(self) -> dict[str, bool]:
        e, n = self.event, self.note
        km = self.km
        return {
            "detected": e is not None,
            "type": e is not None and e.type == n.type,
            "sub_type": e is not None and e.sub_type == n.sub_type,
            "place_25km": km is not None and km <= NEAR_KM,
            "date": e is not None and (e.date or "")[:10] == n.date[:10],
            "fatalities": e is not None and (e.fatalities or 0) == (n.fatalities or 0),
        }


@dataclass
class EventScore:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        n = len(self.outcomes)
        out: dict = {"notes": n}
        for name in ("detected", "type", "sub_type", "place_25km", "date", "fatalities"):
            out[name] = round(sum(o.checks[name] for o in self.outcomes) / n, 4) if n else 0.0
        out["seconds"] = round(self.seconds, 1)
        return out

    def confusion(self) -> dict[str, Counter]:
        """gold type -> Counter of predicted types ("(none)" when nothing was detected)."""
        table: dict[str, Counter] = {}
        for o in self.outcomes:
            got = o.event.type if o.event else "(none)"
            table.setdefault(o.note.type, Counter())[got] += 1
        return table

    def errors(self, n: int) -> list[Outcome]:
        wrong = [o for o in self.outcomes if not all(o.checks.values())]
        return wrong[:n]


def is_events_csv(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError):
        return False
    return {"event_type", "sub_event_type"} <= {h.strip() for h in header}


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def load_notes(path: Path) -> list[Note]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise GeoError(f"cannot read {path}: {e}") from None
    if rows:
        missing = [c for c in REQUIRED if c not in rows[0]]
        if missing:
            raise GeoError(f"{path}: missing column(s) {', '.join(missing)}")
    return [Note(r.get("id") or str(i), r["text"], r["event_type"], r["sub_event_type"], r["date"],
                 _float(r["latitude"]), _float(r["longitude"]), _int(r["fatalities"]))
            for i, r in enumerate(rows, 1) if (r.get("text") or "").strip()]


def score_notes(notes: list[Note], workers: int | None = None, progress=None) -> EventScore:
    from geo.geoparse.batch import parse_all
    from geo.types import Document

    score = EventScore()
    started = time.perf_counter()
    for note, parsed in zip(notes, parse_all((Document(n.text) for n in notes), workers)):
        events = getattr(parsed, "events", None) or []
        score.outcomes.append(Outcome(note, events[0] if events else None))
        if progress is not None:
            progress()
    score.seconds = time.perf_counter() - started
    return score
