"""One filter, one answer: for every field of ``EventFilter``, the dashboard's lists (the table and
the map: ``apply``, ``apply_events``), the map at scale (SQL through ``aggregate.store_filter``) and
`geo export` (``stored_mentions``, ``stored_events``) keep the same rows."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from geo import filters
from geo.filters import EventFilter
from geo.library import StoreLibrary
from geo.map import aggregate
from geo.store import DEMONYM, Store
from geo.types import Place
from test_filters import OSKIL
from test_store import KHERSON, KYIV, PARIS, make_doc
from test_store_events import CLASH, DRONE, SHELLING, with_events

KUPIANSK = Place("gn:704422", "Kupiansk", 49.71, 37.62, "city", "UA", "Kharkiv Oblast", "UA.07", 26000)
RUSSIA = Place("cc:RU", "Russia", 61.5, 105.3, "country", "RU")
AROUND_KYIV = {"type": "Polygon", "coordinates": [[[29.5, 49.5], [31.5, 49.5], [31.5, 51.0], [29.5, 51.0], [29.5, 49.5]]]}


def _demonym(parsed, name):
    """``name``'s mentions labelled as nationality words ("Russian forces": Russia)."""
    return dataclasses.replace(parsed, resolutions=[
        dataclasses.replace(r, mention=dataclasses.replace(r.mention, label=DEMONYM)) if r.mention.text == name else r
        for r in parsed.resolutions])


STRIKES = with_events(
    _demonym(make_doc(["Russian forces shelled Kherson on Monday, killing two civilians.",
                       "Drones struck near Kyiv overnight."],
                      {"Russian": RUSSIA, "Kherson": KHERSON, "Kyiv": KYIV}, title="strikes", date="2023-06-07"),
             "Russian"),
    (0, SHELLING, "Kherson", "2023-06-05", ("Russian forces", "Civilians (Ukraine)"), 2),
    (1, DRONE, "Kyiv", "2023-06-06", (), None),
)
FRONT = with_events(
    make_doc(["Russian troops crossed the Oskil near Kupiansk.", "Fighting went on somewhere."],
             {"Oskil": OSKIL, "Kupiansk": KUPIANSK}, title="front", date="2023-05"),
    (0, CLASH, "Kupiansk", None, ("Russian forces", "Ukrainian forces"), None),
    (1, CLASH, None, None, (), None),
)
ABROAD = with_events(
    make_doc(["Paris condemned the strike on Kyiv."], {"Paris": PARIS, "Kyiv": KYIV}, title="abroad"),
    (0, DRONE, "Kyiv", "2023-06-06", ("Russian forces",), None),
)

# Each field of EventFilter with values that keep some rows and drop others.
CASES = {
    "countries": [("UA",), ("FR", "RU")],
    "regions": [("Kharkiv Oblast",), ("Khersonska oblast",)],
    "features": [("river",), ("city", "country")],
    "doc_ids": [(STRIKES.doc.id,), (FRONT.doc.id, ABROAD.doc.id)],
    "sources": [("strikes.txt",), ("front.txt", "abroad.txt")],
    "date_from": ["2023-06-06", "2023-05"],
    "date_to": ["2023-06-05", "2023-05"],
    "bbox": [(46.0, 32.0, 47.0, 33.0), (49.0, 30.0, 51.0, 38.0)],
    "shape": [AROUND_KYIV],
    "types": [("Battles",)],
    "sub_types": [(DRONE[1],), (SHELLING[1], CLASH[1])],
    "actors": [("Russian forces",), ("Ukrainian forces",)],
    "demonyms": [True, False],
}


def test_every_field_has_a_case():
    assert set(CASES) == {f.name for f in dataclasses.fields(EventFilter)}


@pytest.fixture(scope="module")
def library(geo_data_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("one-filter") / "library.sqlite"
    with Store.open(path) as store:
        for parsed in (STRIKES, FRONT, ABROAD):
            assert store.save(parsed)
        yield store, StoreLibrary(store), path


def _mentions(rows):
    return sorted((m.doc_id, m.mention.start, m.place.id) for m in rows)


def _events(rows):
    return sorted((e.doc_id, e.sentence.index, e.sub_type, e.place.id if e.place else "") for e in rows)


@pytest.mark.parametrize("field, value", [(k, v) for k, values in CASES.items() for v in values])
def test_the_table_the_map_and_the_export_keep_the_same_rows(library, field, value, capsys):
    store, lib, path = library
    f = EventFilter(**{field: value})
    articles = {a.id: a for a in lib.articles()}

    shown = f.apply(lib.place_mentions(), articles)
    assert _mentions(shown) == _mentions(filters.stored_mentions(store, f)), field
    events = f.apply_events(lib.events(), articles)
    assert _events(events) == _events(filters.stored_events(store, f)), field
    with store._read() as conn:  # noqa: SLF001 - the map at scale reads its own SQL
        at_scale = aggregate.first(conn, aggregate.store_filter(conn, f), 1000)
    assert _events(events) == _events(at_scale), field
    everything = EventFilter(demonyms=True)
    if field != "demonyms":  # each case narrows: a test that keeps everything proves nothing
        assert len(shown) < len(everything.apply(lib.place_mentions(), articles)) or \
            len(events) < len(everything.apply_events(lib.events(), articles)), field


def test_geo_export_writes_what_the_table_shows(library, capsys):
    from geo.cli import main

    store, lib, path = library
    articles = {a.id: a for a in lib.articles()}
    for args, f in ((["--demonyms"], EventFilter(demonyms=True)), ([], EventFilter()),
                    (["--source", "strikes.txt"], EventFilter(sources=("strikes.txt",)))):
        capsys.readouterr()
        assert main(["export", "--db", str(path), "--format", "csv", *args]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert len(rows) == len(f.apply(lib.place_mentions(), articles)), args
    assert len(EventFilter().apply(lib.place_mentions(), articles)) < \
        len(EventFilter(demonyms=True).apply(lib.place_mentions(), articles))  # "Russian" is no place unless asked
