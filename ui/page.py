"""The page setup every page shares; called first, before any other Streamlit command."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# Our own pin, sent inline: an emoji would load Streamlit's emoji catalogue (0.4 s) and a
# Material icon is fetched from Google's font servers, which offline users cannot reach.
ICON = Path(__file__).with_name("icon.svg")


def setup(title: str) -> None:
    st.set_page_config(page_title=title, page_icon=ICON, layout="wide")
    from ui.access import require_login

    require_login()  # a no-op unless a login is configured (ui/access.py)
