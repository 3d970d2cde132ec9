"""Grid cells on the map: one round marker per cell saying how many events it holds
(geo.map.aggregate.grid). A click on a cell zooms the map into the places it covers, at least one
step, where its events split into smaller cells or show one by one."""

from __future__ import annotations

import math

import folium
from folium.template import Template

from geo.map.aggregate import Cell
from geo.map.elements import RawScript, to_script_json


def short_count(n: int) -> str:
    """12 -> "12", 12345 -> "12k", 1234567 -> "1.2M": what fits in a cell's circle."""
    if n < 10_000:
        return f"{n:,}"
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n / 1e6:.1f}M"


def cell_marker(c: Cell) -> dict:
    size = int(26 + 7 * math.log10(max(c.count, 1)))
    return {"lat": c.lat, "lon": c.lon, "n": c.count, "label": short_count(c.count), "size": size,
            "box": [[c.south, c.west], [c.north, c.east]],
            "title": f"{c.count:,} events at {c.places:,} place{'s' if c.places != 1 else ''}: click to zoom in"}


class CellLayer(folium.MacroElement):
    """Cells as DivIcon markers in their parent layer (a FeatureGroup that streamlit-folium
    swaps on every new view, so the map itself is never rebuilt)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var layer = {{ this._parent.get_name() }};
            var cells = {{ this.payload }};
            var most = Math.max.apply(null, cells.map(function(c) { return c.n; }).concat([1]));
            cells.forEach(function(c) {
                // Busier cells darker, so the eye finds the fighting before reading a number.
                var shade = 0.45 + 0.5 * Math.log(1 + c.n) / Math.log(1 + most);
                var html = "<div style='width:" + c.size + "px;height:" + c.size + "px;border-radius:50%;"
                    + "background:rgba(160,30,30," + shade.toFixed(2) + ");border:2px solid #fff;box-sizing:border-box;"
                    + "color:#fff;font:bold 11px/" + (c.size - 4) + "px sans-serif;text-align:center;"
                    + "box-shadow:0 1px 4px rgba(0,0,0,.5)'>" + c.label + "</div>";
                var marker = L.marker([c.lat, c.lon], {title: c.title, alt: c.title, riseOnHover: true,
                    icon: L.divIcon({className: 'geo-cell', html: html, iconSize: [c.size, c.size]})});
                marker.on('click', function() {
                    var map = marker._map, box = L.latLngBounds(c.box), zoom = map.getZoom();
                    var target = Math.min(map.getMaxZoom(), Math.max(zoom + 1, map.getBoundsZoom(box.pad(0.2))));
                    map.setView(box.getCenter(), target, {animate: false});
                });
                layer.addLayer(marker);
            });
            window.geoCells = cells;  // tests and tools read what the layer shows
        })();
        {% endmacro %}
    """)

    def __init__(self, cells: list[Cell]):
        super().__init__()
        self._name = "CellLayer"
        self.payload = to_script_json([cell_marker(c) for c in cells])

    def render(self, **kwargs) -> None:
        # As PlaceLayer's: the cells' JSON, different in every view, is never compiled as a template.
        self.get_root().script.add_child(RawScript(self._template.module.script(self, kwargs)), name=self.get_name())
