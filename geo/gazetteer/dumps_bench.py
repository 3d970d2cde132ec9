"""Benchmark of `import_dump` on an allCountries-shaped file: rows/s and peak memory.

    python -m geo.gazetteer.dumps_bench --rows 2000000 [--alternates 1000000]

Writes a synthetic zip in GeoNames' format (a mix of feature classes, repeated village names,
Latin and Cyrillic alternate names, some places the embedded index already has) to a temporary
directory, streams it into a fresh user index and prints the numbers. Peak RSS must stay far
below the ~1 GB that holding allCountries in memory would take.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from geo.gazetteer.build import default_path
from geo.gazetteer.dumps import import_dump

_CODES = [("P", "PPL")] * 60 + [("H", "STM")] * 12 + [("T", "HLL")] * 8 + [("S", "FRM")] * 6 + [
    ("H", "LK"), ("H", "RSV"), ("S", "DAM"), ("S", "BDG"), ("A", "ADM3"), ("T", "MT"), ("S", "SCH"),
    ("L", "AREA"), ("S", "PSH"), ("S", "AIRF"), ("T", "ISL"), ("S", "MN")]
# 40 syllables, 2-4 each: millions of possible names, most drawn once, a few thousand often.
_LATIN = ("ka ro vi no sel lan mar dor ve ta bur ok ly sha pe mi zu gor an el ost ber kin val "
          "tre pol dan sk us ir mo na li fen hal gra wes ny cho rin").split()
_CYRILLIC = ("ка ро ви но сел лан мар дор ве та бур ок ли ша пе ми зу гор ан ел ост бер кин вал "
             "тре пол дан ск ус ир мо на лі фен хал гра вес ни чо рін").split()
_COUNTRIES = ["US", "UA", "RU", "DE", "FR", "IN", "CN", "BR", "MX", "ID"]


def _name(rng: random.Random, syllables: list[str]) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()


def write_dump(path: Path, rows: int, embedded_gids: list[int], seed: int = 1) -> None:
    rng = random.Random(seed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open(f"{path.stem}.txt", "w") as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        for i in range(rows):
            use_embedded = embedded_gids and rng.random() < 0.02  # ~ allCountries' share
            gid = rng.choice(embedded_gids) if use_embedded else 20_000_000 + i
            cc = rng.choice(_COUNTRIES)
            fclass, code = rng.choice(_CODES)
            name = _name(rng, _LATIN)
            alternates = []
            if rng.random() < 0.3:
                alternates = [_name(rng, _LATIN) for _ in range(rng.randint(1, 4))]
                if cc in ("UA", "RU"):
                    alternates += [_name(rng, _CYRILLIC) for _ in range(rng.randint(1, 3))]
            out.write("\t".join([
                str(gid), name, name, ",".join(alternates), f"{rng.uniform(-60, 70):.5f}",
                f"{rng.uniform(-180, 180):.5f}", fclass, code, cc, "", f"{rng.randint(1, 30):02d}",
                "", "", "", str(rng.choice([0, 0, 0, 120, 5400])), "", "150", "Europe/Kyiv",
                "2024-01-01"]) + "\n")
        out.flush()


def write_alternates(path: Path, rows: int, first_gid: int, places: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open(f"{path.stem}.txt", "w") as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        for i in range(rows):
            language = rng.choice(["en", "de", "uk", "ru", "link", "post", ""])
            name = _name(rng, _CYRILLIC if language in ("uk", "ru") else _LATIN)
            gid = first_gid + rng.randrange(places * 2)  # half point at places not imported
            out.write(f"{i}\t{gid}\t{language}\t{name}\t\t\t\t\t\t\n")
        out.flush()


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.gazetteer.dumps_bench")
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--alternates", type=int, default=0, help="alternateNamesV2 rows too")
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: a temp dir)")
    args = parser.parse_args(argv)
    embedded = default_path()
    gids = []
    if embedded.exists():
        with sqlite3.connect(f"file:{embedded}?mode=ro", uri=True) as db:
            gids = [g for (g,) in db.execute("SELECT geonames_id FROM places WHERE geonames_id IS NOT NULL")]
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        dump, alternates = Path(tmp) / "allCountries.zip", None
        started = time.perf_counter()
        write_dump(dump, args.rows, gids)
        if args.alternates:
            alternates = Path(tmp) / "alternateNamesV2.zip"
            write_alternates(alternates, args.alternates, 20_000_000, args.rows)
        print(f"wrote {args.rows:,} rows ({dump.stat().st_size / 1e6:,.0f} MB zipped) "
              f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rss_before = _rss()
        target = Path(tmp) / "gazetteer-user.sqlite"
        say = lambda m: print(f"  {m}  (peak RSS {_rss():,.0f} MB)", file=sys.stderr)  # noqa: E731
        counts = import_dump(dump, target, say, alternates, embedded=embedded if embedded.exists() else None)
        peak = _rss()
        print(f"rows {counts['rows']:,}  places {counts['total']['places']:,}  "
              f"names {counts['total']['names']:,}\n"
              f"total {counts['seconds']:.0f} s  places pass {counts['rows_per_s']:,} rows/s  "
              f"overall {counts['rows'] / counts['seconds']:,.0f} rows/s\n"
              f"peak RSS {peak:,.0f} MB (before import {rss_before:,.0f} MB)  "
              f"index {target.stat().st_size / 1e6:,.0f} MB")
        if peak > 1024:
            print("FAIL: peak RSS above 1 GB", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
