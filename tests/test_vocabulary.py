"""One vocabulary, one number for one thing: the map page and the Articles page count the same
library the same way, each count named for what it counts (AppTest, real pipeline and library)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT

TIMEOUT = 180


@pytest.fixture(autouse=True)
def library_file(geo_data_dir, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("GEO_DATABASE_URL", str(path))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    return path


def run(page: str, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def number(pattern: str, texts) -> int:
    for text in texts:
        if found := re.search(pattern, text.replace(",", "")):
            return int(found.group(1))
    raise AssertionError(f"{pattern!r} in none of {list(texts)}")


def test_the_pages_count_the_same_library_alike():
    places_view = run("app.py", f_mode="places")  # the seed article is stored on the first run
    said = [i.value for i in places_view.info] + [s.value for s in places_view.subheader]
    places = number(r"(\d+) places? named in", said)
    mentions = number(r"named in (\d+) place mentions?", said)
    assert number(r"^Place mentions \((\d+)\)$", said) == mentions  # the table under the map
    assert len(places_view.selectbox(key="place_pick").options) == places

    events_view = run("app.py")
    events = number(r"^Events \((\d+)\)$", [s.value for s in events_view.subheader])
    assert number(r"^(\d+) events? in \d+ articles?", [i.value for i in events_view.info]) == events

    articles = run("pages/1_Articles.py")
    (row,) = articles.dataframe[0].value.to_dict("records")
    assert (row["events"], row["place mentions"], row["places"]) == (events, mentions, places)
    captions = [c.value for c in articles.caption]
    assert number(r"(\d+) events? reported", captions) == events
    assert number(r"(\d+) place mentions?\.", captions) == mentions
    assert number(r"(\d+) place mentions? of", captions) == mentions and number(r"of (\d+) places?", captions) == places
    assert not any(re.search(r"\d+ mentions\b", c) for c in captions)  # no bare "mentions" left
