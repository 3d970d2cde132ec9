"""Reading side of ``geo.store`` for reported events (geo.types.Event): filters and rows to events."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Connection, func, nulls_last, or_, select

from geo.store.query import BBox, RowContext, place_conditions, streamed
from geo.store.schema import articles, places, reported_events, sentences
from geo.types import Event, Mention, Sentence


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Each given filter must hold (AND); values within one are alternatives (OR).

    Dates are the event's own (falling back to its article's when the text gave none);
    place filters drop events that have no place."""

    article_ids: Sequence[str] | None = None
    countries: Sequence[str] | None = None  # ISO alpha-2
    admin1: Sequence[str] | None = None  # admin-1 names or codes
    types: Sequence[str] | None = None  # "Battles", "Explosions/Remote violence", ...
    sub_types: Sequence[str] | None = None  # "Air/drone strike", ...
    actors: Sequence[str] | None = None  # exact actor names ("Russian forces")
    bbox: BBox | None = None
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None  # ISO, inclusive at its own precision ("2023-06" = all June)
    place_ids: Sequence[str] | None = None  # e.g. the places inside a drawn shape

    def conditions(self, date) -> list[ColumnElement[bool]]:
        e, p, out = reported_events.c, places.c, []
        if self.article_ids is not None:
            out.append(e.article_id.in_(list(self.article_ids)))
        out += place_conditions(self.countries, self.admin1)  # the map's meaning (geo.gazetteer.areas)
        if self.types is not None:
            out.append(e.type.in_(list(self.types)))
        if self.sub_types is not None:
            out.append(e.sub_type.in_(list(self.sub_types)))
        if self.actors is not None:
            # Actors are a JSON list of strings: match the quoted name, never a part of one.
            out.append(or_(*[e.actors.contains(json.dumps(a, ensure_ascii=False))
                             for a in self.actors]) if self.actors else e.id.is_(None))
        if self.bbox is not None:
            south, west, north, east = self.bbox
            out.append(p.lat.between(south, north))
            out.append(p.lon.between(west, east) if west <= east
                       else or_(p.lon >= west, p.lon <= east))
        if self.place_ids is not None:
            out.append(e.place_id.in_(list(self.place_ids)))
        if self.date_from:
            out.append(date >= self.date_from)
        if self.date_to:
            out.append(func.substr(date, 1, len(self.date_to)) <= self.date_to)
            if bound := day_after(self.date_to):  # the same bound, as a range an index serves
                out.append(date < bound)
        return out


def day_after(iso: str) -> str | None:
    """The first year, month or day after an ISO year, month or day ("2023-09" -> "2023-10"):
    ``x[:len(iso)] <= iso`` holds exactly when ``x < day_after(iso)``, for ISO strings. By the
    calendar, not by the last character, so a collation that ignores "-" orders it alike."""
    try:
        if len(iso) == 4:
            return f"{int(iso) + 1:04d}" if iso < "9999" else None
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:7])
            return f"{year + month // 12:04d}-{month % 12 + 1:02d}" if iso[4] == "-" and 1 <= month <= 12 else None
        if len(iso) == 10:
            return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except (ValueError, OverflowError):
        return None
    return None


def read_events(conn: Connection, f: EventFilters, limit: int | None = None,
                text_order: bool = False, newest: bool = False, offset: int = 0,
                undated: bool | None = None) -> list[Event]:
    """``text_order``: by article and position in it (one article's parse), not by date.
    ``newest``: by the event's own date, newest first (undated last), which an index serves:
    a page of a million events is read without sorting them all. ``undated`` True or False:
    only the events the text gave no date (dated by their article) or only the others, whose
    date filter the same index serves."""
    e = reported_events.c
    date = {None: func.coalesce(e.date, articles.c.date), True: articles.c.date, False: e.date}[undated]
    part = [] if undated is None else [e.date.is_(None) if undated else e.date.is_not(None)]
    order = ((e.article_id, e.idx) if text_order
             else (e.date.desc().nulls_last(), e.article_id, e.idx) if newest
             else (nulls_last(date), e.article_id, e.idx))
    query = (select(e.article_id, e.sentence, e.type, e.sub_type, e.place_id, e.mention_start,
                    e.mention_end, e.mention_text, e.mention_label, e.precision, date.label("date"),
                    e.actors, e.fatalities, e.injured, e.score, e.more)
             .select_from(reported_events
                          .join(articles, articles.c.id == e.article_id)
                          .outerjoin(places, places.c.id == e.place_id))
             .where(*f.conditions(date), *part)
             .order_by(*order)
             .limit(limit).offset(offset or None))
    known = RowContext(conn, query, limit is not None)
    out, later = [], {}
    for rows in streamed(conn, query):
        for r in rows:
            mention = (Mention(r.mention_start, r.mention_end, r.mention_text, r.sentence,
                               r.mention_label or "") if r.mention_start is not None else None)
            out.append(Event(r.article_id, known.sentences[r.article_id, r.sentence], r.type,
                             r.sub_type, known.places.get(r.place_id), mention, r.precision, r.date,
                             tuple(json.loads(r.actors)), r.fatalities, r.injured, r.score))
            if r.more != "[]":
                later[len(out) - 1] = json.loads(r.more)
    if later:  # the few events told in several sentences: their later sentences, read once
        wanted = {(out[i].doc_id, k) for i, ks in later.items() for k in ks}
        found = read_sentences(conn, wanted)
        for i, ks in later.items():
            more = tuple(found[out[i].doc_id, k] for k in ks if (out[i].doc_id, k) in found)
            out[i] = dataclasses.replace(out[i], more=more)
    return out


def read_sentences(conn: Connection, keys: set[tuple[str, int]]) -> dict[tuple[str, int], Sentence]:
    """The sentences at (article id, index) ``keys``."""
    s, out = sentences.c, {}
    by_article: dict[str, list[int]] = {}
    for article_id, idx in keys:
        by_article.setdefault(article_id, []).append(idx)
    for article_id, idxs in by_article.items():
        for r in conn.execute(select(s.idx, s.start, s.end, s.text)
                              .where(s.article_id == article_id, s.idx.in_(sorted(idxs)))):
            out[article_id, r.idx] = Sentence(r.idx, r.start, r.end, r.text)
    return out
