"""Full-text search over the stored articles' sentences: SQLite FTS5 or PostgreSQL tsvector
(both built by migration v4), and the same search over a library kept in memory.

Every word must occur (stemmed on PostgreSQL, with diacritics folded on SQLite); a quoted
phrase must occur as written. Results are sentences, best first, each pointing at its article
and sentence index so the map can jump to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text

from .types import ParsedDocument

LIMIT = 50
_TERMS = re.compile(r'"([^"]+)"|(\w[\w\'’-]*)', re.UNICODE)


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    sentence: int  # index into the article's sentences
    text: str  # the sentence
    terms: tuple[str, ...]  # what was searched for, for highlighting


def terms_of(query: str) -> tuple[str, ...]:
    """Words and "quoted phrases" of a query; punctuation and FTS operators are not syntax here."""
    return tuple((phrase or word).strip() for phrase, word in _TERMS.findall(query or "") if (phrase or word).strip())


def _fts5(terms: tuple[str, ...]) -> str:
    # Each term a quoted FTS5 string: user text can never be read as FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(store, query: str, limit: int = LIMIT) -> list[Hit]:
    """Sentences of a ``geo.store.Store`` matching every term, best first."""
    terms = terms_of(query)
    if not terms:
        return []
    with store._read() as conn:  # noqa: SLF001 - the store's own connection and transaction
        if conn.dialect.name == "postgresql":
            rows = conn.execute(text(
                "SELECT article_id, idx, text FROM sentences "
                "WHERE to_tsvector('english', text) @@ websearch_to_tsquery('english', :q) "
                "ORDER BY ts_rank(to_tsvector('english', text), websearch_to_tsquery('english', :q)) DESC, "
                "article_id, idx LIMIT :n"), {"q": " ".join(f'"{t}"' if " " in t else t for t in terms), "n": limit})
        else:
            rows = conn.execute(text(
                "SELECT s.article_id, s.idx, s.text FROM sentence_search JOIN sentences s "
                "ON s.rowid = sentence_search.rowid WHERE sentence_search MATCH :q "
                "ORDER BY sentence_search.rank, s.article_id, s.idx LIMIT :n"), {"q": _fts5(terms), "n": limit})
        return [Hit(a, i, t, terms) for a, i, t in rows]


def search_parsed(documents: Iterable[ParsedDocument], query: str, limit: int = LIMIT) -> list[Hit]:
    """The same search over parses in memory (GEO_LIBRARY=memory): every term, case-insensitive."""
    terms = terms_of(query)
    if not terms:
        return []
    folded = [t.casefold() for t in terms]
    hits = []
    for parsed in documents:
        for s in parsed.sentences:
            low = s.text.casefold()
            if all(t in low for t in folded):
                hits.append(Hit(parsed.doc.id, s.index, s.text, terms))
                if len(hits) >= limit:
                    return hits
    return hits


def spans(hit: Hit) -> list[tuple[int, int]]:
    """Where the searched terms occur in the sentence (case-insensitive), for <mark>."""
    low, out = hit.text.casefold(), []
    for term in hit.terms:
        start = low.find(term.casefold())
        while start >= 0:
            out.append((start, start + len(term)))
            start = low.find(term.casefold(), start + 1)
    return out
