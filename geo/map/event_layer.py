"""Reported events on the map: one marker per event, a glyph and a colour per ACLED event type,
clustered (spiderfied where several happened at one place), each with a popup saying what,
where, when, who, the toll and the source sentence.

The markers are PlaceLayer markers (geo.map.elements), so events get the same clustering, the
same offline assets and the same click reporting as places: a marker's tooltip ends with the
event's key in a hidden span, and the dashboard reads the click back with ``find_event``.
"""

from __future__ import annotations

from typing import Iterable

import folium

from geo.map.basemap import GEONAMES_ATTRIBUTION, Basemap
from geo.text.excerpt import span_in
from geo.map.elements import PlaceLayer, add_draw, new_map
from geo.map.legend import MapLegend
from geo.map.popups import escape, highlight
from geo.types import NEAR_PLACE, REGION_ONLY, Event, Place

# Event type -> (glyph, colour). Glyphs from DejaVu Sans, which every Linux browser has: no icon
# font to fetch. Colours far apart, red for fighting, orange for strikes.
TYPE_STYLE = {
    "Battles": ("⚔", "#c0392b"),
    "Explosions/Remote violence": ("✸", "#e67e22"),
    "Violence against civilians": ("⚠", "#8e44ad"),
    "Protests": ("✌", "#27ae60"),
    "Riots": ("⚡", "#795548"),
    "Strategic developments": ("⚑", "#2471a3"),
}
SUB_TYPE_GLYPH = {"Air/drone strike": "✈", "Shelling/artillery/missile attack": "✸",
                  "Disrupted weapons use": "◎", "Remote explosive/landmine/IED": "✷"}
OTHER_STYLE = ("•", "#555555")
ID_MARK = "\u2063"  # as geo.map.webmap: invisible separator before the key in a tooltip
PRECISION = {NEAR_PLACE: "near ", REGION_ONLY: "somewhere in "}
SIZE = 28


def event_keys(events: Iterable[Event]) -> list[str]:
    """Stable keys for a list of events: article, sentence, and the event's rank in that sentence."""
    seen: dict[tuple[str, int], int] = {}
    keys = []
    for e in events:
        n = seen.get((e.doc_id, e.sentence.index), 0)
        seen[(e.doc_id, e.sentence.index)] = n + 1
        keys.append(f"{e.doc_id}:{e.sentence.index}:{n}")
    return keys


def glyph_colour(e: Event) -> tuple[str, str]:
    glyph, colour = TYPE_STYLE.get(e.type, OTHER_STYLE)
    return SUB_TYPE_GLYPH.get(e.sub_type, glyph), colour


def toll(e: Event) -> str:
    parts = [f"{n} {word}" for n, word in ((e.fatalities, "killed"), (e.injured, "injured")) if n is not None]
    return ", ".join(parts) or "not stated"


def where(e: Event, place_label: str | None = None) -> str:
    if e.place is None:
        return "no place named"
    return PRECISION.get(e.precision, "") + (place_label or e.place.name)


def title(e: Event) -> str:
    """Plain text: what and where ("Air/drone strike — Kherson"); browsers show it on hover."""
    return f"{e.sub_type} — {e.place.name if e.place else '?'}"


def place_label(e: Event) -> str:
    """The name as the article spells it, with the gazetteer's beside it when they differ."""
    if e.place is None:
        return ""
    written = e.mention.text if e.mention else ""
    if written and written.casefold() != e.place.name.casefold():
        return f"{written} ({e.place.name})"
    return e.place.name


def mention_spans(e: Event, sentence=None) -> list[tuple[int, int]]:
    """Where the event's place is named in ``sentence`` (its first one by default)."""
    span = span_in(sentence or e.sentence, e.mention)
    return [span] if span else []


def source_html(e: Event) -> str:
    """The sentences that report the event, escaped, the place's name marked where it stands."""
    return " ".join(highlight(s.text, mention_spans(e, s)) for s in e.sentences)


UNDATED = "undated"


def popup_html(e: Event, article: str = "", region: str = "", country: str = "") -> str:
    """What, where, when, who, the toll and the sentence; every piece of text escaped."""
    glyph, colour = glyph_colour(e)
    where_text = where(e, place_label(e)) + (f", {region}" if region else "") + (f", {country}" if country else "")
    rows = [("What", f"{e.type}: {e.sub_type}"), ("Where", where_text), ("When", e.date or UNDATED),
            ("Who", ", ".join(e.actors) or "not stated"), ("Toll", toll(e))]
    body = "".join(f"<tr><th style='text-align:left;padding-right:6px;vertical-align:top'>{k}</th>"
                   f"<td>{escape(v)}</td></tr>" for k, v in rows)
    source = f"<br><small><i>{escape(article)}</i></small>" if article else ""
    return (f"<div class='geo-popup geo-event' style='font-size:13px;line-height:1.35'>"
            f"<b style='color:{colour}'>{escape(glyph)} {escape(e.sub_type)}</b><table>{body}</table>"
            f"<div style='margin-top:4px;border-left:3px solid {colour};padding-left:6px'>"
            f"{source_html(e)}{source}</div></div>")


def marker(e: Event, key: str, popup: str, selected: bool = False) -> dict:
    glyph, colour = glyph_colour(e)
    p: Place = e.place  # type: ignore[assignment] - only placed events get a marker
    return {"lat": p.lat, "lon": p.lon, "size": SIZE + (4 if selected else 0), "color": colour,
            "label": escape(glyph), "title": title(e),
            "tooltip": escape(f"{e.sub_type} · {place_label(e)}" + (f" · {e.date}" if e.date else ""))
            + f"<span hidden>{ID_MARK}{escape(key)}</span>",
            "popup": popup, "selected": selected, "dx": 0, "dy": 0, "below": False}


def build_event_map(events: list[Event], *, titles: dict[str, str] | None = None, basemap: Basemap | None = None,
                    drawn: dict | list | None = None, local_assets: bool = True, selected: str | None = None,
                    country_names: dict[str, str] | None = None,
                    view: tuple[float, float, float] | None = None) -> folium.Map:
    """The events map. `selected` is an event key; unplaced events have no marker; `view` (lat,
    lon, zoom) opens the map there instead of framing the events."""
    from geo.map.webmap import _fit  # the same framing as the place map: never half the globe for a country

    titles, country_names = titles or {}, country_names or {}
    m = new_map(basemap, GEONAMES_ATTRIBUTION, local_assets)
    markers, places = [], []
    for e, key in zip(events, event_keys(events)):
        if e.place is None:
            continue
        popup = popup_html(e, titles.get(e.doc_id, ""), e.place.admin1, country_names.get(e.place.country, e.place.country))
        markers.append(marker(e, key, popup, key == selected))
        places.append(e.place)
    PlaceLayer(markers, [], cluster=True, local_assets=local_assets, noun="events").add_to(m)
    shown = {e.type for e in events if e.place is not None}
    MapLegend([(kind, colour, glyph) for kind, (glyph, colour) in TYPE_STYLE.items() if kind in shown]
              + ([("Other", OTHER_STYLE[1], OTHER_STYLE[0])] if shown - set(TYPE_STYLE) else []),
              "✈ air/drone strike" if any(e.sub_type == "Air/drone strike" for e in events) else "").add_to(m)
    add_draw(m, drawn, local_assets)
    _fit(m, places, [], view)
    return m


def find_event(keys: list[str], tooltip: str | None) -> str | None:
    """The key of the clicked event, read from the end of its tooltip."""
    _name, _mark, key = (tooltip or "").partition(ID_MARK)
    key = key.strip()
    return key if key in keys else None
