"""Outages are messages: a library that does not answer shows one line and a retry button.

Store errors (a stopped PostgreSQL, a locked or unreadable SQLite file) would otherwise reach
the page as a traceback with SQL and article text in it. Pages run inside ``outage()``;
callbacks (which Streamlit runs before the page) are wrapped with ``callback``.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager

import streamlit as st

from geo.errors import LibraryUnusable, StoreError
from ui.text import plain

UNAVAILABLE = ("The article library is unavailable: its database does not answer right now. "
               "Nothing was lost; try again in a moment.")
_FLAG = "library_unavailable"
log = logging.getLogger(__name__)


def is_outage(exc: BaseException) -> bool:
    if isinstance(exc, (StoreError, sqlite3.Error)):
        return True
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - sqlalchemy ships with the project
        return False
    return isinstance(exc, SQLAlchemyError)


def show_unavailable(exc: BaseException | None = None) -> None:
    """One line: what is wrong when waiting will not help (geo.errors.LibraryUnusable: a wrong
    URL, a missing driver or library, a damaged file), else that it does not answer now."""
    if isinstance(exc, LibraryUnusable):
        st.error(plain(f"The article library cannot be opened: {exc.reason}."), icon=":material/error:")
    else:
        st.error(UNAVAILABLE, icon=":material/cloud_off:")
    try:
        st.button("Retry", key="library_retry", type="primary")  # a click reruns the page
    except Exception:  # noqa: BLE001 - a fragment already showed one this run: one is enough
        pass


@contextmanager
def outage():
    """Run a page (or part of one); a store error becomes the message, then the page stops."""
    try:
        if st.session_state.pop(_FLAG, False):
            raise StoreError("a callback found the library unavailable")
        yield
    except Exception as exc:
        if not is_outage(exc):
            raise
        # The type only: the message may hold SQL and the article text it was writing.
        log.warning("library unavailable (%s)", type(exc).__name__)
        show_unavailable(exc)
        st.stop()


def run(page: Callable[[], None]) -> None:
    with outage():
        page()


def guarded(fn: Callable) -> Callable:
    """``outage()`` around a function: for fragments, which rerun without the page around them."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with outage():
            return fn(*args, **kwargs)
    return wrapper


def callback(fn: Callable) -> Callable:
    """For on_click/on_change: a store error sets a flag the page shows, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if not is_outage(exc):
                raise
            log.warning("library unavailable in a callback (%s)", type(exc).__name__)
            st.session_state[_FLAG] = True
    return wrapper
