"""An article as an analyst files it: its title, its date and its outlet.

- Title: HTML ``og:title``, else ``<title>`` (without the outlet's " | Site" suffix), else the
  first heading; for plain text the first line when it is short, never a sentence cut off.
- Date: HTML metadata (``article:published_time``, JSON-LD ``datePublished``, ``<time
  datetime>``), else a dateline ("KYIV, Nov 9 (Reuters) -", a line that is only a date), else the
  first date the prose states. A heading ("Fighting in September: a look back") names the
  period it is about, not when the article was written: its dates are skipped.
- Outlet: ``og:site_name``, JSON-LD publisher, ``application-name``, an agency in the dateline
  ("(Reuters)"), else the domain of the canonical URL; the file name only when nothing says.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from geo.rules import on, switch
from geo.text import stamps

TITLE_MAX = 150  # a first line longer than this is a paragraph, not a title
PROSE_REACH = 500  # a date stated further down is about events, not when the article appeared


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str = ""
    date: str | None = None
    outlet: str = ""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


# ------------------------------------------------------------------------------- html

def from_html(tags: dict, find_date) -> ArticleMeta:
    """``tags``: name -> list of bs4 tags (title, h1, meta, script, time, link), as
    geo.text.formats indexes them; ``find_date``: text -> ISO date or None."""
    meta = {}
    for m in tags.get("meta", []):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if key and key not in meta and m.get("content"):
            meta[key] = _clean(m.get("content"))
    ld = _json_ld(tags.get("script", []))
    outlet = meta.get("og:site_name") or _publisher(ld) or meta.get("application-name") or ""
    url = meta.get("og:url") or ld.get("url") or next(
        (link.get("href") for link in tags.get("link", [])
         if "canonical" in (link.get("rel") or [])), "") or ""
    if not outlet and isinstance(url, str):
        outlet = domain(url)
    title = meta.get("og:title") or _clean(ld.get("headline") if isinstance(ld.get("headline"), str) else "")
    if not title and tags.get("title"):
        title = strip_site(_clean(tags["title"][0].get_text(" ")), outlet)
    if not title and tags.get("h1"):
        title = _clean(tags["h1"][0].get_text(" "))
    date = None
    for key in ("article:published_time", "og:published_time", "datepublished", "pubdate",
                "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date"):
        if key in meta and (date := find_date(meta[key])):
            break
    if date is None and isinstance(ld.get("datePublished"), str):
        date = find_date(ld["datePublished"])
    if date is None:
        for t in tags.get("time", []):
            if date := find_date(t.get("datetime") or "") or find_date(t.get_text()[:200]):
                break
    return ArticleMeta(title[:300], date, outlet[:120])


def _json_ld(scripts) -> dict:
    """The first JSON-LD object that describes an article (or the first object at all)."""
    found: list[dict] = []
    for s in scripts:
        if (s.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(s.get_text()[:200_000])
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        found += [d for d in stack if isinstance(d, dict)]
    for d in found:
        if "Article" in str(d.get("@type", "")) or "datePublished" in d:
            return d
    return found[0] if found else {}


def _publisher(ld: dict) -> str:
    p = ld.get("publisher")
    if isinstance(p, list) and p:
        p = p[0]
    if isinstance(p, dict) and isinstance(p.get("name"), str):
        return _clean(p["name"])
    return _clean(p) if isinstance(p, str) else ""


def domain(url: str) -> str:
    """'https://www.kyivindependent.com/x' -> 'kyivindependent.com'."""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host[4:] if host.startswith("www.") else host


_SEPARATORS = re.compile(r"\s+[|–—\-:•·]\s+")


def strip_site(title: str, outlet: str) -> str:
    """'Troops enter Kherson | Kyiv Independent' -> 'Troops enter Kherson' when the outlet is
    known and the part cut off names it."""
    parts = _SEPARATORS.split(title)
    if len(parts) > 1 and outlet:
        key = re.sub(r"\W", "", outlet.lower())
        for i in (-1, 0):
            if key and (key in re.sub(r"\W", "", parts[i].lower()) or
                        re.sub(r"\W", "", parts[i].lower()) in key):
                rest = parts[:-1] if i == -1 else parts[1:]
                return " - ".join(rest) if rest else title
    return title


# ------------------------------------------------------------------------------- text

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
_DATELINE = re.compile(r"^.{4,80}?\s[-—–]\s")
_AGENCY_LINE = re.compile(r"\((?P<agency>Reuters|AP|AFP|Ukrinform|Interfax(?:-Ukraine)?|TASS|UNIAN|dpa|Bloomberg)\)")


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def is_heading(line: str) -> bool:
    """A short line that ends without a sentence's final stop: a title or a section heading."""
    return len(line) <= TITLE_MAX and not _SENTENCE_END.search(line) and len(line.split()) <= 20


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:.*\n){0,80}?)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$")


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """A Markdown page's leading front matter ("---", "title: ...", "date: ...", "---"): its
    plain fields and where it ends (({}, 0) when there is none)."""
    m = _FRONT_MATTER.match(text[:20_000])
    if m is None:
        return {}, 0
    fields = {}
    for line in m.group(1).split("\n"):
        if f := _FIELD.match(line):
            fields.setdefault(f.group(1).lower(), f.group(2).strip("\"'"))
    return fields, m.end()


def text_title(text: str) -> str:
    """The first line when it is short enough to be a title, else ''. Never cut: a cut
    sentence reads as a broken title, and the file name says more."""
    fields, end = front_matter(text)
    if fields.get("title") and len(fields["title"]) <= TITLE_MAX:
        return fields["title"]
    text = text[end:]
    first = next(iter(lines(text[:5000])), "")
    if first and len(first) <= TITLE_MAX:
        return first
    return ""


_CAPS_PLACE = re.compile(r"^[A-Z][A-Z'’.-]{2,}")  # a wire dateline opens with its town in capitals


def dateline_end(line: str) -> int:
    """Where a wire dateline ("KHARKIV, Ukraine, March 15 (AP) — ") ends in the line that opens
    with it, else 0: its date is when the story was filed, not when its events happened."""
    m = _DATELINE.match(line)
    return m.end() if m and _CAPS_PLACE.match(line) else 0


def text_date(text: str, find_date) -> str | None:
    """A dateline or publication stamp in the first lines, else the first date a prose line
    states near the top (its first ``PROSE_REACH`` characters); headings are skipped. A page's
    front matter says its date itself."""
    fields, end = front_matter(text)
    for name in ("date", "published", "pubdate"):
        if fields.get(name) and (date := find_date(fields[name])):
            return date
    text = text[end:]
    head = lines(text[:3000])
    for line in head[:3]:
        m = _DATELINE.match(line)
        if m and (date := find_date(line[:m.end()])):
            return date  # "KYIV, Nov 9 (Reuters) -", "Nov. 9, 2022 — Kherson"
        if _is_stamp(line) and (date := find_date(_apart(line))):
            return date  # a stamp: "Published 09.11.2022", "Updated 9 November 2022 at noon"
    if on("date_ending_the_title") and head and (m := _TITLE_DATE.search(head[0])) and (date := find_date(m["date"])):
        return date  # "Latest Defence Intelligence update on the situation in Ukraine - 10 February 2025"
    if on("stamp_below_the_byline"):
        for line in head[3:STAMP_LINES]:
            if (_STAMPED.match(line) or _BARE_DATE.match(line) and on("bare_date_under_byline")) \
                    and _is_stamp(line) and (date := find_date(_apart(line))):
                return date  # "Published On 27 Feb 2026" under a title, a caption and a byline
    if date := stamps.head_stamp(head[:STAMP_LINES], _is_stamp, lambda line: not is_heading(line), find_date):
        return date  # "Last updated: 10 February 2025 14:20 GMT" under the headline, before the prose
    for line in text[:PROSE_REACH].split("\n"):
        if line.strip() and not is_heading(line.strip()) and (date := stamps.prose_date(line, find_date)):
            if on("stamp_below_the_byline") and _CREDITED.search(line):
                continue  # a photo's caption dates the picture: "... Kyiv, February 24, 2026 [Name/Reuters]"
            if on("period_told_ends_by_the_page_day") and (span := _SPAN.search(line)) \
                    and (end := find_date(span["end"])) and end > date:
                return end  # "From 14 December 2024 to 10 January 2025, ...": written when the period ended
            return date
    return None


STAMP_LINES = 15
_SPAN = re.compile(r"\bfrom\s+[^.;]{4,30}?\b(?:19|20)\d\d\s+(?:to|until|through|till)\s+(?P<end>[^.;,]{4,30}?\b(?:19|20)\d\d)\b",
                   re.I)
switch("period_told_ends_by_the_page_day", "an analyst's update that opens 'From 14 December 2024 to 10 January 2025, ...' "
       "and states no date of its own was written when the period ended, not when it began: the prose's first date "
       "is no page date there")
# An update's title that ends in its date after a dash, bar, colon or comma dates the update; a title
# that names a day inside its words ("Battles of 30 September 2022") is about that day, and stays skipped.
_TITLE_DATE = re.compile(r"(?:\s[-–—|:]|,)\s*(?P<date>(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+)"
                         r"(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\s*$")
switch("date_ending_the_title", "'Latest Defence Intelligence update on the situation in Ukraine - 10 February 2025', "
       "'General Staff update, 11 February 2025': a title that ends in a full date after a dash or comma is the "
       "update's date, where no dateline or stamp line gives one")
# "by / Daniel Thomas / 27/02/2026": a line that is nothing but a date, among the title, byline and
# captions, is the page's publication stamp; a photo caption's date further down dates the photo.
_BARE_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}$|^\d{4}-\d{2}-\d{2}$")
switch("bare_date_under_byline", "'by / Daniel Thomas / 27/02/2026': a line holding only a date under a page's title "
       "and byline is its publication stamp, though no 'Published' says so")
_STAMPED = re.compile(r"\s*(?:published|updated|posted|last modified)\b", re.I)
_CREDITED = re.compile(r"[\[(][^\[\]()]{0,60}/[^\[\]()]{0,40}[\])]\s*$")
switch("stamp_below_the_byline", "'Published On 27 Feb 2026' below a page's title, a photo caption and a byline "
       "dates the article; a caption's own date ('... Kyiv, February 24, 2026 [Name/Reuters]') dates the picture")


# Words a publication stamp may hold besides the date; anything else makes the line a heading
# ("Battles of 30 September 2022" is about September, whenever it was written).
_STAMP_WORDS = set("""published updated posted date dated last modified at on of the am pm utc gmt eet eest
noon midnight morning evening time року р г опубліковано оновлено опубликовано обновлено дата
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue wed thu fri sat sun січня лютого березня квітня травня червня липня серпня
вересня жовтня листопада грудня января февраля марта апреля мая июня июля августа сентября
октября ноября декабря""".split())


_PLACE_PREFIX = re.compile(r"^[^\W\d_][\w'’ .-]{1,40},\s*(?=\d)")  # "Kherson, 9 November 2022"


def _is_stamp(line: str) -> bool:
    line = stamps.bare(line)
    if on("iso_time_is_a_stamp"):
        line = _ISO_TIME.sub(" ", line)
    if on("updated_ago_in_a_stamp"):
        line = _AGO.sub(" ", line)
    if on("stamp_with_its_author"):
        line = _BY_AUTHOR.sub(" ", line)
    if on("stamp_with_a_place_or_zone"):
        line = _ZONE.sub(" ", _PLACE_BULLET.sub("", line))
    words = re.findall(r"[^\W\d_]+", _PLACE_PREFIX.sub("", line).lower())
    return len(line) <= 80 and all(w in _STAMP_WORDS for w in words)


# "Kharkiv • 10.02.2025, 14:32", "10 February 2025, 14:32 local time": a Ukrainian outlet's stamp
_PLACE_BULLET = re.compile(r"^[^\W\d_][\w'’ .-]{1,40}\s[•·|]\s*(?=\d)")
_ZONE = re.compile(r"(?<=\d\d)\s+(?:[^\W\d_]{2,12}\s+)?time\b", re.I)  # after the clock: "14:32 <city> time"
switch("stamp_with_a_place_or_zone", "'Kharkiv • 10.02.2025, 14:32', '10 February 2025, 14:32 local time': a stamp line "
       "with its town before a bullet, or its time zone, is still a publication stamp")


# "2025-02-12T09:10:00Z", "2025-02-12T09:10:00+02:00": a feed's machine stamp, its T and Z no words
_ISO_TIME = re.compile(r"(?<=\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\b")
switch("iso_time_is_a_stamp", "'2025-02-12T09:10:00Z' on a line of its own is a feed's publication stamp: its T and Z "
       "are no words that make the line a heading")


# "February 11, 2025 7:41 AM GMT+0 Updated 2 hours ago" (a wire's page head): how long ago it was
# updated is no word that makes the line a heading; its year run into the time ("20257:41 AM") is split.
_AGO = re.compile(r"\b(?:an?|\d+)\s*(?:hours?|hrs?|h|minutes?|mins?|m|days?|d)\s+ago\b|\bjust now\b", re.I)
_YEAR_INTO_TIME = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d)")
switch("updated_ago_in_a_stamp", "'February 11, 2025 7:41 AM GMT Updated 2 hours ago' under a wire's title and byline is "
       "its publication stamp ('20257:41 AM', the year run into the time, read apart)")


# "Posted on February 8, 2025 by admin", "10 February 2025, by Jane Doe": a blog's stamp with its author
_BY_AUTHOR = re.compile(r"(?:,|\s[|·•—–-])?\s+by\s+[A-Za-z][\w.'’ -]{0,40}$", re.I)
switch("stamp_with_its_author", "'Posted on February 8, 2025 by admin': a blog's stamp line that ends in its author is "
       "still the post's stamp (and each post's dates its post)")


def _apart(line: str) -> str:
    return _YEAR_INTO_TIME.sub(r"\1 ", line) if on("updated_ago_in_a_stamp") else line


def is_stamp(line: str) -> bool:
    """A line that is nothing but a publication stamp ("Feb. 10, 2025", "Published: 10 February
    2025 14:32", "2025-02-10T14:32:00Z")."""
    return bool(line.strip()) and _is_stamp(line.strip())


def text_outlet(text: str) -> str:
    """An agency named in the dateline: "KYIV, Nov 9 (Reuters) - ..."."""
    for line in lines(text[:2000])[:3]:
        m = _AGENCY_LINE.search(line[:120])
        if m:
            return m.group("agency")
    return ""
