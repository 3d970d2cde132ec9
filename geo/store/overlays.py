"""The user's own layers in the article library (table ``overlays``, schema v7): add, list,
read one, remove. Shared by the dashboard and `geo overlays`."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import delete, select

from geo.errors import StoreError
from geo.text.overlays import LayerFile, Overlay
from geo.store.schema import overlays

_LISTED = (overlays.c.id, overlays.c.name, overlays.c.source, overlays.c.kind, overlays.c.date,
           overlays.c.added_at, overlays.c.features)


def add_overlay(store, layer: LayerFile, *, name: str = "", source: str = "", date: str | None = None) -> Overlay:
    """Keep a layer read by geo.text.overlays.read_layer; ``name`` overrides the file's own."""
    if date is not None:
        try:
            date = datetime.fromisoformat(date).date().isoformat()
        except ValueError:
            raise StoreError(f"Not an ISO date: {date!r} (expected e.g. 2024-05-01).") from None
    row = {"name": " ".join((name or layer.name).split()) or source or "layer", "source": source,
           "kind": layer.kind, "date": date, "features": layer.features,
           "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "geojson": json.dumps(layer.collection, ensure_ascii=False, separators=(",", ":"))}
    with store._write() as conn:  # noqa: SLF001 - the store's own transaction
        new_id = conn.execute(overlays.insert().values(row)).inserted_primary_key[0]
    return Overlay(new_id, row["name"], source, layer.kind, date, row["added_at"], layer.features)


def list_overlays(store) -> list[Overlay]:
    """Oldest first: the order they are drawn in, the newest on top."""
    with store._read() as conn:  # noqa: SLF001
        return [Overlay(*r) for r in conn.execute(select(*_LISTED).order_by(overlays.c.id))]


def overlay_geojson(store, overlay_id: int) -> dict:
    with store._read() as conn:  # noqa: SLF001
        text = conn.scalar(select(overlays.c.geojson).where(overlays.c.id == overlay_id))
    if text is None:
        raise StoreError(f"No layer {overlay_id} in the library.")
    return json.loads(text)


def remove_overlay(store, overlay_id: int) -> bool:
    with store._write() as conn:  # noqa: SLF001
        return bool(conn.execute(delete(overlays).where(overlays.c.id == overlay_id)).rowcount)
