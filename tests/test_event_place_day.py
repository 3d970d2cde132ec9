"""The place and the day of events in ordinary news copy (issue 20): kinds of error read off the
real-news dev set, each pinned by sentences of our own and its rule switched off once to show it
decides what the test says."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import find_date
from geo.rules import switched_off
from geo.types import Document


def events(pipeline, text, day="2024-05-06"):
    return pipeline.parse(Document(text, date=day)).events


def resolved(pipeline, text, name):
    return [r.place for r in pipeline.parse(Document(text, date="2024-05-06")).resolutions
            if r.mention.text == name and r.place is not None]


# -- the day ------------------------------------------------------------------------------------

MONDAY = date(2025, 7, 21)


@pytest.mark.parametrize("text,day", [
    ("Russia overnight Sunday to Monday fired drones at Kharkiv.", "2025-07-20"),   # a night: the day it began
    ("At night from Saturday to Sunday, drones hit Kramatorsk.", "2025-07-19"),
    ("Drones attacked Zaporizhzhia overnight into Sunday.", "2025-07-20"),
    ("The overnight attack followed Friday's shelling of Orikhiv.", "2025-07-18"),
    ("Drones attacked Zaporizhzhia overnight.", "2025-07-21"),                    # nothing finer: the article's
])
def test_a_named_day_beats_overnight(text, day):
    assert find_date(text, MONDAY)[1] == day


def test_without_the_rule_overnight_is_the_articles_day():
    with switched_off(frozenset({"vague_yields_to_named_day"})):
        assert find_date("Russia overnight Sunday to Monday fired drones at Kharkiv.", MONDAY)[1] == "2025-07-21"


@pytest.mark.parametrize("article,day", [
    (date(2024, 7, 31), "2024-07-27"),  # a Wednesday's paper: the Saturday before
    (date(2022, 6, 19), "2022-06-19"),  # Sunday's paper: that day
    (date(2024, 7, 29), "2024-07-27"),  # Monday's
])
def test_over_the_weekend(article, day):
    assert find_date("Russian forces captured two villages near Avdiivka over the weekend.", article)[1] == day


def test_now_is_the_articles_day_not_the_week_told_before(pipeline):
    text = ("Russian troops pierced Ukrainian lines last week near Bakhmut. "
            "Russian forces have now captured several villages north-west of Bakhmut, officials said.")
    found = events(pipeline, text, "2022-05-28")
    assert found[-1].date == "2022-05-28"


def test_a_bare_date_under_the_byline_dates_the_page():
    from geo.text.article_meta import text_date
    from geo.text.formats import find_date as page_date

    page = ("Besieged troops in Kupiansk dwindle, the military says\nby\nA Reporter\n27/02/2026\n"
            "Illustrative photo of a drone strike near Kupiansk, on October 7, 2025. Source: Photographer\n"
            "Ukrainian forces struck positions near Kupiansk.")
    assert text_date(page, page_date) == "2026-02-27"
    with switched_off(frozenset({"bare_date_under_byline", "stamp_in_the_page_head"})):  # either reads it
        assert text_date(page, page_date) != "2026-02-27"


# -- the place ----------------------------------------------------------------------------------

def test_a_sentence_without_a_place_happened_where_the_one_before_acted(pipeline, without):
    text = ("On Monday, Russia launched one of its largest attacks on Kramatorsk and Kharkiv, deploying 71 "
            "missiles. Only 38 missiles were shot down, as many were ballistic, the air force said.")
    found = events(pipeline, text)
    assert found[-1].sub_type == "Disrupted weapons use" and found[-1].place.name == "Kramatorsk"
    without("place_the_sentence_before_acted_at")
    assert events(pipeline, text)[-1].place.name == "Kharkiv"


def test_a_capital_blamed_is_no_place(pipeline):
    text = "A drone strike hit a college dormitory in occupied territory, which officials blamed on Vilnius."
    assert all(e.place is None or e.place.name != "Vilnius" for e in events(pipeline, text))


def test_a_missile_fired_from_a_regions_airspace_hit_the_other_region(pipeline):
    text = ("Ukraine said it shot down an X-59 guided missile that Russia fired at the Kharkiv region from "
            "the airspace of the occupied Luhansk region.")
    found = events(pipeline, text)
    assert found and found[0].place.admin1_code == resolved(pipeline, text, "Kharkiv region")[0].admin1_code


DONETSK_FRONT = ("Russian forces attacked near Kramatorsk, Sloviansk, Bakhmut, Toretsk and Avdiivka in Donetsk "
                 "Oblast. Russian forces also shelled Kostiantynivka and Druzhkivka. ")
VILLAGES = ("There were 33 attacks on the Huliaipole direction: in the areas of Dobropillya, Pryluky, "
            "Zaliznychne, Varvarivka and Staroukrainka.")


def test_a_towns_name_amid_a_list_of_villages_is_their_namesake(pipeline, without):
    assert [p.admin1 for p in resolved(pipeline, DONETSK_FRONT + VILLAGES, "Dobropillya")] == ["Zaporizhzhia Oblast"]
    without("village_list_over_town")
    assert [p.admin1 for p in resolved(pipeline, DONETSK_FRONT + VILLAGES, "Dobropillya")] == ["Donetsk Oblast"]


def test_a_town_with_one_neighbour_keeps_its_name(pipeline):
    assert [p.admin1 for p in resolved(pipeline, "Russian forces shelled Dobropillya and Kramatorsk.",
                                       "Dobropillya")] == ["Donetsk Oblast"]


IN_THE_CITY = ("Russian airstrikes hit Ukrainian forces in the Kharkiv and Donbas regions. Missiles hit depots "
               "in the Donbas. In Kharkiv, Russian rockets reportedly struck a system near the settlement of "
               "Hannivka.")


def test_a_village_in_the_oblast_of_the_city_its_sentence_names(pipeline, without):
    assert [p.admin1 for p in resolved(pipeline, IN_THE_CITY, "Hannivka")] == ["Kharkiv Oblast"]
    without("namesake_in_named_oblast")
    assert [p.admin1 for p in resolved(pipeline, IN_THE_CITY, "Hannivka")] != ["Kharkiv Oblast"]


ADDRESS = ("In the President's latest address on Thursday evening, July 21, he spoke of the grain deal and the "
           "front.\n\nGood health to you, fellow Ukrainians!\n\nToday, the Russian army again shelled Kramatorsk "
           "with rocket artillery. The occupiers also fired at Bakhmut.")


def test_a_reprinted_address_is_dated_by_the_day_it_was_given(pipeline, without):
    assert [e.date for e in events(pipeline, ADDRESS, "2022-07-22")] == ["2022-07-21", "2022-07-21"]
    without("statement_day")
    assert [e.date for e in events(pipeline, ADDRESS, "2022-07-22")] == ["2022-07-22", "2022-07-22"]


def test_an_address_given_the_same_day_keeps_the_pages_day(pipeline):
    text = ADDRESS.replace("Thursday evening, July 21", "Friday evening, July 22")
    assert {e.date for e in events(pipeline, text, "2022-07-22")} == {"2022-07-22"}


@pytest.mark.parametrize("text,days", [
    ("Russian troops shelled Orikhiv on May 6. The next day, drones hit Tokmak.", ["2024-05-06", "2024-05-07"]),
    ("Drones hit Tokmak on May 6. Russian forces had shelled Orikhiv the previous day.", ["2024-05-06", "2024-05-05"]),
    ("Russian troops shelled Orikhiv on May 6. On the same day, drones hit Tokmak.", ["2024-05-06", "2024-05-06"]),
])
def test_a_day_counted_from_the_day_told_last(pipeline, text, days):
    assert [e.date for e in events(pipeline, text, "2024-05-08")] == days


def test_without_the_rule_the_next_day_is_the_day_told(pipeline, without):
    without("next_day_from_the_day_told")
    text = "Russian troops shelled Orikhiv on May 6. The next day, drones hit Tokmak."
    assert [e.date for e in events(pipeline, text, "2024-05-08")] == ["2024-05-06", "2024-05-06"]


def test_an_action_put_in_a_month_is_undated(pipeline, without):
    text = "Last month, Russian forces shelled Orikhiv."
    assert [e.date for e in events(pipeline, text)] == [None]
    without("period_is_undated")
    assert [e.date for e in events(pipeline, text)] == ["2024-05-06"]


ASSESSMENT = ("Russian forces attacked northeast of Kupiansk near Petropavlivka on February 6.\n\n"
              "Russian forces shelled Kramatorsk on February 6.\n\n"
              "Ukrainian forces struck a depot near Tokmak on February 6.\n\n"
              "Russian forces attacked near Avdiivka and Bakhmut.")


def test_an_assessment_of_the_day_before_dates_its_undated_sentences(pipeline, without):
    assert {e.date for e in events(pipeline, ASSESSMENT, "2026-02-07")} == {"2026-02-06"}
    without("assessment_day")
    assert events(pipeline, ASSESSMENT, "2026-02-07")[-1].date == "2026-02-07"


def test_a_day_stated_once_does_not_date_the_story(pipeline):
    text = "Russian forces shelled Kramatorsk on February 6.\n\nRussian forces attacked near Avdiivka."
    assert events(pipeline, text, "2026-02-07")[-1].date == "2026-02-07"


def test_a_district_named_beside_a_town_is_the_towns(pipeline, without):
    text = "Russian drones struck Zaporizhzhia, wounding a 60-year-old man in the Solomianskyi district."
    assert {e.place.admin1 for e in events(pipeline, text)} == {"Zaporizhzhia Oblast"}
    without("district_of_the_town_named", "spread_in_analyst_copy")  # a narrative clause no longer spreads to it
    assert {e.place.admin1 for e in events(pipeline, text)} != {"Zaporizhzhia Oblast"}


def test_the_day_a_sentence_told_last_carries(pipeline):
    text = ("Last week, the president announced a plan.</p>\n<p>At the same time, Ukraine struck Belgorod "
            "overnight Saturday into Sunday. Russia's military said it had shot down 230 drones over Belgorod.")
    assert events(pipeline, text, "2025-07-21")[-1].date == "2025-07-19"


def test_last_date_is_the_last_part_that_states_one():
    from geo.events.dates import last_date

    told = "Last week, he announced a plan.</p>\n<p>At the same time, Ukraine struck Belgorod overnight Saturday into Sunday."
    assert last_date(told, MONDAY)[1] == "2025-07-19"
    assert last_date("On 13.07.2023 drones hit Kharkiv.", MONDAY)[1] == "2023-07-13"
    with switched_off(frozenset({"last_day_told_carries"})):
        assert last_date(told, MONDAY)[1] == "2025-07-14"


LINES = ("Trapped troops hold apartment blocks in Kupiansk\nby\nA Reporter\n"
         "Signals intelligence detected 20 call signs in the high-rises on 25 February, the spokesman said.\n"
         "Russian forces are also pushing toward Lyman and Kreminna.\n"
         "Russian troops shelled Kramatorsk.")


def test_lines_of_a_page_without_blank_lines_are_paragraphs(pipeline, without):
    assert events(pipeline, LINES, "2026-02-27")[-1].date == "2026-02-27"
    without("lines_are_paragraphs")
    assert events(pipeline, LINES, "2026-02-27")[-1].date == "2026-02-25"


def test_near_the_village_of_x_is_near_the_place(pipeline):
    from geo.types import NEAR_PLACE, PLACE_ITSELF

    near = events(pipeline, "Russian drones hit a car near the village of Lyptsi, injuring two.")
    at = events(pipeline, "Russian drones hit a car in the village of Lyptsi, injuring two.")
    assert [e.precision for e in near] == [NEAR_PLACE] and [e.precision for e in at] == [PLACE_ITSELF]


def test_an_armed_group_named_like_a_town_is_no_place(pipeline, without):
    text = ("Russian troops shelled Bakhmut. Sources said the arrest followed a conflict about the Wagner Group. "
            "Wagner mercenaries attacked near Bakhmut.")
    assert "Wagner" not in [r.mention.text for r in pipeline.parse(Document(text)).resolutions if r.place]
    without("armed_group_name")
    assert "Wagner" in [r.mention.text for r in pipeline.parse(Document(text)).resolutions if r.place]


def test_near_holds_for_every_name_of_its_list(pipeline, without):
    from geo.types import NEAR_PLACE

    text = "Russian forces attacked Ukrainian positions near Krasnohorivka, Novomykhailivka and Vuhledar on Monday."
    assert [e.precision for e in events(pipeline, text)] == [NEAR_PLACE] * 3
    without("near_a_list")
    assert [e.precision for e in events(pipeline, text)][-1] != NEAR_PLACE
