"""Sidebar filters of the map page. Choices come from every loaded event, so none vanish while filtering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
import time
from datetime import date, timedelta

import streamlit as st

from geo.map.aggregate import Facets
from geo.gazetteer.areas import country_name
from geo.filters import EventFilter, day_of, event_facets, facets
from geo.store import ArticleInfo
from geo.types import Event, PlaceMention
from ui import keys

ONE_DAY = timedelta(days=1)
MODES = {"upto": "Up to the day", "on": "On the day"}
PLAY_STEP_S = 1.0  # seconds each day stays on screen while the time slider plays


@dataclass
class FilterChoice:
    attributes: EventFilter  # country, region, feature, article, source, dates: map and table
    in_view: bool  # table and downloads only: filtering the map by its own view would chase itself
    in_shape: bool
    playing: bool = False  # the time slider is playing: the page steps it on after drawing
    mode: str = "events"  # "events": reported events; "places": every place mentioned
    demonyms: bool = False  # places view: keep "Russian", "Ukrainian" as mentions of the country


def _options(counter) -> list[str]:
    return sorted(counter, key=lambda k: (-counter[k], k))


def _known(key: str, options) -> None:
    """Drop remembered choices the widget cannot offer (a link naming a removed article)."""
    value = st.session_state.get(key)
    if value:
        allowed = set(options)
        kept = [v for v in value if v in allowed]
        if kept != list(value):
            st.session_state[key] = kept


def clear_shape() -> None:
    st.session_state[keys.SHAPE] = None
    st.session_state[keys.IN_SHAPE] = False


def _toggle_play(first: date, last: date) -> None:
    playing = not st.session_state.get(keys.PLAYING, False)
    st.session_state[keys.PLAYING] = playing
    st.session_state[PLAYED_AT] = time.monotonic()  # the first day shown stays a step's time too
    if playing and st.session_state.get(keys.DAY, last) >= last:
        st.session_state[keys.DAY] = first  # start over from the first day


@st.fragment(run_every=PLAY_STEP_S)
def _player() -> None:
    """While playing, each tick asks for one app run that steps the slider to the next day.

    A fragment with run_every rather than sleep-and-rerun: the page stays responsive between
    steps, and a paused slider costs nothing but the tick.
    """
    # A fragment also runs inline with every app run, right after the step it asked for: only a
    # tick that comes a step's time after the last one moves the slider on.
    now = time.monotonic()
    if st.session_state.get(keys.PLAYING) and now - st.session_state.get(PLAYED_AT, 0.0) >= 0.9 * PLAY_STEP_S:
        st.session_state[PLAYED_AT] = now
        st.session_state[PLAY_STEP] = True
        st.rerun(scope="app")


PLAY_STEP = "play_step"  # set by a player tick: the next app run moves the slider on one day
PLAYED_AT = "played_at"  # time.monotonic() of the last step, so each day stays PLAY_STEP_S on screen


def _clamp(key: str, first: date, last: date) -> None:
    """Articles added or removed move the bounds; a remembered value outside them would raise."""
    value = st.session_state.get(key)
    if isinstance(value, date) and not first <= value <= last:
        st.session_state[key] = min(max(value, first), last)
    elif isinstance(value, tuple) and any(not first <= d <= last for d in value):
        st.session_state[key] = ()


def _time_filters(days: list[date], undated: int, what: str = "article") -> tuple[str | None, str | None, bool]:
    """Date range and time slider -> (date_from, date_to, still playing)."""
    date_from, date_to, playing = _time_widgets(days)
    if (date_from or date_to) and undated:
        st.caption(f"{undated} undated {what}{'s are' if undated > 1 else ' is'} hidden while filtering by date.")
    return date_from, date_to, playing


def _time_widgets(days: list[date]) -> tuple[str | None, str | None, bool]:
    if not days:
        st.caption("No article has a date yet: set dates on the Articles page to filter by time.")
        st.session_state[keys.PLAYING] = False
        return None, None, False
    first, last = days[0], days[-1]
    _clamp(keys.DATES, first, last)
    picked = st.date_input("Dates", **({} if keys.DATES in st.session_state else {"value": []}),  # the timeline sets it
                           min_value=first, max_value=last, key=keys.DATES,
                           format="YYYY-MM-DD", help="Articles dated in the range; undated articles drop out.")
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else ()
    date_from = picked[0].isoformat() if picked else None
    date_to = picked[1].isoformat() if len(picked) == 2 else None  # one date: still choosing the end
    if first == last or not st.toggle("Time slider", key=keys.TIME, help="Step through the days with ▶ Play."):
        st.session_state[keys.PLAYING] = False
        return date_from, date_to, False

    _clamp(keys.DAY, first, last)
    if st.session_state.pop(PLAY_STEP, False) and st.session_state.get(keys.PLAYING):
        # On to the next day that has articles: a year of news would otherwise take ~365 reruns.
        now = st.session_state.get(keys.DAY, first)
        step = next((d for d in days if d > now), last)
        st.session_state[keys.DAY] = step
        st.session_state[keys.PLAY_SKIPPED] = ((step - now).days - 1, now + ONE_DAY, step - ONE_DAY)
    day = st.slider("Day", min_value=first, max_value=last, step=ONE_DAY, format="YYYY-MM-DD", key=keys.DAY,
                    **({} if keys.DAY in st.session_state else {"value": last}))
    mode = st.radio("Show events", list(MODES), format_func=MODES.get, key=keys.DAY_MODE, horizontal=True)
    playing = st.session_state.get(keys.PLAYING, False) and day < last
    st.session_state[keys.PLAYING] = playing
    st.button("⏸ Pause" if playing else "▶ Play", key=keys.PLAY_BUTTON, on_click=_toggle_play, args=(first, last))
    if playing:
        _player()
    skipped, start, end = st.session_state.get(keys.PLAY_SKIPPED) or (0, None, None)
    if skipped > 0 and (playing or day == last):
        st.caption(f"⏭ Skipped {skipped} day{'s' if skipped > 1 else ''} without events"
                   + (f" ({start:%d %b} to {end:%d %b})" if skipped > 1 else f" ({start:%d %b})") + ".")
    elif not playing:
        st.session_state.pop(keys.PLAY_SKIPPED, None)
    iso = day.isoformat()
    date_to = min(date_to, iso) if date_to else iso
    if mode == "on":
        date_from = max(date_from, iso) if date_from else iso
    return date_from, date_to, playing


MODE_LABELS = {"events": "Events", "places": "Place mentions"}


def _multi(label: str, counter: Counter, key: str, fmt=None, **kw) -> list[str]:
    options = _options(counter)
    _known(key, options)
    show = fmt or (lambda v: v)
    return st.multiselect(label, options, key=key, format_func=lambda v: f"{show(v)} ({counter[v]})", **kw)


def _sources(doc_counts: Counter, articles: Mapping[str, ArticleInfo]) -> Counter:
    sources: Counter = Counter()
    for doc_id, n in doc_counts.items():
        if doc_id in articles:
            sources[articles[doc_id].source] += n
    return sources


ARTICLE_CHOICES = 500  # a large library offers its busiest articles: a list of 20,000 helps no one


# What the sidebar can hold besides its defaults: a link's filters (ui.url.read_once) or a user's.
CHOSEN = (keys.COUNTRY, keys.REGION, keys.FEATURE, keys.DOC, keys.SOURCE, keys.EVENT_TYPE, keys.SUB_TYPE,
          keys.ACTOR, keys.DATES, keys.TIME, keys.IN_VIEW, keys.IN_SHAPE)


def nothing_chosen() -> bool:
    """Whether every filter is at its default, so the sidebar's widgets would return an empty filter:
    a page may then draw its map before them (see ui.map_at_scale.opening)."""
    return not any(st.session_state.get(key) for key in CHOSEN)


def filter_sidebar(mentions: list[PlaceMention], titles: dict[str, str], articles: Mapping[str, ArticleInfo],
                   has_shape: bool, reported: list[Event] | None = None, summary: Facets | None = None) -> FilterChoice:
    """The sidebar. Counts are what each choice alone returns (geo.filters.facets); ``summary``:
    a library too large to read whole, counted in SQL (geo.map.aggregate.facets), events only."""
    with st.sidebar:
        mode = st.radio("Show on the map", list(MODE_LABELS), format_func=MODE_LABELS.get, key=keys.VIEW_MODE,
                        horizontal=True, disabled=summary is not None,
                        help="Events the articles report (what happened, where, when), or every place they mention."
                             + (" This library is too large to list every place mention: events only."
                                if summary is not None else ""))
        if reported is None and summary is None:
            mode = "places"
        if summary is not None:
            mode = "events"
        st.header("Filters")
        if summary is not None:
            counts, days_of, undated, what = summary.counts, set(summary.days), summary.undated, "event"
        elif mode == "events":
            counts = event_facets(reported or [])
            days_of = {d for e in reported or [] if (d := day_of(e.date))}
            undated, what = sum(1 for e in reported or [] if not e.date), "event"
        else:
            counts = facets(mentions)
            days_of = {d for doc_id in counts["doc"] if doc_id in articles and (d := day_of(articles[doc_id].date))}
            undated, what = sum(1 for doc_id in counts["doc"] if doc_id in articles and not articles[doc_id].date), "article"
        countries = _multi("Country", counts["country"], keys.COUNTRY, country_name)
        regions = _multi("Region (admin-1)", counts["region"], keys.REGION, placeholder="e.g. Donetsk Oblast")
        types = sub_types = actors = features = []
        if mode == "events":
            types = _multi("Event type", counts["type"], keys.EVENT_TYPE)
            sub_types = _multi("Sub-event type", counts["sub_type"], keys.SUB_TYPE, placeholder="e.g. Air/drone strike")
            actors = _multi("Actor", counts["actor"], keys.ACTOR)
        else:
            features = _multi("Feature type", counts["feature"], keys.FEATURE, lambda f: f.replace("_", " "))
        doc_options = [d for d in titles if d in counts["doc"]]
        if len(doc_options) > ARTICLE_CHOICES:
            busiest = {d for d, _n in counts["doc"].most_common(ARTICLE_CHOICES)} | set(st.session_state.get(keys.DOC) or ())
            doc_options = [d for d in doc_options if d in busiest]
        _known(keys.DOC, doc_options)
        docs = st.multiselect("Article", doc_options, key=keys.DOC, format_func=lambda d: titles.get(d, d))
        source_counts = counts["source"] if "source" in counts else _sources(counts["doc"], articles)
        picked_sources = _multi("Source", source_counts, keys.SOURCE, lambda s: s or "(none)")
        st.divider()
        date_from, date_to, playing = _time_filters(sorted(days_of), undated, what)
        st.divider()
        demonyms = mode == "places" and st.toggle(
            "Nationality words as places", key=keys.DEMONYMS,
            help="Count “Russian troops” as a mention of Russia. Off, so a country named only through its "
                 "people never becomes the map's largest marker.")
        in_view = st.toggle("Only what is in the map view", key=keys.IN_VIEW,
                            help="Narrows the table and downloads to the part of the map you are looking at.")
        in_shape = st.toggle("Only inside the drawn shape", key=keys.IN_SHAPE, disabled=not has_shape,
                             help="Draw a rectangle or polygon with the tools at the map's top left.")
        if has_shape:
            st.button("Clear drawn shape", key=keys.CLEAR_SHAPE, on_click=clear_shape)
    return FilterChoice(
        EventFilter(countries=tuple(countries), regions=tuple(regions), features=tuple(features),
                    doc_ids=tuple(docs), sources=tuple(picked_sources), date_from=date_from, date_to=date_to,
                    types=tuple(types), sub_types=tuple(sub_types), actors=tuple(actors), demonyms=demonyms),
        in_view=in_view, in_shape=in_shape and has_shape, playing=playing, mode=mode, demonyms=demonyms,
    )
