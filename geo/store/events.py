"""Reading side of ``geo.store`` for reported events (geo.types.Event): a filter's rows to events."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import Connection, func, nulls_last, select

from geo.store.conditions import EVENTS, Columns, Where
from geo.store.query import RowContext, streamed
from geo.store.schema import articles, places, reported_events, sentences
from geo.types import Event, Mention, Sentence


def read_events(conn: Connection, f: Where, limit: int | None = None,
                text_order: bool = False, newest: bool = False, offset: int = 0,
                undated: bool | None = None) -> list[Event]:
    """The reported events ``f`` keeps (each given condition holds; a place condition drops the
    events placed nowhere), dated by their own date, else their article's.
    ``text_order``: by article and position in it (one article's parse), not by date.
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
             .where(*f.conditions(Columns(EVENTS, e, date, e.place_id)), *part)
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
