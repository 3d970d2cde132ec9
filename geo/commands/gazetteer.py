"""`geo gazetteer`: build, inspect and search the embedded gazetteer."""

from __future__ import annotations

import json

from geo.cli import _progress


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


def _build(args) -> int:
    from geo.gazetteer.build import build, default_path, ensure

    path = default_path()
    if args.force and path.exists():
        build(path, _progress)
    else:
        ensure(path, _progress)
    return _info(args)


def _search(args) -> int:
    from geo.gazetteer import Gazetteer

    for place in Gazetteer.open(progress=_progress).search(args.name, args.limit):
        print(f"{place.id:18} {place.name:28} {place.feature:10} {place.country:3} "
              f"{place.admin1[:24]:24} {place.lat:9.4f} {place.lon:9.4f} pop={place.population:,}")
    return 0


def _info(args) -> int:
    from geo.gazetteer import Gazetteer

    print(json.dumps(Gazetteer.open(progress=_progress).stats(), indent=2))
    return 0
