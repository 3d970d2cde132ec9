"""`geo overlays add FILE | list | export ID | remove ID`: the user's own layers (control areas,
front lines) kept in the article library, the same ones the dashboard draws under the events."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from geo.commands.shared import dump_json, write_output
from geo.errors import inert
from geo.errors import GeoError


def register(sub) -> None:
    p = sub.add_parser("overlays", help="add, list, export or remove your own map layers (KML, GeoJSON, GeoPackage)")
    verbs = p.add_subparsers(dest="verb", required=True)
    db = {"metavar": "URL", "default": None,
          "help": "SQLite file or SQLAlchemy URL (default: $GEO_DATABASE_URL, else the data dir)"}

    v = verbs.add_parser("add", help="keep a KML, KMZ, GeoJSON or GeoPackage file as a layer")
    v.add_argument("file")
    v.add_argument("--name", default="", help="default: the file's own layer name, else its file name")
    v.add_argument("--date", default=None, metavar="DATE", help="the date the map shows (ISO), e.g. 2024-05-01")
    v.add_argument("--db", **db)
    v.set_defaults(run=_add)

    v = verbs.add_parser("list", help="the layers kept, oldest first")
    v.add_argument("--db", **db)
    v.add_argument("--json", action="store_true", help="one JSON object per line")
    v.set_defaults(run=_list)

    v = verbs.add_parser("export", help="a layer's shapes as GeoJSON")
    v.add_argument("id", type=int)
    v.add_argument("--db", **db)
    v.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    v.set_defaults(run=_export)

    v = verbs.add_parser("remove", help="delete a layer")
    v.add_argument("id", type=int)
    v.add_argument("--db", **db)
    v.set_defaults(run=_remove)


def _open(args):
    from geo.store import Store

    return Store.open(args.db)


def _add(args) -> int:
    from geo.text import limits
    from geo.text.overlays import read_layer
    from geo.store.overlays import add_overlay

    path = Path(args.file)
    try:
        limits.check(path.stat().st_size, path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise GeoError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    layer = read_layer(data, path.name)
    with _open(args) as store:
        overlay = add_overlay(store, layer, name=args.name, source=path.name, date=args.date)
    print(f"added layer {overlay.id}: {inert(overlay.name)} ({overlay.kind}, {_shapes(overlay.features)}"
          + (f", as of {overlay.date}" if overlay.date else "") + ")")
    return 0


def _shapes(n: int) -> str:
    return f"{n} shape{'s' if n != 1 else ''}"


def _list(args) -> int:
    from geo.store.overlays import list_overlays

    with _open(args) as store:
        found = list_overlays(store)
    for o in found:
        if args.json:
            print(dump_json({"id": o.id, "name": o.name, "source": o.source, "kind": o.kind, "date": o.date,
                             "added_at": o.added_at, "shapes": o.features}))
        else:
            print(f"{o.id:4}  {o.date or '-':10}  {o.kind:10} {o.features:6} shapes  {inert(o.name[:50])}"
                  f"  ({inert(o.source[:40])})")
    if not args.json:
        print(f"{len(found)} layer{'s' if len(found) != 1 else ''}", file=sys.stderr)
    return 0


def _export(args) -> int:
    from geo.store.overlays import overlay_geojson

    with _open(args) as store:
        collection = overlay_geojson(store, args.id)
    write_output(json.dumps(collection, ensure_ascii=False) + "\n", args.output,
                 _shapes(len(collection["features"])))
    return 0


def _remove(args) -> int:
    from geo.store.overlays import remove_overlay

    with _open(args) as store:
        if not remove_overlay(store, args.id):
            raise GeoError(f"no layer {args.id} (see `geo overlays list`)")
    print(f"removed layer {args.id}")
    return 0
