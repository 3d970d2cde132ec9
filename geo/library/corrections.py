"""User corrections: "in articles about this country, this name means that place".

A correction is stored under the name as written (``store.spelling``) and a context: the
article's dominant country as "country:UA", or "" when the article had none. Applied to a later
article, it overrides the gazetteer for every mention of that name, in any spelling the one key
folds together (geo.gazetteer.namekey), when the contexts agree (or the correction's is "" or
"article:<that article's id>"); the overridden reading is kept
as the first alternative, so the UI can offer it back. Undoing deactivates the row (kept for
history) and re-parsing gives the gazetteer's choice again.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence

from geo.errors import GeoError
from geo.geoparse.fallback import N_ALTERNATIVES, dominant_country
from geo.gazetteer.namekey import name_key
from geo.store import Correction, Store, spelling
from geo.types import FEATURES, Event, ParsedDocument, Place, Resolution


def context_of(parsed: ParsedDocument) -> str:
    country = dominant_country(parsed)
    return f"country:{country}" if country else ""


def user_place(lat: float, lon: float, feature: str = "city", name: str = "",
               country: str = "") -> Place:
    """A pin the user dropped: in no gazetteer, so its id is its position."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeoError(f"not a position on Earth: {lat}, {lon}")
    if feature not in FEATURES:
        raise GeoError(f"unknown feature {feature!r}; one of {', '.join(FEATURES)}")
    lat, lon = round(lat, 5), round(lon, 5)  # ~1 m: two clicks on one spot are one place
    return Place(f"user:{lat},{lon}", name or f"{lat}, {lon}", lat, lon, feature,
                 country.upper(), source="user")


def correct(store: Store, parsed: ParsedDocument, mention_index: int, place: Place) -> ParsedDocument:
    """Remember that mention ``mention_index`` means ``place``; the document re-resolved with it.

    Every mention of the same name in the document follows. The caller saves the result
    (``store.replace_resolutions(parsed.doc.id, result)``).
    """
    if not 0 <= mention_index < len(parsed.resolutions):
        raise GeoError(f"no mention {mention_index} (the article has {len(parsed.resolutions)})")
    name = parsed.resolutions[mention_index].mention.text
    context = context_of(parsed)
    correction_id = store.add_correction(name, place, context)
    return apply_corrections(parsed, [Correction(correction_id, spelling(name), context, place, "", True)])


def save(store: Store, parsed: ParsedDocument, corrections) -> bool:
    """Write one parse with the user's corrections applied, wherever it was parsed (this
    machine's workers or a Dask cluster's): one transaction, keyed on the article's content
    hash; False (nothing written) when it is already stored (another process, or an earlier run
    killed after writing it). ``store``: a Store, or a target of geo.library.engine_here (the
    dashboard's library, written through its own ``add``)."""
    return store.save(apply_corrections(parsed, corrections))


def apply_corrections(parsed: ParsedDocument, corrections: Iterable[Correction]) -> ParsedDocument:
    """``parsed`` with the matching active corrections applied (oldest first: later ones win)."""
    chosen = _applicable(corrections, context_of(parsed), parsed.doc.id)
    if not chosen:
        return parsed
    resolutions = [_corrected(r, chosen[name_key(r.mention.text)])
                   if name_key(r.mention.text) in chosen else r for r in parsed.resolutions]
    # Reported events follow their mentions to the corrected place.
    return dataclasses.replace(parsed, resolutions=resolutions,
                               events=follow_places(parsed.events, resolutions))


def _applicable(corrections: Iterable[Correction], context: str, doc_id: str) -> dict[str, Place]:
    # The narrower scope wins whatever the order: a fix for one article beats a country-wide
    # one, which beats one meant everywhere.
    scopes = {"": 0, f"article:{doc_id}": 2}
    if context:
        scopes[context] = 1
    best: dict[str, tuple[int, Place]] = {}
    for c in corrections:
        scope = scopes.get(c.context)
        # Matched by the one name key (geo.gazetteer.namekey), whatever form the row was stored in.
        if c.active and scope is not None and scope >= best.get(name_key(c.name), (-1, None))[0]:
            best[name_key(c.name)] = (scope, c.place)
    return {name: place for name, (_, place) in best.items()}


def _corrected(r: Resolution, place: Place) -> Resolution:
    rest = [p for p in (r.place, *r.alternatives) if p is not None and p.id != place.id]
    alternatives = tuple({p.id: p for p in rest}.values())[:N_ALTERNATIVES]
    return Resolution(r.mention, place, 1.0, alternatives)


class CorrectionStage:
    """Pipeline stage applying the corrections ``load()`` returns (e.g. ``store.corrections``),
    read again for every document so a correction or an undo counts from the next one on."""

    def __init__(self, load: Callable[[], Sequence[Correction]]):
        self.load = load

    def __call__(self, parsed: ParsedDocument) -> ParsedDocument:
        return apply_corrections(parsed, self.load())


def reparse(store: Store, pipeline, doc_id: str) -> ParsedDocument:
    """A stored article parsed afresh with the active corrections (after an undo, say);
    the caller saves it with ``store.replace_resolutions``."""
    from geo.geoparse.windows import parse  # long articles were stored from a parse in windows

    return apply_corrections(parse(pipeline, store.article(doc_id)), store.corrections())


def to_records(corrections: Iterable[Correction]) -> list[dict]:
    """JSON-ready corrections, the form `geo corrections export` writes."""
    return [{"id": c.id, "name": c.name, "context": c.context,
             "place": {**c.place.to_dict(), "geometry": c.place.geometry},
             "created_at": c.created_at, "active": c.active} for c in corrections]


def to_json(corrections: Iterable[Correction]) -> str:
    return json.dumps(to_records(corrections), ensure_ascii=False, indent=1)


def follow_places(events: list[Event], resolutions: list[Resolution]) -> list[Event]:
    """Events moved to where their mentions now resolve (after a user's correction)."""
    where = {(r.mention.start, r.mention.end): r.place for r in resolutions}
    moved = []
    for e in events:
        key = (e.mention.start, e.mention.end) if e.mention else None
        place = where.get(key, e.place) if key else e.place
        moved.append(e if place == e.place or place is None else dataclasses.replace(e, place=place))
    return moved
