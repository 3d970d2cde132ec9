"""The browser side of the offline vector layers (geo.map.layers): one element that fetches the layer
files for the view and draws them over the background (geo.map.backgrounds)."""

from __future__ import annotations

import folium
from folium.template import Template

from geo.map.basemap import LOCAL_MAX_ZOOM, Basemap
from geo.map.script_json import to_script_json


class VectorLayers(folium.MacroElement):
    """Offline overlays over the background (see geo.map.layers): boundaries, rivers and English place
    labels, fetched per view from static cell files; labels that would overlap are dropped, most
    populous first. Nothing here takes clicks: markers stay the only clickable things.

    Over the vector basemap, which draws shores, rivers and country borders itself, only province
    lines and names are added; over OpenStreetMap offline, country borders, coasts and the
    gazetteer's rivers too; over OpenStreetMap online (labelled already) nothing."""

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
                    + ".geo-lbl-countries{font-size:13px;font-weight:bold;letter-spacing:1.5px;text-transform:uppercase;color:#6b6470}"
                    + ".geo-lbl-cities{font-weight:bold;font-size:12px;color:#111}"
                    + ".geo-lbl-seas,.geo-lbl-lakes{font-style:italic;color:#2f6a9e;font-size:12px;letter-spacing:.5px}"
                    + ".geo-lbl-regions:before,.geo-lbl-river:before,.geo-lbl-countries:before,.geo-lbl-seas:before,"
                    + ".geo-lbl-lakes:before{display:none}";
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
            // Cells with nothing in them have no file; each folder lists the files it has, so an
            // empty cell is never asked for (hundreds of 404s over the sea at a low zoom).
            var lists = {};
            function cell(folder, name) {
                if (!(folder in lists)) {
                    lists[folder] = get(cfg.base + '/' + folder + '/cells.json').then(function(names) {
                        if (!names) { return null; }  // written before the lists: ask for every cell
                        var set = {};
                        names.forEach(function(n) { set[n] = true; });
                        return set;
                    });
                }
                return lists[folder].then(function(set) {
                    return set && !set[name] ? null : get(cfg.base + '/' + folder + '/' + name + '.json');
                });
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
            var centred = {regions: 1, river: 1, countries: 1, seas: 1, lakes: 1};  // names of areas, not points
            // All labels are one block of HTML in their pane (hundreds of L.markers made each move slow);
            // hidden while a zoom animates, placed again when it ends.
            var labels = L.DomUtil.create('div', 'geo-lbls', map.getPane('geoLabels'));
            map.on('zoomstart', function() { labels.style.display = 'none'; });
            var style = [{renderer: renderer, interactive: false, color: '#666', weight: 1.2, opacity: 0.8, dashArray: '5 3'},
                         {renderer: renderer, interactive: false, color: '#444', weight: 2.2, opacity: 0.85},
                         {renderer: renderer, interactive: false, color: '#7d9bb3', weight: 0.8, opacity: 0.6}];
            if (cfg.bounds) { map.attributionControl.addAttribution(cfg.bounds.attribution); }
            // What the background already draws: the vector basemap has shores, rivers and country borders.
            function base() { return map._geoBase || 'local'; }
            var riverLines = L.layerGroup();
            function loadRivers() {
                get(cfg.base + '/rivers/rivers.json').then(function(rivers) {
                    (rivers || []).forEach(function(r) {
                        L.polyline(r.lines, {renderer: renderer, interactive: false, color: '#3a7bbf',
                                             weight: r.feature === 'river' ? 2 : 1.2, opacity: 0.8}).addTo(riverLines);
                        var longest = r.lines.reduce(function(a, b) { return b.length > a.length ? b : a; });
                        var mid = longest[Math.floor(longest.length / 2)];
                        riverNames.push([mid[0], mid[1], r.name, 0]);
                    });
                    refresh();
                });
            }
            lines.addTo(map);
            map.on('geo:base', function() {  // another background: other lines to draw, none online
                Object.keys(drawn).forEach(function(k) { lines.removeLayer(drawn[k]); });
                drawn = {};
                refresh();
            });
            var token = 0;
            function place(view, z) {
                var my = ++token, jobs = [];
                cfg.tiers.forEach(function(t) {
                    if (z < t.min_zoom || z > t.max_zoom) { return; }
                    cells(view.pad(0.05), t.cell).forEach(function(k) {
                        jobs.push(cell('labels', t.name + '-' + k)
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
                            var w = String(row[2]).length * (part[0] === 'villages' ? 6 : part[0] === 'countries' ? 10.5 : 7) + 8;
                            var dx = centred[part[0]] ? w / 2 : 3;
                            // A marker on the place (or on the start of its name): the name starts past it.
                            for (var j = 0; j < pins.length; j++) {
                                var q = pins[j], left = p.x - dx;
                                if (q[0] <= left + 12 && q[2] >= left && p.y + 8 > q[1] && p.y - 8 < q[3]) { dx = p.x - q[2] - 2; }
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
                var z = map.getZoom(), view = map.getBounds(), kind = base();
                // Raster tiles blown up past their zoom are blur with Cyrillic text: fade them under the labels.
                map.getPane('tilePane').style.opacity = kind === 'local' && z > cfg.native_zoom + 1 ? 0.6 : 1;
                if (kind === 'online') {  // OpenStreetMap's own tiles are labelled: nothing over them
                    labels.innerHTML = '';
                    if (lines.hasLayer(riverLines)) { lines.removeLayer(riverLines); }
                    return;
                }
                if (kind === 'vector' && lines.hasLayer(riverLines)) { lines.removeLayer(riverLines); }
                if (kind !== 'vector' && !lines.hasLayer(riverLines)) { lines.addLayer(riverLines); }
                var kinds = kind === 'vector' ? [true, false, false] : [true, true, true];
                // Over the vector basemap the province lines are quieter: country borders are drawn stronger below.
                style[0] = L.extend({}, style[0], kind === 'vector' ? {color: '#7a7a7a', weight: 1, opacity: 0.8, dashArray: '4 3'}
                                                                    : {color: '#666', weight: 1.2, opacity: 0.8, dashArray: '5 3'});
                // Boundaries: one layer per cell (two multi-part lines), only for cells near the view,
                // so the canvas redraws a bounded number of points at every move.
                var wanted = {};
                if (cfg.bounds && z >= cfg.bounds.min_zoom) {
                    cells(view.pad(0.3), cfg.bounds.cell).forEach(function(k) {
                        wanted[k] = true;
                        if (drawn[k]) { return; }
                        drawn[k] = L.layerGroup();
                        cell('bounds', k).then(function(rows) {
                            var parts = [[], [], []];  // between provinces, between countries, coast
                            (rows || []).forEach(function(r) {
                                var pts = [];
                                for (var i = 0; i < r[1].length; i += 2) { pts.push([r[1][i + 1], r[1][i]]); }
                                parts[r[0]].push(pts);
                            });
                            parts.forEach(function(p, i) { if (p.length && kinds[i]) { L.polyline(p, style[i]).addTo(drawn[k]); } });
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
            // First draw once the page is idle: the event markers come first, the background after.
            var idle = window.requestIdleCallback
                ? function(f) { window.requestIdleCallback(f, {timeout: 500}); } : function(f) { setTimeout(f, 50); };
            map.whenReady(function() { idle(function() { if (cfg.rivers) { loadRivers(); } refresh(); }); });
        })();
        {% endmacro %}
    """)

    def __init__(self, manifest: dict, base_url: str, native_zoom: int = 18):
        super().__init__()
        self._name = "VectorLayers"
        self.payload = to_script_json({**manifest, "base": base_url, "native_zoom": native_zoom})


def add_vector_layers(m: folium.Map, basemap: Basemap | None) -> None:
    """The layers `geo assets` wrote, over any background but OpenStreetMap online (hidden there
    in the browser, since a user may switch to it and back)."""
    if basemap is not None and basemap.layers:
        VectorLayers(basemap.layers, basemap.layers_url, LOCAL_MAX_ZOOM).add_to(m)
