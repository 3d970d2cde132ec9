"""The whole library's counts behind the map page's filters (aggregate.facets), kept in the
library between processes (geo.store.summaries): a restarted dashboard reads them in one row.

JSON, not pickle: whoever can write the database must not be able to run code in the dashboard.
Pairs, not objects: a count's key may be None (an event with no sub-type).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from geo.map import aggregate
from geo.map.aggregate import Facets
from geo.store import summaries

# What aggregate.facets counts and how it is written here: a new name whenever either changes
# (or what a region means, geo.gazetteer.areas), so a new program never reads an old summary.
NAME = "map-facets-1"


def to_json(f: Facets) -> str:
    return json.dumps({
        "counts": {k: list(c.items()) for k, c in f.counts.items()},
        "days": [d.isoformat() for d in f.days], "undated": f.undated, "total": f.total,
        "extent": f.extent, "per_day": [[day, kind, n] for (day, kind), n in f.per_day.items()],
        "places": [[pid, *where] for pid, where in f.places.items()],
    }, separators=(",", ":"))


def from_json(text: str) -> Facets:
    d = json.loads(text)
    return Facets(
        {k: Counter({key: n for key, n in pairs}) for k, pairs in d["counts"].items()},
        [date.fromisoformat(day) for day in d["days"]], d["undated"], d["total"],
        tuple(d["extent"]) if d["extent"] is not None else None,
        Counter({(day, kind): n for day, kind, n in d["per_day"]}),
        {pid: (lat, lon, n) for pid, lat, lon, n in d["places"]})


def library_facets(store) -> Facets:
    """The counts of the library as it is now: kept ones if nothing was written since they were
    counted, else counted (and kept for the next process)."""
    return from_json(summaries.kept(store, NAME, lambda conn: to_json(aggregate.facets(conn))))
