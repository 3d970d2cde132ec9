"""Every error the library raises on purpose. Each carries a message a user can act on."""


class GeoError(Exception):
    """Base of all errors raised by the geo library."""


class IngestError(GeoError):
    """A file could not be turned into text."""


class EmptyInput(IngestError):
    pass


class TooLarge(IngestError):
    pass


class UnsupportedFormat(IngestError):
    pass


class NoTextLayer(IngestError):
    pass


class CorruptFile(IngestError):
    pass


class GazetteerError(GeoError):
    """The gazetteer index is missing, outdated or unreadable."""


class GeocoderError(GeoError):
    """An online geocoder failed; the offline answer stands."""


class StoreError(GeoError):
    """The article library could not be read or written."""


class LibraryUnusable(StoreError):
    """The library cannot work however long one waits: its URL, its driver, its file or its
    schema is wrong. ``reason`` says what, in one line fit for any page (no URL, no SQL)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class LibraryMissing(LibraryUnusable):
    """Opened read-only where there is no library: nothing was created."""


def db_reason(exc: BaseException) -> str:
    """What a database error says, without the SQL and the parameters SQLAlchemy appends (they
    hold article text): "connection refused", "database is locked", "disk I/O error"."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    text = text.split("[SQL:", 1)[0].split("(Background on this error", 1)[0]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:200]


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


class OverlayError(IngestError):
    """A layer file (geo.text.overlays) that cannot be read: the message is one line naming the file."""
