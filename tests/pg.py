"""Database URLs for backend-parametrised tests: a SQLite file, and PostgreSQL when available.

PostgreSQL comes from ``GEO_TEST_POSTGRES_URL`` (``scripts/start-postgres.sh`` prints one).
Without it the postgres cases skip locally but fail under CI, so a broken CI setup cannot
pass silently. Each test gets its own PostgreSQL schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    url = os.environ.get("GEO_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail("CI is set but GEO_TEST_POSTGRES_URL is not: run "
                    'export GEO_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)" first.',
                    pytrace=False)
    pytest.skip("GEO_TEST_POSTGRES_URL is not set (scripts/start-postgres.sh prints one)")


def _scratch_schema(url: str) -> Iterator[str]:
    """A URL whose connections see only a fresh, private schema."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield make_url(url).update_query_dict(
            {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'library.sqlite'}"
    else:
        yield from _scratch_schema(postgres_url())
