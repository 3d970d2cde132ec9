"""Words of war reporting that the recogniser and resolver reason with.

Kept out of geo/gazetteer/lexicon.py, which the gazetteer index build reads (changing it rebuilds the
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
# Bombardment in wire copy's words ("Russian troops hammered Toretsk with artillery"): a cue for the
# name after them only (rule bombardment_verbs); as event triggers they add more than they find.
BOMBARD_VERBS = {"hammered", "hammering", "battered", "battering", "pummelled", "pummeled", "pummelling",
                 "pummeling", "rocked", "blasted", "blasting", "bombarding", "raking", "raked"}
# Past participles that make the name before them the place acted on: "Kurakhove was shelled".
# Only what is done to places: "Williams was attacked", "Jordan was hit" are people.
PASSIVE_EVENTS = {
    "shelled", "bombed", "bombarded", "captured", "liberated", "retaken", "recaptured", "occupied",
    "stormed", "encircled", "evacuated", "mined", "besieged", "pounded", "overrun", "blockaded",
    "flattened", "razed", "devastated", "de-occupied", "deoccupied", "annexed", "depopulated",
}
# Locatives that place what follows on the map in war reporting and captions ("Destruction in
# Marinka"); "at" and "on" only after an event verb ("fired at", "drones on").
STRONG_LOCATIVES = {"in", "near", "outside", "toward", "towards", "around", "between", "into", "from",
                    "inside", "nearby", "within", "via"}

# Facilities named after the town they are in: "Lozova railway station", "Pavlohrad
# substation", "Saky airbase". The town's name is the place; the facility is in it.
FACILITY_NOUNS = {
    "substation", "airbase", "airfield", "airport", "base", "depot", "station", "plant", "tpp", "chp",
    "hpp", "npp", "refinery", "bridge", "dam", "museum", "council", "centre", "center", "hospital",
    "school", "market", "factory", "plant", "port", "harbour", "harbor", "railway", "rail", "bus",
    "oil", "fuel", "power", "thermal", "hydroelectric", "nuclear", "military", "air", "naval",
    "cultural", "local", "city", "village", "town", "checkpoint", "highway", "road", "terminal",
    "warehouse", "barracks", "garrison", "cathedral", "church", "monastery", "stadium", "university",
    "regional", "district", "tv", "tower", "mall", "supermarket", "apartment", "residential",
    "drama", "opera", "puppet", "theatre", "theater", "kindergarten", "hotel", "prison", "clinic",
    "college", "lyceum", "library", "maternity", "children's", "shopping", "ammunition",
}
# Verbs after which "over" places what follows ("jets over Kramatorsk"), unlike "a win over X".
OVER_NOT_PLACE = {"win", "wins", "won", "victory", "victories", "lead", "edge", "triumph", "advantage",
                  "beat", "upset", "control", "concerns", "concern", "dispute", "disputes", "debate"}
# Verbs after which even an unknown capitalised name is a place ("shelled Qwertyvka").
STRONG_VERBS = {"shelled", "struck", "bombed", "bombarded", "captured", "liberated", "recaptured", "retook",
                "stormed", "encircled", "near", "outskirts", "shelling", "airstrikes", "airstrike", "toward",
                "towards", "entered", "besieged", "occupied"}
# Facilities whose unknown name before them is still a place to pin: "the Vuhlehirska power plant".
UNKNOWN_FACILITIES = [["power", "plant"], ["power", "station"], ["thermal", "power"], ["air", "base"],
                      ["oil", "depot"], ["fuel", "depot"], ["railway", "station"]]
UNKNOWN_FACILITIES_ONE = {"airbase", "airfield", "substation", "tpp", "chp", "hpp", "npp", "refinery", "dam"}
