"""The map page's layout parts, headless (AppTest): the feed, the timeline's window, the map's
view kept when it is rebuilt, tolls not stated, and ▶ Play saying which empty days it skipped."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timezone

from streamlit.testing.v1 import AppTest

from factories import ROOT
from test_app import TIMEOUT, WAR_ARTICLE, app, library_file, map_args, upload  # noqa: F401 - fixtures
from ui.timeline import per_day, rows_of, ticks, window_of

FRAMED = re.compile(r"\.fitBounds\(\s*\[\[")  # folium's framing call, with its bounds
LATER = b"On 15 March 2024, Russian forces shelled Kherson, killing one civilian."


def events_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return upload(at, ("war.txt", WAR_ARTICLE, "text/plain"), ("later.txt", LATER, "text/plain"))


def ms(day: str, hour: int = 0) -> float:
    return datetime(*map(int, day.split("-")), hour, tzinfo=timezone.utc).timestamp() * 1000


def test_a_drag_or_a_click_on_the_timeline_is_a_window_of_days():
    assert window_of({"window": {"day": [ms("2024-03-12", 7), ms("2024-03-14", 0)]}}) == (date(2024, 3, 12), date(2024, 3, 13))
    assert window_of({"window": {"day": [ms("2024-03-14", 20), ms("2024-03-12", 3)]}}) == (date(2024, 3, 12), date(2024, 3, 14))
    assert window_of({"window": {}, "day": [{"day": ms("2024-03-15")}]}) == (date(2024, 3, 15), date(2024, 3, 15))
    assert window_of({"day": [{"day": "2024-03-15T00:00:00"}]}) == (date(2024, 3, 15), date(2024, 3, 15))
    assert window_of({"window": {}, "day": []}) is None  # a click beside the bars: every date again


def test_the_timeline_ticks_once_a_day_or_month_and_at_most_about_eight_times():
    def rows(days):
        return rows_of(Counter({(d, "Battles"): 1 for d in days}), None, kept=False)
    assert ticks(rows(["2024-03-12", "2024-03-14"])) == {"interval": "day", "step": 1}  # never every 12 hours
    assert ticks(rows(["2024-01-01", "2024-03-01"])) == {"interval": "day", "step": 8}
    assert ticks(rows(["2020-01-05", "2024-03-01"])) == {"interval": "month", "step": 7}  # 51 months, monthly bars


def test_the_feed_lists_the_events_newest_first_and_chooses_them():
    at = events_page()
    feed = at.radio(key="event_pick")
    days = [label.split("**")[1] for label in feed.options]
    dated = [d for d in days if d != "undated"]  # the seed's event has no date: it comes last
    assert dated == sorted(dated, reverse=True) and days[0] == "2024\\-03\\-15" and days[-1] == "undated"
    assert "Kherson" in feed.options[0]
    table = at.dataframe[0].value
    lyman = table[table["location"] == "Lyman"].iloc[0]
    assert lyman["fatalities"] == "" and lyman["injured"] == "1"  # not stated: an empty cell, never "None"


def test_the_timeline_window_is_the_date_filter():
    at = events_page()
    chart = at.get("vega_lite_chart")
    assert chart, "the timeline is drawn"
    rows = per_day(at.session_state["library"].events(), (date(2024, 3, 15), date(2024, 3, 15)))
    assert {r["day"] for r in rows if r["alpha"] == 1.0} == {"2024-03-15"}  # outside the window fades
    at.session_state["f_dates"] = (date(2024, 3, 15), date(2024, 3, 15))  # what a click on the 15th sets
    at.run()
    assert set(at.dataframe[0].value["event_date"]) == {"2024-03-15"}
    assert len(at.radio(key="event_pick").options) == 1
    assert at.query_params["from"] == "2024-03-15" and at.query_params["to"] == "2024-03-15"  # a link keeps it


def test_a_rebuilt_map_opens_where_the_last_one_was(app):  # noqa: F811
    first = map_args(app)["script"]
    assert FRAMED.search(first)  # the session's first map frames its markers
    app.run()
    assert map_args(app)["script"] == first  # nothing changed: the same script, the map is not re-mounted
    app.session_state["map_view"] = {"lat": 47.1, "lon": 35.2, "zoom": 9}  # as the map reports a move
    app.run()
    assert map_args(app)["script"] == first  # a moved view alone never rebuilds the map
    app.sidebar.multiselect(key="f_region").select("Donetsk Oblast").run()  # new content: a new map...
    rebuilt = map_args(app)["script"]
    assert not FRAMED.search(rebuilt) and "[47.1, 35.2]" in rebuilt and '"zoom": 9' in rebuilt  # ...where it was
    upload(app, ("later.txt", LATER, "text/plain"))  # an article added: its events are framed, wherever the view was
    assert FRAMED.search(map_args(app)["script"])


def test_play_says_which_empty_days_it_skipped():
    at = events_page()
    at.sidebar.toggle(key="f_time").set_value(True).run()
    at.sidebar.slider(key="f_day").set_value(date(2024, 3, 12)).run()
    at.sidebar.button(key="play").click().run()
    assert at.session_state["playing"]
    at.session_state["play_step"] = True  # what the player's next tick asks for
    at.run()
    assert at.sidebar.slider(key="f_day").value == date(2024, 3, 15)
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Skipped 2 days without events (13 Mar to 14 Mar)" in captions, captions
