"""Place mentions: the map and, beside it, the place chooser and the place panel. A fragment, so
a click on a marker reruns only this, not the uploads, the sidebar and the table."""

from __future__ import annotations

import streamlit as st

from geo.filters import group_by_place
from geo.map.fill import FillFrame
from geo.map.webmap import build_map, find_place
from ui import guard, keys, layout, state, url
from ui.corrections import take_map_click, user_set_ids
from ui.event_view import MAP_SHARE, plural
from ui.map_frame import follow_library, fly_to, new_click, opening_view, remember_map, reported, show_map
from ui.panel import place_panel


def fly_to_pick() -> None:
    """Selecting a place in the list pans the map there without rebuilding it."""
    place_id = st.session_state.get(keys.PLACE_PICK)
    lib = st.session_state.get(keys.LIBRARY)
    place = next((e.place for e in lib.place_mentions() if e.place.id == place_id), None) if lib else None
    if place:
        fly_to(place.lat, place.lon, 8)


def remember_click(out: dict, places) -> bool:
    """Choose the clicked place; whether the map reported a click not seen before."""
    if new_click(out):
        place = find_place(places, out.get("last_object_clicked_tooltip"), out.get("last_object_clicked"))
        if place:
            st.session_state[keys.PLACE_PICK] = place.id
            return True
    return False


@st.fragment
@guard.guarded  # a fragment reruns alone: it needs its own outage guard
def map_and_panel(map_events, titles: dict[str, str], n_articles: int, shape, in_view: bool, version: int) -> None:
    """The map and the place panel: a click on a marker reruns only this (1 s -> well under 0.3 s on the seed)."""
    lib = state.library()
    follow_library(lib, version)
    places = [g.place for g in group_by_place(map_events)]
    remember_click(reported(), places)
    take_map_click(reported())  # a pin dropped on the map: the panel, drawn before the map, shows it
    map_col, panel_col = st.columns(MAP_SHARE, gap="small")
    with panel_col:  # before the map: the panel reaches the browser without waiting for the map's drawing
        ids = [p.id for p in places]
        if st.session_state.get(keys.PLACE_PICK) not in ids:
            st.session_state[keys.PLACE_PICK] = None
        names = {p.id: p.name for p in places}
        layout.panel_anchor()
        pick = st.selectbox("Place", ids, key=keys.PLACE_PICK, on_change=fly_to_pick, index=None,
                            format_func=lambda i: names.get(i, i), placeholder="Click a marker, or choose a place…")
        if pick:
            place_panel(next(p for p in places if p.id == pick), [e for e in map_events if e.place.id == pick],
                        lib, titles)
        else:
            shown = len({e.doc_id for e in map_events})
            st.info(f"{plural(len(places), 'place')} named in {plural(len(map_events), 'place mention')}, "
                    f"in {plural(shown, 'article')}"
                    + (f" (of {n_articles})" if shown < n_articles else "") + ". "
                    "Click a marker to read the sentences that mention it.")
        url.share_link()
    with map_col:
        basemap = state.current_basemap()
        user_set = user_set_ids(lib, map_events)
        view = opening_view("places", [(p.id, p.lat, p.lon) for p in places], version,
                            basemap.url if basemap else None, shape, sorted(user_set))
        m = build_map(map_events, basemap=basemap, titles=titles, drawn=shape, local_assets=state.local_assets_ready(),
                      user_set=user_set, view=view)
        FillFrame().add_to(m)
        chosen = next((p for p in places if p.id == pick), None)
        out = show_map(m, (chosen.lat, chosen.lon) if chosen else None, timeline=False)
    if remember_click(out, places):
        st.rerun(scope="fragment")  # a click the map reported while it was drawn: show it
    remember_map(out, in_view)
    layout.jump_to_panel()
    url.write()
