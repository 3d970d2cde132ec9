"""Per-format text extractors behind ``geo.text.ingest.read``, plus the date finder they share.

Each extractor gets the file's bytes (or decoded text) and a label naming the file for
error messages, and returns ``Extracted``; ``geo.text.ingest`` normalises the result.
Library exceptions are caught broadly here on purpose: a hostile or broken upload must
come out as one typed ``IngestError``, never as a pypdf/lxml/zipfile traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import warnings
import zipfile
from typing import NamedTuple

from geo.text.article_meta import from_html
from geo.errors import CorruptFile, EmptyInput, NoTextLayer, UnsupportedFormat

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Zip-bomb limits, checked on the central directory before anything is decompressed.
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000


class Extracted(NamedTuple):
    text: str
    title: str = ""
    date: str | None = None
    outlet: str = ""  # the publication, when the file says (geo.text.article_meta)


# ---------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# Genitive month names as Ukrainian and Russian news datelines write them ("9 листопада 2022").
for _i, _m in enumerate(("січня лютого березня квітня травня червня липня серпня вересня жовтня "
                         "листопада грудня января февраля марта апреля мая июня июля августа "
                         "сентября октября ноября декабря").split()):
    _MONTHS[_m] = _i % 12 + 1
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Each pattern with the group order of (year, month, day).
_DATE_RES = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), (0, 1, 2)),
    (re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), (2, 0, 1)),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})\.?,?\s+(\d{{4}})\b", re.I), (2, 1, 0)),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), (2, 1, 0)),
    # "27/02/2026" under a byline: day first, as outside the US; "7/21/2022" is no date here
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), (2, 1, 0)),
)


def _make_date(y: str, m: str, d: str) -> str | None:
    month = int(m) if m.isdigit() else _MONTHS.get(m.lower(), 0)
    try:
        return dt.date(int(y), month, int(d)).isoformat() if 1800 < int(y) < 2200 else None
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The earliest date written in ``text`` (ISO, "November 9, 2022", "9 November 2022"...)."""
    found: list[tuple[int, str]] = []
    for rx, order in _DATE_RES:
        for m in rx.finditer(text):
            if iso := _make_date(*(m.group(i + 1) for i in order)):
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


# ---------------------------------------------------------------------- html

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
         "nav", "footer", "aside", "form", "button", "select", "input", "textarea", "head")
_PARA = ("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
         "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption",
         "header", "address", "hr", "details", "summary")
# Private-use markers survive whitespace collapsing, then become the real line breaks.
P_MARK, BR_MARK = "\ue000", "\ue001"


_INDEXED = ("title", "h1", "meta", "script", "time", "article", "main", "link")


def _index(soup) -> dict:
    """The tags title/date/root selection need, in one pass: each bs4 find_all is a full
    scan in Python, and a dozen of them dominated the time on large pages."""
    from bs4 import Tag

    tags: dict[str, list] = {name: [] for name in _INDEXED}
    for node in soup.descendants:
        if isinstance(node, Tag) and node.name in tags and len(found := tags[node.name]) < 50:
            found.append(node)
    return tags


def extract_html(html: str, label: str) -> Extracted:
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    try:
        with warnings.catch_warnings():  # an XML upload read as HTML is fine: we only want its text
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(html.replace(P_MARK, "").replace(BR_MARK, ""), "lxml")
        tags = _index(soup)
        meta = from_html(tags, find_date)  # og:title, og:site_name, JSON-LD, <time>...
        # Only outermost articles compete: sizing nested ones would go quadratic on hostile pages.
        articles = [a for a in tags["article"][:20] if not _has_ancestor(a, "article")]
        body = soup.body or soup
        root = (articles[0] if len(articles) == 1 else (tags["main"] or [None])[0]
                or max(articles, key=lambda a: len(_block_text(a)), default=None) or body)
        text = _block_text(root)
        if not text.strip(P_MARK + BR_MARK + " \t\n") and root is not body:
            text = _block_text(body)
    except Exception as exc:  # lxml/bs4 internals: any failure means we cannot read this page
        raise CorruptFile(f"{label}: the HTML could not be parsed ({type(exc).__name__})") from exc
    text = re.sub(r"\s+", " ", text)
    text = re.sub(rf" *{BR_MARK} *", "\n", text)
    text = re.sub(rf"[ \n]*{P_MARK}[ \n]*", "\n\n", text)
    return Extracted(text, meta.title, meta.date, meta.outlet)


def _has_ancestor(tag, name: str) -> bool:
    parent = tag.parent
    while parent is not None:
        if parent.name == name:
            return True
        parent = parent.parent
    return False


def _block_text(root) -> str:
    """Visible text with block markers, walked iteratively: no recursion limit on deep
    nesting, and no tree edits (bs4 inserts cost O(subtree) each, quadratic when nested)."""
    from bs4 import CData, NavigableString, Tag

    out: list[str] = []
    stack: list = [(root, root.name == "article", False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):  # a closing marker pushed below
            out.append(item)
            continue
        node, in_article, in_pre = item
        if isinstance(node, Tag):
            name = node.name
            # A page header (logo, menu) is noise; a header inside the article holds its headline.
            if name in _DROP or node.has_attr("hidden") or (name == "header" and not in_article):
                continue
            in_article, in_pre = in_article or name == "article", in_pre or name == "pre"
            if name in _PARA:
                out.append(P_MARK)
                stack.append(P_MARK)
            elif name in ("br", "tr"):
                out.append(BR_MARK)
            elif name in ("td", "th"):
                out.append(" ")
            stack.extend((child, in_article, in_pre) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):  # not comments, doctypes, script strings
            out.append(node.replace("\n", BR_MARK) if in_pre else node)
    return "".join(out)


# ---------------------------------------------------------------------- markdown

_MD_SUBS = [
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S), ""),
    (re.compile(r"^ {0,3}(```|~~~).*$", re.M), ""),               # code fences (keep the code)
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M), ""),      # reference definitions
    (re.compile(r"[ \t]*!\[[^\]\n]*\](\([^)\n]*\)|\[[^\]\n]*\])"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])"), r"\1"),  # links -> text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),                 # autolinks
    (re.compile(r"</?[a-zA-Z][^>\n]*>"), ""),                      # inline html tags
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(=+|-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # setext underline / rules
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),                     # blockquotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1"),            # bullets
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),         # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
]
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCED = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.M | re.S)
_MD_TITLE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$|^(\S.*)\n {0,3}=+[ \t]*$", re.M)


def extract_markdown(md: str) -> Extracted:
    title = date = None
    if front := _FRONT.match(md):  # YAML front matter: take title/date, drop the block
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("'\"")
            if key.strip().lower() == "title" and value:
                title = value
            elif key.strip().lower() in ("date", "published") and value:
                date = find_date(value)
        md = md[front.end():]
    if title is None and (m := _MD_TITLE.search(_FENCED.sub("", md))):
        title = _strip_markdown(m.group(1) or m.group(2)).strip()
    return Extracted(_strip_markdown(md), title or "", date)


def _strip_markdown(md: str) -> str:
    for rx, repl in _MD_SUBS:
        md = rx.sub(repl, md)
    return md


# ---------------------------------------------------------------------- pdf

def extract_pdf(data: bytes, label: str) -> Extracted:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken files log warnings per object
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnsupportedFormat(f"{label} is a password-protected PDF; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title or "") if meta else ""
    except UnsupportedFormat:
        raise
    except Exception as exc:  # pypdf raises many unrelated types on broken files
        raise CorruptFile(f"{label} is a damaged or truncated PDF ({type(exc).__name__})") from exc
    if not pages:
        raise EmptyInput(f"{label} is a PDF with no pages")
    if not any(p.strip() for p in pages):
        if b"%%EOF" not in data[-2048:]:
            raise CorruptFile(f"{label} is a truncated PDF and no text could be read from it")
        raise NoTextLayer(f"{label} has no text layer (scanned PDF? run OCR first)")
    return Extracted("\n\n".join(pages), title.strip())


# ---------------------------------------------------------------------- docx

def open_zip(data: bytes, label: str) -> zipfile.ZipFile:
    """A zip whose every part was read in chunks and counted, so no parser meets a lie.

    The central directory's declared sizes are checked first (a bomb that admits its size is
    refused unopened). Headers can lie, though, and zipfile's ``read()`` asks zlib for up to
    2 GB at once whatever the header says: a 2 MB file declaring 5 KB parts once took 2.3 GB.
    So each part is decompressed here in CHUNK-sized reads, stopping at its declared size, its
    CRC checked, the real total counted against MAX_UNZIPPED and MAX_RATIO; the parts that
    pass are handed on in a fresh, uncompressed zip, whose reads are exactly as large as they
    say.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, but also struct/OSError/ValueError on mangled headers
        raise CorruptFile(f"{label} is a damaged or truncated ZIP/DOCX file") from exc
    if len(infos) > MAX_ENTRIES:
        raise CorruptFile(f"{label} has {len(infos)} entries inside (limit {MAX_ENTRIES}); refusing it")
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNZIPPED:
        raise CorruptFile(f"{label} would unpack to {total / 2**20:.0f} MB "
                          f"(limit {MAX_UNZIPPED / 2**20:.0f} MB); refusing a possible zip bomb")
    if total / packed > MAX_RATIO or any(
            i.file_size > 2**20 and i.file_size / max(1, i.compress_size) > MAX_RATIO for i in infos):
        raise CorruptFile(f"{label} is compressed over {MAX_RATIO}:1; refusing a possible zip bomb")
    parts = _read_parts(zf, infos, min(MAX_UNZIPPED, MAX_RATIO * len(data)), label)
    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_STORED) as out:
        for name, blob in parts.items():
            out.writestr(name, blob)
    return zipfile.ZipFile(clean)


CHUNK = 64 * 1024
LIED = "its ZIP headers do not match what it holds; refusing a possible zip bomb"


def _read_parts(zf: zipfile.ZipFile, infos: list, limit: int, label: str) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    real = 0
    for info in infos:
        if info.is_dir():
            continue
        chunks = []
        try:
            with zf.open(info) as part:
                while chunk := part.read(CHUNK):
                    real += len(chunk)
                    if real > limit:
                        raise CorruptFile(f"{label} unpacks to over {limit / 2**20:.0f} MB; "
                                          "refusing a possible zip bomb")
                    chunks.append(chunk)
        except zipfile.BadZipFile as exc:  # a bad CRC: the part is not what the header says
            raise CorruptFile(f"{label}: {LIED}") from exc
        except CorruptFile:
            raise
        except (RuntimeError, NotImplementedError) as exc:  # encrypted, or an exotic compression
            raise UnsupportedFormat(f"{label} is an encrypted or unusually compressed ZIP; "
                                    "save it again as .docx") from exc
        except Exception as exc:  # zlib.error, EOFError, struct.error on mangled data
            raise CorruptFile(f"{label} is a damaged or truncated ZIP/DOCX file") from exc
        parts[info.filename] = b"".join(chunks)
    return parts


# python-docx's own template stamps this creation time on every document it makes.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)


def extract_docx(data: bytes, label: str) -> Extracted:
    import docx
    from docx.table import Table

    zf = open_zip(data, label)
    if "word/document.xml" not in zf.namelist():
        raise UnsupportedFormat(f"{label} is a ZIP archive but not a Word .docx document")
    try:
        document = docx.Document(zf.fp)  # the checked copy, never the original bytes
        blocks, title = [], ""
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = list(dict.fromkeys(c.text.strip() for c in row.cells))  # merged cells repeat
                    blocks.append("\t".join(c for c in cells if c))
                continue
            blocks.append(block.text)
            style = (block.style.name if block.style is not None else "") or ""
            if not title and block.text.strip() and style.startswith(("Heading", "Title")):
                title = block.text.strip()
        props = document.core_properties
        title = (props.title or "").strip() or title
        created = props.created
    except Exception as exc:  # lxml/KeyError/ValueError from broken parts
        raise CorruptFile(f"{label} is a damaged Word document ({type(exc).__name__})") from exc
    date = None
    if created and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        date = created.date().isoformat()
    return Extracted("\n\n".join(blocks), title, date)
