"""Hostile inputs, generated on demand (never stored): for `geo bench --hostile` and the tests.

Each maker returns bytes or text that once broke or hurt the parser; the tests assert the
message each must end in, the benchmark measures time and peak memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_MB = 1024 * 1024


def small_docx(text: str = "Shelling was reported in Kherson on Monday.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lying_docx(unpacked: int = 2_000_000_000, declared: int = 5_000) -> bytes:
    """A .docx whose word/document.xml holds ``unpacked`` bytes (about 1/1000 of that packed)
    while its headers declare ``declared``, with the CRC of what a reader stopping at the
    declared size would see: only a reader that trusts no header survives it."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/' \
           b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    filler = b" " * _MB
    base = zipfile.ZipFile(io.BytesIO(small_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in base.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, base.read(info.filename))
        info = zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=unpacked > 2**31 - 2) as part:
            part.write(head)
            left = unpacked - len(head)
            while left > 0:
                part.write(filler[:min(left, len(filler))])
                left -= len(filler)
    data = bytearray(out.getvalue())
    seen = (head + filler)[:declared] if declared > len(head) else head[:declared]
    _patch(data, b"word/document.xml", declared, zlib.crc32(seen))
    return bytes(data)


def _patch(data: bytearray, name: str | bytes, size: int, crc: int) -> None:
    """Set the uncompressed size and CRC of ``name`` in its local and central headers."""
    name = name.encode() if isinstance(name, str) else name
    for signature, crc_at, size_at, name_len_at, name_at in ((b"PK\x03\x04", 14, 22, 26, 30),
                                                             (b"PK\x01\x02", 16, 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            (n,) = struct.unpack_from("<H", data, at + name_len_at)
            if bytes(data[at + name_at:at + name_at + n]) == name:
                struct.pack_into("<I", data, at + crc_at, crc)
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)


def repeated_name(name: str = "Kyiv", times: int = 20_000) -> str:
    """About 120 KB naming one place ``times`` times."""
    return " ".join(f"{name}." if i % 10 == 9 else name for i in range(times))


def markup_names() -> list[str]:
    """File names and titles that Markdown or Streamlit's directives would render."""
    return ["![x](http://127.0.0.1:9/a.png).txt", ":red[alarm] :material/warning: $x^2$.txt",
            "<img src=http://127.0.0.1:9/b.png onerror=alert(1)>.txt",
            "[click](javascript:alert(1)) **bold** `code`.txt"]
