"""The map page's layout rules: the map as the page.

The map's frame is as tall as the viewport less the page's top line and the timeline (a server cannot know a
screen's height, so CSS sizes it and geo.map.fill makes the map follow), the page's side margins
are narrow, and the feed marks the chosen event. Below 640 px Streamlit stacks the columns: the
map comes first, the feed and the panel under it, reached with the "Event ↓" button.
"""

from __future__ import annotations

import streamlit as st

CSS = """<style>
.stMainBlockContainer { padding: 3.4rem 1rem 2rem 1rem; max-width: none; }
.st-key-geo-top h1 { font-size: 1.45rem; padding: 0; line-height: 2.2rem; }
/* The map and, under it, the timeline fill the screen. */
.st-key-geo-map iframe { height: max(380px, calc(100dvh - 262px)) !important; }
.st-key-geo-map-tall iframe { height: max(380px, calc(100dvh - 118px)) !important; }
#geo-panel { scroll-margin-top: 4rem; }
div:has(> .st-key-geo-feed) { height: max(220px, calc(50dvh - 80px)) !important; }
.st-key-geo-feed [role="radiogroup"] { gap: 0; width: 100%; }
.st-key-geo-feed [role="radiogroup"] > div { width: 100%; padding: 2px 6px; border-radius: 6px; min-width: 0; }
.st-key-geo-feed [role="radiogroup"] > div:hover { background: rgba(128, 128, 128, .08); }
.st-key-geo-feed [role="radiogroup"] > div:has(input:checked) { background: rgba(255, 193, 7, .3); }
.st-key-geo-feed [data-testid="stRadioCaption"] { min-width: 0; max-width: 100%; overflow: hidden; }
.st-key-geo-feed [data-testid="stRadioCaption"] p { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.st-key-geo-jump { display: none; }
@media (max-width: 640px) {
  .stMainBlockContainer { padding-top: 3.6rem; padding-left: .5rem; padding-right: .5rem; }
  .st-key-geo-top h1 { font-size: 1.15rem; line-height: 1.6rem; }
  .st-key-geo-map iframe, .st-key-geo-map-tall iframe { height: max(320px, calc(100dvh - 150px)) !important; }
  .st-key-geo-jump { display: block; position: fixed; left: auto; right: 12px; bottom: 64px; width: auto !important; z-index: 1000; }
  .st-key-geo-jump a { background: #1f4e79; color: #fff !important; padding: 8px 14px; border-radius: 18px;
                       text-decoration: none; box-shadow: 0 1px 5px rgba(0,0,0,.4); font-size: 14px; }
}
</style>"""


def page_style() -> None:
    st.html(CSS)


def jump_to_panel() -> None:
    """On a phone the panel is below the map and the feed: one tap takes the reader there."""
    with st.container(key="geo-jump"):
        st.html("<a href='#geo-panel'>Event ↓</a>")


def panel_anchor() -> None:
    st.html("<div id='geo-panel'></div>")
