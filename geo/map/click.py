"""Report a click on a map object to Python at once, not 250 ms later.

streamlit-folium sends the map's state through a 250 ms debounce, so every marker click waited a
quarter of a second before the server heard of it: more than the whole budget of a click that
should show its sentences in under 300 ms. This element sends the same message the component
would (the same fields, filtered to its returned objects) as soon as its own click handler has
recorded the click, and marks it as sent, so the debounced report that follows is a no-op.

With ``moves=True`` a moved view is reported at once too: the map at scale draws each view from
SQL, and the debounce was a quarter of a second of every pan (a pan's "moveend" comes once, at
its end, so reporting it at once adds no reruns; the draw of a new layer moves nothing).
"""

from __future__ import annotations

import folium
from folium.template import Template


class ImmediateClick(folium.MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var seen = null;
            function report(moved) {
                var g = window.__GLOBAL_DATA__;
                if (!g || (!moved && g.last_object_clicked_count === seen)) { return; }
                seen = g.last_object_clicked_count;
                var c = map.getCenter();
                var all = {last_clicked: g.lat_lng_clicked, last_object_clicked: g.last_object_clicked,
                    last_object_clicked_count: g.last_object_clicked_count,
                    last_object_clicked_tooltip: g.last_object_clicked_tooltip,
                    last_object_clicked_popup: g.last_object_clicked_popup, all_drawings: g.all_drawings,
                    last_active_drawing: g.last_active_drawing, last_geocoder_result: g.last_geocoder_result,
                    bounds: map.getBounds(), zoom: map.getZoom(), last_circle_radius: g.last_circle_radius,
                    last_circle_polygon: g.last_circle_polygon, center: c,
                    selected_layers: Object.values(g.selected_layers || {}), selected_tags: g.selected_tags};
                var value = {};
                Object.keys(all).forEach(function(k) {
                    if (!g.returned_objects || g.returned_objects.indexOf(k) >= 0) { value[k] = all[k]; }
                });
                // The component compares JSON with its last report: keep that in step so it does not resend.
                value = JSON.parse(JSON.stringify(value));
                if (JSON.stringify(value) === JSON.stringify(g.previous_data)) { return; }
                g.previous_data = value;
                window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue",
                                           value: value, dataType: "json"}, "*");
            }
            // After the component's own handler (bubbling, same tick) has counted the click.
            map.getContainer().addEventListener('click', function() { setTimeout(function() { report(false); }, 0); });
            {%- if this.moves %}
            map.on('moveend', function() { report(true); });
            {%- endif %}
            seen = (window.__GLOBAL_DATA__ || {}).last_object_clicked_count;
        })();
        {% endmacro %}
    """)

    def __init__(self, moves: bool = False):
        super().__init__()
        self._name = "ImmediateClick"
        self.moves = moves
