"""Photon (Komoot's OpenStreetMap search), usually self-hosted."""

from __future__ import annotations

from geopy.geocoders import Photon

from geo.types import Place

from .base import OnlineGeocoder
from .features import from_osm

# Photon's own coarse "type", for boundaries whose OSM value is just "administrative".
_TYPES = {"country": "country", "state": "region", "county": "district",
          "city": "city", "district": "city", "locality": "city"}


class PhotonGeocoder(OnlineGeocoder):
    service = "photon"
    geopy_class = Photon
    default_url = "https://photon.komoot.io"

    def _search(self, name, country, limit):
        # Photon cannot filter by country; ask for more and let the base class filter.
        return self._raws(self.geocoder.geocode(
            name, exactly_one=False, limit=min(limit * 4, 50) if country else limit,
            language=self.language or False,
        ))

    def _place(self, raw):
        props = raw["properties"]
        lon, lat = raw["geometry"]["coordinates"][:2]
        if props.get("osm_key") == "boundary":
            feature = _TYPES.get(props.get("type", ""), "region")
        else:
            feature = from_osm(props.get("osm_key", ""), props.get("osm_value", ""))
        return Place(
            id=f"photon:{props['osm_type'][:1].upper()}{props['osm_id']}",
            name=props.get("name") or props.get("city") or props.get("state") or props["country"],
            lat=float(lat), lon=float(lon),
            feature=feature,
            country=(props.get("countrycode") or "").upper(),
            admin1=props.get("state", ""),
            source=self.service,
        )
