"""`geo bench`: speed and memory of the geoparser."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("bench", help="measure words/s, warm and cold latency, peak memory")
    p.set_defaults(run=lambda args: print("not yet"))
