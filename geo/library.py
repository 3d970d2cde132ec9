"""The articles a dashboard session has loaded.

`Library` is the seam between the UI and storage: the app only calls these methods, so the
in-memory `MemoryLibrary` below can be swapped for one backed by `geo.store.Store` (persistent
SQLite/PostgreSQL) without touching the pages.
"""

from __future__ import annotations

from typing import Protocol

from geo.types import Event, ParsedDocument


class Library(Protocol):
    def add(self, parsed: ParsedDocument) -> bool: ...  # False when the same text is already in
    def remove(self, doc_id: str) -> bool: ...
    def get(self, doc_id: str) -> ParsedDocument | None: ...
    def documents(self) -> list[ParsedDocument]: ...
    def events(self) -> list[Event]: ...
    def titles(self) -> dict[str, str]: ...


def title_of(parsed: ParsedDocument, width: int = 80) -> str:
    """Short display title: the document's title, else its file name, else its first line."""
    doc = parsed.doc
    title = doc.title or doc.source or doc.text.strip().split("\n", 1)[0]
    title = " ".join(title.split())
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


class MemoryLibrary:
    """Insertion-ordered, keyed by content id, so the same article uploaded twice is kept once."""

    def __init__(self) -> None:
        self._docs: dict[str, ParsedDocument] = {}
        self.version = 0  # bumps on every change; caches key on it

    def add(self, parsed: ParsedDocument) -> bool:
        if parsed.doc.id in self._docs:
            return False
        self._docs[parsed.doc.id] = parsed
        self.version += 1
        return True

    def remove(self, doc_id: str) -> bool:
        if self._docs.pop(doc_id, None) is None:
            return False
        self.version += 1
        return True

    def get(self, doc_id: str) -> ParsedDocument | None:
        return self._docs.get(doc_id)

    def documents(self) -> list[ParsedDocument]:
        return list(self._docs.values())

    def events(self) -> list[Event]:
        return [e for parsed in self._docs.values() for e in parsed.events]

    def titles(self) -> dict[str, str]:
        return {doc_id: title_of(p) for doc_id, p in self._docs.items()}

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._docs
