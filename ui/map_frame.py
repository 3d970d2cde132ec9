"""The map in the page: what it reports back (clicks, drawings, its view) and what it is told
(a view to fly to, the view to open at when it is rebuilt, the selected event's ring).

streamlit-folium re-mounts the map whenever its script changes: a new frame, framed anew around
every marker. A correction, a filter or the timeline therefore threw the user back to the full
extent. The map is now rebuilt at the view it last reported, and only a map whose content is
unchanged keeps the view it was first built with (so panning never changes the script and never
re-mounts it).
"""

from __future__ import annotations

import hashlib

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.filters import polygons_of
from geo.map.click import ImmediateClick
from ui import keys, url
from ui.overlays import draw_overlays

MAP_HEIGHT = 620  # px; the page's CSS (ui/layout.py) stretches the frame to the viewport's height
FLY_TRIES = "fly_tries"  # runs that have asked the map for FLY_TO's view (see fly_args)
MAP_KEY = "events_map"  # st_folium's key; its on_change keeps the map's last report here
RETURNED = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count", "all_drawings",
            "bounds", "center", "zoom", "last_clicked"]  # last_clicked: a correction's pin dropped on the map


def opening_view(*content) -> tuple[float, float, float] | None:
    """The view a map of this content opens at: None (frame the markers) for the session's first
    map; for a map whose content changed, the view the last one reported; for the same content,
    the same answer as before, so the script stays the same and the map is not re-mounted."""
    digest = hashlib.sha1(repr(content).encode("utf-8", "surrogatepass")).hexdigest()
    built = st.session_state.get(keys.MAP_BUILT)
    if built and built[0] == digest:
        return built[1]
    seen = st.session_state.get(keys.MAP_VIEW)
    view = (seen["lat"], seen["lon"], seen["zoom"]) if seen else None
    if st.session_state.pop(keys.FRAME_ALL, False):
        view = None  # an upload: show where its events are
    st.session_state[keys.MAP_BUILT] = (digest, view)
    return view


def fly_args(fly) -> dict:
    """center/zoom for st_folium while a requested view is pending.

    streamlit-folium applies a center only to a map that already exists, and only when it
    differs from the last one it applied: the first run after a link or a jump mounts the map and
    loses it. So each run asks again with a center nudged by a hair until the map reports it.
    """
    if not fly:
        return {"center": None, "zoom": None}
    asked, tries = st.session_state.get(FLY_TRIES, (None, 0))
    tries = (tries if asked == tuple(fly) else 0) + 1  # a new request starts counting again
    st.session_state[FLY_TRIES] = (tuple(fly), tries)
    if tries > 6:  # the map will not go there (a hidden frame, say): stop asking
        st.session_state.pop(keys.FLY_TO, None)
        st.session_state.pop(FLY_TRIES, None)
    # Zoom too: Leaflet snaps 9.000001 to 9, but the component sees a new value and applies it.
    return {"center": [fly[0] + tries * 1e-7, fly[1]], "zoom": int(fly[2]) + tries * 1e-6}


def landed(out: dict, fly) -> None:
    """Forget a requested view once the map reports it: asked for only once, it is lost when the
    map mounts after the run that asked (a link opened, a jump from the search page)."""
    center, zoom = out.get("center") or {}, out.get("zoom")
    try:
        there = abs(center["lat"] - fly[0]) < 0.05 and abs(center["lng"] - fly[1]) < 0.05 and zoom == fly[2]
    except (TypeError, KeyError, IndexError):
        return
    if there:
        st.session_state.pop(keys.FLY_TO, None)
        st.session_state.pop(FLY_TRIES, None)


def fly_to(lat: float, lon: float, at_least: int = 8) -> None:
    """Pan to a point, zooming in to `at_least` but never out of a closer view."""
    seen = st.session_state.get(keys.MAP_VIEW) or {}
    st.session_state[keys.FLY_TO] = (lat, lon, max(at_least, int(seen.get("zoom") or 0)))


RING = ("<div style='width:46px;height:46px;border-radius:50%;border:3px solid #111;box-sizing:border-box;"
        "box-shadow:0 0 0 2px #fff,inset 0 0 0 2px #fff;pointer-events:none'></div>")


def ring(point: tuple[float, float] | None) -> folium.FeatureGroup | None:
    """A dark ring around the selected marker, added to the mounted map without re-mounting it.
    HTML, not a circle on the map's canvas: redrawing the canvas cost each click ~150 ms."""
    if point is None:
        return None
    group = folium.FeatureGroup(name="selected", control=False)
    folium.Marker(point, icon=folium.DivIcon(html=RING, icon_size=(46, 46), icon_anchor=(23, 23),
                                             class_name="geo-selected-ring"),
                  interactive=False, keyboard=False, z_index_offset=2000).add_to(group)
    return group


def show_map(m, selected_at: tuple[float, float] | None = None, timeline: bool = True) -> dict:
    """The map in the page, clicks reported at once, a requested view applied; what it reports.
    Without a timeline under it, the map takes its height too (ui/layout.py)."""
    ImmediateClick().add_to(m)
    draw_overlays(m)  # the user's own layers, under the events
    fly = st.session_state.get(keys.FLY_TO)
    with st.container(key="geo-map" if timeline else "geo-map-tall"):
        out = st_folium(m, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True, returned_objects=RETURNED,
                        feature_group_to_add=ring(selected_at), **fly_args(fly)) or {}
    landed(out, fly)
    return out


def reported() -> dict:
    """The map's latest report, known before the map is drawn in this run (st_folium's on_change
    stores it under its key): a click can then choose what the map draws, such as the selection ring."""
    return st.session_state.get(MAP_KEY) or {}


def new_click(out: dict) -> bool:
    """Whether the map reports a click not handled yet (each rerun repeats the last one)."""
    click = (out.get("last_object_clicked_count"), str(out.get("last_object_clicked")), out.get("last_object_clicked_tooltip"))
    if not out.get("last_object_clicked") or click == st.session_state.get(keys.LAST_CLICK):
        return False
    st.session_state[keys.LAST_CLICK] = click
    return True


def remember_drawing(out: dict) -> None:
    """Keep the drawn shape across map rebuilds; None from the map means "no news", [] means deleted."""
    drawings = out.get("all_drawings")
    if drawings is None or drawings == st.session_state.get(keys.LAST_DRAWINGS):
        return
    st.session_state[keys.LAST_DRAWINGS] = drawings
    polygons = [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": rings}}
                for rings in polygons_of(drawings)]
    new_shape = {"type": "FeatureCollection", "features": polygons} if polygons else None
    if new_shape != st.session_state.get(keys.SHAPE):
        st.session_state[keys.SHAPE] = new_shape
        st.session_state[keys.SHAPE_DRAWN] = bool(new_shape)
        st.rerun(scope="app")  # the filters, the table and the downloads follow the shape


def remember_bounds(out: dict, in_view: bool) -> None:
    """The table lives outside the map's fragment: when it follows the view, a moved view reruns the page."""
    bounds = out.get("bounds")
    if bounds and bounds != st.session_state.get(keys.MAP_BOUNDS):
        st.session_state[keys.MAP_BOUNDS] = bounds
        if in_view:
            st.rerun(scope="app")


def remember_map(out: dict, in_view: bool) -> None:
    """What the map reports besides clicks: a drawn shape, the view (for the URL), the bounds."""
    remember_drawing(out)
    url.remember_view(out.get("center"), out.get("zoom"))
    remember_bounds(out, in_view)


def follow_library(lib, version: int) -> None:
    """A correction made in the panel changes the library: the filters, the table and this
    fragment's own arguments were read before it, so the whole page runs again."""
    if lib.version != version:
        st.rerun(scope="app")


def follow_page() -> None:
    """A widget in a fragment (the timeline, its reset) that changes the page's filters asks for
    the whole page through this flag: a callback cannot rerun the page itself."""
    if st.session_state.pop(keys.PAGE_RERUN, False):
        st.rerun(scope="app")
