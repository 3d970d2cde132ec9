"""Events map: upload articles, see the events they report (and every place they mention) on a map, read the sentences."""

from __future__ import annotations

import dataclasses
import functools

import streamlit as st

from ui.page import APP_NAME, setup

setup(APP_NAME, sidebar="collapsed")  # the map is the page; the filters are one click away

from geo.gazetteer.areas import country_name  # noqa: E402 - set_page_config must come first
from geo.text.excerpt import SHOWN  # noqa: E402
from geo.library.export import (event_row, events_to_csv, events_to_geojson, events_to_kml, to_csv, to_geojson,  # noqa: E402
                        to_kml)
from geo.filters import EventFilter, bbox_from_bounds, by_bbox, event_rows  # noqa: E402
from ui import access, guard, keys, layout, map_at_scale, state, url  # noqa: E402
from ui.corrections import show_toast  # noqa: E402
from ui.event_view import events_map_and_panel  # noqa: E402
from ui.overlays import overlay_sidebar  # noqa: E402
from ui.place_view import map_and_panel  # noqa: E402
from ui.sidebar import filter_sidebar  # noqa: E402
from ui.text import plain  # noqa: E402

NUMBERS = {"fatalities", "injured"}  # "" in the CSV when not stated; empty cells in the table
EVENT_TABLE_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                       "country", "fatalities", "injured", "notes", "source"]
TABLE_COLUMNS = ["article", "place", "mention", "feature", "region", "country", "score", "sentence"]


def english(column: str, value):
    """Countries by English name in the tables (the downloads keep ISO codes, as GIS tools expect)."""
    return country_name(value) if column == "country" and value else value


def add_articles(lib, folded_empty: bool = False) -> list:
    """The upload box and the paste form, folded under the title; what was loaded this run.
    ``folded_empty``: the fold alone, its widgets left for the next run (map_at_scale.opening)."""
    if access.read_only():  # GEO_READ_ONLY: the library is shown, never changed
        return []
    if folded_empty:
        st.expander("+ Add articles", expanded=False)
        return []
    with st.expander("+ Add articles", expanded=False):
        upload_col, paste_col = st.columns([3, 2], vertical_alignment="bottom")
        with upload_col:
            files = st.file_uploader(
                "Upload articles (.txt .md .html .pdf .docx)", type=state.UPLOAD_TYPES,
                accept_multiple_files=True, key=keys.UPLOADS)
            results = state.load_uploads(lib, files or [])
        # A plain dict, written as the library tells the result: as for uploads, a rerun raised
        # at a yield point after the store must not lose it (the form's text is gone by then).
        pasted: dict = st.session_state.setdefault(keys.PASTED, {})
        remember = functools.partial(pasted.__setitem__, "last")
        with paste_col, st.expander("…or paste an article's text"), st.form("paste", clear_on_submit=True, border=False):
            title = st.text_input("Title", placeholder="optional")
            text = st.text_area("Text", height=140, max_chars=state.upload_limit())  # bytes checked on reading
            if st.form_submit_button("Add text") and text.strip():
                state.load_one(lib, "pasted text", text.encode("utf-8"), title=title or "Pasted text",
                               record=remember)
        if (last := pasted.get("last")) is not None:
            # Shown until the next paste; its text is gone from the form, so a failed store
            # keeps the parse and is tried again like an upload's.
            results.append(state.retry(lib, last, record=remember))
    return results


def main() -> None:
    state.settle_imports()
    if access.read_only():
        state.library()  # a missing library is one line before anything else is read or built
    assets_report = state.web_assets()
    state.ensure_gazetteer()
    lib = state.library()
    url.read_once()
    if st.session_state.pop(keys.SHAPE_DRAWN, False):
        st.session_state[keys.IN_SHAPE] = True  # a fresh drawing is meant as a filter
    layout.page_style()
    with st.container(key="geo-top"):  # one line above the map: the title and the way to add articles
        title_col, add_col = st.columns([3, 2], vertical_alignment="center")
        title_col.title(APP_NAME)
        with add_col:
            results = add_articles(lib, folded_empty=map_at_scale.opening() and map_at_scale.serves(lib))
    state.show_results(results)  # under the title, whether the box is folded or not
    if seed_error := st.session_state.get(keys.SEED_ERROR):
        st.warning(plain(seed_error))
    if not assets_report.ok:
        st.warning("Offline map files are missing: " + "; ".join(assets_report.missing))
    show_toast()
    if map_at_scale.serves(lib):  # too many events to read whole: counted, drawn and paged in SQL
        map_at_scale.events_page(lib)
        return

    mentions, titles = lib.place_mentions(), lib.titles()
    reported = lib.events()
    state.settle_library()
    articles = {a.id: a for a in lib.articles()}
    shape = st.session_state.get(keys.SHAPE)
    # "Russian troops" is no place on the map unless asked for: dropped before the counts, so they agree
    mentions = EventFilter(demonyms=bool(st.session_state.get(keys.DEMONYMS))).apply(mentions)
    choice = filter_sidebar(mentions, titles, articles, has_shape=bool(shape), reported=reported)
    overlay_sidebar(lib)
    spatial = dataclasses.replace(choice.attributes, shape=shape if choice.in_shape else None)
    in_view = bbox_from_bounds(st.session_state.get(keys.MAP_BOUNDS)) if choice.in_view else None

    if choice.mode == "events":
        shown = spatial.apply_events(reported, articles)
        any_date = dataclasses.replace(spatial, date_from=None, date_to=None).apply_events(reported, articles)
        events_map_and_panel(shown, any_date, titles, len(articles), shape, choice.in_view, lib.version)
        table = EventFilter(bbox=in_view).apply_events(shown) if in_view else shown
        st.subheader(f"Events ({len(table)})")
        st.dataframe(event_table([event_row(e, titles, SHOWN) for e in table]), width="stretch", hide_index=True,
                     column_config={"notes": st.column_config.TextColumn("sentence", width="large"),
                                    **{k: st.column_config.TextColumn(alignment="right") for k in NUMBERS}})
        downloads(table, titles, events=True)
    else:
        map_events = spatial.apply(mentions, articles)
        map_and_panel(map_events, titles, len(articles), shape, choice.in_view, lib.version)
        table_events = by_bbox(map_events, in_view) if in_view else map_events
        st.subheader(f"Place mentions ({len(table_events)})")
        st.dataframe([{k: english(k, row[k]) for k in TABLE_COLUMNS} for row in event_rows(table_events, titles, SHOWN)],
                     width="stretch", hide_index=True,
                     column_config={"sentence": st.column_config.TextColumn(width="large"),
                                    "score": st.column_config.NumberColumn(format="%.2f")})
        downloads(table_events, titles)
    url.write()


def event_table(rows: list[dict]) -> list[dict]:
    """The events table; a toll not stated is an empty cell, not Streamlit's "None" (a number
    column has no empty cell, so the tolls are text, right-aligned)."""
    return [{k: (str(row[k]) if k in NUMBERS else english(k, row[k])) for k in EVENT_TABLE_COLUMNS} for row in rows]


def downloads(rows, titles: dict[str, str], events: bool = False) -> None:
    """The table's rows, as filtered. Written on click, not on every rerun: large libraries
    would otherwise pay for three exports on each click on the map."""
    geojson, csv, kml = (events_to_geojson, events_to_csv, events_to_kml) if events else (to_geojson, to_csv, to_kml)
    stem = "events" if events else "places"
    cols = st.columns(3)
    cols[0].download_button("Download GeoJSON", lambda: geojson(rows, titles), f"{stem}.geojson",
                            "application/geo+json", width="stretch", key=keys.DL_GEOJSON)
    cols[1].download_button("Download CSV", lambda: csv(rows, titles), f"{stem}.csv", "text/csv",
                            width="stretch", key=keys.DL_CSV)
    cols[2].download_button("Download KML", lambda: kml(rows, titles), f"{stem}.kml",
                            "application/vnd.google-earth.kml+xml", width="stretch", key=keys.DL_KML)


guard.run(main)
