"""Zero-width marks between words, read as absent by the event rules.

Wire copy republished on the web scatters invisible marks between words ("its \\u200bforces
\\u200dhad \\u200btaken \\u200bcontrol of the settlements of A and \\u200dB"): a tracer that a
reader never sees. Every trigger is written for words one space apart ("taken control of"), so a
mark after the space hides the action and the sentence reports nothing. The recogniser already
reads names without them (geo/geoparse/web_copy.py); the event rules read the same copy: the marks
between words are dropped, the rules run on what is left, and each event's sentences and mention
are mapped back to the offsets of the text as written.
"""

from __future__ import annotations

from dataclasses import replace

from geo.geoparse.web_copy import Reading
from geo.rules import on, switch
from geo.types import Event, ParsedDocument

switch("triggers_read_without_marks", "'its \\u200bforces \\u200dhad \\u200btaken \\u200bcontrol of the settlements "
       "of A and B': zero-width marks that web copy puts between words are no part of the words; the event rules "
       "read the sentence without them, as the recogniser reads its names")


def without_marks(parsed: ParsedDocument) -> tuple[ParsedDocument, Reading | None]:
    """``parsed`` over its text without the marks between words, and the way back (None: no marks)."""
    if not on("triggers_read_without_marks"):
        return parsed, None
    reading = Reading(parsed.doc.text)
    if not reading.changed:
        return parsed, None
    text = reading.text

    def ahead(item):
        a, b = reading.forward(item.start), reading.forward(item.end)
        return replace(item, start=a, end=b, text=text[a:b])

    return replace(parsed, doc=replace(parsed.doc, text=text), sentences=[ahead(s) for s in parsed.sentences],
                   resolutions=[replace(r, mention=ahead(r.mention)) for r in parsed.resolutions]), reading


def events_back(events: list[Event], reading: Reading | None, original: ParsedDocument) -> list[Event]:
    """Events found on the copy without marks, at the offsets of ``original``'s text."""
    if reading is None:
        return events
    text = original.doc.text

    def back(item):
        if item is None:
            return None
        a, b = reading.start(item.start), reading.end(item.end)
        return replace(item, start=a, end=b, text=text[a:b])

    return [replace(e, sentence=back(e.sentence), mention=back(e.mention), more=tuple(back(s) for s in e.more))
            for e in events]
