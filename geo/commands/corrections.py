"""`geo corrections list | export | undo ID`: the user's place corrections from the shell."""

from __future__ import annotations

import sys

from geo.commands.shared import dump_json, write_output
from geo.errors import inert
from geo.errors import GeoError


def register(sub) -> None:
    p = sub.add_parser("corrections", help="list, export or undo the user's place corrections")
    verbs = p.add_subparsers(dest="verb", required=True)
    db = {"metavar": "URL", "default": None,
          "help": "SQLite file or SQLAlchemy URL (default: $GEO_DATABASE_URL, else the data dir)"}

    v = verbs.add_parser("list", help="the corrections in force (with --all, undone ones too)")
    v.add_argument("--db", **db)
    v.add_argument("--all", action="store_true", help="include undone corrections")
    v.add_argument("--json", action="store_true", help="one JSON object per line")
    v.set_defaults(run=_list)

    v = verbs.add_parser("export", help="all corrections, undone ones included, as a JSON array")
    v.add_argument("--db", **db)
    v.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    v.set_defaults(run=_export)

    v = verbs.add_parser("undo", help="stop applying a correction (re-parse or reindex to redo articles)")
    v.add_argument("id", type=int)
    v.add_argument("--db", **db)
    v.set_defaults(run=_undo)


def _open(args):
    from geo.store import Store

    return Store.open(args.db)


def _list(args) -> int:
    from geo.library.corrections import to_records

    with _open(args) as store:
        found = store.corrections(active_only=not args.all)
    for record, c in zip(to_records(found), found):
        if args.json:
            print(dump_json(record))
        else:
            p = c.place
            print(f"{c.id:5}  {inert(c.name[:28]):28} {inert(c.context) or '(anywhere)':14} -> {inert(p.id):22} "
                  f"{inert(p.name[:28]):28} {p.country:2} {p.lat:.4f},{p.lon:.4f}"
                  + ("" if c.active else "  (undone)"))
    if not args.json:
        print(f"{len(found)} corrections", file=sys.stderr)
    return 0


def _export(args) -> int:
    from geo.library.corrections import to_json

    with _open(args) as store:
        found = store.corrections(active_only=False)
    write_output(to_json(found) + "\n", args.output, f"{len(found)} corrections")
    return 0


def _undo(args) -> int:
    with _open(args) as store:
        if not store.undo_correction(args.id):
            raise GeoError(f"no correction {args.id} in force (see `geo corrections list --all`)")
    print(f"undid correction {args.id}; `geo reindex` re-resolves the stored articles")
    return 0
