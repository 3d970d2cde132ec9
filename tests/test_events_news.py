"""Events in ordinary news copy (issue 20), on our own sentences in the styles of wire copy,
regional news and official statements: the day, one event per happening, the side, the place,
ACLED's conventions and what is not an event. Each named rule is also switched off once to show
it decides what its test says."""

from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import earlier_by, find_date
from geo.events.toll import toll
from geo.types import NEAR_PLACE, REGION_ONLY, Document


def events(pipeline, text, day=None):
    return pipeline.parse(Document(text, date=day)).events


def uploaded(pipeline, text):
    """As an upload reads it: a wire dateline dates the article."""
    from geo.text.ingest import read

    return pipeline.parse(read(text.encode("utf-8"), "article.txt")).events


WIRE = ("KHARKIV, Ukraine, March 15, 2024 (Wire) — Russian forces shelled Kharkiv on Thursday, "
        "March 14, killing three civilians, regional governor Oleh Syniehubov said.\n\n"
        "Artillery shells hit apartment blocks in the city's Saltivskyi district, he said.\n\n"
        "Early on Friday, Russian troops shelled Kupiansk-Vuzlovyi and the village of Lyptsi, "
        "the governor said.")


# -- the day ------------------------------------------------------------------------------------

def test_the_sentence_date_beats_the_dateline_and_weekdays_count_from_it(pipeline):
    found = uploaded(pipeline, WIRE)
    assert [(e.place.name, e.date) for e in found][:1] == [("Saltivskyi district", "2024-03-14")]
    assert {e.date for e in found[1:]} == {"2024-03-15"}  # "Early on Friday": the dateline's day


@pytest.mark.parametrize("text,article,day", [
    ("on the night of 30 November-1 December", date(2024, 12, 2), "2024-11-30"),
    ("on the night of 31 December to 1 January", date(2025, 1, 2), "2024-12-31"),
    ("early on Friday", date(2024, 3, 1), "2024-03-01"),          # a Friday: that very day
    ("on Sunday", date(2025, 1, 2), "2024-12-29"),                 # across the year's end
    ("last week", date(2024, 3, 5), "2024-02-27"),                 # across a leap February
    ("overnight", date(2024, 7, 1), "2024-07-01"),
    ("late on Monday", date(2024, 7, 1), "2024-07-01"),
    ("on Thursday, March 14", date(2024, 3, 15), "2024-03-14"),    # the explicit date wins
    ("on 30 December", date(2025, 1, 2), "2024-12-30"),
])
def test_relative_and_explicit_days(text, article, day):
    assert find_date(f"Russian forces shelled Kherson {text}.", article)[1] == day


def test_an_undated_article_gives_undated_events(pipeline):
    found = events(pipeline, "Russian forces shelled Kherson overnight, the governor said.")
    assert found and found[0].date is None


# -- one event per happening ----------------------------------------------------------------

def test_a_continuation_joins_its_event_with_the_finer_place(pipeline):
    found = events(pipeline, WIRE)
    first = found[0]
    assert first.place.name == "Saltivskyi district" and first.fatalities == 3
    assert [s.index for s in first.sentences] == [0, 1]  # one event, two source sentences
    assert first.actors[0] == "Russian forces"


def test_without_continuation_the_follow_on_is_a_second_event(pipeline, without):
    without("continuation")
    found = events(pipeline, WIRE)
    assert found[0].place.name == "Kharkiv" and found[1].sentence.index == 1


VILLAGE_THEN_CITY = ("KHARKIV, Ukraine, March 15, 2024 (Wire) — Russian troops shelled Kupiansk-Vuzlovyi and the "
                    "village of Lyptsi on Thursday, the governor said. Artillery shells hit apartment blocks in the "
                    "city's Saltivskyi district.")


def test_a_village_holds_no_city_district(pipeline, without):
    # The district is Kharkiv's, some 20 km from the village: the village's event keeps its place.
    found = [e.place.name for e in events(pipeline, VILLAGE_THEN_CITY)]
    assert "Lyptsi" in found and "Saltivskyi district" in found
    without("villages_have_no_districts")
    assert "Lyptsi" not in [e.place.name for e in events(pipeline, VILLAGE_THEN_CITY)]


def test_two_targets_in_one_sentence_are_two_events(pipeline):
    found = events(pipeline, WIRE)
    assert [e.place.name for e in found[1:]] == ["Kupyansk-Vuzlovyi", "Lyptsi"]


def test_a_toll_with_a_place_of_its_own_is_an_event_there(pipeline):
    text = ("Russian drones struck Kharkiv overnight as Russia's army pressed its offensive, the governor "
            "said. Another two people were killed in the Zaporizhzhia region, officials said.")
    found = events(pipeline, text, "2024-07-01")
    assert [(e.sub_type, e.fatalities) for e in found] == [("Air/drone strike", None), ("Air/drone strike", 2)]
    assert found[1].precision == REGION_ONLY


# -- the side ---------------------------------------------------------------------------------

def test_who_reports_is_the_source_not_an_actor(pipeline):
    text = ("A Russian drone struck a port warehouse in Izmail overnight, killing two people, "
            "the Ukrainian Navy reported on Monday.")
    assert events(pipeline, text)[0].actors == ("Russian forces", "Civilians")


def test_a_strike_with_no_attacker_named_is_the_other_sides(pipeline, without):
    text = ("Russian forces shelled Huliaipole on Monday. Missiles hit an energy facility in Kremenchuk "
            "overnight, and a drone struck an oil depot in the Belgorod region.")
    found = events(pipeline, text, "2024-07-02")
    assert [e.actors[:1] for e in found] == [("Russian forces",), ("Russian forces",), ("Ukrainian forces",)]
    without("strike_by_the_other_side")
    assert events(pipeline, text, "2024-07-02")[1].actors == ()


def test_interceptions_one_per_region_at_the_regions_town(pipeline):
    text = "Ukrainian air defence shot down 13 drones over the Mykolaiv and Kherson regions, the air force said."
    found = events(pipeline, text)
    assert [(e.sub_type, e.place.name, e.precision) for e in found] == [
        ("Disrupted weapons use", "Mykolayiv", REGION_ONLY), ("Disrupted weapons use", "Kherson", REGION_ONLY)]
    assert found[0].actors == ("Ukrainian forces", "Russian forces")


# -- what is not an event ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"They are preparing for defense," an official said.',
    "If Russian troops cross the river, they will shell the town of Beryslav.",
    "They are moving new military units to Kherson, the intelligence chief claimed.",
    "Talks between Moscow and Kyiv remain deadlocked over the war.",
    "Russia attacked Ukraine in 2014 and annexed Crimea.",
    "Eternal gratitude to all who fight for Ukraine!",
    "Briefing reporters in New York, the spokesperson condemned the strikes on Kharkiv and Zaporizhzhia, "
    "where Russian forces shelled Huliaipole and Orikhiv again.",
])
def test_statements_claims_and_background_are_not_events(pipeline, text):
    found = events(pipeline, text, "2024-07-01")
    assert all(e.place is None or e.place.country == "UA" and e.place.name != "Kyiv" for e in found), found
    if "Huliaipole" not in text:
        assert found == []


def test_a_capital_standing_for_its_government_is_no_place(pipeline, without):
    text = "Russian forces shelled Kherson, and Kyiv said its forces struck a depot."
    assert "Kyiv" not in {e.place.name for e in events(pipeline, text)}


def test_page_furniture_is_not_a_sentence(pipeline):
    text = ("Russian forces shelled Kherson on Monday.\n\n"
            "00:31 Ukraine war: drone footage shows how explosions destroyed Borodianka – video")
    assert [e.place.name for e in events(pipeline, text, "2024-07-02")] == ["Kherson"]


# -- the place ---------------------------------------------------------------------------------

def test_the_suburb_of_a_city_is_the_place_and_the_city_no_river(pipeline):
    parsed = pipeline.parse(Document("Russian troops shelled the Kharkiv suburb of Kupiansk-Vuzlovyi."))
    assert parsed.events[0].place.name == "Kupyansk-Vuzlovyi"
    kharkiv = next(r for r in parsed.resolutions if r.mention.text == "Kharkiv")
    assert kharkiv.place.feature == "city"


# -- ACLED's conventions ------------------------------------------------------------------------

@pytest.mark.parametrize("text,sub_type,rule", [
    ("On 3 May 2024, Russian forces shelled, assaulted, and were repulsed from positions near "
     "Robotyne, Zaporizhzhia.", "Armed clash", "fire_and_assault_is_clash"),
    ("Following clashes, Russian forces captured Staromaiorske, Donetsk, on 4 May 2024.",
     "Non-state actor overtakes territory", "capture_after_clash"),
    ("On 5 May 2024, Ukrainian forces shot down a Russian Su-25 aircraft near Pokrovsk, Donetsk.",
     "Armed clash", "crewed_aircraft_downed_is_clash"),
    ("On 6 May 2024, a Ukrainian drone killed a civilian in the Russian town of Tyotkino.",
     "Air/drone strike", "killed_by_a_weapon"),
])
def test_conventions(pipeline, without, text, sub_type, rule):
    assert events(pipeline, text)[0].sub_type == sub_type
    without(rule)
    assert events(pipeline, text)[0].sub_type != sub_type


@pytest.mark.parametrize("text", [
    "On 7 May 2024, a civilian was killed when his car hit a landmine near Kamianka, Kharkiv.",
    "On 8 May 2024, an explosive object detonated in a field near Balakliia, Kharkiv, wounding a farmer.",
    "On 9 May 2024, partisans blew up a railway near Melitopol, Zaporizhzhia.",
    "On 10 May 2024, unexploded ordnance went off near Izium, Kharkiv, injuring two children.",
])
def test_mines_ordnance_and_partisans(pipeline, text):
    assert events(pipeline, text)[0].sub_type == "Remote explosive/landmine/IED"


def test_a_year_is_no_toll():
    assert toll("On 7 May 2024, a civilian was killed.").fatalities == 1


def test_the_seed_article_has_no_date_and_says_so(pipeline):
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_2971140ada78fed4.txt"
    found = events(pipeline, seed.read_text(encoding="utf-8"))
    assert [e.date for e in found] == [None]
    assert found[0].precision != NEAR_PLACE or found[0].place.name == "Kherson"


# -- staff reports and assessments ---------------------------------------------------------------

ASSESSMENT = ("**Russian forces continued offensive operations in the Pokrovsk direction on March 4 but did "
              "not advance.**\nRussian forces attacked near Pokrovsk itself; northwest of Pokrovsk near "
              "Hryshyne and toward Rodynske; and southwest of Pokrovsk near Udachne and Kotlyne on "
              "March 3 and 4.[[12]](https://example.org/notes#12)\n")


def test_an_assessment_codes_each_place_of_the_action(pipeline, without):
    found = events(pipeline, ASSESSMENT, "2024-03-05")
    assert [e.place.name for e in found] == ["Pokrovsk", "Hryshyne", "Rodynske", "Udachne", "Kotlyne"]
    assert {(e.sub_type, e.date) for e in found} == {("Armed clash", "2024-03-03")}
    assert found[0].precision == NEAR_PLACE
    without("clause_ellipsis")
    assert [e.place.name for e in events(pipeline, ASSESSMENT, "2024-03-05")] == ["Pokrovsk"]


def test_a_direction_is_reckoned_from_a_town_that_is_no_place_of_the_event(pipeline, without):
    text = "Russian forces attacked north of Kupiansk near Kurylivka and Synkivka on March 3."
    assert [e.place.name for e in events(pipeline, text, "2024-03-05")] == ["Kurylivka", "Synkivka"]
    without("each_place_of_an_action")
    assert [e.place.name for e in events(pipeline, text, "2024-03-05")] == ["Kurylivka", "Synkivka"]


def test_a_markdown_footnote_ends_a_sentence():
    from geo.text.sentences import split

    found = split(ASSESSMENT)
    assert len(found) == 2 and found[0].text.endswith("advance.**") and found[1].text.endswith("#12)")


def test_a_region_wide_summary_gives_way_to_its_details(pipeline, without):
    text = ("Russian forces continued offensive operations in Kharkiv Oblast on March 4. Russian forces "
            "attacked near Vovchansk on March 4.")
    assert [e.place.name for e in events(pipeline, text, "2024-03-05")] == ["Vovchansk"]
    without("summary_of_details", "region_seat_holds_its_towns")  # each alone folds the summary in
    assert len(events(pipeline, text, "2024-03-05")) == 2


def test_event_work_per_clause_stays_flat_in_a_run_on_sentence(pipeline, monkeypatch):
    # Issue 22: one hostile sentence of many clauses must not make every clause look at every
    # mention of the sentence. Counted, not timed: mentions examined per clause for n and 4n.
    import geo.events.places as places_module
    from geo.text.hostile import place_names

    towns = place_names(pipeline.gazetteer, 500)  # distinct places: every clause is an event of its own
    seen = []
    real = places_module.placeable

    def counting(text, resolutions):
        seen.append(len(resolutions))
        return real(text, resolutions)

    monkeypatch.setattr(places_module, "placeable", counting)  # what choose, spread and lists read

    def work(n):
        seen.clear()
        text = "".join(f"Russian forces shelled {towns[2 * i]} and {towns[2 * i + 1]}, killing a man; "
                       for i in range(n))
        pipeline.parse(Document(text, date="2024-07-01"))
        return sum(seen) / n

    small, large = work(60), work(240)
    assert large < 2 * small, (small, large)


# -- long village lists of staff reports ----------------------------------------------------------

STAFF_LIST = ("Russian forces attacked near Toretsk, Ivano-Dariivka, Zorianyi Yar, Dyliivka and Nelipivka "
              "on March 1.")


def test_each_village_of_a_staff_list_is_an_event_past_names_the_gazetteer_lacks(pipeline, without):
    # "Zorianyi Yar" is in no gazetteer; "Yar" and "Zorianyi" alone are villages elsewhere.
    places = [e.place.name for e in events(pipeline, STAFF_LIST, "2025-03-02")]
    assert places[0] == "Toretsk" and "Dyliyivka" in places and "Nelipivka" in places
    assert "Ivano-Darivka" in places  # the list's spelling of a name the gazetteer spells otherwise
    assert not {"Yar", "Zorianyi", "Zoryanyy"} & set(places)
    without("unknown_name_head")
    assert "Zorianyi" in {r.mention.text for r in pipeline.parse(Document(STAFF_LIST, date="2025-03-02")).resolutions}


def test_a_list_goes_on_past_items_the_gazetteer_lacks(pipeline):
    from geo.geoparse.recognize_passes import joined

    doc = pipeline.nlp("near Toretsk, Ivano-Qwertivka, Zorianyi Yar, Dyliivka and Nelipivka, Kyiv said.")
    toretsk, dyliivka = doc[1:2], doc[10:11]
    assert dyliivka.text == "Dyliivka" and joined(doc, toretsk, dyliivka)
    assert not joined(doc, dyliivka, doc[14:15])  # ", Kyiv said": the list has ended
    from geo.rules import switched_off

    with switched_off(frozenset({"list_past_unknown_names"})):
        assert not joined(doc, toretsk, dyliivka)


def test_a_hyphenated_name_is_one_name_not_its_first_half(pipeline, without):
    text = "Russian troops attacked near Toretsk and Ivano-Qwertivka on March 1."
    resolved = {r.mention.text for r in pipeline.parse(Document(text, date="2025-03-02")).resolutions}
    assert "Ivano" not in resolved
    without("hyphen_compound")
    resolved = {r.mention.text for r in pipeline.parse(Document(text, date="2025-03-02")).resolutions}
    assert "Ivano-Qwertivka" not in resolved


def test_attacks_counted_on_a_direction_are_fighting(pipeline):
    text = ("KYIV, March 2 - \u201cThere were 21 attacks by the invaders on the Toretsk direction: in the areas "
            "of Dyliivka, Nelipivka and Shcherbynivka.\u201d \u2013 the General Staff said.")
    found = uploaded(pipeline, text)
    assert [e.sub_type for e in found] == ["Armed clash"] * 3
    assert [e.place.name for e in found][:2] == ["Dyliyivka", "Nelipivka"]


# -- what is no event: sectors, captions, order of battle -----------------------------------------

def test_a_sector_named_after_a_town_is_no_place_of_an_event(pipeline, without):
    text = ("Fighting was also reported on the Siversk, Toretsk and Huliaipole directions on May 3. "
            "Russian forces continued offensive operations in the Velykomykhailivka direction on May 3 but did not advance.")
    assert events(pipeline, text, "2025-05-04") == []
    without("sector_only")
    assert len(events(pipeline, text, "2025-05-04")) >= 3


def test_a_sector_yields_to_the_village_the_fighting_was_near(pipeline):
    found = events(pipeline, "In the Toretsk direction, Russian forces attacked near Dyliivka on May 3.", "2025-05-04")
    assert [e.place.name for e in found] == ["Dyliyivka"]


def test_a_photo_caption_with_its_credit_is_no_event(pipeline, without):
    text = ("Russian drones struck Odesa overnight, killing two people, the governor said.\n"
            "Rescuers search the rubble of a house hit by Russian shelling in Nikopol, Ukraine, May 3, 2025 "
            "[Ivan Petrenko/Reuters]\nPower was restored in the morning, the grid operator said.")
    found = events(pipeline, text, "2025-05-04")
    assert [(e.place.name, e.fatalities) for e in found] == [("Odesa", 2)]  # the report, not the picture
    caption = ("Rescuers search the rubble of a house hit by Russian shelling in Nikopol, Ukraine, on May 3, 2025 "
               "(AP Photo/Ivan Petrenko)")
    assert events(pipeline, caption, "2025-05-04") == []
    without("photo_caption")
    assert [e.place.name for e in events(pipeline, caption, "2025-05-04")] == ["Nikopol"]


def test_isw_order_of_battle_notes_are_no_events(pipeline, without):
    text = ("Order of Battle: Drone operators of the Russian 200th Motorized Rifle Brigade are reportedly "
            "striking Ukrainian forces near Kostiantynivka.")
    assert events(pipeline, text, "2025-05-04") == []
    without("order_of_battle")
    assert events(pipeline, text, "2025-05-04") != []


# -- tolls region by region after a strike told of nowhere in particular -------------------------

WAVE = ("At least six people were killed across Ukraine in overnight Russian drone and missile attacks, "
        "officials said on Sunday. Two deaths were reported in the western Rivne region. "
        "Four people were wounded in the Sumy region. Power was cut to thousands of homes, "
        "the ministry said. Rivne regional head Ivan Koval said two people were killed when a drone hit a house.")


def test_tolls_by_region_after_a_nationwide_strike_are_its_events(pipeline, without):
    found = events(pipeline, WAVE, "2025-06-01")
    assert [(e.place.admin1, e.fatalities, e.injured) for e in found if e.place is not None][:2] == [
        ("Rivne Oblast", 2, None), ("Sumy Oblast", None, 4)]
    assert all(e.type == "Explosions/Remote violence" for e in found)
    without("strike_told_nowhere")
    assert "Sumy Oblast" not in [e.place.admin1 for e in events(pipeline, WAVE, "2025-06-01") if e.place]


def test_a_region_told_twice_is_one_event_with_both_sentences(pipeline):
    rivne = [e for e in events(pipeline, WAVE, "2025-06-01") if e.place and e.place.admin1 == "Rivne Oblast"]
    assert len(rivne) == 1
    assert [s.text[:14] for s in rivne[0].sentences] == ["Two deaths wer", "Rivne regional"]


def test_front_matter_of_a_markdown_page_is_no_event(pipeline, without):
    text = ("---\ntitle: \"Strikes on Odesa\"\nexcerpt: \"Russian drones struck Kherson, killing two.\"\n---\n\n"
            "Russian drones struck Odesa overnight, the governor said on Sunday.")
    assert [e.place.name for e in events(pipeline, text, "2025-06-01")] == ["Odesa"]
    without("front_matter")
    assert "Kherson" in [e.place.name for e in events(pipeline, text, "2025-06-01")]


def test_an_action_told_inside_a_day_after_happened_the_day_before(pipeline, without):
    text = "A day after Russian forces took control of Vovchansk, they shelled Kupiansk, officials said."
    assert [e.date for e in events(pipeline, text, "2024-05-15")][:1] == ["2024-05-14"]
    assert earlier_by("a week after two people were killed in ").days == 7
    assert earlier_by("a day after the talks, Russian forces ") is None  # the clause has ended
    without("told_as_earlier")
    assert [e.date for e in events(pipeline, text, "2024-05-15")][:1] == ["2024-05-15"]


def test_a_toll_told_only_by_region_is_placed_at_the_regions_seat(pipeline):
    text = ("Russian drones and missiles struck Kharkiv overnight in a massive attack, killing two people, "
            "the mayor said on Sunday. "
            "Another three people were killed in the Zaporizhzhia region.")
    found = events(pipeline, text, "2025-06-01")
    assert [(e.place.name, e.place.feature, e.fatalities) for e in found] == [
        ("Kharkiv", "city", 2), ("Zaporizhzhya", "city", 3)]


def test_what_a_country_does_as_a_whole_is_placed_at_its_capital(pipeline, without):
    text = ("Russian drones struck Kharkiv overnight, the governor said on Sunday. Ukraine downed 40 of the 52 "
            "drones, the air force said. On Friday, Ukraine and Russia each handed over 84 prisoners of war "
            "in an exchange deal brokered by the UAE.")
    found = [(e.sub_type, e.place.name, e.precision, e.date) for e in events(pipeline, text, "2025-06-01")]
    assert ("Disrupted weapons use", "Kyiv", REGION_ONLY, "2025-06-01") in found
    assert ("Agreement", "Kyiv", REGION_ONLY, "2025-05-30") in found
    without("national_at_capital")
    assert [e.sub_type for e in events(pipeline, text, "2025-06-01")] == ["Air/drone strike"]


def test_each_target_of_one_strike_verb_is_a_strike_at_its_place(pipeline, without):
    text = ("Ukrainian forces struck an ammunition depot near occupied Tokmak, Zaporizhia Oblast; a fuel "
            "warehouse in occupied Berdyansk; and a command post near occupied Vasylivka on May 3.")
    assert [e.place.name for e in events(pipeline, text, "2025-05-04")] == ["Tokmak", "Berdyansk", "Vasylivka"]
    without("target_ellipsis")
    assert [e.place.name for e in events(pipeline, text, "2025-05-04")] == ["Tokmak"]


def test_a_clause_with_its_own_verb_is_no_target_of_the_strike_before(pipeline):
    text = "Russian missiles struck a depot near Kramatorsk on May 3; a school in Sloviansk was closed."
    assert [e.place.name for e in events(pipeline, text, "2025-05-04")] == ["Kramatorsk"]


def test_a_second_verb_of_violence_after_and_is_a_second_action(pipeline, without):
    text = "The occupiers fired at Nikopol with artillery and hit Marhanets with drones on May 3."
    assert [e.place.name for e in events(pipeline, text, "2025-05-04")] == ["Nikopol", "Marhanets"]
    toll_too = "Russian troops shelled Nikopol and killed two residents on May 3."
    assert [(e.place.name, e.fatalities) for e in events(pipeline, toll_too, "2025-05-04")] == [("Nikopol", 2)]
    without("second_action")
    assert [e.place.name for e in events(pipeline, text, "2025-05-04")] == ["Nikopol"]


def test_a_blast_nobody_fired_is_a_remote_explosive(pipeline, without):
    text = "Explosions rocked an ammunition depot near occupied Dzhankoi on Tuesday, officials said."
    assert [e.sub_type for e in events(pipeline, text, "2022-08-17")] == ["Remote explosive/landmine/IED"]
    fired = "A loud explosion shook Dzhankoi on Tuesday – the sound of a missile hitting a depot."
    assert [e.sub_type for e in events(pipeline, fired, "2022-08-17")] == ["Shelling/artillery/missile attack"]
    without("blast_without_a_weapon")
    assert [e.sub_type for e in events(pipeline, text, "2022-08-17")] == ["Shelling/artillery/missile attack"]
