"""Places in the news: upload articles, see every place they mention on a map, read the sentences."""

from __future__ import annotations

import dataclasses

import streamlit as st
from streamlit_folium import st_folium

from ui.page import setup

setup("Places in the news")

from geo.areas import country_name  # noqa: E402 - set_page_config must come first
from geo.excerpt import SHOWN  # noqa: E402
from geo.event_layer import TYPE_STYLE, build_event_map, event_keys, find_event  # noqa: E402
from geo.export import (event_row, events_to_csv, events_to_geojson, events_to_kml, to_csv, to_geojson,  # noqa: E402
                        to_kml)
from geo.filters import EventFilter, bbox_from_bounds, by_bbox, event_rows, group_by_place, polygons_of  # noqa: E402
from geo.popups import escape  # noqa: E402
from geo.types import Event  # noqa: E402
from geo.map_click import ImmediateClick  # noqa: E402
from geo.webmap import CATEGORIES, build_map, find_place  # noqa: E402
from ui import access, guard, keys, map_at_scale, state, url  # noqa: E402
from ui.corrections import show_toast, user_set_ids  # noqa: E402
from ui.event_panel import describe as describe_event, event_panel  # noqa: E402
from ui.panel import place_panel  # noqa: E402
from ui.sidebar import filter_sidebar  # noqa: E402
from ui.text import plain  # noqa: E402

MAP_HEIGHT = 560
NUMBERS = {"fatalities", "injured"}  # "" in the CSV when not stated; empty cells in the table
EVENT_TABLE_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                       "country", "fatalities", "injured", "notes", "source"]
TABLE_COLUMNS = ["article", "place", "mention", "feature", "region", "country", "score", "sentence"]


def english(column: str, value):
    """Countries by English name in the tables (the downloads keep ISO codes, as GIS tools expect)."""
    return country_name(value) if column == "country" and value else value


def add_articles(lib) -> None:
    if access.read_only():  # GEO_READ_ONLY: the library is shown, never changed
        return
    with st.container(border=True):
        upload_col, paste_col = st.columns([3, 2], vertical_alignment="bottom")
        with upload_col:
            files = st.file_uploader(
                "Upload articles (.txt .md .html .pdf .docx)", type=state.UPLOAD_TYPES,
                accept_multiple_files=True, key=keys.UPLOADS)
            results = state.load_uploads(lib, files or [])
        with paste_col, st.expander("…or paste an article's text"), st.form("paste", clear_on_submit=True, border=False):
            title = st.text_input("Title", placeholder="optional")
            text = st.text_area("Text", height=140, max_chars=state.upload_limit())  # bytes checked on reading
            if st.form_submit_button("Add text") and text.strip():
                st.session_state[keys.PASTED] = state.load_one(lib, "pasted text", text.encode("utf-8"),
                                                               title=title or "Pasted text")
        if (pasted := st.session_state.get(keys.PASTED)) is not None:
            # Shown until the next paste; its text is gone from the form, so a failed store
            # keeps the parse and is tried again like an upload's.
            pasted = st.session_state[keys.PASTED] = state.retry(lib, pasted)
            results.append(pasted)
        state.show_results(results)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def fly_to_pick() -> None:
    """Selecting a place in the list pans the map there without rebuilding it."""
    place_id = st.session_state.get(keys.PLACE_PICK)
    lib = st.session_state.get(keys.LIBRARY)
    place = next((e.place for e in lib.place_mentions() if e.place.id == place_id), None) if lib else None
    if place:
        st.session_state[keys.FLY_TO] = (place.lat, place.lon, 8)


def legend() -> None:
    dots = "".join(
        f"<span style='margin-right:1em;white-space:nowrap'><span style='display:inline-block;width:.8em;"
        f"height:.8em;border-radius:50%;background:{colour};margin-right:.3em'></span>{label}</span>"
        for label, colour, _features in CATEGORIES.values())
    st.html(f"<div style='font-size:.85em;color:#555'>{dots} · number = mentions</div>")


def new_click(out: dict) -> bool:
    """Whether the map reports a click not handled yet (each rerun repeats the last one)."""
    click = (out.get("last_object_clicked_count"), str(out.get("last_object_clicked")), out.get("last_object_clicked_tooltip"))
    if not out.get("last_object_clicked") or click == st.session_state.get(keys.LAST_CLICK):
        return False
    st.session_state[keys.LAST_CLICK] = click
    return True


def remember_click(out: dict, places) -> None:
    if new_click(out):
        place = find_place(places, out.get("last_object_clicked_tooltip"), out.get("last_object_clicked"))
        if place:
            st.session_state[keys.PLACE_PICK] = place.id


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


FLY_TRIES = "fly_tries"  # runs that have asked the map for FLY_TO's view (see fly_args)


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


def follow_library(lib, version: int) -> None:
    """A correction made in the panel changes the library: the filters, the table and this
    fragment's own arguments were read before it, so the whole page runs again."""
    if lib.version != version:
        st.rerun(scope="app")


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


RETURNED = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count", "all_drawings",
            "bounds", "center", "zoom"]


def show_map(m) -> dict:
    """The map in the page, clicks reported at once, a requested view applied; what it reports."""
    ImmediateClick().add_to(m)
    fly = st.session_state.get(keys.FLY_TO)
    out = st_folium(m, key="events_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=RETURNED,
                    **fly_args(fly)) or {}
    landed(out, fly)
    return out


def remember_map(out: dict, in_view: bool) -> None:
    """What the map reports besides clicks: a drawn shape, the view (for the URL), the bounds."""
    remember_drawing(out)
    url.remember_view(out.get("center"), out.get("zoom"))
    remember_bounds(out, in_view)


@st.fragment
@guard.guarded  # a fragment reruns alone: it needs its own outage guard
def map_and_panel(map_events, titles: dict[str, str], n_articles: int, shape, in_view: bool, version: int) -> None:
    """The map and the place panel: a click on a marker reruns only this, not the uploads, the
    sidebar and the table (1 s -> well under 0.3 s on the seed)."""
    lib = state.library()
    follow_library(lib, version)
    places = [g.place for g in group_by_place(map_events)]
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        out = show_map(build_map(map_events, basemap=state.current_basemap(), titles=titles, drawn=shape,
                                 local_assets=state.local_assets_ready(), user_set=user_set_ids(lib, map_events)))
        legend()
    remember_click(out, places)
    remember_map(out, in_view)

    with panel_col:
        url.share_link()  # here, not by the title: the fragment keeps the link current after each click
        ids = [p.id for p in places]
        if st.session_state.get(keys.PLACE_PICK) not in ids:
            st.session_state[keys.PLACE_PICK] = None
        names = {p.id: p.name for p in places}
        pick = st.selectbox("Place", ids, key=keys.PLACE_PICK, on_change=fly_to_pick, index=None,
                            format_func=lambda i: names.get(i, i), placeholder="Click a marker, or choose a place…")
        if pick:
            place_panel(next(p for p in places if p.id == pick), [e for e in map_events if e.place.id == pick],
                        lib, titles)
        else:
            shown = len({e.doc_id for e in map_events})
            st.info(f"{plural(len(places), 'place')} in {plural(shown, 'article')}"
                    + (f" (of {n_articles})" if shown < n_articles else "") + ". "
                    "Click a marker to read the sentences that mention it.")
    url.write()


@st.fragment
@guard.guarded  # a fragment reruns alone: it needs its own outage guard
def events_map_and_panel(shown: list[Event], titles: dict[str, str], n_articles: int, shape, in_view: bool,
                         version: int) -> None:
    """Reported events: the map and the event panel, rerun alone on a click like the places view."""
    lib = state.library()
    follow_library(lib, version)
    keys_ = event_keys(shown)
    by_key = dict(zip(keys_, shown))
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        countries = {e.place.country: country_name(e.place.country) for e in shown if e.place}
        out = show_map(build_event_map(shown, titles=titles, basemap=state.current_basemap(), drawn=shape,
                                       local_assets=state.local_assets_ready(), country_names=countries))
        event_legend(shown)
    if new_click(out) and (key := find_event(keys_, out.get("last_object_clicked_tooltip"))):
        st.session_state[keys.EVENT_PICK] = key
    remember_map(out, in_view)

    with panel_col:
        url.share_link()
        if st.session_state.get(keys.EVENT_PICK) not in by_key:
            st.session_state[keys.EVENT_PICK] = None
        pick = st.selectbox("Event", keys_, key=keys.EVENT_PICK, index=None, on_change=fly_to_event,
                            format_func=lambda k: describe_event(by_key[k]) if k in by_key else k,
                            placeholder="Click a marker, or choose an event…")
        if pick:
            event_panel(by_key[pick], lib, titles)
        else:
            placed = sum(1 for e in shown if e.place)
            docs = len({e.doc_id for e in shown})
            st.info(f"{plural(len(shown), 'reported event')} in {plural(docs, 'article')}"
                    + (f" (of {n_articles})" if docs < n_articles else "")
                    + (f"; {len(shown) - placed} name no place and are only in the table" if placed < len(shown) else "")
                    + ". Click a marker to read what happened. Statements and analysis are not events: "
                    "switch to “Places mentioned” to see every place the articles name.")
    url.write()


def fly_to_event() -> None:
    """Choosing an event in the list pans the map to it."""
    key = st.session_state.get(keys.EVENT_PICK)
    lib = st.session_state.get(keys.LIBRARY)
    if not key or lib is None:
        return
    events = lib.events()
    found = dict(zip(event_keys(events), events)).get(key)
    if found is not None and found.place is not None:
        st.session_state[keys.FLY_TO] = (found.place.lat, found.place.lon, 9)


def event_legend(shown: list[Event]) -> None:
    present = {e.type for e in shown}
    items = "".join(
        f"<span style='margin-right:1em;white-space:nowrap'><span style='display:inline-block;width:1.3em;height:1.3em;"
        f"border-radius:50%;background:{colour};color:#fff;text-align:center;line-height:1.3em;margin-right:.3em'>"
        f"{glyph}</span>{escape(kind)}</span>"
        for kind, (glyph, colour) in TYPE_STYLE.items() if kind in present)
    st.html(f"<div style='font-size:.85em;color:#555'>{items or 'No reported events in view.'} · ✈ air/drone strike</div>")


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
    st.title("Places in the news")
    if seed_error := st.session_state.get(keys.SEED_ERROR):
        st.warning(plain(seed_error))
    if not assets_report.ok:
        st.warning("Offline map files are missing: " + "; ".join(assets_report.missing))
    add_articles(lib)
    show_toast()
    if map_at_scale.serves(lib):  # too many events to read whole: counted, drawn and paged in SQL
        map_at_scale.events_page(lib)
        return

    mentions, titles = lib.place_mentions(), lib.titles()
    reported = lib.events()
    state.settle_library()
    articles = {a.id: a for a in lib.articles()}
    shape = st.session_state.get(keys.SHAPE)
    if not st.session_state.get(keys.DEMONYMS):  # "Russian troops" is no place on the map unless asked for
        mentions = [e for e in mentions if e.mention.label != "DEMONYM"]  # before the counts, so they agree
    choice = filter_sidebar(mentions, titles, articles, has_shape=bool(shape), reported=reported)
    spatial = dataclasses.replace(choice.attributes, shape=shape if choice.in_shape else None)
    in_view = bbox_from_bounds(st.session_state.get(keys.MAP_BOUNDS)) if choice.in_view else None

    if choice.mode == "events":
        shown = spatial.apply_events(reported, articles)
        events_map_and_panel(shown, titles, len(articles), shape, choice.in_view, lib.version)
        table = EventFilter(bbox=in_view).apply_events(shown) if in_view else shown
        st.subheader(f"Reported events ({len(table)})")
        st.dataframe([{k: (None if row[k] == "" and k in NUMBERS else english(k, row[k])) for k in EVENT_TABLE_COLUMNS}
                      for row in (event_row(e, titles, SHOWN) for e in table)],
                     width="stretch", hide_index=True,
                     column_config={"notes": st.column_config.TextColumn("sentence", width="large")})
        downloads(table, titles, events=True)
    else:
        map_events = spatial.apply(mentions, articles)
        map_and_panel(map_events, titles, len(articles), shape, choice.in_view, lib.version)
        table_events = by_bbox(map_events, in_view) if in_view else map_events
        st.subheader(f"Places mentioned ({len(table_events)})")
        st.dataframe([{k: english(k, row[k]) for k in TABLE_COLUMNS} for row in event_rows(table_events, titles, SHOWN)],
                     width="stretch", hide_index=True,
                     column_config={"sentence": st.column_config.TextColumn(width="large"),
                                    "score": st.column_config.NumberColumn(format="%.2f")})
        downloads(table_events, titles)
    url.write()


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
