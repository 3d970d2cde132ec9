"""What the pipeline reads: a file's text (ingest.py, formats.py, article_meta.py) within the one size
limit (limits.py), its sentences (sentences.py), and the user's own map layers (overlays.py)."""
