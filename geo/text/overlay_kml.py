"""KML placemarks as overlay features (geo.text.overlays), read by a hardened parser.

A KML file is XML from anywhere: no DTD is loaded, no entity expanded, nothing fetched from
the network, and a document declaring a DOCTYPE is refused outright (entity bombs and external
entities live there; no KML needs one). Namespaces are ignored, so KML 2.1, 2.2 and Google's
``gx`` extensions read alike; only geometry, names, descriptions and colours are kept.
"""

from __future__ import annotations

from lxml import etree

from geo.errors import OverlayError

_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
                   "huge_tree": False, "remove_comments": True, "remove_pis": True}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**_PARSER_OPTIONS)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(el, name: str) -> list:
    return [c for c in el if _local(c.tag) == name]


def _child_text(el, name: str) -> str:
    found = _children(el, name)
    return (found[0].text or "").strip() if found else ""


def read_kml(data: bytes) -> tuple[str, list[dict]]:
    """(the document's name, features as geo.text.overlays expects them)."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in head or b"<\x00!\x00d\x00o\x00c" in head:
        raise OverlayError("a KML file with a DOCTYPE is not read (KML needs none; it is how XML attacks begin)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise OverlayError(f"not well-formed KML ({' '.join(str(exc).split())[:160]})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise OverlayError("a KML file with a DOCTYPE is not read (KML needs none; it is how XML attacks begin)")
    if _local(root.tag) != "kml":
        raise OverlayError("not KML: its root element is not <kml>")
    styles = _styles(root)
    documents = [el for el in root.iter() if _local(el.tag) == "Document"]
    name = _child_text(documents[0], "name") if documents else ""
    features = []
    for placemark in (el for el in root.iter() if _local(el.tag) == "Placemark"):
        geometry = _geometry_of(placemark)
        if geometry is None:
            continue
        style = dict(styles.get(_child_text(placemark, "styleUrl").lstrip("#"), {}))
        for inline in _children(placemark, "Style"):
            style.update(_style(inline))
        features.append({"geometry": geometry, "name": _child_text(placemark, "name"),
                         "description": _child_text(placemark, "description"), **style})
    return name, features


_GEOMETRY_TAGS = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry")


def _geometry_of(placemark) -> dict | None:
    for child in placemark:
        if _local(child.tag) in _GEOMETRY_TAGS:
            return _geometry(child)
    return None


def _geometry(el, depth: int = 0) -> dict:
    kind = _local(el.tag)
    if kind == "Point":
        points = _coords(el)
        if len(points) != 1:
            raise OverlayError("a Point without one coordinate")
        return {"type": "Point", "coordinates": points[0]}
    if kind in ("LineString", "LinearRing"):
        return {"type": "LineString", "coordinates": _coords(el)}
    if kind == "Polygon":
        rings = []
        for boundary in ("outerBoundaryIs", "innerBoundaryIs"):
            for b in _children(el, boundary):
                rings += [_coords(ring) for ring in _children(b, "LinearRing")]
        return {"type": "Polygon", "coordinates": rings}
    if depth > 8:
        raise OverlayError("MultiGeometry nested too deep")
    parts = [_geometry(c, depth + 1) for c in el if _local(c.tag) in _GEOMETRY_TAGS]
    return {"type": "GeometryCollection", "geometries": parts}


def _coords(el) -> list[list[float]]:
    """<coordinates>lon,lat[,alt] lon,lat[,alt] ...</coordinates> of an element."""
    text = _child_text(el, "coordinates")
    out = []
    for item in text.split():
        parts = item.split(",")
        if len(parts) < 2:
            raise OverlayError(f"a coordinate that is not lon,lat: {item[:40]!r}")
        out.append([float(parts[0]), float(parts[1])])
    return out


def _styles(root) -> dict[str, dict]:
    """Styles by id; a StyleMap stands for its "normal" style."""
    found = {el.get("id"): _style(el) for el in root.iter() if _local(el.tag) == "Style" and el.get("id")}
    for style_map in (el for el in root.iter() if _local(el.tag) == "StyleMap" and el.get("id")):
        for pair in _children(style_map, "Pair"):
            if _child_text(pair, "key") == "normal":
                found[style_map.get("id")] = found.get(_child_text(pair, "styleUrl").lstrip("#"), {})
    return found


def _style(el) -> dict:
    out: dict = {}
    for line in _children(el, "LineStyle"):
        if colour := _kml_colour(_child_text(line, "color")):
            out["stroke"], out["stroke-opacity"] = colour
        try:
            out["stroke-width"] = max(0.0, min(float(_child_text(line, "width")), 20.0))
        except ValueError:
            pass
    for poly in _children(el, "PolyStyle"):
        if colour := _kml_colour(_child_text(poly, "color")):
            out["fill"], out["fill-opacity"] = colour
        if _child_text(poly, "fill") == "0":
            out["fill-opacity"] = 0.0
    return out


def _kml_colour(value: str) -> tuple[str, float] | None:
    """KML's aabbggrr as (#rrggbb, opacity)."""
    value = value.strip().lstrip("#")
    if len(value) != 8 or any(c not in "0123456789abcdefABCDEF" for c in value):
        return None
    return f"#{value[6:8]}{value[4:6]}{value[2:4]}".lower(), round(int(value[:2], 16) / 255, 3)
