"""Uploads that failed, as the user sees them and as the library records them (geo.failures)."""

from __future__ import annotations

import logging

from geo.errors import GeoError
from geo.failures import FailureLog
from ui import access

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
    from ui.state import LoadResult

    try:
        if (failures := _log(lib)) is not None:
            failures.record(name, reason, "upload", access.current_user())
    except Exception:  # noqa: BLE001 - the message still reaches the user
        pass
    return LoadResult(name, error=reason)


def forget(lib, name: str) -> None:
    try:
        if (failures := _log(lib)) is not None:
            failures.clear(name)
    except Exception:  # noqa: BLE001
        pass
