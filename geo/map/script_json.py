"""Data for a page's <script>: the maps' layers hand their payloads to the browser this way."""

from __future__ import annotations

import json
from typing import Any


def to_script_json(data: Any) -> str:
    """JSON safe to paste inside <script>: no '<' (so no '</script>' or '<!--' ends it early) and no
    Jinja opener ('{{', '{%', '{#'), which JSON only ever produces inside strings."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for opener, escaped in (("{{", "{\\u007b"), ("{%", "{\\u0025"), ("{#", "{\\u0023")):
        text = text.replace(opener, escaped)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
