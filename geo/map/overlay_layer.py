"""The user's own layers (geo.text.overlays) on a folium map: in a pane of their own, above the
basemap's lines and under the event markers, the mentions' shapes and the labels.

Names and descriptions reach the browser only escaped (geo.map.popups.escape) in one ``tip``
property: Leaflet puts a tooltip in as HTML, and the raw texts are never sent at all.
"""

from __future__ import annotations

from collections.abc import Iterable

import folium

from geo.text.overlays import Overlay
from geo.map.popups import escape

PANE = "geoOverlays"
PANE_Z = 390  # basemap lines 350 < this < mentions' shapes 400 < labels 450 < markers 600
PALETTE = ("#6a3d9a", "#b15928", "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00")
TIP_CHARS = 300


def colour_of(overlay: Overlay) -> str:
    return PALETTE[(overlay.id - 1) % len(PALETTE)]


def tip(overlay: Overlay, props: dict) -> str:
    name, description = props.get("name") or "", props.get("description") or ""
    if len(description) > TIP_CHARS:
        description = description[: TIP_CHARS - 1] + "…"
    head = f"<b>{escape(name)}</b><br>" if name else ""
    body = f"{escape(description)}<br>" if description else ""
    when = f" · {escape(overlay.date)}" if overlay.date else ""
    return f"<div class='geo-overlay-tip' style='max-width:280px;white-space:normal'>{head}{body}" \
           f"<small>{escape(overlay.name)}{when}</small></div>"


def _parts(geometry: dict) -> list[dict]:
    """A collection's geometries one by one (folium's tooltips skip GeometryCollections)."""
    if geometry.get("type") != "GeometryCollection":
        return [geometry]
    return [p for g in geometry.get("geometries", []) for p in _parts(g)]


def drawn(overlay: Overlay, collection: dict) -> dict:
    """The collection as the browser gets it: geometry, colours and the escaped tip only."""
    keep = ("stroke", "stroke-width", "stroke-opacity", "fill", "fill-opacity")
    features = []
    for f in collection.get("features", []):
        props = f.get("properties") or {}
        shown = {"tip": tip(overlay, props), **{k: v for k, v in props.items() if k in keep}}
        features += [{"type": "Feature", "geometry": g, "properties": shown} for g in _parts(f["geometry"])]
    return {"type": "FeatureCollection", "features": features}


def _styler(colour: str):
    def style(feature: dict) -> dict:
        p = feature.get("properties") or {}
        return {"color": p.get("stroke", colour), "weight": p.get("stroke-width", 2.5),
                "opacity": p.get("stroke-opacity", 0.9), "fillColor": p.get("fill", colour),
                "fillOpacity": p.get("fill-opacity", 0.2)}
    return style


def add_overlays(m: folium.Map, layers: Iterable[tuple[Overlay, dict]]) -> int:
    """Draw each (overlay, FeatureCollection) on ``m``, the first lowest; how many were drawn."""
    layers = [(o, c) for o, c in layers if c.get("features")]
    if not layers:
        return 0
    folium.map.CustomPane(PANE, z_index=PANE_Z, pointer_events=True).add_to(m)
    for overlay, collection in layers:
        colour = colour_of(overlay)
        folium.GeoJson(
            drawn(overlay, collection), name=f"overlay-{overlay.id}", style_function=_styler(colour),
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
            marker=folium.CircleMarker(radius=5, fill=True, pane=PANE), control=False, pane=PANE,
            zoom_on_click=False,
        ).add_to(m)
    return len(layers)
