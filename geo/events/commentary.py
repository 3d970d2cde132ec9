"""Violence a sentence names while it tells something else: a tally over the war's course, what
went on over a season, violence that goes on without end. Such clauses name strikes and
captures without reporting one at a place on a day, so ACLED codes none of them.
NOT_EVENT rules like geo.events.triggers', each a switch (`geo eval --without NAME`)."""

from __future__ import annotations

from geo.events.triggers import NotEvent
from geo.rules import switch

# not "throughout the night": a night's raid is one event on a day
_SEASON = r"(?:summer|winter|spring|autumn|fall|year|month|week|war|invasion|conflict|campaign)"

COMMENTARY: tuple[NotEvent, ...] = (
    NotEvent("over_the_wars_course",
             r"\bsince the (?:start|beginning|outbreak|onset) of (?:the |Russia[’']s |Moscow[’']s )?(?:full[- ]scale )?"
             r"(?:war|invasion|conflict|hostilities)\b|\bthroughout the (?:\w+ )?" + _SEASON + r"\b"
             r"|\b(?:at|during) the (?:peak|height) of the \w+\b|\bprior to the (?:\d{4} )?(?:full[- ]scale )?invasion\b",
             "clause", "'three ships have now been hit since the start of the invasion', 'Russia has claimed "
             "throughout the summer that it entered the area', 'at the peak of the incursion, soldiers occupied parts "
             "of the city': a tally over the war's course or what went on over a season is no event on a day"),
    NotEvent("accused_of_several",
             r"\baccus(?:ed|es|ing)\b(?:\s+\S+){1,4}?\s+of\s+\w+ing\b.*\band\s+(?:of\s+)?\w+ing\b",
             "clause", "'the soldier accused Russia of cutting off water to civilians near X and of bombing a "
             "hospital': each charge an accusation lists is a claim, however far it stands from 'accused'"),
    NotEvent("day_and_night",
             r"\bday and night\b|\bnight and day\b|\bround the clock\b|\baround the clock\b|\bintermittently\b"
             r"|\bon and off\b|\bsporadically\b",
             "clause", "'Russia has started incorporating repeat strikes on its targets day and night', 'artillery fire "
             "and drone attacks continued intermittently': violence told as going on without end is a pattern, not "
             "one event at a place on a day"),
)

for _n in COMMENTARY:
    switch(_n.name, _n.reason)
