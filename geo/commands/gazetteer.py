"""`geo gazetteer`: build, inspect and search the embedded gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

from geo.commands.shared import progress


def register(sub) -> None:
    p = sub.add_parser("gazetteer", help="build, inspect or search the gazetteer index")
    gsub = p.add_subparsers(dest="action", required=True)
    b = gsub.add_parser("build", help="build the index now (otherwise built on first use)")
    b.add_argument("--force", action="store_true", help="rebuild even if it exists")
    b.set_defaults(run=_build)
    s = gsub.add_parser("search", help="candidates for a name")
    s.add_argument("name")
    s.add_argument("--limit", type=int, default=10)
    s.set_defaults(run=_search)
    i = gsub.add_parser("info", help="where the index is and what it holds")
    i.set_defaults(run=_info)
    m = gsub.add_parser("import", help="add a GeoNames dump (UA.zip, allCountries.zip, cities500.zip...) "
                                       "to your own gazetteer, beside the embedded one")
    m.add_argument("file", type=Path)
    m.add_argument("--alternate-names", type=Path, metavar="FILE",
                   help="alternateNamesV2.zip (or a country's alternatenames/XX.zip)")
    m.add_argument("--admin1", type=Path, metavar="FILE", help="admin1CodesASCII.txt for region names")
    m.set_defaults(run=_import)
    d = gsub.add_parser("download", help="download a GeoNames dump and import it")
    d.add_argument("name", help="a country code (UA), allCountries, cities500...")
    d.add_argument("--alternate-names", action="store_true",
                   help="also fetch and import alternatenames/NAME.zip (country codes only)")
    d.add_argument("--no-import", action="store_true", help="only download")
    d.add_argument("--timeout", type=float, default=60, help="seconds without data before giving up")
    d.set_defaults(run=_download)


def _build(args) -> int:
    from geo.gazetteer.build import build, default_path, ensure

    path = default_path()
    if args.force and path.exists():
        build(path, progress)
    else:
        ensure(path, progress)
    return _info(args)


def _search(args) -> int:
    from geo.gazetteer import Gazetteer

    for place in Gazetteer.open(progress=progress).search(args.name, args.limit):
        print(f"{place.id:18} {place.name:28} {place.feature:10} {place.country:3} "
              f"{place.admin1[:24]:24} {place.lat:9.4f} {place.lon:9.4f} pop={place.population:,}")
    return 0


def _info(args) -> int:
    from geo.gazetteer import Gazetteer

    print(json.dumps(Gazetteer.open(progress=progress).stats(), indent=2))
    return 0


def _import(args) -> int:
    from geo.gazetteer.build import ensure
    from geo.gazetteer.dumps import import_dump
    from geo.gazetteer.user import user_path

    embedded = ensure(progress=progress)  # regions' names, and the places it already has
    counts = import_dump(args.file, user_path(), progress, args.alternate_names,
                         admin1=args.admin1, embedded=embedded)
    print(json.dumps(counts, indent=2))
    return 0


def _download(args) -> int:
    from geo.config import data_dir
    from geo.gazetteer.user import download

    dest = data_dir() / "downloads"
    args.file = download(args.name, dest, progress, args.timeout)
    args.alternate_names = (download(f"alternatenames/{args.name}", dest, progress, args.timeout)
                            if args.alternate_names else None)
    print(args.file)
    if args.no_import:
        return 0
    args.admin1 = None
    return _import(args)
