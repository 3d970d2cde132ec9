"""Reported events out of a resolved parse: the stage after resolution.

Per sentence, per clause: the trigger rules (geo.events.triggers) say what happened, unless a
NOT_EVENT rule says the words report a plan, a denial, a habit or an alert; then the place
(geo.events.places), the date (geo.events.dates), who (geo.events.actors) and the toll
(geo.events.toll). Works on the sentences and the already-resolved mentions only: no extra
spaCy component, so it costs a few regular expressions per sentence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace

from geo.article_meta import is_heading
from geo.events import actors as actor_rules
from geo.events.dates import find_date, parse_iso
from geo.events.places import _BROAD, Where, choose, listed_after, precision
from geo.events.taxonomy import PROTESTS, STRATEGIC, TYPE_OF
from geo.events.toll import Toll, toll
from geo.events.triggers import (
    ARMED, ARMED_CUES, DETENTION, NOT_EVENT, POLITICAL_CUES, RULES, STORY_CUES, TERRITORY, WITHDRAWAL, Rule,
)
from geo.types import NEAR_PLACE, REGION_ONLY, Event, ParsedDocument, Resolution, Sentence

# Clauses a sentence joins that may each report an event of their own.
# ", and a drone hit ...": a new subject after ", and" starts a new clause, with its own event.
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but|and then|after which|meanwhile)\s+|\s+[—–]\s+"
                           r"|,\s+and\s+(?=(?:a|an|another)\s)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_BEFORE_WORDS = 6  # how far back a hypothetical or a negation reaches ("could soon attack")
_GOV_VERBS = re.compile(r"liberat|recaptur|retook|retaken|regain|took back|taken back|de-?occup", re.I)
_TROOPS = re.compile(r"\b(?:troops|forces|units|soldiers|army|military|fighters|garrison|personnel)\b", re.I)
_FROM = re.compile(r"\s*(?:\S+\s+){0,2}?(?:from|out of)\b", re.I)
_STATE_AGENTS = re.compile(r"\b(?:police|sbu|security service|law enforcement|authorities|investigators|"
                           r"prosecutors?|court|border guards|national guard|officers|counterintelligence)\b", re.I)
_KILLED = re.compile(r"\b(?:killed|executed|murdered|shot dead|tortured to death)\b", re.I)
_FELL_ON = re.compile(r"\b(?:crashed (?:into|onto|on)|fell (?:on|onto)|debris (?:\S+ ){0,3}?(?:damaged|hit|injur\w+|kill\w+|fell|destroyed))"
                      r"(?:\S* ){0,6}?\S*(?:houses?|homes?|buildings?|civilians?|people|residents?|injur\w+|kill\w+|damag\w+)", re.I)
_POSITIONS = re.compile(r"\b(?:captur\w*|seized|recaptur\w*|retook|regain\w*|took|taken) (?:\S+ ){0,3}?"
                        r"(?:positions?|trench\w*|lines?|heights|strongholds?|strongpoints?|footholds?|bridgeheads?)\b", re.I)
_RETOLD = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_SCORE = {0: 0.8, 1: 0.8, 2: 0.7, 3: 0.5}


@dataclass(frozen=True, slots=True)
class Extractor:
    """``rules`` and ``not_event`` are data: pass a subset to switch rules off."""

    rules: tuple[Rule, ...] = RULES
    not_event: tuple = NOT_EVENT

    def __call__(self, parsed: ParsedDocument) -> ParsedDocument:
        return replace(parsed, events=self.extract(parsed))

    def extract(self, parsed: ParsedDocument) -> list[Event]:
        text, doc = parsed.doc.text, parsed.doc
        article_day = parse_iso(doc.date)
        by_sentence: dict[int, list[Resolution]] = {}
        for r in parsed.resolutions:
            by_sentence.setdefault(r.mention.sentence, []).append(r)
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
        paragraph = [bisect.bisect_right(breaks, s.start) for s in parsed.sentences]
        focus = _focus(parsed.resolutions)
        rules = [r for r in self.rules if r.enabled]
        any_trigger = _union(tuple(r.pattern for r in rules))
        # War reporting as a whole: its sentences need not each name an army or a weapon.
        war_story = len(ARMED_CUES.findall(text[:50_000], 0)) >= STORY_CUES
        events: list[Event] = []
        carried: tuple[int, str] | None = None  # (paragraph, date) the text last stated
        last_event_sentence = -2
        lines_of_text = len(parsed.sentences) > 1
        for s in parsed.sentences:
            stated = find_date(s.text, article_day)
            if lines_of_text and _headline(text, s):
                continue  # a headline sums up the story the sentences below report
            if stated is not None:
                carried = (paragraph[s.index], stated[1])
            if not any_trigger.search(s.text) or self._blocked(s.text, "sentence"):
                if last_event_sentence == s.index - 1 and events:
                    events[-1] = _with_later_toll(events[-1], s.text)
                continue
            date = stated[1] if stated else (carried[1] if carried and carried[0] == paragraph[s.index]
                                             else doc.date and doc.date[:10])
            found = self._sentence(text, s, rules, by_sentence, parsed, paragraph, focus, date,
                                   article_day, doc.id, war_story)
            if found and events and last_event_sentence == s.index - 1 and _same(events[-1], found[0], by_sentence):
                # "Drones struck Sumy. A man was killed in the strike.": one event, told twice.
                events[-1] = _with_later_toll(events[-1], s.text)
                found = found[1:]
            if found:
                events += found
                last_event_sentence = s.index
        return _retold(events)

    def _sentence(self, text, s: Sentence, rules, by_sentence, parsed, paragraph, focus, date,
                  article_day, doc_id, war_story: bool = True) -> list[Event]:
        out: list[Event] = []
        also: list[tuple[int, Event]] = []  # more places listed with an event's own
        spans = _clauses(s.text)
        whole_toll = toll(s.text)
        in_sentence = by_sentence.get(s.index, [])
        armed = war_story or bool(ARMED_CUES.search(s.text))
        political = armed or bool(POLITICAL_CUES.search(s.text))
        allowed = [r for r in rules if not r.context or (armed if r.context == ARMED else political)]
        for a, b in spans:
            clause = s.text[a:b]
            hit = self._trigger(clause, allowed)
            if hit is None:
                continue
            rule, at = hit
            start = s.start + a
            names = actor_rules.actors(clause, at) or actor_rules.actors(s.text, a + at)
            sub_type = _decide(rule, clause, names)
            moving_from = sub_type == "Non-violent transfer of territory"
            in_clause = [r for r in in_sentence if start <= r.mention.start < s.start + b]
            where = (choose(text, (start, s.start + b), start + at, in_clause, moving_from)
                     or choose(text, (s.start, s.end), start + at, in_sentence, moving_from))
            score = _SCORE[rule.tier]
            if where is None:
                where = _nearby(text, parsed, paragraph, s.index, by_sentence) or focus
                score *= 0.75
            place = where.resolution.place if where else None
            if place is not None and place.country == "UA" and actor_rules.UKRAINE not in names:
                names = actor_rules.actors(clause, at, "UA") or names
            if TYPE_OF[sub_type] in (STRATEGIC, PROTESTS):
                names = tuple(n for n in names if n != actor_rules.CIVILIANS)  # "detained a man"
            clause_date = find_date(clause, article_day)
            t = toll(clause) if len(spans) > 1 else whole_toll
            event = Event(doc_id, s, TYPE_OF[sub_type], sub_type, place,
                          where.resolution.mention if where else None,
                          where.precision if where else REGION_ONLY,
                          clause_date[1] if clause_date else date, names, t.fatalities, t.injured,
                          score)
            if not any(e.sub_type == event.sub_type and e.place == event.place for e in out):
                out.append(event)
                if where is not None and score == _SCORE[rule.tier]:
                    also += [(len(out) - 1, replace(event, place=r.place, mention=r.mention,
                                                    fatalities=None, injured=None, score=score * 0.9))
                             for r in listed_after(text, where.resolution, in_sentence)]
        if len(out) == 1 and len(spans) > 1 and whole_toll.stated:
            # "A drone hit a house in Huliaipole; one civilian was wounded": one event, whole toll.
            out[0] = replace(out[0], fatalities=whole_toll.fatalities, injured=whole_toll.injured)
        for i, extra in reversed(also):  # each right after the event it was listed with
            out.insert(i + 1, extra)
        return out

    def _trigger(self, clause: str, rules) -> tuple[Rule, int] | None:
        if self._blocked(clause, "clause"):
            return None
        best = None
        for rule in rules:
            for m in rule.regex.finditer(clause):
                if self._blocked(_words_before(clause, m.start()), "before"):
                    continue
                key = (rule.tier, m.start())
                if best is None or key < best[0]:
                    best = (key, rule, m.start())
                break
        return (best[1], best[2]) if best else None

    def _blocked(self, text: str, where: str) -> bool:
        return any(n.enabled and n.where == where and n.regex.search(text) for n in self.not_event)


def _union(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # A gate: does any rule match at all? Every trigger starts a word, and trying the
    # alternatives only where a word starts is 2-3 times faster than at every character.
    return _UNIONS.get(patterns) or _UNIONS.setdefault(
        patterns, re.compile(r"(?=\b)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.I))


_UNIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


def _words_before(clause: str, at: int) -> str:
    return " ".join(clause[:at].split()[-_BEFORE_WORDS:])


def _decide(rule: Rule, clause: str, names: tuple[str, ...]) -> str:
    """The sub-type of the three rules whose sub-type depends on who acts or what moves."""
    if rule.sub_type == TERRITORY and _POSITIONS.search(clause):
        return "Armed clash"  # "recaptured positions near X": ground changes hands, not a place
    if rule.sub_type == TERRITORY:
        # ACLED codes Ukraine's own forces taking a place back as the government regaining it;
        # Russia (a foreign state) or its proxies taking one as a non-state actor overtaking it.
        actor = next((n for n in names if n != actor_rules.CIVILIANS), None)
        if actor == actor_rules.UKRAINE or (actor is None and _GOV_VERBS.search(clause)):
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if rule.sub_type == WITHDRAWAL:
        m = rule.regex.search(clause)
        verb = m.group(0).lower() if m else ""
        moved = clause[m.end():m.end() + 50] if m else ""
        if verb.startswith(("withdr", "pull")) and not _TROOPS.search(moved) and not _FROM.match(moved):
            return "Change to group/activity"  # banks, offices, staff leaving: no territory changes
        return "Non-violent transfer of territory"
    if rule.sub_type == "Abduction/forced disappearance" and _KILLED.search(clause):
        return "Attack"  # abducted and killed: ACLED codes the killing
    if rule.sub_type == "Disrupted weapons use" and _FELL_ON.search(clause):
        return "Air/drone strike"  # shot down, but the wreckage hit homes or people: the strike landed
    if rule.sub_type == DETENTION:
        acting = names[0] if names else None
        if acting in (actor_rules.RUSSIA, "DPR forces", "LPR forces", "Wagner Group", "Chechen forces") \
                and not _STATE_AGENTS.search(clause):
            return "Abduction/forced disappearance"
        return "Arrests"
    return rule.sub_type


def _nearby(text, parsed, paragraph, index, by_sentence) -> Where | None:
    """A place named in the two sentences before, in the same paragraph ("there", "the city"),
    else in the next one (a quotation's "!" or "?" cut the sentence)."""
    for back in (1, 2, -1):
        j = index - back
        if not 0 <= j < len(paragraph) or paragraph[j] != paragraph[index]:
            continue
        usable = [r for r in by_sentence.get(j, []) if r.place is not None and r.mention.label != "DEMONYM"]
        specific = [r for r in usable if r.place.feature not in _BROAD]
        if specific:
            r = specific[-1] if back > 0 else specific[0]  # the nearest to the event
            return Where(r, precision(text, r))
    return None


def _focus(resolutions: list[Resolution]) -> Where | None:
    """The article's most mentioned specific place: where an event with no place of its own
    most likely happened ("they are withdrawing the banks" in a story about Kherson)."""
    counts = Counter(r.place.id for r in resolutions if r.place is not None
                     and r.mention.label != "DEMONYM" and r.place.feature not in _BROAD)
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < 2:
        return None
    first = next(r for r in resolutions if r.place is not None and r.place.id == best)
    return Where(first, NEAR_PLACE)


def _headline(text: str, s: Sentence) -> bool:
    """A line of its own, short and without a final stop: a title or a section heading."""
    before, after = text[max(0, s.start - 1):s.start], text[s.end:s.end + 1]
    return before in ("", "\n") and after in ("", "\n") and is_heading(s.text.strip())


def _retold(events: list[Event]) -> list[Event]:
    """One event per (sub-type, place, date) in an article: a story comes back to its strike
    ("The strike on Kharkiv killed four...") without it happening twice. The first telling
    stays, with a toll a later one states."""
    first: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sub_type, e.place.id if e.place else None, e.date)
        # Violence is retold; developments ("banks withdrawn", "units brought in") are many.
        if e.place is None or key not in first or e.type not in _RETOLD:
            first.setdefault(key, len(out))
            out.append(e)
            continue
        i = first[key]
        kept = out[i]
        if kept.fatalities is None or kept.injured is None:
            out[i] = replace(kept, fatalities=kept.fatalities if kept.fatalities is not None else e.fatalities,
                             injured=kept.injured if kept.injured is not None else e.injured)
    return out


def _same(before: Event, now: Event, by_sentence) -> bool:
    """The same happening again: same sub-type, and the new sentence names no other place."""
    if before.sub_type != now.sub_type:
        return False
    own = [r for r in by_sentence.get(now.sentence.index, []) if r.place is not None
           and r.mention.label != "DEMONYM"]
    return now.place == before.place or not own


def _with_later_toll(event: Event, sentence: str) -> Event:
    """'Russian forces shelled X. Two civilians were killed.': the toll of the sentence after."""
    if event.fatalities is not None and event.injured is not None:
        return event
    t: Toll = toll(sentence)
    if not t.stated:
        return event
    return replace(event, fatalities=event.fatalities if event.fatalities is not None else t.fatalities,
                   injured=event.injured if event.injured is not None else t.injured)


extract = Extractor()


def follow_places(events: list[Event], resolutions: list[Resolution]) -> list[Event]:
    """Events moved to where their mentions now resolve (after a user's correction)."""
    where = {(r.mention.start, r.mention.end): r.place for r in resolutions}
    moved = []
    for e in events:
        key = (e.mention.start, e.mention.end) if e.mention else None
        place = where.get(key, e.place) if key else e.place
        moved.append(e if place == e.place or place is None else replace(e, place=place))
    return moved
