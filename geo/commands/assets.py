"""`geo assets`: install the map's scripts, styles and offline basemap under static/."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("assets", help="copy Leaflet and plugins (from PyPI packages) and write the offline basemap and map layers")
    p.add_argument("--static", type=Path, default=Path("static"), help="the app's static folder")
    p.add_argument("--no-tiles", action="store_true", help="skip the offline raster tiles")
    p.add_argument("--no-layers", action="store_true",
                   help="skip the offline vector layers (labels from the gazetteer, borders, rivers)")
    p.set_defaults(run=run)


def run(args) -> int:
    from geo.assets import install_assets

    report = install_assets(args.static, tiles=not args.no_tiles, layers=not args.no_layers)
    print(f"geo: assets in {args.static}: {report.vendor_copied} files copied, "
          f"{report.tiles_written or 0} tiles written, outlines {'written' if report.outlines_written else 'kept'}, "
          f"layer files written: {report.layers_written or 'none'}")
    for missing in report.missing:
        print(f"geo: missing: {missing}")
    return 1 if report.missing else 0
