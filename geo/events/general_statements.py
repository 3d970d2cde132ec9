"""Violence named in a general statement rather than reported: attacks told as what happens now
and then ("periodic airstrikes cannot cut off the arms", "because of frequent drone attacks, most
classes are online"), or named as the yardstick a new attack is compared with ("comparing it to the
attack on New Year's Eve"), or counted as a rate or a tally over a period ("advanced 18 kilometres,
at an average pace of 300 metres per day", "181 incidents of violence, a 10% decrease compared to last
week"). NOT_EVENT rules like geo.events.triggers', read in the words just before the trigger or in
its clause; each a switch (`geo eval --without NAME`)."""

from __future__ import annotations

from geo.events.triggers import NotEvent
from geo.rules import switch

GENERAL: tuple[NotEvent, ...] = (
    # not "repeated" or "persistent": ISW and wire copy report a day's "repeated assaults near X"
    NotEvent("habit_told_by_an_adjective",
             r"\b(?:frequent|periodic|occasional|regular|routine|near-daily|almost daily)(?:\s+[\w-]+){0,3}\s*$",
             "before", "'periodic airstrikes cannot cut off the flow of arms', 'because of frequent drone and missile "
             "attacks, most classes are online': attacks told as what happens now and then are a pattern, not one "
             "event at a place on a day"),
    NotEvent("yardstick_of_a_comparison",
             r"\b(?:compar(?:ed|ing|es)|likened|likening)\s+(?:(?:it|them|this|that|the \w+)\s+)?(?:to|with)"
             r"(?:\s+(?![^\s]*,)\S+){0,3}$|\b(?:similar to|reminiscent of|(?:larger|bigger|heavier|worse) than)"
             r"(?:\s+(?![^\s]*,)\S+){0,3}$",
             "before", "'the air force called the barrage one of the most massive, comparing it to the attack on New "
             "Year's Eve': the attack a new one is measured against is told before, not reported again"),
    NotEvent("rate_or_tally_over_time",
             r"\b(?:on average|an average|average (?:pace|rate|speed|daily|weekly|monthly)|(?:pace|rate) of (?:the )?"
             r"advance|per (?:day|week|month)|(?:increase|decrease|rise|drop|fall) (?:compared|relative) (?:to|with)|"
             r"(?:slower|faster|more slowly|more quickly) than)\b",
             "clause", "'Russian forces advanced roughly 18 kilometres, at an average pace of 300 metres per day', "
             "'181 incidents of violence against civilians (a 10% decrease compared to last week)': violence counted "
             "as a rate or a tally over weeks is the war's statistics, not one event at a place on a day"),
)

for _n in GENERAL:
    switch(_n.name, _n.reason)
