"""GeoNames web service (needs a free username: GEONAMES_USERNAME or GEO_GEOCODER_KEY).

Its ids are the ones the offline gazetteer uses, so an online hit for a known place
merges with the offline one ("gn:<geonameId>").
"""

from __future__ import annotations

from geopy.geocoders import GeoNames

from geo.types import Place

from .base import OnlineGeocoder

_CODES = {  # GeoNames feature code -> our feature
    "CONT": "continent", "ADM1": "region", "ADM2": "district", "ADM3": "district",
    "RGN": "historical_region", "RGNH": "historical_region",
    "STM": "river", "CNL": "river", "LK": "lake", "LKS": "lake", "RSV": "reservoir",
    "SEA": "sea", "OCN": "sea", "STRT": "strait", "GULF": "gulf", "BAY": "gulf",
    "ISL": "island", "ISLS": "island", "MT": "mountain", "MTS": "mountain", "PK": "mountain",
    "HLL": "mountain", "DAM": "dam", "PS": "power_plant", "PSH": "power_plant", "PSN": "power_plant",
    "BDG": "bridge", "PRT": "port", "HBR": "port", "AIRP": "airport", "AIRF": "airport",
    "INDS": "industrial", "MFG": "industrial",
}
_CLASSES = {"A": "region", "P": "city", "H": "lake", "T": "mountain"}  # fallback on the class


class GeoNamesGeocoder(OnlineGeocoder):
    service = "geonames"
    geopy_class = GeoNames
    default_url = "http://api.geonames.org"
    key_param = "username"
    key_env = "GEONAMES_USERNAME"
    key_required = True

    def _search(self, name, country, limit):
        return self._raws(self.geocoder.geocode(name, exactly_one=False, country=country))

    def _place(self, raw):
        code = raw.get("fcode", "")
        feature = _CODES.get(code) or _CLASSES.get(raw.get("fcl", ""), "landmark")
        if code.startswith("PCL"):  # PCLI, PCLD, PCLF...: independent or dependent countries
            feature = "country"
        cc, adm1 = raw.get("countryCode", ""), raw.get("adminCode1", "")
        return Place(
            id=f"gn:{raw['geonameId']}",
            name=raw["name"],
            lat=float(raw["lat"]), lon=float(raw["lng"]),
            feature=feature,
            country=cc.upper(),
            admin1=raw.get("adminName1", ""),
            admin1_code=f"{cc}.{adm1}" if cc and adm1 and adm1 != "00" else "",
            population=int(raw.get("population") or 0),
            geonames_id=int(raw["geonameId"]),
            source=self.service,
        )
