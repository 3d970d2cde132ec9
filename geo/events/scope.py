"""What of an article is an event of it at all: where its war is (the theatre), what it tells
as background (an earlier year), what heads a section (a region-wide summary whose details
follow), what a speaker asserts (inside quotation marks) and which lines are a page's, not the
article's (headings above a sentence). Named rules with switches, as the rest of geo.events."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from geo.events.feeds import link_follows
from geo.text.article_meta import front_matter, is_heading
from geo.events.dates import find_date
from geo.events.places import _BROAD
from geo.events.recall import list_number_below, without_footnotes
from geo.distance import distance_km
from geo.rules import on, rule, switch
from geo.types import REGION_ONLY, Event, Place, Resolution, Sentence

SCOPE: list = []

@rule(SCOPE, "quoted_development",
      "a development (troops moved, banks withdrawn) a speaker asserts inside quotation marks is "
      "a claim, not a reported fact; violence a witness describes in a quotation still counts")
def _quoted_enabled():
    return True


# A line that is one quoted string ('   "The attack killed two.",'): a page's JSON list of
# paragraphs, whose quotation marks delimit the text and quote no one.
_STRING_LINE = re.compile(r'^[ \t]*(")[^\n]*(")[ \t]*,?[ \t]*$', re.M)


@rule(SCOPE, "string_lines",
      "a line that is one quoted string, as a page's JSON holds its paragraphs ('  \"Russian drones "
      "hit ...\",'), is the article's own text: its marks delimit the string and quote no speaker")
def _delimiters(text: str) -> set[int]:
    return {m.start(g) for m in _STRING_LINE.finditer(text) for g in (1, 2)} if on("string_lines") else set()


def _quoted(text: str, sentences: list[Sentence]) -> set[int]:
    """Sentences that begin inside a quotation (or open one), paragraph by paragraph."""
    inside, out, last_end = False, set(), 0
    delimiters = _delimiters(text)
    for s in sentences:
        between = text[last_end:s.start]
        if "\n\n" in between:
            inside = False  # a quotation running on opens again in its next paragraph
        lead = len(s.text) - len(s.text.lstrip())
        head = s.text.lstrip()[:1]
        if inside or (head and head in "\"“«„" and s.start + lead not in delimiters):
            out.add(s.index)
        for i, ch in enumerate(s.text):
            if s.start + i in delimiters:
                continue
            if ch in "“«„":
                inside = True
            elif ch in "”»":
                inside = False
            elif ch == '"':
                inside = not inside
        last_end = s.end
    return out


_EXCLAIMS = re.compile(r"!\W*$")


@rule(SCOPE, "exclamation_is_speech",
      "'Glory to each and every one who is now in combat!': an exclamation is a speaker's, as a quotation "
      "is: it reports violence only where it names its own place ('... who shot down an aircraft near X!')")
def exclaims(sentence: str) -> bool:
    # a slogan quoted inside a report ("held a protest 'Don't be silent!' in X") is no speech of its own
    return bool(_EXCLAIMS.search(sentence)) and not _OPENS_QUOTE.search(sentence) and on("exclamation_is_speech")


_OPENS_QUOTE = re.compile(r"(?:^|\s)['‘“\"«]\w")


@dataclass(frozen=True, slots=True)
class Theatre:
    """Where a war report's violence happens: the countries most of its places are in, and
    anywhere near those places (a border town across the line: 'the Russian town of Grayvoron')."""

    countries: frozenset[str]
    points: tuple[tuple[float, float], ...]

    def __bool__(self) -> bool:
        return bool(self.countries)

    def holds(self, place: Place) -> bool:
        return place.country in self.countries or any(
            distance_km(place.lat, place.lon, lat, lon) <= NEAR_THEATRE_KM for lat, lon in self.points)


NEAR_THEATRE_KM = 250.0
_NO_THEATRE = Theatre(frozenset(), ())


@rule(SCOPE, "outside_the_theatre",
      "a war report's violence happens where the report is about: a place far from it, in a country "
      "the story hardly names ('briefing reporters in New York', 'the Institute in Washington'), is "
      "where someone spoke, not where the violence was")
def _theatre(resolutions: list[Resolution]) -> Theatre:
    specific = [r.place for r in resolutions if r.place is not None and r.place.country
                and r.mention.label != "DEMONYM" and r.place.feature not in _BROAD]
    counts = Counter(p.country for p in specific)
    total = sum(counts.values())
    if total < 4:
        return _NO_THEATRE
    countries = frozenset(c for c, n in counts.items() if n >= 2 and n >= 0.15 * total) | _sides(resolutions)
    points = {(round(p.lat, 1), round(p.lon, 1)) for p in specific if p.country in countries}
    return Theatre(countries, tuple(sorted(points))[:200])


SIDE_SHARE = 0.25  # of the story's country names and demonyms


@rule(SCOPE, "theatre_of_its_sides",
      "the countries a war story names most ('Russian', 'Ukraine's', 'Russia') are its sides: violence in "
      "either is in the theatre, though the story names few of its towns ('a Ukrainian drone killed a "
      "civilian in the Russian town of X', in a story about strikes on the other side's capital)")
def _sides(resolutions: list[Resolution]) -> frozenset[str]:
    if not on("theatre_of_its_sides"):
        return frozenset()
    counts = Counter(r.place.country for r in resolutions if r.place is not None and r.place.country
                     and (r.mention.label == "DEMONYM" or r.place.feature == "country"))
    total = sum(counts.values())
    return frozenset(c for c, n in counts.items() if n >= 3 and n >= SIDE_SHARE * total)


_YEAR = re.compile(r"\b(?:in|since|by|from|until|of|during)\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b"
                   r"|\bin the (?:early |late |mid-)?(?P<century>\d{1,2})(?:st|nd|rd|th) century\b", re.I)
# "in February 2024", "Ukraine's 2022 counteroffensive": a month's or a campaign's year, no day.
_MONTH_YEAR = re.compile(r"\b(?:in|since|by|from|until|of|during)\s+(?:early\s+|late\s+|mid-)?(?:jan|feb|mar|apr|may|jun|"
                         r"jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<year>(?:19|20)\d\d)\b"
                         r"|\b(?P<named>(?:19|20)\d\d)(?:'s)?\s+(?:\w+\s+)?(?:counter-?offensive|offensive|invasion|"
                         r"incursion|campaign|siege|battle|assault|uprising|annexation)\b", re.I)


@rule(SCOPE, "background_year",
      "'Russia annexed Crimea in 2014': what a clause dates to an earlier year is background, "
      "not an event of the article (a stated day, 'on 24 February 2022', is dated and kept)")
def clause_is_background(clause: str, article_day) -> bool:
    if article_day is None:
        return False
    m = _YEAR.search(clause)
    if m is not None and m.group("century"):
        return True  # "captured by imperial forces in the 18th century"
    if m is not None and int(m.group("year")) < article_day.year and find_date(clause, None) is None:
        return True
    m = _MONTH_YEAR.search(clause) if on("month_of_an_earlier_year") else None
    if m is not None and int(m.group("year") or m.group("named")) < article_day.year:
        return True
    return bool(_MONTH_ALONE.search(clause)) and find_date(clause, None) is None and on("month_without_a_day")


# "seized in Russia's Bryansk region in August", "pushed back from Kharkiv in May": a month, no day, no year.
_MONTH_ALONE = re.compile(r"\b(?:in|during|since|until|by|early in|late in)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)\b(?!\s*\d)(?!,?\s*(?:19|20)\d\d)")
switch("month_without_a_day", "'land that they seized in Russia's Bryansk region in August', 'a counter-offensive that pushed "
       "Moscow's forces back from Kharkiv in May': what a clause puts in a month, with no day, is the story's background "
       "(a day, 'on May 12', is dated and kept)")


switch("month_of_an_earlier_year", "'Russian forces captured Avdiivka in February 2024', 'Ukraine's 2022 counteroffensive "
       "in Kharkiv': an action a clause dates to a month or a campaign of an earlier year is background")


@rule(SCOPE, "summary_of_details",
      "'Russian forces continued offensive operations in northern Kharkiv Oblast on February 7' heads the "
      "sentences that say where: a region-wide event is dropped when the article codes the same kind "
      "of event, that day, at places inside the region")
def _without_summaries(events: list[Event]) -> list[Event]:
    if not on("summary_of_details"):
        return events
    detailed: dict[tuple, int] = {}
    for i, e in enumerate(events):
        if e.place is not None and e.precision != REGION_ONLY and e.place.admin1_code:
            detailed.setdefault((e.type, e.date, e.place.admin1_code), i)
    out = list(events)
    summaries = set()
    for i, e in enumerate(events):
        if e.precision != REGION_ONLY or e.place is None:
            continue
        k = detailed.get((e.type, e.date, e.place.admin1_code))
        if k is None:
            continue
        summaries.add(i)
        # "Four deaths were reported in the X region." ... "The X regional head said four people
        # were killed.": one happening, told twice -- the region's sentence is one of its sources.
        d = out[k]
        if e.sentence.index not in {x.index for x in d.sentences}:
            told = sorted((*d.sentences, e.sentence), key=lambda x: x.start)
            out[k] = replace(d, sentence=told[0], more=tuple(told[1:]))
    kept = [e for i, e in enumerate(out) if i not in summaries]
    return sorted(kept, key=lambda e: e.sentence.start) if summaries else kept  # text order, as told first


def _body(s: Sentence) -> Sentence:
    """The sentence without the headings, bylines or captions a page put on lines above it
    (one line break, no full stop): they are not what the sentence reports."""
    s = _without_entry_time(s)
    lines = s.text.split("\n")
    cut = 0
    for line in lines[:-1]:
        if not is_heading(line.strip()) or _RUNS_ON.search(line) and on("line_runs_on"):
            break  # "Russian forces are also pushing toward" / "X, Y, and Z": one statement over lines
        cut += len(line) + 1
    if not cut or link_follows(s.text[cut:]) or list_number_below(s.text[cut:]):
        return s
    while cut < len(s.text) and s.text[cut].isspace():
        cut += 1
    return Sentence(s.index, s.start + cut, s.end, s.text[cut:])


# "09:05 GMT: Russian drones struck ...", "14:05 EET — ...": a liveblog entry's time, with its zone; a
# bare "02:15" before a line stays a video's length (page_furniture).
_ENTRY_TIME = re.compile(r"\s*[0-2]?\d[:.][0-5]\d\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|EST|EDT|[A-Z][a-z]{2,12} time|local time)"
                         r"\b\s*[:—–-]?\s*(?=[A-Z])")
switch("liveblog_entry_time", "'09:05 GMT: Russian drones struck Kharkiv': a liveblog entry opens with its time and "
       "zone; the entry is a sentence of the article, not a video's length or page furniture")


def _without_entry_time(s: Sentence) -> Sentence:
    m = _ENTRY_TIME.match(s.text) if on("liveblog_entry_time") else None
    if m is None and on("wordless_image_before_prose"):
        m = _WORDLESS_IMAGE.match(s.text)
    return Sentence(s.index, s.start + m.end(), s.end, s.text[m.end():]) if m else s


# "![](https://.../photo.jpg)The BBC reports that ...": a Markdown image with no alt text, glued to the
# paragraph's first sentence by a copied page. It says nothing; what follows it is the article's prose.
_WORDLESS_IMAGE = re.compile(r"\s*!\[\s*\]\([^)\s]*\)\s*(?=\S)")
switch("wordless_image_before_prose", "'![](https://.../photo.jpg)The BBC reports that Ukraine carried out a drone "
       "attack on Saturday': an image with no alt text glued to a sentence is no caption; the sentence is prose, its "
       "events are told and its day dates the sentences after it")


_RUNS_ON = re.compile(r"\b(?:to|toward|towards|in|into|on|of|at|near|the|a|an|and|or|from|with|by|for)\s*$", re.I)
switch("line_runs_on", "a line that ends in a preposition, an article or 'and' ('Russian forces are pushing toward') "
       "goes on in the next line: it is no heading above the sentence but its start")


def _headline(text: str, s: Sentence) -> bool:
    """A line of its own, short and without a final stop: a title or a section heading."""
    before, after = text[max(0, s.start - 1):s.start], text[s.end:s.end + 1]
    return before in ("", "\n") and after in ("", "\n") and is_heading(without_footnotes(s.text.strip()))


_HERE = re.compile(r"\b(?:the|this|that) (?:city|town|capital|port|village|region)\b|\bhere\b", re.I)


@rule(SCOPE, "dateline_is_no_place",
      "a wire dateline ('KYIV, Nov 17 (Reuters) -') says where the story was filed: its sentence's event "
      "is where the sentence says ('Russia struck Ukraine's grid' is nationwide, no event at the "
      "dateline's city), unless it names no place or points back at it ('the city', 'here')")
def after_dateline(s: Sentence, head: int, in_sentence: list[Resolution]) -> list[Resolution]:
    if not head or not on("dateline_is_no_place"):
        return in_sentence
    body = [r for r in in_sentence if r.mention.start >= s.start + head]
    if not body or _HERE.search(s.text, head):
        return in_sentence
    return body


@rule(SCOPE, "front_matter",
      "a Markdown page's front matter ('---', 'title: ...', 'excerpt: ...', '---') is the page's "
      "metadata: its summary repeats what the article reports below")
def front_matter_end(text: str) -> int:
    """Where a leading YAML front matter block ends (0 when there is none)."""
    return front_matter(text)[1] if on("front_matter") else 0
