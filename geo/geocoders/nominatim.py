"""Nominatim (OpenStreetMap search): the public server or a self-hosted one."""

from __future__ import annotations

from geopy.geocoders import Nominatim

from geo.types import Place

from .base import OnlineGeocoder
from .features import from_osm, from_rank

PUBLIC_URL = "https://nominatim.openstreetmap.org"
# Usage policy of the public server: at most one request per second.
PUBLIC_MIN_DELAY = 1.0


class NominatimGeocoder(OnlineGeocoder):
    service = "nominatim"
    geopy_class = Nominatim
    default_url = PUBLIC_URL

    def _spacing(self, min_delay):
        spacing = super()._spacing(min_delay)
        return max(spacing, PUBLIC_MIN_DELAY) if self.endpoint.url == PUBLIC_URL else spacing

    def _search(self, name, country, limit):
        return self._raws(self.geocoder.geocode(
            name, exactly_one=False, limit=limit, addressdetails=True, extratags=True,
            country_codes=country.lower() if country else None, language=self.language or False,
        ))

    def _place(self, raw):
        address = raw.get("address") or {}
        extratags = raw.get("extratags") or {}
        if raw["class"] == "boundary":
            # Boundaries are all type=administrative; their level says what they are.
            if raw.get("addresstype"):
                feature = from_osm("place", raw["addresstype"])
            else:
                feature = from_rank(int(raw.get("place_rank", 30)))
        else:
            feature = from_osm(raw["class"], raw["type"], water=extratags.get("water", ""))
        return Place(
            id=f"nominatim:{raw['osm_type'][:1].upper()}{raw['osm_id']}",
            name=raw.get("name") or raw["display_name"].split(",")[0],
            lat=float(raw["lat"]), lon=float(raw["lon"]),
            feature=feature,
            country=address.get("country_code", "").upper(),
            admin1=address.get("state") or address.get("region") or "",
            population=_population(extratags.get("population")),
            source=self.service,
        )


def _population(value: str | None) -> int:
    digits = "".join(c for c in str(value or "") if c.isdigit())
    return int(digits) if digits else 0
