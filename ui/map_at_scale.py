"""The map page over a library too large to read whole (GEO_MAP_SQL_ABOVE events, 5,000 by
default; a million is the aim): the sidebar's counts, the map's view, the table's page and the
downloads each come from SQL (geo.map.aggregate), and no list of every event is ever built.

The map is a base map that stays mounted and a layer of what is in the view (geo.map.view_layer):
the bounds and zoom the map reports choose the layer, so a pan reruns this fragment, runs one
grouped query and swaps the layer. Below the threshold the page is app.py's own.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import os

import streamlit as st
from streamlit_folium import st_folium

from geo.map import aggregate
from geo.map.aggregate import Facets, store_filter
from geo.gazetteer.areas import country_name
from geo.map.event_layer import event_keys, find_event
from geo.text.excerpt import SHOWN
from geo.library.export import event_row, events_to_csv, events_to_geojson, events_to_kml
from geo.filters import EventFilter, bbox_from_bounds, polygons_of
from geo.map.click import ImmediateClick
from geo.map.view_layer import base_map, layer_of, view_data, zoom_for
from ui import guard, keys, state, url
from ui.answers import answer, facets
from ui.event_panel import event_panel
from ui.event_view import MAP_SHARE
from ui.feed import feed
from ui.map_frame import new_click
from ui.sidebar import FilterChoice, filter_sidebar, nothing_chosen
from ui.timeline import timeline

MAP_KEY, BASE, TABLE_PAGE = keys.SCALE_MAP, keys.SCALE_BASE, keys.SCALE_TABLE_PAGE
PAGE_ROWS = 100
FEED_ROWS = 20  # the feed's lines, the newest in view: each a radio option with Markdown, redrawn on every pan
EXPORT_LIMIT = 20_000  # events a download writes at most (newest first): a file, not the library
MAP_HEIGHT = 560
RETURNED = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count", "all_drawings",
            "bounds", "center", "zoom"]
TABLE_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                 "country", "fatalities", "injured", "notes", "source"]


def threshold() -> int:
    return int(os.environ.get("GEO_MAP_SQL_ABOVE", "5000"))


def serves(lib) -> bool:
    """Whether the library is one to show through SQL: stored, and holding more events than
    the page would read whole."""
    return getattr(lib, "store", None) is not None and facets(lib).total > threshold()


def events_page(lib) -> None:
    """The sidebar, the map with its feed and panel, the timeline, the table a page at a time, and the downloads."""
    summary = facets(lib)
    titles = lib.titles()
    shape = st.session_state.get(keys.SHAPE)
    held = _hold_below()
    if held and nothing_chosen():
        with st.sidebar:
            st.caption("The filters follow once the map has opened.")
        choice = FilterChoice(EventFilter(), in_view=False, in_shape=False)
    else:
        choice = filter_sidebar([], titles, {}, has_shape=bool(shape), summary=summary)
    f = dataclasses.replace(choice.attributes, shape=shape if choice.in_shape else None)
    map_and_panel(f, titles, summary, choice.in_view, lib.version)
    if held:
        st.caption("The timeline and the table follow once the map has opened.")
        url.write()
        return
    # The timeline follows the filter, not the view: outside the map's fragment, a pan never
    # redraws it (its chart cost the browser a quarter of a second each time). A window chosen
    # on it reruns this whole page already: the fragment's own flag for that is spent here.
    st.session_state.pop(keys.PAGE_RERUN, None)
    undated_window = dataclasses.replace(f, date_from=None, date_to=None)
    timeline(counts=summary.per_day if undated_window == EventFilter() else answer(
        lib, ("per_day", undated_window), lambda conn: aggregate.per_day(conn, store_filter(conn, undated_window))))
    in_view = bbox_from_bounds(st.session_state.get(keys.MAP_BOUNDS)) if choice.in_view else None
    table_and_downloads(lib, dataclasses.replace(f, bbox=in_view), titles, summary.total)
    url.write()


def opening() -> bool:
    """Whether this is a browser's first run of the page, before its map has reported a view. A
    client that is no browser (no User-Agent: streamlit.testing) gets the whole page at once."""
    return not st.session_state.get(keys.SCALE_OPENED) and bool(st.context.headers.get("User-Agent"))


def _hold_below() -> bool:
    """Whether this run leaves the feed, the timeline and the table for the next: the opening
    run. They cost the browser a second or more of its first render (charts, the table's grid,
    twenty radio lines), ahead of the map's own frame; the map's first report (a run it causes
    anyway) brings them. So do the sidebar's filters while none is chosen (a link may choose
    some) and the upload box (app.py): every kind of widget ahead of the map is a script the
    browser fetches before the map's own (the frame came 0.9 s later with them, at 1M and a
    load of 8)."""
    if not opening():
        return False
    st.session_state[keys.SCALE_HELD] = True
    return True


def _view_now(extent) -> tuple[tuple, float]:
    """The bounds and zoom the map last reported; before its first report, the base view's."""
    out = st.session_state.get(MAP_KEY) or {}
    box, zoom = bbox_from_bounds(out.get("bounds")), out.get("zoom")
    if box is not None and isinstance(zoom, (int, float)):
        return box, zoom
    lat, lon, zoom = _base()[1] or _fit(extent)
    half_w, half_h = 180 / 2 ** zoom * 1.6, 90 / 2 ** zoom * 1.2
    return (max(-90, lat - half_h), max(-180, lon - half_w), min(90, lat + half_h), min(180, lon + half_w)), zoom


def _fit(extent) -> tuple[float, float, int]:
    if extent is None:
        return 30.0, 20.0, 2
    south, west, north, east = extent
    return (south + north) / 2, (west + east) / 2, zoom_for(extent)


def _base() -> tuple:
    """The base map's shape and view, kept while the shape stays: a new base map re-mounts the
    map, so it opens where the user was (or where a link said)."""
    shape = json.dumps(st.session_state.get(keys.SHAPE), sort_keys=True)
    base = st.session_state.get(BASE)
    if base is None or base[0] != shape:
        view = st.session_state.get(keys.MAP_VIEW)
        base = st.session_state[BASE] = (shape, (view["lat"], view["lon"], view["zoom"]) if view else None)
    return base


@st.fragment
@guard.guarded  # a fragment reruns alone: it needs its own outage guard
def map_and_panel(f: EventFilter, titles: dict[str, str], summary: Facets, in_view: bool, version: int) -> None:
    """The map; beside it the feed of the newest events in view and the chosen event. The map
    is drawn first: a pan's new layer leaves before the feed is read."""
    lib = state.library()
    if lib.version != version:
        st.rerun(scope="app")
    reported = st.session_state.get(MAP_KEY) or {}
    if st.session_state.get(keys.SCALE_HELD) and reported.get("bounds") and reported.get("center"):
        _remember(reported, in_view)  # the map's first report: the whole page now, not this map drawn first
    base = _base()
    box, zoom = _view_now(summary.extent)
    # Unfiltered, the cells come from the sidebar's counts per place: a pan asks the database nothing.
    every = summary.places if f == EventFilter() and summary.places else None
    data = answer(lib, ("view", f, box, zoom), lambda conn: view_data(conn, store_filter(conn, f), box, zoom, every))
    shown = layer_of(data, st.session_state.get(keys.EVENT_PICK))
    map_col, side_col = st.columns(MAP_SHARE, gap="small")
    with map_col:
        m = base_map(state.current_basemap(), st.session_state.get(keys.SHAPE), base[1] or _fit(summary.extent),
                     state.local_assets_ready())
        ImmediateClick(moves=True).add_to(m)
        out = st_folium(m, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True, returned_objects=RETURNED,
                        feature_group_to_add=shown.layer, **_fly()) or {}
        st.caption(_what_is_shown(shown))
    by_key = dict(zip(shown.keys, shown.events))
    if new_click(out) and (key := find_event(shown.keys, out.get("last_object_clicked_tooltip"))):
        st.session_state[keys.EVENT_PICK] = key
        st.session_state[keys.FEED_FROM_MAP] = True
    _remember(out, in_view)
    with side_col:
        if st.session_state.get(keys.SCALE_HELD):
            st.caption("The newest events in view follow once the map has opened.")
            return
        newest = answer(lib, ("feed", f, box), lambda conn: aggregate.newest_in_view(
            conn, store_filter(conn, f), box, FEED_ROWS, shown.in_view / max(summary.total, 1))) if shown.in_view else []
        lines = dict(zip(event_keys(newest), newest))
        if (pick := st.session_state.get(keys.EVENT_PICK)) in by_key:
            lines.setdefault(pick, by_key[pick])  # a marker clicked: its line, even if older than the feed's
        by_key.update(lines)
        pick = feed(lines, functools.partial(_fly_to_pick, by_key), total=shown.in_view)
        if pick:
            event_panel(by_key[pick], lib, titles)
        elif shown.cells:
            st.info("Zoomed out, the map counts the events in squares of the map: click one to zoom into it. "
                    f"Events show one by one once {aggregate.MAX_MARKERS:,} or fewer are in view; click one, "
                    "or a line above, to read what happened.")
        else:
            st.info("Click a marker, or a line above, to read what happened.")
        url.share_link()
    url.write()


def _what_is_shown(shown) -> str:
    if shown.cells:
        return (f"{shown.in_view:,} events in view, counted in {len(shown.cells):,} squares. "
                "Click a square to zoom into it.")
    if shown.capped:
        return (f"The first {len(shown.events):,} of {shown.in_view:,} events in view, by date: "
                "narrow the dates or the types to see the others.")
    return f"{len(shown.events):,} events in view."


def _remember(out: dict, in_view: bool) -> None:
    """A drawn shape (the whole page follows it), the view for the URL, the bounds for the table."""
    drawings = out.get("all_drawings")
    if drawings is not None and drawings != st.session_state.get(keys.LAST_DRAWINGS):
        st.session_state[keys.LAST_DRAWINGS] = drawings
        polygons = [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": rings}}
                    for rings in polygons_of(drawings)]
        new_shape = {"type": "FeatureCollection", "features": polygons} if polygons else None
        if new_shape != st.session_state.get(keys.SHAPE):
            st.session_state[keys.SHAPE] = new_shape
            st.session_state[keys.SHAPE_DRAWN] = bool(new_shape)
            st.rerun(scope="app")
    url.remember_view(out.get("center"), out.get("zoom"))
    bounds = out.get("bounds")
    # The map's own report has a center; the value st_folium returns before it (its default)
    # has bounds of its own making but none.
    if bounds and out.get("center") and not st.session_state.get(keys.SCALE_OPENED):
        st.session_state[keys.SCALE_OPENED] = True
        if st.session_state.pop(keys.SCALE_HELD, False):  # the map has opened: now the rest of the page
            st.session_state[keys.MAP_BOUNDS] = bounds
            st.rerun(scope="app")
    if bounds and bounds != st.session_state.get(keys.MAP_BOUNDS):
        st.session_state[keys.MAP_BOUNDS] = bounds
        if in_view:
            st.rerun(scope="app")


def _fly_to_pick(by_key: dict) -> None:
    found = by_key.get(st.session_state.get(keys.EVENT_PICK))
    if found is not None and found.place is not None:
        st.session_state[keys.FLY_TO] = (found.place.lat, found.place.lon, max(aggregate.MARKER_ZOOM, 9))


def _fly() -> dict:
    """center/zoom for st_folium while a requested view is pending (see app.fly_args: the
    component applies a center only when it differs from the last, so each run nudges it)."""
    fly = st.session_state.get(keys.FLY_TO)
    if not fly:
        return {}
    out = st.session_state.get(MAP_KEY) or {}
    center = out.get("center") or {}
    if out.get("zoom") == fly[2] and abs(center.get("lat", 1e9) - fly[0]) < 0.05 and abs(center.get("lng", 1e9) - fly[1]) < 0.05:
        st.session_state.pop(keys.FLY_TO, None)
        return {}
    tries = st.session_state[keys.SCALE_FLY_TRIES] = st.session_state.get(keys.SCALE_FLY_TRIES, 0) + 1
    if tries > 6:
        st.session_state.pop(keys.FLY_TO, None)
        st.session_state[keys.SCALE_FLY_TRIES] = 0
    return {"center": [fly[0] + tries * 1e-7, fly[1]], "zoom": int(fly[2]) + tries * 1e-6}


def table_and_downloads(lib, f: EventFilter, titles: dict[str, str], every: int | None = None) -> None:
    """The events the filter keeps, newest first, PAGE_ROWS at a time; the downloads write the
    first EXPORT_LIMIT of them, when clicked. ``every``: the library's events, the count of an
    empty filter (counting them again took 0.1-0.3 s at a million)."""
    with lib.store._read() as conn:  # noqa: SLF001
        ef = store_filter(conn, f)
        total = every if every is not None and f == EventFilter() else aggregate.count(conn, ef)
    st.subheader(f"Events ({total:,})")
    pages = max(1, math.ceil(total / PAGE_ROWS))
    if st.session_state.get(TABLE_PAGE, 1) > pages:
        st.session_state[TABLE_PAGE] = pages
    number = st.number_input(f"Page (of {pages:,}, {PAGE_ROWS} events each, newest first)", 1, pages,
                             key=TABLE_PAGE)
    with lib.store._read() as conn:  # noqa: SLF001
        rows = aggregate.page(conn, ef, int(number) - 1, PAGE_ROWS)
    st.dataframe([{k: _cell(k, row[k]) for k in TABLE_COLUMNS} for row in (event_row(e, titles, SHOWN) for e in rows)],
                 width="stretch", hide_index=True,
                 column_config={"notes": st.column_config.TextColumn("sentence", width="large"),
                                **{k: st.column_config.TextColumn(alignment="right") for k in ("fatalities", "injured")}})

    def first():
        with lib.store._read() as conn:  # noqa: SLF001
            return aggregate.first(conn, ef, EXPORT_LIMIT)

    note = f" (the newest {EXPORT_LIMIT:,} of {total:,})" if total > EXPORT_LIMIT else ""
    cols = st.columns(3)
    for col, (label, write, name, mime, key) in zip(cols, [
            ("GeoJSON", events_to_geojson, "events.geojson", "application/geo+json", keys.DL_GEOJSON),
            ("CSV", events_to_csv, "events.csv", "text/csv", keys.DL_CSV),
            ("KML", events_to_kml, "events.kml", "application/vnd.google-earth.kml+xml", keys.DL_KML)]):
        col.download_button(f"Download {label}{note}", lambda write=write: write(first(), titles), name, mime,
                            width="stretch", key=key)


def _cell(column: str, value):
    """As app.py's table: a toll not stated is an empty cell (text, not Streamlit's "None"),
    countries by English name."""
    if column in ("fatalities", "injured"):
        return str(value)
    return country_name(value) if column == "country" and value else value
