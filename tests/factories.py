"""Hand-built parses for tests that must not depend on the real pipeline's choices."""

from __future__ import annotations

import re
from pathlib import Path

from geo.types import Document, PlaceMention, Mention, ParsedDocument, Place, Resolution, Sentence

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2971140ada78fed4.txt"

KHERSON = Place("gn:706448", "Kherson", 46.6354, 32.6169, "city", "UA", "Khersonska Oblast", "UA.08", 320477)
MARIUPOL = Place("gn:701822", "Mariupol", 47.0958, 37.5494, "city", "UA", "Donetsk Oblast", "UA.05", 481626)
DONETSK_REGION = Place("adm:UA.05", "Donetsk Oblast", 48.0, 37.8, "region", "UA", "", "UA.05", 0)
KAKHOVKA_DAM = Place("lm:kakhovka-dam", "Kakhovka Dam", 46.7779, 33.3703, "dam", "UA", "Khersonska Oblast", "UA.08")
DNIEPER = Place(
    "lm:dnieper", "Dnieper", 46.5, 32.3, "river", "UA",
    geometry={"type": "LineString", "coordinates": [[30.5, 50.4], [35.1, 47.8], [33.4, 46.8], [32.3, 46.5]]},
)
SEED_PLACES = {"Kherson": KHERSON, "Mariupol": MARIUPOL, "Kakhovka Dam": KAKHOVKA_DAM, "Dnieper": DNIEPER}


def split_sentences(text: str) -> list[Sentence]:
    out = []
    for i, m in enumerate(re.finditer(r"[^.!?\n]+[.!?\"]*", text)):
        if m.group().strip():
            out.append(Sentence(len(out), m.start(), m.end(), m.group()))
    return out


def parse_by_hand(text: str, places: dict[str, Place], title: str = "", source: str = "") -> ParsedDocument:
    """Every occurrence of each key becomes a mention resolved to its place."""
    doc = Document(text=text, title=title, source=source)
    sentences = split_sentences(text)
    resolutions = []
    for name, place in places.items():
        for m in re.finditer(re.escape(name), text):
            sent = next(s for s in sentences if s.start <= m.start() < s.end)
            resolutions.append(Resolution(Mention(m.start(), m.end(), name, sent.index, "GPE"), place, 0.9))
    resolutions.sort(key=lambda r: r.mention.start)
    return ParsedDocument(doc, sentences, resolutions)


def seed_parsed() -> ParsedDocument:
    return parse_by_hand(SEED.read_text(encoding="utf-8"), SEED_PLACES, title="Kherson report", source=SEED.name)


def synthetic_events(n_places: int, per_place: int = 1, seed: int = 7) -> list[PlaceMention]:
    """n_places spread over Europe, each mentioned per_place times in one long fake article."""
    import random

    rng = random.Random(seed)
    events = []
    for i in range(n_places):
        place = Place(f"syn:{i}", f"Place {i}", rng.uniform(35, 60), rng.uniform(-10, 45),
                      rng.choice(["city", "river", "dam", "region", "island"]), rng.choice(["UA", "PL", "DE"]),
                      f"Region {i % 25}")
        for k in range(per_place):
            text = f"Fighting near Place {i} was reported ({k})."
            sent = Sentence(i * per_place + k, 0, len(text), text)
            mention = Mention(14, 14 + len(place.name), place.name, sent.index)
            events.append(PlaceMention("syn-doc", sent, mention, place, 0.8))
    return events


def run_on_parse(size: int = 1_000_000, sentence: int = 100_000, events_per_sentence: int = 20) -> ParsedDocument:
    """``size`` characters of war reporting with no full stop, cut into sentences of ``sentence``
    characters as geo.geoparse.windows cuts such a text; every name in it resolved (about 4 per 100
    characters: ~44,000 mentions per MB) and a few reported events in each sentence."""
    from geo.types import Event

    clause = "Russian forces shelled Kherson and Mariupol, and drones struck the Kakhovka Dam on the Dnieper"
    text = (", and ".join([clause] * (size // (len(clause) + 6) + 1)))[:size].rsplit(" ", 1)[0] + "."
    sentences, start = [], 0
    while start < len(text):
        end = len(text) if len(text) - start <= sentence else text.rindex(" ", start, start + sentence) + 1
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        start = end
    doc = Document(text=text, title="A run-on report", source="run-on.txt", date="2024-03-12")
    names = re.compile("|".join(re.escape(n) for n in sorted(SEED_PLACES, key=len, reverse=True)))
    resolutions, events = [], []
    for s in sentences:
        for i, m in enumerate(names.finditer(s.text)):
            mention = Mention(s.start + m.start(), s.start + m.end(), m.group(), s.index, "GPE")
            resolutions.append(Resolution(mention, SEED_PLACES[m.group()], 0.9))
            if i % 40 == 0 and i // 40 < events_per_sentence:
                events.append(Event(doc.id, s, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                                    SEED_PLACES[m.group()], mention, date="2024-03-12",
                                    actors=("Russian forces",)))
    return ParsedDocument(doc, sentences, resolutions, events=events)


# Hand-written war report sentences for many-article corpora ({town} {oblast} {day} {n} {m}).
WAR_SENTENCES = (
    "Russian forces shelled {town} on {day}, killing {n} civilians and injuring {m}.",
    "A drone strike hit an energy facility in {town} overnight, the regional governor said.",
    "Ukrainian troops clashed with Russian forces near {town} on {day}.",
    "Air defence shot down {n} drones over {oblast} Oblast overnight.",
    "Missiles struck the port of {town} on {day}; {n} people were killed.",
    "Police detained {n} protesters at a rally in {town} on {day}.",
    "Russian artillery fired at the outskirts of {town}, damaging {m} houses.",
    "Fighting continued around {town}, where Ukrainian units repelled {n} assaults.",
    "An air raid alert was declared in {town} after explosions were heard.",
    "The governor of {oblast} Oblast said {m} people were wounded by shelling in {town}.",
)
WAR_TOWNS = (("Kherson", "Kherson"), ("Kharkiv", "Kharkiv"), ("Mykolaiv", "Mykolaiv"),
             ("Odesa", "Odesa"), ("Dnipro", "Dnipropetrovsk"), ("Zaporizhzhia", "Zaporizhzhia"),
             ("Sumy", "Sumy"), ("Poltava", "Poltava"), ("Nikopol", "Dnipropetrovsk"),
             ("Kyiv", "Kyiv"))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def war_articles(n: int, seed: int = 0, long: bool = False) -> list[dict]:
    """``n`` distinct {"id","text","date"?,"title"?} records: hand-written war sentences with
    varied towns, days and tolls, some followed by paragraphs of the seed article (``long``:
    more sentences and the whole seed, news length: ~500 words). Same arguments, same records."""
    import random

    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        lines = []
        for _ in range(rng.randint(6, 14) if long else rng.randint(2, 6)):
            town, oblast = rng.choice(WAR_TOWNS)
            lines.append(rng.choice(WAR_SENTENCES).format(
                town=town, oblast=oblast, day=rng.choice(DAYS), n=rng.randint(1, 12), m=rng.randint(2, 30)))
        body = [" ".join(lines)]
        if long:
            body += paragraphs
        elif rng.random() < 0.5:
            start = rng.randrange(len(paragraphs))
            body += paragraphs[start:start + rng.randint(1, 3)]
        record = {"id": f"war-{seed}-{i}", "text": f"Dispatch {i}\n\n" + "\n\n".join(body)}
        if rng.random() < 0.6:
            record["date"] = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.3:
            record["title"] = f"Front-line report {i}"
        out.append(record)
    return out


def save_as_older(engine, parsed: ParsedDocument) -> bool:
    """Store.save's rows written into a library of an older schema, as the program of that schema
    wrote them: without the change count (schema v9), which such a library has no table for."""
    from geo.store.write import add_article, write_parse

    doc = parsed.doc
    with engine.begin() as conn:
        if not add_article(conn, {"id": doc.id, "title": doc.title, "source": doc.source, "media_type": doc.media_type,
                                  "date": doc.date, "text": doc.text, "added_at": "2024-01-01T00:00:00+00:00",
                                  "words": len(doc.text.split())}):
            return False
        write_parse(conn, doc.id, parsed)
    return True


def event_kinds(pipeline, monkeypatch, text: str, day: str = "2025-03-04", off=()) -> list[tuple]:
    """(sub-type, place name) of each event the real pipeline finds, with the rules named in `off`
    switched off: what the tests of each extraction rule compare."""
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return [(e.sub_type, e.place.name if e.place else None) for e in pipeline.parse(Document(text, date=day)).events]
