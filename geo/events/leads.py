"""A sentence set wholly in bold ("**Russian forces continued offensive operations in northern X
Oblast but did not advance.**") leads a section of an assessment: the sentences below it say
where and what; the lead sums them up."""

from __future__ import annotations

import re

from geo.rules import on, switch
from geo.types import Event

_BOLD = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")

switch("bold_lead_sums_up", "'**Russian forces continued offensive operations in northern X Oblast but did not "
       "advance.**': a sentence wholly in bold leads a section; when the story codes that type of event from "
       "its own sentences, the lead only sums them up")


def _lead(e: Event) -> bool:
    return bool(_BOLD.match(e.sentence.text))


def without_bold_leads(events: list[Event]) -> list[Event]:
    if not on("bold_lead_sums_up"):
        return events
    told = {e.type for e in events if not _lead(e)}
    return [e for e in events if not (_lead(e) and e.type in told)]
