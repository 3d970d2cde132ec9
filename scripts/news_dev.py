#!/usr/bin/env python3
"""The real-news events dev set: annotations in git, the articles' texts rebuilt locally.

The articles are third-party text, so only our annotations are committed
(``dev/news/annotations.jsonl``: each article's public repository, path, commit, how to cut the
article out of that file, the text's SHA-256, and the events coded by hand with character
offsets). This script puts the texts back:

    scripts/news_dev.py build --sources DIR     # DIR holds clones (DIR/owner/name) or bare git
                                                # dirs (DIR/owner+name) of the source repositories,
                                                # or single files (DIR/owner+name/files/COMMIT/PATH)
    .venv/bin/geo eval dev/news/corpus.jsonl --errors 20

``build`` writes ``dev/news/corpus.jsonl`` (git-ignored): one article a line, with its text.
``import`` turns annotation files that quote the text (how the coders work) into offsets.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent / "dev"
SETS = ("news", "news-heldout")  # the set we tune on; the one we only score, never read errors of
EVENT_KEYS = ("event_type", "sub_event_type", "date", "location", "admin1", "country", "latitude",
              "longitude", "geo_precision", "actor1", "actor2", "fatalities")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cut(blob: str, how: dict) -> str:
    """The article inside a file's text, as the annotation's ``extract`` says."""
    kind = how.get("kind", "whole")
    if kind == "whole":
        return blob
    if kind == "chars":
        return blob[how["start"]:how["end"]]
    if kind == "json":
        node = json.loads(blob)
        for part in how["pointer"].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node
    if kind == "jsonl":
        return json.loads(blob.splitlines()[how["line"]])[how["field"]]
    if kind == "csv":
        csv.field_size_limit(sys.maxsize)  # whole transcripts in one field
        rows = csv.DictReader(io.StringIO(blob))
        for i, row in enumerate(rows):
            if i == how["row"]:
                return row[how["field"]]
        raise KeyError(f"no row {how['row']}")
    raise ValueError(f"unknown extract kind {kind!r}")


def _show(sources: Path, repo: str, commit: str, path: str) -> str:
    for git_dir in (sources / repo.replace("/", "+"), sources / repo.replace("/", "+") / "repo",
                    sources / repo / ".git", sources / repo):  # bare, the fetch tool's mirror, clones
        if git_dir.is_dir():
            out = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                                 capture_output=True, check=False)
            if out.returncode == 0:
                return out.stdout.decode("utf-8")
    # A snapshot too large to fetch: the one file, copied page by page from the search tool's store.
    copy = sources / repo.replace("/", "+") / "files" / commit / path
    if copy.is_file():
        return copy.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{repo}@{commit[:10]}:{path} not under {sources}")


def build(args) -> int:
    done, failed = 0, 0
    with open(args.out, "w", encoding="utf-8") as out:
        for line in (DEV / args.set / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            src = a["source"]
            try:
                text = cut(_show(args.sources, src["repo"], src["commit"], src["path"]), src["extract"])
            except (OSError, KeyError, IndexError, ValueError) as e:
                print(f"{a['id']}: {e}", file=sys.stderr)
                failed += 1
                continue
            if sha(text) != src["sha256"] and sha(text.replace("\r\n", "\n")) == src["sha256"]:
                text = text.replace("\r\n", "\n")  # coded from the search tool's copy, which has no CRs
            if sha(text) != src["sha256"]:
                print(f"{a['id']}: text differs from the coded one (sha256)", file=sys.stderr)
                failed += 1
                continue
            out.write(json.dumps({**a, "text": text}, ensure_ascii=False) + "\n")
            done += 1
    print(f"{done} articles written to {args.out}; {failed} could not be rebuilt")
    return 1 if failed and not done else 0


def _span(text: str, quote: str, aid: str) -> list[int]:
    at = text.find(quote)
    if at < 0:
        raise SystemExit(f"{aid}: quote not in the text: {quote[:60]!r}")
    return [at, at + len(quote)]


_UKRAINE, _RUSSIA = "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"


def _harmonised(e: dict) -> dict:
    """One convention where the coders differed: in a disrupted weapons use the side that
    intercepts is actor 1 (as ACLED's Ukraine data has it), the side whose drones or missiles
    were downed actor 2; over Russia or Crimea the interceptor is Russia's, elsewhere Ukraine's."""
    if e["sub_event_type"] != "Disrupted weapons use" or e.get("latitude") is None:
        return e
    a1, a2 = e.get("actor1") or "", e.get("actor2") or ""
    sides = {"ukraine" in a1.lower(), "ukraine" in a2.lower(), "russia" in a1.lower(), "russia" in a2.lower()}
    if True not in sides:
        return e
    held = e.get("country") == "Russia" or (e.get("admin1") or "").lower() in ("crimea", "sevastopol")
    return {**e, "actor1": _RUSSIA if held else _UKRAINE, "actor2": _UKRAINE if held else _RUSSIA}


def import_(args) -> int:
    """Coders' files (events quoting the text) -> annotations with offsets, and the corpus."""
    rows, corpus = [], []
    for f in args.files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            a = json.loads(line)
            text = (args.texts / f"{a['id']}.txt").read_text(encoding="utf-8")
            events = []
            for e in a["events"]:
                spans = [_span(text, q, a["id"]) for q in [e["quote"], *e.get("more_quotes", [])]]
                events.append(_harmonised({"spans": spans, **{k: e.get(k) for k in EVENT_KEYS}}))
            row = {"id": a["id"], "outlet": a.get("outlet", ""), "genre": a.get("genre", ""),
                   "source": {**a["source"], "sha256": sha(text)},
                   "article_date": a.get("article_date"), "events": events}
            rows.append(row)
            corpus.append({**row, "text": text})
    here = DEV / args.set
    here.mkdir(parents=True, exist_ok=True)
    with open(here / "annotations.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    with open(here / "corpus.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus)
    n = sum(len(r["events"]) for r in rows)
    print(f"{len(rows)} articles, {n} events -> {args.set}/annotations.jsonl and corpus.jsonl")
    return 0


def _in_sentences(text: str, spans) -> list[tuple[int, int]]:
    """Each span widened to the sentences it touches: two coders quote different words of one sentence."""
    from geo.text.sentences import split

    bounds = [(s.start, s.end) for s in split(text)]
    return [(s, e) for a, b in spans for s, e in bounds if s < max(b, a + 1) and a < e]


def _agreeing(a: dict, b: dict) -> dict[str, bool]:
    from geo.distance import distance_km
    from geo.evaluate.articles import acled_actor

    both = None not in (a.get("latitude"), b.get("latitude"))
    return {
        "type": a["event_type"] == b["event_type"],
        "sub_type": a["sub_event_type"] == b["sub_event_type"],
        "day": (a.get("date") or "")[:10] == (b.get("date") or "")[:10],
        "place": (distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) <= 25.0 if both
                  else a.get("latitude") is None and b.get("latitude") is None),
        "actor1": acled_actor(a.get("actor1", "")) == acled_actor(b.get("actor1", "")),
        "actor2": acled_actor(a.get("actor2", "")) == acled_actor(b.get("actor2", "")),
        "fatalities": int(a.get("fatalities") or 0) == int(b.get("fatalities") or 0),
    }


def agree(args) -> int:
    """A second coder's file scored against the first coding as ``geo eval`` scores the extractor:
    events match when they share a sentence; precision is the second coder's, recall the first's."""
    from geo.evaluate.articles import paired

    first = {json.loads(line)["id"]: json.loads(line) for line in Path(args.first).read_text(encoding="utf-8").splitlines() if line.strip()}
    pairs, n_first, n_second = [], 0, 0
    for line in Path(args.second).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        b = json.loads(line)
        a = first[b["id"]]
        text = a["text"]
        ours = [(_in_sentences(text, e["spans"]), e) for e in a["events"]]
        theirs = [(_in_sentences(text, e.get("spans") or [_span(text, q, b["id"])
                                                          for q in [e["quote"], *e.get("more_quotes", [])]]),
                   _harmonised(e)) for e in b["events"]]
        n_first, n_second = n_first + len(ours), n_second + len(theirs)
        pairs += [c for _, _, c in paired((i, j, _agreeing(ea, eb)) for i, (sb, eb) in enumerate(theirs)
                                          for j, (sa, ea) in enumerate(ours) if set(sa) & set(sb))]
    out = {"first_events": n_first, "second_events": n_second, "matched": len(pairs)}
    for name, n in (("events", len(pairs)), ("day", sum(c["day"] for c in pairs)),
                    ("place", sum(c["place"] for c in pairs))):
        out[f"{name}_precision"] = round(n / n_second, 3) if n_second else 0.0
        out[f"{name}_recall"] = round(n / n_first, 3) if n_first else 0.0
    for name in ("type", "sub_type", "day", "place", "actor1", "actor2", "fatalities"):
        out[f"{name}_among_matched"] = round(sum(c[name] for c in pairs) / len(pairs), 3) if pairs else 0.0
    for k, v in out.items():
        print(f"{k:>24}: {v}")
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="rebuild dev/news/corpus.jsonl from the source repositories")
    b.add_argument("--sources", type=Path, required=True)
    b.add_argument("--out", type=Path, help="default: the set's corpus.jsonl")
    b.set_defaults(run=build)
    i = sub.add_parser("import", help="coders' quoting files -> annotations.jsonl (offsets)")
    i.add_argument("files", nargs="+")
    i.add_argument("--texts", type=Path, required=True, help="folder of <id>.txt")
    i.set_defaults(run=import_)
    g = sub.add_parser("agree", help="a second coder's quoting file against the first coding (agreement)")
    g.add_argument("first", help="a corpus.jsonl (texts and events with spans)")
    g.add_argument("second", help="the second coding (events with spans, or quoting the text)")
    g.set_defaults(run=agree)
    for q in (b, i):
        q.add_argument("--set", choices=SETS, default="news")
    g.set_defaults(set="news")
    args = p.parse_args()
    if getattr(args, "out", False) is None:
        args.out = DEV / args.set / "corpus.jsonl"
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
