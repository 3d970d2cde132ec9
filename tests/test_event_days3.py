"""The day of an event, eighth round (issue 20): one convention for spans (their first day), a month
opening a sentence, a reprinted statement named only in a page's opening sentence, fixed-date
holidays, "the night before". Every sentence here is made up, across month and year ends."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import day_told_from, find_date
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


# -- spans: every way copy writes one is coded at its first day ------------------------------------

@pytest.mark.parametrize("text, article, day", [
    ("Russian forces shelled Kharkiv between 4 and 10 March, officials said.", date(2024, 3, 12), "2024-03-04"),
    ("Between 29 and 31 December, drones hit Kherson.", date(2025, 1, 2), "2024-12-29"),
    ("Russian forces shelled Kharkiv from 4 to 10 March.", date(2024, 3, 12), "2024-03-04"),
    ("Drones hit Mykolaiv on the night of 31 December to 1 January.", date(2025, 1, 1), "2024-12-31"),
    ("Drones hit Mykolaiv on the night of 28-29 February.", date(2024, 3, 1), "2024-02-28"),
    ("Drones hit Mykolaiv between December 30 and 31.", date(2025, 1, 1), "2024-12-30"),
    ("Russia fired missiles overnight Tuesday into Wednesday.", date(2025, 1, 1), "2024-12-31"),
    ("Russia fired missiles at Kherson on Monday and Tuesday.", date(2025, 1, 1), "2024-12-30"),
])
def test_a_span_of_days_is_coded_at_its_first_day(text, article, day):
    assert day_of(text, article) == day


def test_between_dated_by_its_last_day_without_the_convention():
    assert day_of("Between 29 and 31 December, drones hit Kherson.", date(2025, 1, 2),
                  off=("span_at_its_first_day",)) == "2024-12-31"


def test_a_night_named_only_by_its_end_is_that_day():
    # "overnight into Wednesday" names one day, the one the night ended on, as "overnight" is the article's
    assert day_of("Russia launched 40 drones overnight into Wednesday.", date(2025, 1, 1)) == "2025-01-01"


# -- a month opening a sentence ---------------------------------------------------------------------

MONTH_OPENS = ("Ukraine's drones have reached far into Russia. In April, the army said its drones hit an oil "
               "depot in Belgorod, officials said.")


def test_a_month_opening_a_sentence_leaves_its_strike_undated(pipeline, without):
    assert events(pipeline, MONTH_OPENS, "2024-07-20") == [("Belgorod", None)]
    without("month_opening_the_sentence")
    assert events(pipeline, MONTH_OPENS, "2024-07-20") == [("Belgorod", "2024-07-20")]


def test_a_day_in_the_month_still_dates_it(pipeline):
    text = MONTH_OPENS.replace("In April, the army said its drones hit", "In April, the army said its drones hit on 12 April")
    assert events(pipeline, text, "2024-07-20") == [("Belgorod", "2024-04-12")]


# -- a statement the page reprints is named in its opening sentence ---------------------------------

ROUND_UP = ("The president said the front in the east remained hard. He warned of new strikes. In a video address "
            "late on Friday, he said the troops in the north were pulling back.\n\nRussian forces shelled Kharkiv, "
            "killing two people.\n\nUkrainian drones struck Belgorod, the governor said.")


def test_a_round_up_mentioning_an_address_keeps_its_own_day(pipeline, without):
    assert {d for _, d in events(pipeline, ROUND_UP, "2025-03-01")} == {"2025-03-01"}
    without("statement_in_the_opening_sentence")
    assert {d for _, d in events(pipeline, ROUND_UP, "2025-03-01")} == {"2025-02-28"}


def test_a_reprinted_address_across_a_month_end(pipeline):
    text = ("In the President's evening address on Friday, February 28, he spoke of the talks.\n\nGood evening!\n\n"
            "Today, the Russian army again shelled Kharkiv.")
    assert events(pipeline, text, "2025-03-01") == [("Kharkiv", "2025-02-28")]


# -- holidays with a fixed date ---------------------------------------------------------------------

@pytest.mark.parametrize("text, article, day", [
    ("Russia struck Kharkiv's power plants on Christmas Day.", date(2024, 12, 26), "2024-12-25"),
    ("Drones hit Kherson on New Year's Eve.", date(2025, 1, 2), "2024-12-31"),
    ("Drones hit Kherson on New Year’s Day.", date(2025, 1, 3), "2025-01-01"),
    ("Police clashed with protesters after a Christmas Eve march.", date(2024, 12, 25), "2024-12-24"),
    ("The Orthodox Christmas attack on Mykolaiv killed two.", date(2025, 1, 9), "2025-01-07"),
    ("Drones hit Kherson on Christmas Day.", date(2024, 12, 24), "2024-12-25"),  # a page written on its eve
])
def test_a_fixed_date_holiday_names_its_day(text, article, day):
    assert day_of(text, article) == day
    assert day_of(text, article, off=("holiday_names_its_day",)) != day


def test_a_christmas_truce_names_no_day():
    assert day_of("Russia rejected a Christmas truce.", date(2024, 12, 20)) is None


# -- counted from the day told last -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, day", [
    ("The night before, drones hit Kherson.", "2024-12-31"),
    ("The day before, Russian troops shelled Mariupol.", "2024-12-31"),
    ("The day before the talks, Russian troops shelled Mariupol.", None),
])
def test_the_night_before_counts_from_the_day_told(sentence, day):
    assert day_told_from(sentence, "2025-01-01") == day


# -- a paragraph answering the one before goes on with its day --------------------------------------

ANSWERED = ("Russian forces shelled Kharkiv on Friday, officials said.\n\nA mapping project said on Tuesday, "
            "December 31, that Russia had taken the village of Ivanopil.\n\nHowever, Russian drones also struck "
            "Kherson, the general staff said.")


def test_a_paragraph_opening_with_however_keeps_the_day_told(pipeline, without):
    assert ("Kherson", "2024-12-31") in events(pipeline, ANSWERED, "2025-01-01")
    without("answering_paragraph_keeps_the_day")
    assert ("Kherson", "2025-01-01") in events(pipeline, ANSWERED, "2025-01-01")


def test_a_new_paragraph_without_a_connective_is_of_the_pages_day(pipeline):
    text = ANSWERED.replace("However, Russian drones also struck", "Russian drones also struck")
    assert ("Kherson", "2025-01-01") in events(pipeline, text, "2025-01-01")
