"""The day of an event, twelfth round (issue 20): a later paragraph that states no day goes on telling
the strike the story dated at that place, not the page's day. Every sentence here is made up."""

from __future__ import annotations

from geo.text.ingest import read


def days(pipeline, text):
    return [(e.sub_type, e.place.name if e.place else None, e.date)
            for e in pipeline.parse(read(text.encode(), "probe.txt")).events]


# Published on a Wednesday; the strike was early on Tuesday.
STRIKE = ("Published 5 March 2025\n\nA Russian missile slammed into an apartment block in Kharkiv in the early hours "
          "of Tuesday, the governor said.\n\nNeighbours gathered outside with blankets and tea.\n\n")


def test_a_later_paragraph_at_the_dated_place_goes_on_with_its_day(pipeline, without):
    text = STRIKE + "Air defences shot down four drones over Kharkiv, the mayor said.\n"
    assert days(pipeline, text)[-1] == ("Disrupted weapons use", "Kharkiv", "2025-03-04")
    without("undated_at_the_dated_place")
    assert days(pipeline, text)[-1] == ("Disrupted weapons use", "Kharkiv", "2025-03-05")


def test_a_night_told_as_last_night_dates_the_blast_in_it(pipeline, without):
    text = ("Published 5 March 2025\n\nLast night, alerts told the people of Kharkiv to go down to the shelters."
            "\n\nThe sirens went on for hours.\n\nBut then, around 03:00, a Russian missile hit a building in "
            "Kharkiv, killing two people.\n")
    assert days(pipeline, text) == [("Shelling/artillery/missile attack", "Kharkiv", "2025-03-04")]
    without("undated_at_the_dated_place")
    assert days(pipeline, text) == [("Shelling/artillery/missile attack", "Kharkiv", "2025-03-05")]


def test_a_strike_elsewhere_keeps_the_page_day(pipeline):
    text = STRIKE + "In the south, Russian shelling killed two people in Kherson, officials said.\n"
    assert ("Kherson", "2025-03-05") in {(place, d) for _, place, d in days(pipeline, text)}


def test_a_sentence_stating_its_own_day_keeps_it(pipeline):
    text = STRIKE + "On Wednesday, Russian drones struck Kharkiv again, wounding three people.\n"
    assert ("Kharkiv", "2025-03-05") in {(place, d) for _, place, d in days(pipeline, text)}


def test_a_feed_item_keeps_its_own_day(pipeline):
    # each item is stamped: the item below a strike's item is news of its own stamp
    text = ("Published 5 March 2025\n\nRussian missiles hit Kharkiv early on Tuesday, the governor said.\n\n"
            "Published 5 March 2025\n\nAir defences shot down four drones over Kharkiv, the mayor said.\n\n"
            "Published 5 March 2025\n\nPeople in the capital queued for water.\n")
    assert days(pipeline, text)[-1] == ("Disrupted weapons use", "Kharkiv", "2025-03-05")


def test_a_sentence_begun_before_a_line_break_is_in_the_next_paragraph(pipeline, without):
    # copy in HTML paragraphs, one a line: the splitter starts a sentence at the closing tag before the
    # break, but its words, and the day it tells, are in the paragraph after it
    from geo.types import Document

    text = ("<p>Russia struck Kyiv with drones overnight, officials said.</p>\n<p>Rescuers worked through the "
            "morning in the city.</p>\n<p>The president has shifted his policy. Last week, he announced a plan to "
            "send missiles to Ukraine.</p>\n<p>At the same time, Ukraine has been striking Russia, including a "
            "barrage overnight Saturday into Sunday. Russia’s military said it had shot down more than 230 drones "
            "over the Moscow region.</p>\n<p>Flights were delayed at the airports.</p>\n<p>Officials gave no more "
            "details.</p>\n")

    def downed():
        return [e.date for e in pipeline.parse(Document(text, date="2025-07-21")).events
                if e.sub_type == "Disrupted weapons use"]

    assert downed() == ["2025-07-19"]
    without("paragraph_of_the_body")
    assert downed() == ["2025-07-21"]
