"""Pelias (self-hosted, or a hosted Pelias such as geocode.earth with a key)."""

from __future__ import annotations

from geopy.geocoders import Pelias

from geo.types import Place

from .base import OnlineGeocoder

_LAYERS = {
    "continent": "continent", "country": "country", "dependency": "country",
    "macroregion": "region", "region": "region", "macrocounty": "district", "county": "district",
    "localadmin": "city", "locality": "city", "borough": "city", "neighbourhood": "city",
    "postalcode": "city", "ocean": "sea", "marinearea": "sea",
}


class PeliasGeocoder(OnlineGeocoder):
    service = "pelias"
    geopy_class = Pelias
    key_param = "api_key"
    key_env = "PELIAS_API_KEY"

    def _search(self, name, country, limit):
        return self._raws(self.geocoder.geocode(
            name, exactly_one=False, countries=[country] if country else None,
            language=self.language,
        ))

    def _place(self, raw):
        props = raw["properties"]
        lon, lat = raw["geometry"]["coordinates"][:2]
        return Place(
            id=f"pelias:{props['gid']}",
            name=props.get("name") or props["label"].split(",")[0],
            lat=float(lat), lon=float(lon),
            feature=_LAYERS.get(props.get("layer", ""), "landmark"),
            country=(props.get("country_code") or "").upper(),
            admin1=props.get("region", ""),
            source=self.service,
        )
