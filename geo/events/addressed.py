"""A capital that a statement is addressed to: "calling on Kyiv to demine the waters", "condemning
Moscow for the shelling", "blamed the attack on Kyiv", "urged Moscow to withdraw", "accused Kyiv of staging it". The capital is
the government spoken to or of, the object of a verb of speech or pressure, and nothing happened
there; the event is where the sentence, or the one before, says it was."""

from __future__ import annotations

import re

from geo.rules import on, switch

# The verb (any tense) whose object is a government: speech aimed at it or pressure put on it.
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+on|condemn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|"
    r"warn(?:s|ed|ing)?|press(?:es|ed|ing)?|pressur(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+(?:that|of)|"
    r"ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+to|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|"
    r"denounc(?:e|es|ed|ing)|sanction(?:s|ed|ing)?|reproach(?:es|ed|ing)?|"
    r"blam(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){1,4}on)\s+$", re.I)
switch("capital_addressed", "'calling on Kyiv to demine the waters', 'condemning Moscow for the shelling', 'blamed the "
       "shelling on Kyiv', 'urged Moscow to withdraw': a capital that is the object of a verb of speech or pressure "
       "is the government addressed, no place of the event")


def addressed(text: str, start: int) -> bool:
    """Whether the capital named at ``start`` is the object of such a verb."""
    return on("capital_addressed") and bool(_ADDRESSED_BEFORE.search(text, max(0, start - 60), start))
