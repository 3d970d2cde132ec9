"""A caller's control flow passes through the per-document guards: Ctrl-C, SystemExit and a UI's
stop or rerun raised inside a progress callback are never turned into "could not be parsed".

Streamlit raises its RerunException (a BaseException) at the page's next element when another
session's article or a click asks for a rerun; an upload's window progress draws an element.
"""

from __future__ import annotations

import re

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

from geo.geoparse.windows import Failed, parse_many, parse_or_fail
from geo.library import MemoryLibrary, bulk
from geo.library.bulk import Upload
from geo.types import Document, ParsedDocument

CONTROL = [KeyboardInterrupt, SystemExit, GeneratorExit, lambda: RerunException(None), StopException]


class Pipeline:
    """Parses to an empty parse, or raises ``boom`` (an instance or a class) from the parser."""

    def __init__(self, boom=None):
        self.boom = boom

    def parse(self, doc: Document, *, refine: bool = True) -> ParsedDocument:
        if self.boom is not None:
            raise self.boom()
        return ParsedDocument(doc, [], [], [], [])

    def parse_many(self, docs, batch_size: int = 16):
        return [self.parse(d) for d in docs]


def raising(make):
    def progress(done: int, total: int) -> None:
        raise make()
    return progress


@pytest.mark.parametrize("make", CONTROL)
def test_control_flow_in_a_progress_callback_or_the_parser_passes_through(make):
    kind = type(make())
    doc = Document("Shelling hit Kupiansk overnight.", source="k.txt")
    with pytest.raises(kind):
        parse_or_fail(Pipeline(), doc, progress=raising(make))
    with pytest.raises(kind):
        parse_or_fail(Pipeline(make), doc)
    with pytest.raises(kind):
        list(parse_many(Pipeline(make), [doc]))


@pytest.mark.parametrize("boom", [ValueError, RecursionError, MemoryError])
def test_what_a_text_provokes_still_fails_alone(boom):
    doc = Document("Shelling hit Tokmak overnight.", source="t.txt")
    failed = parse_or_fail(Pipeline(boom), doc)
    assert isinstance(failed, Failed) and failed.doc is doc
    assert [type(r) for r in parse_many(Pipeline(boom), [doc, doc])] == [Failed, Failed]


def test_a_rerun_raised_mid_upload_leaves_nothing_failed_and_the_next_run_adds_it():
    """The dashboard's ingest (engine "here"): the rerun reaches Streamlit, no failure is told,
    logged or stored, and the same upload on the next run is added once."""
    lib = MemoryLibrary()
    told = []
    item = Upload("Orikhiv.txt", b"Shelling hit Orikhiv overnight.")
    with pytest.raises(RerunException):
        bulk.ingest(lib, [item], engine=bulk.HERE, pipeline=Pipeline(), log=False,
                    on_window=raising(lambda: RerunException(None)), on_item=told.append)
    assert told == [] and len(lib) == 0
    report = bulk.ingest(lib, [item], engine=bulk.HERE, pipeline=Pipeline(), log=False, on_item=told.append)
    assert (report.added, report.failed, [o.outcome for o in told], len(lib)) == (1, [], ["added"], 1)


def test_an_upload_stored_as_a_rerun_is_asked_for_says_added_not_already_in_the_library(
        geo_data_dir, tmp_path, monkeypatch):
    """The browser's rerun (another click, a second file, the map's report) lands while an upload
    is being parsed; Streamlit raises it at the page's next yield point, and every use of
    st.session_state is one. Raised after the article was stored and before the page recorded
    it, the result was lost: the rerun parsed the file again and said "already in the library",
    and the page never showed its own "added" (the eight-page browser test, now and then)."""
    from streamlit.runtime.scriptrunner import RerunData, get_script_run_ctx
    from streamlit.testing.v1 import AppTest

    from factories import ROOT
    from geo.library import StoreLibrary

    monkeypatch.setenv("GEO_DATABASE_URL", str(tmp_path / "library.sqlite"))
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    real_add, asked = StoreLibrary.add, []

    def add(self, parsed):
        added = real_add(self, parsed)
        if parsed.doc.source == "Kupiansk.txt" and not asked:  # as a browser's request would arrive
            ctx = get_script_run_ctx()
            asked.append(ctx.script_requests.request_rerun(
                RerunData(query_string=ctx.query_string, page_script_hash=ctx.page_script_hash)))
        return added

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["f_mode"] = "places"
    at.run()
    monkeypatch.setattr(StoreLibrary, "add", add)
    at.file_uploader(key="uploads").set_value([("Kupiansk.txt", b"Shelling hit Kupiansk overnight.", "text/plain")])
    at.run()
    assert asked == [True] and not at.exception, [e.value for e in at.exception]
    said = [e.value.replace("\\", "") for e in (*at.success, *at.info, *at.error)]  # unescaped Markdown
    assert any(re.search(r"Kupiansk\.txt: added, \d+ events?, 1 place", s) for s in said), said
    assert not any("already in the library" in s for s in said), said
