"""Article text made safe for the map and the side panel: escaping, <mark> highlights, popups.

Article text is untrusted. Everything here html-escapes it, so a ``<script>`` or
``<img onerror>`` in an article shows as text wherever this HTML is rendered.
"""

from __future__ import annotations

import html
from typing import Iterable

from geo.gazetteer.areas import country_name
from geo.text.excerpt import MORE, SHOWN, span_in, window
from geo.filters import PlaceEvents, region_of
from geo.types import PlaceMention, Place

POPUP_SENTENCES = 3  # the side panel shows the rest; keeps the map payload small with many places


def escape(text: str) -> str:
    """html-escape, and also neutralise what a JS template literal acts on (folium wraps popup and
    tooltip HTML in backticks): backslash, `$` of `${` and the backtick itself."""
    return html.escape(text, quote=True).replace("\\", "&#92;").replace("$", "&#36;").replace("`", "&#96;")


def highlight(sentence_text: str, spans: Iterable[tuple[int, int]], limit: int = SHOWN) -> str:
    """Escaped sentence with each (start, end) span, relative to the sentence, wrapped in <mark>;
    at most ``limit`` characters of it, from just before the first span (geo.text.excerpt)."""
    spans = sorted(set(spans))
    lo, hi = window(len(sentence_text), spans, limit)
    out, pos = [MORE if lo else ""], lo
    for start, end in spans:
        start, end = max(start, pos), min(end, hi)
        if start >= end:
            continue
        out += [escape(sentence_text[pos:start]), "<mark>", escape(sentence_text[start:end]), "</mark>"]
        pos = end
    out.append(escape(sentence_text[pos:hi]))
    if hi < len(sentence_text):
        out.append(MORE)
    return "".join(out)


def mention_span(event: PlaceMention) -> tuple[int, int]:
    """Mention offsets inside its sentence; falls back to a text search if the offsets disagree."""
    found = span_in(event.sentence, event.mention)
    return found or (event.mention.start - event.sentence.start, event.mention.end - event.sentence.start)


def sentences_of(mentions: Iterable[PlaceMention]) -> list[tuple[PlaceMention, list[tuple[int, int]]]]:
    """Distinct (article, sentence) pairs, each with every mention span in it, in text order."""
    by_sentence: dict[tuple[str, int], tuple[PlaceMention, list[tuple[int, int]]]] = {}
    for e in mentions:
        by_sentence.setdefault((e.doc_id, e.sentence.index), (e, []))[1].append(mention_span(e))
    return sorted(by_sentence.values(), key=lambda item: (item[0].doc_id, item[0].sentence.index))


def describe(place: Place) -> str:
    """"city · Donetsk Oblast · Ukraine": countries by their English name, never a bare code."""
    country = country_name(place.country) if place.country else ""
    return " · ".join(x for x in (place.feature.replace("_", " "), region_of(place), country) if x)


def as_written(place: Place, mentions: Iterable[PlaceMention]) -> str:
    """The name as the articles spell it, with the gazetteer's beside it when that differs:
    "Kupiansk (Kupyansk)". Case-only differences ("KHERSON") and nationality words are not
    spellings of the name."""
    spellings = dict.fromkeys(e.mention.text for e in mentions
                              if e.mention.label != "DEMONYM" and e.mention.text.casefold() != place.name.casefold())
    if not spellings:
        return place.name
    return f"{' / '.join(list(spellings)[:2])} ({place.name})"


def popup_html(group: PlaceEvents, titles: dict[str, str] | None = None, limit: int = POPUP_SENTENCES,
               user_set: bool = False) -> str:
    titles = titles or {}
    docs = group.doc_ids
    items = sentences_of(group.events)
    in_articles = f" in {len(docs)} articles" if len(docs) > 1 else ""
    parts = [
        f"<div class='geo-popup' style='font-size:13px;line-height:1.35'><b>{escape(as_written(group.place, group.events))}</b> <small>{escape(describe(group.place))}</small>"
        f"<br><small>{group.count} mention{'s' if group.count != 1 else ''}{in_articles}"
        f"{' · <b>user-set</b>' if user_set else ''}</small>"
        "<ul style='padding-left:1.1em;margin:4px 0'>"
    ]
    for event, spans in items[:limit]:
        source = ""
        if len(docs) > 1 and event.doc_id in titles:
            source = f"<br><small><i>{escape(titles[event.doc_id])}</i></small>"
        parts.append(f"<li>{highlight(event.sentence.text, spans)}{source}</li>")
    parts.append("</ul>")
    if len(items) > limit:
        parts.append(f"<small>+{len(items) - limit} more sentences in the panel beside the map</small>")
    parts.append("</div>")
    return "".join(parts)


def candidate_popup(place: Place, rank: int | None = None) -> str:
    """Popup of a gazetteer entry (place search page): what it is, where, how big, which id."""
    rows = [("Feature", place.feature.replace("_", " ")), ("Region", region_of(place)),
            ("Country", place.country), ("Population", f"{place.population:,}" if place.population else ""),
            ("Coordinates", f"{place.lat:.4f}, {place.lon:.4f}"), ("Id", place.id), ("Source", place.source)]
    head = f"{rank}. " if rank is not None else ""
    body = "".join(f"<tr><th style='text-align:left;padding-right:6px'>{k}</th><td>{escape(str(v))}</td></tr>"
                   for k, v in rows if v)
    return f"<div class='geo-popup' style='font-size:13px;line-height:1.35'><b>{head}{escape(place.name)}</b><table>{body}</table></div>"
