"""`geo parse`: places and sentences of articles, or the batch JSONL contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from geo.geoparse.batch import mention_record
from geo.commands.shared import Bar, dump_json, read_path
from geo.errors import inert, one_line
from geo.errors import GeoError
from geo.events import event_record
from geo.library.sources import open_jsonl
from geo.geoparse.windows import WINDOW, Failed, parse_or_fail


def register(sub) -> None:
    p = sub.add_parser("parse", help="find and resolve the places in articles")
    p.add_argument("files", nargs="*", help=".txt .md .html .pdf .docx files")
    p.add_argument("--format", choices=["text", "json", "geojson", "csv"], default="text")
    p.add_argument("--jsonl", metavar="IN",
                   help='batch: lines of {"id", "text"} (optional "date": ISO, the article\'s, for '
                        'relative dates); "-" for stdin')
    p.add_argument("--events", action="store_true",
                   help="csv/geojson: reported events (ACLED-style columns) instead of places")
    p.add_argument("-o", "--output", metavar="OUT", help="where to write (default stdout)")
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(run=run)


def run(args) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.jsonl:
            return _batch(args.jsonl, out, args.workers)
        if not args.files:
            raise GeoError("give files to parse, or --jsonl IN")
        return _files(args.files, args.format, out, getattr(args, "events", False))
    finally:
        if out is not sys.stdout:
            out.close()


def _say(message: str) -> None:
    print(f"geo: {inert(message)}", file=sys.stderr)  # names, ids and reasons: never terminal controls


def _read_lines(path: str):
    """(id, Document) per usable input line; a bad line is reported with its number, never fatal."""
    for doc_id, _, doc in open_jsonl(path, _say):
        yield doc_id, doc


def _chunks(items, size: int = 128, chars: int = 64_000_000):
    """The records in runs of ``size`` or ``chars`` characters of text, as geo.library.bulk reads files:
    a file of many records is parsed as it is read, never held whole."""
    chunk, held = [], 0
    for item in items:
        chunk.append(item)
        held += len(item[1].text)
        if len(chunk) >= size or held >= chars:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _batch(path: str, out, workers: int | None) -> int:
    from geo.geoparse.batch import BatchParser

    bar = Bar(None, "parsing")
    shown: set[str] = set()  # a service that is down would say so on every line otherwise
    failed = total = 0
    parser = None
    try:
        for chunk in _chunks(_read_lines(path)):
            parser = parser or BatchParser(workers)  # no model loaded for a file with no records
            for (doc_id, _), parsed in zip(chunk, parser.parse(d for _, d in chunk)):
                total += 1
                if isinstance(parsed, Failed):  # the line keeps its place in the output, with the reason
                    failed += 1
                    _say(f"id {doc_id}: {parsed.reason}")
                    out.write(dump_json({"id": doc_id, "mentions": [], "events": [], "error": parsed.reason}) + "\n")
                else:
                    record = {"id": doc_id, "mentions": [mention_record(r) for r in parsed.resolutions],
                              "events": [event_record(e) for e in parsed.events]}
                    out.write(dump_json(record) + "\n")
                    _notes(parsed, f"id {doc_id}", shown)
                bar.update()
    finally:
        if parser is not None:
            parser.close()
    bar.close()
    return 1 if failed and failed == total else 0


def _files(files: list[str], fmt: str, out, events_only: bool = False) -> int:
    from geo.library import export
    from geo.geoparse.pipeline import load_pipeline

    pipeline = load_pipeline()
    parsed_docs, failed = [], 0
    for name in files:
        try:
            doc = read_path(name)
        except GeoError as exc:
            _say(f"{name}: {one_line(str(exc))}")
            failed += 1
            continue
        bar = _WindowBar(inert(f"{Path(name).name}: long text, part")) if len(doc.text) > WINDOW else None
        parsed = parse_or_fail(pipeline, doc, progress=bar)
        if bar is not None:
            bar.close()
        if isinstance(parsed, Failed):
            _say(f"{name}: {parsed.reason}")
            failed += 1
            continue
        parsed_docs.append(parsed)
        _notes(parsed, name, set())
    if fmt == "text":
        for parsed in parsed_docs:
            out.write(_as_text(parsed))
    elif fmt == "json":
        out.write(dump_json([_as_record(p) for p in parsed_docs]) + "\n")
    elif events_only:
        events = [e for parsed in parsed_docs for e in parsed.events]
        titles = {p.doc.id: p.doc.title or p.doc.source for p in parsed_docs}
        out.write({"geojson": export.events_to_geojson, "csv": export.events_to_csv}[fmt](events, titles))
    else:
        mentions = [e for parsed in parsed_docs for e in parsed.place_mentions]
        titles = {p.doc.id: p.doc.title for p in parsed_docs}
        if fmt == "csv":
            out.write(export.to_csv(mentions, titles))
        else:
            # Places, then the events as features of their own ("kind": "event"): one file
            # carries both, and a GIS filters on the kind.
            collection = export.to_geojson_dict(mentions, titles)
            for feature in collection["features"]:
                feature["properties"]["kind"] = "place"
            collection["features"] += export.events_to_geojson_dict(
                [e for parsed in parsed_docs for e in parsed.events], titles)["features"]
            out.write(json.dumps(collection, ensure_ascii=False, indent=1))
    return 1 if failed and not parsed_docs else 0


class _WindowBar(Bar):
    """Progress through the windows of one long text (geo.geoparse.windows calls it with done, total)."""

    def __init__(self, label: str):
        super().__init__(None, label)

    def __call__(self, done: int, total: int) -> None:
        self.total = total
        self.update(done - self.done)


def _as_text(parsed) -> str:
    """Places, most mentioned first, each with the sentences that mention it."""
    lines = [f"# {parsed.doc.title or parsed.doc.source or parsed.doc.id}"]
    for place, mentions in parsed.places():
        where = ", ".join(x for x in (place.admin1, place.country) if x and x != place.name)
        lines.append(f"\n{place.name} ({place.feature}{', ' + where if where else ''}) "
                     f"{place.lat:.4f}, {place.lon:.4f} — {len(mentions)} place mention(s)")
        for index in dict.fromkeys(r.mention.sentence for r in mentions):
            lines.append(f"  - {parsed.sentences[index].text}")
    if parsed.events:
        lines.append(f"\n## {len(parsed.events)} event(s)")
    for e in parsed.events:
        where = e.place.name if e.place else "no place"
        toll = ", ".join(f"{n} {w}" for n, w in ((e.fatalities, "killed"), (e.injured, "injured"))
                         if n is not None)
        lines.append(f"\n{e.date or 'undated'}  {e.sub_type} ({e.type}) — {where}"
                     f"{' — ' + ', '.join(e.actors) if e.actors else ''}{' — ' + toll if toll else ''}")
        lines.append(f"  - {e.sentence.text}")
    return "\n".join(lines) + "\n\n"


def _as_record(parsed) -> dict:
    return {"id": parsed.doc.id, "title": parsed.doc.title, "source": parsed.doc.source,
            "date": parsed.doc.date, "mentions": [mention_record(r) for r in parsed.resolutions],
            "events": [event_record(e) for e in parsed.events]}


def _notes(parsed, where: str, shown: set[str]) -> None:
    for note in parsed.notes:
        if note not in shown:
            shown.add(note)
            print(f"geo: {inert(where)}: {inert(note)}", file=sys.stderr)
