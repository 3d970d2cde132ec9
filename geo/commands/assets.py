"""`geo assets`: install the map's scripts, styles and offline basemap under static/."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("assets", help="copy Leaflet and plugins (from PyPI packages) and write the offline basemap and map layers")
    p.add_argument("--static", type=Path, default=Path("static"), help="the app's static folder")
    p.add_argument("--no-tiles", action="store_true", help="skip OpenStreetMap's offline raster tiles (a choice on the map)")
    p.add_argument("--no-basemap", action="store_true", help="skip the English vector basemap (the default background)")
    p.add_argument("--detail", type=_region, default=None, metavar="W,S,E,N",
                   help="region the vector basemap draws in full detail from zoom 9, kept until asked again "
                        "(default: Ukraine, the Black Sea and their neighbours: 13 MB in 6,600 files; 'world': "
                        "53 MB in 45,000 files, about 2 minutes)")
    p.add_argument("--no-layers", action="store_true",
                   help="skip the offline vector layers (labels from the gazetteer, borders, rivers)")
    p.set_defaults(run=run)


def _region(text: str) -> tuple[float, float, float, float]:
    import argparse

    if text.strip().lower() == "world":
        return (-180.0, -85.06, 180.0, 85.06)
    try:
        w, s, e, n = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected W,S,E,N in degrees, or 'world'") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise argparse.ArgumentTypeError("expected W < E within -180..180 and S < N within -90..90")
    return w, s, e, n


def run(args) -> int:
    from geo.map.assets import install_assets

    report = install_assets(args.static, tiles=not args.no_tiles, layers=not args.no_layers,
                            vector=not args.no_basemap, detail=args.detail)
    print(f"geo: assets in {args.static}: {report.vendor_copied} files copied, "
          f"{report.basemap_written or 0} vector basemap tiles written, "
          f"{report.tiles_written or 0} raster tiles written, outlines {'written' if report.outlines_written else 'kept'}, "
          f"layer files written: {report.layers_written or 'none'}")
    for missing in report.missing:
        print(f"geo: missing: {missing}")
    return 1 if report.missing else 0
