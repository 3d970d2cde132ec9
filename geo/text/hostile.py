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


def place_names(gazetteer, n: int) -> list[str]:
    """``n`` names of populated places, read from the gazetteer index (no list is stored):
    Ukraine's, biggest first, one per name key; past Ukraine's ~22,000, the rest of the world's."""
    return [name for name, _ in _places(gazetteer, n, "")]


def oblast_places(gazetteer, n: int) -> list[tuple[str, str]]:
    """``n`` (name, oblast) pairs of Ukraine's populated places, biggest first (fewer when
    Ukraine has fewer names)."""
    return _places(gazetteer, n, "AND country = 'UA' AND admin1 LIKE '% Oblast'")


def _places(gazetteer, n: int, where: str) -> list[tuple[str, str]]:
    from geo.gazetteer.names import key

    rows = gazetteer.db.execute(
        "SELECT name, admin1 FROM main.places WHERE feature = 'city' AND name NOT LIKE '%,%' " + where +
        " GROUP BY name ORDER BY country != 'UA', max(population) DESC, name")
    places, seen = [], set()
    for name, admin1 in rows:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            places.append((name, admin1))
            if len(places) == n:
                break
    return places


def listed_places(names: list[str]) -> str:
    """One sentence listing every name: the document whose parse once grew with the square of
    its distinct places (1,000 names took 12-23 s)."""
    return "Shelling was reported in " + ", ".join(names[:-1]) + " and " + names[-1] + "."


_WAR_SENTENCES = (
    "On {day} March, Russian forces shelled {n0} and {n1}, {o1}.",
    "A drone struck {n2} ({o2}); two civilians were killed and five injured.",
    "Fighting continued near {n3}, {n4} and {n5}.",
    "Ukrainian troops repelled assaults on {n6} in {o6}, the General Staff said.",
)


def war_report(places: list[tuple[str, str]], chars: int) -> str:
    """About ``chars`` characters of front-line reporting, paragraph after paragraph naming the
    places in turn, some bound to their oblast ("shelled Ivanivka and Petrivka, Donetsk
    Oblast"): the long dense text whose parse once paid the square of its places."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        seven = [places[(i + k) % len(places)] for k in range(7)]
        i += 7
        fill = {f"n{k}": name for k, (name, _) in enumerate(seven)}
        fill.update(o1=seven[1][1], o2=seven[2][1], o6=seven[6][1], day=1 + i % 28)
        paragraph = " ".join(sentence.format(**fill) for sentence in _WAR_SENTENCES)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)
