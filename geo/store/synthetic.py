"""A synthetic library of N reported events, to see how the map behaves at a million.

Events sit on real gazetteer towns (the biggest of the countries ACLED reports most from, chosen by
population), on real calendar days, with ACLED's event and sub-event types, a few actors, and a
sentence that tells them with the place named where the mention says. Articles hold
``per_article`` events each, one sentence per event. Rows go in by the batch: executemany on
SQLite, COPY on PostgreSQL; about a minute per million events on SQLite.

The ids are ``synthetic-<seed>-<n>``: a second run with the same seed adds nothing.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from itertools import accumulate

from sqlalchemy import Connection, insert, select

from geo.events.taxonomy import TAXONOMY
from geo.store import Store, changes
from geo.store.query import place_row
from geo.store.schema import articles, places
from geo.types import Place

# Country -> share of the events; roughly where ACLED's recent years happened.
COUNTRIES = {"UA": 20, "SY": 10, "MX": 8, "IN": 8, "BR": 6, "MM": 6, "NG": 5, "PK": 5, "YE": 5,
             "SD": 4, "CD": 4, "IQ": 3, "CO": 3, "ML": 2, "BF": 2, "AF": 2, "RU": 2, "US": 3,
             "FR": 2, "PS": 2, "ET": 2, "SO": 2}
TYPE_SHARE = {"Explosions/Remote violence": 33, "Battles": 22, "Protests": 27,
              "Violence against civilians": 9, "Riots": 5, "Strategic developments": 4}
ACTORS = ("Military Forces of {c}", "Police Forces of {c}", "Rebel militia ({c})", "Protesters ({c})",
          "Civilians ({c})", "Unidentified armed group ({c})")
FIRST_DAY, DAYS = date(2018, 1, 1), 7 * 365
TOWNS_PER_COUNTRY = 300
BATCH_ARTICLES = 500

Progress = Callable[[int], None]  # events written so far


def towns(gazetteer_db: sqlite3.Connection, per_country: int = TOWNS_PER_COUNTRY) -> dict[str, list[Place]]:
    """The most populous towns of each country in COUNTRIES, from the gazetteer index."""
    from geo.gazetteer import _COLUMNS, _place

    out = {}
    for country in COUNTRIES:
        rows = gazetteer_db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE country = ? AND feature = 'city' AND population > 0 "
            "ORDER BY population DESC LIMIT ?", (country, per_country)).fetchall()
        if rows:
            out[country] = [_place(r) for r in rows]
    return out


def _rows(n_events: int, per_article: int, seed: int, found: dict[str, list[Place]]) -> Iterator[tuple[list, list, list]]:
    """(article rows, sentence rows, event rows) a batch of articles at a time."""
    rng = random.Random(seed)
    countries = [c for c in COUNTRIES if c in found]
    weights = [COUNTRIES[c] for c in countries]
    # Bigger towns report more, but not in proportion: a capital is not a thousand villages.
    town_weights = {c: list(accumulate(max(p.population, 1) ** 0.5 for p in found[c])) for c in countries}
    kinds = list(TYPE_SHARE)
    kind_weights = list(accumulate(TYPE_SHARE[k] for k in kinds))
    n_articles = -(-n_events // per_article)
    left = n_events
    for start in range(0, n_articles, BATCH_ARTICLES):
        arts, sents, evs = [], [], []
        for a in range(start, min(start + BATCH_ARTICLES, n_articles)):
            doc_id = f"synthetic-{seed}-{a}"
            country = rng.choices(countries, weights)[0]
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            text, offset = [], 0
            for i in range(min(per_article, left)):
                town = rng.choices(found[country], cum_weights=town_weights[country])[0]
                kind = rng.choices(kinds, cum_weights=kind_weights)[0]
                sub = rng.choice(TAXONOMY[kind])
                when = (day - timedelta(days=rng.randrange(14))).isoformat()
                actor = rng.choice(ACTORS).format(c=country)
                killed = rng.choice((None, None, 0, 1, 2, 3, 5, 12)) if kind != "Protests" else None
                head = f"{sub} in "
                sentence = f"{head}{town.name} on {when}, {actor} involved."
                start_at = offset + len(head)
                sents.append((doc_id, i, offset, offset + len(sentence), sentence))
                evs.append((doc_id, i, i, kind, sub, town.id, start_at, start_at + len(town.name), town.name,
                            "GPE", 1, when, False, json.dumps([actor]), killed, None, 0.9, "[]"))
                text.append(sentence)
                offset += len(sentence) + 1
            left -= len(text)
            body = " ".join(text)
            arts.append((doc_id, f"Synthetic report {a} ({country})", "synthetic", "text/plain", day.isoformat(),
                         body, "2025-01-01T00:00:00+00:00", len(body.split())))
        yield arts, sents, evs


ARTICLE_COLS = ("id", "title", "source", "media_type", "date", "text", "added_at", "words")
SENTENCE_COLS = ("article_id", "idx", "start", "end", "text")
EVENT_COLS = ("article_id", "idx", "sentence", "type", "sub_type", "place_id", "mention_start", "mention_end",
              "mention_text", "mention_label", "precision", "date", "date_edited", "actors", "fatalities",
              "injured", "score", "more")


def _write(conn: Connection, batch: tuple[list, list, list]) -> None:
    arts, sents, evs = batch
    raw = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cur:
            for table, cols, rows in (("articles", ARTICLE_COLS, arts), ("sentences", SENTENCE_COLS, sents),
                                      ("reported_events", EVENT_COLS, evs)):
                quoted = ", ".join(f'"{c}"' for c in cols)
                with cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        return
    for table, cols, rows in (("articles", ARTICLE_COLS, arts), ("sentences", SENTENCE_COLS, sents),
                              ("reported_events", EVENT_COLS, evs)):
        quoted = ", ".join(f'"{c}"' for c in cols)
        raw.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})", rows)


def generate(store: Store, n_events: int, gazetteer_db: sqlite3.Connection, per_article: int = 50,
             seed: int = 1, progress: Progress | None = None) -> dict:
    """Write ``n_events`` synthetic events into ``store``; what was written."""
    found = towns(gazetteer_db)
    if not found:
        raise ValueError("The gazetteer has no towns in the countries the generator uses.")
    with store._write("Cannot write the synthetic library at") as conn:  # noqa: SLF001 - one bulk transaction
        if conn.scalar(select(articles.c.id).where(articles.c.id == f"synthetic-{seed}-0")):
            changes.unchanged(conn)
            return {"events": 0, "articles": 0, "places": 0, "note": f"seed {seed} is already in the library"}
        used = [p for ps in found.values() for p in ps]
        for i in range(0, len(used), 500):
            # Plain inserts of the places not stored yet: the generator never changes a stored one.
            have = set(conn.scalars(select(places.c.id).where(places.c.id.in_([p.id for p in used[i:i + 500]]))))
            new = [place_row(p) for p in used[i:i + 500] if p.id not in have]
            if new:
                conn.execute(insert(places), new)
        written = n_articles = 0
        for batch in _rows(n_events, per_article, seed, found):
            _write(conn, batch)
            written += len(batch[2])
            n_articles += len(batch[0])
            if progress:
                progress(written)
    if store._engine.dialect.name == "postgresql":  # noqa: SLF001 - fresh statistics for the planner
        with store._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:  # noqa: SLF001
            for table in ("articles", "sentences", "reported_events", "places"):
                conn.exec_driver_sql(f"VACUUM ANALYZE {table}")
    else:
        with store._write(change=False) as conn:  # noqa: SLF001 - statistics, not content
            conn.exec_driver_sql("ANALYZE")
    return {"events": written, "articles": n_articles, "places": len(used)}

