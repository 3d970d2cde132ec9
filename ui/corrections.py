"""The panels' "Correct this place" (the place panel's, and the event panel's for the place an
event was read from): pick another reading or drop a pin -- typed, or by clicking the map; undo.

A correction is stored (geo.library.corrections), applied to the articles that mention the place now and
to later articles with the same context. Streamlit glue only; the decisions are in geo.library.corrections.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from geo.library.corrections import apply_corrections, context_of, correct, reparse, to_json, user_place
from geo.errors import GeoError
from geo.library import Library, resolutions_of
from geo.map.popups import describe
from geo.gazetteer.namekey import name_key
from geo.store import Correction, Store
from geo.distance import distance_km
from geo.types import PlaceMention, Place
from ui import access, guard, keys, state
from ui.text import plain

TOAST = "correction_toast"
GAZETTEER_CANDIDATES = 10
FAR_KM = 100  # a correction moving a place further than this asks first (a pin at 0,0...)
PENDING = "correction_pending"


def store_of(lib: Library) -> Store | None:
    return getattr(lib, "store", None)


def names_of(mentions: Iterable[PlaceMention]) -> set[str]:
    return {name_key(e.mention.text) for e in mentions}


def corrections_for(store: Store, mentions: list[PlaceMention]) -> list[Correction]:
    names = names_of(mentions)
    return [c for c in store.corrections() if name_key(c.name) in names]


def articles_naming(lib: Library, correction: Correction) -> set[str]:
    """The articles an undo parses again: every one naming the place, in any spelling."""
    key = name_key(correction.name)
    return {e.doc_id for e in lib.place_mentions() if name_key(e.mention.text) == key}


def is_user_set(place: Place, mentions: list[PlaceMention], lib: Library) -> bool:
    store = store_of(lib)
    return place.source == "user" or (store is not None and any(
        c.place.id == place.id for c in corrections_for(store, mentions)))


def user_set_ids(lib: Library, mentions: list[PlaceMention]) -> set[str]:
    """Ids of the places on the map that a user chose for the names they stand for."""
    store = store_of(lib)
    chosen = {(name_key(c.name), c.place.id) for c in store.corrections()} if store is not None else set()
    return {e.place.id for e in mentions
            if e.place.source == "user" or (name_key(e.mention.text), e.place.id) in chosen}


def candidates(lib: Library, place: Place, mentions: list[PlaceMention]) -> list[Place]:
    """The mentions' runner-up readings, then what the gazetteer has for the name."""
    seen: dict[str, Place] = {}
    for r in resolutions_of(lib, mentions):
        for alt in r.alternatives:
            seen.setdefault(alt.id, alt)
    try:
        for name in sorted({e.mention.text for e in mentions}):
            for alt in state.pipeline().gazetteer.search(name, limit=GAZETTEER_CANDIDATES):
                seen.setdefault(alt.id, alt)
    except Exception:  # noqa: BLE001 - the alternatives alone still make a choice
        pass
    seen.pop(place.id, None)
    return list(seen.values())


def _label(p: Place) -> str:
    return f"{p.name} ({describe(p)}; {p.lat:.3f}, {p.lon:.3f})"


def apply_place(lib: Library, mentions: list[PlaceMention], new: Place) -> None:
    """Store the correction and re-resolve each article with a mention of the place."""
    st.session_state.pop(PENDING, None)
    if access.read_only():
        return
    store = store_of(lib)
    before = {c.id for c in store.corrections()}
    done: set[str] = set()  # contexts already corrected: one stored row per context
    changed = 0
    try:
        for doc_id in dict.fromkeys(e.doc_id for e in mentions):
            parsed = lib.get(doc_id)
            if parsed is None:
                continue
            starts = {e.mention.start for e in mentions if e.doc_id == doc_id}
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
        if guard.is_outage(exc):
            raise
        st.session_state[TOAST] = f"The correction failed: {exc}"
        return
    for c in store.corrections():
        if c.id not in before:
            access.record(lib, "correct", str(c.id), f"{c.name} -> {new.name} ({new.lat:.4f}, {new.lon:.4f})")
    st.session_state["place_pick"] = new.id  # the panel follows the place to its new reading
    st.session_state[TOAST] = f"{new.name} set for {changed} article{'s' if changed != 1 else ''}"


def undo(lib: Library, correction: Correction) -> None:
    if access.read_only() or not access.may_undo(lib, correction.id):
        return
    store = store_of(lib)
    store.undo_correction(correction.id)
    access.record(lib, "undo", str(correction.id), correction.name)
    docs = articles_naming(lib, correction)
    new_id = None
    try:
        for doc_id in sorted(docs):
            parsed = reparse(store, state.pipeline(), doc_id)
            lib.replace(doc_id, parsed)
            new_id = new_id or next((r.place.id for r in parsed.resolutions
                                     if r.place and name_key(r.mention.text) == name_key(correction.name)), None)
    except GeoError as exc:
        if guard.is_outage(exc):
            raise
        st.session_state[TOAST] = f"Undo failed: {exc}"
        return
    st.session_state["place_pick"] = new_id
    st.session_state[TOAST] = f"Correction undone in {len(docs)} article{'s' if len(docs) != 1 else ''}"


def _apply_far_ok(lib: Library, mentions: list[PlaceMention], now: Place, new: Place) -> None:
    """Apply, unless the move is far: then ask first (the panel shows the question)."""
    km = distance_km(now.lat, now.lon, new.lat, new.lon)
    if km > FAR_KM:
        st.session_state[PENDING] = (now.id, new, km)
        return
    apply_place(lib, mentions, new)


def _apply_choice(lib: Library, mentions: list[PlaceMention], options: dict[str, Place], now: Place) -> None:
    chosen = options.get(st.session_state.get("corr_pick") or "")
    if chosen is not None:
        _apply_far_ok(lib, mentions, now, chosen)


def _apply_pin(lib: Library, mentions: list[PlaceMention], place: Place) -> None:
    try:
        pin = user_place(float(st.session_state["corr_lat"]), float(st.session_state["corr_lon"]),
                         place.feature, mentions[0].mention.text if mentions else place.name, place.country)
    except GeoError as exc:
        st.session_state[TOAST] = str(exc)
        return
    _apply_far_ok(lib, mentions, place, pin)


def take_map_click(out: dict) -> None:
    """A click on the map (streamlit-folium's ``last_clicked``) is where the pin goes while
    "Click the map to place the pin" is on. Read from the map's last report before the panel is
    drawn (ui.map_frame.reported), so the panel shows it in the same run."""
    click = out.get("last_clicked")
    if not click or click == st.session_state.get(keys.LAST_MAP_CLICK):
        return
    st.session_state[keys.LAST_MAP_CLICK] = click
    if st.session_state.get(keys.PIN_BY_CLICK):
        try:
            lat, lon = float(click["lat"]), (float(click["lng"]) + 180.0) % 360.0 - 180.0  # a wrapped world
        except (KeyError, TypeError, ValueError):
            return
        st.session_state["corr_lat"], st.session_state["corr_lon"] = round(lat, 5), round(lon, 5)
        st.session_state[keys.PIN_FROM_CLICK] = True


def show_toast() -> None:
    if message := st.session_state.pop(TOAST, None):
        st.toast(plain(message))  # names in it are user text


def correction_panel(place: Place, mentions: list[PlaceMention], lib: Library, title: str = "Correct this place") -> None:
    store = store_of(lib)
    if access.read_only():
        return  # GEO_READ_ONLY: no corrections, no undo
    with st.expander(title, expanded=bool(st.session_state.get(PENDING) or st.session_state.get(keys.PIN_BY_CLICK))):
        if store is None:
            st.caption("Corrections are kept in the article library; this session's library has none.")
            return
        pending = st.session_state.get(PENDING)
        if pending and pending[0] == place.id:
            _, new, km = pending
            st.warning(plain(f"This moves every mention of {place.name} by {km:,.0f} km, to {new.name} "
                             f"({new.lat:.3f}, {new.lon:.3f}), for everyone using this library. Apply it?"))
            yes, no = st.columns(2)
            yes.button("Apply anyway", key="corr_confirm", on_click=guard.callback(apply_place),
                       args=(lib, mentions, new), type="primary")
            no.button("Cancel", key="corr_cancel", on_click=lambda: st.session_state.pop(PENDING, None))
        options = {p.id: p for p in candidates(lib, place, mentions)}
        st.selectbox("Another place this name could mean", list(options), index=None, key="corr_pick",
                     format_func=lambda i: _label(options[i]) if i in options else i,
                     placeholder="Choose a place…")
        st.button("Apply", key="corr_apply", on_click=guard.callback(_apply_choice), args=(lib, mentions, options, place))
        st.caption("…or drop a pin")
        if st.session_state.get("corr_for") != place.id:  # prefill with the place shown
            st.session_state.update(corr_for=place.id, corr_lat=place.lat, corr_lon=place.lon)
            st.session_state.pop(keys.PIN_FROM_CLICK, None)
        st.toggle("Click the map to place the pin", key=keys.PIN_BY_CLICK,
                  help="Zoom in where the place really is and click there; then Apply pin.")
        if st.session_state.get(keys.PIN_BY_CLICK) and st.session_state.get(keys.PIN_FROM_CLICK):
            st.caption("Pin from your click on the map:")
        cols = st.columns(2)
        cols[0].number_input("Latitude", -90.0, 90.0, step=0.01, format="%.5f", key="corr_lat")
        cols[1].number_input("Longitude", -180.0, 180.0, step=0.01, format="%.5f", key="corr_lon")
        st.button("Apply pin", key="corr_pin", on_click=guard.callback(_apply_pin), args=(lib, mentions, place))
        mine = corrections_for(store, mentions)
        for c in reversed(mine):
            where = f" in {c.context.replace('country:', '')}" if c.context else ""
            if access.may_undo(lib, c.id):  # each user undoes their own
                st.button(plain(f"Undo: {c.name} → {c.place.name}{where}"), key=f"undo_{c.id}",
                          on_click=guard.callback(undo), args=(lib, c))
        if mine:
            st.download_button("Export corrections (JSON)", lambda: to_json(store.corrections()),
                               "corrections.json", "application/json", key="corr_export")
