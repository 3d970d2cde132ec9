#!/usr/bin/env bash
# Set up and run the whole test suite: unit, store (SQLite and PostgreSQL), geocoder (local HTTP
# server), app (AppTest) and browser (headless Chromium) tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pg_ctlcluster >/dev/null || [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "test: installing ${need[*]} (Debian packages)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Tests share one data directory so the gazetteer index is built once for the whole run.
export GEO_TEST_DATA_DIR="${GEO_TEST_DATA_DIR:-$PWD/.data/test}"
mkdir -p "$GEO_TEST_DATA_DIR"
GEO_DATA_DIR="$GEO_TEST_DATA_DIR" scripts/setup.sh test
GEO_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)"
export GEO_TEST_POSTGRES_URL
exec .venv/bin/pytest "$@"
