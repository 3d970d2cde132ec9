"""Who is using the dashboard, and whether they may change the shared library.

Three optional controls, all off by default (a single user on 127.0.0.1 needs none):
- GEO_READ_ONLY=1: nobody can upload, remove, edit dates or correct places.
- Streamlit's own OpenID Connect login: when `.streamlit/secrets.toml` has an [auth] section,
  every page asks visitors to log in first (st.login), and st.user names them.
- GEO_USER_HEADER=X-Forwarded-User: a reverse proxy that authenticates users passes their name
  in this header; a request without it is turned away (only the proxy can reach the app).
"""

from __future__ import annotations

import os

import streamlit as st

from ui.text import plain

_TRUE = {"1", "true", "yes", "on"}


def read_only() -> bool:
    return os.environ.get("GEO_READ_ONLY", "").strip().lower() in _TRUE


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file, or an unreadable one: no login
        return False


def _header() -> str:
    return os.environ.get("GEO_USER_HEADER", "").strip()


def _logged_in() -> bool:
    # st.user lacks the attribute altogether where no login ever ran (AppTest, bare mode).
    return bool(getattr(st.user, "is_logged_in", False))


def current_user() -> str:
    """The signed-in user's e-mail or name, or the proxy's user header; "" when unknown."""
    try:
        if _oidc_configured() and _logged_in():
            return str(st.user.get("email") or st.user.get("name") or st.user.get("sub") or "")
        if header := _header():
            return (st.context.headers.get(header) or "").strip()[:200]
    except Exception:  # noqa: BLE001 - outside a script run (tests, bare mode): nobody
        return ""
    return ""


def require_login() -> None:
    """Stop the page until the visitor is known, when a login is configured."""
    if _oidc_configured():
        if not _logged_in():
            st.title("Events map")
            st.info("This library is shared: log in to see it.")
            st.button("Log in", on_click=st.login, type="primary")
            st.stop()
        with st.sidebar:
            st.caption(plain(f"Signed in as {current_user()}"))
            st.button("Log out", on_click=st.logout, key="access_logout")
    elif _header() and not current_user():
        st.error("This dashboard is served through its login proxy; open it there.")
        st.stop()


def _audit(lib):
    from geo.library.audit import AuditLog

    store = getattr(lib, "store", None)
    return AuditLog.beside(store) if store is not None else None


def record(lib, action: str, target: str, detail: str = "") -> None:
    """Note who changed the library and when (a failure to note it never blocks the change)."""
    try:
        if (log := _audit(lib)) is not None:
            log.record(current_user(), action, target, detail)
    except Exception:  # noqa: BLE001 - the audit file is a convenience
        pass


def may_undo(lib, correction_id: int) -> bool:
    """Each user undoes their own corrections; one made before anyone was known, anybody."""
    try:
        log = _audit(lib)
        author = log.author("correct", str(correction_id)) if log is not None else None
    except Exception:  # noqa: BLE001
        author = None
    return author in (None, "") or author == current_user()
