"""Parse work grows with the places a text names, not with their square (issue 22): counted, not
timed, for one sentence listing n and then 4n distinct places (names read from the gazetteer at
test time, none stored). Before, each name rebuilt the story's context over all names and each
reading was measured against every confident point: 4x the names was 16x the work.
Time and memory up to 100,000 names: `geo bench --hostile`."""

from __future__ import annotations

import cProfile
import pstats
import sys


from geo.text import hostile
from geo.types import Document

N = 250


def work(pipeline, names: list[str], monkeypatch) -> dict:
    """Mentions, readings ranked, distances measured and Python calls made in one parse."""
    import geo.geoparse.resolve

    counts = {"readings": 0, "distances": 0}

    def counted(what, function):
        def wrapper(*args, **kwargs):
            counts[what] += 1
            return function(*args, **kwargs)
        return wrapper

    for module in [m for name, m in sys.modules.items() if name.startswith("geo.")]:
        if callable(getattr(module, "distance_km", None)):
            monkeypatch.setattr(module, "distance_km", counted("distances", module.distance_km))
    monkeypatch.setattr(geo.geoparse.resolve, "prior", counted("readings", geo.geoparse.resolve.prior))
    profile = cProfile.Profile()
    profile.enable()
    parsed = pipeline.parse(Document(hostile.listed_places(names)))
    profile.disable()
    monkeypatch.undo()
    return {**counts, "mentions": len(parsed.resolutions), "calls": pstats.Stats(profile).total_calls}


def test_work_per_name_stays_flat_from_n_to_4n_names(pipeline, monkeypatch):
    pipeline.parse(Document("Shelling was reported in Kyiv."))  # lazy caches filled outside the count
    names = hostile.place_names(pipeline.gazetteer, 4 * N)
    assert len(set(names)) == 4 * N
    small, large = work(pipeline, names[:N], monkeypatch), work(pipeline, names, monkeypatch)
    assert small["mentions"] >= 0.9 * N and large["mentions"] >= 0.9 * 4 * N
    # Linear: the same work per mention and the same distances per reading ranked, whatever
    # the number of names (the square: 4x as much for 4x the names).
    per_mention = (large["calls"] / large["mentions"]) / (small["calls"] / small["mentions"])
    per_reading = (large["distances"] / large["readings"]) / (small["distances"] / small["readings"])
    assert per_mention < 1.5, (small, large)
    assert per_reading < 1.5, (small, large)
