"""The panel beside the map: what one place is, and every sentence that mentions it."""

from __future__ import annotations

from itertools import groupby

import streamlit as st

from geo.text import excerpt
from geo.gazetteer.areas import country_name
from geo.filters import region_of
from geo.library import Library, resolutions_of
from geo.map.popups import as_written, describe, escape, highlight, sentences_of
from geo.types import PlaceMention, Place, Sentence
from ui.corrections import correction_panel, is_user_set
from ui.text import plain

SENTENCE_STYLE = "margin:0 0 .6em 0;padding:.35em .6em;border-left:3px solid #d62728;background:rgba(128,128,128,.06)"
CONTEXT_STYLE = "color:#777;font-size:.9em"


def _alternatives(lib: Library, place: Place, mentions: list[PlaceMention]) -> list[Place]:
    seen: dict[str, Place] = {}
    for resolution in resolutions_of(lib, mentions):
        for alt in resolution.alternatives:
            if alt.id != place.id:
                seen.setdefault(alt.id, alt)
    return list(seen.values())


def _details(place: Place, mentions: list[PlaceMention], lib: Library) -> None:
    scores = [e.score for e in mentions]
    cols = st.columns(3)
    cols[0].metric("Place mentions", len(mentions))
    cols[1].metric("Articles", len({e.doc_id for e in mentions}))
    cols[2].metric("Confidence", f"{sum(scores) / len(scores):.0%}" if scores else "–")
    rows = {
        "Feature": place.feature.replace("_", " "), "Region": region_of(place) or "–", "Country": country_name(place.country) if place.country else "–",
        "Coordinates": f"{place.lat:.4f}, {place.lon:.4f}", "Population": f"{place.population:,}" if place.population else "–",
        "Gazetteer id": place.id, "Source": place.source,
    }
    if is_user_set(place, mentions, lib):
        rows["Source"] = f"user-set ({place.source})" if place.source != "user" else "user-set (dropped pin)"
    with st.expander("Details", expanded=False):
        st.table({"": list(rows.keys()), "value": list(rows.values())})
        alternatives = _alternatives(lib, place, mentions)
        if alternatives:
            st.caption("Other places this name could mean")
            st.table([{"name": a.name, "where": describe(a), "lat": round(a.lat, 3), "lon": round(a.lon, 3)}
                      for a in alternatives[:8]])
        else:
            st.caption("No other candidate was close.")


def with_context(body: str, index: int, around: dict[int, Sentence], last: int | None = None) -> str:
    """The sentence's HTML (sentences ``index`` to ``last``) between the end of the one before
    and the start of the one after."""
    last = index if last is None else last
    before = escape(excerpt.before(around[index - 1].text)) if index - 1 in around else ""
    after = escape(excerpt.after(around[last + 1].text)) if last + 1 in around else ""
    return f"<span style='{CONTEXT_STYLE}'>{before}</span> {body} <span style='{CONTEXT_STYLE}'>{after}</span>"


def _sentence_html(event: PlaceMention, spans: list[tuple[int, int]], around: dict[int, Sentence] | None) -> str:
    body = highlight(event.sentence.text, spans)
    if around is not None:
        body = with_context(body, event.sentence.index, around)
    return f"<p class='geo-sentence' style='{SENTENCE_STYLE}'>{body}</p>"


def place_panel(place: Place, mentions: list[PlaceMention], lib: Library, titles: dict[str, str]) -> None:
    st.subheader(plain(as_written(place, mentions)))
    st.caption(plain(describe(place)))
    if is_user_set(place, mentions, lib):
        st.caption("User-set: chosen by a user, not the gazetteer")
    _details(place, mentions, lib)
    correction_panel(place, mentions, lib)
    context = st.toggle("Show the sentence before and after", key="panel_context")
    items = sentences_of(mentions)
    for doc_id, group in groupby(items, key=lambda item: item[0].doc_id):
        group = list(group)
        # Only the sentences shown and their neighbours are read, never the article.
        around = lib.sentences(doc_id, {e.sentence.index + d for e, _ in group for d in (-1, 1)}) if context else None
        parts = [f"<p style='font-weight:600;margin:.4em 0 .3em'>{escape(titles.get(doc_id, doc_id))}</p>"]
        parts += [_sentence_html(event, spans, around) for event, spans in group]
        st.html("<div class='geo-panel'>" + "".join(parts) + "</div>")
