#!/usr/bin/env bash
# Set up (first time only) and start the dashboard on http://localhost:8501 with the seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/streamlit run app.py --browser.gatherUsageStats false "$@"
