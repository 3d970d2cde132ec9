"""Search the articles' text and jump to a sentence on the map; or type a name and see every
gazetteer entry it could mean."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from ui.page import setup

setup("Search the articles · Events map")

from geo.errors import GeoError  # noqa: E402
from geo.filters import region_of  # noqa: E402
from geo.types import Place  # noqa: E402
from geo.map.webmap import build_place_map, find_place  # noqa: E402
from ui import state  # noqa: E402
from ui.article_search import article_search  # noqa: E402
from ui.text import plain  # noqa: E402


@st.cache_data(max_entries=256, show_spinner=False)
def search(name: str, limit: int) -> list[Place]:
    return state.pipeline().gazetteer.search(name, limit=limit)


st.title("Search the articles")
st.caption("Every word in some form (“shell” finds “shelled”), in one sentence of a stored article; "
           "a \"quoted phrase\" in that order.")
lib = state.library()
article_search(lib, lib.titles())
st.subheader("Look a name up in the gazetteer")
st.caption("What the gazetteer holds for a name, best candidate first: the choices the geoparser weighs.")
name = st.text_input("Place name", placeholder="e.g. Kherson, Pokrovsk, Dnieper", key="search_name").strip()
if name:
    try:
        candidates = search(name, 20)
    except GeoError as exc:
        st.error(plain(str(exc)))
        candidates = []
    if not candidates:
        st.info(plain(f"No gazetteer entry for “{name}”."))
    else:
        state.web_assets()
        map_col, list_col = st.columns([3, 2], gap="medium")
        with map_col:
            selected = st.session_state.get("search_pick")
            m = build_place_map(candidates, selected=selected, basemap=state.current_basemap(),
                                local_assets=state.local_assets_ready())
            out = st_folium(m, key="search_map", height=520, use_container_width=True,
                            returned_objects=["last_object_clicked", "last_object_clicked_tooltip"]) or {}
        clicked = find_place(candidates, out.get("last_object_clicked_tooltip"), out.get("last_object_clicked"))
        if clicked and out.get("last_object_clicked") != st.session_state.get("search_last_click"):
            st.session_state["search_last_click"] = out.get("last_object_clicked")
            st.session_state["search_pick"] = clicked.id
        with list_col:
            st.dataframe(
                [{"#": i, "name": p.name, "feature": p.feature, "region": region_of(p), "country": p.country,
                  "population": p.population or None, "lat": round(p.lat, 4), "lon": round(p.lon, 4), "id": p.id}
                 for i, p in enumerate(candidates, 1)],
                hide_index=True, width="stretch", height=520, placeholder="")
