"""Issue 20, precision, ninth round: words that report no event of the war in their clause (HTML
markup, an Order of Battle note run on after a lead, an arrest for a crime, a trial over a protest,
soldiers described as mobilised, an intercepted call, attacks told as a habit or as a yardstick,
violence counted as a rate over time, shelling told as happening now and then).
Made-up sentences; each rule switched off shows what it changes (geo/events/markup.py,
geo/events/outside_the_war.py, geo/events/general_statements.py)."""

from __future__ import annotations

from factories import event_kinds


_STRIKE = "Russian drones struck Kharkiv overnight, the governor said. "


def _on_off(pipeline, monkeypatch, text, rule):
    return event_kinds(pipeline, monkeypatch, text), event_kinds(pipeline, monkeypatch, text, off={rule})


def test_an_image_tags_caption_is_no_text_of_the_item(pipeline, monkeypatch):
    text = ('<img alt="A man clears glass after a Russian missile attack in Kharkiv, Ukraine, Sunday, Dec. 31, 2023." '
            'height="349" src="https://example.com/a.jpg" title="Rescuers at a house hit by a Russian drone in '
            'Mariupol on Sunday." width="620" /><p>Russian forces shelled Kherson on Friday, injuring three people, '
            'the governor said.</p>')
    on, off = _on_off(pipeline, monkeypatch, text, "markup_is_no_text")
    assert [k[1] for k in on] == ["Kherson"]
    assert ("Shelling/artillery/missile attack", "Kharkiv") in off


def test_text_between_tags_is_still_read(pipeline, monkeypatch):
    text = '<p><span style="font-weight:bold;">Russian forces shelled Kherson on Friday, the governor said.</span></p>'
    assert [k[1] for k in event_kinds(pipeline, monkeypatch, text)] == ["Kherson"]


def test_an_order_of_battle_note_run_on_after_a_lead_names_no_place_of_it(pipeline, monkeypatch):
    text = ("Russian forces attacked near Bakhmut on February 19.[[xiv]](https://example.org/analysis/<#_edn14>)\n\n"
            "**Russian forces continued limited assaults near Bakhmut on February 20.[[xv]](https://example.org/"
            "analysis/<#_edn15>)** Order of Battle: drone operators of the 20th Brigade (Leningrad Military District) "
            "are reportedly striking Ukrainian forces in the Kherson direction.[[xvi]](https://example.org/analysis/"
            "<#_edn16>)")
    on, off = _on_off(pipeline, monkeypatch, text, "order_of_battle_run_on")
    assert {k[1] for k in on} == {"Bakhmut"}
    assert ("Armed clash", "Kherson") in off


def test_an_arrest_for_a_crime_is_police_work(pipeline, monkeypatch):
    text = _STRIKE + "Police in Belgorod arrested two regional officials on bribery charges on Tuesday."
    on, off = _on_off(pipeline, monkeypatch, text, "arrest_for_a_crime")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Arrests", "Belgorod") in off


def test_a_political_arrest_is_still_an_event(pipeline, monkeypatch):
    text = "Police in Belgorod arrested two activists who protested against the war on Tuesday."
    assert [k[1] for k in event_kinds(pipeline, monkeypatch, text)] == ["Belgorod"]


def test_a_trial_over_a_protest_is_no_protest(pipeline, monkeypatch):
    text = _STRIKE + "A court in Belgorod on Tuesday jailed four activists for a protest against the war."
    on, off = _on_off(pipeline, monkeypatch, text, "court_over_a_protest")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Peaceful protest", "Belgorod") in off


def test_mobilised_before_a_noun_describes_the_soldiers(pipeline, monkeypatch):
    text = ("Russian troops shelled Kharkiv overnight, the governor said. Pro-Russian channels reported the deaths of "
            "dozens of mobilised troops in Donetsk.")
    on, off = _on_off(pipeline, monkeypatch, text, "mobilised_as_description")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Change to group/activity", "Donetsk") in off


def test_troops_moved_are_still_a_change_of_activity(pipeline, monkeypatch):
    text = "Russian forces relocated two brigades to Bakhmut on Tuesday, the general staff said."
    assert event_kinds(pipeline, monkeypatch, text) == [("Change to group/activity", "Bakhmut")]


def test_an_intercepted_call_is_no_interception(pipeline, monkeypatch):
    text = _STRIKE + ("Ukraine's intelligence service released a phone call it said was intercepted between a soldier "
                      "in Mariupol and his wife.")
    on, off = _on_off(pipeline, monkeypatch, text, "intercepted_talk")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Disrupted weapons use", "Mariupol") in off


def test_intercepted_drones_are_still_an_interception(pipeline, monkeypatch):
    text = "Air defence intercepted 20 drones over Kharkiv on Tuesday, the governor said."
    assert event_kinds(pipeline, monkeypatch, text) == [("Disrupted weapons use", "Kharkiv")]


def test_attacks_told_as_frequent_are_a_habit(pipeline, monkeypatch):
    text = _STRIKE + "Because of frequent drone attacks on Zaporizhzhia, most schools there teach online."
    on, off = _on_off(pipeline, monkeypatch, text, "habit_told_by_an_adjective")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert len(off) == 2


def test_the_yardstick_of_a_comparison_is_no_new_attack(pipeline, monkeypatch):
    text = _STRIKE + "Officials said the damage was worse than the shelling of Mariupol."
    on, off = _on_off(pipeline, monkeypatch, text, "yardstick_of_a_comparison")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Shelling/artillery/missile attack", "Mariupol") in off


def test_an_attack_after_a_comparison_in_its_own_clause_is_still_reported(pipeline, monkeypatch):
    text = "Compared with Monday, the shelling of Kherson on Tuesday was heavier, the governor said."
    assert [k[1] for k in event_kinds(pipeline, monkeypatch, text)] == ["Kherson"]


def test_an_attack_by_hackers_is_no_violence(pipeline, monkeypatch):
    text = ("Russian troops shelled Kharkiv. Three days later, hackers attacked the railway network in Belgorod, "
            "officials said.")
    on, off = _on_off(pipeline, monkeypatch, text, "cyber_attack")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert len(off) == 2


def test_firms_relocating_are_no_change_of_an_armed_group(pipeline, monkeypatch):
    text = ("Russian troops shelled Kharkiv overnight, the governor said. On Tuesday, dozens of firms relocated from "
            "Kherson to Mykolaiv.")
    on, off = _on_off(pipeline, monkeypatch, text, "civilian_relocation")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Change to group/activity", "Kherson") in off


def test_footage_capturing_a_strike_takes_no_place(pipeline, monkeypatch):
    text = _STRIKE + ("Ukraine's navy released footage capturing the destruction of a Russian patrol boat near Mariupol "
                      "on Tuesday.")
    on, off = _on_off(pipeline, monkeypatch, text, "captured_on_camera")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Government regains territory", "Mariupol") in off


def test_a_village_captured_is_still_a_capture(pipeline, monkeypatch):
    text = "Russian forces captured the village of Zelene near Bakhmut on Tuesday, the general staff said."
    assert event_kinds(pipeline, monkeypatch, text) == [("Non-state actor overtakes territory", "Zelene")]


def test_talks_that_hit_a_dead_end_strike_nothing(pipeline, monkeypatch):
    text = _STRIKE + "Officials in Belgorod said on Tuesday that talks on a local truce had hit a dead end."
    on, off = _on_off(pipeline, monkeypatch, text, "hit_a_dead_end")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert len(off) == 2


def test_a_missile_that_hit_a_market_is_still_a_strike(pipeline, monkeypatch):
    text = "A Russian missile hit the market in Kharkiv on Tuesday, killing two people, the governor said."
    assert [k[1] for k in event_kinds(pipeline, monkeypatch, text)] == ["Kharkiv"]


def test_an_advance_counted_as_an_average_pace_is_statistics(pipeline, monkeypatch):
    text = _STRIKE + ("Between early May and late June, Russian forces advanced roughly 12 kilometres near Kupiansk, at "
                      "an average pace of 200 metres per day.")
    on, off = _on_off(pipeline, monkeypatch, text, "rate_or_tally_over_time")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert ("Armed clash", "Kupyansk") in off


def test_an_offensive_compared_for_speed_is_statistics(pipeline, monkeypatch):
    text = _STRIKE + "Russia's offensive near Lyman has advanced more slowly than its summer push near Pokrovsk."
    on, off = _on_off(pipeline, monkeypatch, text, "rate_or_tally_over_time")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert len(off) == 3


def test_an_advance_on_a_day_is_still_a_clash(pipeline, monkeypatch):
    text = _STRIKE + "Russian forces advanced near Kupiansk on Monday, the General Staff said."
    assert [k[1] for k in event_kinds(pipeline, monkeypatch, text)] == ["Kharkiv", "Kupyansk"]


def test_shelling_now_and_then_is_a_habit(pipeline, monkeypatch):
    text = _STRIKE + "From time to time Russian artillery shelled Kherson from the other bank of the river."
    on, off = _on_off(pipeline, monkeypatch, text, "habitual")
    assert [k[1] for k in on] == ["Kharkiv"]
    assert len(off) == 2
