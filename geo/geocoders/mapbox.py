"""Mapbox geocoding (hosted, needs MAPBOX_ACCESS_TOKEN or GEO_GEOCODER_KEY)."""

from __future__ import annotations

from geopy.geocoders import MapBox

from geo.types import Place

from .base import OnlineGeocoder

_TYPES = {"country": "country", "region": "region", "district": "district",
          "place": "city", "locality": "city", "neighborhood": "city", "postcode": "city"}


class MapBoxGeocoder(OnlineGeocoder):
    service = "mapbox"
    geopy_class = MapBox
    default_url = "https://api.mapbox.com"
    key_param = "api_key"
    key_env = "MAPBOX_ACCESS_TOKEN"
    key_required = True

    def _search(self, name, country, limit):
        return self._raws(self.geocoder.geocode(
            name, exactly_one=False, country=country.lower() if country else None,
            language=self.language,
        ))

    def _place(self, raw):
        lon, lat = raw["center"][:2]
        context = {c["id"].split(".")[0]: c for c in raw.get("context", [])}
        kind = raw["place_type"][0]
        own = raw if kind == "country" else context.get("country", {})
        code = own.get("short_code") or own.get("properties", {}).get("short_code", "")
        return Place(
            id=f"mapbox:{raw['id']}",
            name=raw["text"],
            lat=float(lat), lon=float(lon),
            feature=_TYPES.get(kind, "landmark"),
            country=code.upper(),
            admin1=context.get("region", {}).get("text", ""),
            source=self.service,
        )
