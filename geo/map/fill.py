"""A map that fills its frame: the page sizes the map's frame to the viewport with CSS (a server
cannot know a screen's height), and the map follows the frame's height instead of a fixed one."""

from __future__ import annotations

import folium
from folium.template import Template


class FillFrame(folium.MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var container = map.getContainer();
            container.style.height = '100vh';
            document.documentElement.style.overflow = 'hidden';  // no scroll bar inside the frame
            map.invalidateSize();  // Leaflet follows later resizes of the frame itself
        })();
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "FillFrame"
