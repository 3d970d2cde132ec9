"""A sentence shown or written out around the names it marks: whole when it is a sentence, a
bounded part of it when it is not.

A text without full stops (a pasted feed, a 1 MB run-on "sentence" of war reports) is cut into
sentences of up to 100,000 characters (geo.geoparse.windows); thousands of mentions may point into one.
Every popup, panel line, table cell and exported cell goes through here, so what each costs is
bounded by these limits, never by the sentence's length.
"""

from __future__ import annotations

from collections.abc import Iterable

from geo.types import Mention, Sentence

SHOWN = 600  # characters of a sentence in a popup, the panel, a table cell: a news sentence fits
WRITTEN = 2000  # characters of a sentence in an exported row (CSV, GeoJSON, KML)
CONTEXT = 300  # characters of the sentence before and after, when the panel shows them
MORE = "…"


def span_in(sentence: Sentence, mention: Mention | None) -> tuple[int, int] | None:
    """The mention's offsets inside its sentence; found by its text when the offsets disagree."""
    if mention is None:
        return None
    start, end = mention.start - sentence.start, mention.end - sentence.start
    if sentence.text[start:end] != mention.text:
        found = sentence.text.find(mention.text)
        if found >= 0:
            return found, found + len(mention.text)
    return (start, end) if 0 <= start < len(sentence.text) else None


def window(length: int, spans: Iterable[tuple[int, int]], limit: int) -> tuple[int, int]:
    """Which [lo, hi) of a text of ``length`` characters to show: all of it when it fits, else
    ``limit`` characters from a little before the first span."""
    if length <= limit:
        return 0, length
    first = min((start for start, _end in spans), default=0)
    lo = max(0, min(first - limit // 4, length - limit))
    return lo, lo + limit


def excerpt(text: str, spans: Iterable[tuple[int, int]] = (), limit: int = SHOWN) -> str:
    """``text`` (plain) cut to ``limit`` characters around the first span, "…" where it was cut."""
    lo, hi = window(len(text), list(spans), limit)
    return (MORE if lo else "") + text[lo:hi] + (MORE if hi < len(text) else "")


def sentence_excerpt(sentence: Sentence, mention: Mention | None = None, limit: int = WRITTEN) -> str:
    """The sentence around its mention, for a row of a table or an export."""
    span = span_in(sentence, mention)
    return excerpt(sentence.text, [span] if span else [], limit)


def event_note(event, limit: int = WRITTEN) -> str:
    """An event's source text for a table or an export: its sentences in one line, each cut
    around the event's place as ``sentence_excerpt`` cuts it."""
    return " ".join(" ".join(sentence_excerpt(s, event.mention, limit).split()) for s in event.sentences)


def before(text: str, limit: int = CONTEXT) -> str:
    """The end of the sentence before the one shown."""
    return text if len(text) <= limit else MORE + text[-limit:]


def after(text: str, limit: int = CONTEXT) -> str:
    """The start of the sentence after the one shown."""
    return text if len(text) <= limit else text[:limit] + MORE
