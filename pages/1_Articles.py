"""The article library: what is stored, each article's date, and removing one."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.page import setup

setup("Articles · Events map")

from geo.errors import GeoError  # noqa: E402
from geo.filters import day_of, place_rows  # noqa: E402
from geo.library import short_title  # noqa: E402
from geo.map.popups import escape  # noqa: E402
from geo.store import DEMONYM  # noqa: E402
from ui import access, guard, state  # noqa: E402
from ui.text import plain  # noqa: E402

TEXT_STYLE = "white-space:pre-wrap;max-height:24em;overflow:auto;font-size:.9em"
PAGE_SIZE = 20  # cards per page: each may read its article's text from the library
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


@guard.callback
def remove(doc_id: str) -> None:
    if state.library().remove(doc_id):
        access.record(state.library(), "remove", doc_id)


@guard.callback
def set_date(doc_id: str) -> None:
    picked = st.session_state.get(f"date_{doc_id}")
    try:
        state.library().set_date(doc_id, picked.isoformat() if picked else None)
        access.record(state.library(), "set_date", doc_id, picked.isoformat() if picked else "")
    except GeoError as exc:
        if guard.is_outage(exc):
            raise
        st.session_state["date_error"] = str(exc)


def counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def html(text: str) -> str:
    return escape(text).replace("$", "&#36;")  # "$" would start LaTeX in Streamlit markdown


def card(lib, info, events: list) -> None:
    with st.container(border=True):
        head, when, button = st.columns([6, 2, 1], vertical_alignment="center")
        head.html(f"<div style='font-weight:600;font-size:1.1em'>{html(short_title(info.title, info.source, width=160) or info.id)}</div>")
        facts = [info.source, f"added {info.added_at[:16].replace('T', ' ')} UTC", counted(info.n_events, "event"),
                 counted(info.n_mentions, "place mention") + f" of {counted(info.n_places, 'place')}", f"id {info.id}"]
        head.caption(" · ".join(plain(f) for f in facts if f))
        if access.read_only():  # GEO_READ_ONLY: the date is shown, nothing can be changed
            when.caption(plain(f"Date: {info.date or 'none'}"))
        else:
            when.date_input("Date", value=day_of(info.date), min_value=EARLIEST, max_value=LATEST,
                            key=f"date_{info.id}", on_change=set_date, args=(info.id,), format="YYYY-MM-DD",
                            help="From the article when it states one; set or correct it here.")
            button.button("Remove", key=f"remove_{info.id}", on_click=remove, args=(info.id,), width="stretch",
                          help="Removes this article, its events and its place mentions; other articles keep theirs.")
        with st.expander(f"Places ({info.n_places})"):
            st.dataframe([{("place mentions" if k == "mentions" else k): v for k, v in row.items() if k != "place_id"}
                          for row in place_rows(events)],
                         hide_index=True, width="stretch")
        if st.toggle("Show the text", key=f"text_{info.id}"):  # read from the library only when asked
            parsed = lib.get(info.id)
            st.html(f"<div style='{TEXT_STYLE}'>{escape(parsed.doc.text) if parsed else ''}</div>")


def failures(lib) -> None:
    """The files the library could not take (uploads, `geo ingest`, reindex), and why."""
    from geo.library.failures import FailureLog

    store = getattr(lib, "store", None)
    failed = FailureLog.beside(store).failures() if store is not None else []
    if failed:
        with st.expander(f"{len(failed)} file{'s' if len(failed) != 1 else ''} could not be added",
                         icon=":material/error:"):
            st.dataframe([{"file": f.name, "reason": f.reason, "when (UTC)": f.at[:16].replace("T", " "),
                           "step": f.step} for f in failed], hide_index=True, width="stretch")


def main() -> None:
    lib = state.library()
    st.title("Articles")
    if error := st.session_state.pop("date_error", None):
        st.error(plain(error))
    failures(lib)
    infos = lib.articles()
    if not infos:
        st.info("No articles loaded. Upload or paste some on the map page.")
        st.stop()

    by_doc: dict[str, list] = {}
    for mention in lib.place_mentions():
        if mention.mention.label != DEMONYM:  # counted as the map counts them
            by_doc.setdefault(mention.doc_id, []).append(mention)
    st.caption(f"{counted(len(infos), 'article')}: {counted(sum(a.n_events for a in infos), 'event')} reported, "
               f"{counted(sum(a.n_mentions for a in infos), 'place mention')}. Kept between visits; newest first. "
               "Place mentions leave out nationality words (“Russian troops”), as the map does unless asked.")
    st.dataframe([{"title": short_title(a.title, a.source), "source": a.source, "date": a.date or "",
                   "added (UTC)": a.added_at[:16].replace("T", " "), "events": a.n_events,
                   "place mentions": a.n_mentions, "places": a.n_places}
                  for a in infos], hide_index=True, width="stretch")

    pages = -(-len(infos) // PAGE_SIZE)
    if st.session_state.get("articles_page", 1) > pages:  # articles were removed since
        st.session_state["articles_page"] = pages
    page = st.number_input("Page", 1, pages, key="articles_page") if pages > 1 else 1
    for info in infos[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
        card(lib, info, by_doc.get(info.id, []))


guard.run(main)
