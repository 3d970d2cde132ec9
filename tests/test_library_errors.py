"""A library that cannot be opened is one line, in the shell and on the page: a missing driver, a
mistyped URL, an unknown database, a server that does not answer, a locked or damaged SQLite
file. Never a traceback, never Streamlit's own error box, never a password."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from streamlit.testing.v1 import AppTest

from factories import ROOT
from geo.store import engine as store_engine
from geo.cli import main
from ui.guard import UNAVAILABLE

CANNOT = "The article library cannot be opened: "
# (case, URL or None for a file made by the test, what the shell says, what the page says)
CASES = [
    ("no driver", "postgresql://geo:secret@127.0.0.1:1/x",
     'PostgreSQL\'s driver is not installed: pip install "psycopg[binary]"',
     CANNOT + 'PostgreSQL\'s driver is not installed: pip install "psycopg[binary]" (scripts/setup.sh installs it).'),
    ("scheme slip", "postgresql:/geo:secret@127.0.0.1/x", "needs '://' after its scheme",
     CANNOT + "GEO_DATABASE_URL is not a database URL."),
    ("bad port", "postgresql://geo:secret@127.0.0.1:port/x", "Not a database URL or file",
     CANNOT + "GEO_DATABASE_URL is not a database URL."),
    ("other database", "mysql://geo:secret@127.0.0.1/x", "Unsupported database 'mysql'",
     CANNOT + "GEO_DATABASE_URL names a database other than SQLite or PostgreSQL."),
    ("no server", "postgresql+psycopg://geo:secret@127.0.0.1:1/x", "Connection refused", UNAVAILABLE),
    ("damaged file", None, "file is not a database",
     CANNOT + "the library file is damaged or is not an article library: restore it from a backup."),
    ("locked file", None, "database is locked", UNAVAILABLE),
]


@pytest.fixture
def situation(request, tmp_path, monkeypatch):
    """The URL of the case, with the world arranged for it (psycopg hidden, a file damaged or
    locked by another connection); yields (url, shell words, page line)."""
    case, url, said, shown = request.param
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 1)  # a locked file fails in 1 s, not 30
    holder = None
    if case == "no driver":
        monkeypatch.setitem(sys.modules, "psycopg", None)  # as when it is not installed
    elif case == "damaged file":
        url = str(tmp_path / "library.sqlite")
        (tmp_path / "library.sqlite").write_bytes(b"not a database " * 100)
    elif case == "locked file":
        url = str(tmp_path / "library.sqlite")
        holder = sqlite3.connect(url)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN EXCLUSIVE")
    yield url, said, shown
    if holder is not None:
        holder.close()


@pytest.mark.parametrize("situation", CASES, ids=[c[0] for c in CASES], indirect=True)
def test_the_shell_says_one_line(situation, capsys, geo_data_dir):
    url, said, _shown = situation
    assert main(["articles", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("geo: error: ") and said in err, err
    assert "secret" not in err and "unexpected" not in err and "Traceback" not in err


@pytest.mark.parametrize("situation", CASES, ids=[c[0] for c in CASES], indirect=True)
def test_the_page_says_one_line(situation, monkeypatch, geo_data_dir):
    url, _said, shown = situation
    monkeypatch.setenv("GEO_DATABASE_URL", url)
    monkeypatch.delenv("GEO_LIBRARY", raising=False)
    for page in ("app.py", "pages/1_Articles.py"):
        at = AppTest.from_file(str(ROOT / page), default_timeout=180).run()
        assert not at.exception, [e.value for e in at.exception]  # Streamlit's own box: never
        assert [e.value.replace("\\", "") for e in at.error] == [shown]
        assert "secret" not in str([e.value for e in at.error])
