"""The day of an event in the forms news copy dates it (issue 20, by probes): wire datelines, feed
digests, official updates, analysts' periods, liveblogs, numeric dates, a page with no date. Every
article here is made up; each asserts the day its events get, read as an upload reads the text."""

from __future__ import annotations

import pytest

from geo.text.ingest import read


def days(pipeline, text, off=()):
    """(place, day) of each event, the page's date read from its own text (``off``: rules of the
    upload's reading switched off; the pipeline's own are ``without``'s)."""
    from geo.rules import switched_off

    with switched_off(frozenset(off)):
        doc = read(text.encode(), "probe.txt")
    return [(e.place.name if e.place else None, e.date) for e in pipeline.parse(doc).events]


def day_at(pipeline, text, place, off=()):
    found = [d for p, d in days(pipeline, text, off) if p == place]
    assert found, days(pipeline, text, off)
    return found[0]


# -- wire datelines and relative days, across week, month and year ends ---------------------------

@pytest.mark.parametrize("text, day", [
    ("KHARKIV, Ukraine (AP) — Russian missiles struck Kharkiv on Monday, killing two people, officials said.\n\n"
     "Published 4:12 PM UTC, February 11, 2025\n", "2025-02-10"),
    ("KHARKIV, Ukraine, Feb. 11, 2025 (AP) — Russian drones struck Kharkiv on Sunday night, wounding five "
     "people, officials said.", "2025-02-09"),
    ("KHARKIV, Ukraine, Jan. 1, 2025 (AP) — Russian missiles struck Kharkiv late on Tuesday, killing one man, "
     "officials said.", "2024-12-31"),
    ("KHARKIV, Ukraine, March 1, 2024 (AP) — Russian drones struck Kharkiv last night, killing one man, "
     "officials said.", "2024-02-29"),
    ("KHARKIV, Jan 1, 2025 (Reuters) - Russian missiles struck Kharkiv on the night of 30-31 December, killing "
     "one man, officials said.", "2024-12-30"),
    ("Published 11 February 2025\n\nRussian drones struck Kharkiv early on Tuesday, wounding five people, "
     "officials said.", "2025-02-11"),
    ("Published 11 February 2025\n\nRussian drones struck Kharkiv this morning, wounding five people, "
     "officials said.", "2025-02-11"),
])
def test_wire_and_relative_days(pipeline, text, day):
    assert day_at(pipeline, text, "Kharkiv") == day


def test_afp_copy_under_a_date_line(pipeline):
    text = ("10 February 2025\n\n(AFP) - Russian shelling killed two civilians in Kramatorsk early on Tuesday, "
            "the regional governor said.")
    assert day_at(pipeline, text, "Kramatorsk") == "2025-02-04"  # the latest Tuesday on or before the page


def test_a_numeric_stamp_line_dates_the_story(pipeline):
    text = "10.02.2025 14:32\n\nRussian troops shelled Kramatorsk on Sunday, killing a civilian, the governor said."
    assert day_at(pipeline, text, "Kramatorsk") == "2025-02-09"


# -- feed digests: each item its own stamp --------------------------------------------------------

DIGEST = ("Ukraine war news digest\n\n"
          "Russian drones struck Kharkiv, wounding four\nFeb. 8, 2025\n"
          "Russian drones struck Kharkiv, wounding four people, officials said.\n\n"
          "Shelling kills two in Kupiansk\n10 February 2025 14:32\n"
          "Russian shelling killed two civilians in Kupiansk, the governor said.\n\n"
          "Missile hits Zaporizhzhia\n2025-02-12T09:10:00Z\n"
          "A Russian missile hit Zaporizhzhia, killing one person, officials said.\n")

PUBLISHED = ("News feed\n\nPublished: 8 February 2025\nRussian drones struck Kharkiv, wounding four people, "
             "officials said.\n\nPublished: 10 February 2025\nRussian shelling killed two civilians in Kupiansk, "
             "the governor said.\n\nPublished: 12 February 2025\nA Russian missile hit Zaporizhzhia, killing one "
             "person, officials said.\n")


@pytest.mark.parametrize("text", [DIGEST, PUBLISHED])
def test_each_feed_item_takes_its_own_stamp(pipeline, without, text):
    assert [d for _, d in days(pipeline, text)] == ["2025-02-08", "2025-02-10", "2025-02-12"]
    without("item_stamp_dates_its_item")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-08"] * 3


def test_a_machine_stamp_is_a_stamp(pipeline, without):
    without("iso_time_is_a_stamp")
    assert [d for _, d in days(pipeline, DIGEST)] == ["2025-02-08", "2025-02-10", "2025-02-08"]


def test_an_items_yesterday_counts_from_its_own_stamp(pipeline):
    text = ("Ukraine war live\n\nUpdated 11 February 2025 09:00 GMT\n\n10 Feb 2025 22:10 GMT\nRussian drones struck "
            "Kharkiv, wounding three people, the mayor said.\n\n11 Feb 2025 08:05 GMT\nRussian shelling killed a man "
            "in Kupiansk yesterday, the governor said.\n")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-10", "2025-02-10"]


# -- liveblogs ------------------------------------------------------------------------------------

def test_a_liveblogs_day_heading_dates_its_entries(pipeline, without):
    text = ("Russia-Ukraine war: live updates\n\nMonday 10 February\n\nRussian drones struck Kharkiv, wounding three "
            "people, the mayor said.\n\nTuesday 11 February\n\nRussian shelling killed a man in Kupiansk, the governor "
            "said.\n\nPublished 11 February 2025\n")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-10", "2025-02-11"]
    without("day_heading_dates_its_entries")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-11", "2025-02-11"]


def test_liveblog_key_events_and_timed_entries(pipeline):
    text = ("Russia-Ukraine war live: drones hit Kharkiv\n\nPublished 11 February 2025\n\nKey events\n\n14:05 GMT\n"
            "Russian drones struck Kharkiv earlier today, wounding three people, the mayor said.\n\n12:30 GMT\n"
            "Russian shelling killed a man in Kupiansk yesterday, the governor said.\n")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-11", "2025-02-10"]


# -- official updates -----------------------------------------------------------------------------

UKDI = ("Latest Defence Intelligence update on the situation in Ukraine - 10 February 2025\n\nOver the past 24 hours, "
        "Russian forces continued attacks near Kupiansk. On 9 Feb 25, Russian aircraft struck Vovchansk with glide "
        "bombs.")


def test_a_title_ending_in_its_date_dates_the_update(pipeline, without):
    assert day_at(pipeline, UKDI, "Kupyansk") == "2025-02-10"
    assert day_at(pipeline, UKDI, "Kupyansk", off={"date_ending_the_title"}) is None


def test_a_two_digit_year(pipeline, without):
    untitled = {"date_ending_the_title"}  # a page with no date of its own: the year must come from the sentence
    assert day_at(pipeline, UKDI, "Vovchansk", off=untitled) == "2025-02-09"
    without("two_digit_year")
    assert day_at(pipeline, UKDI, "Vovchansk", off=untitled) is None


def test_general_staff_as_of_and_during_the_day(pipeline):
    text = ("General Staff update, 11 February 2025\n\nAs of 22:00 on February 10, Russian forces had attacked "
            "Ukrainian positions near Kupiansk 12 times. During the day, Russian aircraft struck Vovchansk with "
            "guided bombs.")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-10", "2025-02-10"]


def test_an_official_day_carries_to_the_follow_on_sentence(pipeline):
    text = ("Update\n\nOn 9 February 2025, Russian forces shelled Vovchansk, killing two civilians. Russian forces "
            "also struck Kupiansk with guided bombs.")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-09", "2025-02-09"]


def test_in_the_past_day(pipeline):
    text = "11.02.2025\n\nIn the past day, Russian troops shelled Kramatorsk, killing one civilian, the governor said."
    assert day_at(pipeline, text, "Kramatorsk") == "2025-02-11"


# -- analysts' periods: at the period's first day --------------------------------------------------

def test_a_period_that_opens_the_update_is_no_page_date(pipeline):
    from geo.rules import switched_off

    text = ("Situation update\n\nFrom 14 December 2024 to 10 January 2025, Russian forces shelled Vovchansk, "
            "killing six civilians.")
    assert read(text.encode(), "p.txt").date == "2025-01-10"
    assert day_at(pipeline, text, "Vovchansk") == "2024-12-14"
    with switched_off(frozenset({"period_told_ends_by_the_page_day"})):  # the upload reads the page's date
        assert read(text.encode(), "p.txt").date == "2024-12-14"


@pytest.mark.parametrize("text, day", [
    ("Published 12 January 2025\n\nFrom 14 December to 10 January, Russian forces shelled Vovchansk, killing six "
     "civilians.", "2024-12-14"),
    ("Published 12 January 2025\n\nRussian forces shelled Vovchansk from 3 to 10 January, killing six civilians.",
     "2025-01-03"),
])
def test_a_period_is_dated_by_its_first_day(pipeline, text, day):
    assert day_at(pipeline, text, "Vovchansk") == day


# -- numeric and European forms -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, day, rule", [
    ("On 10.02.2025 Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10", None),
    ("On 10/02/2025 Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10",
     "slashed_day_month_year"),
    ("On 10.02. Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10",
     "day_dot_month"),
    ("On 10 Feb. Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10", None),
    ("On Feb. 10 Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10", None),
    ("On the 10th, Russian troops shelled Kramatorsk, killing a civilian, the governor said.", "2025-02-10",
     "day_of_the_month_alone"),
    ("On the night of 9-10 February, Russian drones struck Kramatorsk, killing a civilian.", "2025-02-09", None),
    ("On 9 and 10 February, Russian drones struck Kramatorsk, killing a civilian.", "2025-02-09", None),
    ("On February 6 and 7, Russian drones struck Kramatorsk, killing a civilian.", "2025-02-06", None),
    ("At the weekend, Russian drones struck Kramatorsk, killing a civilian, the governor said.", "2025-02-08", None),
    ("Last week Russian drones struck Kramatorsk, killing a civilian, the governor said.", "2025-02-05", None),
])
def test_numeric_and_european_forms(pipeline, without, sentence, day, rule):
    text = "Published 12 February 2025\n\n" + sentence
    assert day_at(pipeline, text, "Kramatorsk") == day
    if rule:
        without(rule)
        assert day_at(pipeline, text, "Kramatorsk") == "2025-02-12"


def test_the_10th_still_to_come_is_last_months():
    from datetime import date

    from geo.events.dates import find_date

    assert find_date("on the 20th", date(2025, 3, 5))[1] == "2025-02-20"


def test_a_slashed_date_that_cannot_be_day_first_is_month_first():
    from geo.events.dates import find_date

    assert find_date("on 02/25/2025", None)[1] == "2025-02-25"


def test_a_year_end_date_is_last_years(pipeline):
    text = ("Published 2 January 2025\n\nOn 30 December, Russian drones struck Kramatorsk, killing a civilian, the "
            "governor said. Russian missiles hit Kharkiv on Tuesday night.")
    assert days(pipeline, text) == [("Kramatorsk", "2024-12-30"), ("Kharkiv", "2024-12-31")]


# -- a page with no date at all ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian drones struck Kramatorsk on Monday, killing a civilian, the governor said. Shelling hit Kupiansk overnight.",
    "Russian drones struck Kramatorsk on 10 February, killing a civilian, the governor said.",
    "Russian drones struck Kramatorsk overnight, killing a civilian, the governor said. Yesterday shelling hit Kupiansk.",
    "Feb 10 (Reuters) - Russian drones hit Kramatorsk late on Sunday, killing three civilians, the governor said.",
    "MOSCOW, February 10. /TASS/. Ukrainian drones attacked Belgorod overnight, wounding two people, the governor said.",
])
def test_no_date_on_the_page_no_day_for_its_events(pipeline, text):
    found = days(pipeline, text)
    assert found and all(d is None for _, d in found)


# -- a wire's page head: title, byline, "... Updated 2 hours ago" ----------------------------------

@pytest.mark.parametrize("stamp", ["February 11, 2025 7:41 AM GMT Updated 2 hours ago",
                                   "February 11, 20257:41 AM GMT+0Updated 2 hours ago"])
def test_a_wire_page_stamp_with_updated_ago(pipeline, stamp):
    from geo.rules import switched_off

    text = (f"Russian drones hit Kharkiv\n\nBy Jane Doe\n\n{stamp}\n\nKHARKIV, Feb 11 (Reuters) - Russian drones hit "
            "Kharkiv late on Sunday, killing three civilians, the governor said.")
    assert day_at(pipeline, text, "Kharkiv") == "2025-02-09"
    with switched_off(frozenset({"updated_ago_in_a_stamp"})):
        assert read(text.encode(), "p.txt").date is None


# -- the day a statement was made, and the day of what it tells ------------------------------------

@pytest.mark.parametrize("sentence, day", [
    ("In a statement on Tuesday, the governor said Russian forces shelled Kharkiv on Monday, killing two people.",
     "2025-02-10"),
    ("The governor said on Tuesday that Russian forces had shelled Kharkiv on Sunday, killing two people.",
     "2025-02-09"),
    ("The governor said Tuesday that Russian forces had shelled Kharkiv on 8 February, killing two people.",
     "2025-02-08"),
])
def test_the_report_day_yields_to_the_event_day(pipeline, without, sentence, day):
    text = "Published 12 February 2025\n\n" + sentence
    assert day_at(pipeline, text, "Kharkiv") == day
    if "February" not in sentence:
        without("report_day_yields_to_event_day")
        assert day_at(pipeline, text, "Kharkiv") == "2025-02-11"


@pytest.mark.parametrize("sentence, day", [
    ("Ukraine's air force said on Tuesday that Russia launched 100 drones at Kharkiv overnight.", "2025-02-11"),
    ("Russian forces shelled Kharkiv, killing two people, the governor said on Tuesday.", "2025-02-11"),
])
def test_the_report_day_stands_where_no_other_day_is_named(pipeline, sentence, day):
    assert day_at(pipeline, "Published 12 February 2025\n\n" + sentence, "Kharkiv") == day


@pytest.mark.parametrize("follow, day", [("Two days later", "2025-02-11"), ("A week earlier", "2025-02-02"),
                                         ("The previous evening", "2025-02-08")])
def test_a_day_counted_from_the_day_told(pipeline, without, follow, day):
    text = ("Published 12 February 2025\n\nOn 9 February Russian drones struck Kramatorsk, killing a civilian.\n\n"
            f"{follow}, Russian shelling hit Kupiansk, wounding two.")
    assert day_at(pipeline, text, "Kupyansk") == day
    if "later" in follow or "earlier" in follow:
        without("days_later_from_the_day_told")
        assert day_at(pipeline, text, "Kupyansk") == "2025-02-12"


def test_an_items_weekday_counts_from_its_own_stamp_across_a_month_end(pipeline):
    text = ("Digest\n\nJan. 31, 2025\nRussian drones struck Kharkiv on Thursday, wounding four people.\n\n"
            "Feb. 3, 2025\nRussian shelling killed two civilians in Kupiansk on Sunday, the governor said.\n")
    assert [d for _, d in days(pipeline, text)] == ["2025-01-30", "2025-02-02"]


@pytest.mark.parametrize("stamp", ["14:32, 10 February 2025", "10 February 2025 | 14:32",
                                   "Monday, February 10, 2025, 2:32 p.m.", "KHARKIV, 10 February 2025 —"])
def test_stamp_and_dateline_forms(pipeline, stamp):
    sep = " " if stamp.endswith("—") else "\n\n"
    text = f"{stamp}{sep}Russian drones struck Kharkiv overnight, wounding five people, the mayor said."
    assert day_at(pipeline, text, "Kharkiv") == "2025-02-10"


@pytest.mark.parametrize("sentence, day", [
    ("On the night of Monday to Tuesday, Russian drones struck Kharkiv, wounding five people.", "2025-02-10"),
    ("Overnight on February 10-11, Russian drones struck Kharkiv, wounding five people.", "2025-02-10"),
    ("On February 10th, Russian drones struck Kharkiv, wounding five people.", "2025-02-10"),
    ("On the 10th of February, Russian drones struck Kharkiv, wounding five people.", "2025-02-10"),
    ("Russian drones struck Kharkiv yesterday evening, wounding five people.", "2025-02-11"),
    ("Earlier in the day, Russian drones struck Kharkiv, wounding five people.", "2025-02-12"),
    ("Over the weekend, Russian drones struck Kharkiv, wounding five people.", "2025-02-08"),
])
def test_nights_ordinals_and_the_weekend(pipeline, sentence, day):
    assert day_at(pipeline, "Published 12 February 2025\n\n" + sentence, "Kharkiv") == day


# -- a liveblog entry that opens with its time -----------------------------------------------------

@pytest.mark.parametrize("entry, place, day", [
    ("09:05 GMT: Russian drones struck Kharkiv, wounding three people.", "Kharkiv", "2025-02-11"),
    ("14:05 EET — Russian shelling killed a man in Kupiansk yesterday, the governor said.", "Kupyansk", "2025-02-10"),
])
def test_a_liveblog_entry_time_opens_an_entry(pipeline, without, entry, place, day):
    text = f"Ukraine war live\n\nPublished 11 February 2025\n\n{entry}\n"
    assert day_at(pipeline, text, place) == day
    without("liveblog_entry_time")
    assert days(pipeline, text) == []  # read as a video's length


def test_the_title_ending_in_its_date_after_a_comma(pipeline):
    text = ("Russian Offensive Campaign Assessment, February 11, 2025\n\nKey Takeaways:\n\nRussian forces conducted a "
            "missile strike against Kharkiv on the night of February 10 to 11.\n")
    assert read(text.encode(), "p.txt").date == "2025-02-11"
    assert day_at(pipeline, text, "Kharkiv") == "2025-02-10"


@pytest.mark.parametrize("first, second", [("## Feb. 8, 2025", "## Feb. 10, 2025"),
                                           ("**8 February 2025**", "**10 February 2025**"),
                                           ("Posted on February 8, 2025 by admin", "Posted on February 10, 2025 by admin")])
def test_a_blogs_posts_each_dated_by_their_stamp(pipeline, first, second):
    text = (f"Ukraine news\n\n{first}\n\nRussian drones struck Kharkiv, wounding four people, officials said.\n\n"
            f"{second}\n\nRussian shelling killed two civilians in Kupiansk, the governor said.\n")
    assert [d for _, d in days(pipeline, text)] == ["2025-02-08", "2025-02-10"]


def test_a_stamp_with_its_author(pipeline, without):
    text = ("Ukraine news\n\nPosted on February 8, 2025 by admin\n\nRussian drones struck Kharkiv, wounding four "
            "people, officials said.\n")
    assert days(pipeline, text) == [("Kharkiv", "2025-02-08")]
    without("stamp_with_its_author")  # in the page's date, and in the item's
    assert days(pipeline, text, off={"stamp_with_its_author"}) == [("Kharkiv", None)]


@pytest.mark.parametrize("stamp", ["Kharkiv • 10.02.2025, 14:32", "10 February 2025, 14:32 local time"])
def test_a_stamp_with_its_town_or_zone(pipeline, stamp):
    from geo.rules import switched_off

    text = f"Drones hit Kharkiv\n\n{stamp}\n\nRussian drones struck Kharkiv on Sunday, wounding five people, the mayor said."
    assert day_at(pipeline, text, "Kharkiv") == "2025-02-09"
    with switched_off(frozenset({"stamp_with_a_place_or_zone"})):
        assert read(text.encode(), "p.txt").date is None
