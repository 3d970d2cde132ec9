"""Turn an uploaded file into a ``Document``: clean text the rest of the pipeline points into.

The format is decided by the bytes first and the file name second, because uploads are
often misnamed. Every failure comes out as one ``geo.errors.IngestError`` subclass whose
message names the file, so the app can show it as-is.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from geo.text.article_meta import text_date, text_outlet, text_title
from geo.text import limits
from geo.errors import EmptyInput, IngestError, UnsupportedFormat
from geo.text.formats import (
    DOCX_TYPE, Extracted, extract_docx, extract_html, extract_markdown, extract_pdf, find_date,
)
from geo.types import Document

__all__ = ["SUPPORTED", "read", "read_path"]

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")

_MEDIA = {"txt": "text/plain", "md": "text/markdown", "html": "text/html",
          "pdf": "application/pdf", "docx": DOCX_TYPE}
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x00\x00\x01\x00", "an icon"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (.doc/.xls); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx"), (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"ID3", "an audio file"), (b"OggS", "an audio file"),
    (b"fLaC", "an audio file"), (b"wOFF", "a font"), (b"\x00asm", "a program"),
)
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.I | re.S)
# A page's body pasted or saved as text ("<p>...</p><figure><img ...>"): markup, not prose.
_HTML_BLOCKS = re.compile(r"</?(?:p|div|figure|figcaption|img|br|h[1-6]|li|ul|section|article|span|a)\b[^>\n]{0,2000}>", re.I)
HTML_BLOCKS_MIN = 3
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# C0/C1 control characters except \t \n \r (\f and ESC count: real prose never has many).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
# Candidate legacy code pages, most likely first; ties in charset-normalizer go to the first.
_CYRILLIC = ("cp1251", "koi8_u", "koi8_r", "iso8859_5", "mac_cyrillic", "cp866")
_WESTERN = ("cp1252", "cp1250", "iso8859_15", "cp1257", "cp1254", "latin_1")


def read(data: bytes, filename: str = "", *, max_bytes: int | None = None) -> Document:
    """Extract the text, title and date of one uploaded file; ``max_bytes`` defaults to the one
    size limit (geo.text.limits).

    Raises ``TooLarge``, ``EmptyInput``, ``UnsupportedFormat``, ``NoTextLayer`` or
    ``CorruptFile`` (all ``geo.errors.IngestError``) with a message naming the file.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"read() needs bytes, not {type(data).__name__}")
    label = Path(filename).name if filename else "the uploaded file"
    limits.check(len(data), label, max_bytes)
    if not data.strip():
        raise EmptyInput(f"{label} is empty")
    kind, got = _extract(data, Path(filename).suffix.lower(), label)
    text = normalize(got.text)
    if not text.strip():
        raise EmptyInput(f"{label} contains no text")
    # Title, date and outlet as an analyst files them (geo.text.article_meta): stated metadata
    # first, then the text's own first line, dateline or first date outside its headings.
    title = " ".join((got.title or "").split()) or text_title(text)
    # Stated metadata (HTML meta, front matter) beats a date written in the text, except
    # docx's "created", which is only when the file was made.
    head_date = text_date(text, find_date)
    date = (head_date or got.date) if kind == "docx" else (got.date or head_date)
    source = got.outlet or text_outlet(text) or filename
    return Document(text=text, title=title[:200].rstrip(), source=source,
                    media_type=_MEDIA[kind], date=date)


def read_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Document:
    """``read`` for a file on disk; the size is checked before the file is loaded."""
    p = Path(path)
    try:
        limits.check(p.stat().st_size, p.name, max_bytes)
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read {p.name}: {exc.strerror or exc}") from exc
    return read(data, str(path), max_bytes=max_bytes)


def normalize(text: str) -> str:
    """NFC, \\n line ends, no control characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _extract(data: bytes, ext: str, label: str) -> tuple[str, Extracted]:
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-") or (ext == ".pdf" and b"%PDF-" in head):
        return "pdf", extract_pdf(data, label)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx", extract_docx(data, label)
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(f"{label} is {what}, not a text document")
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise UnsupportedFormat(f"{label} is a media file, not a text document")
    if data[4:8] == b"ftyp":
        raise UnsupportedFormat(f"{label} is a video or image file, not a text document")
    if data.startswith(b"MZ") and b"\x00" in head:
        raise UnsupportedFormat(f"{label} is a Windows program, not a text document")
    is_html = ext in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(head))
    text = decode(data, label, html=is_html)
    if not is_html and _HTML_START.match(text[:1024].encode("utf-8", "replace")):
        is_html = True  # UTF-16 HTML: the byte sniff above could not see the tags
    if not is_html and ext not in (".md", ".markdown") and _has_markup(text):
        is_html = True
    if is_html:
        return "html", extract_html(text, label)
    if ext in (".md", ".markdown"):
        return "md", extract_markdown(text)
    return "txt", Extracted(text)


def _has_markup(text: str) -> bool:
    """A text file carrying a page's body tags: read as HTML, so tags, links and image
    attributes are not read as sentences."""
    found = 0
    for _ in _HTML_BLOCKS.finditer(text):
        found += 1
        if found >= HTML_BLOCKS_MIN:
            return True
    return False


def decode(data: bytes, label: str = "the file", *, html: bool = False) -> str:
    """Bytes of a text file -> str: BOM, then UTF-8, then <meta charset>, then detection."""
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data and (encoding := _utf16_without_bom(data)):
            text = data.decode(encoding, errors="replace")
        elif b"\x00" in data.rstrip(b"\x00"):  # trailing NUL padding is harmless; NULs inside are not
            raise UnsupportedFormat(f"{label} contains NUL bytes: it is a binary file, not text")
    if text is None:
        data = data.rstrip(b"\x00")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, _declared_charset(data) if html else None)
    sample = text[:100_000]
    bad = len(_CONTROL.findall(sample)) + 0.5 * sample.count("\ufffd")
    if sample and bad / len(sample) > 0.01:
        raise UnsupportedFormat(f"{label} looks like a binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte; binary files don't.
    even, odd = data[0::2], data[1::2]
    if len(data) % 2 or len(data) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii", "replace")).name
    except LookupError:
        return None
    # Browsers read "latin-1"/"ascii" labels as windows-1252 (WHATWG), and so do the pages.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _decode_legacy(data: bytes, declared: str | None) -> str:
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    # Short texts fool charset-normalizer (6 Cyrillic letters come out as Big5), so pick
    # the script family first and let it choose only among that family's code pages.
    family = _CYRILLIC if _looks_cyrillic(data[:16384]) else _WESTERN
    matches = charset_normalizer.from_bytes(data, cp_isolation=list(family))
    if matches:
        best = min(matches, key=lambda m: (round(m.chaos, 2), family.index(m.encoding)
                                           if m.encoding in family else len(family)))
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode(family[0], errors="replace")


def _looks_cyrillic(sample: bytes) -> bool:
    # In cp1251 Cyrillic prose every non-ASCII word is all-Cyrillic; accented Latin text
    # read as cp1251 gives words mixing Latin and Cyrillic ("cafй", "fьr").
    words = [w for w in re.findall(r"[^\W\d_]{2,}", sample.decode("cp1251", errors="replace"))
             if not w.isascii()]
    cyrillic = sum(all("\u0400" <= ch <= "\u04ff" for ch in w) for w in words)
    return bool(words) and cyrillic >= 0.7 * len(words)
