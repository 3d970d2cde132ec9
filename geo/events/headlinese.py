"""Captures told in the present tense, as headlines and live updates tell them (issue 20, tenth round).

A headline or a liveblog's entry tells what just happened in the present tense ("Russia Claims
Capture of Village in X Region", "Russia seizes village near Y"); the
capture triggers were written for the past of a report ("claimed the capture of", "seized", "took
control of"), so a feed item told only by its heading, or an update in the present, reported
nothing. Who takes the place still decides the sub-type (geo.events.conventions).
"""

from __future__ import annotations

from geo.events.trigger_rule import TERRITORY, Rule

HEADLINE_RULES: tuple[Rule, ...] = (
    Rule("capture_in_the_present", TERRITORY,
         r"\b(?:claims?|announces?|confirms?|completes?) (?:the )?capture of\b|\bseizes\b",
         1, "'Russia Claims Capture of Village in X Region', 'Russia seizes Y': a capture "
            "told in the present tense of a headline or a live update is a capture, as one told in the past is"),
)
