"""The panel beside the events map: what one reported event is, and the sentence reporting it."""

from __future__ import annotations

import streamlit as st

from geo.gazetteer.areas import country_name
from geo.map.event_layer import UNDATED, glyph_colour, place_label, source_html, toll, where
from geo.library import Library
from geo.gazetteer.namekey import name_key
from geo.map.popups import escape
from geo.types import Event
from ui import keys
from ui.corrections import correction_panel
from ui.panel import SENTENCE_STYLE, with_context
from ui.text import plain


def describe(e: Event) -> str:
    return f"{e.sub_type} — {e.place.name if e.place else 'no place'}" + (f" ({e.date})" if e.date else "")


def event_panel(e: Event, lib: Library, titles: dict[str, str]) -> None:
    glyph, colour = glyph_colour(e)
    st.subheader(plain(f"{glyph} {e.sub_type}"))
    place = e.place
    region = f", {place.admin1}" if place and place.admin1 else ""
    country = f", {country_name(place.country)}" if place and place.country else ""
    rows = {"What": f"{e.type}: {e.sub_type}", "Where": where(e, place_label(e)) + region + country,
            "When": e.date or UNDATED, "Who": ", ".join(e.actors) or "not stated", "Toll": toll(e),
            "Article": titles.get(e.doc_id, e.doc_id)}
    st.html("<table class='geo-event-facts' style='font-size:.95em'>" + "".join(
        f"<tr><th style='text-align:left;padding-right:10px;vertical-align:top'>{k}</th><td>{escape(v)}</td></tr>"
        for k, v in rows.items()) + "</table>")
    context = st.toggle("Show the sentence before and after", key=keys.PANEL_CONTEXT)
    body = source_html(e)
    if context:
        first, last = e.sentence.index, e.sentences[-1].index
        body = with_context(body, first, lib.sentences(e.doc_id, (first - 1, last + 1)), last)
    style = SENTENCE_STYLE.replace("#d62728", colour)
    st.html(f"<div class='geo-panel'><p class='geo-sentence' style='{style}'>{body}</p></div>")
    mentions = same_name_mentions(e, lib) if place is not None and e.mention is not None else []
    if mentions:  # none when the place was inferred (a region from a town): corrected as that town
        correction_panel(place, mentions, lib, title="Correct this event's place")


def same_name_mentions(e: Event, lib: Library) -> list:
    """The place mentions a correction of this event's place changes: the name it was read from,
    standing for the same place, in every article -- as the place panel corrects them."""
    key = name_key(e.mention.text)
    found = [m for m in lib.place_mentions() if m.place.id == e.place.id and name_key(m.mention.text) == key]
    # The event's own mention first, so the correction is made where the user is looking.
    return sorted(found, key=lambda m: (m.doc_id != e.doc_id or m.mention.start != e.mention.start))
