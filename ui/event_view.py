"""Reported events: the map with the timeline under it and, beside it, the feed of the events
shown and the event panel. One fragment: a click on a marker or a line of the feed reruns only
this, not the uploads, the sidebar and the table."""

from __future__ import annotations

import streamlit as st

from geo.gazetteer.areas import country_name
from geo.map.event_layer import build_event_map, event_keys, find_event
from geo.filters import day_of
from geo.map.fill import FillFrame
from geo.types import Event
from ui import guard, keys, layout, state, url
from ui.corrections import take_map_click
from ui.event_panel import event_panel
from ui.feed import feed
from ui.map_frame import (follow_library, follow_page, fly_to, new_click, opening_view, remember_map, reported,
                          show_map)
from ui.timeline import timeline

MAP_SHARE = [7, 3]  # map : feed and panel; 70% of the width (at least 60% of a 1366 px screen)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def fly_to_event() -> None:
    """Choosing a line of the feed pans the map to its event."""
    key = st.session_state.get(keys.EVENT_PICK)
    lib = st.session_state.get(keys.LIBRARY)
    if not key or lib is None:
        return
    events = lib.events()
    found = dict(zip(event_keys(events), events)).get(key)
    if found is not None and found.place is not None:
        fly_to(found.place.lat, found.place.lon, 8)


@st.fragment
@guard.guarded  # a fragment reruns alone: it needs its own outage guard
def events_map_and_panel(shown: list[Event], undated_window: list[Event], titles: dict[str, str], n_articles: int,
                         shape, in_view: bool, version: int) -> None:
    """`shown`: the events the filters keep; `undated_window`: the same without the date window
    (the timeline draws every day, so the window can be moved)."""
    follow_page()
    lib = state.library()
    follow_library(lib, version)
    keys_ = event_keys(shown)
    by_key = dict(zip(keys_, shown))
    before = reported()
    take_map_click(before)  # a pin dropped on the map: the panel below, drawn first, shows it
    if new_click(before) and (key := find_event(keys_, before.get("last_object_clicked_tooltip"))):
        st.session_state[keys.EVENT_PICK] = key
        st.session_state[keys.FEED_FROM_MAP] = True
    map_col, side_col = st.columns(MAP_SHARE, gap="small")
    with side_col:  # before the map: the panel reaches the browser without waiting for the map's drawing
        pick = feed(by_key, fly_to_event)
        layout.panel_anchor()
        if pick:
            event_panel(by_key[pick], lib, titles)
        else:
            placed = sum(1 for e in shown if e.place)
            docs = len({e.doc_id for e in shown})
            st.info(f"{plural(len(shown), 'event')} in {plural(docs, 'article')}"
                    + (f" (of {n_articles})" if docs < n_articles else "")
                    + (f"; {len(shown) - placed} name no place and are only in the table" if placed < len(shown) else "")
                    + ". Click a marker or a line of the feed to read what happened. Statements and analysis are "
                    "not events: switch to “Place mentions” to see every place the articles name.")
        url.share_link()
    with map_col:
        countries = {e.place.country: country_name(e.place.country) for e in shown if e.place}
        basemap = state.current_basemap()
        view = opening_view("events", keys_, version, basemap.url if basemap else None, shape)
        m = build_event_map(shown, titles=titles, basemap=basemap, drawn=shape, local_assets=state.local_assets_ready(),
                            country_names=countries, view=view)
        FillFrame().add_to(m)
        picked = by_key.get(pick or "")
        dated = any(day_of(e.date) for e in undated_window)  # else no timeline: the map takes its room
        out = show_map(m, (picked.place.lat, picked.place.lon) if picked and picked.place else None, timeline=dated)
        timeline(undated_window)
    if new_click(out) and (key := find_event(keys_, out.get("last_object_clicked_tooltip"))):
        st.session_state[keys.EVENT_PICK] = key  # a click the map reported while it was drawn: show it
        st.session_state[keys.FEED_FROM_MAP] = True
        st.rerun(scope="fragment")
    remember_map(out, in_view)
    layout.jump_to_panel()
    url.write()
