"""What is loaded in this session, and removing an article from it."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Articles · Places in the news", page_icon="🗺️", layout="wide")

from geo.filters import place_rows  # noqa: E402
from geo.library import title_of  # noqa: E402
from geo.popups import escape  # noqa: E402
from ui import state  # noqa: E402

TEXT_STYLE = "white-space:pre-wrap;max-height:24em;overflow:auto;font-size:.9em"


def remove(doc_id: str) -> None:
    state.library().remove(doc_id)


lib = state.library()
st.title("Articles")
if not len(lib):
    st.info("No articles loaded. Upload or paste some on the map page.")
for parsed in lib.documents():
    doc, events = parsed.doc, parsed.events
    with st.container(border=True):
        head, button = st.columns([6, 1])
        head.html(f"<div style='font-weight:600;font-size:1.1em'>{escape(title_of(parsed, 160))}</div>")
        facts = [doc.source, doc.date, doc.media_type, f"{len(parsed.sentences)} sentences",
                 f"{len(parsed.places())} places", f"{len(events)} mentions", f"id {doc.id}"]
        head.caption(" · ".join(escape(str(f)).replace("$", "&#36;") for f in facts if f))
        button.button("Remove", key=f"remove_{doc.id}", on_click=remove, args=(doc.id,), width="stretch")
        with st.expander("Places"):
            st.dataframe([{k: v for k, v in row.items() if k != "place_id"} for row in place_rows(events)],
                         hide_index=True, width="stretch")
        with st.expander("Text"):
            st.html(f"<div style='{TEXT_STYLE}'>{escape(doc.text)}</div>")
