"""A view of the map page is a URL: filters, the chosen place or event, the time window and the
map's view live in the query string, so a link opened elsewhere shows the same thing.

Parameters (lists repeat the parameter): country, region, feature, doc, source, type, sub, actor,
from, to (the date range), day and daymode (time slider), place (place id), event (event key),
view ("lat,lon,zoom"), mode ("places" when the place view is on; events are the default).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import streamlit as st

from ui import keys

LISTS = {"country": keys.COUNTRY, "region": keys.REGION, "feature": keys.FEATURE, "doc": keys.DOC,
         "source": keys.SOURCE, "type": keys.EVENT_TYPE, "sub": keys.SUB_TYPE, "actor": keys.ACTOR}
ZOOM_RANGE = (1, 18)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None  # a hand-edited link: ignore what cannot be read rather than fail


def parse_view(text: str | None) -> tuple[float, float, int] | None:
    """"48.5,37.9,9" -> (48.5, 37.9, 9); None when it is not a view on Earth."""
    try:
        lat, lon, zoom = (text or "").split(",")
        lat, lon, zoom = float(lat), float(lon), int(float(zoom))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1]):
        return None
    return lat, lon, zoom


def format_view(lat: float, lon: float, zoom: int) -> str:
    return f"{lat:.4f},{lon:.4f},{int(zoom)}"


def read_once() -> None:
    """On a session's first run, put the URL's view into the widgets' session state.

    Values the page cannot offer (an article since removed) are dropped by the sidebar, which
    knows the options; here only the shape of each value is checked.
    """
    state = st.session_state
    if state.get(keys.URL_READ):
        return
    state[keys.URL_READ] = True
    params = st.query_params
    for name, key in LISTS.items():
        if values := [v for v in params.get_all(name) if v]:
            state[key] = values
    start, end = _day(params.get("from")), _day(params.get("to"))
    if start and end and start <= end:
        state[keys.DATES] = (start, end)
    elif start:
        state[keys.DATES] = (start,)
    if day := _day(params.get("day")):
        state[keys.TIME] = True
        state[keys.DAY] = day
        state[keys.DAY_MODE] = "on" if params.get("daymode") == "on" else "upto"
    if place := params.get("place"):
        state[keys.PLACE_PICK] = place
    if event := params.get("event"):
        state[keys.EVENT_PICK] = event
    if params.get("mode") == "places":
        state[keys.VIEW_MODE] = "places"
    if view := parse_view(params.get("view")):
        state[keys.FLY_TO] = view
        state[keys.MAP_VIEW] = {"lat": view[0], "lon": view[1], "zoom": view[2]}


def current() -> dict[str, str | list[str]]:
    """The query parameters that describe what the session shows now."""
    state, out = st.session_state, {}
    for name, key in LISTS.items():
        if values := state.get(key):
            out[name] = [str(v) for v in values]
    picked = state.get(keys.DATES) or ()
    if isinstance(picked, (tuple, list)) and picked:
        out["from"] = picked[0].isoformat()
        if len(picked) == 2:
            out["to"] = picked[1].isoformat()
    if state.get(keys.TIME) and isinstance(day := state.get(keys.DAY), date):
        out["day"] = day.isoformat()
        out["daymode"] = state.get(keys.DAY_MODE) or "upto"
    if state.get(keys.VIEW_MODE) == "places":
        out["mode"] = "places"
    if place := state.get(keys.PLACE_PICK):
        out["place"] = str(place)
    if event := state.get(keys.EVENT_PICK):
        out["event"] = str(event)
    if view := state.get(keys.MAP_VIEW):
        out["view"] = format_view(view["lat"], view["lon"], view["zoom"])
    return out


def write() -> None:
    """Make the address bar match the session; untouched when nothing changed (no history noise)."""
    wanted = current()
    have = {k: (st.query_params.get_all(k) if k in LISTS else st.query_params.get(k)) for k in st.query_params}
    if have != wanted:
        st.query_params.from_dict(wanted)


def remember_view(center: dict | None, zoom: int | float | None) -> bool:
    """Keep the map's reported view for the URL; True when it moved."""
    try:
        view = {"lat": round(float(center["lat"]), 4), "lon": round(float(center["lng"]), 4), "zoom": int(zoom)}
    except (TypeError, KeyError, ValueError):
        return False
    view["lon"] = (view["lon"] + 180) % 360 - 180  # Leaflet lets longitudes run past +-180
    if view == st.session_state.get(keys.MAP_VIEW):
        return False
    st.session_state[keys.MAP_VIEW] = view
    return True


def share_link() -> None:
    """A "copy link" affordance: the view's full address in a code box with a copy button."""
    with st.popover("Copy a link to this view"):
        st.caption("Anyone opening this link sees the same filters, place and map view.")
        base = (st.context.url or "").split("?", 1)[0]
        query = "&".join(f"{quote(k)}={quote(str(v), safe=',')}" for k, values in current().items()
                         for v in (values if isinstance(values, list) else [values]))
        st.code(base + ("?" + query if query else ""), language=None, wrap_lines=True)
