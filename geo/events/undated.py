"""A lede that states no day ("Russia hit the capital with cruise missiles while the UN chief was
visiting") takes the story's day; when the story then dates the same strike on the same place a
day or two before ("Thursday's missile strikes"), the two are one event, of the stated day. A strike a
later paragraph tells with no day, at the place the text last dated a day or two before the page,
is of that day too (undated_at_the_dated_place)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from geo.events.dates import find_date, parse_iso
from geo.rules import on, switch
from geo.distance import distance_km
from geo.types import Event, Place

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


# "A cruise missile slammed into a block in Kyiv's Solomianskyi district in the early hours of Tuesday."
# then, paragraphs later, "Across Ukraine, at least 30 were killed in the attacks, most of them in
# Kyiv": a later paragraph that states no day goes on telling the strike the story dated; the page's
# day (the paper of Wednesday) is only what a sentence with no day falls back to.
_NEAR_KM = 15.0
switch("undated_at_the_dated_place", "'A missile hit a block in Kyiv's Solomianskyi district early on Tuesday' ... "
       "(a later paragraph) 'at least 30 were killed in the attacks, most of them in Kyiv': a strike whose sentence "
       "states no day, at a place the sentence that told the text's last day named, is of that day when it lies a "
       "day or two before the page (not of the page's day, the fallback of a sentence with no day)")


def _near(place: Place, places: tuple[Place, ...]) -> bool:
    return any(p.id == place.id or distance_km(p.lat, p.lon, place.lat, place.lon) <= _NEAR_KM for p in places)


def undated_at_the_dated_place(events: list[Event], article_day: str | None,
                               told: list[tuple[int, str, tuple[Place, ...]]]) -> list[Event]:
    """``told``: (offset, day, places named) of each sentence that stated a day, in text order."""
    article = parse_iso(article_day)
    if not on("undated_at_the_dated_place") or article is None or not told:
        return events
    today, earliest = article.isoformat(), (article - timedelta(days=_BACK_DAYS)).isoformat()
    out = []
    for e in events:
        if e.date == today and e.place is not None and (e.type in _KINDS or e.sub_type in _SUB_TYPES) \
                and find_date(e.sentence.text, article) is None:
            last = next((t for t in reversed(told) if t[0] < e.sentence.start), None)
            if last is not None and earliest <= last[1] < today and _near(e.place, last[2]):
                e = replace(e, date=last[1])
        out.append(e)
    return out
