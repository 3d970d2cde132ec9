"""What one ingest or reindex tells its caller: each article's outcome and the running totals."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from geo.types import ParsedDocument


@dataclass
class Outcome:
    """What became of one article, for a caller that tells its user file by file."""

    name: str
    outcome: str  # "added", "existing" or "failed"
    step: str = ""  # where it failed: "read", "check" (the duplicate check), "parse" or "store"
    doc_id: str = ""
    reason: str = ""  # of a failure: the line recorded in the failure log
    error: BaseException | None = field(default=None, repr=False)  # what was raised, if anything
    parsed: ParsedDocument | None = field(default=None, repr=False)  # added, or kept when its store failed


@dataclass
class Report:
    """Running totals of one ingest or reindex; ``failed`` holds (name, reason)."""

    total: int = 0
    added: int = 0
    existing: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> int:
        return self.added + self.existing + len(self.failed)

    @property
    def words_per_s(self) -> float:
        elapsed = self.seconds or time.perf_counter() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0

    def summary(self, verb: str = "added") -> str:
        skipped = f"already in the library {self.existing}, " if verb == "added" else ""
        text = (f"{verb} {self.added}, {skipped}failed {len(self.failed)}, {self.words:,} words "
                f"in {self.seconds:.1f} s ({self.words_per_s:,.0f} words/s)")
        return ("interrupted: " + text) if self.interrupted else text


# Called after every outcome: (report, name, outcome) with outcome "added", "existing",
# "failed" or "reindexed".
Progress = Callable[[Report, str, str], None]
