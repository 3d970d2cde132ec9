"""A toll told after a strike, at a place of its own: "Another two people were killed in the Odesa
region." is the same kind of strike there, whether its sentence has no trigger or one that gave no
event. Split out of geo.events.extract."""

from __future__ import annotations

from geo.events.placing import DECISIONS
from geo.events.seat_apart import at_seat_now
from geo.events.places import choose
from geo.events.recall import damage_told
from geo.events.scope import _NO_THEATRE, clause_is_background
from geo.events.toll import toll
from geo.events.trigger_rule import _SCORE
from geo.rules import on, rule, switch
from geo.types import Event, Sentence


@rule(DECISIONS, "toll_elsewhere",
      "in a war report, 'Another two people were killed in the Odesa region.' after a strike is the "
      "same kind of strike at that place: deaths with a place of their own are an event")
def _toll_elsewhere(text: str, s: Sentence, before: Event, by_sentence, date, theatre=_NO_THEATRE) -> Event | None:
    t = toll(s.text)
    if not t.fatalities and not t.injured and not damage_told(s.text) or before.type not in ("Explosions/Remote violence",):
        return None
    # The strike's own country, or (a strike told of nowhere in particular: "across Ukraine") the
    # countries its sentence names, or the war's.
    named = {r.place.country for r in by_sentence.get(before.sentence.index, []) if r.place is not None}
    here = [r for r in by_sentence.get(s.index, []) if r.place is not None and (
        r.place.country == before.place.country if before.place is not None
        else r.place.country in named or theatre and theatre.holds(r.place))]
    where = choose(text, (s.start, s.end), s.start, here)
    if where is None:
        return None
    r = where.resolution
    return Event(before.doc_id, s, before.type, before.sub_type, r.place, r.mention, where.precision,
                 date, before.actors, t.fatalities, t.injured, _SCORE[3])


switch("toll_after_a_trigger_that_gave_none", "'Two civilians were killed in X' (an attack that names no attacker), "
       "'doctors fought for her life' (no fight): a trigger that gave no event leaves the sentence a toll, and a toll "
       "with a place of its own after a strike is the same kind of strike there, as a sentence with no trigger is")


def _toll_here(text, s, events, told, by_sentence, date, theatre, article_day, seat) -> Event | None:
    """A toll with a place of its own, after a strike: the same kind of strike there."""
    before = told if told is not None and (not events or events[-1].type != told.type) else events[-1]
    toll_here = _toll_elsewhere(text, s, before, by_sentence, date, theatre)
    if toll_here is None or clause_is_background(s.text, article_day):
        return None
    return at_seat_now(toll_here, seat) if seat is not None and on("region_at_its_seat") else toll_here
