"""What became of an upload, as the page says it (ui/state.py loads, ui/failures.py records)."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.types import ParsedDocument

ADDED, ALREADY, PARSE_FAILED, STORE_FAILED = "added", "already in the library", "could not be parsed", "could not be stored"


@dataclass
class LoadResult:
    name: str
    outcome: str = ADDED
    error: str = ""  # a failure, one line naming the file
    places: int = 0  # distinct places named (nationality words aside)
    events: int = 0  # events reported
    notes: tuple[str, ...] = ()  # e.g. "geocoder nominatim unavailable: …": the offline answer stood
    parsed: ParsedDocument | None = field(default=None, repr=False, compare=False)  # while STORE_FAILED

    @property
    def duplicate(self) -> bool:
        return self.outcome == ALREADY

    @property
    def retry(self) -> bool:
        """Its store failed: the next run of the page stores it again (no parsing again)."""
        return self.outcome == STORE_FAILED

    def counts(self) -> str:
        return (f"{self.events} event{'s' if self.events != 1 else ''}, "
                f"{self.places} place{'s' if self.places != 1 else ''}")

    def line(self) -> str:
        """What the page says of it, plain text."""
        if self.outcome == ADDED:
            return f"{self.name}: added, {self.counts()}"
        if self.outcome == ALREADY:
            return f"{self.name}: {ALREADY}, not added again ({self.counts()})"
        return self.error
