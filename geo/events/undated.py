"""A lede that states no day ("Russia hit the capital with cruise missiles while the UN chief was
visiting") takes the story's day; when the story then dates the same strike on the same place a
day or two before ("Thursday's missile strikes"), the two are one event, of the stated day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from geo.events.dates import find_date, parse_iso
from geo.rules import on, switch
from geo.types import Event

_KINDS = {"Explosions/Remote violence"}
_SUB_TYPES = {"Disrupted weapons use"}
_BACK_DAYS = 2  # how far before the story's day a dated telling may lie

switch("undated_retold_on_its_day", "'Russia hit the capital with cruise missiles' (no day, the story's) ... 'Thursday's "
       "missile strikes on the capital' (the day before): a strike told undated and again with its day, at the same "
       "place, is one event, of the stated day")


def _stated(e: Event, article: date | None) -> bool:
    return any(find_date(s.text, article) is not None for s in e.sentences)


def _kind(e: Event) -> tuple:
    # the sub-type too: "This attack follows a prisoner swap on Monday" may carry another clause's day
    return (e.sub_type, e.place.id if e.place else None)


def undated_retold(events: list[Event], article_day: str | None) -> list[Event]:
    article = parse_iso(article_day)
    if not on("undated_retold_on_its_day") or article is None or len(events) < 2:
        return events
    today = article.isoformat()
    earliest = (article - timedelta(days=_BACK_DAYS)).isoformat()
    stated = [_stated(e, article) for e in events]
    into: dict[int, int] = {}
    for i, e in enumerate(events):
        if e.place is None or e.date != today or stated[i] or (e.type not in _KINDS and e.sub_type not in _SUB_TYPES):
            continue
        k = next((j for j, d in enumerate(events) if j != i and stated[j] and j not in into and d.date is not None
                  and earliest <= d.date < today and _kind(d) == _kind(e)), None)
        if k is not None:
            into[i] = k
    if not into:
        return events
    out = list(events)
    for i, k in into.items():
        kept, e = out[k], events[i]
        told = sorted({x.index: x for x in (*kept.sentences, *e.sentences)}.values(), key=lambda x: x.index)
        out[k] = replace(kept, sentence=told[0], more=tuple(told[1:]),
                         fatalities=kept.fatalities if kept.fatalities is not None else e.fatalities,
                         injured=kept.injured if kept.injured is not None else e.injured)
    return [e for i, e in enumerate(out) if i not in into]
