"""Where a geocoding service lives: the URL of a spec, split the way geopy wants it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from geopy.geocoders.base import DEFAULT_SENTINEL

from geo.errors import GeocoderError


@dataclass(frozen=True, slots=True)
class Endpoint:
    scheme: str  # "http" or "https"
    domain: str  # host[:port][/path prefix], geopy's `domain`

    @classmethod
    def parse(cls, url: str) -> Endpoint:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise GeocoderError(f"not a geocoder URL: {url!r} (expected http://host[:port] or https://host)")
        # geopy appends its API path to `domain`, so a prefix like /nominatim survives.
        return cls(parts.scheme, (parts.netloc + parts.path).rstrip("/"))

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.domain}"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def proxies(self):
        # A proxy set in the environment must never see requests meant for this machine.
        return {} if self.loopback else DEFAULT_SENTINEL
