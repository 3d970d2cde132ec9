"""folium elements the dashboard's maps are made of, all loading Leaflet code from local copies.

Markers are not folium.Marker objects: 2,000 of those render slowly in Python and ship megabytes of
generated JS. One `PlaceLayer` carries every place as JSON and builds DivIcon markers in the
browser. It needs only Leaflet (plus markercluster when there are many places), so no Bootstrap,
Font Awesome or awesome-markers is ever requested.
"""

from __future__ import annotations

import json
from typing import Any

import folium
import folium.plugins
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from geo import assets
from geo.basemap import Basemap


def to_script_json(data: Any) -> str:
    """JSON safe to paste inside <script>: no '<' (so no '</script>' or '<!--' ends it early) and no
    Jinja opener ('{{', '{%', '{#'), which JSON only ever produces inside strings."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for opener, escaped in (("{{", "{\\u007b"), ("{%", "{\\u0025"), ("{#", "{\\u0023")):
        text = text.replace(opener, escaped)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


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
            var map = {{ this._parent.get_name() }};
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
            function clusterIcon(cluster) {
                var n = cluster.getChildCount(), size = n < 10 ? 30 : (n < 100 ? 36 : 42);
                return L.divIcon({className: 'marker-cluster geo-cluster', iconSize: [size, size], html:
                    "<div style='margin:0;width:" + size + "px;height:" + size + "px;border-radius:50%;background:rgba(40,40,40,.82);"
                    + "border:2px dashed #fff;box-sizing:border-box;color:#fff;font:bold 12px/" + (size - 4) + "px sans-serif;"
                    + "text-align:center;box-shadow:0 1px 4px rgba(0,0,0,.5)'>" + n + "</div>"});
            }
            if (clustered) {
                group.on('clustermouseover', function(e) {
                    var names = e.layer.getAllChildMarkers().map(function(m) { return m.options.title; });
                    var text = names.slice(0, 8).join(', ') + (names.length > 8 ? ' and ' + (names.length - 8) + ' more' : '');
                    e.layer.bindTooltip(L.Util.template('{n} places: {t}', {n: names.length, t: text.replace(/[&<>"']/g,
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
                    title: p.title, alt: p.title, riseOnHover: true,
                    zIndexOffset: p.selected ? 1000 : (p.below ? -500 : 0)});
                marker.bindTooltip(p.tooltip, {direction: 'top', offset: [p.dx, p.dy - half]});
                if (p.popup) { marker.bindPopup(p.popup, {maxWidth: 320, maxHeight: 260, autoPanPaddingTopLeft: [50, 10]}); }
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
            shapes.addTo(map);
            group.addTo(map);
            loose.addTo(map);
            window.geoLooseLayer = loose;
            window.geoPlaceLayer = group;
        })();
        {% endmacro %}
    """)

    def __init__(self, markers: list[dict], shapes: list[dict], cluster: bool, local_assets: bool = True,
                 cluster_radius: int = 28):
        super().__init__()
        self._name = "PlaceLayer"
        self.payload = to_script_json({"markers": markers, "shapes": shapes, "cluster": cluster,
                                       "cluster_radius": cluster_radius})
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


class VectorLayers(folium.MacroElement):
    """Offline overlays over the raster basemap (see geo.layers): boundaries, rivers and English
    place labels, fetched per view from static cell files; labels that would overlap are dropped,
    most populous first. Nothing here takes clicks: markers stay the only clickable things."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var cfg = {{ this.payload }};
            if (!document.getElementById('geo-layer-css')) {
                var css = document.createElement('style');
                css.id = 'geo-layer-css';
                css.textContent = ".geo-lbl{position:absolute;white-space:nowrap;font:11px/14px sans-serif;color:#333;"
                    + "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none}"
                    + ".geo-lbl:before{content:'';display:inline-block;width:4px;height:4px;border-radius:50%;"
                    + "background:#555;margin:0 3px 1px 0;vertical-align:middle}"
                    + ".geo-lbl-towns{font-weight:bold;font-size:12px;color:#111}"
                    + ".geo-lbl-regions{font-style:italic;color:#5b3f86;font-size:12px;letter-spacing:.5px}"
                    + ".geo-lbl-river{font-style:italic;color:#2563a8}"
                    + ".geo-lbl-regions:before,.geo-lbl-river:before{display:none}";
                document.head.appendChild(css);
            }
            ['geoLines', 'geoLabels'].forEach(function(name, i) {
                var pane = map.getPane(name) || map.createPane(name);
                pane.style.zIndex = i ? 450 : 350;  // above tiles and shapes, below markers
                pane.style.pointerEvents = 'none';
            });
            var renderer = L.canvas({pane: 'geoLines'});
            var cache = {};
            function get(url) {
                if (!(url in cache)) {
                    cache[url] = fetch(url).then(function(r) { return r.ok ? r.json() : null; })
                        .catch(function() { return null; });
                }
                return cache[url];
            }
            function cells(b, size) {
                var x0 = Math.floor(b.getWest() / size), x1 = Math.floor(b.getEast() / size);
                var y0 = Math.floor(Math.max(b.getSouth(), -85) / size), y1 = Math.floor(Math.min(b.getNorth(), 85) / size);
                var out = [];
                if ((x1 - x0 + 1) * (y1 - y0 + 1) > 60) { return out; }  // a view that wide shows none
                for (var x = x0; x <= x1; x++) { for (var y = y0; y <= y1; y++) { out.push(x + '_' + y); } }
                return out;
            }
            function esc(t) {
                return String(t).replace(/[&<>"']/g, function(c) { return '&#' + c.charCodeAt(0) + ';'; });
            }
            var lines = L.layerGroup(), drawn = {}, riverNames = [];
            // All labels are one block of HTML in their pane (hundreds of L.markers made each move slow);
            // hidden while a zoom animates, placed again when it ends.
            var labels = L.DomUtil.create('div', 'geo-lbls', map.getPane('geoLabels'));
            map.on('zoomstart', function() { labels.style.display = 'none'; });
            var style = [{renderer: renderer, interactive: false, color: '#666', weight: 1.2, opacity: 0.8, dashArray: '5 3'},
                         {renderer: renderer, interactive: false, color: '#444', weight: 2.2, opacity: 0.85},
                         {renderer: renderer, interactive: false, color: '#7d9bb3', weight: 0.8, opacity: 0.6}];
            if (cfg.bounds) { map.attributionControl.addAttribution(cfg.bounds.attribution); }
            if (cfg.rivers) {
                get(cfg.base + '/rivers/rivers.json').then(function(rivers) {
                    (rivers || []).forEach(function(r) {
                        L.polyline(r.lines, {renderer: renderer, interactive: false, color: '#3a7bbf',
                                             weight: r.feature === 'river' ? 2 : 1.2, opacity: 0.8}).addTo(lines);
                        var longest = r.lines.reduce(function(a, b) { return b.length > a.length ? b : a; });
                        var mid = longest[Math.floor(longest.length / 2)];
                        riverNames.push([mid[0], mid[1], r.name, 0]);
                    });
                    refresh();
                });
            }
            lines.addTo(map);
            var token = 0;
            function place(view, z) {
                var my = ++token, jobs = [];
                cfg.tiers.forEach(function(t) {
                    if (z < t.min_zoom || z > t.max_zoom) { return; }
                    cells(view.pad(0.05), t.cell).forEach(function(k) {
                        jobs.push(get(cfg.base + '/labels/' + t.name + '-' + k + '.json')
                            .then(function(rows) { return [t.name, rows || []]; }));
                    });
                });
                Promise.all(jobs).then(function(parts) {
                    if (my !== token) { return; }
                    var html = [];
                    var tiers = [];  // one list per tier, most populous first across its cells
                    parts.forEach(function(part) {
                        var last = tiers[tiers.length - 1];
                        if (last && last[0] === part[0]) { last[1] = last[1].concat(part[1]); } else { tiers.push([part[0], part[1]]); }
                    });
                    tiers.forEach(function(t) { t[1].sort(function(a, b) { return b[3] - a[3]; }); });
                    parts = tiers;
                    if (z >= 6) {  // river names after towns, before villages
                        var at = parts.filter(function(part) { return part[0] !== 'villages'; }).length;
                        parts.splice(at, 0, ['river', riverNames]);
                    }
                    // Event markers take their space first: a label whose dot is under one starts past it.
                    // Leaflet's own position, not the screen's: clusters may still be animating there.
                    var pins = [], icons = map.getPane('markerPane').querySelectorAll('.leaflet-marker-icon');
                    for (var k = 0; k < icons.length; k++) {
                        var el = icons[k], at = map.layerPointToContainerPoint(L.DomUtil.getPosition(el));
                        var left = at.x + (parseFloat(el.style.marginLeft) || 0), top = at.y + (parseFloat(el.style.marginTop) || 0);
                        pins.push([left, top, left + el.offsetWidth, top + el.offsetHeight]);
                    }
                    var taken = pins.slice(), count = 0;
                    parts.forEach(function(part) {
                        part[1].forEach(function(row) {
                            if (count > 400 || !view.contains([row[0], row[1]])) { return; }
                            var p = map.latLngToContainerPoint([row[0], row[1]]);
                            var w = String(row[2]).length * (part[0] === 'villages' ? 6 : 7) + 8;
                            var dx = part[0] === 'regions' || part[0] === 'river' ? w / 2 : 3;
                            for (var j = 0; j < pins.length; j++) {
                                var q = pins[j];
                                if (p.x >= q[0] && p.x <= q[2] && p.y >= q[1] && p.y <= q[3]) { dx = p.x - q[2] - 2; }
                            }
                            var box = [p.x - dx, p.y - 8, p.x - dx + w, p.y + 8];
                            for (var i = 0; i < taken.length; i++) {
                                var o = taken[i];
                                if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) { return; }
                            }
                            taken.push(box);
                            count++;
                            var at = map.containerPointToLayerPoint(p);
                            html.push('<div class="geo-lbl geo-lbl-' + part[0] + '" style="left:' + Math.round(at.x - dx)
                                      + 'px;top:' + Math.round(at.y - 7) + 'px">' + esc(row[2]) + '</div>');
                        });
                    });
                    labels.innerHTML = html.join('');
                    labels.style.display = '';
                });
            }
            function refresh() {
                var z = map.getZoom(), view = map.getBounds();
                // Raster tiles blown up past their zoom are blur with Cyrillic text: fade them under the labels.
                map.getPane('tilePane').style.opacity = z > cfg.native_zoom + 1 ? 0.6 : 1;
                // Boundaries: one layer per cell (two multi-part lines), only for cells near the view,
                // so the canvas redraws a bounded number of points at every move.
                var wanted = {};
                if (cfg.bounds && z >= cfg.bounds.min_zoom) {
                    cells(view.pad(0.3), cfg.bounds.cell).forEach(function(k) {
                        wanted[k] = true;
                        if (drawn[k]) { return; }
                        drawn[k] = L.layerGroup();
                        get(cfg.base + '/bounds/' + k + '.json').then(function(rows) {
                            var parts = [[], [], []];  // between provinces, between countries, coast
                            (rows || []).forEach(function(r) {
                                var pts = [];
                                for (var i = 0; i < r[1].length; i += 2) { pts.push([r[1][i + 1], r[1][i]]); }
                                parts[r[0]].push(pts);
                            });
                            parts.forEach(function(p, kind) { if (p.length) { L.polyline(p, style[kind]).addTo(drawn[k]); } });
                        });
                    });
                }
                Object.keys(drawn).forEach(function(k) {
                    if (wanted[k] && !lines.hasLayer(drawn[k])) { lines.addLayer(drawn[k]); }
                    if (!wanted[k] && lines.hasLayer(drawn[k])) { lines.removeLayer(drawn[k]); }
                });
                place(view, z);
            }
            var timer = null;
            map.on('moveend', function() { clearTimeout(timer); timer = setTimeout(refresh, 80); });
            map.whenReady(function() { setTimeout(refresh, 0); });
        })();
        {% endmacro %}
    """)

    def __init__(self, manifest: dict, base_url: str, native_zoom: int = 18):
        super().__init__()
        self._name = "VectorLayers"
        self.payload = to_script_json({**manifest, "base": base_url, "native_zoom": native_zoom})


def new_map(basemap: Basemap | None, attribution: str, local_assets: bool = True) -> folium.Map:
    """A folium.Map loading only Leaflet + jQuery, with the chosen background."""
    m = folium.Map(location=[30, 20], zoom_start=2, tiles=None, min_zoom=1, max_zoom=18,
                   control_scale=True, prefer_canvas=True)
    if local_assets:
        m.default_js, m.default_css = assets.MAP_JS, assets.MAP_CSS
    outline_url = None
    if basemap is not None and basemap.kind == "outline":
        outline_url = basemap.url
    elif basemap is not None:
        folium.TileLayer(tiles=basemap.url, attr=basemap.attribution, name="OpenStreetMap",
                         max_native_zoom=basemap.max_native_zoom, max_zoom=18, control=False).add_to(m)
    MapSetup(assets.LEAFLET_IMAGES_URL, attribution, outline_url).add_to(m)
    if basemap is not None and basemap.layers:
        VectorLayers(basemap.layers, basemap.layers_url, basemap.max_native_zoom or 18).add_to(m)
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
