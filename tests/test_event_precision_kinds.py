"""Issue 20, precision: which sentences of news copy are events, and one event per happening.
Made-up front-line sentences; each rule switched off shows what it changes."""

from __future__ import annotations

from factories import event_kinds


_kinds = event_kinds


def test_a_campaigns_trend_is_no_attack(pipeline, monkeypatch):
    text = ("As Russian forces stepped up their assault on towns near Pokrovsk, the president addressed the "
            "nation. Russian forces attacked near Huliaipole on March 3.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Armed clash", "Hulyaypole")]  # a clash at a place on a day stays
    assert ("Armed clash", "Pokrovsk") in _kinds(pipeline, monkeypatch, text, off={"trend_of_violence"})


def test_fighting_for_a_place_and_its_loss_the_same_day_are_one_event(pipeline, monkeypatch):
    for text in ("Russian forces launched an assault on Kostiantynivka on Tuesday, the army said.\n\nMany residents "
                 "had already fled west. The regional governor said Russian troops had entered Kostiantynivka on "
                 "Tuesday, though the advance was later halted.",
                 "Ukrainian troops have withdrawn from Toretsk, the army said on Tuesday.\n\nRussian forces "
                 "continued active offensive actions near Toretsk, a spokesman said."):
        kinds = _kinds(pipeline, monkeypatch, text)
        assert len(kinds) == 1 and kinds[0][1] in ("Kostyantynivka", "Toretsk")
        assert len(_kinds(pipeline, monkeypatch, text, off={"one_ground_event_a_place_a_day"})) == 2


def test_fighting_at_two_places_or_on_two_days_stays_two_events(pipeline, monkeypatch):
    text = ("Russian forces attacked near Huliaipole on Monday. Ukrainian troops repelled an assault near "
            "Orikhiv on Monday. Russian forces attacked near Huliaipole again on Tuesday.")
    assert len(_kinds(pipeline, monkeypatch, text)) == 3


def test_fighting_placed_by_nothing_near_it_is_not_put_at_the_storys_focus(pipeline, monkeypatch):
    text = ("Russian drones struck an apartment building in Kharkiv overnight, killing two people, the governor "
            "said on Tuesday. Russian troops shelled Kharkiv again in the afternoon.\n\n"
            "The president said the country would not give up.\n\nFighting has raged for three years.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert ("Armed clash", "Kharkiv") not in kinds and ("Air/drone strike", "Kharkiv") in kinds
    assert ("Armed clash", "Kharkiv") in _kinds(pipeline, monkeypatch, text, off={"fighting_not_at_the_focus"})


def test_a_clash_placed_by_the_sentence_before_keeps_that_place(pipeline, monkeypatch):
    text = ("Russian troops shelled Huliaipole on Tuesday, the governor said. Heavy fighting continued on its "
            "outskirts, he added.")
    assert _kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Hulyaypole"),
                                                    ("Armed clash", "Hulyaypole")]


def test_an_action_spreads_to_each_place_only_in_an_analysts_grammar(pipeline, monkeypatch):
    narrative = ("Russian missiles hit a power plant in Kharkiv overnight, leaving thousands of homes in Chuhuiv "
                 "without electricity. A Russian drone struck a residential building in Zaporizhzhia on Tuesday, a "
                 "day after a strike on Orikhiv, officials said.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, narrative)] == ["Kharkiv", "Zaporizhzhya"]
    off = [place for _, place in _kinds(pipeline, monkeypatch, narrative, off={"spread_in_analyst_copy"})]
    assert "Chuhuyiv" in off and "Orikhiv" in off
    analyst = ("Russian forces attacked near Pokrovsk itself and toward Rodynske and Bilytske on March 3. Ukrainian "
               "forces struck a materiel depot in occupied Polohy and a fuel warehouse in occupied Tokmak on March 3.")
    assert [place for _, place in _kinds(pipeline, monkeypatch, analyst)] == [
        "Pokrovsk", "Rodynske", "Bilytske", "Polohy", "Tokmak"]
    listed = "Local media reported heavy shelling in Maryinka, Sloviansk, and Kramatorsk on Tuesday."
    assert [place for _, place in _kinds(pipeline, monkeypatch, listed)] == ["Mar'yinka", "Slovyansk", "Kramatorsk"]


def test_an_action_put_in_a_month_without_a_day_is_background(pipeline, monkeypatch):
    text = ("Ukrainian troops are trying to hold land that they seized near Sudzha in August. Russian troops "
            "captured Kurakhove in January, the ministry said. Russian forces shelled Kherson on Monday, killing two.")
    kinds = _kinds(pipeline, monkeypatch, text)
    assert kinds == [("Shelling/artillery/missile attack", "Kherson")]
    off = [place for _, place in _kinds(pipeline, monkeypatch, text, off={"month_without_a_day"})]
    assert "Sudzha" in off and "Kurakhove" in off
