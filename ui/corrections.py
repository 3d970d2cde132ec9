"""The place panel's "Correct this place": pick another reading or drop a pin; undo.

A correction is stored (geo.corrections), applied to the articles that mention the place now and
to later articles with the same context. Streamlit glue only; the decisions are in geo.corrections.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from geo.corrections import apply_corrections, context_of, correct, reparse, to_json, user_place
from geo.errors import GeoError
from geo.library import Library
from geo.popups import describe
from geo.store import Correction, Store, name_key
from geo.types import PlaceMention, Place
from ui import state

TOAST = "correction_toast"
GAZETTEER_CANDIDATES = 10


def store_of(lib: Library) -> Store | None:
    return getattr(lib, "store", None)


def names_of(events: Iterable[PlaceMention]) -> set[str]:
    return {name_key(e.mention.text) for e in events}


def corrections_for(store: Store, events: list[PlaceMention]) -> list[Correction]:
    names = names_of(events)
    return [c for c in store.corrections() if c.name in names]


def is_user_set(place: Place, events: list[PlaceMention], lib: Library) -> bool:
    store = store_of(lib)
    return place.source == "user" or (store is not None and any(
        c.place.id == place.id for c in corrections_for(store, events)))


def user_set_ids(lib: Library, events: list[PlaceMention]) -> set[str]:
    """Ids of the places on the map that a user chose for the names they stand for."""
    store = store_of(lib)
    chosen = {(c.name, c.place.id) for c in store.corrections()} if store is not None else set()
    return {e.place.id for e in events
            if e.place.source == "user" or (name_key(e.mention.text), e.place.id) in chosen}


def candidates(lib: Library, place: Place, events: list[PlaceMention]) -> list[Place]:
    """The mentions' runner-up readings, then what the gazetteer has for the name."""
    seen: dict[str, Place] = {}
    for event in events:
        parsed = lib.get(event.doc_id)
        for r in parsed.resolutions if parsed else ():
            if r.mention.start == event.mention.start:
                for alt in r.alternatives:
                    seen.setdefault(alt.id, alt)
    try:
        for name in sorted({e.mention.text for e in events}):
            for alt in state.pipeline().gazetteer.search(name, limit=GAZETTEER_CANDIDATES):
                seen.setdefault(alt.id, alt)
    except Exception:  # noqa: BLE001 - the alternatives alone still make a choice
        pass
    seen.pop(place.id, None)
    return list(seen.values())


def _label(p: Place) -> str:
    return f"{p.name} ({describe(p)}; {p.lat:.3f}, {p.lon:.3f})"


def apply_place(lib: Library, events: list[PlaceMention], new: Place) -> None:
    """Store the correction and re-resolve each article with a mention of the place."""
    store = store_of(lib)
    done: set[str] = set()  # contexts already corrected: one stored row per context
    changed = 0
    try:
        for doc_id in dict.fromkeys(e.doc_id for e in events):
            parsed = lib.get(doc_id)
            if parsed is None:
                continue
            starts = {e.mention.start for e in events if e.doc_id == doc_id}
            index = next((i for i, r in enumerate(parsed.resolutions) if r.mention.start in starts), None)
            if index is None:
                continue
            if context_of(parsed) in done:
                result = apply_corrections(parsed, store.corrections())
            else:
                result = correct(store, parsed, index, new)
                done.add(context_of(parsed))
            lib.replace(doc_id, result)
            changed += 1
    except GeoError as exc:
        st.session_state[TOAST] = f"The correction failed: {exc}"
        return
    st.session_state["place_pick"] = new.id  # the panel follows the place to its new reading
    st.session_state[TOAST] = f"{new.name} set for {changed} article{'s' if changed != 1 else ''}"


def undo(lib: Library, correction: Correction) -> None:
    store = store_of(lib)
    store.undo_correction(correction.id)
    docs = {e.doc_id for e in lib.place_mentions() if name_key(e.mention.text) == correction.name}
    new_id = None
    try:
        for doc_id in sorted(docs):
            parsed = reparse(store, state.pipeline(), doc_id)
            lib.replace(doc_id, parsed)
            new_id = new_id or next((r.place.id for r in parsed.resolutions
                                     if r.place and name_key(r.mention.text) == correction.name), None)
    except GeoError as exc:
        st.session_state[TOAST] = f"Undo failed: {exc}"
        return
    st.session_state["place_pick"] = new_id
    st.session_state[TOAST] = f"Correction undone in {len(docs)} article{'s' if len(docs) != 1 else ''}"


def _apply_choice(lib: Library, events: list[PlaceMention], options: dict[str, Place]) -> None:
    chosen = options.get(st.session_state.get("corr_pick") or "")
    if chosen is not None:
        apply_place(lib, events, chosen)


def _apply_pin(lib: Library, events: list[PlaceMention], place: Place) -> None:
    try:
        pin = user_place(float(st.session_state["corr_lat"]), float(st.session_state["corr_lon"]),
                         place.feature, events[0].mention.text if events else place.name, place.country)
    except GeoError as exc:
        st.session_state[TOAST] = str(exc)
        return
    apply_place(lib, events, pin)


def show_toast() -> None:
    if message := st.session_state.pop(TOAST, None):
        st.toast(message)


def correction_panel(place: Place, events: list[PlaceMention], lib: Library) -> None:
    store = store_of(lib)
    with st.expander("Correct this place", expanded=False):
        if store is None:
            st.caption("Corrections are kept in the article library; this session's library has none.")
            return
        options = {p.id: p for p in candidates(lib, place, events)}
        st.selectbox("Another place this name could mean", list(options), index=None, key="corr_pick",
                     format_func=lambda i: _label(options[i]) if i in options else i,
                     placeholder="Choose a place…")
        st.button("Apply", key="corr_apply", on_click=_apply_choice, args=(lib, events, options))
        st.caption("…or drop a pin")
        if st.session_state.get("corr_for") != place.id:  # prefill with the place shown
            st.session_state.update(corr_for=place.id, corr_lat=place.lat, corr_lon=place.lon)
        cols = st.columns(2)
        cols[0].number_input("Latitude", -90.0, 90.0, step=0.01, format="%.5f", key="corr_lat")
        cols[1].number_input("Longitude", -180.0, 180.0, step=0.01, format="%.5f", key="corr_lon")
        st.button("Apply pin", key="corr_pin", on_click=_apply_pin, args=(lib, events, place))
        mine = corrections_for(store, events)
        for c in reversed(mine):
            where = f" in {c.context.replace('country:', '')}" if c.context else ""
            st.button(f"Undo: {c.name} → {c.place.name}{where}", key=f"undo_{c.id}", on_click=undo, args=(lib, c))
        if mine:
            st.download_button("Export corrections (JSON)", lambda: to_json(store.corrections()),
                               "corrections.json", "application/json", key="corr_export")
