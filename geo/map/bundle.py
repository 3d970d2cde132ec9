"""One script for the map's frame: Leaflet, its two plugins and their stylesheets, built at install
time from the copies under ``static/vendor/`` (which come from Python packages: nothing of it is in git).

streamlit-folium's frame loads the scripts it is given one after another, each waiting for the last
one's answer, and links the stylesheets only once every script has run: the map's first paint
waited for three scripts in a row and then drew its cells unstyled until four stylesheets came.
One file is one request, and it applies the styles itself, before the map's own script runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

BUNDLE = "geo-map.js"  # under static/vendor/
# In load order: the plugins extend the L that Leaflet defines.
SCRIPTS = ("leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js", "leaflet-draw/leaflet.draw.js")
STYLES = ("leaflet/leaflet.css", "leaflet.markercluster/MarkerCluster.css",
          "leaflet.markercluster/MarkerCluster.Default.css", "leaflet-draw/leaflet.draw.css")
_RELATIVE_URL = re.compile(r"""url\((['"]?)(?![a-z]+:|/|#)([^'")]+)\1\)""")


def absolute_urls(css: str, base: str) -> str:
    """A stylesheet's relative ``url(...)`` made absolute: the styles no longer sit beside their images."""
    return _RELATIVE_URL.sub(lambda m: f"url({m.group(1)}{base}/{m.group(2)}{m.group(1)})", css)


def bundle_text(vendor_dir: Path, vendor_url: str) -> str | None:
    """The bundle's text, or None while a part is missing (the map then links the parts themselves)."""
    parts = [vendor_dir / rel for rel in SCRIPTS + STYLES]
    if not all(p.is_file() for p in parts):
        return None
    scripts = [f"/* {rel} */\n{(vendor_dir / rel).read_text(encoding='utf-8')}\n;" for rel in SCRIPTS]
    css = "\n".join(absolute_urls((vendor_dir / rel).read_text(encoding="utf-8"), f"{vendor_url}/{Path(rel).parent}")
                    for rel in STYLES)
    style = ("(function() { var s = document.createElement('style'); s.id = 'geo-map-styles';\n"
             f"s.textContent = {json.dumps(css)};\ndocument.head.appendChild(s); }})();\n")
    return "\n".join(scripts) + "\n" + style


def write_bundle(vendor_dir: Path, vendor_url: str) -> bool | None:
    """Write the bundle when its parts changed; True if written, False if already current, None if a part is missing."""
    text = bundle_text(vendor_dir, vendor_url)
    if text is None:
        return None
    target = vendor_dir / BUNDLE
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    partial = target.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # a server reading it meanwhile sees the old file or the new, never half
    return True
