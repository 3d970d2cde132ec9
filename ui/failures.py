"""Uploads that failed, as the user sees them and as the library records them (geo.library.failures)."""

from __future__ import annotations

import logging

from geo.errors import GeoError, IngestError
from geo.library.failures import FailureLog
from ui import access
from ui.outcome import PARSE_FAILED, STORE_FAILED, LoadResult

log = logging.getLogger(__name__)


def _log(lib) -> FailureLog | None:
    store = getattr(lib, "store", None)
    return FailureLog.beside(store) if store is not None else None


def message(name: str, exc: BaseException, what: str = "could not be parsed") -> str:
    """One line naming the file: our own errors say why; a store outage says so; anything else
    is named by its type, since its text may quote SQL or the article."""
    from ui.guard import is_outage

    if is_outage(exc):
        return f"{name} {what}: the library is unavailable; try again in a moment"
    if isinstance(exc, GeoError):
        return f"{name}: {' '.join(str(exc).split())[:300]}"
    log.warning("%s %s", name, what, exc_info=True)
    return f"{name} {what} ({type(exc).__name__})"


def failed(lib, name: str, reason: str):
    """The file could not be read or parsed, and the library's ingest could not say so itself
    (its parser did not load)."""
    _record(lib, name, reason)
    return LoadResult(name, PARSE_FAILED, error=reason)


def word(item) -> str:
    """A failure of geo.library.bulk.ingest (an Outcome) as the page says it and the failure
    log keeps it: the file named, and a failed store said as such, never as a parse failure."""
    if item.step == "read" and isinstance(item.error, IngestError):
        return str(item.error)  # names the file already
    if item.step == "read" and item.error is not None:
        return message(item.name, item.error)
    if item.step == "parse":
        return f"{item.name} {item.reason}"
    if item.step == "store":
        why = _why_not_stored(item.name, item.error)
        return f"{item.name} {STORE_FAILED} ({why}); it is stored again on the next try"
    return f"{item.name}: {item.reason}"


def _why_not_stored(name: str, exc: BaseException | None) -> str:
    from geo.errors import LibraryUnusable
    from ui.guard import is_outage

    if isinstance(exc, LibraryUnusable):
        return exc.reason
    if exc is not None and is_outage(exc):
        return "the library is unavailable"
    log.warning("%s could not be stored", name, exc_info=exc)  # the details for the log, not the page
    return type(exc).__name__


def _record(lib, name: str, reason: str) -> None:
    try:
        if (failures := _log(lib)) is not None:
            failures.record(name, reason, "upload", access.current_user())
    except Exception:  # noqa: BLE001 - the message still reaches the user
        pass
