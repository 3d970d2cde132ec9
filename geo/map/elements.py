"""folium elements the dashboard's maps are made of, all loading Leaflet code from local copies.

Markers are not folium.Marker objects: 2,000 of those render slowly in Python and ship megabytes of
generated JS. One `PlaceLayer` carries every place as JSON and builds DivIcon markers in the
browser. It needs only Leaflet (plus markercluster when there are many places), so no Bootstrap,
Font Awesome or awesome-markers is ever requested.
"""

from __future__ import annotations

import functools

import branca.element
import folium
import folium.plugins
import jinja2
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from geo.map import assets
from geo.map.basemap import Basemap
from geo.map.backgrounds import add_backgrounds
from geo.map.vector_layers import add_vector_layers
from geo.map.script_json import to_script_json


# branca compiles every piece of a map's rendered text as a Jinja template again (each element's
# script, header and HTML, wrapped in an Element): 26 compiles, two thirds of the 65-75 ms a map took
# to render, on every run of the page and every pan. The texts repeat from run to run (the base map
# is the same map), and a compiled template is only ever rendered, never changed: each text is
# compiled once.
branca.element.Template = functools.lru_cache(maxsize=256)(jinja2.Template)


class RawScript(Element):
    """Script text added to the page as is.

    branca's MacroElement.render wraps each rendered script in ``Element(text)``, which compiles the
    text as a Jinja template: slow for megabytes of JSON, and article text such as ``{{ ... }}``
    would be evaluated on the server.
    """

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


class PlaceLayer(JSCSSMixin):
    """Place markers and shapes (rivers as lines, regions outlined), built from one JSON payload.

    Each marker is {lat, lon, size, color, label, title, tooltip (escaped HTML), popup (escaped HTML),
    selected, dx/dy (pixel nudge off a shared spot), below (area features sit under points)}. `title` is the plain place name: browsers show it on hover and tests find markers by it.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            // Drawn into the map, or into a layer of it (the map at scale swaps in the view's layer).
            var host = {{ this._parent.get_name() }};
            var map = host.getSize ? host : window.map;
            var data = {{ this.payload }};
            // Towns and landmarks cluster wherever their markers would overlap, at any count, and
            // spiderfy when they share a spot; regions, countries and the selected place stay out of
            // clusters (offset beside the place they share a point with), so they are always seen.
            var clustered = data.cluster && L.markerClusterGroup;
            var group = clustered
                ? L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: data.cluster_radius,
                                        spiderfyDistanceMultiplier: 1.8, iconCreateFunction: clusterIcon})
                : L.featureGroup();
            var loose = L.featureGroup();
            // A cluster says what is inside: the colour of its most common kind, a ring showing the
            // share of each, and the count.
            function clusterIcon(cluster) {
                var n = cluster.getChildCount(), size = n < 10 ? 30 : (n < 100 ? 36 : 42), counts = {};
                cluster.getAllChildMarkers().forEach(function(m) { counts[m.options.geoColor] = (counts[m.options.geoColor] || 0) + 1; });
                var kinds = Object.keys(counts).sort(function(a, b) { return counts[b] - counts[a]; }), at = 0;
                var ring = kinds.map(function(c) { var from = at; at += 360 * counts[c] / n;
                                                   return c + ' ' + from + 'deg ' + at + 'deg'; }).join(',');
                return L.divIcon({className: 'marker-cluster geo-cluster', iconSize: [size, size], html:
                    "<div style='margin:0;width:" + size + "px;height:" + size + "px;border-radius:50%;padding:3px;box-sizing:border-box;"
                    + "background:conic-gradient(" + ring + ");box-shadow:0 1px 4px rgba(0,0,0,.5)'>"
                    + "<div style='width:100%;height:100%;border-radius:50%;background:" + kinds[0] + ";border:1.5px solid #fff;"
                    + "box-sizing:border-box;color:#fff;font:bold 12px/" + (size - 9) + "px sans-serif;text-align:center'>" + n + "</div></div>"});
            }
            if (clustered) {
                group.on('clustermouseover', function(e) {
                    var names = e.layer.getAllChildMarkers().map(function(m) { return m.options.title; });
                    var text = names.slice(0, 8).join(', ') + (names.length > 8 ? ' and ' + (names.length - 8) + ' more' : '');
                    e.layer.bindTooltip(L.Util.template('{n} ' + data.noun + ': {t}', {n: names.length, t: text.replace(/[&<>"']/g,
                        function(c) { return '&#' + c.charCodeAt(0) + ';'; })}), {direction: 'top'}).openTooltip();
                });
            }
            var markers = data.markers.map(function(p) {
                var half = p.size / 2;
                var html = "<div style='width:" + p.size + "px;height:" + p.size + "px;border-radius:50%;background:"
                    + p.color + ";border:" + (p.selected ? "3px solid #111" : "2px solid #fff")
                    + ";box-sizing:border-box;color:#fff;font:bold 12px/" + (p.size - 4) + "px sans-serif;"
                    + "text-align:center;box-shadow:0 1px 4px rgba(0,0,0,.5)'>" + p.label + "</div>";
                var marker = L.marker([p.lat, p.lon], {
                    icon: L.divIcon({className: 'geo-pin', html: html, iconSize: [p.size, p.size],
                                     iconAnchor: [half - p.dx, half - p.dy], popupAnchor: [p.dx, p.dy - half]}),
                    title: p.title, alt: p.title, riseOnHover: true, geoColor: p.color,
                    zIndexOffset: p.selected ? 1000 : (p.below ? -500 : 0)});
                marker.bindTooltip(p.tooltip, {direction: 'top', offset: [p.dx, p.dy - half]});
                // As wide as a phone's map allows: a 320 px popup was cut off on a 390 px screen.
                var room = Math.max(160, map.getSize().x - 110);  // less the 50 px kept clear of the controls, the margins
                if (p.popup) { marker.bindPopup(p.popup, {maxWidth: Math.min(320, room), minWidth: Math.min(200, room),
                                                          maxHeight: 260, autoPanPaddingTopLeft: [50, 10]}); }
                return marker;
            });
            var inGroup = markers.filter(function(m, i) {
                var p = data.markers[i];
                if (p.below || p.selected) { loose.addLayer(m); return false; }
                return true;
            });
            if (group.addLayers) { group.addLayers(inGroup); } else { inGroup.forEach(function(m) { group.addLayer(m); }); }
            var shapes = L.featureGroup();
            data.shapes.forEach(function(s) {
                // Tooltip on each drawn line/polygon itself: streamlit-folium reads the clicked layer's tooltip.
                L.geoJSON(s.geometry, {style: s.style})
                    .eachLayer(function(l) { l.bindTooltip(s.tooltip, {sticky: true}); shapes.addLayer(l); });
            });
            shapes.addTo(host);
            group.addTo(host);
            // The map keeps its view across reruns (a correction, a filter): one button frames everything again.
            var all = L.featureGroup(markers);
            if (markers.length && host === map) {  // one button per map, not one per swapped-in layer
                var Fit = L.Control.extend({options: {position: 'topleft'}, onAdd: function() {
                    var bar = L.DomUtil.create('div', 'leaflet-bar geo-fit'), a = L.DomUtil.create('a', '', bar);
                    a.href = '#'; a.title = 'Show all ' + data.noun; a.setAttribute('role', 'button');
                    a.innerHTML = '&#x2922;'; a.style.fontSize = '16px';
                    L.DomEvent.disableClickPropagation(bar);
                    L.DomEvent.on(a, 'click', function(e) { L.DomEvent.preventDefault(e);
                        map.fitBounds(all.getBounds(), {padding: [50, 50], maxZoom: 9}); });
                    return bar;
                }});
                new Fit().addTo(map);
            }
            loose.addTo(host);
            window.geoLooseLayer = loose;
            window.geoPlaceMarkers = markers;  // every place marker, clustered or not (tests, tools)
            window.geoPlaceLayer = group;
        })();
        {% endmacro %}
    """)

    def __init__(self, markers: list[dict], shapes: list[dict], cluster: bool, local_assets: bool = True,
                 cluster_radius: int = 28, noun: str = "places"):
        super().__init__()
        self._name = "PlaceLayer"
        self.payload = to_script_json({"markers": markers, "shapes": shapes, "cluster": cluster,
                                       "cluster_radius": cluster_radius, "noun": noun})
        if cluster:  # instance attributes: folium's class-level lists are shared by every map
            self.default_js = assets.CLUSTER_JS if local_assets else folium.plugins.MarkerCluster.default_js
            self.default_css = assets.CLUSTER_CSS if local_assets else folium.plugins.MarkerCluster.default_css

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(RawScript(self._template.module.script(self, kwargs)), name=self.get_name())


class MapSetup(folium.MacroElement):
    """Default icon path (Leaflet.draw uses it), extra attribution, and the outline-only basemap.

    A MacroElement because streamlit-folium drops anything added to the figure's root script.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            L.Icon.Default.imagePath = {{ this.image_path|tojson }};
            // A popup that pans the map into view does so without animation: streamlit-folium restarts
            // its 250 ms report delay on every moveend, so an animated pan slowed each click by ~0.3 s.
            map.on('autopanstart', function() {
                var panBy = map.panBy;
                map.panBy = function(offset, options) {
                    map.panBy = panBy;
                    return panBy.call(map, offset, L.extend({}, options, {animate: false}));
                };
            });
            // Leaflet focuses the map on mousedown (for its keyboard keys). In a page where the map's
            // frame is not wholly on screen, the browser scrolls the page to bring the focused frame
            // into view while the button is still down: the pin moves away from the pointer and the
            // click is lost (the first click at 1366x768). Focus without scrolling.
            var container = map.getContainer(), focus = container.focus;
            container.focus = function(options) { focus.call(container, L.extend({preventScroll: true}, options)); };
            map.attributionControl.addAttribution({{ this.attribution|tojson }});
            {%- if this.outline_url %}
            map.getContainer().style.background = '#c6dcec';
            fetch({{ this.outline_url|tojson }}).then(function(r) { return r.json(); }).then(function(d) {
                L.geoJSON(d, {interactive: false, style: {color: '#888', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1}})
                    .addTo(map).bringToBack();
            }).catch(function(e) { console.warn('country outlines unavailable', e); });
            {%- endif %}
        })();
        {% endmacro %}
    """)

    def __init__(self, image_path: str, attribution: str, outline_url: str | None = None):
        super().__init__()
        self._name = "MapSetup"
        self.image_path, self.attribution, self.outline_url = image_path, attribution, outline_url


def new_map(basemap: Basemap | None, attribution: str, local_assets: bool = True) -> folium.Map:
    """A folium.Map loading only Leaflet + jQuery, with the chosen background and its layers."""
    m = folium.Map(location=[30, 20], zoom_start=2, tiles=None, min_zoom=1, max_zoom=18,
                   control_scale=True, prefer_canvas=True)
    if local_assets:
        m.default_js, m.default_css = assets.MAP_JS, assets.MAP_CSS
    outline_url = None
    if basemap is not None and basemap.kind == "outline":
        outline_url = basemap.url
    elif basemap is not None:
        add_backgrounds(m, basemap)  # the vector basemap by default; OpenStreetMap as a choice
    MapSetup(assets.LEAFLET_IMAGES_URL, attribution, outline_url).add_to(m)
    add_vector_layers(m, basemap)  # every map: English labels, province lines and rivers' names
    return m


def add_draw(m: folium.Map, drawn: dict | list | None, local_assets: bool = True) -> None:
    """Rectangle + polygon tool. A shape saved from an earlier run goes into the tool's own layer,
    so after the map is rebuilt the user still sees it and can delete it with the bin button."""
    layer = folium.FeatureGroup(name="Drawn shape", control=False).add_to(m)
    if drawn:
        folium.GeoJson(drawn, style_function=lambda _f: {
            "color": "#111", "weight": 2, "dashArray": "6 4", "fillOpacity": 0.04}).add_to(layer)
    shape_style = {"shapeOptions": {"color": "#111", "weight": 2}}
    draw = folium.plugins.Draw(
        feature_group=layer, position="topleft", show_geometry_on_click=False,
        draw_options={"polyline": False, "circle": False, "circlemarker": False, "marker": False,
                      "rectangle": shape_style, "polygon": shape_style},
        edit_options={"edit": False, "remove": True},
    )
    if local_assets:
        draw.default_js, draw.default_css = assets.DRAW_JS, assets.DRAW_CSS
    draw.add_to(m)
