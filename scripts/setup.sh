#!/usr/bin/env bash
# Everything the app needs on a fresh machine, idempotent: a virtualenv with the project,
# Leaflet & plugins (from PyPI packages), the offline basemap and the gazetteer index (built once).
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

.venv/bin/geo assets
# The first build reads ~280,000 places (about a minute); later starts open it in milliseconds.
.venv/bin/geo gazetteer build >/dev/null
