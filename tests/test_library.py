"""The dashboard's Library seam: the persistent StoreLibrary behaves like MemoryLibrary."""

from __future__ import annotations

import pytest

from factories import KHERSON, MARIUPOL, parse_by_hand, seed_parsed
from geo.errors import StoreError
from geo.library import MemoryLibrary, StoreLibrary
from geo.store import Store

OTHER = parse_by_hand("Shelling in Mariupol again.", {"Mariupol": MARIUPOL}, title="Mariupol", source="b.txt")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "library.sqlite") as s:
        yield s


@pytest.fixture(params=["memory", "store"])
def lib(request, store):
    return MemoryLibrary() if request.param == "memory" else StoreLibrary(store)


def test_add_remove_set_date_and_version(lib):
    versions = [lib.version]
    assert lib.add(seed_parsed()) and not lib.add(seed_parsed())  # the same text is kept once
    versions.append(lib.version)
    assert lib.add(OTHER)
    versions.append(lib.version)
    seed_id = seed_parsed().doc.id
    assert len(lib) == 2 and seed_id in lib and "nope" not in lib
    assert lib.titles()[OTHER.doc.id] == "Mariupol"
    lib.set_date(seed_id, "2023-06-04")
    versions.append(lib.version)
    info = {a.id: a for a in lib.articles()}
    assert info[seed_id].date == "2023-06-04" and info[OTHER.doc.id].source == "b.txt"
    assert info[seed_id].n_mentions == len(seed_parsed().place_mentions) and info[seed_id].n_places == 4
    with pytest.raises(StoreError):
        lib.set_date(seed_id, "June 4th")
    assert lib.remove(seed_id) and not lib.remove(seed_id)
    versions.append(lib.version)
    assert len(set(versions)) == len(versions)  # every change, a new version
    assert {e.place.name for e in lib.place_mentions()} == {"Mariupol"}  # the other article's events stay
    assert lib.get(seed_id) is None and lib.get(OTHER.doc.id).doc.text == OTHER.doc.text


def test_store_library_reads_once_per_version(store):
    lib = StoreLibrary(store)
    lib.add(seed_parsed())
    first = lib.place_mentions()
    assert lib.place_mentions() is first  # cached: the map page reruns on every click
    assert {e.place.id for e in first} == {e.place.id for e in seed_parsed().place_mentions}
    assert lib.get(seed_parsed().doc.id) is lib.get(seed_parsed().doc.id)
    lib.add(OTHER)
    assert lib.place_mentions() is not first and len(lib.place_mentions()) == len(first) + 1


def test_store_library_notices_writes_from_other_processes(store):
    lib = StoreLibrary(store, recheck_s=0)
    lib.add(seed_parsed())
    assert len(lib) == 1
    version = lib.version
    with Store.open(store.url) as other:  # as `geo ingest` in another process would
        other.save(OTHER)
    assert lib.version != version and len(lib) == 2 and OTHER.doc.id in lib
    assert "Kherson" in {e.place.name for e in lib.place_mentions()} and KHERSON.id in {e.place.id for e in lib.place_mentions()}


def test_store_library_is_persistent(store):
    StoreLibrary(store).add(seed_parsed())
    with Store.open(store.url) as reopened:
        assert [a.id for a in StoreLibrary(reopened).articles()] == [seed_parsed().doc.id]


def test_the_panel_reads_only_the_sentences_it_shows(lib):
    """Context for the panel: the sentences asked for, by index, without reading the article."""
    seed = seed_parsed()
    lib.add(seed)
    got = lib.sentences(seed.doc.id, [-1, 0, 2, len(seed.sentences)])
    assert got == {0: seed.sentences[0], 2: seed.sentences[2]}
    assert lib.sentences("nope", [0]) == {}
    if isinstance(lib, StoreLibrary):
        assert not lib._parsed  # noqa: SLF001 - no parse was read for it


def test_the_parse_cache_is_bounded_by_size_not_only_by_count(store):
    from factories import run_on_parse

    lib = StoreLibrary(store)
    big = run_on_parse(size=200_000)
    for parsed in (big, OTHER, seed_parsed()):
        assert lib.add(parsed)
    lib.PARSED_WEIGHT = 500_000  # the 200 KB text alone weighs 2 x 200,000 + 200 x 8,000 mentions
    assert lib.get(big.doc.id) is not None  # the one asked for is always kept
    lib.get(OTHER.doc.id)
    assert list(lib._parsed) == [OTHER.doc.id]  # noqa: SLF001 - the huge one made room
    lib.get(seed_parsed().doc.id)
    assert list(lib._parsed) == [OTHER.doc.id, seed_parsed().doc.id]  # noqa: SLF001
