"""Disk cache of geocoder answers, so a name costs one request per service, ever.

Empty answers are cached too ("this village is unknown"); failures are not, so a name
asked while the service was down is asked again later.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

from geo.errors import GeocoderError
from geo.gazetteer.namekey import name_key
from geo.types import Place

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    service TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT NOT NULL,        -- '' when the lookup was not restricted
    max_results INTEGER NOT NULL, -- the limit the service was asked with
    places TEXT NOT NULL,         -- JSON list of Place.to_dict()
    created REAL NOT NULL,
    PRIMARY KEY (service, name, country)
)
"""


def normalise(name: str) -> str:
    """The one name key (geo.gazetteer.namekey): "Severodonetsk" and "Sievierodonetsk" share an answer."""
    return name_key(name)


class GeocodeCache:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # Streamlit calls from several threads; the lock serialises them.
            self._db = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise GeocoderError(f"cannot open the geocoder cache {path}: {exc}") from exc
        self._lock = threading.Lock()

    def get(self, service: str, name: str, country: str | None, limit: int) -> list[Place] | None:
        """The cached answer, or None when the service must be asked."""
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT max_results, places FROM answers WHERE service=? AND name=? AND country=?",
                    (service, normalise(name), country or ""),
                ).fetchone()
        except sqlite3.Error as exc:
            log.warning("geocoder cache read failed (%s); asking the service", exc)
            return None
        if row is None:
            return None
        asked, places = row[0], [Place(**d) for d in json.loads(row[1])]
        # A smaller earlier limit may have cut the list short, unless the service had no more.
        if limit > asked and len(places) >= asked:
            return None
        return places[:limit]

    def put(self, service: str, name: str, country: str | None, limit: int, places: list[Place]) -> None:
        try:
            with self._lock, self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                    (service, normalise(name), country or "", limit,
                     json.dumps([p.to_dict() for p in places], ensure_ascii=False), time.time()),
                )
        except sqlite3.Error as exc:
            log.warning("geocoder cache write failed: %s", exc)

    def close(self) -> None:
        with self._lock:
            self._db.close()
