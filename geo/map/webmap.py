"""The folium maps of the dashboard: events by place, and gazetteer candidates for a name.

One marker per place, coloured by feature type, sized and labelled by mention count, clustered
wherever markers would overlap (spiderfied when they share a spot); rivers drawn as lines and
regions outlined when the gazetteer has their geometry; a draw tool (rectangle, polygon) for
filtering by area. Runs with no network when `geo assets` has installed the local Leaflet copies,
tiles and vector layers (geo.map.layers: English labels, borders, rivers over the offline basemap).
"""

from __future__ import annotations

import math
from typing import Any, Iterable

import folium

from geo.map.basemap import GEONAMES_ATTRIBUTION, Basemap
from geo.filters import PlaceEvents, group_by_place
from geo.map.elements import PlaceLayer, add_draw, new_map
from geo.map.legend import MapLegend
from geo.map.popups import as_written, candidate_popup, escape, popup_html
from geo.types import PlaceMention, Place

# Category -> (legend label, colour, features). Five colours are easy to learn; features are from geo.types.
CATEGORIES = {
    "populated": ("Town / city", "#d62728", ("city",)),
    "admin": ("Country / region", "#6a3d9a", ("country", "region", "district", "historical_region", "continent")),
    "water": ("Water", "#1f78b4", ("river", "lake", "reservoir", "sea", "strait", "gulf")),
    "built": ("Infrastructure", "#e66100", ("dam", "power_plant", "bridge", "port", "airport", "industrial")),
    "natural": ("Island / landmark", "#2b8a3e", ("island", "mountain", "landmark")),
}
_COLOUR = {f: colour for _label, colour, feats in CATEGORIES.values() for f in feats}
OTHER_COLOUR = "#555555"
CLUSTER_ABOVE = 0  # markers; beyond this count overlapping ones cluster (0: always, so none hides another)
ID_MARK = "\u2063"  # invisible separator: a marker's tooltip text ends with it and the place id
SHAPE_TYPES = {"LineString", "MultiLineString", "Polygon", "MultiPolygon"}
AREA_FEATURES = set(CATEGORIES["admin"][2])  # drawn beneath point features where they overlap
CONTEXT_FEATURES = {"country", "continent"}  # too big to frame the map around
USER_SET = " (user-set)"  # after the tooltip of a place a user chose; the title stays the plain name


def feature_colour(feature: str) -> str:
    return _COLOUR.get(feature, OTHER_COLOUR)


def marker_size(count: int) -> int:
    return min(44, 22 + round(6 * math.log2(max(count, 1))))


def marker_data(place: Place, label: str, size: int, popup: str, selected: bool = False,
                offset: tuple[int, int] = (0, 0), user_set: bool = False) -> dict[str, Any]:
    """What PlaceLayer draws for one place; the icon HTML is built in the browser from these.

    The tooltip ends with the place id in a hidden span: streamlit-folium reports the clicked
    marker's tooltip text, so a click names its place exactly, whatever the visible text says.
    """
    tooltip = escape(place.name) + (USER_SET if user_set else "") + _hidden_id(place)
    return {"lat": place.lat, "lon": place.lon, "size": size, "color": feature_colour(place.feature),
            "label": escape(label), "title": place.name, "tooltip": tooltip, "popup": popup,
            "selected": selected, "dx": offset[0], "dy": offset[1], "below": place.feature in AREA_FEATURES}


def _hidden_id(place: Place) -> str:
    return f"<span hidden>{ID_MARK}{escape(place.id)}</span>"


def spread(places: list[Place], tolerance: float = 0.05, radius: int = 28) -> dict[str, tuple[int, int]]:
    """Pixel offsets for regions and countries that share a spot with other places.

    A region's or country's point is often its capital's (Kherson Oblast on Kherson): the area's
    marker (never clustered) moves aside so the town keeps its true spot. Towns sharing a spot are
    left to the clusterer, which spiderfies them. Offsets are in screen pixels: they hold at any zoom.
    """
    cells: dict[tuple[int, int], list[Place]] = {}
    for p in places:
        cells.setdefault((round(p.lat / tolerance), round(p.lon / tolerance)), []).append(p)
    offsets: dict[str, tuple[int, int]] = {}
    for group in cells.values():
        areas = [p for p in group if p.feature in AREA_FEATURES]
        if len(group) < 2 or not areas:
            continue
        ring = areas if len(areas) < len(group) else group  # around the point feature, or each other
        r = radius + 3 * len(ring)
        for i, p in enumerate(ring):
            angle = math.pi + 2 * math.pi * i / max(len(ring), 2)  # first one to the left
            offsets[p.id] = (round(r * math.cos(angle)), round(r * math.sin(angle)))
    return offsets


def shape_data(place: Place) -> dict[str, Any] | None:
    """A river's line or an area's outline; areas thin and dashed so they frame rather than cover."""
    geometry = place.geometry
    if not geometry or geometry.get("type") not in SHAPE_TYPES:
        return None
    style = {"color": feature_colour(place.feature), "weight": 3, "opacity": 0.8, "fillOpacity": 0.06}
    if place.feature in AREA_FEATURES:
        style.update(weight=1.5, opacity=0.6, dashArray="5 4", fillOpacity=0.03)
    return {"geometry": geometry, "tooltip": escape(place.name) + _hidden_id(place), "style": style}


def is_selected(place: Place, selected: str | None) -> bool:
    return selected is not None and selected in (place.id, place.name)


def fit_box(places: list[Place]) -> list[list[float]] | None:
    if not places:
        return None
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _fit(m: folium.Map, places: list[Place], chosen: list[Place], view: tuple[float, float, float] | None = None) -> None:
    """Frame the selected place, else the places events happen in: a country named in passing
    ("Russian troops") would otherwise zoom the map out to half the globe. A `view` (lat, lon,
    zoom) given instead is kept: a map rebuilt after a correction stays where the user was."""
    if view:
        m.location, m.options["zoom"] = [view[0], view[1]], int(view[2])
        return
    local = [p for p in places if p.feature not in CONTEXT_FEATURES]
    box = fit_box(chosen or local or places)
    if box:
        m.fit_bounds(box, padding=(50, 50), max_zoom=8 if chosen else 7)  # clear of the controls


def build_map(
    mentions: list[PlaceMention],
    *,
    selected: str | None = None,
    basemap: Basemap | None = None,
    titles: dict[str, str] | None = None,
    drawn: dict | list | None = None,
    draw: bool = True,
    local_assets: bool = True,
    cluster_above: int = CLUSTER_ABOVE,
    user_set: Iterable[str] = (),
    view: tuple[float, float, float] | None = None,
) -> folium.Map:
    """Map of events, one marker per place. `selected` (place id or name) gets a dark ring and the view.

    `basemap` None gives no background (tests); `drawn` is a saved shape to show in the draw layer;
    `local_assets` False falls back to folium's CDN links; `user_set`: ids of places a user chose;
    `view` (lat, lon, zoom): open there instead of framing the places.
    """
    user_set = set(user_set)
    groups: list[PlaceEvents] = group_by_place(mentions)
    m = new_map(basemap, GEONAMES_ATTRIBUTION, local_assets)
    offsets = spread([g.place for g in groups])
    markers = [
        marker_data(g.place, str(g.count), marker_size(g.count), popup_html(g, titles, user_set=g.place.id in user_set),
                    is_selected(g.place, selected), offsets.get(g.place.id, (0, 0)), g.place.id in user_set)
        for g in groups
    ]
    for g, marker in zip(groups, markers):  # the name as the article spells it, the gazetteer's beside it
        marker["tooltip"] = marker["tooltip"].replace(escape(g.place.name), escape(as_written(g.place, g.events)), 1)
    shapes = [s for g in groups if (s := shape_data(g.place))]
    PlaceLayer(markers, shapes, cluster=len(markers) > cluster_above, local_assets=local_assets).add_to(m)
    MapLegend([(label, colour, "") for key, (label, colour, _f) in CATEGORIES.items()
               if any(m_["color"] == colour for m_ in markers)], "number = place mentions").add_to(m)
    if draw:
        add_draw(m, drawn, local_assets)
    places = [g.place for g in groups]
    _fit(m, places, [p for p in places if is_selected(p, selected)], view)
    return m


def build_place_map(
    places: list[Place], *, selected: str | None = None, basemap: Basemap | None = None, local_assets: bool = True
) -> folium.Map:
    """Gazetteer candidates for a name, labelled by rank (1 = best)."""
    m = new_map(basemap, GEONAMES_ATTRIBUTION, local_assets)
    offsets = spread(places)
    markers = [marker_data(p, str(i), 24, candidate_popup(p, i), is_selected(p, selected), offsets.get(p.id, (0, 0)))
               for i, p in enumerate(places, 1)]
    shapes = [s for p in places if (s := shape_data(p))]
    PlaceLayer(markers, shapes, cluster=len(markers) > CLUSTER_ABOVE, local_assets=local_assets).add_to(m)
    _fit(m, places, [p for p in places if is_selected(p, selected)])
    return m


def find_place(places: Iterable[Place], tooltip: str | None, latlng: dict | None) -> Place | None:
    """Which place a map click meant: the one named like the clicked tooltip, nearest the click.

    Tooltips end with the place id (see marker_data), which decides when present. Marker clicks
    report the marker's own position; a click on a river reports where on the line.
    """
    places = list({p.id: p for p in places}.values())
    name, _mark, place_id = (tooltip or "").partition(ID_MARK)
    if place_id and (exact := next((p for p in places if p.id == place_id.strip()), None)):
        return exact
    name = name.strip().removesuffix(USER_SET.strip()).strip()
    named = [p for p in places if name and p.name == name]
    if latlng is None or latlng.get("lat") is None:
        return named[0] if len(named) == 1 else None
    lat, lng = float(latlng["lat"]), float(latlng["lng"])

    def dist(p: Place) -> float:
        return (p.lat - lat) ** 2 + (p.lon - lng) ** 2

    if named:
        return min(named, key=dist)
    nearest = min(places, key=dist, default=None)
    return nearest if nearest is not None and dist(nearest) < 1e-8 else None
