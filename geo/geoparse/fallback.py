"""Online fallback: ask the configured geocoder about what the offline gazetteer could not place.

A pipeline stage (ParsedDocument -> ParsedDocument) run after resolution. GEO_GEOCODER picks
the service (see geo.geocoders; unset: no stage at all, nothing is ever asked) and
GEO_GEOCODER_MODE when to ask it:

    fallback  (default) only for mentions the gazetteer left unresolved
    first     for every mention; the service's answer wins, the offline one becomes an alternative

The service is optional and may be down: its failure never fails a parse. The offline answer
stands and ``ParsedDocument.notes`` says "geocoder <name> unavailable: <why>".
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections import Counter
from collections.abc import Callable

from geo.errors import GeocoderError
from geo.gazetteer.names import key as name_key
from geo.types import ParsedDocument, Place, Resolution

log = logging.getLogger(__name__)

MODES = ("fallback", "first")
# One service's top answer for a bare name: plausible, but below a confident gazetteer pick.
ONLINE_SCORE = 0.6
N_ALTERNATIVES = 3

Stage = Callable[[ParsedDocument], ParsedDocument]


def dominant_country(parsed: ParsedDocument) -> str:
    """The country most mentions resolve to ("" when none); ties go to the earliest mentioned.
    Nationality words ("Russian troops") name who acts, not where the story is."""
    counts = Counter(r.place.country for r in parsed.resolutions if r.place and r.place.country
                     and r.mention.label != "DEMONYM")
    return counts.most_common(1)[0][0] if counts else ""


class GeocoderFallback:
    def __init__(self, geocoder, mode: str = "fallback", limit: int = 5):
        if mode not in MODES:
            raise GeocoderError(f"GEO_GEOCODER_MODE must be one of {', '.join(MODES)}, not {mode!r}")
        self.geocoder, self.mode, self.limit = geocoder, mode, limit

    def __repr__(self) -> str:
        return f"GeocoderFallback({self.geocoder!r}, mode={self.mode!r})"

    def __call__(self, parsed: ParsedDocument) -> ParsedDocument:
        wanted = [i for i, r in enumerate(parsed.resolutions) if self._asks(r)]
        if not wanted:
            return parsed
        country = dominant_country(parsed) or None
        answers: dict[str, list[Place]] = {}
        note = None
        for i in wanted:
            name = parsed.resolutions[i].mention.text
            if name_key(name) in answers:
                continue
            places, note = self._lookup(name, country)
            if note:
                # Stop at the first failure: every further name would wait out the timeout too.
                break
            answers[name_key(name)] = places
        resolutions = list(parsed.resolutions)
        for i in wanted:
            places = answers.get(name_key(resolutions[i].mention.text))
            if places:
                resolutions[i] = _online(resolutions[i], places)
        notes = parsed.notes + [note] if note and note not in parsed.notes else parsed.notes
        return dataclasses.replace(parsed, resolutions=resolutions, notes=list(notes))

    def _asks(self, r: Resolution) -> bool:
        # Demonyms ("Ukrainian") already point at their country; a search engine only guesses.
        if r.mention.label == "DEMONYM":
            return False
        return r.place is None or self.mode == "first"

    def _lookup(self, name: str, country: str | None) -> tuple[list[Place], str | None]:
        service = getattr(self.geocoder, "service", type(self.geocoder).__name__)
        try:
            places = self.geocoder.lookup(name, country=country, limit=self.limit)
        except Exception as exc:  # noqa: BLE001  an optional service must never fail the parse
            log.warning("geocoder %s failed on %r", service, name, exc_info=True)
            return [], f"geocoder {service} unavailable: {type(exc).__name__}: {exc}"
        # lookup() says [] both for "unknown name" and "service failed"; status tells them apart.
        status = None if places else self.geocoder.status
        return places, status and f"geocoder {service} unavailable: {status}"


def _online(r: Resolution, places: list[Place]) -> Resolution:
    """The service's best answer as the resolution, the offline reading kept as first alternative."""
    best = places[0]
    rest = [p for p in (r.place, *places[1:], *r.alternatives) if p is not None and p.id != best.id]
    alternatives = tuple({p.id: p for p in rest}.values())[:N_ALTERNATIVES]
    return Resolution(r.mention, best, ONLINE_SCORE, alternatives)


class _Misconfigured:
    """Stands in for a geocoder whose configuration is wrong: parsing goes on offline and every
    document says why the service is not asked, instead of the dashboard failing to start."""

    def __init__(self, message: str):
        self.message = message

    def __call__(self, parsed: ParsedDocument) -> ParsedDocument:
        if self.message in parsed.notes:
            return parsed
        return dataclasses.replace(parsed, notes=[*parsed.notes, self.message])


def default_stages() -> list[Stage]:
    """The stages the environment asks for: none unless GEO_GEOCODER names a service."""
    spec = os.environ.get("GEO_GEOCODER", "").strip()
    if spec.lower() in ("", "none", "off"):
        return []  # and geopy is never imported
    from geo.geocoders import from_spec

    mode = os.environ.get("GEO_GEOCODER_MODE", "").strip().lower() or "fallback"
    try:
        return [GeocoderFallback(from_spec(spec), mode)]
    except GeocoderError as exc:
        log.warning("online geocoder disabled: %s", exc)
        return [_Misconfigured(f"geocoder {spec.partition(':')[0]} unavailable: {exc}")]
