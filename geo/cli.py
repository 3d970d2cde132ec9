"""The `geo` command line: the same library calls the dashboard makes."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from geo.errors import GeoError


def _progress(message: str) -> None:
    print(f"geo: {message}", file=sys.stderr, flush=True)


class Bar:
    """A one-line progress bar on stderr (no dependency, redraws in place on a terminal)."""

    def __init__(self, total: int | None, label: str):
        self.total, self.label, self.done, self.started = total, label, 0, time.perf_counter()
        self.tty = sys.stderr.isatty()
        self._last = 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if now - self._last > 0.2 or self.done == self.total:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        if self.total:
            filled = int(30 * self.done / self.total)
            text = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {rate:.1f}/s"
        else:
            text = f"{self.label} {self.done} {rate:.1f}/s"
        print(("\r" if self.tty else "") + text, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def close(self) -> None:
        self._draw(time.perf_counter())
        if self.tty:
            print(file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="geo", description="Find and map the events an article reports and the places it mentions.")
    sub = parser.add_subparsers(dest="command", required=True)
    from geo.commands import register_all

    register_all(sub)
    args = parser.parse_args(argv)
    from geo.limits import legacy_note

    if note := legacy_note():
        print(f"geo: {note}", file=sys.stderr)
    try:
        code = args.run(args) or 0
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except GeoError as exc:
        print(f"geo: error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `geo articles | head`: the reader has all it wanted. Point stdout at /dev/null so
        # the interpreter's final flush does not complain, and end like a killed writer.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except MemoryError:
        print("geo: error: out of memory", file=sys.stderr)
        return 2
    except OSError as exc:  # an output file that cannot be written, a full disk
        where = f": {inert(exc.filename)}" if exc.filename else ""
        print(f"geo: error: {exc.strerror or type(exc).__name__}{where}", file=sys.stderr)
        return 2
    except Exception as exc:
        if os.environ.get("GEO_DEBUG"):
            raise
        # A bug, not bad input: its text may quote an article, so the type only.
        print(f"geo: error: unexpected {type(exc).__name__} (GEO_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


def inert(text: object) -> str:
    """Text from files and articles as a terminal shows it, never as it obeys it: control and
    format characters (ESC and OSC sequences, BEL, newlines, bidi overrides) come out escaped,
    "\\x1b]0;title\\x07", so a file name can neither retitle the window nor fake a line."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def one_line(text: str, limit: int = 500) -> str:
    """An error for a terminal: one line, inert (see inert), and never pages of SQL or article text."""
    text = inert(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def write_output(text: str, path: str | None, what: str) -> None:
    """Write a command's result to a file (saying so on stderr) or to stdout."""
    if path:
        Path(path).write_text(text, encoding="utf-8")
        print(f"geo: wrote {what} to {inert(path)}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def read_path(path: str | Path):
    from geo.ingest import read_path as _read

    return _read(Path(path))


if __name__ == "__main__":
    sys.exit(main())
