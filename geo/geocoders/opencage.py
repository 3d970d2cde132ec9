"""OpenCage (hosted, needs OPENCAGE_API_KEY or GEO_GEOCODER_KEY)."""

from __future__ import annotations

from geopy.geocoders import OpenCage

from geo.types import Place

from .base import OnlineGeocoder
from .features import from_osm


class OpenCageGeocoder(OnlineGeocoder):
    service = "opencage"
    geopy_class = OpenCage
    default_url = "https://api.opencagedata.com"
    key_param = "api_key"
    key_env = "OPENCAGE_API_KEY"
    key_required = True

    def _search(self, name, country, limit):
        return self._raws(self.geocoder.geocode(
            name, exactly_one=False, country=country.lower() if country else None,
            language=self.language, annotations=False,
        ))

    def _place(self, raw):
        parts = raw["components"]
        kind = parts.get("_type", "")
        lat, lon = float(raw["geometry"]["lat"]), float(raw["geometry"]["lng"])
        return Place(
            # OpenCage has no stable id of its own; the point is stable enough for a cache.
            id=f"opencage:{lat:.5f},{lon:.5f}",
            name=parts.get(kind) or raw["formatted"].split(",")[0],
            lat=lat, lon=lon,
            feature=from_osm("", kind),
            country=(parts.get("ISO_3166-1_alpha-2") or parts.get("country_code") or "").upper(),
            admin1=parts.get("state", ""),
            source=self.service,
        )
