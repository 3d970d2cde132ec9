"""The feed beside the map: the events shown, newest first, one line each (glyph, day, place,
what happened). It is the event chooser: a radio bound to the panel's key, so choosing a line
selects the event on the map and in the panel, and a marker clicked on the map shows as the
chosen line."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

from geo.map.event_layer import TYPE_STYLE, glyph_colour, toll
from geo.types import Event
from ui import keys
from ui.text import plain

FEED_MAX = 300  # lines; more is a table's job (the table under the map has them all)
LINE_CHARS = 90
# Streamlit's Markdown colours nearest to the map's (geo.map.event_layer.TYPE_STYLE).
MARKDOWN_COLOUR = {"Battles": "red", "Explosions/Remote violence": "orange", "Violence against civilians": "violet",
                   "Protests": "green", "Riots": "gray", "Strategic developments": "blue"}
UNDATED = "undated"


def newest_first(keys_: list[str], events: list[Event]) -> list[str]:
    """Keys of the events in date order, newest first; undated last, each article's in its own order."""
    order = sorted(range(len(events)), key=lambda i: (events[i].date or "", -i), reverse=True)
    dated = [i for i in order if events[i].date]
    return [keys_[i] for i in dated + [i for i in range(len(events)) if not events[i].date]]


def what_happened(e: Event) -> str:
    """One line: the sub-event type, the toll when stated, and the start of the sentence."""
    stated = toll(e) if e.fatalities is not None or e.injured is not None else ""
    line = " · ".join(p for p in (e.sub_type, stated, e.sentence.text.strip()) if p)
    return line if len(line) <= LINE_CHARS else line[:LINE_CHARS - 1].rstrip() + "…"


def line(e: Event) -> str:
    """The radio's label: Markdown, every piece of article text escaped."""
    glyph, _colour = glyph_colour(e)
    colour = MARKDOWN_COLOUR.get(e.type, "gray") if e.type in TYPE_STYLE else "gray"
    place = e.place.name if e.place else "no place named"
    return f":{colour}[{plain(glyph)}] **{plain(e.date or UNDATED)}** · {plain(place)}"


def feed(by_key: dict[str, Event], on_change, total: int | None = None) -> str | None:
    """The feed; returns the chosen key. `by_key` holds the events shown, in the map's order;
    `total`, when they are only the newest of more (the map at scale reads a page of those in view)."""
    ordered = newest_first(list(by_key), list(by_key.values()))
    shown = ordered[:FEED_MAX]
    if st.session_state.get(keys.EVENT_PICK) not in shown:
        st.session_state[keys.EVENT_PICK] = None
    if total is not None and total > len(shown):
        caption = f"The newest {len(shown):,} of {total:,} events in view (all in the table)"
    else:
        caption = f"{len(ordered)} event{'' if len(ordered) == 1 else 's'}, newest first" + (
            f" (the first {FEED_MAX} here; all in the table)" if len(ordered) > FEED_MAX else "")
    with st.container(key="geo-feed", height=300, border=True):
        if not shown:
            st.caption("No events with these filters.")
            return None
        pick = st.radio(caption, shown, key=keys.EVENT_PICK, index=None, on_change=on_change,
                        format_func=lambda k: line(by_key[k]), captions=[plain(what_happened(by_key[k])) for k in shown])
    if pick and st.session_state.pop(keys.FEED_FROM_MAP, False):
        scroll_to_pick()
    return pick


SCROLL = """<script>
// A marker clicked on the map: bring its line into the feed's own view. Only the feed scrolls, never
// the page (on a phone the feed is below the map, where the user is not looking).
const feed = window.parent.document.querySelector('.st-key-geo-feed');
const chosen = feed && feed.querySelector('[role="radiogroup"] label:has(input:checked)');
let box = chosen && chosen.parentElement;
while (box && box !== feed.parentElement && !(box.scrollHeight > box.clientHeight + 2
        && /auto|scroll/.test(getComputedStyle(box).overflowY))) { box = box.parentElement; }
if (chosen && box && box !== feed.parentElement) {
  const at = chosen.getBoundingClientRect().top - box.getBoundingClientRect().top;
  if (at < 0 || at > box.clientHeight - chosen.offsetHeight) { box.scrollTop += at - box.clientHeight / 3; }
}
</script>"""


def scroll_to_pick() -> None:
    components.html(SCROLL, height=0)
