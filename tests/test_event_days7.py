"""The day of an event, eleventh round (issue 20): a day stated without a year in a story told in the
past is in the story's year, not the page's. Every sentence here is made up."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.narrative_year import in_the_story, year_told
from geo.text.ingest import read


def days(pipeline, text):
    return [(e.place.name if e.place else None, e.date)
            for e in pipeline.parse(read(text.encode(), "probe.txt")).events]


STORY = ("Published 26 July 2023\n\nThe story of the airport began on 24 February 2022. On 27 February, Russian "
         "troops shelled Kherson, killing two civilians. On 15 March, Ukrainian forces struck Russian positions "
         "near Nova Kakhovka.\n")


def test_a_yearless_day_months_back_is_in_the_story_year(pipeline, without):
    assert days(pipeline, STORY) == [("Kherson", "2022-02-27"), ("Nova Kakhovka", "2022-03-15")]
    without("narrative_year")
    assert days(pipeline, STORY) == [("Kherson", "2023-02-27"), ("Nova Kakhovka", "2023-03-15")]


def test_a_month_and_year_tell_the_story_year_too(pipeline):
    text = ("Published 2 June 2024\n\nIn December 2022, Russian troops held the left bank. On 29 December, Russian "
            "forces shelled Kherson. On 3 January, Russian artillery hit Beryslav, wounding three people.\n")
    assert days(pipeline, text) == [("Kherson", "2022-12-29"), ("Beryslav", "2023-01-03")]


def test_news_near_its_page_keeps_the_page_year(pipeline):
    # the invasion's date is background: "March 14" two days before the page is this year's
    text = ("Published 16 March 2024\n\nSince the full-scale invasion began on February 24, 2022, the city has been "
            "shelled almost daily. On March 14, Russian forces shelled Kherson, killing two civilians.\n")
    assert days(pipeline, text) == [("Kherson", "2024-03-14")]


@pytest.mark.parametrize("text, told", [
    ("It began on 24 February 2022 and went on.", date(2022, 2, 24)),
    ("On February 24, 2022, and again in March 2023.", date(2023, 3, 1)),
    ("The report of 12.03.2022 was the last.", date(2022, 3, 12)),
    ("The deal runs until 1 January 2030.", None),  # after the page: no story told
    ("In 2022 the city fell.", None),  # a year alone is too loose a cue
])
def test_year_told(text, told):
    assert year_told(text, date(2024, 6, 1)) == told


def test_in_the_story_moves_only_yearless_days():
    page, told = date(2023, 7, 26), date(2022, 2, 24)
    assert in_the_story("on 27 February", (3, "2023-02-27"), told, page) == (3, "2022-02-27")
    assert in_the_story("on 27 February 2023", (3, "2023-02-27"), told, page) == (3, "2023-02-27")
    assert in_the_story("on 20 July", (3, "2023-07-20"), told, page) == (3, "2023-07-20")  # near the page
    # across a year end, the day nearest the one told
    assert in_the_story("on 2 January", (3, "2023-01-02"), date(2021, 12, 28), page) == (3, "2022-01-02")


def test_a_day_carried_on_stays_in_the_story_year(pipeline):
    text = ("Published 10 July 2023\n\nThe siege began in March 2022. On 26 March, Russian forces shelled Kherson. "
            "Later, Russian artillery hit Beryslav, wounding three people.\n")
    assert days(pipeline, text) == [("Kherson", "2022-03-26"), ("Beryslav", "2022-03-26")]


def test_the_story_year_holds_against_a_month_told_later_in_it():
    # told September 2022, then "27 February" of that year's story: not the next February, nearer in days
    assert in_the_story("on 27 February", (3, "2023-02-27"), date(2022, 9, 1), date(2023, 7, 2)) == (3, "2022-02-27")


def test_a_slashed_date_after_the_page_is_in_us_order():
    from geo.events.dates import find_date
    from geo.rules import switched_off
    page = date(2022, 3, 12)
    assert find_date("Russian forces shelled the town on 03/12/2022.", page)[1] == "2022-03-12"
    assert find_date("Russian forces shelled the town on 10/02/2022.", page)[1] == "2022-02-10"  # European, past
    with switched_off(frozenset({"slashed_date_not_after_the_page"})):
        assert find_date("Russian forces shelled the town on 03/12/2022.", page)[1] == "2022-12-03"


def test_a_day_since_which_something_runs_tells_no_story_year(pipeline):
    text = ("Published 20 July 2024\n\nThe city has been shelled since February 24, 2022. On May 3, Russian forces "
            "shelled Kherson, killing two civilians.\n")
    assert days(pipeline, text) == [("Kherson", "2024-05-03")]
