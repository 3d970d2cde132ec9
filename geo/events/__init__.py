"""Reported events (geo.types.Event) out of resolved parses: what happened, where, when, who and
the toll, by rules kept as data (``triggers``, ``dates``, ``actors``, ``toll``, ``places``)."""

from geo.events.extract import Extractor, extract
from geo.events.record import event_record
from geo.events.taxonomy import SUB_TYPES, TAXONOMY, TYPE_OF

__all__ = ["Extractor", "extract", "event_record", "SUB_TYPES", "TAXONOMY", "TYPE_OF"]
