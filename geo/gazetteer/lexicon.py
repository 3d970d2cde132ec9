"""Small word lists the recogniser reasons with: type words, person and organisation cues.

These are facts of English usage, not of any corpus: "X Oblast" names a region, "Gen. X" a
person, "X News Agency" an organisation.
"""

from __future__ import annotations

from functools import lru_cache

# A type word after a name says what kind of place it is ("Kherson Region", "Laurel County").
SUFFIX_FEATURES = {
    "region": "region", "oblast": "region", "province": "region", "governorate": "region",
    "state": "region", "krai": "region", "prefecture": "region", "republic": "region",
    "territory": "region", "county": "district", "raion": "district", "district": "district",
    "parish": "district", "municipality": "district", "borough": "district", "township": "city",
    "river": "river", "dam": "dam",
    "hpp": "dam", "reservoir": "reservoir", "lake": "lake", "sea": "sea", "bridge": "bridge",
    "strait": "strait", "island": "island", "islands": "island", "mountains": "mountain",
    "npp": "power_plant", "valley": "region", "peninsula": "region", "bay": "gulf",
}
# Words before a name that say the same ("Lake Erie", "Mount Hood", "the city of Kherson").
PREFIX_FEATURES = {"lake": "lake", "mount": "mountain", "mt": "mountain", "fort": "city",
                   "port": "city", "lac": "lake", "isle": "island"}

# Inside a name these stay lower case ("Stratford-upon-Avon", "Rostov-on-Don", "Isle of Man").
CONNECTORS = {"of", "de", "del", "la", "le", "les", "upon", "on", "am", "an", "der", "di", "du",
              "da", "dos", "das", "y", "and", "-", "the", "al", "el", "sur", "en", "im", "bei"}

PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "lt", "lieutenant",
    "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "cpl", "adm", "admiral",
    "gov", "governor", "sen", "senator", "rep", "representative", "rev", "reverend", "pres",
    "president", "judge", "justice", "coach", "officer", "deputy", "sheriff", "chief", "mayor",
    "minister", "commander", "pastor", "father", "sister", "brother", "st", "saint", "king",
    "queen", "prince", "princess", "lord", "lady", "sir", "dame", "pope", "bishop", "detective",
    "trooper", "agent", "spokesman", "spokeswoman", "secretary", "chairman", "director", "ceo",
    "attorney", "lawyer", "councilman", "councilwoman", "commissioner", "superintendent",
    # "the Air Force spokesperson Yurii Ihnat", "presidential aide Mykhailo Podolyak"
    "spokesperson", "adviser", "advisor", "aide", "ambassador", "envoy", "negotiator", "analyst",
    "chairwoman", "chairperson",
}
PERSON_VERBS = {"said", "says", "told", "added", "noted", "explained", "stated", "asked",
                "announced", "replied", "wrote", "emphasized", "emphasised", "concluded", "argued"}

# A capitalised word after a name that turns the whole phrase into an organisation.
ORG_HEADS = {
    "pravda", "news", "agency", "times", "post", "herald", "tribune", "journal", "gazette",
    "daily", "press", "bank", "airlines", "airways", "group", "inc", "corp", "corporation",
    "company", "co", "ltd", "llc", "university", "college", "institute", "school", "academy",
    "church", "cathedral", "hospital", "clinic", "hotel", "club", "fc", "united", "rangers",
    "party", "front", "league", "association", "foundation", "society", "union", "federation",
    "ministry", "council", "committee", "commission", "court", "police", "department", "office",
    "service", "services", "army", "navy", "forces", "guard", "brigade", "battalion", "regiment",
    "telegraph", "observer", "review", "magazine", "radio", "tv", "television", "channel",
    "center", "centre", "museum", "library", "theatre", "theater", "stadium", "arena", "mall",
    "airport", "station", "fire", "clerk", "sheriff", "mayor", "board", "schools", "chamber", "city", "county",
    "manager", "administrator", "commissioners", "district", "high",
    # Facilities named after where they are: "Henderson County Jail", "Ludlow Town Hall".
    "jail", "prison", "courthouse", "town", "international", "civic", "municipal", "regional",
    "metropolitan", "common",
}
# "Wichita Street", "Broad Street": a street is named after the place, it is not the place.
STREET_WORDS = {"street", "avenue", "road", "boulevard", "highway", "drive", "lane", "parkway",
                "way", "trail", "route", "pike", "turnpike", "expressway", "freeway", "court", "circle",
                "square", "plaza", "terrace", "st", "ave", "rd", "blvd", "hwy", "dr", "ln"}
# Titles of newspapers, agencies and broadcasters: "Ukrainian News Agency" is not Ukraine.
MEDIA_HEADS = {"news", "agency", "pravda", "press", "times", "post", "herald", "tribune", "journal",
               "gazette", "daily", "telegraph", "radio", "television", "tv", "broadcasting",
               "airlines", "airways", "bank", "truth", "wire", "channel", "magazine"}
# Entity labels that say a capitalised word is not a place ("Christmas", "French" the language).
NOT_PLACE_LABELS = {"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT",
                    "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# Words before a name that make it the place where something is ("in Kherson", "near Lyman").
LOCATIVES = {"in", "at", "near", "from", "to", "outside", "inside", "around", "across", "toward",
             "towards", "via", "into", "through", "throughout", "between", "of", "on", "off", "beyond"}


# Organs of a state: the country's adjective before them names the country, unlike a title's.
STATE_BODIES = {"ministry", "government", "army", "forces", "military", "navy", "parliament", "embassy",
                "consulate", "guard", "guards", "authorities", "president", "presidency", "cabinet",
                "troops", "police", "intelligence", "defense", "defence", "foreign", "interior"}
# After a list of names: "the Donetsk and Zaporizhzhia oblasts", "Jackson and Barrow counties".
PLURAL_FEATURES = {"oblasts": "region", "regions": "region", "provinces": "region", "governorates": "region",
                   "counties": "district", "districts": "district", "raions": "district", "rivers": "river"}
# Labels the small model puts on city names it does not know ("near Kramatorsk" as PRODUCT).
MISTAKABLE_LABELS = {"PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT", "LAW", "NORP", "DATE", "TIME"}
# "a Meadow Grove man", "Saratoga native": the name before them is where someone lives or is from.
RESIDENT_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "natives", "couple",
                  "teen", "teenager", "teens", "boy", "girl", "youth", "homeowner", "homeowners", "villagers"}
# War reporting names fronts after towns: "the Pokrovsk direction", "the Bakhmut axis".
FRONT_NOUNS = {"direction", "axis", "front", "sector", "bridgehead", "salient", "frontline", "offensive"}
# Features that take "the" before their name, unlike towns ("over the Dnipro" is the river).
WATER_FEATURES = {"river", "lake", "sea", "reservoir", "strait", "gulf", "bay"}
# What joins the names of a list: "Bakhmut, Avdiivka and Marinka".
LIST_JOINS = [[","], ["and"], ["or"], [",", "and"], [",", "or"], ["-"]]  # "the Kupiansk-Lyman front"
# Generic nouns that end Ukrainian and Russian compound place names (an adjective, then "Yar" a
# ravine, "Balka" a gully, "Hora" a hill, "Rih" a horn): alone they are also small villages' names.
TOPONYM_NOUNS = {"yar", "balka", "hora", "gora", "pole", "rih", "rog", "dolyna", "luka", "hai", "kut", "bir",
                 "brid", "ozero", "bereh", "mohyla", "polyana", "dibrova", "les", "ovrag", "gai", "kurgan"}
# "the village of X" names a settlement, whatever X is.
SETTLEMENT_NOUNS = {"village", "town", "city", "hamlet", "settlement", "township", "urban-type"}
# "the outskirts of X", "the port of X": a name the gazetteer lacks is still a place after them.
SETTLEMENT_WORDS = {"village", "town", "city", "hamlet", "settlement", "suburb", "outskirts", "region",
                    "district", "province", "county", "area", "island", "port", "capital"}
# What may open a sentence before its first word.
OPENERS = {'"', "“", "(", "'", "‘", "[", "—", "-", ":"}
# Words before a language's name: "spoke only French".
LANGUAGE_VERBS = {"speak", "speaks", "spoke", "spoken", "speaking", "fluent", "translated",
                  "dubbed", "learn", "learned", "taught", "teaches", "teach", "studied"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English dictionary words: a capitalised one is more likely a word than a place."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())

# AP-style abbreviations of US states, as datelines and "City, ST." use them.
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."],
    "SC": ["S.C."], "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."],
    "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}

# Names English-language news uses for countries that no country record spells that way.
COUNTRY_ALIASES = {
    "US": ["America", "the States"], "GB": ["Britain", "Great Britain", "England and Wales"],
    "NL": ["Holland"], "MM": ["Burma"], "CI": ["Ivory Coast"], "CZ": ["Czech Republic"],
    "KP": ["North Korea"], "KR": ["South Korea"], "CD": ["DR Congo", "DRC"], "CG": ["Congo-Brazzaville"],
    "MK": ["Macedonia"], "SZ": ["Swaziland"], "TR": ["Turkey", "Turkiye"], "VA": ["Vatican"],
    "RU": ["Russia"], "SY": ["Syria"], "IR": ["Iran"], "LA": ["Laos"], "VN": ["Vietnam"],
    "TW": ["Taiwan"], "PS": ["Palestine", "Palestinian territories"], "BO": ["Bolivia"],
    "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"],
}

COUNTRY_ABBREVIATIONS = {
    "US": ["US", "U.S.", "USA", "U.S.A."], "GB": ["UK", "U.K."], "AE": ["UAE", "U.A.E."],
    "CD": ["DRC"],
}
DOTTED_ABBREVIATIONS = frozenset(
    a for table in (US_STATE_ABBREVIATIONS, COUNTRY_ABBREVIATIONS) for forms in table.values() for a in forms
)
# "Northeast Georgia", "North Richmond": the place is the name after the direction.
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
              "downtown", "rural", "suburban", "metro", "northeastern", "northwestern",
              "southeastern", "southwestern", "midwestern"}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The commonest US first names (Census 1990, via the `names` package), lower case."""
    from importlib import resources

    found = set()
    for table, top in (("dist.male.first", 800), ("dist.female.first", 1500)):
        lines = resources.files("names").joinpath(table).read_text().splitlines()[:top]
        found.update(line.split()[0].lower() for line in lines if line.strip())
    return frozenset(found)
