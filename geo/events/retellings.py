"""One event per happening, told again in a form the sentence-by-sentence joining
(geo.events.continuation) does not see: a development retold far from its first telling, a
region's strike told twice in other words, a region named for what happened at its town, an
analyst's unconfirmed claim of fighting already coded, an attack the story has coded that a later
sentence calls "the attack" while its words give it another day. ACLED codes one event per place, day and
type; each later telling joins the first (its sentences become the event's ``more``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from geo.distance import distance_km
from geo.rules import on, switch
from geo.types import REGION_ONLY, Event

# Changes of activity ("banks withdrawn", "units brought in") are many on a day; these are one.
_DEVELOPMENTS = {"Agreement", "Arrests", "Other"}
_STRIKES = "Explosions/Remote violence"
_GROUND = {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"}
_HISTORICAL_KM = 150.0  # a historical region (a peninsula, a basin) holds towns this far from its point

switch("development_retold", "'Russia and Ukraine swapped 300 prisoners' ... 'the ministry said it swapped 150 "
       "prisoners'; a feed's 'Critic Arrested in X' ... 'Critic Placed Under House Arrest': a swap, an arrest or a "
       "corridor agreed told again at the same place on the same day is one event, as ACLED codes one per place, "
       "day and sub-type")
switch("one_strike_a_region_a_day", "'airstrikes hit command centres in the X region' ... 'the ministry said missiles "
       "hit depots in the X region': strikes known only at one region on one day are one event, whatever weapon "
       "each telling names")
switch("historical_region_holds_its_towns", "'Missiles Fired at the Peninsula' over 'debris injured two in X', a town "
       "of it: a strike told at a historical region that the story also codes, that day, at a town inside it is "
       "that town's (the region's borders cut across the admin units that place a town)")
switch("claim_of_fighting_coded", "'Unconfirmed claims: a milblogger claimed that Russian forces advanced near X' "
       "after 'Russian forces attacked near X on February 25 and 26': a claim of fighting at a place the assessment "
       "already codes fighting at, that day or the day before, is that fighting told again")

switch("the_attack_told_on_another_day", "'A strike hit the barracks in X on New Year's Eve' ... 'officials "
       "raised the toll the attack took two days later', 'a volunteer who survived the attack told a paper on 17 "
       "March': a sentence that points back at 'the attack' at a place the story has already coded a strike or a "
       "fight at is that event told again, though the day of the telling is not the event's")

# "the attack", "this strike", "the Russian attack": not "the previous attack" or "the first strike",
# which tell another event than the one coded.
_THE_ATTACK = re.compile(r"\b(?:the|this|that)\s+(?!(?:previous|last|earlier|first|second|third|prior|past|next|"
                         r"other|same|similar|new)\b)(?:[\w-]+\s+)?(?:strikes?|attacks?|shelling|bombardment|blasts?|"
                         r"explosions?|assaults?|raids?|barrage)\b", re.I)
_VIOLENCE = {"Battles", "Explosions/Remote violence"}
_CLAIM = re.compile(r"\b(?:claim(?:s|ed|ing)?|unconfirmed|purported(?:ly)?|alleged(?:ly)?)\b", re.I)


def merged(kept: Event, e: Event) -> Event:
    """``kept`` told also in ``e``'s sentences: the first telling stays, with a toll the other states."""
    told = sorted({x.index: x for x in (*kept.sentences, *e.sentences)}.values(), key=lambda x: x.index)
    return replace(kept, sentence=told[0], more=tuple(told[1:]),
                   fatalities=kept.fatalities if kept.fatalities is not None else e.fatalities,
                   injured=kept.injured if kept.injured is not None else e.injured)


def _same_development(kept: Event, e: Event) -> bool:
    return (e.sub_type in _DEVELOPMENTS and kept.sub_type == e.sub_type and kept.place.id == e.place.id
            and on("development_retold"))


def _same_region_strike(kept: Event, e: Event) -> bool:
    return (e.type == _STRIKES and kept.type == _STRIKES and e.precision == REGION_ONLY
            and kept.precision == REGION_ONLY and kept.place.id == e.place.id and on("one_strike_a_region_a_day"))


def _day_before(a: str | None, b: str | None) -> bool:
    try:
        return date.fromisoformat(a) == date.fromisoformat(b) - timedelta(days=1)
    except (TypeError, ValueError):
        return False


def _claimed(e: Event) -> bool:
    return _CLAIM.search(e.sentence.text) is not None


def _claim_of_coded_fighting(kept: Event, e: Event) -> bool:
    """One of the two is a claim, the other told as fact, a day apart at most, at one place."""
    return (e.sub_type in _GROUND and kept.sub_type in _GROUND and kept.place.id == e.place.id
            and _claimed(e) != _claimed(kept) and (kept.date == e.date and e.date is not None
                                                   or _day_before(kept.date, e.date) or _day_before(e.date, kept.date))
            and on("claim_of_fighting_coded"))


def _attack_told_again(kept: Event, e: Event) -> bool:
    return (e.type in _VIOLENCE and kept.type == e.type and kept.place.id == e.place.id and kept.date != e.date
            and _THE_ATTACK.search(e.sentence.text) is not None and on("the_attack_told_on_another_day"))


def _inside_historical(region: Event, town: Event) -> bool:
    r, t = region.place, town.place
    return (region.precision == REGION_ONLY and r.feature == "historical_region" and t.feature not in (
        "region", "historical_region", "country") and region.type == town.type and r.country == t.country
            and distance_km(r.lat, r.lon, t.lat, t.lon) <= _HISTORICAL_KM and on("historical_region_holds_its_towns"))


def _joins(kept: Event, e: Event) -> bool:
    return kept.place is not None and (
        kept.date == e.date and e.date is not None and (
            _same_development(kept, e) or _same_region_strike(kept, e) or _inside_historical(e, kept))
        or _claim_of_coded_fighting(kept, e) or _attack_told_again(kept, e))


def _historical(e: Event) -> bool:
    return e.precision == REGION_ONLY and e.place is not None and e.place.feature == "historical_region"


def retellings(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    at: dict[str, list[int]] = {}  # a place's events so far: a huge page's thousands are not each compared
    regions: list[int] = []  # events told only at a historical region
    for e in events:
        if e.place is None:
            out.append(e)
            continue
        i = next((k for k in (range(len(out)) if _historical(e) else at.get(e.place.id, ())) if _joins(out[k], e)),
                 None)
        if i is not None:
            # the fighting told as fact keeps its day and place; the claim is one of its sources
            out[i] = merged(e, out[i]) if _claim_of_coded_fighting(out[i], e) and _claimed(out[i]) else merged(out[i], e)
            continue
        # "Missiles fired at the peninsula" ... "debris injured two in X": the town's event tells it.
        k = next((k for k in regions if _historical(out[k]) and e.date is not None and out[k].date == e.date
                  and _inside_historical(out[k], e)), None)
        if k is not None:
            out[k] = replace(merged(out[k], e), place=e.place, mention=e.mention, precision=e.precision,
                             sub_type=e.sub_type, actors=e.actors)
            at.setdefault(e.place.id, []).append(k)
            continue
        at.setdefault(e.place.id, []).append(len(out))
        if _historical(e):
            regions.append(len(out))
        out.append(e)
    return out
