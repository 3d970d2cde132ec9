"""Scores behind `geo eval`: lgl.py (LGL-format corpora), points.py (one place per text), events.py
(coded event notes) and articles.py (whole articles coded by hand)."""
