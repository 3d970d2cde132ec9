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

# Verbs after which a known town's name is the place acted on: "shelled Bakhmut", "leaving Lyman".
EVENT_VERBS = {
    "shelled", "shell", "shells", "shelling", "struck", "strike", "strikes", "striking", "hit", "hits",
    "hitting", "attacked", "attack", "attacks", "attacking", "bombed", "bombing", "bombarded", "bombard",
    "captured", "capture", "captures", "capturing", "liberated", "liberate", "liberating", "entered",
    "enter", "entering", "leaving", "leave", "left", "retook", "retake", "recaptured", "recapture",
    "seized", "seize", "occupied", "occupy", "stormed", "storm", "storming", "encircled", "encircle",
    "surrounded", "targeted", "target", "targeting", "evacuated", "evacuate", "evacuating", "defend",
    "defended", "defending", "abandoned", "reached", "reach", "reaching", "fled", "flee", "fleeing",
    "raided", "mined", "destroyed", "damaged", "liberation", "assault", "assaulted", "toward",
    "towards", "approaching", "approached", "outside", "around", "near", "nearby", "between",
    "besieged", "pounded", "shot", "downed", "intercepted",
}
# Locatives that place what follows on the map in war reporting and captions ("Destruction in
# Marinka"); "at" and "on" only after an event verb ("fired at", "drones on").
STRONG_LOCATIVES = {"in", "near", "outside", "toward", "towards", "around", "between", "into", "from",
                    "inside", "nearby", "within", "via"}
