"""`geo eval`: score the geoparser on a gold corpus: LGL-format XML (every toponym) or a
one-place-per-text CSV (id, text, location, latitude, longitude); the file type decides."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from geo.geoparse.batch import mention_record, parse_all
from geo.commands.shared import Bar
from geo.evaluate.lgl import Score, load_lgl, score_article
from geo.types import Document


def register(sub) -> None:
    p = sub.add_parser("eval", help="score geotagging and geocoding on an LGL-format corpus (.xml) "
                                    "or a one-place-per-text CSV (.csv)")
    p.add_argument("corpus", type=Path)
    p.add_argument("--errors", type=int, nargs="?", const=40, default=0, metavar="N",
                   help="list the N most frequent false positives, misses and worst resolutions")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--places", action="store_true",
                   help="on a CSV, score only each text's place (found / within 25 km / 161 km), "
                        "even when the CSV also codes events")
    p.add_argument("--without", default="", metavar="RULE[,RULE]",
                   help="switch named rules off (any that `geo rules` lists), to see what each is worth")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.without:
        import os

        import geo.geoparse.pipeline  # noqa: F401 - every stage's rules register as it loads
        from geo.rules import ENV, unknown

        names = [n.strip() for n in args.without.split(",") if n.strip()]
        if unknown(names):
            print(f"geo: no rule named {', '.join(unknown(names))} (`geo rules` lists them)")
            return 2
        # It fills the pipeline's ``without`` (geo.geoparse.pipeline.load_pipeline reads it), here and in
        # the worker processes, which inherit the environment.
        os.environ[ENV] = ",".join(names)
    if args.corpus.suffix.lower() == ".jsonl":
        return run_articles(args)
    if args.corpus.suffix.lower() == ".csv":
        from geo.evaluate.events import is_events_csv

        return run_events(args) if is_events_csv(args.corpus) and not args.places else run_points(args)
    return run_lgl(args)


def _scored(items: list, score, workers: int | None):
    """``score(items, workers, progress)`` with the pipeline loaded first and a progress bar."""
    from geo.geoparse.pipeline import load_pipeline

    load_pipeline()
    bar = Bar(len(items), "scoring")
    result = score(items, workers, bar.update)
    bar.close()
    return result


def run_events(args) -> int:
    """Coded notes (CSV with ACLED's columns): the first event of each note."""
    from geo.evaluate.events import load_notes, score_notes

    score = _scored(load_notes(args.corpus)[: args.limit], score_notes, args.workers)
    summary = score.summary()
    if args.json:
        print(json.dumps({**summary, "confusion": {k: dict(v) for k, v in score.confusion().items()}}))
        return 0
    for k, v in summary.items():
        print(f"{k:>12}: {v}")
    print("\n## types (gold -> predicted)")
    for gold, got in sorted(score.confusion().items()):
        print(f"{gold:>28}: " + ", ".join(f"{t} {c}" for t, c in got.most_common()))
    if args.errors:
        print(f"\n## first {args.errors} notes with an error")
        for o in score.errors(args.errors):
            e = o.event
            failed = [k for k, ok in o.checks.items() if not ok]
            got = ("nothing" if e is None else
                   f"{e.sub_type} @ {e.place.name if e.place else '-'} "
                   f"({'?' if o.km is None else f'{o.km:.0f} km'}) {e.date} k={e.fatalities}")
            print(f"{o.note.id:>10} {','.join(failed):30} {got} | gold {o.note.sub_type} "
                  f"{o.note.date} k={o.note.fatalities} | {o.note.text[:140]!r}")
    return 0


def run_articles(args) -> int:
    """Whole articles coded by hand (JSONL): every event."""
    from geo.evaluate.articles import load_articles, score_articles

    score = _scored(load_articles(args.corpus)[: args.limit], score_articles, args.workers)
    if args.json:
        print(json.dumps({**score.summary(), "genres": score.by_genre()}))
        return 0
    _print_summary(score.summary(), False)
    print("\n## by genre (events P/R, day P/R, place P/R)")
    for genre, s in score.by_genre().items():
        print(f"{genre:>12}: {s['articles']:3} articles {s['gold_events']:4} events  "
              f"{s['events_precision']:.2f}/{s['events_recall']:.2f}  {s['day_precision']:.2f}/"
              f"{s['day_recall']:.2f}  {s['place_precision']:.2f}/{s['place_recall']:.2f}")
    print("\n## sub-types (gold -> predicted)")
    for gold, got in sorted(score.confusion().items()):
        print(f"{gold:>36}: " + ", ".join(f"{t} {c}" for t, c in got.most_common()))
    if args.errors:
        _print_article_errors(score, args.errors)
    return 0


def _print_article_errors(score, n: int) -> None:
    def where(e) -> str:
        return f"{e.sub_type} @ {e.place.name if e.place else '-'} {e.date} {list(e.actors)} k={e.fatalities}"

    shown = 0
    for o in score.outcomes:
        text = o.article.text
        lines = [f"  wrong {','.join(k for k, ok in c.items() if not ok)}: {where(e)} | gold "
                 f"{g.sub_type} {g.date} ({g.lat},{g.lon}) {g.actor1}/{g.actor2} k={g.fatalities}"
                 f" | {text[g.spans[0][0]:g.spans[0][1]][:110]!r}"
                 for e, g, c in o.pairs if not all(c.values())]
        lines += [f"  missed {g.sub_type} {g.date} ({g.lat},{g.lon}) | "
                  f"{text[g.spans[0][0]:g.spans[0][1]][:130]!r}" for g in o.missed]
        lines += [f"  extra {where(e)} | {e.sentence.text[:120]!r}" for e in o.extra]
        if lines and shown < n:
            print(f"\n# {o.article.id}")
            print("\n".join(lines))
            shown += 1


def run_points(args) -> int:
    from geo.evaluate.points import PointScore, load_points, score_text
    from geo.geoparse.pipeline import load_pipeline

    items = load_points(args.corpus)[: args.limit]
    load_pipeline()
    score = PointScore()
    _score_each(items, args.workers, score, lambda item, records: score.add(score_text(item, records)))
    _print_summary(score.summary(), args.json)
    if args.errors:
        print(f"\n## worst {args.errors} (not found first, then by error)")
        for o in score.worst(args.errors):
            m = o.predicted
            got = ("not found" if not o.found else "unplaced" if o.km is None else
                   f"{o.km:7.0f} km -> {m['name']}, {m['admin1']}, {m['country']}")
            print(f"{o.item.id:>10}  {o.item.location!r:22} {got}  | {o.item.text[:90]!r}")
    return 0


def run_lgl(args) -> int:
    articles = load_lgl(args.corpus)[: args.limit]
    from geo.geoparse.pipeline import load_pipeline

    load_pipeline()
    score = Score()

    def add(article, records) -> None:
        score_article(article, records, score)
        score.words += len(article.text.split())

    _score_each(articles, args.workers, score, add)
    _print_summary(score.summary(), args.json)
    if args.errors:
        _print_errors(score, args.errors)
    return 0


def _score_each(items, workers: int, score, add) -> None:
    """Parse each item's text (in worker processes) and hand its mention records to ``add``."""
    bar = Bar(len(items), "scoring")
    started = time.perf_counter()
    for item, parsed in zip(items, parse_all((Document(item.text) for item in items), workers)):
        add(item, [mention_record(r) for r in parsed.resolutions])
        bar.update()
    score.seconds = time.perf_counter() - started
    bar.close()


def _print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary))
        return
    for k, v in summary.items():
        print(f"{k:>12}: {v}")


def _print_errors(score: Score, n: int) -> None:
    print("\n## false positives (most frequent surface forms)")
    for text, count in Counter(t for _, t, _ in score.false_positives).most_common(n):
        example = next(c for _, t, c in score.false_positives if t == text)
        print(f"{count:4}  {text!r:28} {example}")
    print("\n## misses")
    for text, count in Counter(t for _, t, _ in score.misses).most_common(n):
        example = next(c for _, t, c in score.misses if t == text)
        print(f"{count:4}  {text!r:28} {example}")
    print("\n## worst resolutions (gold phrase -> predicted)")
    worst = Counter((p, m["name"], m["country"], m["admin1"]) for _, _, p, m in score.worst)
    for (phrase, name, country, admin1), count in worst.most_common(n):
        print(f"{count:4}  {phrase!r:24} -> {name}, {admin1}, {country}")
