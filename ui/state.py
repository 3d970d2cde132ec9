"""What the dashboard pages share: the cached pipeline, web assets, and the session's articles.

Streamlit glue only; every decision lives in the geo library.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from geo import assets, basemap
from geo.errors import GeoError, IngestError
from geo.ingest import read
from geo.library import MemoryLibrary
from geo.types import ParsedDocument
from ui.text import plain

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"  # Streamlit serves <app dir>/static at /app/static
SEED = ROOT / "seeds" / "000_2971140ada78fed4.txt"
UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
log = logging.getLogger(__name__)


@st.cache_resource(show_spinner="Loading the gazetteer and the language model…")
def pipeline():
    from geo.pipeline import load_pipeline  # lazy: the page must render an error if it is missing

    return load_pipeline()


@st.cache_resource(show_spinner="Preparing the offline map…")
def web_assets() -> assets.AssetReport:
    """Idempotent and quick once done; run here too so a fresh checkout works without `geo assets`."""
    return assets.install_assets(STATIC)


def current_basemap() -> basemap.Basemap:
    return basemap.choose_basemap(STATIC)  # the network probe inside is cached for minutes


def local_assets_ready() -> bool:
    return assets.vendor_ready(STATIC)


@st.cache_data(max_entries=64, show_spinner=False)
def parse_bytes(data: bytes, filename: str) -> ParsedDocument:
    return pipeline().parse(read(data, filename))


@st.cache_resource(show_spinner="Reading the sample article…")
def seed_parsed(path: str = str(SEED)) -> ParsedDocument:
    return pipeline().parse(read(Path(path).read_bytes(), Path(path).name))


def library() -> MemoryLibrary:
    """This session's articles. The seed article is on the map from the first load."""
    if "library" not in st.session_state:
        lib = MemoryLibrary()
        try:
            lib.add(seed_parsed())
        except Exception as exc:  # noqa: BLE001 - the app must still open without the seed
            log.exception("seed article failed")
            st.session_state["seed_error"] = f"The sample article could not be loaded: {exc}"
        st.session_state["library"] = lib
    return st.session_state["library"]


@dataclass
class LoadResult:
    name: str
    error: str = ""
    places: int = 0
    duplicate: bool = False


def load_one(lib: MemoryLibrary, name: str, data: bytes, title: str = "") -> LoadResult:
    """Read, parse and add one file; a failure comes back as a message, never as an exception."""
    try:
        if title:
            doc = dataclasses.replace(read(data, name), title=title.strip(), source="pasted text")
            parsed = pipeline().parse(doc)
        else:
            parsed = parse_bytes(data, name)
    except IngestError as exc:
        return LoadResult(name, error=str(exc))
    except GeoError as exc:
        return LoadResult(name, error=f"{name}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        log.exception("parsing %s failed", name)
        return LoadResult(name, error=f"{name} could not be parsed ({type(exc).__name__}: {exc})")
    added = lib.add(parsed)
    return LoadResult(name, places=len(parsed.places()), duplicate=not added)


def load_uploads(lib: MemoryLibrary, files: list) -> list[LoadResult]:
    """Parse the files not seen before, with progress; returns the results of every file given.

    Results are remembered per upload id, so an error stays next to its file across reruns and a
    file removed from the library is not re-added by the next rerun.
    """
    seen: dict[str, LoadResult] = st.session_state.setdefault("uploads_seen", {})
    new = [f for f in files if f.file_id not in seen]
    if new:
        with st.status(f"Reading {len(new)} file{'s' if len(new) > 1 else ''}…", expanded=True) as status:
            bar = st.progress(0.0)
            for i, f in enumerate(new, 1):
                status.update(label=f"Parsing {f.name} ({i}/{len(new)})…")
                result = seen[f.file_id] = load_one(lib, f.name, f.getvalue())
                st.write(plain(f"✗ {f.name}" if result.error else f"✓ {f.name}: {result.places} places"
                               + (" (already loaded)" if result.duplicate else "")))
                bar.progress(i / len(new))
            failed = sum(1 for f in new if seen[f.file_id].error)
            status.update(label=f"Read {len(new) - failed} of {len(new)} files", expanded=False,
                          state="error" if failed == len(new) else "complete")
    return [seen[f.file_id] for f in files if f.file_id in seen]
