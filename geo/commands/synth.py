"""`geo synth N`: a library of N synthetic events on real gazetteer towns (geo.store.synthetic)."""

from __future__ import annotations

import time

from geo.commands.shared import Bar


def register(sub) -> None:
    p = sub.add_parser("synth", help="write N synthetic reported events into a library (for the map at scale)")
    p.add_argument("events", type=int, metavar="N", help="events to write, e.g. 1000000")
    p.add_argument("--db", metavar="URL", default=None,
                   help="SQLite file or SQLAlchemy URL (default: $GEO_DATABASE_URL, else the data dir)")
    p.add_argument("--per-article", type=int, default=50, help="events per synthetic article (default 50)")
    p.add_argument("--seed", type=int, default=1, help="another seed adds another set of articles")
    p.set_defaults(run=_synth)


def _synth(args) -> int:
    import json

    from geo.gazetteer import Gazetteer
    from geo.store import Store
    from geo.store.synthetic import generate

    gazetteer = Gazetteer.open()
    bar = Bar(args.events, "events")
    started = time.perf_counter()
    with Store.open(args.db) as store:
        done = generate(store, args.events, gazetteer.db, max(1, args.per_article), args.seed,
                        progress=lambda n: bar.update(n - bar.done))
    bar.close()
    print(json.dumps({**done, "seconds": round(time.perf_counter() - started, 1)}))
    return 0
