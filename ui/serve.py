"""`python -m ui.serve [streamlit options]`: the dashboard, as `streamlit run app.py` serves it,
with the server's once-per-process work begun as the process starts instead of in its first
visitor's run (scripts/run.sh starts it so).

Streamlit has no server-start hook, and the first script run paid for the page's imports
(streamlit-folium, folium, altair, pandas: 1.6 s) and the library's counts (1.2 s at a million
events on SQLite, idle; up to 20 s under load on PostgreSQL) while a team's first user after a
deploy watched a blank page. Here a thread does both while the server starts: it fills the
same caches the page reads (the modules are the ones app.py imports, the counts are
ui.map_at_scale's, per version of the library), and a visitor who comes before it is done
waits only for what is left (the counts' lock), never for a second count.
"""

from __future__ import annotations

import ast
import importlib
import logging
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
log = logging.getLogger(__name__)
# What the page's own modules (ui.*) import at length, without them: streamlit_folium registers
# its component only when imported inside a script run, so ui.map_at_scale and the views that
# import it are left to the first one (they cost little once these are loaded).
LIBRARIES = ["folium", "branca", "jinja2", "altair", "pandas", "geo.map.view_layer", "geo.map.event_layer"]


def app_modules(path: Path = APP) -> list[str]:
    """The modules a page imports at its top level, read from its source: importing the page
    itself would run it."""
    names: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def warm() -> None:
    """The page's imports, then the library and its counts, in the caches the page uses."""
    for name in [*(n for n in app_modules() if n.split(".")[0] != "ui"), *LIBRARIES]:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # a name imported from a module, not a module of its own

    from geo.errors import GeoError
    from ui import access, answers, state

    if os.environ.get("GEO_LIBRARY", "").strip().lower() == "memory":
        return  # each visitor's own library: nothing shared to read ahead
    try:
        lib, _error = state.shared_library(state.library_url(), access.read_only())
    except GeoError as exc:  # the first visitor's page says it, in one line
        log.warning("library cannot be opened: %s", exc)
        return
    answers.facets(lib)
    lib.titles()


def _warm_logged() -> None:
    try:
        warm()
    except Exception:  # noqa: BLE001 - the first visitor's run reads it all anyway, and says what failed
        log.exception("warming the dashboard up failed")


def main(argv: list[str]) -> int:
    from streamlit.web import cli

    threading.Thread(target=_warm_logged, name="geo-warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
