"""What the commands share: progress on stderr and output to a file or stdout."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from geo.errors import inert


def progress(message: str) -> None:
    """A step of a long command, on stderr."""
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
    from geo.text.ingest import read_path as _read

    return _read(Path(path))
