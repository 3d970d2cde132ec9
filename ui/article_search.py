"""Search the stored articles' text and jump to a sentence on the map."""

from __future__ import annotations

import streamlit as st

from geo.map.event_layer import event_keys
from geo.library import Library
from geo.map.popups import escape, highlight
from geo.store.search import Hit, search, search_parsed, spans
from ui import keys
from ui.panel import SENTENCE_STYLE

SHOWN = 30


def hits(lib: Library, query: str) -> list[Hit]:
    store = getattr(lib, "store", None)
    return search(store, query) if store is not None else search_parsed(lib.documents(), query)


def jump(lib: Library, hit: Hit) -> None:
    """Put the map page on the sentence: its event when it reports one, else its first place."""
    state = st.session_state
    for key in (keys.COUNTRY, keys.REGION, keys.FEATURE, keys.SOURCE, keys.EVENT_TYPE, keys.SUB_TYPE, keys.ACTOR):
        state[key] = []
    state[keys.DATES] = ()
    state[keys.TIME] = False
    state[keys.DOC] = [hit.article_id]
    state[keys.EVENT_PICK] = state[keys.PLACE_PICK] = None
    events = [e for e in lib.events() if e.doc_id == hit.article_id]
    found = next(((k, e) for k, e in zip(event_keys(events), events) if e.sentence.index == hit.sentence), None)
    if found and found[1].place is not None:
        state[keys.VIEW_MODE], state[keys.EVENT_PICK] = "events", found[0]
        place = found[1].place
    else:
        parsed = lib.get(hit.article_id)
        here = [m for m in (parsed.place_mentions if parsed else [])
                if m.sentence.index == hit.sentence and m.mention.label != "DEMONYM"]
        # The place the user searched for, when one was; else the sentence's first place.
        words = {t.casefold() for t in hit.terms}
        mention = next((m for m in here if m.mention.text.casefold() in words
                        or any(w in m.mention.text.casefold() for w in words)), here[0] if here else None)
        state[keys.VIEW_MODE] = "places"
        place = mention.place if mention else None
        state[keys.PLACE_PICK] = place.id if place else None
    if place is not None:
        state[keys.FLY_TO] = (place.lat, place.lon, 9)
    st.switch_page("app.py")


def article_search(lib: Library, titles: dict[str, str]) -> None:
    query = st.text_input("Words in the articles", key=keys.SEARCH_TEXT,
                          placeholder='e.g. drone strike, "power station"').strip()
    if not query:
        return
    found = hits(lib, query)
    if not found:
        st.info("No stored sentence has all of these words.")
        return
    st.caption(f"{len(found)} sentence{'s' if len(found) != 1 else ''}" + (f", the first {SHOWN} shown" if len(found) > SHOWN else ""))
    for i, hit in enumerate(found[:SHOWN]):
        text_col, button_col = st.columns([6, 1], vertical_alignment="center")
        text_col.html(f"<div style='font-weight:600'>{escape(titles.get(hit.article_id, hit.article_id))}</div>"
                      f"<p class='geo-sentence geo-hit' style='{SENTENCE_STYLE}'>{highlight(hit.text, spans(hit))}</p>")
        if button_col.button("Show on the map", key=f"jump_{i}"):
            jump(lib, hit)

