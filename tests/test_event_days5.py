"""The day of an event, ninth round (issue 20): the time a tally is given at dates no event. Every
sentence here is made up."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import find_date
from geo.rules import switched_off
from geo.text.ingest import read


def day_of(text: str, article: date, off=()) -> str | None:
    with switched_off(frozenset(off)):
        found = find_date(text, article)
    return found[1] if found else None


def events(pipeline, text, day):
    from dataclasses import replace

    doc = read(text.encode(), "probe.txt")
    return [(e.place.name if e.place else None, e.date) for e in pipeline.parse(replace(doc, date=day)).events]


# -- status times: "As of 07:00 on 12 May", "By Tuesday evening," ----------------------------------

@pytest.mark.parametrize("text, article, day", [
    ("As of 07:00 on 12 May, firefighters were still putting out the fire caused by the shelling of the market "
     "in Kharkiv on 11 May.", date(2025, 5, 12), "2025-05-11"),
    ("As of 9 a.m. local time on Thursday, rescuers had pulled 14 people from the rubble of the block hit on "
     "Wednesday night.", date(2025, 5, 15), "2025-05-14"),
    ("As of Monday morning, the toll from Saturday's strike on Kherson stood at 12.", date(2025, 1, 6), "2025-01-04"),
    ("As at 31 December, the drone struck Mykolaiv on 30 December had killed two.", date(2025, 1, 2), "2024-12-30"),
])
def test_the_tally_time_yields_to_the_day_of_the_happening(text, article, day):
    assert day_of(text, article) == day


@pytest.mark.parametrize("text, article", [
    ("By Wednesday afternoon, 23 people had been found dead in the rubble.", date(2025, 6, 19)),
    ("By 17 March, the authorities had raised the death toll to 139.", date(2025, 3, 20)),
    ("As of noon on Friday, 40 people were still missing.", date(2025, 3, 22)),
    ("As of 1 January, no further landings had been seen on the coast.", date(2025, 1, 3)),
])
def test_a_tally_time_alone_dates_nothing(text, article):
    assert day_of(text, article) is None


@pytest.mark.parametrize("text, article, day", [
    ("The house was destroyed by Monday's strike on Kherson.", date(2025, 5, 14), "2025-05-12"),  # "by" + an agent
    ("Russian troops shelled Kherson on Monday, by the governor's count 40 times.", date(2025, 5, 14), "2025-05-12"),
    ("By the governor's count, Russian forces shelled Kherson 40 times on 2 May.", date(2025, 5, 4), "2025-05-02"),
    ("Drones hit Kharkiv on 11 May.", date(2025, 5, 12), "2025-05-11"),
])
def test_other_days_are_unchanged(text, article, day):
    assert day_of(text, article) == day


def test_switched_off_the_tally_time_dates_the_sentence():
    text = ("As of 07:00 on 12 May, firefighters were still putting out the fire caused by the shelling of the "
            "market in Kharkiv on 11 May.")
    assert day_of(text, date(2025, 5, 12), off=("status_time_is_no_event_day",)) == "2025-05-12"


def test_the_shelling_told_after_a_tally_time_is_of_its_own_day(pipeline):
    text = ("Firefighters fight market blaze\n\nAs of 07:00 on 12 May, firefighters were still putting out the "
            "fire caused by the shelling of the central market in Kharkiv on 11 May.\n")
    found = events(pipeline, text, "2025-05-12")
    assert ("Kharkiv", "2025-05-11") in found


# -- a headline or standfirst line that dates the lines under it -----------------------------------

STANDFIRST = ("Russian missiles hit Ukrainian cities\n\nThe death toll from Russian missile strikes on Ukraine on Jan 2 "
              "has risen to at least 39\nThe missiles struck Kherson in the south and Kharkiv in the northeast.\n")


def test_a_standfirst_dates_the_sentence_under_it(pipeline, without):
    found = events(pipeline, STANDFIRST, "2024-01-03")
    assert ("Kherson", "2024-01-02") in found
    without("headline_day_carries")
    assert ("Kherson", "2024-01-03") in events(pipeline, STANDFIRST, "2024-01-03")


def test_an_undated_standfirst_leaves_the_page_day(pipeline):
    text = STANDFIRST.replace(" on Jan 2", "")
    assert ("Kherson", "2024-01-03") in events(pipeline, text, "2024-01-03")


@pytest.mark.parametrize("line, day", [
    ("The death toll from Russian strikes on Ukraine on Dec 30 has risen to 12", "2024-12-30"),
    ("Kharkiv counts the dead after Sunday's strikes", "2024-12-29"),  # page of Tuesday 31 December
    ("Two lines cut off\nhard-wrapped copy on 30 December", None),
])
def test_headline_day(line, day):
    from geo.events.day_headings import headline_day

    assert headline_day(line, date(2024, 12, 31), find_date) == day
