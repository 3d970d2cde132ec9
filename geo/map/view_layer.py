"""The events map of a large library as two parts: a base map that stays put (background, draw
tool, the view it opened on) and a layer of what is in the current view, rebuilt from SQL after
each pan or zoom and swapped in by streamlit-folium without re-mounting the map.

The layer holds grid cells with counts (geo.map.cells) while the view holds more than
geo.map.aggregate.MAX_MARKERS events, else the events themselves as the small map draws them
(geo.map.event_layer markers: glyph, popup, a click reported back by its key).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import folium
from sqlalchemy import Connection

from geo.map import aggregate
from geo.map.aggregate import Cell
from geo.map.basemap import GEONAMES_ATTRIBUTION, Basemap
from geo.map.event_layer import event_keys, marker
from geo.map.cells import CellLayer
from geo.map.elements import PlaceLayer, add_draw, new_map
from geo.store.conditions import Where
from geo.store.query import BBox
from geo.types import Event

MAP_WIDTH_PX = 800  # about the map's width on a laptop: the zoom a box opens at, before the map says


@dataclass
class ViewLayer:
    layer: folium.FeatureGroup
    in_view: int  # events the filter keeps in the view
    cells: list[Cell] = field(default_factory=list)  # when the view shows cells
    events: list[Event] = field(default_factory=list)  # when it shows events (at most MAX_MARKERS)
    keys: list[str] = field(default_factory=list)  # the events' keys (geo.map.event_layer.event_keys)

    @property
    def capped(self) -> bool:
        """More events in view than are drawn (past MARKER_ZOOM, many at one town)."""
        return bool(self.events) and len(self.events) < self.in_view


def zoom_for(box: BBox, width_px: int = MAP_WIDTH_PX) -> int:
    """The Leaflet zoom at which ``box`` about fills a map ``width_px`` wide."""
    south, west, north, east = box
    span = max(east - west if east >= west else east + 360 - west, (north - south) * 1.4, 1e-4)
    return max(1, min(12, int(math.log2(width_px * 360 / 256 / span))))


def base_map(basemap: Basemap | None, drawn, view: tuple[float, float, int] | None, local_assets: bool = True) -> folium.Map:
    """The map without its events, opening on ``view`` (lat, lon, zoom). It is the same map
    for every pan, so streamlit-folium keeps it and swaps only the view's layer."""
    m = new_map(basemap, GEONAMES_ATTRIBUTION, local_assets)
    # No jQuery: nothing on this map calls it (no folium Popup), and the frame loads its scripts
    # one after another, so each one is on the way to the first drawn view.
    m.default_js = [(name, url) for name, url in m.default_js if name != "jquery"]
    # Loads markercluster once, with the map: a view's events may need it long after it opened.
    PlaceLayer([], [], cluster=True, local_assets=local_assets).add_to(m)
    add_draw(m, drawn, local_assets)
    if view is not None:
        m.location = [view[0], view[1]]
        m.options["zoom"] = int(view[2])
    return m


@dataclass(frozen=True)
class ViewData:
    """What a view holds, before any drawing: the part worth keeping for the next visitor of the
    same view (a new visitor's first view, a click that reruns the map without moving it)."""

    in_view: int
    cells: tuple[Cell, ...] = ()
    events: tuple[Event, ...] = ()


def view_data(conn: Connection, ef: Where, view: BBox | None, zoom: float, per_place: dict | None = None) -> ViewData:
    """What ``ef`` keeps in ``view`` at ``zoom``: cells, or the events when few enough (or
    zoomed in to MARKER_ZOOM, where the first MAX_MARKERS by date are drawn). ``per_place``:
    the events of each place when ``ef`` keeps every event (Facets.places), counted without a query."""
    cells = aggregate.grid(conn, ef, view, zoom) if per_place is None else aggregate.cells_of(per_place, view, zoom)
    total = sum(c.count for c in cells)
    if total > aggregate.MAX_MARKERS and zoom < aggregate.MARKER_ZOOM:
        return ViewData(total, cells=tuple(cells))
    return ViewData(total, events=tuple(e for e in aggregate.in_view(conn, ef, view) if e.place is not None))


def layer_of(data: ViewData, selected: str | None = None) -> ViewLayer:
    """The layer drawing ``data``. Markers carry no popup: a click opens the event in the panel
    beside the map (its sentence, its article), and a popup per marker was most of a layer's
    bytes (2 KB each, 0.75 MB for 333 events, seconds of the browser's time on each pan)."""
    layer = folium.FeatureGroup(name="In view", control=False)
    if data.cells:
        CellLayer(list(data.cells)).add_to(layer)
        return ViewLayer(layer, data.in_view, cells=list(data.cells))
    events = list(data.events)
    keys = event_keys(events)
    PlaceLayer([marker(e, key, "", key == selected) for e, key in zip(events, keys)], [], cluster=True,
               noun="events").add_to(layer)
    return ViewLayer(layer, data.in_view, events=events, keys=keys)


def view_layer(conn: Connection, ef: Where, view: BBox | None, zoom: float,
               selected: str | None = None) -> ViewLayer:
    return layer_of(view_data(conn, ef, view, zoom), selected)
