"""Untrusted text (file names, titles, place names) in Streamlit widgets that render Markdown.

st.error, st.write, st.subheader... read their text as Markdown: a file named
``![x](http://host/a.png).txt`` would become an image fetched from elsewhere. Escape first.
"""

from __future__ import annotations

_MARKDOWN = "\\`*_{}[]()#+-.!|<>~$:"


def plain(text: str) -> str:
    """Backslash-escape every character Markdown (and Streamlit's $LaTeX$, :emoji:) acts on."""
    return "".join("\\" + ch if ch in _MARKDOWN else ch for ch in str(text))
