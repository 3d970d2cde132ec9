"""The day of an event, eighth round, second part (issue 20): the page stamps of web copy (a byline or
a reading time on the stamp's line, a clock in a.m./p.m. with its zone, "Last updated" or a bare date
under the headline), and a date inside a reported clause that must never date the page. Every text
here is made up, across month and year ends."""

from __future__ import annotations

import pytest

from geo.rules import switched_off
from geo.text.article_meta import text_date
from geo.text.formats import find_date
from geo.text.ingest import read

TITLE = "Drones hit Kharkiv power station"
HEAD = "Drones hit Kharkiv power station\nBy Jane Doe and John Roe\nFirefighters at the damaged plant.\nShare\n"
BODY = "Russian drones struck Kharkiv overnight, officials said on 3 February 2025.\n\nTwo workers were hurt."


def page_date(text: str, off=()) -> str | None:
    with switched_off(frozenset(off)):
        return text_date(text, find_date)


# -- stamps of web copy: the stamp's date beats the first date in the prose ---------------------------

STAMPS = [
    ("By Jane Doe | February 10, 2025 | 14:20", "2025-02-10"),
    ("By Jane Doe, Example News | Dec 31, 2024", "2024-12-31"),
    ("Published 9:05 a.m. EST, Mon February 10, 2025", "2025-02-10"),
    ("Updated: Jan. 1, 2025, 2:20 p.m. ET", "2025-01-01"),
    ("3 min read · Feb 10, 2025", "2025-02-10"),
    ("5 min read | December 31, 2024", "2024-12-31"),
    ("Posted on 10/02/2025 by admin", "2025-02-10"),
    ("Last updated: 29 February 2024 14:20 GMT", "2024-02-29"),
    ("February 10, 2025", "2025-02-10"),
    ("Mon 10 Feb 2025 14.20 GMT", "2025-02-10"),
]


@pytest.mark.parametrize("stamp,day", STAMPS)
def test_a_stamp_under_the_headline_dates_the_page(stamp, day):
    assert page_date(f"{TITLE}\n{stamp}\n{BODY}") == day


@pytest.mark.parametrize("stamp,day", STAMPS)
def test_a_stamp_under_a_byline_and_a_caption_dates_the_page(stamp, day):
    assert page_date(f"{HEAD}{stamp}\n{BODY}") == day


@pytest.mark.parametrize("stamp,rule", [
    ("By Jane Doe | February 10, 2025 | 14:20", "byline_and_reading_time_in_a_stamp"),
    ("3 min read · Feb 10, 2025", "byline_and_reading_time_in_a_stamp"),
    ("Published 9:05 a.m. EST, Mon February 10, 2025", "clock_and_zone_in_a_stamp"),
])
def test_without_the_rule_the_prose_date_stands(stamp, rule):
    assert page_date(f"{TITLE}\n{stamp}\n{BODY}", off=[rule]) == "2025-02-03"


def test_a_stamp_deep_in_the_head_needs_its_rule():
    text = f"{HEAD}Last updated: 29 February 2024 14:20 GMT\n{BODY}"
    assert page_date(text, off=["stamp_in_the_page_head"]) == "2025-02-03"


def test_a_machine_stamp_is_still_read():
    assert page_date(f"{TITLE}\n - date published: 2024-12-31T21:14:00+00:00\n{BODY}") == "2024-12-31"


def test_a_date_heading_below_the_body_is_no_page_stamp():
    text = (f"{TITLE}\nRussian drones struck Kharkiv overnight, officials said.\n"
            "Two workers were hurt, the mayor said.\nMore strikes followed in the region.\n"
            "December 30, 2024\nDrones hit Kherson.")
    assert page_date(text) is None


def test_a_heading_naming_its_period_is_no_stamp():
    assert page_date(f"{TITLE}\nFighting in the south in February 2025\n{BODY}") == "2025-02-03"


# -- a date in a reported clause dates what was reported, not the page -------------------------------

@pytest.mark.parametrize("text", [
    "The ministry reported that on 28 and 29 January 2025, two vessels left Mariupol port.",
    "Weekly summary\nThe regional governor said that on 30 December 2024 drones hit a depot near Belgorod.",
    "Officials told reporters that on February 28, 2024 shells fell on Donetsk.",
])
def test_a_reported_clause_does_not_date_the_page(text):
    assert page_date(text) is None
    assert page_date(text, off=["reported_day_is_no_page_date"]) is not None


def test_the_statement_day_before_that_still_dates_the_page():
    text = "The governor said on 31 December 2024 that drones hit a depot near Belgorod."
    assert page_date(text) == "2024-12-31"


def test_a_later_sentence_outside_the_clause_dates_the_page():
    text = ("The ministry reported that on 28 January 2025 two vessels left Mariupol. "
            "On 1 February 2025 the navy said it tracked them.")
    assert page_date(text) == "2025-02-01"


def test_a_stamp_beats_a_reported_date():
    text = "Naval update\nPosted on 02/01/2025 by admin\nThe ministry reported that on 30 and 31 December 2024, ships left."
    assert page_date(text) == "2025-01-02"


def test_the_upload_keeps_the_stamp_across_the_year_end():
    doc = read(f"{TITLE}\n3 min read · Jan 1, 2025\nDrones struck Kharkiv on 31 December 2024.".encode(), "p.txt")
    assert doc.date and doc.date[:10] == "2025-01-01"


# -- a day counted from another event the text dated ---------------------------------------------------


def events(pipeline, text, day):
    from dataclasses import replace

    doc = read(text.encode(), "probe.txt")
    return [(e.place.name if e.place else None, e.date) for e in pipeline.parse(replace(doc, date=day)).events]


def test_a_day_after_a_dated_agreement_across_the_year_end(pipeline):
    text = ("The ceasefire agreement was signed on 30 December 2024 in Geneva.\n\n"
            "A day after the agreement was signed, Russian forces shelled Kherson, the governor said.")
    assert ("Kherson", "2024-12-31") in events(pipeline, text, "2025-01-03")


def test_two_days_after_a_dated_strike_across_a_leap_day(pipeline):
    text = ("A Russian missile strike hit a port in Mykolaiv on 28 February 2024, killing three.\n\n"
            "Two days after the strike on the port, Russian drones hit Kharkiv, officials said.")
    assert ("Kharkiv", "2024-03-01") in events(pipeline, text, "2024-03-04")


def test_an_undated_event_counted_from_leaves_the_day(pipeline):
    text = "A day after the agreement was signed, Russian forces shelled Kherson, the governor said."
    assert ("Kherson", "2025-01-03") in events(pipeline, text, "2025-01-03")


def test_without_the_rule_the_count_is_not_read(pipeline, without):
    text = ("The ceasefire agreement was signed on 30 December 2024 in Geneva.\n\n"
            "A day after the agreement was signed, Russian forces shelled Kherson, the governor said.")
    without("day_counted_from_an_event")
    assert ("Kherson", "2024-12-31") not in events(pipeline, text, "2025-01-03")


def test_a_count_past_the_page_day_is_not_read(pipeline):
    text = ("The ceasefire agreement was signed on 2 January 2025 in Geneva.\n\n"
            "Two days after the agreement was signed, Russian forces shelled Kherson, the governor said.")
    assert ("Kherson", "2025-01-04") not in events(pipeline, text, "2025-01-03")


# -- a heading that dates what follows -----------------------------------------------------------------

def test_a_situation_heading_dates_every_paragraph_under_it(pipeline):
    text = ("Situation as of 31 December 2024\n\nRussian drones hit Kherson overnight, the governor said.\n\n"
            "Shelling damaged homes in Kharkiv, officials said.")
    found = events(pipeline, text, "2025-01-02")
    assert ("Kherson", "2024-12-31") in found and ("Kharkiv", "2024-12-31") in found


def test_yearless_update_headings_across_the_year_end(pipeline):
    text = ("Regional digest\n\nDaily update, 30 Dec\n\nRussian drones hit Kherson overnight, the governor said.\n\n"
            "Daily update, 1 Jan\n\nShelling damaged homes in Kharkiv yesterday, officials said.")
    found = events(pipeline, text, "2025-01-02")
    assert ("Kherson", "2024-12-30") in found and ("Kharkiv", "2024-12-31") in found


def test_without_the_rule_a_heading_dates_one_paragraph_at_most(pipeline, without):
    without("heading_dates_what_follows")
    text = ("Situation as of 31 December 2024\n\nRussian drones hit Kherson overnight, the governor said.\n\n"
            "Shelling damaged homes in Kharkiv, officials said.")
    assert ("Kharkiv", "2024-12-31") not in events(pipeline, text, "2025-01-02")


@pytest.mark.parametrize("line,day", [
    ("Situation as of 31 December 2024", "2024-12-31"),
    ("Daily update, 30 Dec", "2024-12-30"),
    ("Update for 14 December:", "2024-12-14"),
    ("Situation report: Monday, 30 December 2024", "2024-12-30"),
    ("Battles of 30 September 2022", None),
    ("Russian strikes on 30 December kill five", None),
    ("Daily update, 5 January 2025", None),  # after the page's day: no heading of this page
])
def test_which_headings_date_what_follows(line, day):
    from datetime import date

    from geo.events.dates import find_date as told
    from geo.events.day_headings import heading_day

    assert heading_day(line, told, date(2025, 1, 2)) == day


# -- a round-up of the day before: only the day the text names (no rule; pinned) -----------------------

@pytest.mark.parametrize("text,day", [
    ("During the day on December 30, Russian forces shelled Kherson 40 times, the regional administration said.",
     "2024-12-30"),
    ("Over the past day, 30 December, Russian forces shelled Kherson, the regional administration said.", "2024-12-30"),
    ("Over the past day, Russian forces shelled Kherson, the regional administration said.", "2025-01-02"),
])
def test_a_round_up_is_dated_only_by_the_day_it_names(pipeline, text, day):
    assert ("Kherson", day) in events(pipeline, text, "2025-01-02")


def test_geo_eval_without_a_page_date_rule_reads_the_page_without_it(monkeypatch):
    # `geo eval --without RULE` sets GEO_WITHOUT; the eval's reading of each article must obey it,
    # or a page-date rule could never be measured by switching it off.
    from geo.evaluate.articles import Article, document
    from geo.rules import ENV

    article = Article("a", "The ministry reported that on 28 January 2025 two vessels left Mariupol port.",
                      None, ())
    assert document(article).date is None
    monkeypatch.setenv(ENV, "reported_day_is_no_page_date")
    assert document(article).date is not None
