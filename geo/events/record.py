"""One event in the batch JSON contract (`geo parse --jsonl`, `geo parse --format json`)."""

from __future__ import annotations

from geo.types import Event


def event_record(e: Event) -> dict:
    p = e.place
    return {
        "type": e.type, "sub_type": e.sub_type, "date": e.date,
        "lat": p.lat if p else None, "lon": p.lon if p else None, "name": p.name if p else None,
        "precision": e.precision, "actors": list(e.actors), "fatalities": e.fatalities,
        "injured": e.injured, "start": e.sentence.start, "end": e.sentence.end,
        "more": [[m.start, m.end] for m in e.more],  # sentences continuing the event
    }
