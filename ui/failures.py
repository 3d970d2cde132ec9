"""Uploads that failed, as the user sees them and as the library records them (geo.library.failures)."""

from __future__ import annotations

import logging

from geo.errors import GeoError
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
    """The file could not be read or parsed."""
    _record(lib, name, reason)
    return LoadResult(name, PARSE_FAILED, error=reason)


def store_failed(lib, name: str, exc: BaseException, parsed):
    """The library could not take the file it was given parsed: said as such, never as a parse
    failure, and the parse kept so the next run stores it."""
    from geo.errors import LibraryUnusable
    from ui.guard import is_outage

    if isinstance(exc, LibraryUnusable):
        why = exc.reason
    elif is_outage(exc):
        why = "the library is unavailable"
    else:
        log.warning("%s could not be stored", name, exc_info=True)
        why = type(exc).__name__
    reason = f"{name} {STORE_FAILED} ({why}); it is stored again on the next try"
    _record(lib, name, reason)
    return LoadResult(name, STORE_FAILED, error=reason, parsed=parsed)


def _record(lib, name: str, reason: str) -> None:
    try:
        if (failures := _log(lib)) is not None:
            failures.record(name, reason, "upload", access.current_user())
    except Exception:  # noqa: BLE001 - the message still reaches the user
        pass


def forget(lib, name: str) -> None:
    try:
        if (failures := _log(lib)) is not None:
            failures.clear(name)
    except Exception:  # noqa: BLE001
        pass
