#!/usr/bin/env python3
"""Write N generated news-length war reports as JSONL, the input of `geo bench --ingest FILE`.

    scripts/war_jsonl.py 2000 > war.jsonl     # ~500 words each (tests/factories.war_articles)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from factories import war_articles  # noqa: E402

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for record in war_articles(n, seed=int(sys.argv[2]) if len(sys.argv) > 2 else 0, long=True):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
