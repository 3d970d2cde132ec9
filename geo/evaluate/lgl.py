"""Score the geoparser on LGL-format gold corpora (Gritta et al. 2018 rules, strict).

Geotagging: a predicted mention matches a gold toponym when the surface forms are equal
ignoring case and a leading "the ", and their midpoints are under 10 characters apart; each
gold toponym matches once. Geocoding, over matched toponyms with gold coordinates: great-circle
error in km, a matched mention with no coordinates counting as 20,039 km.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from geo.distance import distance_km

MAX_KM = 20039.0


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    name: str = ""


@dataclass(slots=True)
class Article:
    id: str
    text: str
    gold: list[Gold]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors_km: list[float] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, text, context)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    worst: list[tuple[float, str, str, dict]] = field(default_factory=list)  # km, doc, phrase, predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc161(self) -> float:
        return sum(e <= 161 for e in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    @property
    def auc(self) -> float:
        """Area under the sorted ln(1 + km) curve, normalised to [0, 1]; lower is better."""
        ys = sorted(math.log(1 + e) for e in self.errors_km)
        if len(ys) < 2:
            return ys[0] / math.log(MAX_KM) if ys else 0.0
        area = sum((a + b) / 2 for a, b in zip(ys, ys[1:])) / (len(ys) - 1)
        return area / math.log(MAX_KM)

    def summary(self) -> dict:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "acc161": round(self.acc161, 4),
            "median_km": round(self.median_km, 1), "auc": round(self.auc, 4),
            "geocoded": len(self.errors_km), "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "words": self.words, "seconds": round(self.seconds, 2),
            "words_per_s": round(self.words / self.seconds) if self.seconds else None,
        }


def load_lgl(path: Path) -> list[Article]:
    root = ET.parse(path).getroot()
    articles = []
    for i, a in enumerate(root.iter("article")):
        text = a.findtext("text") or ""
        gold = []
        for t in a.iter("toponym"):
            g = Gold(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "")
            tag = t.find("gaztag")
            if tag is not None and tag.findtext("lat"):
                g.lat, g.lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
                g.name = tag.findtext("name") or ""
            gold.append(g)
        articles.append(Article(a.get("docid") or str(i), text, gold))
    return articles


def _surface(text: str) -> str:
    text = text.strip().lower()
    return text[4:] if text.startswith("the ") else text


def score_article(article: Article, mentions: list[dict], score: Score) -> None:
    """Add one article's matches, misses and errors to ``score``. Mentions are batch-JSON dicts."""
    used: set[int] = set()
    for m in mentions:
        mid = (m["start"] + m["end"]) / 2
        match = None
        for gi, g in enumerate(article.gold):
            if gi in used or _surface(g.phrase) != _surface(m["text"]):
                continue
            if abs((g.start + g.end) / 2 - mid) < 10:
                match = gi
                break
        if match is None:
            score.fp += 1
            score.false_positives.append((article.id, m["text"], _context(article.text, m["start"], m["end"])))
            continue
        used.add(match)
        score.tp += 1
        g = article.gold[match]
        if g.lat is None:
            continue
        if m.get("lat") is None:
            km = MAX_KM
        else:
            km = distance_km(g.lat, g.lon, m["lat"], m["lon"])
        score.errors_km.append(km)
        if km > 161:
            score.worst.append((km, article.id, g.phrase, m))
    for gi, g in enumerate(article.gold):
        if gi not in used:
            score.fn += 1
            score.misses.append((article.id, g.phrase, _context(article.text, g.start, g.end)))


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"
