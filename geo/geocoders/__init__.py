"""Optional online geocoders, asked for names the offline gazetteer cannot resolve.

Choose one with a spec, from the argument or the GEO_GEOCODER environment variable:

    nominatim                          the public OSM Nominatim (1 request/s)
    nominatim:http://127.0.0.1:8080    a self-hosted Nominatim
    photon:http://127.0.0.1:2322       a Photon server
    pelias:https://pelias.example.org  a Pelias server
    opencage | geonames | mapbox       hosted services; the key comes from the environment

Environment: GEO_GEOCODER_KEY (or the service's own variable), GEO_GEOCODER_TIMEOUT (5 s),
GEO_GEOCODER_MIN_DELAY (seconds between requests), GEO_GEOCODER_USER_AGENT,
GEO_GEOCODER_LANGUAGE (en), GEO_DATA_DIR (where geocoder-cache.sqlite lives).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from geo.config import data_dir

from geo.errors import GeocoderError

from .base import DEFAULT_TIMEOUT, USER_AGENT, OnlineGeocoder
from .breaker import CircuitBreaker
from .cache import GeocodeCache
from .endpoint import Endpoint
from .geonames import GeoNamesGeocoder
from .mapbox import MapBoxGeocoder
from .nominatim import NominatimGeocoder
from .opencage import OpenCageGeocoder
from .pelias import PeliasGeocoder
from .photon import PhotonGeocoder

__all__ = [
    "SERVICES", "from_spec", "OnlineGeocoder", "GeocodeCache", "CircuitBreaker", "Endpoint",
    "NominatimGeocoder", "PhotonGeocoder", "PeliasGeocoder", "OpenCageGeocoder",
    "GeoNamesGeocoder", "MapBoxGeocoder",
]

SERVICES: dict[str, type[OnlineGeocoder]] = {cls.service: cls for cls in (
    NominatimGeocoder, PhotonGeocoder, PeliasGeocoder, OpenCageGeocoder, GeoNamesGeocoder, MapBoxGeocoder,
)}

# One geocoder per configuration per process, so its rate limit and circuit breaker hold
# across Streamlit reruns and sessions instead of restarting with every from_spec call.
_made: dict[tuple, OnlineGeocoder] = {}
_made_lock = threading.Lock()


def accepted_specs() -> str:
    return ", ".join(
        f"{name}:URL" if cls.default_url is None else f"{name}[:URL]" for name, cls in SERVICES.items()
    )


def from_spec(spec: str | None = None, *, cache_path: str | Path | None = None) -> OnlineGeocoder | None:
    """The geocoder a spec names, or None when none is configured ("", "none", "off")."""
    spec = (os.environ.get("GEO_GEOCODER", "") if spec is None else spec).strip()
    if spec.lower() in ("", "none", "off"):
        return None
    name, _, url = spec.partition(":")
    cls = SERVICES.get(name.strip().lower())
    if cls is None:
        raise GeocoderError(f"unknown geocoder {spec!r}; accepted: {accepted_specs()}, or none")
    if cls.default_url is None and not url:
        raise GeocoderError(f"{cls.service} needs the server's URL: {cls.service}:https://host[:port]")
    key = os.environ.get("GEO_GEOCODER_KEY") or (os.environ.get(cls.key_env) if cls.key_env else None)
    if cls.key_required and not key:
        raise GeocoderError(f"{cls.service} needs an API key: set GEO_GEOCODER_KEY or {cls.key_env}")
    if cache_path is None:
        cache_path = data_dir() / "geocoder-cache.sqlite"
    options = dict(
        key=key,
        timeout=_seconds("GEO_GEOCODER_TIMEOUT", DEFAULT_TIMEOUT),
        min_delay=_seconds("GEO_GEOCODER_MIN_DELAY", None),
        user_agent=os.environ.get("GEO_GEOCODER_USER_AGENT") or USER_AGENT,
        language=os.environ.get("GEO_GEOCODER_LANGUAGE", "en") or None,
    )
    made_key = (cls.service, url or None, str(cache_path), tuple(sorted(options.items())))
    with _made_lock:
        if made_key not in _made:
            _made[made_key] = cls(url or None, cache=GeocodeCache(cache_path), **options)
        return _made[made_key]


def _seconds(variable: str, default: float | None) -> float | None:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        raise GeocoderError(f"{variable} must be a number of seconds, not {value!r}") from None
    if seconds < 0:
        raise GeocoderError(f"{variable} must not be negative")
    return seconds
