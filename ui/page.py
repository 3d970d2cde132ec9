"""The page setup every page shares; called first, before any other Streamlit command."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

# Our own pin, sent inline: an emoji would load Streamlit's emoji catalogue (0.4 s) and a
# Material icon is fetched from Google's font servers, which offline users cannot reach.
ICON = Path(__file__).with_name("icon.svg")
# The sidebar's links, in place of Streamlit's own list, which would call the map page "app"
# after its file (.streamlit/config.toml turns that list off).
PAGES = [("app.py", "Map"), ("pages/1_Articles.py", "Articles"), ("pages/2_Search_articles.py", "Search the articles"),
         ("pages/3_About.py", "About")]
APP_NAME = "Events map"  # every page's title ends with it; the map page's heading is it


def setup(title: str, sidebar: str = "auto") -> None:
    st.set_page_config(page_title=title, page_icon=ICON, layout="wide", initial_sidebar_state=sidebar)
    from ui.access import require_login

    require_login()  # a no-op unless a login is configured (ui/access.py)
    with st.sidebar:
        try:
            for path, label in PAGES:
                st.page_link(path, label=label)
        except StreamlitAPIException:  # a page run as its own entry point (AppTest) has no others
            pass
        st.divider()
