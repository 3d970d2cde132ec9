"""Full-text search over the stored articles' sentences: SQLite FTS5 with the porter stemmer
(migration v6) or PostgreSQL's English tsvector (v4), and the same search over a library kept
in memory (an FTS5 table in memory, so it stems alike).

Every word must occur in some form ("shell" finds "shelled", "killed" finds "killing"; on
SQLite diacritics are folded too); a quoted phrase must occur in that order. Results are
sentences, best first, each pointing at its article and sentence index so the map can jump to it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass

from sqlalchemy import text

from geo.types import ParsedDocument

LIMIT = 50
TOKENIZE = "porter unicode61 remove_diacritics 2"  # what migration v6 gives the stored index
_OPEN, _CLOSE = "\x02", "\x03"  # highlight() marks; control characters no sentence holds
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


def _memory_index() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(doc UNINDEXED, idx UNINDEXED, text, tokenize='{TOKENIZE}')")
    return db


def search_parsed(documents: Iterable[ParsedDocument], query: str, limit: int = LIMIT) -> list[Hit]:
    """The same search over parses in memory (GEO_LIBRARY=memory), through the same tokenizer."""
    terms = terms_of(query)
    if not terms:
        return []
    with closing(_memory_index()) as db:
        db.executemany("INSERT INTO t VALUES (?, ?, ?)",
                       ((p.doc.id, s.index, s.text) for p in documents for s in p.sentences))
        rows = db.execute("SELECT doc, idx, text FROM t WHERE t MATCH ? ORDER BY rank, doc, idx LIMIT ?",
                          (_fts5(terms), limit)).fetchall()
    return [Hit(d, i, t, terms) for d, i, t in rows]


def spans(hit: Hit) -> list[tuple[int, int]]:
    """Where the searched terms occur in the sentence, in any form the search matched them in
    ("shelled" for "shell"), for <mark>; else where they occur as written, case-insensitive."""
    found = [] if _OPEN in hit.text or _CLOSE in hit.text else _stemmed_spans(hit)
    return found or _literal_spans(hit)


def _stemmed_spans(hit: Hit) -> list[tuple[int, int]]:
    with closing(_memory_index()) as db:
        db.execute("INSERT INTO t VALUES ('', 0, ?)", (hit.text,))
        row = db.execute("SELECT highlight(t, 2, ?, ?) FROM t WHERE t MATCH ?",
                         (_OPEN, _CLOSE, " OR ".join(_fts5((t,)) for t in hit.terms))).fetchone()
    out, pos, start = [], 0, 0
    for ch in row[0] if row else "":
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            out.append((start, pos))
        else:
            pos += 1
    return out


def _literal_spans(hit: Hit) -> list[tuple[int, int]]:
    low, out = hit.text.casefold(), []
    for term in hit.terms:
        start = low.find(term.casefold())
        while start >= 0:
            out.append((start, start + len(term)))
            start = low.find(term.casefold(), start + 1)
    return out
