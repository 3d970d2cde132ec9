"""The map's background in the browser: the vector basemap drawn tile by tile on canvases
(geo.map.vector_basemap wrote the tiles), and the other backgrounds a user may pick instead.

Each display tile is a canvas painted from one data tile of the band for its zoom: sea, then land,
lakes, islands in lakes (each ring filled and its shore stroked, edges where a ring was cut at a
tile left unstroked), rivers under lakes, borders on top. Zooms past a band's own are the same
shapes scaled: sharp lines, never a blown-up picture. Nothing of it is a label.

When more than one background exists, a layers control lists them (English first); the choice is
kept in the browser's localStorage, so it survives the map being redrawn.
"""

from __future__ import annotations

import folium
from folium.template import Template

from geo.map.script_json import to_script_json

COLOURS = {"sea": "#b4d1e6", "land": "#f4f1ea", "shore": "#7fa6c4", "river": "#7eaed6", "border": "#7b5c8a"}
LABELS = {
    "vector": "Map in English (offline)",
    "local": "OpenStreetMap, local names (offline, zoom 0-6)",
    "online": "OpenStreetMap, local names (online)",
}
STORAGE_KEY = "geo-basemap"


def choice(basemap) -> dict:
    """What the browser needs of one background (a geo.map.basemap.Basemap)."""
    out = {"kind": basemap.kind, "label": LABELS.get(basemap.kind, basemap.kind), "url": basemap.url,
           "attribution": basemap.attribution, "max_native_zoom": basemap.max_native_zoom}
    if basemap.kind == "vector":
        out["tiles"] = basemap.vector
    return out


class Backgrounds(folium.MacroElement):
    """The default background and the alternatives, as Leaflet layers; a layers control when there
    is a choice. Sets ``map._geoBase`` to the kind shown and fires ``geo:base`` when it changes."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var cfg = {{ this.payload }};
            var C = cfg.colours;
            var cache = {};
            function load(url) {
                if (!(url in cache)) {
                    cache[url] = fetch(url).then(function(r) { return r.ok ? r.json() : null; })
                        .catch(function() { return null; });
                }
                return cache[url];
            }
            // Google's encoded polyline: zigzagged deltas in 5-bit chunks, 63 added.
            function decode(s) {
                var out = [], x = 0, y = 0, v = 0, shift = 0, second = false;
                for (var i = 0; i < s.length; i++) {
                    var b = s.charCodeAt(i) - 63;
                    v |= (b & 31) << shift;
                    shift += 5;
                    if (b < 32) {
                        var d = (v & 1) ? ~(v >>> 1) : (v >>> 1);
                        if (second) { y += d; out.push(x, y); } else { x += d; }
                        second = !second; v = 0; shift = 0;
                    }
                }
                return out;
            }
            function box(c) {
                var b = [Infinity, Infinity, -Infinity, -Infinity];
                for (var i = 0; i < c.length; i += 2) {
                    if (c[i] < b[0]) { b[0] = c[i]; } if (c[i] > b[2]) { b[2] = c[i]; }
                    if (c[i + 1] < b[1]) { b[1] = c[i + 1]; } if (c[i + 1] > b[3]) { b[3] = c[i + 1]; }
                }
                return b;
            }
            function prepare(d) {
                if (!d._ready) {
                    d._p = (d.p || []).map(function(r) { var c = decode(r[1]); return {level: r[0], c: c, box: box(c)}; });
                    d._r = (d.r || []).map(function(r) { var c = decode(r[1]); return {cls: r[0], c: c, box: box(c)}; });
                    d._b = (d.b || []).map(function(s) { var c = decode(s); return {c: c, box: box(c)}; });
                    d._ready = true;
                }
                return d;
            }

            function vectorLayer(spec) {
                var t = spec.tiles, E = t.extent, B = t.buffer, bands = t.bands;
                var nodes = {};
                function bandAt(z) {
                    var i = 0;
                    while (i + 1 < bands.length && bands[i + 1].min_zoom <= z) { i++; }
                    return i;
                }
                function file(i, x, y) {
                    return load(spec.url + '/' + bands[i].zoom + '/' + x + '/' + y + '.json');
                }
                // What to draw for data tile (x, y) of band i: its own file, a plain fill, or the
                // file of a coarser band (outside the finest band's region). The parent's children
                // say which; while the parent is not known yet the tile's own file is asked for at
                // once too, so the bands load side by side, not one after the other (a missing file
                // then answers 404 and the parent decides).
                var known = {};
                function decide(i, x, y, up, d) {
                    if (d) { return {d: d, i: i, x: x, y: y}; }
                    if (!up.d || up.i !== i - 1) { return up; }
                    var dz = bands[i].zoom - bands[i - 1].zoom, n = 1 << dz;
                    var c = up.d.k ? up.d.k.charAt((y - (up.y << dz)) * n + (x - (up.x << dz))) : 'x';
                    return c === 'x' || c === 'd' || c === '' ? up : {fill: +c};
                }
                function node(i, x, y) {
                    var key = i + '/' + x + '/' + y;
                    if (nodes[key]) { return nodes[key]; }
                    if (i === 0) {
                        nodes[key] = file(0, x, y).then(function(d) { return d ? {d: d, i: 0, x: x, y: y} : {fill: 0}; });
                    } else {
                        var dz = bands[i].zoom - bands[i - 1].zoom, upKey = (i - 1) + '/' + (x >> dz) + '/' + (y >> dz);
                        var up = known[upKey];
                        if (up) {  // the parent is known: ask for this file only if it says there is one
                            var c = up.d && up.i === i - 1 && up.d.k
                                ? up.d.k.charAt((y - (up.y << dz)) * (1 << dz) + (x - (up.x << dz))) : '';
                            nodes[key] = (c === 'd' ? file(i, x, y) : Promise.resolve(null))
                                .then(function(d) { return decide(i, x, y, up, d); });
                        } else {
                            nodes[key] = Promise.all([node(i - 1, x >> dz, y >> dz), file(i, x, y)])
                                .then(function(both) { return decide(i, x, y, both[0], both[1]); });
                        }
                    }
                    nodes[key].then(function(r) { known[key] = r; });
                    return nodes[key];
                }
                function colour(level) { return level % 2 ? C.land : C.sea; }
                function riverWidth(cls, z) {
                    var w = [[0.5, 0.7, 1.0], [0.7, 1.0, 1.5], [0.9, 1.3, 2.0], [1.2, 1.8, 2.8]];
                    var row = w[z <= 4 ? 0 : z <= 6 ? 1 : z <= 9 ? 2 : 3];
                    return row[Math.max(0, Math.min(2, cls - 1))];
                }
                function paint(canvas, coords, r) {
                    var size = 256, ratio = window.devicePixelRatio || 1;
                    canvas.width = canvas.height = size * ratio;
                    var ctx = canvas.getContext('2d');
                    ctx.scale(ratio, ratio);
                    var d = r.d, fill = d ? d.f : r.fill;
                    ctx.fillStyle = colour(fill || 0);
                    ctx.fillRect(0, 0, size, size);
                    if (!d) { return; }
                    prepare(d);
                    var D = bands[r.i].zoom, k = Math.pow(2, coords.z - D), s = k * size / E;
                    var n = Math.pow(2, coords.z), wx = ((coords.x % n) + n) % n;
                    var ox = (wx - r.x * k) * size, oy = (coords.y - r.y * k) * size;
                    var margin = 4 / s, u0 = ox / s - margin, v0 = oy / s - margin, u1 = (ox + size) / s + margin, v1 = (oy + size) / s + margin;
                    var across = (1 << D) * E, wx0 = -r.x * E, wy0 = -r.y * E, wx1 = across + wx0, wy1 = across + wy0;
                    function seen(b) { return b[2] >= u0 && b[0] <= u1 && b[3] >= v0 && b[1] <= v1; }
                    var meridians = (t.cuts || []).map(function(f) { return wx0 + f * across; });
                    function cut(a, b, c, e) {  // an edge along a tile's cut or the world's edge: no shore
                        if (a === c && (a <= -B || a >= E + B || a === wx0 || a === wx1 || meridians.indexOf(a) >= 0)) { return true; }
                        return b === e && (b <= -B || b >= E + B || b === wy0 || b === wy1);
                    }
                    function line(c) {
                        ctx.moveTo(c[0] * s - ox, c[1] * s - oy);
                        for (var j = 2; j < c.length; j += 2) { ctx.lineTo(c[j] * s - ox, c[j + 1] * s - oy); }
                    }
                    function shore(c) {
                        var m = c.length;
                        for (var j = 0; j < m; j += 2) {
                            var a = c[j], b = c[j + 1], e = c[(j + 2) % m], f = c[(j + 3) % m];
                            if (j === 0 || cut(c[j - 2], c[j - 1], a, b)) { ctx.moveTo(a * s - ox, b * s - oy); }
                            if (!cut(a, b, e, f)) { ctx.lineTo(e * s - ox, f * s - oy); } else { ctx.moveTo(e * s - ox, f * s - oy); }
                        }
                    }
                    function rings(level) {
                        var mine = d._p.filter(function(p) { return p.level === level && seen(p.box); });
                        if (!mine.length) { return; }
                        ctx.beginPath();
                        mine.forEach(function(p) { line(p.c); ctx.closePath(); });
                        ctx.fillStyle = colour(level);
                        ctx.fill('nonzero');
                        ctx.beginPath();
                        mine.forEach(function(p) { shore(p.c); });
                        ctx.strokeStyle = C.shore;
                        ctx.lineWidth = 0.8;
                        ctx.stroke();
                    }
                    ctx.lineJoin = ctx.lineCap = 'round';
                    rings(1);
                    [1, 2, 3].forEach(function(cls) {
                        var mine = d._r.filter(function(l) { return l.cls === cls && seen(l.box); });
                        if (!mine.length) { return; }
                        ctx.beginPath();
                        mine.forEach(function(l) { line(l.c); });
                        ctx.strokeStyle = C.river;
                        ctx.lineWidth = riverWidth(cls, coords.z);
                        ctx.stroke();
                    });
                    rings(2);
                    rings(3);
                    rings(4);
                    var borders = d._b.filter(function(l) { return seen(l.box); });
                    if (borders.length) {
                        ctx.beginPath();
                        borders.forEach(function(l) { line(l.c); });
                        ctx.strokeStyle = 'rgba(255,255,255,0.85)';
                        ctx.lineWidth = coords.z >= 5 ? 5 : 3;
                        ctx.stroke();
                        ctx.strokeStyle = C.border;
                        ctx.lineWidth = coords.z >= 5 ? 2.2 : 1.3;
                        ctx.stroke();
                    }
                }
                var Layer = L.GridLayer.extend({
                    createTile: function(coords, done) {
                        var canvas = L.DomUtil.create('canvas', 'geo-base-tile');
                        var i = bandAt(coords.z), k = Math.pow(2, coords.z - bands[i].zoom), n = Math.pow(2, coords.z);
                        var x = ((coords.x % n) + n) % n;  // the world repeats east and west
                        node(i, Math.floor(x / k), Math.floor(coords.y / k)).then(function(r) {
                            paint(canvas, coords, r);
                            done(null, canvas);
                        }).catch(function(e) { done(e, canvas); });
                        return canvas;
                    }
                });
                return new Layer({attribution: spec.attribution, maxZoom: 18, className: 'geo-vector-base'});
            }

            function layerOf(spec) {
                if (spec.kind === 'vector') { return vectorLayer(spec); }
                return L.tileLayer(spec.url, {attribution: spec.attribution, maxZoom: 18,
                                              maxNativeZoom: spec.max_native_zoom || undefined});
            }
            var layers = cfg.choices.map(layerOf);
            var chosen = cfg.chosen;
            try {
                var kept = window.localStorage.getItem(cfg.storage_key);
                cfg.choices.forEach(function(spec, i) { if (spec.kind === kept) { chosen = i; } });
            } catch (e) { /* storage blocked: the default stands */ }
            function shown(i) {
                map._geoBase = cfg.choices[i].kind;
                map.getContainer().style.background = map._geoBase === 'vector' ? C.sea : '';
                map.fire('geo:base', {kind: map._geoBase});
            }
            shown(chosen);
            if (map.options.maxZoom == null) { map.options.maxZoom = 18; }  // markercluster needs it before any layer
            // Added once the script has framed the map (fitBounds comes last): the tiles of the
            // first, world-wide view would be drawn for nothing.
            setTimeout(function() { if (!map.hasLayer(layers[chosen])) { layers[chosen].addTo(map); } }, 0);
            if (layers.length > 1) {
                var named = {};
                cfg.choices.forEach(function(spec, i) { named[spec.label] = layers[i]; });
                L.control.layers(named, null, {position: 'topright', collapsed: true}).addTo(map);
                map.on('baselayerchange', function(e) {
                    var i = layers.indexOf(e.layer);
                    if (i < 0) { return; }
                    try { window.localStorage.setItem(cfg.storage_key, cfg.choices[i].kind); } catch (err) { /* not kept */ }
                    shown(i);
                });
            }
            window.geoBaseLayers = layers;  // tests and tools
        })();
        {% endmacro %}
    """)

    def __init__(self, choices: list[dict], chosen: int = 0):
        super().__init__()
        self._name = "Backgrounds"
        self.payload = to_script_json({"choices": choices, "chosen": chosen, "colours": COLOURS,
                                       "storage_key": STORAGE_KEY})


def add_backgrounds(m: folium.Map, basemap) -> None:
    """The chosen background first, then the others it lists (Basemap.choices)."""
    Backgrounds([choice(basemap)] + [choice(b) for b in basemap.choices]).add_to(m)
