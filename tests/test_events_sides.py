"""Who acts when the text names one side only as the target, or no side at all (news copy)."""

from __future__ import annotations

import pytest

from geo.types import Document


def events(pipeline, text, day="2024-05-10"):
    return pipeline.parse(Document(text, date=day)).events


@pytest.mark.parametrize("text,first", [
    # the ministry that says it is the source; the side named is the object
    ("The defence ministry said missiles struck Ukrainian army depots near Kramatorsk on Friday.", "Russian forces"),
    ("Drones hit a Russian military airfield near Belgorod overnight, officials said.", "Ukrainian forces"),
])
def test_a_side_named_only_as_the_target_is_hit_by_the_other(pipeline, without, text, first):
    found = events(pipeline, text)
    assert found and found[0].actors[0] == first
    without("side_named_as_target")
    assert events(pipeline, text)[0].actors[:1] != (first,)


def test_a_battle_keeps_the_side_it_names_first(pipeline):
    found = events(pipeline, "Ukrainian troops repelled fierce attacks by Russian forces near Vuhledar on Friday.")
    assert found[0].sub_type == "Armed clash" and found[0].actors[:2] == ("Ukrainian forces", "Russian forces")


def test_fighting_with_no_side_named_is_between_the_two(pipeline, without):
    text = ("Russian forces shelled Kharkiv on Thursday. Fighting has been particularly heavy around "
            "Vovchansk, the governor said.")
    clash = [e for e in events(pipeline, text) if e.sub_type == "Armed clash"]
    assert clash and clash[0].actors[:2] == ("Russian forces", "Ukrainian forces")
    without("the_war_sides_by_default")
    assert [e for e in events(pipeline, text) if e.sub_type == "Armed clash"][0].actors == ()


def test_an_interception_with_no_side_named_is_the_defenders(pipeline):
    text = "Russia launched 40 drones at Ukraine overnight. Only 12 drones were shot down over the Zaporizhzhia region."
    downed = [e for e in events(pipeline, text) if e.sub_type == "Disrupted weapons use"]
    assert downed and downed[0].actors[:2] == ("Ukrainian forces", "Russian forces")


def test_the_speaker_who_says_it_struck_is_the_actor(pipeline):
    found = events(pipeline, "Ukraine said on Friday it had launched new air strikes on positions near occupied Melitopol.")
    assert found and found[0].actors[0] == "Ukrainian forces"


def test_an_arrest_with_no_one_named_making_it_is_the_polices(pipeline, without):
    text = "A 19-year-old man has been detained in Kharkiv on suspicion of the killing, officials said."
    found = [e for e in events(pipeline, text) if e.sub_type == "Arrests"]
    assert found and found[0].actors[:1] == ("Police",)
    without("arrests_by_police")
    assert [e for e in events(pipeline, text) if e.sub_type == "Arrests"][0].actors[:1] != ("Police",)
