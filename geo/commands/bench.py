"""`geo bench`: speed and memory of the geoparser, of batch ingest, and of the dashboard's query.

Numbers depend on what else runs on the machine, so the load average is reported with them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from geo.types import Document, ParsedDocument

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# A fresh interpreter: what a user waits for on the first `geo parse` once the index exists.
COLD = """
import sys, time
t = time.perf_counter()
from geo.geoparse.pipeline import load_pipeline
from geo.types import Document
load_pipeline().parse(Document(open(sys.argv[1], encoding="utf-8").read()))
print(time.perf_counter() - t)
"""


def register(sub) -> None:
    p = sub.add_parser("bench", help="measure words/s, warm and cold latency, peak memory")
    p.add_argument("--corpus", type=Path, metavar="PATH",
                   help="an LGL-format XML file whose texts join the synthetic articles, or a "
                        "one-place-per-text CSV (id,text,...) timed as captions/s")
    p.add_argument("--seed", type=Path, default=None, help="seed article (default: seeds/*.txt)")
    p.add_argument("--n", type=int, default=100, help="synthetic articles made from the seed")
    p.add_argument("--limit", type=int, default=None, help="use only the first N corpus texts")
    p.add_argument("--runs", type=int, default=20, help="warm parses of the seed (median)")
    p.add_argument("--workers", type=_worker_counts, default=None, metavar="N[,N...]",
                   help="worker processes; with --ingest FILE.jsonl, one run per count (e.g. 1,2)")
    p.add_argument("--no-cold", action="store_true", help="skip the fresh-process measurement")
    p.add_argument("--ingest", metavar="N|FILE.jsonl", help="instead: ingest N synthetic articles "
                   "into a temporary SQLite library and report words/s; or ingest FILE.jsonl with "
                   "each engine (local, dask) and each --workers count, one JSON line per run, then "
                   "their ratios")
    p.add_argument("--dashboard", action="store_true", help="instead: time opening a library "
                   "and reading its events and place summary")
    p.add_argument("--events", type=int, default=10_000, help="events in the --dashboard library")
    p.add_argument("--map", type=_counts, default=None, metavar="N[,N...]",
                   help="instead: the map page over synthetic libraries of N events each, in headless "
                        "Chromium (first render, pan, filter, server memory), one JSON line per size")
    p.add_argument("--map-postgres", metavar="URL", default=None,
                   help="with --map: keep the libraries in this PostgreSQL database (a schema per size), "
                        "not in SQLite files")
    p.add_argument("--map-dir", type=Path, default=None, metavar="DIR",
                   help="with --map: keep the SQLite libraries in DIR (made once, reused; default: the temp dir)")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.add_argument("--no-events", action="store_true", help="parse places only (no reported events)")
    p.add_argument("--hostile", nargs="?", type=float, const=5.0, metavar="REPORT_MB",
                   help="instead: time and peak memory of hostile inputs (lying 2 GB docx, a name "
                   "20,000 times, sentences listing --names places, 1 MB and REPORT_MB war reports; "
                   "0 skips the reports)")
    p.add_argument("--names", type=_counts, default=None, metavar="N[,N...]",
                   help="with --hostile: how many distinct places the listing sentences name "
                   "(default 1000,5000,20000,100000; 0 skips them)")
    p.set_defaults(run=run)


def _counts(text: str) -> tuple[int, ...]:
    try:
        return tuple(n for n in (int(x) for x in text.replace("_", "").split(",")) if n > 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None


def _worker_counts(text: str) -> list[int]:
    import argparse

    try:
        counts = [int(n) for n in text.split(",")]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"expected worker counts such as 2 or 1,2, not {text!r}")
    return counts


def run(args) -> int:
    from geo.errors import GeoError
    from geo.geoparse.pipeline import load_pipeline

    if args.map:
        from geo.commands import bench_map

        return bench_map.run(args.map, folder=args.map_dir, postgres=args.map_postgres)
    if args.ingest is not None and not args.ingest.isdigit():
        return _engines(Path(args.ingest), args.workers or [1, 2])
    if args.workers and len(args.workers) > 1:
        raise GeoError("several --workers counts are for --ingest FILE.jsonl")
    args.workers = args.workers[0] if args.workers else None
    if args.ingest is not None:
        args.ingest = int(args.ingest)
    if args.hostile is not None:
        from geo.commands import bench_hostile

        results = bench_hostile.run(args.hostile, bench_hostile.NAMES if args.names is None else args.names)
        if args.json:
            print(json.dumps({**results, "slope": bench_hostile.slope(results)}))
        else:
            bench_hostile.table(results)
        return 0

    seed = args.seed or min(SEEDS.glob("*.txt"))
    seed_text = seed.read_text(encoding="utf-8")
    # A .csv corpus is one-place-per-text captions (id,text,location,...): timed on their own.
    captions = args.corpus if args.corpus and args.corpus.suffix.lower() == ".csv" else None
    corpus = _corpus(None if captions else args.corpus, args.limit)
    results: dict[str, object] = {"cpus": os.cpu_count(), "load_before": _load()}
    load_pipeline(progress=lambda m: print(f"geo: {m}", file=sys.stderr, flush=True)).events = not args.no_events
    results["events"] = not args.no_events
    if args.ingest is None and not args.dashboard:
        docs = _articles([seed_text], args.n) + _articles(corpus, len(corpus))
        results.update(_parse_speed(docs, args.workers))
        results.update(_warm(seed_text, args.runs))
        if not args.no_cold:
            results.update(_cold(seed))
        if captions:
            results.update(_captions(captions, args.limit, args.workers))
    if args.ingest is not None:
        results.update(_ingest(_articles([seed_text] + corpus, args.ingest), args.workers))
    if args.dashboard:
        results.update(_dashboard(seed_text, args.events))
    results.update(_memory())
    results["load_after"] = _load()
    if args.json:
        print(json.dumps(results))
    else:
        _table(results)
    return 0


def _corpus(path: Path | None, limit: int | None) -> list[str]:
    if path is None:
        return []
    from geo.evaluate.lgl import load_lgl

    return [a.text for a in load_lgl(path)[:limit] if a.text.strip()]


def _captions(path: Path, limit: int | None, workers: int | None) -> dict:
    """Short texts parsed one document each, as `geo eval` parses a caption set."""
    from geo.geoparse.batch import parse_all
    from geo.evaluate.points import load_points

    docs = [Document(item.text) for item in load_points(path)[:limit]]
    started = time.perf_counter()
    for _ in parse_all(docs, workers):
        pass
    seconds = time.perf_counter() - started
    return {"captions": len(docs), "captions_per_s": round(len(docs) / seconds) if seconds else None}


def _articles(texts: list[str], n: int) -> list[Document]:
    """n distinct articles: the texts in turn, each behind its own header line (its own id)."""
    return [Document(f"Dispatch {i + 1}.\n\n{texts[i % len(texts)]}", title=f"Dispatch {i + 1}",
                     source=f"bench-{i + 1}.txt") for i in range(n)]


def _words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def _parse_speed(docs: list[Document], workers: int | None) -> dict:
    from geo.geoparse.batch import parse_all, workers_default

    started = time.perf_counter()
    for _ in parse_all(docs, workers):
        pass
    seconds = time.perf_counter() - started
    return {"batch_articles": len(docs), "batch_words": _words(docs),
            "batch_workers": workers or workers_default(),
            "batch_words_per_s": round(_words(docs) / seconds)}


def _warm(text: str, runs: int) -> dict:
    from geo.geoparse.pipeline import load_pipeline

    pipeline, doc = load_pipeline(), Document(text)
    pipeline.parse(doc)  # first parse fills lazy caches; "warm" means after it
    times = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        pipeline.parse(doc)
        times.append(time.perf_counter() - started)
    return {"seed_words": len(text.split()), "warm_ms": round(1000 * statistics.median(times), 1),
            "warm_runs": len(times)}


def _cold(seed: Path) -> dict:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", COLD, str(seed)], capture_output=True, text=True,
                         check=True)
    wall = time.perf_counter() - started
    return {"cold_ms": round(1000 * wall), "cold_in_process_ms": round(1000 * float(out.stdout))}


def _ingest(docs: list[Document], workers: int | None) -> dict:
    from geo.library.bulk import ingest
    from geo.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp, "bench.sqlite")) as store:
        started = time.perf_counter()
        report = ingest(store, docs, workers=workers)
        wall = time.perf_counter() - started
    return {"ingest_articles": report.added, "ingest_words": report.words,
            "ingest_words_per_s": round(report.words / wall),
            "ingest_seconds": round(wall, 2)}


def _engines(path: Path, counts: list[int]) -> int:
    """Ingest one JSONL file with every engine and worker count into fresh SQLite libraries:
    one JSON line per run, then one of ratios (articles/s). Rates leave out start-up (loading
    the model in every worker), which is reported apart; the load average is taken around each
    run, since other work on the machine moves the figures."""
    from geo.library.bulk import ingest
    from geo.library.sources import ArticleSource
    from geo.store import Store

    if not path.is_file():
        from geo.errors import GeoError

        raise GeoError(f"no such file: {path}")
    engines = ["local", "dask"]
    try:
        import distributed  # noqa: F401
    except ImportError:
        engines.remove("dask")
        print("geo: dask is not installed (pip install 'geo-events-map[distributed]'): local only",
              file=sys.stderr)
    rates: dict[tuple[str, int], float] = {}
    for engine in engines:
        for workers in counts:
            with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp, "bench.sqlite")) as store:
                load = _load()
                started = time.perf_counter()
                report = ingest(store, ArticleSource([path], say=lambda m: None), engine=engine,
                                workers=workers, log=False)
                wall = time.perf_counter() - started
            seconds = report.seconds or 1e-9
            rates[engine, workers] = report.added / seconds
            print(json.dumps({
                "engine": engine, "workers": workers, "articles": report.added,
                "articles_per_s": round(report.added / seconds, 2),
                "words_per_s": round(report.words / seconds), "words": report.words,
                "seconds": round(seconds, 2), "startup_s": round(wall - seconds, 2),
                "failed": len(report.failed), "cpus": os.cpu_count(), "load_before": load,
                "load_after": _load()}), flush=True)
    ratios = {}
    for engine in engines:
        for workers in counts[1:]:
            ratios[f"{engine} {workers}/{counts[0]} workers"] = _ratio(rates, (engine, workers), (engine, counts[0]))
    for workers in counts if "dask" in engines else ():
        ratios[f"dask/local {workers} workers"] = _ratio(rates, ("dask", workers), ("local", workers))
    print(json.dumps({"ratios": ratios}))
    return 0


def _ratio(rates: dict, a: tuple, b: tuple) -> float | None:
    return round(rates[a] / rates[b], 3) if rates.get(b) else None


def _dashboard(seed_text: str, n_events: int) -> dict:
    """A library of ``n_events`` real events: the seed's parse saved under many ids."""
    from geo.geoparse.pipeline import load_pipeline
    from geo.store import Store

    base = load_pipeline().parse(Document(seed_text))
    per_article = max(1, len(base.place_mentions))
    n_articles = -(-n_events // per_article)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "dashboard.sqlite")
        started = time.perf_counter()
        with Store.open(path) as store:
            for i in range(n_articles):
                store.save(_copy(base, i))
        fill = time.perf_counter() - started
        runs = [_open_and_query(path) for _ in range(5)]
    counts = runs[0][1]
    median = [round(statistics.median(r[0][k] for r in runs), 1) for k in range(4)]
    return {"dash_articles": n_articles, "dash_events": counts[0], "dash_places": counts[1],
            "dash_fill_s": round(fill, 1), "dash_first_ms": round(runs[0][0][3]),
            "dash_median_ms": median[3], "dash_open_ms": median[0],
            "dash_events_ms": median[1], "dash_places_ms": median[2]}


def _copy(base: ParsedDocument, i: int, variants: int = 300) -> ParsedDocument:
    """Copy i of the seed's parse, its towns and landmarks moved a little so the library has
    many places; countries and regions stay the few that a real library has.

    The tag goes after the text so every stored offset stays valid; dates spread over 2 years.
    """
    doc = replace(base.doc, text=f"{base.doc.text}\n\nCopy {i}.", title=f"Copy {i}",
                  date=f"{2022 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}")
    v = i % variants

    def moved(p):
        if p.feature in ("country", "region", "continent", "historical_region"):
            return p
        return replace(p, id=f"{p.id}~{v}", lat=p.lat + v / 200, lon=p.lon + v / 200)

    resolutions = [replace(r, place=moved(r.place)) for r in base.resolutions if r.place]
    return ParsedDocument(doc, base.sentences, resolutions)


def _open_and_query(path: Path) -> tuple[list[float], tuple[int, int]]:
    """Milliseconds of Store.open, events(), places_summary() and their total."""
    from geo.store import Store

    marks = [time.perf_counter()]
    with Store.open(path) as store:
        marks.append(time.perf_counter())
        events = store.place_mentions()
        marks.append(time.perf_counter())
        summary = store.places_summary()
        marks.append(time.perf_counter())
    ms = [1000 * (b - a) for a, b in zip(marks, marks[1:])]
    return ms + [sum(ms)], (len(events), len(summary))


def _memory() -> dict:
    # ru_maxrss is in KiB on Linux. CHILDREN is the largest single waited-for descendant (pool
    # workers, the cold-start process), not a sum; forked workers share the parent's pages.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_self_mb": round(own), "peak_rss_child_mb": round(child)}


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


LABELS = {
    "batch_words_per_s": ("batch parse", "words/s"), "warm_ms": ("seed article, warm", "ms"),
    "cold_ms": ("cold start (fresh process)", "ms"),
    "captions_per_s": ("captions (one text per document)", "captions/s"),
    "cold_in_process_ms": ("  of which import+load+parse", "ms"),
    "ingest_words_per_s": ("ingest into SQLite", "words/s"),
    "ingest_seconds": ("  wall time", "s"),
    "dash_first_ms": ("dashboard open+events+places, first", "ms"),
    "dash_median_ms": ("dashboard open+events+places, median", "ms"),
    "dash_open_ms": ("  Store.open", "ms"), "dash_events_ms": ("  events()", "ms"),
    "dash_places_ms": ("  places_summary()", "ms"), "dash_fill_s": ("  filling the library", "s"),
    "peak_rss_self_mb": ("peak RSS, this process", "MB"),
    "peak_rss_child_mb": ("peak RSS, largest child", "MB"),
}


def _table(results: dict) -> None:
    for key, (label, unit) in LABELS.items():
        if key in results:
            print(f"{label:40} {results[key]:>10,} {unit}")
    context = {k: v for k, v in results.items() if k not in LABELS}
    print("  ".join(f"{k}={v}" for k, v in context.items()))
