"""Full-text search over stored sentences: SQLite FTS5 and PostgreSQL tsvector, and in memory."""

from __future__ import annotations

import pytest

from factories import KHERSON, MARIUPOL, parse_by_hand
from geo.store import Store
from geo.store.search import search, search_parsed, spans, terms_of
from pg import db_url  # noqa: F401  (fixture)

FLOOD = parse_by_hand("The dam burst before dawn. Water reached Kherson by noon.", {"Kherson": KHERSON},
                      title="Flood")
SIEGE = parse_by_hand("Mariupol held out for weeks. The steel plant was the last refuge.", {"Mariupol": MARIUPOL},
                      title="Siege")


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    for parsed in (FLOOD, SIEGE):
        s.save(parsed)
    yield s
    s.close()


def test_every_word_must_occur_and_results_point_at_the_sentence(store):
    (hit,) = search(store, "water Kherson")
    assert (hit.article_id, hit.sentence) == (FLOOD.doc.id, 1) and hit.text.strip().startswith("Water reached")
    assert [h.article_id for h in search(store, "steel plant")] == [SIEGE.doc.id]
    assert search(store, "water Mariupol") == []
    assert [h.sentence for h in search(store, '"last refuge"')] == [1]


def test_search_text_is_never_query_syntax(store):
    for query in ['NEAR(dam', 'dam OR "', "*", "kherson'); DROP TABLE sentences; --", ""]:
        search(store, query)  # no error, whatever the user typed
    assert search(store, "Kherson")  # and the table is still there


def test_removed_articles_leave_the_index(store):
    store.remove(FLOOD.doc.id)
    assert search(store, "Kherson") == []
    store.save(FLOOD)
    assert len(search(store, "Kherson")) == 1


def test_memory_library_searches_the_same_way():
    (hit,) = search_parsed([FLOOD, SIEGE], "water KHERSON")
    assert (hit.article_id, hit.sentence) == (FLOOD.doc.id, 1)
    assert [hit.text[a:b] for a, b in spans(hit)] == ["Water", "Kherson"]
    assert terms_of('the "steel plant" (x)') == ("the", "steel plant", "x")


SHELLING = parse_by_hand("Russian forces shelled Kherson overnight. The killing of two civilians was condemned.",
                         {"Kherson": KHERSON}, title="Shelling")


def test_words_match_in_any_form(store):
    """Stemmed on both backends (FTS5's porter tokenizer, PostgreSQL's English configuration)."""
    store.save(SHELLING)
    for query, sentence in [("shell", 0), ("shelling Kherson", 0), ("killed", 1), ("kill civilian", 1)]:
        assert [(h.article_id, h.sentence) for h in search(store, query)] == [(SHELLING.doc.id, sentence)], query
    assert search(store, "shell killed") == []  # still every word, in one sentence
    (hit,) = search(store, "killed civilian")
    assert [hit.text[a:b] for a, b in spans(hit)] == ["killing", "civilians"]  # marked as written


def test_memory_library_stems_alike():
    (hit,) = search_parsed([FLOOD, SIEGE, SHELLING], "shell")
    assert hit.article_id == SHELLING.doc.id and [hit.text[a:b] for a, b in spans(hit)] == ["shelled"]
    assert [h.sentence for h in search_parsed([SHELLING], '"two civilian"')] == [1]
    assert search_parsed([SHELLING], "shell killing") == []
