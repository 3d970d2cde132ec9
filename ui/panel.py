"""The panel beside the map: what one place is, and every sentence that mentions it."""

from __future__ import annotations

from itertools import groupby

import streamlit as st

from geo.areas import country_name
from geo.filters import region_of
from geo.library import Library
from geo.popups import as_written, describe, escape, highlight, sentences_of
from geo.types import PlaceMention, Place, Resolution
from ui.corrections import correction_panel, is_user_set
from ui.text import plain

SENTENCE_STYLE = "margin:0 0 .6em 0;padding:.35em .6em;border-left:3px solid #d62728;background:rgba(128,128,128,.06)"
CONTEXT_STYLE = "color:#777;font-size:.9em"


def _resolution(lib: Library, event: PlaceMention) -> Resolution | None:
    parsed = lib.get(event.doc_id)
    if parsed is None:
        return None
    return next((r for r in parsed.resolutions if r.mention.start == event.mention.start), None)


def _alternatives(lib: Library, place: Place, events: list[PlaceMention]) -> list[Place]:
    seen: dict[str, Place] = {}
    for event in events:
        resolution = _resolution(lib, event)
        for alt in resolution.alternatives if resolution else ():
            if alt.id != place.id:
                seen.setdefault(alt.id, alt)
    return list(seen.values())


def _details(place: Place, events: list[PlaceMention], lib: Library) -> None:
    scores = [e.score for e in events]
    cols = st.columns(3)
    cols[0].metric("Mentions", len(events))
    cols[1].metric("Articles", len({e.doc_id for e in events}))
    cols[2].metric("Confidence", f"{sum(scores) / len(scores):.0%}" if scores else "–")
    rows = {
        "Feature": place.feature.replace("_", " "), "Region": region_of(place) or "–", "Country": country_name(place.country) if place.country else "–",
        "Coordinates": f"{place.lat:.4f}, {place.lon:.4f}", "Population": f"{place.population:,}" if place.population else "–",
        "Gazetteer id": place.id, "Source": place.source,
    }
    if is_user_set(place, events, lib):
        rows["Source"] = f"user-set ({place.source})" if place.source != "user" else "user-set (dropped pin)"
    with st.expander("Details", expanded=False):
        st.table({"": list(rows.keys()), "value": list(rows.values())})
        alternatives = _alternatives(lib, place, events)
        if alternatives:
            st.caption("Other places this name could mean")
            st.table([{"name": a.name, "where": describe(a), "lat": round(a.lat, 3), "lon": round(a.lon, 3)}
                      for a in alternatives[:8]])
        else:
            st.caption("No other candidate was close.")


def _sentence_html(lib: Library, event: PlaceMention, spans: list[tuple[int, int]], context: bool) -> str:
    body = highlight(event.sentence.text, spans)
    if context:
        parsed = lib.get(event.doc_id)
        sentences = parsed.sentences if parsed else []
        i = event.sentence.index
        before = escape(sentences[i - 1].text) if 0 < i <= len(sentences) else ""
        after = escape(sentences[i + 1].text) if i + 1 < len(sentences) else ""
        body = (f"<span style='{CONTEXT_STYLE}'>{before}</span> {body} "
                f"<span style='{CONTEXT_STYLE}'>{after}</span>")
    return f"<p class='geo-sentence' style='{SENTENCE_STYLE}'>{body}</p>"


def place_panel(place: Place, events: list[PlaceMention], lib: Library, titles: dict[str, str]) -> None:
    st.subheader(plain(as_written(place, events)))
    st.caption(plain(describe(place)))
    if is_user_set(place, events, lib):
        st.caption("User-set: chosen by a user, not the gazetteer")
    _details(place, events, lib)
    correction_panel(place, events, lib)
    context = st.toggle("Show the sentence before and after", key="panel_context")
    items = sentences_of(events)
    for doc_id, group in groupby(items, key=lambda item: item[0].doc_id):
        parts = [f"<p style='font-weight:600;margin:.4em 0 .3em'>{escape(titles.get(doc_id, doc_id))}</p>"]
        parts += [_sentence_html(lib, event, spans, context) for event, spans in group]
        st.html("<div class='geo-panel'>" + "".join(parts) + "</div>")
