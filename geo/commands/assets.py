"""`geo assets`: install the map's Leaflet files and offline tiles under static/ (after `npm ci`)."""

from __future__ import annotations


def _run(args) -> int:
    from geo.assets import install_assets

    report = install_assets(args.static_dir, args.node_modules, tiles=not args.no_tiles)
    print(f"vendor files copied: {report.vendor_copied}, tiles written: {report.tiles_written}, "
          f"country outlines: {'written' if report.outlines_written else 'up to date'}")
    for item in report.missing:
        print(f"missing: {item}")
    return 0 if report.ok else 1


def register(sub) -> None:
    p = sub.add_parser("assets", help="copy Leaflet & plugins from node_modules and write offline map tiles")
    p.add_argument("static_dir", nargs="?", default="static", help="the app's static folder (default: ./static)")
    p.add_argument("--node-modules", default=None, help="default: node_modules beside the static folder")
    p.add_argument("--no-tiles", action="store_true", help="skip writing the offline basemap tiles")
    p.set_defaults(run=_run)
