"""Where the article library lives and how to connect to it safely from several processes."""

from __future__ import annotations

import os
import re
import weakref
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from geo.config import data_dir
from geo.errors import LibraryMissing, LibraryUnusable, StoreError, db_reason

BUSY_TIMEOUT_S = 30  # batch ingest workers queue behind the writer instead of failing
MISSING = ("there is no article library at GEO_DATABASE_URL (or in GEO_DATA_DIR): "
           "a read-only dashboard creates none")


# "postgresql:/host/db", "postgres:user@host": a URL with a slip in it, not a file to create.
_SCHEME_SLIP = re.compile(r"^(?:postgres(?:ql)?|sqlite)(?:\+\w+)?:(?!//)", re.I)


def resolve_url(url: str | os.PathLike[str] | None = None) -> URL:
    """An explicit URL or file path, else ``$GEO_DATABASE_URL``, else data_dir()/library.sqlite."""
    if url is None:
        # Not created here: make_engine makes a writable library's folder, never a read-only one's.
        url = os.environ.get("GEO_DATABASE_URL") or data_dir(create=False) / "library.sqlite"
    if isinstance(url, str) and _SCHEME_SLIP.match(url):
        raise _not_a_url(url, "a database URL needs '://' after its scheme")
    if isinstance(url, os.PathLike) or "://" not in url:
        return URL.create("sqlite", database=str(Path(url).expanduser().absolute()))
    try:
        parsed = make_url(url)
    except (ValueError, ArgumentError) as e:
        raise _not_a_url(url, str(e).splitlines()[0] if str(e) else type(e).__name__) from e
    if parsed.drivername in ("postgres", "postgresql"):  # psycopg 3 is the driver we ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _not_a_url(url: str, why: str) -> LibraryUnusable:
    shown = re.sub(r":[^:@]*@", ":***@", url)  # never a password, however the URL is mistyped
    return LibraryUnusable(f"Not a database URL or file: {shown} ({why})", "GEO_DATABASE_URL is not a database URL")


def make_engine(url: URL, read_only: bool = False) -> Engine:
    """``read_only``: a SQLite file opened with ``mode=ro`` (never created), PostgreSQL sessions
    whose every transaction is read-only (the session's default_transaction_read_only is on)."""
    backend = url.get_backend_name()
    if backend == "sqlite":
        file = url.database if url.database and url.database != ":memory:" else None
        if read_only and file:
            if not Path(file).is_file():
                raise LibraryMissing(f"No library at {file}: opened read-only, nothing was created.",
                                     MISSING)
            # SQLite's URI form: the file as it is, read-only; the driver is told by uri=true.
            url = url.set(database="file:" + quote(str(Path(file).absolute())) + "?mode=ro", query={"uri": "true"})
        elif file:
            Path(file).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_reader if read_only else _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    elif backend == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        if read_only:
            event.listen(engine, "connect", _postgresql_reader)
    else:
        raise LibraryUnusable(f"Unsupported database {backend!r}: use SQLite or PostgreSQL.",
                              "GEO_DATABASE_URL names a database other than SQLite or PostgreSQL")
    if hasattr(os, "register_at_fork"):  # a forked worker must not reuse the parent's sockets
        ref = weakref.ref(engine)
        os.register_at_fork(after_in_child=lambda: (e := ref()) and e.dispose(close=False))
    return engine


def _sqlite_connect(dbapi_conn, _record) -> None:
    # SQLAlchemy takes over BEGIN (see _sqlite_begin); pragmas must run outside a transaction.
    dbapi_conn.isolation_level = None
    for pragma in ("foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_S * 1000}",
                   "journal_mode = WAL", "synchronous = NORMAL"):
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _sqlite_reader(dbapi_conn, _record) -> None:
    # No journal_mode or synchronous: setting them is a write. query_only: a second lock.
    dbapi_conn.isolation_level = None
    for pragma in ("foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_S * 1000}", "query_only = ON"):
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _postgresql_reader(dbapi_conn, _record) -> None:
    with dbapi_conn.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    dbapi_conn.commit()


def _sqlite_begin(conn: Connection) -> None:
    # A deferred transaction that later writes fails at once with SQLITE_BUSY when another
    # process wrote meanwhile (busy_timeout cannot help); taking the write lock up front waits.
    write = conn.get_execution_options().get("geo_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# What a database says when waiting will not help, and what to tell a user instead: one line
# with no URL and no SQL (geo.errors.LibraryUnusable). Anything else is an outage: try again.
_UNUSABLE = [(re.compile(said), reason) for said, reason in (
    (r"file is not a database|database disk image is malformed",
     "the library file is damaged or is not an article library: restore it from a backup"),
    (r"attempt to write a readonly database",
     "the library file is read-only for this user (GEO_READ_ONLY=1 shows it without changing it)"),
    (r"unable to open database file", "the library file cannot be opened: check its path and permissions"),
    (r"password authentication failed|no password supplied",
     "the database refused the user or password of GEO_DATABASE_URL"),
    (r'database ".*" does not exist', "the database named in GEO_DATABASE_URL does not exist"),
)]
DRIVER = 'PostgreSQL\'s driver is not installed: pip install "psycopg[binary]" (scripts/setup.sh installs it)'


def failure(e: BaseException, doing: str, where: str) -> StoreError:
    """A database error as a StoreError: LibraryUnusable when it will not pass by itself."""
    if isinstance(e, ImportError):
        return LibraryUnusable(f"{doing} {where}: {DRIVER}", DRIVER)
    said = db_reason(e)
    for pattern, reason in _UNUSABLE:
        if pattern.search(said):
            return LibraryUnusable(f"{doing} {where}: {said}", reason)
    return StoreError(f"{doing} {where}: {said}")
