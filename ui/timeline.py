"""The timeline under the map: events per day, a bar per day stacked by type in the map's colours.
Clicking a day or dragging over days sets the date window the filters use (keys.DATES, the
sidebar's date range); clicking outside the bars, or "All dates", clears it.

The chart is Vega-Lite as Streamlit ships it (Altair): no script or font is fetched.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import altair as alt
import streamlit as st

from geo.map.event_layer import OTHER_STYLE, TYPE_STYLE
from geo.filters import day_of
from geo.types import Event
from ui import keys

BRUSH, PICK = "window", "day"  # the chart's selection parameters: a dragged range, a clicked day
HEIGHT = 112  # px, title and axis included (Streamlit fits the chart to it): map and timeline fit a laptop screen
ONE_DAY = timedelta(days=1)
MAX_DAYS = 400  # a bar per day up to this span; past it, a bar per month


def per_day(events: list[Event], window: tuple[date, date] | None) -> list[dict]:
    """Rows for the chart: (day, type) -> count, and whether the day is inside the window."""
    return rows_of(Counter((e.date, e.type) for e in events), window, kept=False)


def rows_of(counts: Counter, window: tuple[date, date] | None, kept: bool = True) -> list[dict]:
    """Rows for the chart from (ISO date, type) -> events, as geo.aggregate counts them in SQL.
    Past MAX_DAYS days a bar is a month: thousands of day bars are too thin to click and their
    rows a megabyte of chart (a million events span years); a click then picks the month.
    ``kept``: the counts are an object kept between runs, whose bins are worth keeping too."""
    monthly, binned = _binned(counts) if kept else _bin(counts)
    return [{"day": d.isoformat(), "next": _next(d, monthly).isoformat(), "type": kind, "events": n,
             "alpha": 1.0 if window is None or (window[0] < _next(d, monthly) and d <= window[1]) else 0.25}
            for (d, kind), n in binned]


_bins: dict[int, tuple[Counter, tuple]] = {}  # id(counts) -> (counts, their bins): the counts kept alive


def _binned(counts: Counter) -> tuple:
    """(monthly, sorted ((day, type), events)) of ``counts``, kept for the same counts object: the
    map at scale hands the one kept per library version and filter (16,000 days and types at a
    million events: 0.44 s to parse and bin at load 26, on every run of the whole page)."""
    hit = _bins.get(id(counts))
    if hit is not None and hit[0] is counts:
        return hit[1]
    found = _bin(counts)
    if len(_bins) >= 16:
        _bins.pop(next(iter(_bins)))
    _bins[id(counts)] = (counts, found)
    return found


def _bin(counts: Counter) -> tuple:
    by_day = Counter()
    for (iso, kind), n in counts.items():
        if d := day_of(iso):
            by_day[d, kind if kind in TYPE_STYLE else "Other"] += n
    days = [d for d, _ in by_day]
    monthly = bool(days) and (max(days) - min(days)).days > MAX_DAYS
    binned = Counter()
    for (d, kind), n in by_day.items():
        binned[d.replace(day=1) if monthly else d, kind] += n
    return monthly, tuple(sorted(binned.items()))


def _next(d: date, monthly: bool) -> date:
    return (d.replace(year=d.year + d.month // 12, month=d.month % 12 + 1) if monthly else d + ONE_DAY)


def chart(rows: list[dict], title: str) -> alt.Chart:
    kinds = [k for k in [*TYPE_STYLE, "Other"] if any(r["type"] == k for r in rows)]
    colours = [TYPE_STYLE.get(k, (None, OTHER_STYLE[1]))[1] for k in kinds]
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    pick = alt.selection_point(name=PICK, fields=["day", "next"], on="click", clear="dblclick")
    return (alt.Chart(alt.Data(values=rows))
            .mark_bar(stroke="white", strokeWidth=0.5)
            .encode(x=alt.X("day:T", title=None, scale=alt.Scale(type="utc"),
                            axis=alt.Axis(format="%d %b", labelOverlap=True, grid=False, tickMinStep=86_400_000)),
                    x2="next:T",
                    y=alt.Y("sum(events):Q", title="events", axis=alt.Axis(tickMinStep=1, titleFontWeight="normal")),
                    color=alt.Color("type:N", scale=alt.Scale(domain=kinds, range=colours), legend=None),
                    opacity=alt.Opacity("alpha:Q", scale=None, legend=None),  # days outside the window fade
                    tooltip=[alt.Tooltip("day:N", title="day"), alt.Tooltip("type:N"), alt.Tooltip("events:Q")])
            .add_params(brush, pick)
            .properties(height=HEIGHT, title=alt.TitleParams(title, anchor="start", fontSize=12, fontWeight="normal",
                                                              color="#666", offset=4)))


def spec(rows: list[dict], title: str) -> dict:
    """The chart as Vega-Lite. Altair builds it once per set of event types shown (a template of
    one row per type, the same domain and colours) and the rows and title go into a copy: Altair
    checks every row against its schema as it builds, 0.3-0.7 s a run for a few hundred bars."""
    kinds = tuple(k for k in [*TYPE_STYLE, "Other"] if any(r["type"] == k for r in rows))
    out = json.loads(_template(kinds))
    out["data"] = {"values": rows}
    out["title"]["text"] = title
    out["encoding"]["x"]["axis"]["tickCount"] = ticks(rows)
    return out


MAX_TICKS = 8


def ticks(rows: list[dict]) -> dict:
    """A tick per whole day (or month) and at most about MAX_TICKS of them. Left to itself Vega
    puts a tick every 12 hours on a span of a few days, and both read "07 Dec"."""
    first = date.fromisoformat(min(r["day"] for r in rows))
    end = date.fromisoformat(max(r["next"] for r in rows))
    monthly = rows[0]["next"] != (date.fromisoformat(rows[0]["day"]) + ONE_DAY).isoformat()
    span = ((end.year - first.year) * 12 + end.month - first.month) if monthly else (end - first).days
    return {"interval": "month" if monthly else "day", "step": max(1, -(-span // MAX_TICKS))}


@functools.lru_cache(maxsize=32)
def _template(kinds: tuple[str, ...]) -> str:
    rows = [{"day": "2000-01-01", "next": "2000-01-02", "type": k, "events": 1, "alpha": 1.0} for k in kinds]
    return json.dumps(chart(rows, "").to_dict(validate=False))


def _day(value) -> date | None:
    """A day from what Vega-Lite reports: epoch milliseconds (UTC) or an ISO string."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=timezone.utc).date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def window_of(selection: dict) -> tuple[date, date] | None:
    """The days a chart selection covers: a dragged range (each day it touches) or a clicked day."""
    brushed = (selection.get(BRUSH) or {}).get("day")
    if brushed and len(brushed) == 2:
        start, end = (datetime.fromtimestamp(v / 1000, tz=timezone.utc) if isinstance(v, (int, float))
                      else datetime.fromisoformat(str(v).replace("Z", "+00:00")) for v in brushed)
        start, end = min(start, end), max(start, end)
        last = (end - timedelta(microseconds=1)).date() if end.time() == datetime.min.time() else end.date()
        return start.date(), max(start.date(), last)
    points = selection.get(PICK) or []
    picked = [d for p in points if (d := _day(p.get("day")))]
    # A bar ends the day before its "next": the day itself, or its month's last day.
    ends = [n - ONE_DAY for p in points if (n := _day(p.get("next")))] or picked
    return (min(picked), max(max(ends), max(picked))) if picked else None


def _chosen(first: date, last: date) -> None:
    state = st.session_state.get(keys.TIMELINE) or {}
    window = window_of(dict(state.get("selection") or {}))
    if window:  # a drag may start left of the first day: the date filter takes only days it offers
        window = (min(max(window[0], first), last), max(min(window[1], last), first))
    st.session_state[keys.DATES] = window if window else ()
    st.session_state[keys.PAGE_RERUN] = True


def _all_dates() -> None:
    st.session_state[keys.DATES] = ()
    st.session_state[keys.PAGE_RERUN] = True


def current_window() -> tuple[date, date] | None:
    picked = st.session_state.get(keys.DATES) or ()
    return (picked[0], picked[1]) if isinstance(picked, (tuple, list)) and len(picked) == 2 else None


def timeline(events: list[Event] | None = None, counts: Counter | None = None) -> None:
    """`events`: what the filters show, the date window aside (so the window can be widened
    again); or their `counts` per (ISO date, type) when they are too many to read (the map at scale)."""
    window = current_window()
    rows = rows_of(counts, window) if counts is not None else per_day(events or [], window)
    if not rows:
        return
    first, last = date.fromisoformat(rows[0]["day"]), date.fromisoformat(max(r["next"] for r in rows)) - ONE_DAY
    unit = "day" if rows[0]["next"] == (first + ONE_DAY).isoformat() else "month"
    title = (f"Events per {unit}, {first} to {last}: "
             f"click a {unit} or drag over {unit}s to show only those dates"
             + (f" (showing {window[0]} to {window[1]})" if window else ""))
    chosen = functools.partial(_chosen, first, last)
    with st.container(key="geo-timeline"):
        chart_col, reset_col = st.columns([7, 1], vertical_alignment="center") if window else (st.container(), None)
        chart_col.vega_lite_chart(spec(rows, title), key=keys.TIMELINE, on_select=chosen,
                                  selection_mode=[BRUSH, PICK], width="stretch")
        if reset_col:
            reset_col.button("All dates", key=keys.TIMELINE_ALL, on_click=_all_dates, width="stretch")
