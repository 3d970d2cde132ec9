"""What the dashboard pages share: the cached pipeline, web assets, and the article library.

Streamlit glue only; every decision lives in the geo library.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from geo.map import assets, basemap

from geo.text import limits
from geo.errors import GeoError
from geo.library import Library, MemoryLibrary, StoreLibrary, bulk
from geo.library.bulk import Outcome, Upload
from geo.store import DEMONYM, Store, resolve_url
from ui import access, keys
from ui.outcome import ADDED, ALREADY, PARSE_FAILED, STORE_FAILED, LoadResult  # noqa: F401 - ui.state's names, as before
from ui.text import plain

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"  # Streamlit serves <app dir>/static at /app/static
SEEDS = ROOT / "seeds"
UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
log = logging.getLogger(__name__)


@st.cache_resource
def settle_imports() -> None:
    """Once per server: move the objects of the imported modules (streamlit, folium, pandas:
    millions) out of the collector's sight. Reading a large library creates many objects, and
    every full collection would rescan all of those modules: half a second of a first render."""
    gc.freeze()


@st.cache_resource
def settle_library() -> None:
    """Once per server, after the first read of the library: its events live as long as the
    library's cache, so the map and table built next need not rescan them either."""
    gc.freeze()


def ensure_gazetteer() -> None:
    """The first start builds the gazetteer index (about a minute): show each step, not a
    silent spinner. Later starts find the index and skip this."""
    from geo.gazetteer.build import default_path, ensure

    if os.environ.get("GEO_GAZETTEER") or default_path().exists():
        return
    with st.status("First start: building the gazetteer index (about a minute)…", expanded=True) as status:
        ensure(default_path(), progress=status.write)
        status.update(label="Gazetteer index ready", state="complete", expanded=False)


@st.cache_resource(show_spinner="Loading the gazetteer and the language model…")
def pipeline():
    from geo.geoparse.pipeline import load_pipeline  # lazy: the page must render an error if it is missing

    return load_pipeline()


@st.cache_resource(show_spinner="Preparing the offline map…")
def web_assets() -> assets.AssetReport:
    """Idempotent and quick once done; run here too so a fresh checkout works without `geo assets`."""
    return assets.install_assets(STATIC)


def current_basemap() -> basemap.Basemap:
    return basemap.choose_basemap(STATIC)  # the network probe inside is cached for minutes


def local_assets_ready() -> bool:
    return assets.vendor_ready(STATIC)


def seed_articles() -> list[Upload]:
    """The sample articles, titled from seeds/titles.json: the text opens with a sentence too
    long to be its own title, and it was stored with none."""
    titles = json.loads((SEEDS / "titles.json").read_text(encoding="utf-8"))
    return [Upload(p.name, p.read_bytes(), title=titles.get(p.name, "")) for p in sorted(SEEDS.glob("*.txt"))]


def _seed(lib: Library) -> str:
    """Put the sample articles in an empty library, the way every article comes in
    (geo.library.bulk.ingest); the error message if that failed. Not in the failure log, which
    lists what users gave."""
    try:
        report = bulk.ingest(lib, seed_articles(), engine=bulk.HERE, pipeline=pipeline, log=False)
    except Exception as exc:  # noqa: BLE001 - the app must still open without the seed
        log.exception("seed article failed")
        return f"The sample article could not be loaded: {exc}"
    for name, why in report.failed[:1]:
        log.warning("seed article %s failed: %s", name, why)
        return f"The sample article could not be loaded: {why}"
    return ""


@st.cache_resource(show_spinner="Opening the article library…")
def open_store(url: str, read_only: bool = False) -> Store:
    return Store.open(url, read_only=read_only)


@st.cache_resource(show_spinner=False)
def shared_library(url: str, read_only: bool = False) -> tuple[StoreLibrary, str]:
    """One per process and database, so every visitor sees the same articles; seeded only when
    the process finds the library empty, so removing the sample article is not undone.
    GEO_READ_ONLY opens it read-only: never created, seeded or migrated."""
    lib = StoreLibrary(open_store(url, read_only))
    return lib, ("" if read_only or len(lib) else _seed(lib))


def library_url() -> str:
    """GEO_DATABASE_URL, else library.sqlite in GEO_DATA_DIR: what `geo ingest` writes to."""
    return resolve_url().render_as_string(hide_password=False)


def library() -> Library:
    """The articles on the map: the persistent library, or with GEO_LIBRARY=memory this session's."""
    if os.environ.get("GEO_LIBRARY", "").strip().lower() == "memory":
        if keys.LIBRARY not in st.session_state:
            lib = MemoryLibrary()
            if error := _seed(lib):
                st.session_state[keys.SEED_ERROR] = error
            st.session_state[keys.LIBRARY] = lib
        return st.session_state[keys.LIBRARY]
    try:
        lib, error = shared_library(library_url(), access.read_only())
    except GeoError as exc:  # not cached: the next rerun tries again
        from ui.guard import show_unavailable

        log.warning("library cannot be opened: %s", exc)  # the log has the details; the page, one line
        show_unavailable(exc)
        st.stop()
    if error:
        st.session_state[keys.SEED_ERROR] = error
    st.session_state[keys.LIBRARY] = lib  # callbacks and tests reach it here
    return lib


def upload_limit() -> int:
    """The uploader's own limit in bytes (server.maxUploadSize, MB = 10^6 bytes as the browser
    counts): pasted text and uploads are held to what the browser already enforced."""
    try:
        return int(st.get_option("server.maxUploadSize")) * limits.MB
    except Exception:  # noqa: BLE001 - outside a Streamlit server: the library's own reading
        return limits.max_bytes()


# Hears an upload's result the moment the library tells it (see load_uploads): a plain write,
# such as a dict's __setitem__, never st.session_state's (each use of it is a yield point).
Record = Callable[[LoadResult], None]


def load_one(lib: Library, name: str, data: bytes, title: str = "", progress=None,
             record: Record | None = None) -> LoadResult:
    """Read, parse and store one file; a failure comes back as a result saying which step failed
    (read and parse, or store), never as an exception, and is recorded beside the library (the
    Articles page lists them). ``progress(done, total)`` hears of each window of a long text;
    ``record``, the result before any Streamlit call."""
    result = ingest(lib, Upload(name, data, title=title, source="pasted text" if title else "",
                                max_bytes=upload_limit()), progress, record)
    if result.outcome == ADDED:
        # After ``record``: a rerun raised at this yield point costs the framing, not the result.
        st.session_state[keys.FRAME_ALL] = True  # the next map frames what was added, not the last view
    return result


def ingest(lib: Library, item: Upload, progress=None, record: Record | None = None) -> LoadResult:
    """One upload through the library's one ingest path (geo.library.bulk.ingest, parsing here
    with the cached pipeline), told as the page says it; failures are logged with the user.

    Control flow passes through: Streamlit's rerun or stop raised in ``progress`` (a
    BaseException) leaves nothing stored or recorded, and the next run reads the file again;
    Ctrl-C, which the library turns into an interrupted report, is raised again here."""
    from ui import failures

    told: list[LoadResult] = []

    def tell(outcome: Outcome) -> None:
        told.append(result := result_of(lib, outcome))
        if record is not None:
            record(result)

    try:
        report = bulk.ingest(lib, [item], engine=bulk.HERE, pipeline=pipeline, on_window=progress, on_item=tell,
                             step="upload", who=access.current_user(), word=failures.word)
    except Exception as exc:  # noqa: BLE001 - no parser (the model would not load): this file fails alone
        told.append(failures.failed(lib, item.name, failures.message(item.name, exc)))
        if record is not None:
            record(told[-1])
        return told[-1]
    if report.interrupted:
        raise KeyboardInterrupt
    return told[-1]


def result_of(lib: Library, item: Outcome) -> LoadResult:
    if item.outcome == "added":
        parsed = item.parsed
        places = {r.place.id for r in parsed.resolutions if r.place is not None and r.mention.label != DEMONYM}
        return LoadResult(item.name, ADDED, places=len(places), events=len(parsed.events), notes=tuple(parsed.notes))
    if item.outcome == "existing":  # before parsing (the id is the text's hash), or another session's meanwhile
        return already(lib, item.name, item.doc_id)
    if item.step == "store":  # kept with its parse: stored on the next run
        return LoadResult(item.name, STORE_FAILED, error=item.reason, parsed=item.parsed)
    return LoadResult(item.name, PARSE_FAILED, error=item.reason)


def already(lib: Library, name: str, doc_id: str) -> LoadResult:
    try:
        info = next((a for a in lib.articles() if a.id == doc_id), None)
    except Exception:  # noqa: BLE001 - the count is a detail; the outcome is known
        info = None
    return LoadResult(name, ALREADY, places=info.n_places if info else 0, events=info.n_events if info else 0)


def retry(lib: Library, result: LoadResult, record: Record | None = None) -> LoadResult:
    """A result again: stored now if its store failed (from the parse it kept), else as it was."""
    if result.retry and result.parsed is not None:
        return ingest(lib, Upload(result.name, parsed=result.parsed), record=record)
    return result


def load_uploads(lib: Library, files: list) -> list[LoadResult]:
    """Parse the files not seen before, with progress; returns the results of every file given.

    Results are remembered per upload id, so each stays next to its file on every later run
    (another session's change reruns the page: the result must survive it), a file removed from
    the library is not re-added by the next rerun, and a file whose store failed is stored again.

    A result goes into ``seen`` (a plain dict) the moment the library tells it: a rerun the
    browser asks for while a file is parsed is raised at the page's next yield point, and every
    use of st.session_state is one. Recorded after such a point, a stored file's result was
    lost and the rerun said "already in the library" (tests/test_control_flow.py).
    """
    seen: dict[str, LoadResult] = st.session_state.setdefault(keys.UPLOADS_SEEN, {})
    for f in files:
        if f.file_id in seen and seen[f.file_id].retry:
            retry(lib, seen[f.file_id], record=functools.partial(seen.__setitem__, f.file_id))
    new = [f for f in files if f.file_id not in seen]
    if new:
        with st.status(f"Reading {len(new)} file{'s' if len(new) > 1 else ''}…", expanded=True) as status:
            bar = st.progress(0.0)
            for i, f in enumerate(new, 1):
                label = plain(f"Parsing {f.name} ({i}/{len(new)})")  # user text: never markup
                status.update(label=label + "…")
                load_one(lib, f.name, f.getvalue(), record=functools.partial(seen.__setitem__, f.file_id),
                         progress=lambda done, total: status.update(
                             label=f"{label}: part {done} of {total}…") if total > 1 else None)
                bar.progress(i / len(new))
            failed = sum(1 for f in new if seen[f.file_id].error)
            status.update(label=f"Read {len(new) - failed} of {len(new)} files", expanded=False,
                          state="error" if failed == len(new) else "complete")
    return [seen[f.file_id] for f in files if f.file_id in seen]


def show_results(results: list[LoadResult]) -> None:
    """Each upload's outcome, plainly, on every run: added and already stored in one line per
    file, each failure in its own box saying which step failed, a Retry for failed stores."""
    for outcome, box in ((ADDED, st.success), (ALREADY, st.info)):
        lines = [r.line() for r in results if r.outcome == outcome]
        if lines:
            box("\n".join(f"- {plain(line)}" for line in lines))
    for r in results:
        if r.error:
            st.error(plain(r.error), icon=":material/warning:")
        for note in r.notes:
            st.warning(plain(f"{r.name}: {note}"), icon=":material/public:")
    if any(r.retry for r in results):
        st.button("Retry storing", key="upload_retry", help="Stores what was read but could not be stored.")
