"""Fixtures shared by every test module. Add yours below; keep the others'."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def geo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """GEO_DATA_DIR for the whole run, so the gazetteer index (~40 s) is built at most once.

    ``GEO_TEST_DATA_DIR`` points at a directory whose index is already built, to skip even that.
    Subprocesses started by tests inherit the variable.
    """
    path = os.environ.get("GEO_TEST_DATA_DIR") or str(tmp_path_factory.mktemp("geo-data"))
    before = os.environ.get("GEO_DATA_DIR")
    os.environ["GEO_DATA_DIR"] = path
    yield Path(path)
    if before is None:
        os.environ.pop("GEO_DATA_DIR", None)
    else:
        os.environ["GEO_DATA_DIR"] = before


@pytest.fixture(scope="session")
def pipeline(geo_data_dir):
    """The process-wide pipeline (``load_pipeline`` shares one per process, gazetteer and model
    loaded once); a test switches rules off on it with ``without``."""
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def without(monkeypatch, pipeline):
    """Switch named rules off for one test, as `geo eval --without` does (the pipeline's own
    ``without``, for the test's parses only)."""
    def switch(*names):
        monkeypatch.setattr(pipeline, "without", frozenset(names))
    return switch
