"""The articles the dashboard shows.

`Library` is the seam between the UI and storage: the pages only call these methods.
`StoreLibrary` keeps articles in `geo.store.Store` (SQLite/PostgreSQL) so they outlive the visit;
`MemoryLibrary` keeps them for one session (``GEO_LIBRARY=memory``, and unit tests).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import Protocol, TypeVar

from geo.store import overlays as store_overlays
from geo.errors import StoreError
from geo.text.overlays import LayerFile, Overlay
from geo.store import DEMONYM, ArticleInfo, Store, check_iso
from geo.types import Event, ParsedDocument, PlaceMention, Resolution, Sentence

T = TypeVar("T")


class Library(Protocol):
    @property
    def version(self) -> int: ...  # changes with every change of content; caches key on it
    def add(self, parsed: ParsedDocument) -> bool: ...  # False when the same text is already in
    def remove(self, doc_id: str) -> bool: ...
    def set_date(self, doc_id: str, iso: str | None) -> None: ...
    def replace(self, doc_id: str, parsed: ParsedDocument) -> None: ...  # a new parse of a stored article
    def get(self, doc_id: str) -> ParsedDocument | None: ...
    def sentences(self, doc_id: str, indices: Iterable[int]) -> dict[int, Sentence]: ...  # by index
    def documents(self) -> list[ParsedDocument]: ...
    def articles(self) -> list[ArticleInfo]: ...  # most recently added first
    def place_mentions(self) -> list[PlaceMention]: ...
    def events(self) -> list[Event]: ...  # reported events, by event date (undated last)
    def set_event_date(self, doc_id: str, index: int, iso: str | None) -> None: ...  # index: text order
    def titles(self) -> dict[str, str]: ...
    # The user's own layers (geo.text.overlays): kept beside the articles, drawn under the events.
    def overlays(self) -> list[Overlay]: ...  # oldest first
    def add_overlay(self, layer: LayerFile, name: str = "", source: str = "", date: str | None = None) -> Overlay: ...
    def overlay_geojson(self, overlay_id: int) -> dict: ...
    def remove_overlay(self, overlay_id: int) -> bool: ...
    def __len__(self) -> int: ...
    def __contains__(self, doc_id: object) -> bool: ...


def short_title(title: str, source: str = "", text: str = "", width: int = 80) -> str:
    """Display title: the title, else the file name, else the first line."""
    title = " ".join((title or source or text.strip().split("\n", 1)[0]).split())
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def title_of(parsed: ParsedDocument, width: int = 80) -> str:
    doc = parsed.doc
    return short_title(doc.title, doc.source, doc.text, width)


def resolutions_of(lib: Library, mentions: Iterable[PlaceMention]) -> Iterator[Resolution]:
    """The stored resolution of each mention (its runner-up readings), found by its offset: one
    pass over each article's parse, not one per mention (a place named 10,000 times in one)."""
    by_doc: dict[str, list[PlaceMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    for doc_id, mine in by_doc.items():
        parsed = lib.get(doc_id)
        by_start = {r.mention.start: r for r in parsed.resolutions} if parsed else {}
        for m in mine:
            if (r := by_start.get(m.mention.start)) is not None:
                yield r


class MemoryLibrary:
    """Insertion-ordered, keyed by content id, so the same article uploaded twice is kept once."""

    def __init__(self) -> None:
        self._docs: dict[str, ParsedDocument] = {}
        self._added: dict[str, str] = {}
        self._overlays: dict[int, tuple[Overlay, dict]] = {}
        self.version = 0

    def add(self, parsed: ParsedDocument) -> bool:
        if parsed.doc.id in self._docs:
            return False
        self._docs[parsed.doc.id] = parsed
        self._added[parsed.doc.id] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.version += 1
        return True

    def remove(self, doc_id: str) -> bool:
        if self._docs.pop(doc_id, None) is None:
            return False
        self.version += 1
        return True

    def set_date(self, doc_id: str, iso: str | None) -> None:
        check_iso(iso)
        if doc_id not in self._docs:
            raise StoreError(f"No article {doc_id!r} in the library.")
        parsed = self._docs[doc_id]
        # Events dated only by their article move with it (as in the stored library).
        events = [replace(e, date=iso) if e.date == parsed.doc.date else e for e in parsed.events]
        self._docs[doc_id] = replace(parsed, doc=replace(parsed.doc, date=iso), events=events)
        self.version += 1

    def replace(self, doc_id: str, parsed: ParsedDocument) -> None:
        if doc_id not in self._docs or parsed.doc.id != doc_id:
            raise StoreError(f"No article {doc_id!r} in the library to replace.")
        self._docs[doc_id] = replace(parsed, doc=self._docs[doc_id].doc)
        self.version += 1

    def get(self, doc_id: str) -> ParsedDocument | None:
        return self._docs.get(doc_id)

    def sentences(self, doc_id: str, indices: Iterable[int]) -> dict[int, Sentence]:
        parsed = self._docs.get(doc_id)
        found = parsed.sentences if parsed else []
        return {i: found[i] for i in indices if 0 <= i < len(found)}

    def documents(self) -> list[ParsedDocument]:
        return list(self._docs.values())

    def articles(self) -> list[ArticleInfo]:
        out = []
        for d, p in reversed(self._docs.items()):
            places = [m for m in p.place_mentions if m.mention.label != DEMONYM]  # as the stored library counts
            out.append(ArticleInfo(d, p.doc.title, p.doc.source, p.doc.date, self._added[d], len(places),
                                   len({m.place.id for m in places}), len(p.events)))
        return out

    def place_mentions(self) -> list[PlaceMention]:
        return [e for parsed in self._docs.values() for e in parsed.place_mentions]

    def events(self) -> list[Event]:
        """The same order as the stored library's: event date (else the article's), undated last."""
        found = [(e.date or p.doc.date, n, e) for n, p in enumerate(self._docs.values())
                 for e in p.events]
        found.sort(key=lambda t: (t[0] is None, t[0] or "", t[1]))  # stable: text order kept
        return [replace(e, date=d) if e.date != d else e for d, _, e in found]

    def set_event_date(self, doc_id: str, index: int, iso: str | None) -> None:
        check_iso(iso)
        parsed = self._docs.get(doc_id)
        if parsed is None or not 0 <= index < len(parsed.events):
            raise StoreError(f"Article {doc_id!r} has no event {index}.")
        events = list(parsed.events)
        events[index] = replace(events[index], date=iso)
        self._docs[doc_id] = replace(parsed, events=events)
        self.version += 1

    def titles(self) -> dict[str, str]:
        return {doc_id: title_of(p) for doc_id, p in self._docs.items()}

    def overlays(self) -> list[Overlay]:
        return [o for o, _ in self._overlays.values()]

    def add_overlay(self, layer: LayerFile, name: str = "", source: str = "", date: str | None = None) -> Overlay:
        new_id = max(self._overlays, default=0) + 1
        added = datetime.now(timezone.utc).isoformat(timespec="seconds")
        overlay = Overlay(new_id, " ".join((name or layer.name).split()) or source or "layer", source, layer.kind,
                          date, added, layer.features)
        self._overlays[new_id] = (overlay, layer.collection)
        return overlay

    def overlay_geojson(self, overlay_id: int) -> dict:
        if overlay_id not in self._overlays:
            raise StoreError(f"No layer {overlay_id} in the library.")
        return self._overlays[overlay_id][1]

    def remove_overlay(self, overlay_id: int) -> bool:
        return self._overlays.pop(overlay_id, None) is not None

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs


def _weight(parsed: ParsedDocument) -> int:
    """About what a parse holds in memory, in characters: its text twice (the article and its
    sentences) and a couple of hundred for each mention and event."""
    return 2 * len(parsed.doc.text) + 200 * (len(parsed.resolutions) + len(parsed.events))


class StoreLibrary:
    """The persistent library; one per process, shared by every session of the dashboard.

    The map page reruns on each click, so reads are cached until the next change instead of
    re-reading thousands of events each time. Writes from other processes (`geo ingest` while the
    dashboard runs) are noticed by reading the store's change count (one row) at most every
    ``recheck_s`` seconds.
    """

    PARSED_CACHE = 64  # parses kept for the place panel (sentence context, alternatives)...
    PARSED_WEIGHT = 20_000_000  # ...and at most this much of them (see _weight): one huge article may fill it
    LAYERS_CACHE = 8  # overlays' shapes kept for the map

    def __init__(self, store: Store, recheck_s: float = 5.0) -> None:
        self.store = store
        self.recheck_s = recheck_s
        self._lock = threading.Lock()
        self._version = 0
        self._cache: dict[str, tuple[int, object]] = {}
        self._parsed: OrderedDict[str, ParsedDocument] = OrderedDict()
        self._layers: dict[int, dict] = {}  # overlay id -> its FeatureCollection
        self._seen = store.changes()  # read before anything is cached: a write after it is noticed
        self._checked = time.monotonic()

    @property
    def version(self) -> int:
        now = time.monotonic()
        if now - self._checked >= self.recheck_s:
            self._checked = now
            seen = self.store.changes()
            if seen != self._seen:
                self._seen = seen
                self._changed()
        return self._version

    def _wrote(self) -> None:
        """After a write of ours: its count is seen (a later check must not drop the answers again;
        anything another process wrote before it is in the answers read from now on). The write
        is done: a count that cannot be read now only means one more drop of the answers later."""
        try:
            self._seen = self.store.changes()
        except StoreError:
            pass
        self._changed()

    def _changed(self) -> None:
        with self._lock:
            self._version += 1
            self._cache.clear()
            self._parsed.clear()

    def _cached(self, key: str, compute: Callable[[], T]) -> T:
        version = self.version
        hit = self._cache.get(key)
        if hit and hit[0] == version:
            return hit[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            # A change committed while computing may be missing from value: keep it only if none came.
            if self._version == version:
                self._cache[key] = (version, value)
        return value

    def add(self, parsed: ParsedDocument) -> bool:
        added = self.store.save(parsed)
        if added:
            self._wrote()
        return added

    def remove(self, doc_id: str) -> bool:
        removed = self.store.remove(doc_id)
        if removed:
            self._wrote()
        return removed

    def set_date(self, doc_id: str, iso: str | None) -> None:
        try:
            self.store.set_date(doc_id, iso)
        finally:
            self._wrote()

    def replace(self, doc_id: str, parsed: ParsedDocument) -> None:
        """A new parse of a stored article (after a correction or its undo); its date is kept."""
        try:
            self.store.replace_resolutions(doc_id, parsed)
        finally:
            self._wrote()

    def get(self, doc_id: str) -> ParsedDocument | None:
        version = self.version
        with self._lock:
            if doc_id in self._parsed:
                self._parsed.move_to_end(doc_id)
                return self._parsed[doc_id]
        if doc_id not in self:
            return None
        try:
            parsed = self.store.parsed(doc_id)
        except StoreError:
            if self.store.has(doc_id):
                raise
            return None  # removed by someone else since the article list was read
        with self._lock:
            if self._version == version:
                self._parsed[doc_id] = parsed
                while len(self._parsed) > 1 and (len(self._parsed) > self.PARSED_CACHE or sum(
                        map(_weight, self._parsed.values())) > self.PARSED_WEIGHT):
                    self._parsed.popitem(last=False)
        return parsed

    def sentences(self, doc_id: str, indices: Iterable[int]) -> dict[int, Sentence]:
        """Read for what the panel shows, not kept: a cached parse has them already."""
        with self._lock:
            parsed = self._parsed.get(doc_id)
        if parsed is not None:
            return {i: parsed.sentences[i] for i in indices if 0 <= i < len(parsed.sentences)}
        return self.store.sentences(doc_id, indices)

    def documents(self) -> list[ParsedDocument]:
        """Every stored parse: reads the whole library, so pages list articles() instead."""
        return [p for a in self.articles() if (p := self.get(a.id)) is not None]

    def articles(self) -> list[ArticleInfo]:
        return self._cached("articles", self.store.articles)

    def place_mentions(self) -> list[PlaceMention]:
        return self._cached("place_mentions", self.store.place_mentions)

    def events(self) -> list[Event]:
        return self._cached("events", self.store.events)

    def set_event_date(self, doc_id: str, index: int, iso: str | None) -> None:
        try:
            self.store.set_event_date(doc_id, index, iso)
        finally:
            self._wrote()

    def overlays(self) -> list[Overlay]:
        return store_overlays.list_overlays(self.store)  # one small query: another process may add one

    def add_overlay(self, layer: LayerFile, name: str = "", source: str = "", date: str | None = None) -> Overlay:
        return store_overlays.add_overlay(self.store, layer, name=name, source=source, date=date)

    def overlay_geojson(self, overlay_id: int) -> dict:
        """Kept once read: a layer's shapes never change (a new file is a new layer)."""
        with self._lock:
            if overlay_id in self._layers:
                return self._layers[overlay_id]
        collection = store_overlays.overlay_geojson(self.store, overlay_id)
        with self._lock:
            self._layers[overlay_id] = collection
            while len(self._layers) > self.LAYERS_CACHE:
                self._layers.pop(next(iter(self._layers)))
        return collection

    def remove_overlay(self, overlay_id: int) -> bool:
        with self._lock:
            self._layers.pop(overlay_id, None)
        return store_overlays.remove_overlay(self.store, overlay_id)

    def titles(self) -> dict[str, str]:
        """Read apart from articles(), whose counts read every event (0.26 s at a million)."""
        return self._cached("titles", lambda: {i: short_title(t, s) or i for i, t, s in self.store.titles()})

    def __len__(self) -> int:
        return len(self.titles())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.titles()
