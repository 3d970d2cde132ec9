"""`geo ingest | export | reindex | articles | remove`: the article library from the shell."""

from __future__ import annotations

import json
import os
import signal
import sys

from geo.commands.shared import Bar, dump_json, write_output
from geo.errors import inert
from geo.errors import GeoError
from geo.types import FEATURES

FORMATS = ("geojson", "csv", "kml")


def register(sub) -> None:
    db = {"metavar": "URL", "default": None,
          "help": "SQLite file or SQLAlchemy URL (default: $GEO_DATABASE_URL, else the data dir)"}
    p = sub.add_parser("ingest", help="parse files, folders and JSONL archives into the article library")
    p.add_argument("paths", nargs="*", metavar="SOURCE",
                   help='a folder, a file, a JSONL archive ({"id","text",...} lines; .gz too) or a '
                        "glob ('archive/2024-*.jsonl'), streamed")
    p.add_argument("--db", **db)
    p.add_argument("--engine", default="local", metavar="{local,dask}",  # checked by geo.library.bulk.ingest
                   help="local: this machine's process pool (default); dask: a Dask cluster, local "
                        "unless --address or $GEO_DASK_ADDRESS names a scheduler")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes (default: $GEO_WORKERS, else all cores); with an "
                        "--address, wait until that many have joined")
    p.add_argument("--address", default=None, metavar="tcp://HOST:8786",
                   help="--engine dask: the scheduler of a running cluster (default $GEO_DASK_ADDRESS)")
    p.add_argument("--report", action="store_true",
                   help="list the files the library could not take, and why (after ingesting SOURCE, if given)")
    p.set_defaults(run=_ingest)

    p = sub.add_parser("export", help="write the library's place mentions (or, with --events, its events) as GeoJSON, "
                                      "CSV or KML")
    p.add_argument("--db", **db)
    p.add_argument("--format", choices=FORMATS, default="geojson")
    p.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    p.add_argument("--article", action="append", metavar="ID", help="repeatable")
    p.add_argument("--country", action="append", metavar="CC", help="ISO code, repeatable")
    p.add_argument("--region", action="append", metavar="NAME", help="admin-1 name or code")
    p.add_argument("--feature", action="append", choices=FEATURES, metavar="TYPE")
    p.add_argument("--bbox", type=_bbox, metavar="S,W,N,E")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="ISO date, inclusive")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="ISO date, inclusive")
    p.add_argument("--source", action="append", metavar="NAME", help="the article's source, repeatable")
    p.add_argument("--demonyms", action="store_true",
                   help='nationality words ("Russian troops") as mentions of their country, as the map asks')
    p.add_argument("--events", action="store_true",
                   help="reported events (one per row/feature; CSV with ACLED's column names) "
                        "instead of place mentions; --from/--to then filter the event's date")
    p.add_argument("--type", action="append", metavar="TYPE", dest="event_types",
                   help='with --events: ACLED event type, e.g. "Battles" (repeatable)')
    p.add_argument("--sub-type", action="append", metavar="SUB", dest="sub_types",
                   help='with --events: sub-event type, e.g. "Air/drone strike" (repeatable)')
    p.add_argument("--actor", action="append", metavar="NAME", dest="actors",
                   help='with --events: e.g. "Russian forces" (repeatable)')
    p.set_defaults(run=_export)

    p = sub.add_parser("reindex", help="re-parse stored articles with the current gazetteer")
    p.add_argument("--db", **db)
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(run=_reindex)

    p = sub.add_parser("articles", help="list the stored articles: events, place mentions and places of each")
    p.add_argument("--db", **db)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(run=_articles)

    p = sub.add_parser("remove", help="delete a stored article, its events and its place mentions")
    p.add_argument("id", help="article id (a unique prefix will do)")
    p.add_argument("--db", **db)
    p.set_defaults(run=_remove)


def _bbox(text: str):
    import argparse

    try:
        south, west, north, east = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected S,W,N,E in degrees, e.g. 44,22,53,41") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise argparse.ArgumentTypeError(f"not a box: {text} (S<=N, longitudes within ±180)")
    return south, west, north, east


def _open(args):
    from geo.store import Store

    return Store.open(args.db)


class ReportBar(Bar):
    """The shared progress bar, with outcome counts, articles/s, words/s and an ETA. The total
    is exact for files; for an archive streamed line by line it is ``estimate()``d from the
    share of its bytes read (shown with a ~)."""

    report = None
    estimate = None  # () -> int | None

    def _draw(self, now: float) -> None:
        r = self.report
        if r is None:
            return super()._draw(now)
        total = self.total or (self.estimate() if self.estimate is not None else None)
        rate = r.done / max(now - r.started, 1e-9)  # from the end of loading
        share = min(self.done / total, 1.0) if total else 0.0
        left = max(0, total - self.done) if total else None
        eta = _clock(left / rate) if left is not None and rate > 0 else "?"
        count = f"{self.done}/{'' if self.total else '~'}{total}" if total else f"{self.done}"
        text = (f"{self.label} [{'#' * int(30 * share)}{'.' * (30 - int(30 * share))}] {count} "
                f"+{r.added} ={r.existing} !{len(r.failed)} {rate:,.1f} articles/s "
                f"{r.words_per_s:,.0f} words/s ETA {eta}")
        print(("\r\033[K" if self.tty else "") + text, end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        """A line of its own above the bar; file names and reasons in it printed inert."""
        print(("\r\033[K" if self.tty else "") + inert(message), file=sys.stderr, flush=True)


def _clock(seconds: float) -> str:
    """1:02:03 or 2:03."""
    minutes, s = divmod(int(seconds), 60)
    hours, m = divmod(minutes, 60)
    return f"{hours}:{m:02d}:{s:02d}" if hours else f"{m}:{s:02d}"


ALREADY_NOTES = 20  # files named as already in the library; a rerun over 10,000 says the rest in the summary


def _progress_bar(total: int | None, label: str, estimate=None) -> tuple[ReportBar, object]:
    bar = ReportBar(total, label)
    bar.estimate = estimate

    def progress(report, name: str, outcome: str) -> None:
        bar.report = report
        if outcome == "failed":
            bar.note(f"geo: {name}: skipped: {report.failed[-1][1]}")
        elif outcome == "existing" and report.existing <= ALREADY_NOTES:
            bar.note(f"geo: {name}: already in the library, not added again"
                     + (" (the others are counted below)" if report.existing == ALREADY_NOTES else ""))
        bar.update()

    return bar, progress


def _quiet_workers() -> None:
    # Ctrl-C reaches the whole process group; pool workers would each print a traceback.
    # The parent alone stops, and its pool terminates the workers.
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))


def _ingest(args) -> int:
    from geo.library.bulk import ingest
    from geo.library.sources import ArticleSource

    if not args.paths and not args.report:
        raise GeoError("give files, folders, JSONL archives or globs to ingest, or --report")
    if args.address and args.engine != "dask":
        raise GeoError("--address names a Dask scheduler: add --engine dask")
    if args.workers is not None and args.workers < 1:
        raise GeoError("--workers must be at least 1")
    source = ArticleSource(args.paths) if args.paths else None
    if source is not None and not source.files:
        raise GeoError("no supported files found (" + ", ".join(args.paths) + ")")
    report = None
    with _open(args) as store:
        if source is not None:
            _quiet_workers()
            bar, progress = _progress_bar(source.count, "ingest", source.estimate)
            report = ingest(store, source, workers=args.workers, progress=progress, on_load=bar.note,
                            engine=args.engine, address=args.address)
            bar.close()
            print(report.summary(), file=sys.stderr)
        if args.report:
            _failure_report(store)
    if report is None:
        return 0
    if report.interrupted:
        return 130
    return 1 if report.failed and not (report.added or report.existing) else 0


def _failure_report(store) -> None:
    """What the library could not take (from any ingest, upload or reindex), newest first."""
    from geo.library.failures import FailureLog

    failures = FailureLog.beside(store).failures()
    for f in failures:
        print(f"{f.at.replace('T', ' ')[:19]}  {f.step:8}  {inert(f.name)}: {inert(f.reason)}")
    print(f"{len(failures)} file{'s' if len(failures) != 1 else ''} could not be added"
          if failures else "no failed files", file=sys.stderr)


def _reindex(args) -> int:
    from geo.library.bulk import reindex

    with _open(args) as store:
        _quiet_workers()
        bar, progress = _progress_bar(len(store.articles()), "reindex")
        report = reindex(store, workers=args.workers, progress=progress, on_load=bar.note)
        bar.close()
        kept = len(store.corrections())
    print(report.summary("reindexed") + f"; {kept} corrections kept", file=sys.stderr)
    return 130 if report.interrupted else (1 if report.failed else 0)


def flat_geojson(events, titles: dict[str, str]) -> dict:
    """export.to_geojson_dict with scalar properties only: QGIS and shapefiles take no lists."""
    from geo.library.export import to_geojson_dict

    collection = to_geojson_dict(events, titles)
    for feature in collection["features"]:
        props = feature["properties"]
        sentences = props.pop("sentences")
        articles = props.pop("articles")
        props["n_articles"] = len(articles)
        props["articles"] = " | ".join(articles)
        props["mention_texts"] = " | ".join(dict.fromkeys(s["mention"] for s in sentences))
        props["first_sentence"] = sentences[0]["sentence"] if sentences else ""
        props["max_score"] = max((s["score"] for s in sentences), default=0.0)
    return collection


def _filter(args):
    from geo.filters import EventFilter

    return EventFilter(countries=tuple(_split(args.country) or ()), regions=tuple(args.region or ()),
                       features=tuple(args.feature or ()), doc_ids=tuple(args.article or ()), bbox=args.bbox,
                       date_from=args.date_from, date_to=args.date_to, types=tuple(args.event_types or ()),
                       sub_types=tuple(args.sub_types or ()), actors=tuple(args.actors or ()),
                       sources=tuple(args.source or ()), demonyms=args.demonyms)


def _export(args) -> int:
    from geo.library import export
    from geo.filters import stored_mentions

    if args.events:
        return _export_events(args)
    if args.event_types or args.sub_types or args.actors:
        raise GeoError("--type, --sub-type and --actor filter reported events: add --events")
    with _open(args) as store:
        events = stored_mentions(store, _filter(args))  # the dashboard's filter, in SQL
        titles = {a.id: a.title or a.source or a.id for a in store.articles()}
    if args.format == "geojson":
        text = json.dumps(flat_geojson(events, titles), ensure_ascii=False, indent=1)
    else:
        text = {"csv": export.to_csv, "kml": export.to_kml}[args.format](events, titles)
    write_output(text, args.output, f"{len(events)} place mention{'s' if len(events) != 1 else ''}")
    return 0


def _export_events(args) -> int:
    from geo.library import export
    from geo.filters import stored_events
    from geo.events import SUB_TYPES, TAXONOMY

    for given, known, what in ((args.event_types, TAXONOMY, "event type"),
                               (args.sub_types, SUB_TYPES, "sub-event type")):
        for value in given or ():
            if value not in known:
                raise GeoError(f"unknown {what} {value!r} (one of: {', '.join(known)})")
    if args.feature:
        raise GeoError("--feature filters place mentions, not events")
    with _open(args) as store:
        events = stored_events(store, _filter(args))  # the dashboard's filter, in SQL
        titles = {a.id: a.title or a.source or a.id for a in store.articles()}
    text = {"geojson": export.events_to_geojson, "csv": export.events_to_csv,
            "kml": export.events_to_kml}[args.format](events, titles)
    write_output(text, args.output, f"{len(events)} events")
    return 0


def _split(values: list[str] | None) -> list[str] | None:
    return None if values is None else [v.strip() for x in values for v in x.split(",") if v.strip()]


def _articles(args) -> int:
    with _open(args) as store:
        infos = store.articles()
    for a in infos:
        if args.json:
            print(dump_json({"id": a.id, "title": a.title, "source": a.source, "date": a.date,
                             "added_at": a.added_at, "events": a.n_events, "place_mentions": a.n_mentions,
                             "places": a.n_places}))
        else:
            print(f"{a.id}  {a.date or '-':10.10}  {a.n_events:4} events {a.n_mentions:5} place mentions "
                  f"{a.n_places:4} places  "
                  f"{inert((a.title or a.source)[:70])}")
    if not args.json:
        print(f"{len(infos)} articles", file=sys.stderr)
    return 0


def _remove(args) -> int:
    with _open(args) as store:
        matches = [a for a in store.articles() if a.id.startswith(args.id)]
        if len(matches) != 1 or not args.id:
            what = "no article" if not matches else f"{len(matches)} articles"
            raise GeoError(f"{what} with id {args.id!r} (see `geo articles`)")
        store.remove(matches[0].id)
        _audit(store, "remove", matches[0].id)
    print(f"removed {matches[0].id}  {inert(matches[0].title[:70])}")
    return 0


def _audit(store, action: str, target: str) -> None:
    """Who removed what from a shared library: the shell user, as the dashboard records its own."""
    import getpass

    from geo.library.audit import AuditLog

    try:
        AuditLog.beside(store).record(f"shell:{getpass.getuser()}", action, target)
    except Exception:  # noqa: BLE001 - the removal stands even if the note cannot be written
        pass
