"""News copy as users save it: a page's markup in a text file, and events nothing places."""

from __future__ import annotations

from geo.text.ingest import read
from factories import event_kinds
from geo.types import Document


def test_a_text_file_holding_a_pages_markup_is_read_as_html():
    page = (b'<p>Russian forces shelled Kharkiv on Friday.</p><p><figure><img alt="A strike on a '
            b'school" src="https://example.org/strike.jpg"></figure></p><p>Two people were killed.</p>')
    doc = read(page, "saved.txt")
    assert doc.text == "Russian forces shelled Kharkiv on Friday.\n\nTwo people were killed."
    prose = b"In the model x < y and y > z, and <b>one</b> tag is no page."
    assert read(prose, "notes.txt").text == prose.decode()


def test_an_event_nothing_places_is_no_event(pipeline, monkeypatch):
    text = "Russian troops shelled the town overnight. She crouched and heard a massive explosion."
    assert pipeline.parse(Document(text, date="2024-04-14")).events == []
    monkeypatch.setattr(pipeline, "without", frozenset({"unplaced_no_event"}))
    assert [e.place for e in pipeline.parse(Document(text, date="2024-04-14")).events] == [None, None]


def test_strikes_on_a_city_and_its_district_the_same_day_are_one_attack(pipeline, monkeypatch):
    text = ("At least six people were killed after a barrage of Russian drones and missiles hit Kharkiv "
            "overnight, the mayor said.\n\nHere is what you need to know: Russia launched 300 drones "
            "and eight missiles at Ukraine. A ballistic missile hit a residential building in the "
            "Saltivskyi district, officials said.")
    found = pipeline.parse(Document(text, date="2025-07-31")).events
    assert len(found) == 1 and found[0].place.name == "Kharkiv" and len(found[0].sentences) == 2
    monkeypatch.setattr(pipeline, "without", frozenset({"one_attack_on_a_city"}))
    assert len(pipeline.parse(Document(text, date="2025-07-31")).events) == 2


def test_a_fight_named_as_the_subject_of_a_modal_is_analysis(pipeline, monkeypatch):
    text = ("Russian forces shelled Orikhiv on Tuesday. A major Ukrainian breakthrough near Tokmak "
            "would cut Russia's land bridge to Crimea, analysts said.")
    kinds = [(e.sub_type, e.place.name) for e in pipeline.parse(Document(text, date="2023-06-13")).events]
    assert ("Armed clash", "Tokmak") not in kinds and len(kinds) == 1
    monkeypatch.setattr(pipeline, "without", frozenset({"nominal_with_modal"}))
    kinds = [(e.sub_type, e.place.name) for e in pipeline.parse(Document(text, date="2023-06-13")).events]
    assert ("Armed clash", "Tokmak") in kinds


def test_a_companys_deals_are_no_agreement_of_the_war(pipeline, monkeypatch):
    text = ("Russian drones struck Kharkiv overnight, killing two people, officials said. Ukrainian air "
            "defences shot down 40 drones over the Zaporizhzhia region.\n\nSeveral companies have signed agreements "
            "with Lukoil, including U.S. private equity firm Carlyle Group, a Saudi fund and a firm in Kazakhstan.")
    kinds = [e.sub_type for e in pipeline.parse(Document(text, date="2026-02-26")).events]
    assert "Agreement" not in kinds and kinds
    # Two rules see it: a business deal, and a deal that names no Russian side (either alone suffices).
    monkeypatch.setattr(pipeline, "without", frozenset({"business_deal", "agreement_between_the_war_sides"}))
    assert "Agreement" in [e.sub_type for e in pipeline.parse(Document(text, date="2026-02-26")).events]


# -- issue 20, fourth round: which sentences of news copy are events, and of which sub-type ----

_kinds = event_kinds


def test_a_general_staff_count_of_attacks_in_an_area_is_no_habit(pipeline, monkeypatch):
    text = ("In the Kramatorsk direction, the enemy tried to advance four times in the areas of Chasiv Yar "
            "and Bila Hora. Russian forces shelled Orikhiv three times in a week, the mayor said.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert ("Armed clash", "Chasiv Yar") in kinds and not any(place == "Orikhiv" for _, place in kinds)


def test_tried_n_times_to_push_is_a_clash(pipeline, monkeypatch):
    text = ("In the Kupiansk direction, the invaders tried eight times to push our units out of their "
            "positions near Kindrashivka.")
    assert ("Armed clash", "Kindrashivka") in _kinds(pipeline, monkeypatch, text)


def test_a_strike_takes_the_weapon_its_clause_or_sentence_names(pipeline, monkeypatch):
    text = ("Russian drones have killed two people and injured five in a sustained attack on Kharkiv, the "
            "governor said. Russia launched a drone attack on Zaporizhzhia overnight, while a hospital in "
            "Kramatorsk has also been targeted. Ukrainian forces struck a drone warehouse near Tokmak.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert ("Air/drone strike", "Kharkiv") in kinds and ("Air/drone strike", "Kramatorsk") in kinds
    assert ("Shelling/artillery/missile attack", "Tokmak") in kinds  # a drone warehouse is what was hit
    off = _kinds(pipeline, monkeypatch, text, off=("weapon_told_around",))
    assert ("Shelling/artillery/missile attack", "Kharkiv") in off


def test_violence_as_the_subject_of_a_comment_is_analysis(pipeline, monkeypatch):
    text = ("Russian drones hit Melitopol on Monday. The attacks have sparked panic among residents of Tokmak. "
            "Russian attacks on Kharkiv have continued despite the threat of sanctions.")
    kinds = _kinds(pipeline, monkeypatch, text, "2025-07-28")
    assert [place for _, place in kinds] == ["Melitopol"]
    off = _kinds(pipeline, monkeypatch, text, "2025-07-28", ("violence_as_subject_of_comment",))
    assert any(place == "Kharkiv" for _, place in off)


def test_a_participle_before_a_noun_reports_no_capture(pipeline, monkeypatch):
    text = ("Russian artillery shelled Kupiansk on Sunday. The minister urged people not to look away from the "
            "images emerging from liberated Ukrainian cities like Izium.")
    kinds = _kinds(pipeline, monkeypatch, text, "2022-09-16")
    assert not any(s.startswith("Government") for s, _ in kinds)
    off = _kinds(pipeline, monkeypatch, text, "2022-09-16", ("participle_as_adjective",))
    assert any(s.startswith("Government") for s, _ in off)
    verb = "Russian forces have now captured several villages near Bakhmut, officials said on Friday."
    assert any(s.startswith("Non-state") for s, _ in _kinds(pipeline, monkeypatch, verb, "2022-05-28"))


def test_an_obligation_or_an_accusation_is_no_event(pipeline, monkeypatch):
    text = ("Russian drones hit Kharkiv on Monday. Putin has warned that Ukrainian troops must withdraw from "
            "Kramatorsk. Russia has accused Ukraine of carrying out strikes on Melitopol against officials.")
    kinds = _kinds(pipeline, monkeypatch, text, "2025-07-28")
    assert [place for _, place in kinds] == ["Kharkiv"]
    assert any(place == "Kramatorsk" for _, place in _kinds(pipeline, monkeypatch, text, "2025-07-28", ("obligation",)))
    assert any(place == "Melitopol" for _, place in _kinds(pipeline, monkeypatch, text, "2025-07-28", ("accusation",)))


def test_a_kind_of_attack_with_an_adjective_between(pipeline, monkeypatch):
    text = "Monitoring channels alerted residents of Kharkiv to a potentially heavy attack."
    assert _kinds(pipeline, monkeypatch, text) == []


def test_battle_words_in_their_other_senses(pipeline, monkeypatch):
    text = ("Russian drones hit Kharkiv on Monday. The leaders clashed over the plan at a meeting in Kramatorsk. "
            "Combat brigades near Kupiansk lack assault rifles. Kyiv engaged in talks with Washington over the front "
            "near Bakhmut. European leaders pushed back against the plan to hand Tokmak to Russia.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, text, "2025-03-03")] == ["Kharkiv"]
    off = _kinds(pipeline, monkeypatch, text, "2025-03-03", ("other_sense",))
    assert len({place for _, place in off} - {"Kharkiv"}) == 4  # Kramatorsk, Kupiansk, Bakhmut, Tokmak


def test_the_end_of_fighting_sought_in_talks_is_no_event(pipeline, monkeypatch):
    text = "Russian drones hit Kharkiv on Monday. The talks are aimed at ending the hostilities in Zaporizhzhia."
    assert [place for _, place in _kinds(pipeline, monkeypatch, text, "2025-03-03")] == ["Kharkiv"]
    assert len(_kinds(pipeline, monkeypatch, text, "2025-03-03", ("end_of_fighting",))) == 2


def test_a_month_or_a_campaign_of_an_earlier_year_is_background(pipeline, monkeypatch):
    text = ("Russian drones hit Kharkiv on Monday. Russian forces captured Avdiivka in February 2024, officials "
            "recalled. Syrsky orchestrated Ukraine's 2022 counteroffensive near Kupiansk.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, text, "2025-03-03")] == ["Kharkiv"]
    off = _kinds(pipeline, monkeypatch, text, "2025-03-03", ("month_of_an_earlier_year",))
    assert len({place for _, place in off} - {"Kharkiv"}) == 2  # Avdiivka, Kupiansk


def test_a_campaigns_aim_in_progress_is_analysis(pipeline, monkeypatch):
    text = ("Russian drones hit Kharkiv on Monday. Officials say Russian forces are trying to encircle Pokrovsk. "
            "Russia has been trying to capture Kupiansk, analysts said.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, text, "2025-03-03")] == ["Kharkiv"]
    assert len(_kinds(pipeline, monkeypatch, text, "2025-03-03", ("aim_in_progress",))) == 3
    dated = "In the Pokrovsk direction, the enemy tried to encircle Myrnohrad."
    assert ("Armed clash", "Myrnohrad") in _kinds(pipeline, monkeypatch, dated)


def test_missiles_that_crashed_into_a_building_are_a_strike(pipeline, monkeypatch):
    text = "At least five missiles crashed into the administration building in Melitopol on Friday."
    assert _kinds(pipeline, monkeypatch, text, "2022-09-16") == [("Shelling/artillery/missile attack", "Melitopol")]


def test_attacked_in_the_areas_of_villages_is_a_clash(pipeline, monkeypatch):
    text = "In the Kupiansk direction, the occupiers attacked five times in the areas of Petropavlivka and Pishchane."
    kinds = _kinds(pipeline, monkeypatch, text)
    assert [s for s, _ in kinds] == ["Armed clash", "Armed clash"]
