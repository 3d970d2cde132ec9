"""Where the project keeps its files, overridable through the environment."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(create: bool = True) -> Path:
    """GEO_DATA_DIR, else the XDG data directory: the gazetteer index and the library live here.
    ``create=False`` only names it (a library opened read-only creates nothing)."""
    configured = os.environ.get("GEO_DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        path = Path(base) / "geo-events-map"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
