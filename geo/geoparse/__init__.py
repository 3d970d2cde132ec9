"""The geoparser: pipeline.py runs recognize.py (which spans name places) -> resolve_rules.py (which
place each means) -> fallback.py (an online geocoder, when set) -> geo/events/ (what happened there)."""
