"""Reported events out of a resolved parse: the stage after resolution.

Per sentence, per clause: the trigger rules (geo.events.triggers) say what happened, unless a
NOT_EVENT rule says the words report a plan, a denial, a habit or an alert; then the place
(geo.events.places, geo.events.placing), the date (geo.events.dates), who (geo.events.actors) and
the toll (geo.events.toll; a toll after a strike, geo.events.toll_after). Works on the sentences
and the already-resolved mentions only: no extra spaCy component, so it costs a few regular
expressions per sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable

from geo.text.article_meta import dateline_end
from geo.text.typography import events_as_written, plain_parse
from geo.events import actors as actor_rules
from geo.events.counted import day_counted_from_an_event
from geo.events.day_headings import heading_day, headline_day
from geo.events.dates import (comes_after, day_told_from, find_date, last_date, paragraph_breaks, parse_iso, shifted,
                              statement_dated, told_day)
from geo.events.places import (NATIONAL_LEVEL, acting_capital, at_capital, choose, names_a_sector, nearby as _nearby,
                               precision, spread)
from geo.events.clauses import ELLIPSIS, OWN_VERB, TARGET, actions, clauses, without_asides
from geo.events.continuation import continued, continuing, opens_back, retold
from geo.events.periods import answers_the_paragraph_before
from geo.events.retellings import retellings
from geo.events.locators import without_locators
from geo.events.national import by_nationality
from geo.events.vessels import without_ships
from geo.events.commentary import COMMENTARY
from geo.events.general_statements import GENERAL
from geo.events.markup import after_front_matter, without_markup
from geo.events.feeds import item_day
from geo.events.invisible import events_back, without_marks
from geo.events.seat_apart import at_seat_now, at_seats_apart
from geo.events.recall import said_clauses, without_since
from geo.events.barrages import barrage_at_the_country
from geo.events.narrative_year import in_the_story, year_told
from geo.events.undated import undated_at_the_dated_place, undated_retold
from geo.events.leads import without_bold_leads
from geo.events.scope import (
    _NO_THEATRE, Theatre, _body, _headline, _quoted, _theatre, _without_summaries, after_dateline, exclaims,
    clause_is_background, front_matter_end,
)
from geo.events.conventions import decide, deep_strike, weapon_around, weapon_named
from geo.events.taxonomy import PROTESTS, STRATEGIC, TYPE_OF
from geo.events.toll import toll
from geo.rules import on, rule, switch
from geo.events.senses import named_not_told
from geo.events.triggers import ARMED, ARMED_CUES, NOT_EVENT, POLITICAL_CUES, RULES, STORY_CUES, Rule, union
from geo.events.trigger_rule import _SCORE
from geo.events.placing import DECISIONS, _each_place, _focus
from geo.events.toll_after import _toll_here
from geo.types import REGION_ONLY, Event, ParsedDocument, Place, Resolution, Sentence

_BEFORE_WORDS = 8  # how far back a hypothetical or a negation reaches ("could soon attack")


@dataclass(frozen=True, slots=True)
class Extractor:
    """``rules`` and ``not_event`` are data: pass a subset to switch rules off."""

    rules: tuple[Rule, ...] = RULES
    not_event: tuple = NOT_EVENT + COMMENTARY + GENERAL

    def __call__(self, parsed: ParsedDocument, seat: Callable[[str], Place | None] | None = None) -> ParsedDocument:
        """``seat``: a region's biggest town (``Gazetteer.seat``), where a region-only event is put."""
        return replace(parsed, events=self.extract(parsed, seat))

    def extract(self, parsed: ParsedDocument, seat=None) -> list[Event]:
        view = plain_parse(parsed)  # web typography read plain, at the same offsets (geo/text/typography.py)
        view = without_markup(view)  # HTML tags blanked, at the same offsets (geo/events/markup.py)
        read, marks = without_marks(view)  # zero-width marks between words dropped (geo/events/invisible.py)
        return events_as_written(events_back(self._extract(read, seat), marks, view), view, parsed)

    def _extract(self, parsed: ParsedDocument, seat=None) -> list[Event]:
        text, doc = parsed.doc.text, statement_dated(parsed.doc)
        parsed = replace(parsed, resolutions=without_ships(text, parsed.resolutions))  # "(IMO 9123456)", "the *X*"
        article_day = parse_iso(doc.date)
        by_sentence: dict[int, list[Resolution]] = {}
        for r in parsed.resolutions:
            by_sentence.setdefault(r.mention.sentence, []).append(r)
        breaks = paragraph_breaks(text)
        paragraph = [bisect.bisect_right(breaks, s.start) for s in parsed.sentences]
        focus = _focus(parsed.resolutions)
        rules = [r for r in self.rules if r.enabled and on(r.name)]
        any_trigger = union(tuple(r.pattern for r in rules))
        # War reporting as a whole: its sentences need not each name an army or a weapon.
        war_story = len(ARMED_CUES.findall(text[:50_000], 0)) >= STORY_CUES
        quoted = _quoted(text, parsed.sentences)
        theatre = _theatre(parsed.resolutions) if war_story else _NO_THEATRE
        events: list[Event] = []
        carried: tuple[int, str] | None = None  # (paragraph, date) the text last stated
        last = -2  # the sentence the last event was told in (first or continued)
        lines_of_text = len(parsed.sentences) > 1
        metadata = front_matter_end(text)
        told: Event | None = None  # the last strike the text told of, placed or not
        item: tuple[int, str] | None = None  # (paragraph, day) a feed item's own stamp dates
        page, page_day, own = doc, article_day, doc
        stamped = article_day  # a date heading's day with no year is in the year of the page's own day
        told_days: list[tuple[int, str, tuple]] = []  # (offset, day, places) of each sentence stating a day
        story_day = None  # the last day the text stated with its year (geo.events.narrative_year)

        def in_story(words, day):  # find_date, in the year of the story told so far
            return in_the_story(words, find_date(words, day), story_day, day)

        for s in parsed.sentences:
            if s.start < metadata and (rest := after_front_matter(s, metadata)) is not None:
                s = rest  # "---\ntitle: ...\n---\nRussian forces captured X ...": the body's opening sentence
            if s.start < metadata or lines_of_text and _headline(text, s):
                if (under := heading_day(s.text, in_story, stamped)) is not None:  # "Situation as of 31 December"
                    page, page_day, carried, item = replace(page, date=under), parse_iso(under), None, None
                elif (day_of_item := item_day(s.text, page_day)) is not None:
                    item = (paragraph[s.index] + 1, day_of_item)  # "Published: 10 February 2025", the item below
                story_day = year_told(s.text, stamped) or story_day
                continue  # a headline sums up the story the sentences below report
            whole, s = s, _body(s)
            if on("paragraph_of_the_body"):
                paragraph[s.index] = bisect.bisect_right(breaks, s.start)  # "</p>\n<p>At the same time ...": the second
            if s is not whole and (day_of_item := item_day(whole.text[:s.start - whole.start], page_day)) is not None:
                item = (paragraph[s.index], day_of_item)
            elif s is not whole and text[max(0, whole.start - 2):whole.start].strip(" \t") in ("", "\n\n") \
                    and (told_here := headline_day(whole.text[:s.start - whole.start], page_day, in_story)):
                carried = (paragraph[s.index], told_here)  # "Strikes on Dec 29 kill 39" over the lines it heads
            article_day, doc = page_day, page
            if carried is not None and carried[0] == paragraph[s.index] - 1 and answers_the_paragraph_before(s.text):
                carried = (paragraph[s.index], carried[1])  # "However, the general staff said ...": same day
            if item is not None and item[0] == paragraph[s.index]:
                article_day, doc = parse_iso(item[1]), replace(page, date=item[1])
                if carried is None or carried[0] != item[0]:
                    carried = item
            # A wire dateline ("KHARKIV, March 15 (AP) —") dates the filing, not the events.
            head = dateline_end(s.text) if s.start == 0 or text[s.start - 1] == "\n" else 0
            stated = in_story(s.text[head:], article_day)
            story_day = year_told(s.text[head:], article_day) or story_day
            if stated is None and carried is not None and (told_from := day_told_from(s.text, carried[1])):
                stated = (0, told_from)  # "On the same day", "The next day": from the day told last
            if stated is None and (counted := day_counted_from_an_event(s.text, text[:s.start], find_date, article_day)):
                stated = (0, counted)  # "A day after the agreement was signed": from that event's day
            if stated is not None and not (on("caption_dates_no_text") and self._blocked(s.text, "sentence")):
                last_told = in_the_story(s.text[head:], last_date(s.text[head:], article_day), story_day, article_day)
                carried = (paragraph[s.index], (last_told or stated)[1])  # not a caption's
                told_days.append((s.start, carried[1], tuple(r.place for r in by_sentence.get(s.index, ())
                                                              if r.place is not None)))
            day = stated[1] if stated else None
            if not any_trigger.search(s.text) or self._blocked(s.text, "sentence"):
                k, joined = continuing(events, last, s, day, by_sentence, text)
                if joined is not None:
                    events[k], last = joined, s.index
                elif war_story and (events or told) and not self._blocked(s.text, "sentence"):
                    toll_here = _toll_here(text, s, events, told, by_sentence, day or doc.date and doc.date[:10],
                                           theatre, article_day, seat)
                    if toll_here is not None:
                        events.append(toll_here)
                        last = s.index
                continue
            date = day or (carried[1] if carried and carried[0] == paragraph[s.index]
                           else doc.date and doc.date[:10])
            back = comes_after(s.text)  # "The blasts came a week after an attack on an air base": that attack
            if back is not None:
                date, head = shifted(day or (events[-1].date if events else date), back[1]), 0
            found = [replace(e, sentence=s) for e in self._sentence(
                text, Sentence(s.index, s.start + back[0], s.end, s.text[back[0]:]) if back else s, rules, by_sentence,
                parsed, paragraph, focus, date, article_day, doc.id, war_story, head, s.index in quoted or exclaims(s.text),
                theatre, seat)]
            told = self._told(s, found, rules, doc.id, date) or told
            if not found and events and last == s.index - 1:
                # a trigger that gave no event ("the death toll climbed"): its toll may still go on
                joined = continued(events[-1], s, None, day, by_sentence, text)
                if joined is not None:
                    events[-1], last = joined, s.index
                    continue
            if not found and war_story and (events or told) and on("toll_after_a_trigger_that_gave_none") \
                    and not head and not self._blocked(s.text, "sentence") and not self._blocked(s.text, "clause"):
                # "Two civilians were killed in X" read as an attack with no attacker, or "doctors
                # fought for her life": the trigger gave nothing, the toll at a place of its own is news (not
                # at a wire dateline's town: the lead's toll is told across the country)
                toll_here = _toll_here(text, s, events, told, by_sentence, date, theatre, article_day, seat)
                if toll_here is not None:
                    events.append(toll_here)
                    last = s.index
            if not found:
                continue
            if seat is not None and on("region_at_its_seat"):
                found = [at_seat_now(e, seat) for e in found]
            if found and events and (last == s.index - 1 or s.index - last <= _BACK_REACH and opens_back(s.text)):
                joined = continued(events[-1], s, found[0], day, by_sentence, text)
                if joined is not None:
                    # "Russian forces shelled Kharkiv. Shells hit the city's Saltivskyi district.": one event.
                    events[-1], last, found = joined, s.index, found[1:]
            if on("unplaced_no_event"):  # "Ukraine says it has recaptured dozens of villages": nowhere to code it
                found = [e for e in found if e.place is not None]
            if found:
                events += found
                last = s.index
        events = undated_retold(retold(events), doc.date and doc.date[:10])
        if page is own and (item is None or item[0] <= 1):  # not a feed's items, a page's dated sections
            events = undated_at_the_dated_place(events, own.date and own.date[:10], told_days)
        events = retellings(without_bold_leads(_without_summaries(events)))
        if seat is not None and on("region_at_its_seat"):  # a region kept apart from its seat (geo/events/seat_apart.py)
            events = at_seats_apart(events, seat)
        return events

    def _sentence(self, text, s: Sentence, rules, by_sentence, parsed, paragraph, focus, date,
                  article_day, doc_id, war_story: bool = True, head: int = 0,
                  quoted: bool = False, theatre: "Theatre | None" = None, seat=None) -> list[Event]:
        out: list[Event] = []
        coded: set[tuple] = set()  # (sub-type, place) already coded in this sentence
        also: list[tuple[int, Event]] = []  # more places listed with an event's own
        spans = [part for a, b in clauses(s.text) for part in said_clauses(s.text, a, b)]
        whole_toll = toll(s.text)
        # Mentions in text order, sliced per clause (a run-on sentence of a thousand clauses must
        # not make each clause look at every mention of the sentence).
        in_sentence = after_dateline(s, head, sorted(by_sentence.get(s.index, []), key=lambda r: r.mention.start))
        starts = [r.mention.start for r in in_sentence]
        armed = war_story or bool(ARMED_CUES.search(s.text))
        political = armed or bool(POLITICAL_CUES.search(s.text))
        allowed = [r for r in rules if not r.context or (armed if r.context == ARMED else political)]
        if on("second_action"):
            spans = [part for a, b in spans for part in actions(s.text, a, b, allowed)]
        for a, b in spans:
            clause = s.text[a:b]
            lo, hi = bisect.bisect_left(starts, s.start + a), bisect.bisect_left(starts, s.start + b)
            in_clause, around = in_sentence[lo:hi], in_sentence[max(0, lo - _AROUND):hi + _AROUND]
            in_clause = without_locators(text, in_clause)  # "took over X near Y": Y only locates X
            hit = self._trigger(clause, allowed)
            if hit is None:
                if out and (ELLIPSIS.match(clause) and on("clause_ellipsis") or out[-1].type == _STRIKES
                            and TARGET.match(clause) and not OWN_VERB.search(clause) and on("target_ellipsis")):
                    # "attacked near Pokrovsk itself; north of Pokrovsk near Rodynske and toward
                    # Bilytske; ...": each clause of places goes on with the clause before's action.
                    places = spread(text, (s.start + a, s.start + b), None, in_clause)
                    for r in places:
                        if (out[-1].sub_type, r.place) not in coded:
                            coded.add((out[-1].sub_type, r.place))
                            out.append(replace(out[-1], place=r.place, mention=r.mention,
                                               precision=precision(text, r), fatalities=None, injured=None))
                continue
            rule, at = hit
            if quoted and rule.tier >= 3 and on("quoted_development"):
                continue  # a development a speaker asserts inside quotation marks is a claim
            start = s.start + a
            said = actor_rules.unattributed(clause, at)  # who reports it is the source, not an actor
            names = (actor_rules.actors(said, at, sub_type=rule.sub_type)
                     or actor_rules.actors(actor_rules.unattributed(s.text, a + at), a + at, sub_type=rule.sub_type))
            # "Russia's ministry said its air defences shot down Ukrainian drones": its own act
            own = actor_rules.own_forces(clause[:at])
            names = tuple(dict.fromkeys((*own, *names)))
            sub_type = decide(rule.sub_type, clause, names)
            if sub_type == "Remote explosive/landmine/IED" and rule.sub_type != sub_type and weapon_named(s.text):
                sub_type = decide(rule.sub_type, s.text, names)
            if sub_type == "Attack" and not any(n != actor_rules.CIVILIANS for n in names) \
                    and not _ATTACKER.search(clause[:at]) and on("attack_needs_an_attacker"):
                continue  # "The death toll climbed, with 21 killed": a toll, told of an event before
            moving_from = sub_type == "Non-violent transfer of territory"
            where = (choose(text, (start, s.start + b), start + at, in_clause, moving_from)
                     or choose(text, (s.start, s.end), start + at, around, moving_from))
            if where is not None and names_a_sector(text, where) and on("sector_only"):
                continue
            if where is None and sub_type in NATIONAL_LEVEL and _THE_REGION.search(clause) \
                    and on("the_region_told_before"):
                where = _nearby(text, parsed, paragraph, s.index, by_sentence)
            if where is None and sub_type in NATIONAL_LEVEL and seat is not None and on("national_at_capital"):
                where = at_capital(in_clause or around, seat, text, sub_type)
                if by_nationality(where, sub_type):  # "Russian air defences intercepted 54 drones": where the story is
                    where = _nearby(text, parsed, paragraph, s.index, by_sentence) or focus or where
            if where is None and TYPE_OF[sub_type] == _STRIKES:  # "fired 60 drones at targets in Ukraine"
                where = barrage_at_the_country(text, (start, s.start + b), start + at, in_clause, seat)
            score = _SCORE[rule.tier]
            if where is None and on("no_place_no_event") and any(
                    r.place is not None and r.mention.label != "DEMONYM" and not acting_capital(text, r)
                    for r in around):
                continue  # only countries or governments named: commentary ("Kyiv's fight against Russia")
            if where is None and quoted and on("quoted_development"):
                continue  # a speaker's words that name no place ("Because of the missile attacks")
            if where is None:
                where = _nearby(text, parsed, paragraph, s.index, by_sentence)
                if where is None and not (TYPE_OF[sub_type] == "Battles" and on("fighting_not_at_the_focus")):
                    where = focus
                score *= 0.75
            place = where.resolution.place if where else None
            if place is not None and place.country == "UA" and actor_rules.UKRAINE not in names:
                names = actor_rules.actors(said, at, "UA", rule.sub_type) or names
            sub_type = deep_strike(sub_type, rule.name, place, names, s.text)
            sub_type = weapon_around(sub_type, rule.name, clause, s.text)
            if place is not None and theatre and not theatre.holds(place) \
                    and TYPE_OF[sub_type] in _VIOLENT and on("outside_the_theatre"):
                continue  # "reporters in New York", "the Institute in Washington": not where it happened
            if clause_is_background(without_since(clause, at), article_day) and on("background_year"):
                continue
            names = actor_rules.completed(names, sub_type, place, clause, war_story)
            if TYPE_OF[sub_type] in (STRATEGIC, PROTESTS):
                names = tuple(n for n in names if n != actor_rules.CIVILIANS)  # "detained a man"
            clause_date = find_date(clause[max(0, head - a):], article_day)
            if clause_date is not None and date is not None and on("narrative_year"):
                clause_date = in_the_story(clause[max(0, head - a):], clause_date, parse_iso(date), article_day)
            if clause_date is None and on("told_as_earlier"):
                # "A day after Moscow's forces took control of Kherson": the day before.
                clause_date = (0, told_day(clause[:at], date, clause))
            t = toll(clause) if len(spans) > 1 else whole_toll
            event = Event(doc_id, s, TYPE_OF[sub_type], sub_type, place,
                          where.resolution.mention if where else None,
                          where.precision if where else REGION_ONLY,
                          clause_date[1] if clause_date else date, names, t.fatalities, t.injured,
                          score)
            if (event.sub_type, event.place) not in coded:
                coded.add((event.sub_type, event.place))
                out.append(event)
                if where is not None and score == _SCORE[rule.tier]:
                    also += [(len(out) - 1, replace(event, place=r.place, mention=r.mention, precision=precision(text, r),
                                                    fatalities=None, injured=None, score=score * 0.9))
                             for r in _each_place(text, (start, s.start + b), where.resolution, in_clause,
                                                  TYPE_OF[sub_type] in _VIOLENT)]
        if len(out) == 1 and len(spans) > 1 and whole_toll.stated:
            # "A drone hit a house in Huliaipole; one civilian was wounded": one event, whole toll.
            out[0] = replace(out[0], fatalities=whole_toll.fatalities, injured=whole_toll.injured)
        for i, extra in reversed(also):  # each right after the event it was listed with
            out.insert(i + 1, extra)
        return out

    def _told(self, s: Sentence, found: list[Event], rules, doc_id: str, date) -> Event | None:
        """The strike a sentence tells of, even one it names no place for ("eight killed across
        Ukraine in overnight drone attacks"): the kind the region-by-region tolls after it share."""
        strikes = [e for e in found if e.type == _STRIKES]
        if strikes or found or not on("strike_told_nowhere"):
            return strikes[-1] if strikes else None
        hit = self._trigger(s.text, rules)
        if hit is None or TYPE_OF[decide(hit[0].sub_type, s.text, ())] != _STRIKES:
            return None
        names = actor_rules.actors(actor_rules.unattributed(s.text, hit[1]), hit[1])
        return Event(doc_id, s, _STRIKES, decide(hit[0].sub_type, s.text, names), None, None, REGION_ONLY,
                     date, names)

    def _trigger(self, clause: str, rules) -> tuple[Rule, int] | None:
        if self._blocked(clause, "clause"):
            return None
        best = None
        for trigger in rules:
            for m in trigger.regex.finditer(clause):
                if self._blocked(_words_before(clause, m.start()), "before", trigger.tier):
                    continue
                if named_not_told(clause, m):
                    continue
                key = (trigger.tier, m.start())
                if best is None or key < best[0]:
                    best = (key, trigger, m.start())
                break
        return (best[1], best[2]) if best else None

    def _blocked(self, text: str, where: str, tier: int | None = None) -> bool:
        return any(n.enabled and n.where == where and (not n.tiers or tier in n.tiers) and on(n.name)
                   and n.regex.search(text) for n in self.not_event)


def _words_before(clause: str, at: int) -> str:
    return " ".join(without_asides(clause[:at]).split()[-_BEFORE_WORDS:])


_BACK_REACH = 3  # sentences back that "The assault killed four" may reach for its attack
_AROUND = 12  # mentions either side of a clause it may take its place from when it names none
_ATTACKER = re.compile(r"\b(?:armed (?:men|man|group|people)|gunm[ae]n|assailants?|attackers?|militants?|soldiers?|"
                       r"servicem[ae]n|troops|forces|occupiers|police|guards?|militia\w*|fighters|partisans)\b", re.I)
_STRIKES = "Explosions/Remote violence"
switch("fighting_not_at_the_focus", "'Fighting has raged for three years.', 'Russian forces have been advancing in the "
       "east': fighting that neither its sentence nor the ones just before place is the war in general, not a "
       "clash at the story's most-named town (a strike told so is still put there)")
switch("told_as_earlier", "'A day after Moscow's forces took control of Kherson, ...', 'a week after two people "
       "were killed in similar blasts': an action told inside 'N days after' happened that long before")
switch("strike_told_nowhere", Extractor._told.__doc__.strip())
switch("unplaced_no_event", "ACLED codes every event at a location: an action with no place in its sentence, the "
       "sentences before it or the story's focus ('saboteurs were behind several explosions') is not coded")
switch("caption_dates_no_text", "a photo caption's day ('... in Bucha, February 24, 2026 [Name/Reuters]') dates the "
       "picture: the sentences after it do not take it as the day told last")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@rule(DECISIONS, "attack_needs_an_attacker",
      "ACLED's 'Attack' is an armed actor harming civilians directly: 'with at least 21 killed, "
      "including four children' names no attacker and tells the toll of an event told before")
def _attack_enabled():
    return True


extract = Extractor()


# "air defence systems destroyed 13 drones over the region": the region the story told of before,
# not the capital of the ministry that reports it.
_THE_REGION = re.compile(r"\b(?:over|above|in|across) the (?:region|city|town|area|oblast|province)\b", re.I)
switch("the_region_told_before", "'The Defence Ministry said air defences destroyed 13 drones over the region': a "
       "country's downing told of 'the region' or 'the city' is at the place the sentences before named, not at the "
       "capital the ministry speaks from")
