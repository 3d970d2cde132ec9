"""Places in the news: upload articles, see every place they mention on a map, read the sentences."""

from __future__ import annotations

import time

import streamlit as st
from streamlit_folium import st_folium

from ui.page import setup

setup("Places in the news")

from geo.export import to_csv, to_geojson, to_kml  # noqa: E402 - set_page_config must come first
from geo.filters import bbox_from_bounds, by_bbox, by_shape, event_rows, group_by_place, polygons_of  # noqa: E402
from geo.webmap import CATEGORIES, build_map, find_place  # noqa: E402
from ui import state  # noqa: E402
from ui.corrections import show_toast, user_set_ids  # noqa: E402
from ui.panel import place_panel  # noqa: E402
from ui.sidebar import filter_sidebar  # noqa: E402
from ui.text import plain  # noqa: E402

MAP_HEIGHT = 560
PLAY_STEP_S = 0.4  # pause between days while the time slider plays
TABLE_COLUMNS = ["article", "place", "mention", "feature", "region", "country", "score", "sentence"]


def add_articles(lib) -> None:
    with st.container(border=True):
        upload_col, paste_col = st.columns([3, 2], vertical_alignment="bottom")
        with upload_col:
            files = st.file_uploader(
                "Upload articles (.txt .md .html .pdf .docx)", type=state.UPLOAD_TYPES,
                accept_multiple_files=True, key="uploads")
            for result in state.load_uploads(lib, files or []):
                if result.error:
                    st.error(plain(result.error), icon=":material/warning:")
                for note in result.notes:
                    st.warning(plain(f"{result.name}: {note}"), icon=":material/public:")
        with paste_col, st.expander("…or paste an article's text"), st.form("paste", clear_on_submit=True, border=False):
            title = st.text_input("Title", placeholder="optional")
            text = st.text_area("Text", height=140)
            if st.form_submit_button("Add text") and text.strip():
                result = state.load_one(lib, "pasted text", text.encode("utf-8"), title=title or "Pasted text")
                if result.error:
                    st.error(plain(result.error), icon=":material/warning:")
                else:
                    st.toast(f"Added: {result.places} places" + (" (already loaded)" if result.duplicate else ""))


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def fly_to_pick() -> None:
    """Selecting a place in the list pans the map there without rebuilding it."""
    place_id = st.session_state.get("place_pick")
    lib = st.session_state.get("library")
    place = next((e.place for e in lib.place_mentions() if e.place.id == place_id), None) if lib else None
    if place:
        st.session_state["fly_to"] = [place.lat, place.lon]


def legend() -> None:
    dots = "".join(
        f"<span style='margin-right:1em;white-space:nowrap'><span style='display:inline-block;width:.8em;"
        f"height:.8em;border-radius:50%;background:{colour};margin-right:.3em'></span>{label}</span>"
        for label, colour, _features in CATEGORIES.values())
    st.html(f"<div style='font-size:.85em;color:#555'>{dots} · number = mentions</div>")


def remember_click(out: dict, places) -> None:
    click = (out.get("last_object_clicked_count"), str(out.get("last_object_clicked")), out.get("last_object_clicked_tooltip"))
    if out.get("last_object_clicked") and click != st.session_state.get("last_click"):
        st.session_state["last_click"] = click
        place = find_place(places, out.get("last_object_clicked_tooltip"), out.get("last_object_clicked"))
        if place:
            st.session_state["place_pick"] = place.id


def remember_drawing(out: dict) -> None:
    """Keep the drawn shape across map rebuilds; None from the map means "no news", [] means deleted."""
    drawings = out.get("all_drawings")
    if drawings is None or drawings == st.session_state.get("last_drawings"):
        return
    st.session_state["last_drawings"] = drawings
    polygons = [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": rings}}
                for rings in polygons_of(drawings)]
    new_shape = {"type": "FeatureCollection", "features": polygons} if polygons else None
    if new_shape != st.session_state.get("shape"):
        st.session_state["shape"] = new_shape
        st.session_state["shape_drawn"] = bool(new_shape)
        st.rerun()


def main() -> None:
    state.settle_imports()
    assets_report = state.web_assets()
    state.ensure_gazetteer()
    lib = state.library()
    if st.session_state.pop("shape_drawn", False):
        st.session_state["f_shape"] = True  # a fresh drawing is meant as a filter
    st.title("Places in the news")
    if seed_error := st.session_state.get("seed_error"):
        st.warning(plain(seed_error))
    if not assets_report.ok:
        st.warning("Offline map files are missing: " + "; ".join(assets_report.missing))
    add_articles(lib)
    show_toast()

    events, titles = lib.place_mentions(), lib.titles()
    state.settle_library()
    articles = {a.id: a for a in lib.articles()}
    shape = st.session_state.get("shape")
    choice = filter_sidebar(events, titles, articles, has_shape=bool(shape))
    map_events = choice.attributes.apply(events, articles)
    if choice.in_shape:
        map_events = by_shape(map_events, shape)
    places = [g.place for g in group_by_place(map_events)]

    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        m = build_map(map_events, basemap=state.current_basemap(), titles=titles, drawn=shape,
                      local_assets=state.local_assets_ready(), user_set=user_set_ids(lib, map_events))
        returned = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count", "all_drawings"]
        fly = st.session_state.pop("fly_to", None)
        # The component fixes its returned objects when it mounts, so the view toggle remounts it.
        out = st_folium(m, key=f"events_map_{int(choice.in_view)}", height=MAP_HEIGHT, use_container_width=True,
                        returned_objects=returned + (["bounds"] if choice.in_view else []),
                        center=fly, zoom=8 if fly else None) or {}
        legend()
    remember_click(out, places)
    remember_drawing(out)

    with panel_col:
        ids = [p.id for p in places]
        if st.session_state.get("place_pick") not in ids:
            st.session_state["place_pick"] = None
        names = {p.id: p.name for p in places}
        pick = st.selectbox("Place", ids, key="place_pick", on_change=fly_to_pick, index=None,
                            format_func=lambda i: names.get(i, i), placeholder="Click a marker, or choose a place…")
        if pick:
            place_panel(next(p for p in places if p.id == pick), [e for e in map_events if e.place.id == pick],
                        lib, titles)
        else:
            shown = len({e.doc_id for e in map_events})
            st.info(f"{plural(len(places), 'place')} in {plural(shown, 'article')}"
                    + (f" (of {len(articles)})" if shown < len(articles) else "") + ". "
                    "Click a marker to read the sentences that mention it.")

    table_events = by_bbox(map_events, bbox_from_bounds(out.get("bounds"))) if choice.in_view else map_events
    st.subheader(f"Events ({len(table_events)})")
    st.dataframe([{k: row[k] for k in TABLE_COLUMNS} for row in event_rows(table_events, titles)],
                 width="stretch", hide_index=True,
                 column_config={"sentence": st.column_config.TextColumn(width="large"),
                                "score": st.column_config.NumberColumn(format="%.2f")})
    downloads(table_events, titles)
    if choice.playing:  # after drawing, so each day stays on screen for a moment
        time.sleep(PLAY_STEP_S)
        st.session_state["play_step"] = True
        st.rerun()


def downloads(events, titles: dict[str, str]) -> None:
    """The table's events, as filtered. Written on click, not on every rerun: large libraries
    would otherwise pay for three exports on each click on the map."""
    cols = st.columns(3)
    cols[0].download_button("Download GeoJSON", lambda: to_geojson(events, titles), "places.geojson",
                            "application/geo+json", width="stretch", key="dl_geojson")
    cols[1].download_button("Download CSV", lambda: to_csv(events, titles), "events.csv", "text/csv",
                            width="stretch", key="dl_csv")
    cols[2].download_button("Download KML", lambda: to_kml(events, titles), "places.kml",
                            "application/vnd.google-earth.kml+xml", width="stretch", key="dl_kml")


main()
