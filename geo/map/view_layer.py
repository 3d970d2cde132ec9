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
from geo.gazetteer.areas import country_name
from geo.map.basemap import GEONAMES_ATTRIBUTION, Basemap
from geo.map.event_layer import event_keys, marker, popup_html
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
    # Loads markercluster once, with the map: a view's events may need it long after it opened.
    PlaceLayer([], [], cluster=True, local_assets=local_assets).add_to(m)
    add_draw(m, drawn, local_assets)
    if view is not None:
        m.location = [view[0], view[1]]
        m.options["zoom"] = int(view[2])
    return m


def view_layer(conn: Connection, ef: Where, view: BBox | None, zoom: float,
               titles: dict[str, str] | None = None, selected: str | None = None) -> ViewLayer:
    """What ``ef`` keeps in ``view`` at ``zoom``: cells, or the events when few enough (or
    zoomed in to MARKER_ZOOM, where the first MAX_MARKERS by date are drawn)."""
    cells = aggregate.grid(conn, ef, view, zoom)
    total = sum(c.count for c in cells)
    layer = folium.FeatureGroup(name="In view", control=False)
    if total > aggregate.MAX_MARKERS and zoom < aggregate.MARKER_ZOOM:
        CellLayer(cells).add_to(layer)
        return ViewLayer(layer, total, cells=cells)
    events = [e for e in aggregate.in_view(conn, ef, view) if e.place is not None]
    keys = event_keys(events)
    titles = titles or {}
    markers = [marker(e, key, popup_html(e, titles.get(e.doc_id, ""), e.place.admin1, country_name(e.place.country)),
                      key == selected) for e, key in zip(events, keys)]
    PlaceLayer(markers, [], cluster=True).add_to(layer)
    return ViewLayer(layer, total, events=events, keys=keys)
