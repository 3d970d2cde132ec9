"""Your own layers in the sidebar (add a KML, KMZ, GeoJSON or GeoPackage file; switch each on
or off; remove it) and the hook the map calls to draw the ones switched on.

Streamlit glue only: reading a file is geo.text.overlays, keeping it the library, drawing it
geo.map.overlay_layer. A layer's name and date are user text: plain() in every widget label.
"""

from __future__ import annotations

import folium
import streamlit as st

from geo.errors import GeoError
from geo.library import Library
from geo.map.overlay_layer import add_overlays
from geo.text.overlays import KINDS, Overlay, read_layer
from ui import access, guard, keys, state
from ui.text import plain


def label(o: Overlay) -> str:
    return f"{o.name} · {o.date}" if o.date else o.name


def describe(o: Overlay) -> str:
    shapes = f"{o.features} shape{'s' if o.features != 1 else ''}"
    return f"{o.name} · {o.date or 'undated'} · {o.kind}, {shapes}"


def hidden() -> set[int]:
    return st.session_state.setdefault(keys.OVERLAYS_HIDDEN, set())


def _toggled(overlay_id: int) -> None:
    if st.session_state.get(f"{keys.OVERLAY_ON}{overlay_id}"):
        hidden().discard(overlay_id)
    else:
        hidden().add(overlay_id)


@guard.callback
def _remove(lib: Library, overlay: Overlay) -> None:
    if lib.remove_overlay(overlay.id):
        access.record(lib, "remove_layer", str(overlay.id), overlay.name)
        st.session_state[keys.OVERLAY_SAID] = ("info", f"Layer removed: {overlay.name}")


@guard.callback
def _add(lib: Library) -> None:
    """The form's submit: a callback, so the list drawn next already holds the new layer."""
    upload = st.session_state.get(keys.OVERLAY_UPLOAD)
    name, when = st.session_state.get(keys.OVERLAY_NAME) or "", st.session_state.get(keys.OVERLAY_DATE)
    if upload is None:
        st.session_state[keys.OVERLAY_SAID] = ("error", "Choose a KML, KMZ, GeoJSON or GeoPackage file first.")
        return
    try:
        layer = read_layer(upload.getvalue(), upload.name)
        overlay = lib.add_overlay(layer, name=name.strip(), source=upload.name,
                                  date=when.isoformat() if when else None)
    except GeoError as exc:
        if guard.is_outage(exc):
            raise
        st.session_state[keys.OVERLAY_SAID] = ("error", str(exc))
        return
    access.record(lib, "add_layer", str(overlay.id), overlay.name)
    st.session_state[keys.OVERLAY_SAID] = ("success", f"Layer added: {describe(overlay)}")
    st.session_state[keys.OVERLAY_ADDING] = False


def _add_form(lib: Library) -> None:
    """The upload box only when asked for: a second file box, always there, would come before the
    page's own in the page (the sidebar is first) and take the articles meant for it."""
    if not st.session_state.get(keys.OVERLAY_ADDING):
        st.button("Add a layer…", key="overlay_open", on_click=st.session_state.update,
                  kwargs={keys.OVERLAY_ADDING: True})
        return
    with st.form("overlay_form", clear_on_submit=True, border=False):
        st.file_uploader("Add a layer (KML, KMZ, GeoJSON, GeoPackage)", type=sorted(KINDS), key=keys.OVERLAY_UPLOAD)
        st.text_input("Name", placeholder="default: the file's own", key=keys.OVERLAY_NAME)
        st.date_input("Date the map shows", value=None, key=keys.OVERLAY_DATE, format="YYYY-MM-DD")
        add, close = st.columns(2)
        add.form_submit_button("Add layer", on_click=_add, args=(lib,))
        close.form_submit_button("Close", on_click=st.session_state.update, kwargs={keys.OVERLAY_ADDING: False})


def overlay_sidebar(lib: Library) -> None:
    """The sidebar's "Your layers": the kept layers, each switched on or off, and an upload."""
    layers = lib.overlays()
    with st.sidebar, st.expander(f"Your layers ({len(layers)})", expanded=bool(layers)):
        st.caption("Control areas, front lines: drawn under the events. Switched off here for you only.")
        for o in layers:
            box, button = st.columns([5, 1], vertical_alignment="center", gap="small")
            box.checkbox(plain(label(o)), value=o.id not in hidden(), key=f"{keys.OVERLAY_ON}{o.id}",
                         on_change=_toggled, args=(o.id,),
                         help=plain(f"{describe(o)}; from {o.source or 'a file'}, added {o.added_at[:10]}"))
            if not access.read_only():
                button.button("✕", key=f"overlay_remove_{o.id}", on_click=_remove, args=(lib, o), type="tertiary",
                              help=plain(f"Remove “{o.name}” from the library, for everyone"))
        if not access.read_only():
            _add_form(lib)
        if said := st.session_state.pop(keys.OVERLAY_SAID, None):
            {"success": st.success, "info": st.info}.get(said[0], st.error)(plain(said[1]))


def draw_overlays(m: folium.Map, lib: Library | None = None) -> int:
    """Draw the layers switched on under the events of ``m``; how many were drawn."""
    lib = lib or state.library()
    off, shown = hidden(), []
    for o in lib.overlays():
        if o.id in off:
            continue
        try:
            shown.append((o, lib.overlay_geojson(o.id)))
        except GeoError:
            if any(x.id == o.id for x in lib.overlays()):
                raise  # still there: the library failed, and the page says so
            # removed by someone else since it was listed: drawn without it
    return add_overlays(m, shown)
