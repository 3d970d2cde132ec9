"""Score event extraction on whole articles coded by hand (``dev/news/``): every event an
article reports, not just a note's first.

The corpus is JSONL, one article a line: ``{"id", "text", "article_date", "events": [...]}``,
each gold event with ``spans`` ([start, end] character ranges of the sentences that report it),
ACLED's ``event_type``, ``sub_event_type``, ``date``, ``latitude``, ``longitude``, ``actor1``,
``actor2`` and ``fatalities``. ``scripts/news_dev.py`` builds that file from the annotations and
the sources' public repositories.

An article is read as an upload of its text is (``geo.text.ingest.read``: its dateline gives the
date); the coded publication date stands in for a file's metadata when the text states none.
A predicted event matches a gold one when one of its sentences overlaps one of the gold
event's; pairs are matched one to one, the best agreeing first (type, then place, then day).
A predicted event left over counts against precision (an event coded twice is one of these),
a gold one left over against recall. Day and place are scored the same way: a match counts for
"day" only with the right day, for "place" only within 25 km.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo.errors import GeoError
from geo.distance import distance_km
from geo.types import Event

NEAR_KM = 25.0
CHECKS = ("type", "sub_type", "day", "place", "actor1", "actor2", "fatalities")


@dataclass(frozen=True, slots=True)
class Gold:
    spans: tuple[tuple[int, int], ...]
    type: str
    sub_type: str
    date: str | None
    lat: float | None
    lon: float | None
    actor1: str
    actor2: str
    fatalities: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    date: str | None
    events: tuple[Gold, ...]
    genre: str = ""


def acled_actor(name: str) -> str:
    """ACLED's actor name as this project names actors ("Military Forces of Russia (2000-)
    Air Force" -> "Russian forces")."""
    n = (name or "").lower()
    for key, ours in (("wagner", "Wagner Group"), ("donetsk people", "DPR forces"),
                      ("luhansk people", "LPR forces"), ("military forces of russia", "Russian forces"),
                      ("military forces of ukraine", "Ukrainian forces"), ("civilians", "Civilians"),
                      ("police", "Police"), ("protesters", "Protesters"), ("rioters", "Rioters")):
        if key in n:
            return ours
    return name or ""


def load_articles(path: Path) -> list[Article]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise GeoError(f"cannot read {path}: {e}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            a = json.loads(line)
            events = tuple(Gold(tuple(tuple(s) for s in e["spans"]), e["event_type"], e["sub_event_type"],
                                e.get("date"), e.get("latitude"), e.get("longitude"),
                                acled_actor(e.get("actor1", "")), acled_actor(e.get("actor2", "")),
                                int(e.get("fatalities") or 0))
                           for e in a["events"])
            out.append(Article(str(a["id"]), a["text"], a.get("article_date"), events, a.get("genre", "")))
        except (ValueError, KeyError, TypeError) as e:
            raise GeoError(f"{path}:{n}: not an article line ({type(e).__name__}: {e})") from None
    return out


def is_articles_jsonl(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8") as f:
            first = json.loads(next((line for line in f if line.strip()), "{}"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(first, dict) and "events" in first and "text" in first


def _sentences(e: Event) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in (e.sentence, *e.more)]


def _overlap(a: list[tuple[int, int]], b: tuple[tuple[int, int], ...]) -> bool:
    return any(s < y and x < t for s, t in a for x, y in b)


def checks(e: Event, g: Gold) -> dict[str, bool]:
    km = (distance_km(e.place.lat, e.place.lon, g.lat, g.lon)
          if e.place is not None and g.lat is not None and g.lon is not None else None)
    acting = [a for a in e.actors if a != "Civilians"]
    return {
        "type": e.type == g.type,
        "sub_type": e.sub_type == g.sub_type,
        "day": (e.date or "")[:10] == (g.date or "")[:10],
        "place": km is not None and km <= NEAR_KM if g.lat is not None else e.place is None,
        "actor1": (acting[0] if acting else "") == g.actor1 or (not g.actor1 and not acting),
        "actor2": (not g.actor2) or g.actor2 in e.actors[1:],
        "fatalities": (e.fatalities or 0) == g.fatalities,
    }


@dataclass
class ArticleOutcome:
    article: Article
    predicted: list[Event]
    pairs: list[tuple[Event, Gold, dict[str, bool]]] = field(default_factory=list)
    extra: list[Event] = field(default_factory=list)
    missed: list[Gold] = field(default_factory=list)


def paired(candidates) -> list[tuple[int, int, dict[str, bool]]]:
    """(i, j, checks) of events that share a sentence -> one-to-one pairs, the best agreeing first
    (type, then place, day and sub-type), so that a partly right event is not taken by a worse one."""
    options = sorted(candidates, key=lambda o: (o[2]["type"], o[2]["place"], o[2]["day"], o[2]["sub_type"]),
                     reverse=True)
    used_p, used_g, out = set(), set(), []
    for i, j, c in options:
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j)
            out.append((i, j, c))
    return out


def match(article: Article, predicted: list[Event]) -> ArticleOutcome:
    out = ArticleOutcome(article, predicted)
    pairs = paired((i, j, checks(e, g)) for i, e in enumerate(predicted) for j, g in enumerate(article.events)
                   if _overlap(_sentences(e), g.spans))
    used_p, used_g = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    out.pairs = [(predicted[i], article.events[j], c) for i, j, c in pairs]
    out.extra = [e for i, e in enumerate(predicted) if i not in used_p]
    out.missed = [g for j, g in enumerate(article.events) if j not in used_g]
    return out


@dataclass
class ArticleScore:
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        pred = sum(len(o.predicted) for o in self.outcomes)
        gold = sum(len(o.article.events) for o in self.outcomes)
        pairs = [c for o in self.outcomes for _, _, c in o.pairs]
        out: dict = {"articles": len(self.outcomes), "gold_events": gold, "predicted": pred,
                     "matched": len(pairs)}

        def pr(n: int, name: str) -> None:
            p, r = (n / pred if pred else 0.0), (n / gold if gold else 0.0)
            out[f"{name}_precision"], out[f"{name}_recall"] = round(p, 3), round(r, 3)
            out[f"{name}_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0

        pr(len(pairs), "events")
        pr(sum(c["day"] for c in pairs), "day")
        pr(sum(c["place"] for c in pairs), "place")
        for name in CHECKS:
            out[name] = round(sum(c[name] for c in pairs) / len(pairs), 3) if pairs else 0.0
        out["duplicates"] = sum(1 for o in self.outcomes for e in o.extra
                                if any(_overlap(_sentences(e), g.spans) for _, g, _ in o.pairs))
        out["seconds"] = round(self.seconds, 1)
        return out

    def by_genre(self) -> dict[str, dict]:
        groups: dict[str, list[ArticleOutcome]] = {}
        for o in self.outcomes:
            groups.setdefault(o.article.genre or "-", []).append(o)
        return {g: ArticleScore(os).summary() for g, os in sorted(groups.items())}

    def confusion(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for o in self.outcomes:
            for e, g, _ in o.pairs:
                table.setdefault(g.sub_type, Counter())[e.sub_type] += 1
            for g in o.missed:
                table.setdefault(g.sub_type, Counter())["(missed)"] += 1
            for e in o.extra:
                table.setdefault("(not coded)", Counter())[e.sub_type] += 1
        return table


def document(article: Article):
    """The article as an upload of its text reads it; the coded date where the text has none."""
    from geo.rules import from_environment, switched_off
    from geo.text.ingest import read

    with switched_off(from_environment()):  # `geo eval --without` reaches the page-date rules too
        doc = read(article.text.encode("utf-8"), f"{article.id}.txt")
    if doc.text != article.text:  # offsets must point into the coded text
        doc = replace(doc, text=article.text)
    if doc.date is None and article.date:
        doc = replace(doc, date=article.date)
    return doc


def score_articles(articles: list[Article], workers: int | None = None, progress=None) -> ArticleScore:
    import time

    from geo.geoparse.batch import parse_all

    score = ArticleScore()
    started = time.perf_counter()
    for a, parsed in zip(articles, parse_all((document(a) for a in articles), workers)):
        score.outcomes.append(match(a, list(getattr(parsed, "events", None) or [])))
        if progress is not None:
            progress()
    score.seconds = time.perf_counter() - started
    return score
