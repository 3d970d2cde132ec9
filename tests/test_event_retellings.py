"""Issue 20, precision, eighth round: one event per happening told again in a form the
sentence-by-sentence joining does not see (geo/events/retellings.py). Made-up copy; each rule
switched off shows what it changes."""

from __future__ import annotations

from factories import event_kinds
from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2025-03-04"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


_SWAP = ("Russia and Ukraine swapped 250 prisoners of war on Tuesday in an exchange brokered by Qatar. "
         "The mayor of Kharkiv said two more civilians were wounded in shelling of the city.\n\n"
         "Russia's defence ministry said on Tuesday it had swapped 250 Ukrainian prisoners, while Ukraine's "
         "president said 250 Ukrainians had returned home.")


def test_a_swap_told_twice_is_one_agreement(pipeline, monkeypatch):
    on = [e for e in _events(pipeline, monkeypatch, _SWAP) if e.sub_type == "Agreement"]
    off = [e for e in _events(pipeline, monkeypatch, _SWAP, off={"development_retold"}) if e.sub_type == "Agreement"]
    assert len(off) == 2 and len(on) == 1
    assert len(on[0].sentences) == 2


_ARRESTS = ("## Blogger Arrested in Moscow Over Posts Criticising the Army\n\n"
            "Police in Moscow detained a blogger on Tuesday over posts criticising the army, a court said.\n\n"
            "## Drones Strike Oil Depot in Belgorod Region\n\n"
            "Ukrainian drones struck an oil depot in the Belgorod region on Tuesday, the governor said.\n\n"
            "## Blogger Placed Under House Arrest in Moscow\n\n"
            "A Moscow court placed the blogger under house arrest on Tuesday, his lawyer said.")


def test_an_arrest_told_again_in_a_digest_is_one_event(pipeline, monkeypatch):
    on = [k for k in event_kinds(pipeline, monkeypatch, _ARRESTS) if k[0] == "Arrests"]
    off = [k for k in event_kinds(pipeline, monkeypatch, _ARRESTS, off={"development_retold"}) if k[0] == "Arrests"]
    assert len(on) == 1 and len(off) == 2


def test_violence_is_not_merged_as_a_development(pipeline, monkeypatch):
    text = ("Russian forces shelled Kherson on Tuesday, the governor said. Elsewhere, police in Kharkiv "
            "arrested a man suspected of spying on Tuesday. In Mariupol, occupation authorities arrested two "
            "teachers on Tuesday.")
    kinds = event_kinds(pipeline, monkeypatch, text)
    assert ("Arrests", "Kharkiv") in kinds and ("Arrests", "Mariupol") in kinds


_REGION = ("Russian airstrikes hit Ukrainian positions in the Donbas on Sunday, targeting command posts, "
           "the Russian defence ministry said. Ukraine's president thanked allies for new air defence systems. "
           "The ministry said missiles hit three ammunition depots in the Donbas.")


def test_strikes_known_only_at_one_region_on_one_day_are_one(pipeline, monkeypatch):
    on = event_kinds(pipeline, monkeypatch, _REGION, day="2025-03-09")
    off = event_kinds(pipeline, monkeypatch, _REGION, day="2025-03-09", off={"one_strike_a_region_a_day"})
    assert len(on) == 1 and len(off) == 2


_HISTORICAL = ("Russia's defence ministry said its air defences shot down four Ukrainian missiles fired at the "
               "Donbas on Tuesday. The mayor of Alchevsk said two people were injured by debris from the downed "
               "missiles.")


def test_a_historical_region_and_its_town_the_same_day_are_one(pipeline, monkeypatch):
    on = [k for k in event_kinds(pipeline, monkeypatch, _HISTORICAL) if k[0] == "Disrupted weapons use"]
    off = [k for k in event_kinds(pipeline, monkeypatch, _HISTORICAL, off={"historical_region_holds_its_towns"})
           if k[0] == "Disrupted weapons use"]
    assert ("Disrupted weapons use", "Donbas") in off and len(off) == 2
    assert len(on) == 1 and on[0][1] == "Alchevsk"


_CLAIM = ("Unconfirmed claims: A Russian milblogger claimed on March 4 that Russian forces advanced near Kurakhove.\n"
          "Russian forces attacked near Kurakhove itself and southwest of Kurakhove near Dachne on March 3 and 4.")


def test_a_claim_of_fighting_already_coded_is_that_fighting(pipeline, monkeypatch):
    on = [e for e in _events(pipeline, monkeypatch, _CLAIM) if e.place and e.place.name == "Kurakhove"]
    off = [e for e in _events(pipeline, monkeypatch, _CLAIM, off={"claim_of_fighting_coded"})
           if e.place and e.place.name == "Kurakhove"]
    assert len(off) == 2 and len(on) == 1
    assert on[0].date == "2025-03-03" and len(on[0].sentences) == 2


def test_two_claims_or_two_facts_are_not_joined_so(pipeline, monkeypatch):
    text = ("Russian forces attacked near Kurakhove on March 2.\n"
            "Russian forces attacked near Kurakhove again on March 3.")
    on = [e for e in _events(pipeline, monkeypatch, text) if e.place and e.place.name == "Kurakhove"]
    assert len(on) == 2


_BARRACKS = ("A Russian missile struck an army barracks in Sumy on Saturday, killing 12 soldiers, the governor said. "
             "Talks between the two sides are due to resume in Istanbul next week.\n\n"
             "On Monday, a soldier who survived the attack on Sumy told a local newspaper that the building collapsed "
             "within seconds.")


def test_the_attack_told_on_another_day_is_the_event_coded(pipeline, monkeypatch):
    on = [e for e in _events(pipeline, monkeypatch, _BARRACKS) if e.place and e.place.name == "Sumy"]
    off = [e for e in _events(pipeline, monkeypatch, _BARRACKS, off={"the_attack_told_on_another_day"})
           if e.place and e.place.name == "Sumy"]
    assert len(off) == 2 and len(on) == 1
    assert on[0].date == "2025-03-01" and len(on[0].sentences) == 2


def test_a_previous_attack_is_another_event(pipeline, monkeypatch):
    text = ("Russian drones hit Sumy on Monday, injuring two people, the governor said. Talks between the two sides "
            "are due to resume in Istanbul next week.\n\nOn Saturday, the previous drone attack killed a woman in Sumy.")
    days = sorted(e.date for e in _events(pipeline, monkeypatch, text) if e.place and e.place.name == "Sumy")
    assert days == ["2025-03-01", "2025-03-03"]
