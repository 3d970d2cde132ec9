"""The day of an event, tenth round (issue 20): an image with no alt text glued to a paragraph's first
sentence is no caption, a wire photo's caption ended by its place and full date is no event, and the
date resolver's relative forms across month and year ends. Every sentence here is made up."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import find_date
from geo.text.ingest import read


def events(pipeline, text):
    return [(e.place.name if e.place else None, e.date, e.sub_type)
            for e in pipeline.parse(read(text.encode(), "probe.txt")).events]


# -- a wordless image before prose: "![](https://.../photo.jpg)The governor reports that ..." ------

IMAGE_THEN_PROSE = ("Published 12 February 2025\n\n![](https://example.org/uploads/2025/02/photo.jpg)The regional "
                    "governor reports that Russian drones struck Kharkiv on Monday, damaging a school. Officials in "
                    "Kharkiv said air defences repelled part of the attack.\n")


def test_a_wordless_image_glued_to_a_sentence_leaves_it_prose(pipeline, without):
    found = events(pipeline, IMAGE_THEN_PROSE)
    assert ("Kharkiv", "2025-02-10", "Air/drone strike") in found  # the sentence is told
    assert ("Kharkiv", "2025-02-10", "Disrupted weapons use") in found  # and its Monday dates the next one
    without("wordless_image_before_prose")
    assert [d for _, d, _ in events(pipeline, IMAGE_THEN_PROSE)] == ["2025-02-12"]  # read as a caption


def test_an_image_with_words_stays_a_caption(pipeline):
    text = ("Published 12 February 2025\n\n![Russian drones struck Kharkiv on Monday, damaging a school]"
            "(https://example.org/uploads/2025/02/photo.jpg)\n\nThe mayor urged residents to stay in shelters.\n")
    assert events(pipeline, text) == []


# -- a wire photo's caption ended by its place, country and full date -------------------------------

@pytest.mark.parametrize("caption", [
    "A firefighter walks past a burned-out bus after a Russian drone strike in Kharkiv, Ukraine, Tuesday, "
    "Feb. 11, 2025.",
    "Rescuers clear the rubble of a school hit by a Russian missile in Kharkiv, Ukraine, on February 11, 2025.",
    "Residents stand by a house destroyed by shelling in Kharkiv, Ukraine February 11, 2025.",
])
def test_a_caption_ended_by_place_and_full_date_is_no_event(pipeline, without, caption):
    text = f"Published 12 February 2025\n\n{caption}\n\nThe mayor urged residents to stay in shelters.\n"
    assert events(pipeline, text) == []
    without("dated_photo_caption")
    assert events(pipeline, text) != []


def test_a_report_ending_in_its_date_is_still_told(pipeline):
    text = "Published 12 February 2025\n\nRussian drones struck Kharkiv on February 11, 2025, wounding five people.\n"
    assert [(p, d) for p, d, _ in events(pipeline, text)] == [("Kharkiv", "2025-02-11")]


# -- the date resolver: every relative form across month and year ends ------------------------------

@pytest.mark.parametrize("text, article, day", [
    ("Russian drones struck Kharkiv yesterday.", date(2025, 1, 1), "2024-12-31"),
    ("Russian drones struck Kharkiv the day before yesterday.", date(2025, 3, 1), "2025-02-27"),
    ("Russian drones struck Kharkiv last night.", date(2024, 3, 1), "2024-02-29"),
    ("Russian drones struck Kharkiv three days ago.", date(2025, 1, 2), "2024-12-30"),
    ("Russian drones struck Kharkiv last week.", date(2025, 1, 3), "2024-12-27"),
    ("Russian drones struck Kharkiv over the weekend.", date(2025, 1, 1), "2024-12-28"),
    ("Russian drones struck Kharkiv on Tuesday.", date(2025, 1, 1), "2024-12-31"),
    ("Russian drones struck Kharkiv last Wednesday.", date(2025, 1, 1), "2024-12-25"),
    ("Russian drones struck Kharkiv late on Sunday night.", date(2025, 3, 1), "2025-02-23"),
    ("Russian drones struck Kharkiv on Christmas Day.", date(2025, 1, 2), "2024-12-25"),
    ("Russian drones struck Kharkiv on 31 December.", date(2025, 1, 1), "2024-12-31"),
    ("Russian drones struck Kharkiv on the night of 31 December to 1 January.", date(2025, 1, 1), "2024-12-31"),
    ("Russian drones struck Kharkiv on the night of 28 February to 1 March.", date(2024, 3, 1), "2024-02-28"),
    ("On 10.12. Russian troops shelled Kharkiv.", date(2025, 1, 2), "2024-12-10"),
    ("Russian drones struck Kharkiv on the 31st.", date(2025, 1, 2), "2024-12-31"),
    ("Russian drones struck Kharkiv on the 2nd.", date(2025, 1, 2), "2025-01-02"),
    # the latest month that has the day: February has no 30th or 31st, April no 31st
    ("Russian drones struck Kharkiv on the 31st.", date(2025, 3, 2), "2025-01-31"),
    ("Russian drones struck Kharkiv on the 30th.", date(2025, 3, 2), "2025-01-30"),
    ("Russian drones struck Kharkiv on the 29th.", date(2024, 3, 2), "2024-02-29"),
    ("Russian drones struck Kharkiv on the 31st.", date(2025, 5, 1), "2025-03-31"),
])
def test_relative_days_across_month_and_year_ends(text, article, day):
    found = find_date(text, article)
    assert found is not None and found[1] == day


# -- a tally taken as the day closes counts that day's happenings ----------------------------------

@pytest.mark.parametrize("text, article, day", [
    ("As of 22:00 on February 10, Russian forces had attacked Ukrainian positions near Kupiansk 12 times.",
     date(2025, 2, 11), "2025-02-10"),
    ("As of 6 p.m. on Monday, Russian forces had launched 40 assaults near Kupiansk.", date(2025, 3, 5), "2025-03-03"),
])
def test_an_evening_tally_dates_its_day(text, article, day):
    assert day_of(text, article) == day
    assert day_of(text, article, off=("evening_tally_dates_its_day",)) is None


@pytest.mark.parametrize("text, article", [
    ("As of midnight on Sunday, 12 people were still missing.", date(2025, 3, 4)),
    ("As of 07:00 on 12 May, firefighters were still at the scene.", date(2025, 5, 12)),
])
def test_a_morning_or_midnight_tally_still_dates_nothing(text, article):
    assert day_of(text, article) is None


def day_of(text: str, article: date, off=()) -> str | None:
    from geo.rules import switched_off

    with switched_off(frozenset(off)):
        found = find_date(text, article)
    return found[1] if found else None
