"""The legend on the map: only the kinds of marker the map shows, each with its colour (and
glyph), in a corner of the map rather than under it. Folds to a button on a phone-sized map."""

from __future__ import annotations

import folium
from folium.template import Template

from geo.map.elements import to_script_json
from geo.map.popups import escape


class MapLegend(folium.MacroElement):
    """`items` are (label, colour, glyph); labels are escaped here, colours are ours."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var cfg = {{ this.payload }};
            if (!cfg.html) { return; }
            var Legend = L.Control.extend({options: {position: 'bottomright'}, onAdd: function() {
                var box = L.DomUtil.create('div', 'geo-legend');
                box.style.cssText = 'background:rgba(255,255,255,.92);padding:4px 8px;border-radius:4px;'
                    + 'box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.5 sans-serif;color:#222;max-width:220px';
                box.innerHTML = cfg.html;
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                // Small maps (a phone): the legend is one line until tapped, so it never hides the markers.
                if (map.getSize().x < 520) {
                    box.classList.add('geo-legend-folded');
                    L.DomEvent.on(box, 'click', function() { box.classList.toggle('geo-legend-folded'); });
                }
                return box;
            }});
            var css = document.createElement('style');
            css.textContent = '.geo-legend-folded .geo-legend-row{display:none}.geo-legend-title{font-weight:bold;cursor:default}'
                + '.geo-legend-folded .geo-legend-title{cursor:pointer}'
                // A phone's map keeps its attribution to one line (three lines covered the map).
                + '@media (max-width:520px){.leaflet-control-attribution{max-width:70vw;white-space:nowrap;overflow:hidden;'
                + 'text-overflow:ellipsis;font-size:9px}}';
            document.head.appendChild(css);
            new Legend().addTo(map);
        })();
        {% endmacro %}
    """)

    def __init__(self, items: list[tuple[str, str, str]], note: str = ""):
        super().__init__()
        self._name = "MapLegend"
        rows = "".join(
            "<div class='geo-legend-row' style='white-space:nowrap'><span style='display:inline-block;width:1.35em;"
            f"height:1.35em;border-radius:50%;background:{colour};color:#fff;text-align:center;line-height:1.35em;"
            f"margin-right:.4em;font-size:11px'>{escape(glyph)}</span>{escape(label)}</div>"
            for label, colour, glyph in items)
        note_html = f"<div class='geo-legend-row' style='color:#555'>{escape(note)}</div>" if note and items else ""
        self.payload = to_script_json({"html": f"<div class='geo-legend-title'>Legend</div>{rows}{note_html}" if items else ""})
