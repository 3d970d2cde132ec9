"""What `geo ingest` reads: folders, files, JSONL archives and globs, streamed.

A JSONL archive (``{"id", "text", ...}`` per line, optionally gzipped) is read line by line, so
one of any size never sits in memory; folders are listed first (their paths only, to show a
total) and each file is read when its turn comes. ``ArticleSource`` is an iterable of paths and
Documents, as ``geo.library.bulk.ingest`` takes, and says how far it has read for a progress bar's ETA.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from geo.text import limits
from geo.text.article_meta import text_title
from geo.errors import GeoError, inert
from geo.events.dates import parse_iso
from geo.text.ingest import SUPPORTED
from geo.types import Document

JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_GLOB = re.compile(r"[*?[]")
# Lone UTF-16 surrogates: JSON's "\ud800" decodes to one, and no UTF-8 writer takes it.
_SURROGATE = re.compile("[\ud800-\udfff]")

Say = Callable[[str], None]


def _say(message: str) -> None:
    print(f"geo: {inert(message)}", file=sys.stderr)  # never terminal controls


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith(JSONL)


def find_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Supported files under the given folders (sorted, hidden ones skipped), plus given files.

    A file named explicitly is kept whatever its suffix: the reader sniffs the bytes and says
    why it cannot read it, which is more useful than silence.
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            found.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(root, f) for f in sorted(files) if not f.startswith(".")
                      and (Path(f).suffix.lower() in SUPPORTED or is_jsonl(f))]
    return list(dict.fromkeys(found))


def expand(specs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Folders, files and globs ('archive/2024-*.jsonl', 'news/**/*.html') -> files, in order.
    A glob is expanded here, so it works quoted (and on a shell that does not expand it)."""
    paths: list[Path] = []
    for spec in specs:
        text = str(spec)
        if _GLOB.search(text) and not Path(text).exists():
            matched = sorted(glob.glob(text, recursive=True))
            if not matched:
                raise GeoError(f"nothing matches {text}")
            paths += map(Path, matched)
        else:
            paths.append(Path(text))
    return find_files(paths)


def _repair(value: str, n: int, what: str, say: Say) -> str:
    """Lone surrogates -> U+FFFD, one character for one, so offsets into the text still hold."""
    if _SURROGATE.search(value):
        say(f"line {n}: invalid Unicode in {what} (lone surrogate) replaced with U+FFFD")
        return _SURROGATE.sub("\ufffd", value)
    return value


def _records(stream, limit: int):
    """(line number, bytes) per line; a line longer than ``limit`` comes back as (number, size)
    after being skipped in 1 MB steps, never read whole (one 200 MB record once was)."""
    n = 0
    while raw := stream.readline(limit + 1):
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while chunk := stream.readline(limits.MB):
                size += len(chunk.rstrip(b"\r\n"))
                if chunk.endswith(b"\n"):
                    break
            yield n, size
        else:
            yield n, raw


def read_jsonl(stream, say: Say = _say) -> Iterator[tuple[str, dict, Document]]:
    """(id, the line's object, Document) per usable line of a binary stream; a bad line is
    reported with its number and skipped, never fatal; a record over the size limit is skipped
    without being held (the one size guard, as for files and uploads). The optional "date"
    (ISO) is the article's, for relative dates; "title" is kept."""
    limit = limits.max_bytes()
    for n, raw in _records(stream, limit):
        try:
            limits.check(raw if isinstance(raw, int) else len(raw.rstrip(b"\r\n")), "the record", limit)
        except GeoError as exc:
            say(f"line {n}: skipped ({exc})")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            say(f"line {n}: invalid UTF-8 replaced with U+FFFD")
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, doc_id = item["text"], str(item["id"])
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            why = f"{exc.__class__.__name__}: {exc}" if not isinstance(exc, KeyError) else f"no {exc} field"
            say(f"line {n}: skipped ({why[:200]})")
            continue
        date = item.get("date")
        if date is not None and (not isinstance(date, str) or parse_iso(date) is None):
            say(f"line {n}: date {str(date)[:40]!r} is not an ISO date; ignored")
            date = None
        title = item.get("title") if isinstance(item.get("title"), str) else ""
        yield (_repair(doc_id, n, "the id", say), item,
               Document(_repair(text, n, "the text", say), title=title, date=date))


def open_jsonl(path: str, say: Say = _say) -> Iterator[tuple[str, dict, Document]]:
    """``read_jsonl`` over a file ("-" for stdin); GeoError when it cannot be opened."""
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        raise GeoError(f"cannot read {path}: {exc.strerror or exc}") from None
    with stream:
        yield from read_jsonl(gzip.open(stream) if path.lower().endswith(".gz") else stream, say)


class ArticleSource:
    """The articles named by folders, files, JSONL archives and globs, streamed in order:
    paths of ordinary files (read by the ingest loop, which reports a bad one), Documents for
    JSONL lines. ``count`` is known when no JSONL is involved; ``estimate()`` guesses it from the
    share of the input's bytes read so far, for an ETA either way."""

    def __init__(self, specs: Iterable[str | os.PathLike[str]], say: Say = _say):
        self.files = expand(specs)
        self.say = say
        self.count = None if any(map(is_jsonl, self.files)) else len(self.files)
        self._sizes = [_size(p) for p in self.files]
        self._total = sum(self._sizes)
        self._done = 0  # bytes of the files finished
        self._now = 0  # bytes into the archive being read
        self.read = 0  # articles handed on

    def __iter__(self) -> Iterator[Path | Document]:
        for path, size in zip(self.files, self._sizes):
            if is_jsonl(path):
                for doc in self._lines(path):
                    self.read += 1
                    yield doc
            else:
                self.read += 1
                yield path
            self._done += size
            self._now = 0

    def _lines(self, path: Path) -> Iterator[Document]:
        with open(path, "rb") as raw:
            stream = gzip.open(raw) if str(path).lower().endswith(".gz") else raw

            def say(message: str) -> None:
                self.say(f"{path.name}: {message}")

            for doc_id, item, doc in read_jsonl(stream, say):
                self._now = raw.tell()  # of the file on disk, gzipped or not
                source = next((item[k] for k in ("source", "url")
                               if isinstance(item.get(k), str) and item[k]), f"{path.name}#{doc_id}")
                yield Document(doc.text, title=doc.title or text_title(doc.text)[:200],
                               source=source, date=doc.date)

    def fraction(self) -> float:
        """How much of the input has been read, 0..1."""
        return min(1.0, (self._done + self._now) / self._total) if self._total else 1.0

    def estimate(self) -> int | None:
        """The number of articles: exact for files, else extrapolated from the bytes read."""
        if self.count is not None:
            return self.count
        share = self.fraction()
        return round(self.read / share) if share > 0 and self.read else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
