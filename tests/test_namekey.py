"""One name key for corrections, the geocoder cache and the gazetteer's loose matching."""

from __future__ import annotations

from factories import parse_by_hand
from geo.library.corrections import apply_corrections
from geo.geocoders.cache import GeocodeCache
from geo.gazetteer.namekey import name_key
from geo.gazetteer.names import loose
from geo.store import Correction
from geo.types import Place

SIEVIERODONETSK = Place("gn:1", "Sievierodonetsk", 48.95, 38.49, "city", "UA", "Luhansk Oblast", "UA.14", 100000)
ELSEWHERE = Place("user:48.9,38.4", "a pin", 48.9, 38.4, "city", "UA", source="user")


def test_romanisations_share_one_key_and_a_key_is_its_own_key():
    spellings = ["Severodonetsk", "Sievierodonetsk", "Syevyerodonets'k", "SEVERODONETSK"]
    assert len({name_key(s) for s in spellings}) == 1
    assert name_key(name_key("Kupiansk")) == name_key("Kupiansk") == name_key("Kupyansk")
    assert name_key("Kherson") != name_key("Kharkiv")
    assert name_key("Sievierodonetsk") == loose("Sievierodonetsk")  # the gazetteer's loose key


def test_a_correction_for_one_spelling_applies_to_another():
    parsed = parse_by_hand("Shelling hit Sievierodonetsk overnight.", {"Sievierodonetsk": SIEVIERODONETSK})
    # Stored the way the store writes names ("severodonetsk"), as the user typed another spelling.
    fixed = apply_corrections(parsed, [Correction(1, "severodonetsk", "", ELSEWHERE, "", True)])
    assert fixed.resolutions[0].place == ELSEWHERE


def test_the_geocoder_cache_answers_every_spelling(tmp_path):
    cache = GeocodeCache(tmp_path / "cache.sqlite")
    cache.put("nominatim", "Severodonetsk", None, 5, [SIEVIERODONETSK])
    assert cache.get("nominatim", "Sievierodonetsk", None, 5) == [SIEVIERODONETSK]


# Issue 17: one name key. Case, an apostrophe variant and an invisible character (a zero-width
# space pasted from a web page) are one name.
SPELLINGS = ["Sievierodonets'k", "SIEVIERODONETS'K", "Sievierodonets\u2019k", "Sievierodo\u200bnets'k",
             "Sievierodonetsk"]
ANOTHER = Place("gn:2", "Another reading", 48.9, 38.4, "city", "UA", "Luhansk Oblast", "UA.14", 20000)


def test_a_correction_under_one_spelling_is_user_set_and_undone_under_every_spelling(tmp_path):
    from geo.library.corrections import correct, reparse
    from geo.library import StoreLibrary
    from geo.store import Store
    from ui.corrections import articles_naming, corrections_for, is_user_set, user_set_ids

    def text(spelling):
        return f"Shelling hit {spelling} overnight, officials in Ukraine said."

    class ByHand:  # what a re-parse after the undo asks: the gazetteer's reading again
        def parse(self, doc, refine=True):
            [spelling] = [s for s in SPELLINGS if doc.text == text(s)]
            return parse_by_hand(doc.text, {spelling: SIEVIERODONETSK})

    parses = {s: parse_by_hand(text(s), {s: SIEVIERODONETSK}) for s in SPELLINGS}
    with Store.open(tmp_path / "library.sqlite") as store:
        for parsed in parses.values():
            store.save(parsed)
        first = parses[SPELLINGS[0]]
        store.replace_resolutions(first.doc.id, correct(store, first, 0, ANOTHER))
        [correction] = store.corrections()
        for parsed in parses.values():
            store.replace_resolutions(parsed.doc.id, apply_corrections(parsed, store.corrections()))
        lib = StoreLibrary(store)

        def mentions(spelling):
            found = [e for e in lib.place_mentions() if e.mention.text == spelling]
            assert found, spelling
            return found

        for s in SPELLINGS:
            assert mentions(s)[0].place == ANOTHER, s
            assert is_user_set(ANOTHER, mentions(s), lib) and user_set_ids(lib, mentions(s)) == {ANOTHER.id}, s
            assert corrections_for(store, mentions(s)) == [correction], s  # the undo list offers it
        assert articles_naming(lib, correction) == {p.doc.id for p in parses.values()}

        assert store.undo_correction(correction.id)
        for doc_id in articles_naming(lib, correction):  # as the page's undo does
            lib.replace(doc_id, reparse(store, ByHand(), doc_id))
        for s in SPELLINGS:
            assert mentions(s)[0].place == SIEVIERODONETSK, s
            assert not is_user_set(SIEVIERODONETSK, mentions(s), lib) and user_set_ids(lib, mentions(s)) == set(), s
            assert corrections_for(store, mentions(s)) == [], s


def test_the_one_key_folds_what_casefolding_folds():
    assert name_key("Straße") == name_key("STRASSE") == name_key("Strasse")
    assert name_key("Ｋｙｉｖ") == name_key("Kyiv")  # full-width letters pasted from a CJK page


def test_a_correction_applies_to_the_very_spelling_it_was_stored_under():
    # The store keeps names casefolded ("straße" -> "strasse"); matching must fold the same way.
    from geo.store import spelling

    parsed = parse_by_hand("Protesters gathered on Hauptstraße overnight.", {"Hauptstraße": SIEVIERODONETSK})
    fixed = apply_corrections(parsed, [Correction(1, spelling("Hauptstraße"), "", ELSEWHERE, "", True)])
    assert fixed.resolutions[0].place == ELSEWHERE
