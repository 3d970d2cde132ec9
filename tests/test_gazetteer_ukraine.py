"""The embedded gazetteer holds the whole GeoNames dump for Ukraine (geo/data/geonames/UA.zip):
villages, city sections, rivers and infrastructure, every alternate and former name, raions; and
it names regions and countries in English."""

from __future__ import annotations

import zipfile

import pytest

from geo.gazetteer import PRIMARY, Gazetteer
from geo.gazetteer.geonames import FORMER, MINOR, SECTION, parse_line, raion_forms, shipped_dumps, with_dumps
from geo.gazetteer.sources import Row
from geo.gazetteer.names import is_latin
from test_dumps import place_line, write_zip


@pytest.fixture(scope="module")
def gaz(geo_data_dir) -> Gazetteer:
    return Gazetteer.open(user=geo_data_dir / "no-user-imports.sqlite")


def in_oblast(gaz: Gazetteer, name: str, admin1_code: str):
    return [c for c in gaz.lookup(name) if c.place.admin1_code == admin1_code]


def test_the_ukraine_dump_ships_with_the_package():
    [dump] = [p for p in shipped_dumps() if p.name == "UA.zip"]
    with zipfile.ZipFile(dump) as z:
        assert "UA.txt" in z.namelist()


@pytest.mark.parametrize("name, oblast", [
    ("Kruta Balka", "UA.05"), ("Mykilske", "UA.05"), ("Klishchiivka", "UA.05"), ("Robotyne", "UA.26"),
    ("Krynki", "UA.08"), ("Staromaiorske", "UA.05"), ("Krasnohorivka", "UA.05"),
])
def test_small_frontline_villages_are_found_in_their_oblast(gaz, name, oblast):
    assert in_oblast(gaz, name, oblast), [c.place for c in gaz.lookup(name)]


@pytest.mark.parametrize("former, current", [
    ("Artemivsk", "Bakhmut"), ("Dzerzhynsk", "Toretsk"), ("Krasnoarmiisk", "Pokrovsk"),
    ("Artemovsk", "Bakhmut"),
])
def test_former_names_find_the_renamed_town(gaz, former, current):
    assert any(c.place.name == current and c.place.admin1_code == "UA.05" for c in gaz.lookup(former))


def test_cyrillic_names_are_romanised(gaz):
    # Sievierodonetsk's Ukrainian and Russian names, as agencies romanise them
    for spelling in ("Sievierodonetsk", "Severodonetsk"):
        assert any(c.place.admin1_code == "UA.14" and c.place.population > 50_000 for c in gaz.lookup(spelling))


def test_cities500_towns_are_merged_not_duplicated(gaz):
    bakhmut = [c for c in gaz.lookup("Bakhmut") if c.place.feature == "city" and c.place.admin1_code == "UA.05"
               and c.kind == PRIMARY]
    assert len(bakhmut) == 1 and bakhmut[0].place.id == "gn:713174"
    assert bakhmut[0].place.admin2 == "Bakhmut Raion" and bakhmut[0].place.admin2_code == "UA.05.1402"


@pytest.mark.parametrize("name", ["Bakhmut Raion", "Bakhmutskyi raion", "Bakhmut District", "Bakhmutskyi Raion"])
def test_raions_are_found_by_their_names(gaz, name):
    assert [c.place.id for c in gaz.lookup(name)] == ["adm:UA.05.1402"]


def test_every_feature_class_is_there(gaz):
    features = {c.place.feature for name in ("Oskil", "Siverskyi Donets", "Dnipro Reservoir", "Zaporizhzhia NPP")
                for c in gaz.lookup(name)}
    assert {"river", "city"} <= features
    ukrainian = gaz.db.execute("SELECT feature, count(*) FROM places WHERE country = 'UA' GROUP BY feature")
    counts = dict(ukrainian.fetchall())
    assert counts["city"] > 33_000 and counts["river"] > 1_000
    for feature in ("district", "reservoir", "dam", "power_plant", "airport", "industrial", "bridge"):
        assert counts.get(feature, 0) > 0, feature


def test_weak_readings_are_marked_by_importance(gaz):
    sections = [c for c in gaz.lookup("Kyivskyi") if c.importance == SECTION]
    assert sections and all(c.place.feature == "city" for c in sections)
    assert all(c.importance == MINOR for c in gaz.lookup("Oskil") if c.place.feature == "river"
               and c.place.source == "geonames")


def test_abandoned_and_historical_places_rank_below_everything():
    lines = [place_line(1, "Pisky", "P", "PPLQ"), place_line(2, "Pisky", "P", "PPL"),
             place_line(3, "Old Town", "P", "PPLH"), place_line(4, "Gone", "P", "PPLW"),
             place_line(5, "Kyivskyi", "P", "PPLX")]
    rows = [parse_line(line) for line in lines]
    assert [r.importance for r in rows] == [FORMER, 0, FORMER, FORMER, SECTION]


def test_a_dump_row_of_an_embedded_place_adds_its_names(tmp_path):
    dump = write_zip(tmp_path / "XX.zip", {"XX.txt": [
        place_line(706448, "Kherson", "P", "PPLA", "Kherso,Херсон", admin1="08"),
        place_line(77, "Zirkopillia", "P", "PPL", "Зіркопілля", admin1="08"),
        place_line(78, "Kakhovka Dam", "S", "DAM", "Kakhovska HES", lat=46.778, lon=33.372),
    ]})
    embedded = [
        Row(id="adm:UA.08", name="Kherson Oblast", lat=46.6, lon=33.5, feature="region", country="UA"),
        Row(id="gn:706448", name="Kherson", lat=46.64, lon=32.61, feature="city", country="UA",
            admin1_code="UA.08", geonames_id=706448, names=[("Kherson", PRIMARY)]),
        Row(id="lm:kakhovka-dam", name="Kakhovka Dam", lat=46.7774, lon=33.3702, feature="dam", country="UA",
            source="landmark", names=[("Kakhovka Dam", PRIMARY)]),
    ]
    rows = {r.id: r for r in with_dumps(embedded, [dump])}
    assert set(rows) == {"adm:UA.08", "gn:706448", "lm:kakhovka-dam", "gn:77"}
    assert ("Kherso", 2) in rows["gn:706448"].names
    assert ("Kakhovska HES", 2) in rows["lm:kakhovka-dam"].names
    assert rows["gn:77"].admin1 == "Kherson Oblast"
    assert ("Zirkopillia", 3) in rows["gn:77"].names  # romanised from Зіркопілля


def test_raion_and_hromada_spellings():
    assert raion_forms("Bakhmut Raion") == ["Bakhmut Rayon", "Bakhmut District"]
    assert raion_forms("Kherson") == []
    hromada = parse_line(place_line(12, "Sednivska Terytorialna Hromada", "A", "ADM3", admin1="02"))
    assert {"Sednivska hromada", "Sednivska territorial community"} <= {n for n, _ in hromada.names}


# --- English names of regions and countries ---------------------------------------------------

def region_labels(gaz: Gazetteer, country: str) -> dict[str, str]:
    return dict(gaz.db.execute("SELECT id, name FROM places WHERE feature = 'region' AND country = ? "
                               "AND id LIKE 'adm:%'", (country,)).fetchall())


@pytest.mark.parametrize("country, expected", [
    ("UA", {"adm:UA.05": "Donetsk Oblast", "adm:UA.11": "Crimea", "adm:UA.13": "Kyiv Oblast",
            "adm:UA.12": "Kyiv", "adm:UA.17": "Odesa Oblast"}),
    ("RU", {"adm:RU.41": "Kursk Oblast", "adm:RU.09": "Belgorod Oblast", "adm:RU.48": "Moscow",
            "adm:RU.47": "Moscow Oblast", "adm:RU.66": "Saint Petersburg"}),
    ("US", {"adm:US.NY": "New York", "adm:US.TX": "Texas"}),
    ("GB", {"adm:GB.ENG": "England", "adm:GB.SCT": "Scotland"}),
])
def test_region_labels_are_english(gaz, country, expected):
    labels = region_labels(gaz, country)
    assert {k: labels.get(k) for k in expected} == expected
    for name in labels.values():
        assert is_latin(name) and not name.lower().endswith(("oblast'", "oblast’", "skaya oblast")), name
        assert "Respublika" not in name and "Moskva" not in name, name


def test_places_carry_their_regions_english_name(gaz):
    kursk = [c.place for c in gaz.lookup("Kursk") if c.place.feature == "city" and c.place.country == "RU"]
    assert kursk and kursk[0].admin1 == "Kursk Oblast"
    assert gaz.region_name("UA.11") == "Crimea"
    assert gaz.lookup("Kurskaya oblast'")  # the official name still finds the region


def test_country_names_in_english(gaz):
    assert [gaz.country_name(c) for c in ("UA", "RU", "GB", "us")] == [
        "Ukraine", "Russia", "United Kingdom", "United States"]
    assert gaz.country_name("QQ") == "QQ"


def test_another_romanisation_of_the_name_is_as_good_as_the_name():
    from geo.gazetteer.sources import ALIAS, ALTERNATE, _names

    assert ("Hulyaipole", ALIAS) in _names("Huliaipole", [], ["Hulyaipole"], "UA")
    assert ("Odessa", ALIAS) in _names("Odesa", [], ["Odessa"], "UA")
    # outside the romanised countries the folding would join different words
    assert ("Lions", ALTERNATE) in _names("Lyons", [], ["Lions"], "US")


def test_buildings_and_stations_are_found_by_their_full_name_only():
    hotel = parse_line(place_line(9, "European", "S", "HTL", "Evropeiskyi"))
    station = parse_line(place_line(10, "Kyiv-Pasazhyrskyi", "S", "RSTN", "Kyiv Passenger"))
    assert hotel.names == []
    assert ("Kyiv-Pasazhyrskyi", PRIMARY) in station.names and ("Kyiv Passenger", 2) in station.names


def test_a_regions_one_word_alternates_are_its_capitals_name():
    oblast = parse_line(place_line(11, "Odeska Oblast", "A", "ADM1", "Odessa,Oblast Odessa", admin1="17"))
    assert ("Oblast Odessa", 2) in oblast.names and not any(n == "Odessa" for n, _ in oblast.names)


def test_a_user_index_from_before_raions_still_opens(tmp_path, geo_data_dir):
    import sqlite3

    from geo.gazetteer.build import SCHEMA, default_path

    old = tmp_path / "gazetteer-user.sqlite"
    with sqlite3.connect(old) as db:
        db.executescript(SCHEMA.replace(
            ",\n    admin2_code TEXT NOT NULL DEFAULT '', admin2 TEXT NOT NULL DEFAULT ''", ""))
        db.execute("INSERT INTO places VALUES (1, 'gn:1', 'Zirkopillia', 46.0, 33.0, 'city', 'UA', "
                   "'UA.08', 'Kherson Oblast', 0, 1, NULL, 'geonames', 0)")
        db.execute("INSERT INTO names VALUES ('zirkopillia', 'zirkopila', 1, 0)")
        db.execute("INSERT INTO meta VALUES ('counts', '{}')")
    gaz = Gazetteer(default_path(), user=old)
    [found] = gaz.lookup("Zirkopillia")
    assert (found.place.name, found.place.admin2) == ("Zirkopillia", "")
