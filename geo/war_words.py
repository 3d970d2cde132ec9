"""Words of war reporting that the recogniser and resolver reason with.

Kept out of geo/lexicon.py, which the gazetteer index build reads (changing it rebuilds the
index). Facts of English usage in news and analyst notes, not of any corpus.
"""

from __future__ import annotations

# "Russian forces shelled...": a nationality before these names who acted, not where.
ACTOR_NOUNS = {
    "forces", "force", "troops", "military", "army", "soldiers", "servicemen", "units", "unit",
    "artillery", "aviation", "drone", "drones", "missile", "missiles", "strike", "strikes", "shelling",
    "attack", "attacks", "airstrike", "airstrikes", "navy", "warship", "jets", "jet", "aircraft",
    "helicopter", "helicopters", "tank", "tanks", "equipment", "convoy", "column", "positions",
    "occupiers", "invaders", "sabotage", "partisans", "officials", "authorities", "defenders",
    "defense", "defence", "emergency", "border", "air", "special", "national", "armed", "police",
    "servicemen", "personnel", "infantry", "paratroopers", "marines", "proxies", "militants",
}
