#!/usr/bin/env bash
# Set up (first time only) and start the dashboard on http://127.0.0.1:8501 with the seed article.
# It listens on this machine only: to share it, put it behind a reverse proxy with a login
# (README, "Deploying for a team") and set GEO_ADDRESS=0.0.0.0 only on a host the proxy alone reaches.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# ui.serve is `streamlit run app.py` that reads the library's counts while the server starts.
exec .venv/bin/python -m ui.serve --browser.gatherUsageStats false \
    --server.address "${GEO_ADDRESS:-127.0.0.1}" --server.port "${GEO_PORT:-8501}" "$@"
