"""Hostile and huge input, generated here (never committed): one case per row of issue 12's table,
plus the attacks that already held. Each asserts the one line a user sees and that nothing else
in the batch was lost. Time and peak memory of the worst cases: `geo bench --hostile`."""

from __future__ import annotations

import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geo.text import hostile
from geo.cli import main
from geo.errors import CorruptFile, GeoError
from geo.library.failures import FailureLog
from geo.text.ingest import read
from geo.store import Store
from geo.types import Document
from geo.geoparse.windows import WINDOW, cut
from factories import SEED

pytestmark = pytest.mark.usefixtures("geo_data_dir")

FILLER = "The committee met again on Tuesday and nothing was decided. "
PLACE_LINE = "Shelling hit Kherson overnight."


def long_text(chars: int = 1_100_000) -> str:
    """Over spaCy's 1,000,000-character limit, with a place near the end (cheap to parse: no
    names but one)."""
    body = (FILLER * 40 + "\n\n") * (chars // (len(FILLER) * 40 + 2) + 1)
    return body[:chars] + "\n\n" + PLACE_LINE


def run_geo(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo.cli", *args], capture_output=True, text=True,
                          timeout=600, **kw)


def good_files(folder: Path, n: int = 7) -> list[Path]:
    towns = ["Kherson", "Mykolaiv", "Odesa", "Kharkiv", "Zaporizhzhia", "Dnipro", "Poltava", "Sumy"]
    paths = []
    for i in range(n):
        p = folder / f"good{i}.txt"
        p.write_text(f"Report {i}\n\nAir defence was active over {towns[i % len(towns)]} on night {i}.",
                     encoding="utf-8")
        paths.append(p)
    return paths


def articles(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT source FROM articles")}


# ---------------------------------------------------------------- windows

def test_windows_cut_at_paragraphs_and_cover_the_text():
    text = long_text(350_000)
    ranges = cut(text)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))  # no gap, no overlap
    assert all(end - start <= WINDOW for start, end in ranges)
    assert all(text[end - 2:end] == "\n\n" for _, end in ranges[:-1])  # at paragraph breaks


def test_windows_cut_a_single_huge_line_at_sentences_or_spaces():
    text = FILLER * 5000  # one 300 KB line
    ranges = cut(text)
    assert len(ranges) >= 3 and all(text[end - 1] == " " for _, end in ranges[:-1])
    words = "x" * 250_000  # no boundary at all: cut hard, still covered
    assert cut(words)[-1][1] == len(words) and all(e - s <= WINDOW for s, e in cut(words))


def test_text_over_a_million_characters_parses_with_offsets_into_the_whole(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    text = long_text()
    path.write_text(text, encoding="utf-8")
    assert main(["parse", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    [record] = json.loads(out)
    kherson = [m for m in record["mentions"] if m["text"] == "Kherson"]
    assert kherson and kherson[0]["name"] == "Kherson" and kherson[0]["start"] > 1_000_000
    body = read(text.encode(), "huge.txt").text  # offsets point into the normalised text
    assert body[kherson[0]["start"]:kherson[0]["end"]] == "Kherson"
    assert f"geo: {path}: long text: parsed in 12 parts of at most 100,000 characters" in err
    assert "Traceback" not in err and "E088" not in err


# ---------------------------------------------------------------- one bad file fails alone

def bad_files(folder: Path) -> dict[str, str]:
    """Broken files and the exact line `geo ingest --report` gives for each."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nstream\nxx")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    crc = bytearray(hostile.lying_docx(20_000_000))
    hostile._patch(crc, "word/document.xml", 5000, 12345)
    (folder / "lying.docx").write_bytes(bytes(crc))
    return {
        "empty.txt": "empty.txt is empty",
        "truncated.pdf": "truncated.pdf is a damaged or truncated PDF (PdfStreamError)",
        "image.txt": "image.txt is a PNG image, not a text document",
        "lying.docx": "lying.docx: its ZIP headers do not match what it holds; refusing a possible zip bomb",
    }


def test_folder_with_bad_files_stores_every_other_file_and_reports_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = good_files(folder)
    (folder / "huge.txt").write_text(long_text(), encoding="utf-8")
    expected = bad_files(folder)
    db = tmp_path / "lib.sqlite"
    done = run_geo("ingest", str(folder), "--db", str(db), "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert articles(db) == {str(p) for p in good} | {str(folder / "huge.txt")}
    for name, message in expected.items():
        assert f"geo: {folder / name}: skipped: {message}" in done.stderr
    assert f"added 8, already in the library 0, failed {len(expected)}," in done.stderr

    report = run_geo("ingest", "--report", "--db", str(db))
    assert report.returncode == 0 and "Traceback" not in report.stderr
    lines = report.stdout.splitlines()
    assert len(lines) == len(expected)
    for name, message in expected.items():
        assert any(line.endswith(f"ingest    {folder / name}: {message}") for line in lines), lines
    assert report.stderr.strip() == f"{len(expected)} files could not be added"

    # A rerun stores nothing twice; a fixed file is taken and leaves the report.
    (folder / "empty.txt").write_text("Now it names Poltava.", encoding="utf-8")
    again = run_geo("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert "added 1, already in the library 8, failed 3," in again.stderr
    names = [f.name for f in FailureLog.beside(Store.open(str(db))).failures()]
    assert str(folder / "empty.txt") not in names and len(names) == 3


def test_file_names_with_terminal_escapes_are_printed_inert(tmp_path):
    """A file named with ESC and OSC sequences (retitle the window, hide the rest of the line,
    a fake newline) was printed as is by `geo ingest` and `geo ingest --report`."""
    folder = tmp_path / "in"
    folder.mkdir()
    evil = "report\x1b]0;pwned\x07\x1b[8m\nfake line\u202e"
    (folder / f"{evil}.txt").write_text("", encoding="utf-8")  # empty: a failure naming the file
    (folder / f"{evil}-2.txt").write_text("Shelling hit Kherson on Monday.", encoding="utf-8")
    db = str(tmp_path / "lib.sqlite")
    runs = [run_geo("ingest", str(folder), "--db", db, "--workers", "1"), run_geo("ingest", "--report", "--db", db),
            run_geo("articles", "--db", db), run_geo("parse", str(folder / f"{evil}.txt"))]
    for done in runs:
        out = done.stdout + done.stderr
        assert not any(c in out for c in "\x1b\x07\u202e"), out
        assert "Traceback" not in out
    shown = "report\\x1b]0;pwned\\x07\\x1b[8m\\nfake line\\u202e"
    said = shown.replace("\\n", " ")  # a reason is one line: its newline is a space already
    assert f"{shown}.txt: skipped: {said}.txt is empty" in runs[0].stderr
    assert f"{shown}.txt: {said}.txt is empty" in runs[1].stdout and len(runs[1].stdout.splitlines()) == 1
    assert f"{said}.txt is empty" in runs[3].stderr


def test_a_parse_that_raises_fails_alone(tmp_path, monkeypatch):
    """Whatever a document provokes inside the parser (here: a stand-in for spaCy's E088), the
    others are stored and the reason names no internals."""
    from geo.library import bulk
    from geo.geoparse import pipeline

    real = pipeline.Pipeline.parse

    def fragile(self, doc, *, refine=True):
        if "POISON" in doc.text:
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000 ... secret text")
        return real(self, doc, refine=refine)

    monkeypatch.setattr(pipeline.Pipeline, "parse", fragile)
    monkeypatch.setattr(pipeline.Pipeline, "parse_many",
                        lambda self, docs, batch_size=16: (fragile(self, d) for d in docs))
    docs = [Document(f"Report {i}: shelling near Kherson.", source=f"d{i}") for i in range(5)]
    docs.insert(2, Document("POISON near Kherson.", source="poison"))
    with Store.open(tmp_path / "lib.sqlite") as store:
        report = bulk.ingest(store, docs, workers=1)
        assert report.added == 5 and report.failed == [("poison", "could not be parsed (ValueError)")]
        assert {a.source for a in store.articles()} == {f"d{i}" for i in range(5)}
        assert [(f.name, f.reason) for f in FailureLog.beside(store).failures()] == [
            ("poison", "could not be parsed (ValueError)")]


def test_reindex_keeps_the_old_parse_of_an_article_that_now_fails(tmp_path, monkeypatch):
    from geo.library import bulk
    from geo.geoparse import pipeline
    from factories import SEED_PLACES, parse_by_hand

    with Store.open(tmp_path / "lib.sqlite") as store:
        for i in range(3):
            store.save(parse_by_hand(f"Report {i}{' POISON' if i == 1 else ''}: shelling near Kherson.",
                                     SEED_PLACES, source=f"r{i}"))
        poisoned = next(a.id for a in store.articles() if a.source == "r1")
        before = [(e.mention.text, e.place.id) for e in store.place_mentions(article_ids=[poisoned])]
        real = pipeline.Pipeline.parse

        def fragile(self, doc, *, refine=True):
            if "POISON" in doc.text:
                raise RuntimeError("secret text of the article")
            return real(self, doc, refine=refine)

        monkeypatch.setattr(pipeline.Pipeline, "parse", fragile)
        monkeypatch.setattr(pipeline.Pipeline, "parse_many",
                            lambda self, docs, batch_size=16: (fragile(self, d) for d in docs))
        report = bulk.reindex(store, workers=1)
        assert report.added == 2 and report.failed == [(poisoned, "could not be parsed (RuntimeError)")]
        assert [(e.mention.text, e.place.id) for e in store.place_mentions(article_ids=[poisoned])] == before
        assert [(f.name, f.step) for f in FailureLog.beside(store).failures()] == [(poisoned, "reindex")]


def test_parse_files_goes_on_after_a_bad_file(tmp_path):
    good = good_files(tmp_path, 2)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    done = run_geo("parse", str(good[0]), str(bad), str(good[1]), "--format", "json")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert f"geo: {bad}: bad.docx is a damaged or truncated ZIP/DOCX file" in done.stderr
    assert [r["source"] for r in json.loads(done.stdout)] == [str(good[0]), str(good[1])]


# ---------------------------------------------------------------- --jsonl

def test_jsonl_lone_surrogate_huge_line_and_junk_lose_nothing_else(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("wb") as f:
        f.write(json.dumps({"id": "a", "text": "Shelling hit Kharkiv."}).encode() + b"\n")
        f.write(b'{"id": "b", "text": "Lone \\ud800 surrogate, then Odesa."}\n')
        f.write(json.dumps({"id": "c", "text": long_text()}).encode() + b"\n")
        f.write(b"not json at all\n")
        f.write(b'{"id": "d", "text": "Bad byte \xff then Lviv."}\n')
        f.write(b'{"text": "no id"}\n')
    out = tmp_path / "out.jsonl"
    done = run_geo("parse", "--jsonl", str(src), "-o", str(out), "--workers", "1")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c", "d"]
    names = {r["id"]: {m["name"] for m in r["mentions"]} for r in records}
    assert names["a"] == {"Kharkiv"} and names["b"] == {"Odesa"} and names["d"] == {"Lviv"}
    assert "Kherson" in names["c"]
    b = records[1]["mentions"][0]
    assert "Lone \ufffd surrogate, then Odesa."[b["start"]:b["end"]] == "Odesa"  # one char for one
    err = done.stderr
    assert "geo: line 2: invalid Unicode in the text (lone surrogate) replaced with U+FFFD" in err
    assert "geo: line 4: skipped (JSONDecodeError: Expecting value: line 1 column 1 (char 0))" in err
    assert "geo: line 5: invalid UTF-8 replaced with U+FFFD" in err
    assert "geo: line 6: skipped (no 'id' field)" in err


def test_a_jsonl_record_over_the_size_limit_is_skipped_without_being_read_whole(tmp_path):
    """One 200 MB record was read whole. Records pass the one size guard (geo.text.limits) and the
    reader never holds more than the limit of one line, however long it is."""
    from geo.text import limits
    from geo.library.sources import _records  # the one JSONL reader, for `geo parse --jsonl` and `geo ingest`

    class Stream(io.BytesIO):
        largest = 0

        def readline(self, size=-1):
            line = super().readline(size)
            Stream.largest = max(Stream.largest, len(line))
            return line

    big = b'{"id": "big", "text": "' + b"Shelling. " * 300_000 + b'"}'
    lines = [json.dumps({"id": "a", "text": "Shelling hit Kharkiv."}).encode(), big,
             json.dumps({"id": "c", "text": "Shelling hit Odesa."}).encode()]
    got = list(_records(Stream(b"\n".join(lines) + b"\n"), 1_000_000))
    assert got == [(1, lines[0] + b"\n"), (2, len(big)), (3, lines[2] + b"\n")]
    assert Stream.largest <= 1_000_001  # never the 3 MB line
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    done = run_geo("parse", "--jsonl", str(src), "-o", str(out), "--workers", "1",
                   env={**os.environ, limits.ENV: "1"})
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "geo: line 2: skipped (the record is 3.0 MB; the limit is 1 MB (server.maxUploadSize))" in done.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "c"]


def test_jsonl_records_are_parsed_in_bounded_runs_not_held_whole():
    """A --jsonl file is parsed as it is read, in runs of 128 records or 64 M characters."""
    from geo.commands.parse import _chunks

    def records(n, chars):
        for i in range(n):
            yield str(i), Document("x" * chars)

    assert [len(c) for c in _chunks(records(300, 10))] == [128, 128, 44]
    assert [len(c) for c in _chunks(records(5, 30), chars=50)] == [2, 2, 1]
    taken = _chunks(records(10**9, 10))  # a generator: nothing is read beyond the run asked for
    assert len(next(taken)) == 128


# ---------------------------------------------------------------- zip bombs that lie

def _peak_mb_reading(path: Path) -> tuple[float, str]:
    code = ("import sys\nfrom geo.text.ingest import read_path\nfrom geo.errors import GeoError\n"
            "try:\n    read_path(sys.argv[1]); print('read')\nexcept GeoError as e:\n    print(e)\n"
            # VmHWM, not ru_maxrss: getrusage keeps the forking pytest's peak across exec.
            "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    message, peak = done.stdout.strip().splitlines()
    return float(peak), message


def test_docx_that_lies_about_its_size_is_refused_in_bounded_memory(tmp_path):
    """500 MB behind headers declaring 5 KB (the CRC even matches those 5 KB): before, python-docx
    had zlib inflate it all at once (2.1 GB for 2 GB). `geo bench --hostile` does the 2 GB one."""
    path = tmp_path / "lying.docx"
    path.write_bytes(hostile.lying_docx(500_000_000))
    assert path.stat().st_size < 1_000_000
    peak, message = _peak_mb_reading(path)
    assert message == "lying.docx is a damaged Word document (XMLSyntaxError)"
    assert peak < 300, f"peak {peak:.0f} MB"


def test_docx_whose_parts_fail_their_crc_is_refused():
    data = bytearray(hostile.lying_docx(5_000_000))
    hostile._patch(data, "word/document.xml", 5000, 0)
    with pytest.raises(CorruptFile) as caught:
        read(bytes(data), "x.docx")
    assert str(caught.value) == "x.docx: its ZIP headers do not match what it holds; refusing a possible zip bomb"


def test_an_honest_docx_still_reads_through_the_checked_copy():
    doc = read(hostile.small_docx("Drones struck Odesa overnight."), "fine.docx")
    assert doc.text == "Drones struck Odesa overnight."


# ---------------------------------------------------------------- one name 20,000 times

def test_one_name_twenty_thousand_times_parses(tmp_path):
    path = tmp_path / "kyiv.txt"
    path.write_text(hostile.repeated_name(), encoding="utf-8")
    done = run_geo("parse", str(path), "--format", "json")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    mentions = json.loads(done.stdout)[0]["mentions"]
    assert mentions and {m["name"] for m in mentions} == {"Kyiv"}


# ---------------------------------------------------------------- the command line's own output

def test_output_to_a_closed_pipe_ends_quietly(tmp_path):
    db = tmp_path / "lib.sqlite"
    docs = [Document(f"Article {i} about shelling in Kherson and Mykolaiv.", title=f"t{i}") for i in range(300)]
    from factories import SEED_PLACES, parse_by_hand

    with Store.open(db) as store:
        for d in docs:
            store.save(parse_by_hand(d.text, SEED_PLACES, title=d.title))
    for command in (["articles"], ["export", "--format", "csv"]):
        proc = subprocess.Popen([sys.executable, "-m", "geo.cli", *command, "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(10)  # `| head -c 10`
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) in (0, 141)
        assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_store_errors_carry_no_sql_and_no_article_text(tmp_path):
    db = tmp_path / "lib.sqlite"
    with Store.open(db) as store:
        with sqlite3.connect(db) as conn:
            conn.execute("DROP TABLE sentences")
        from factories import SEED_PLACES, parse_by_hand

        with pytest.raises(GeoError) as caught:
            store.save(parse_by_hand("A secret sentence about Kherson.", SEED_PLACES))
    message = str(caught.value)
    assert "secret" not in message and "INSERT" not in message and "[SQL" not in message
    assert message.startswith("Cannot write the library at ") and message.endswith(": no such table: sentences")


# ---------------------------------------------------------------- what held: keep it held

def test_xxe_in_a_docx_reads_no_local_file():
    base = zipfile.ZipFile(io.BytesIO(hostile.small_docx("Shelling in Kherson.")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in base.infolist():
            data = base.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:document", b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                    b"<w:document", 1).replace(b"Kherson.", b"Kherson &x;.")
            zf.writestr(info, data)
    try:
        text = read(out.getvalue(), "xxe.docx").text
    except GeoError as exc:  # refusing it is as good as ignoring the entity
        text = str(exc)
    assert "root:" not in text


def test_billion_laughs_html_stays_small():
    entities = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    page = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY l0 "lol">{entities}]>'
            "<html><body><p>&l9; Shelling hit Kherson.</p></body></html>").encode()
    doc = read(page, "laughs.html")
    assert len(doc.text) < 2000 and "Shelling hit Kherson." in doc.text


def test_sql_in_names_and_titles_is_only_text(tmp_path):
    from factories import SEED_PLACES, parse_by_hand

    evil = "x'); DROP TABLE articles; --"
    with Store.open(tmp_path / "lib.sqlite") as store:
        store.save(parse_by_hand("Shelling in Kherson.", SEED_PLACES, title=evil, source=evil + ".txt"))
        assert [a.title for a in store.articles()] == [evil]
        assert store.place_mentions(countries=[evil]) == [] and store.place_mentions(admin1=[evil]) == []


def test_hostile_markup_names_are_plain_in_labels():
    """Every character Markdown or Streamlit acts on comes out backslash-escaped, and nothing is
    lost (the Chromium test renders them: tests/test_browser_hostile.py)."""
    import re

    from ui.text import plain

    for name in hostile.markup_names():
        escaped = plain(name)
        assert re.sub(r"\\(.)", r"\1", escaped) == name
        assert re.search(r"(?<!\\)[\[\]()!:<>`*_$]", escaped) is None, escaped


# ---------------------------------------------------------------- the network

def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net shows them) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def test_dashboard_listens_on_loopback_only_by_default(tmp_path):
    """The project's .streamlit/config.toml (which scripts/run.sh uses) binds 127.0.0.1."""
    import socket
    import time
    import urllib.request

    from factories import ROOT

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "pages/3_About.py", "--server.headless",
                             "true", "--server.port", str(port), "--server.fileWatcherType", "none"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "GEO_DATABASE_URL": str(tmp_path / "lib.sqlite")})
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        addresses = _listening(port)
        assert addresses and set(addresses) == {"0100007F"}, addresses  # 127.0.0.1, nothing else
    finally:
        proc.terminate()
        proc.wait(10)
    run_sh = (ROOT / "scripts" / "run.sh").read_text()
    assert '--server.address "${GEO_ADDRESS:-127.0.0.1}"' in run_sh


def test_an_unwritable_output_is_one_line(tmp_path):
    done = run_geo("parse", str(SEED), "-o", str(tmp_path / "missing" / "out.json"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == f"geo: error: No such file or directory: {tmp_path / 'missing' / 'out.json'}"
    assert "Traceback" not in done.stderr
