"""Registry storage fixtures: ``store_url`` runs a test on SQLite and on PostgreSQL.

The PostgreSQL variant creates a database ``fk_test_<hex>`` on 127.0.0.1:5432 (user
postgres, trust authentication) for each test and drops it afterwards, so tests can run in
parallel. Without a server those tests skip, except when ``CI`` or
``FIELDKIT_REQUIRE_POSTGRES`` is set: then they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import NullPool

from fieldkit.registry.store import RegistryStore

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def _postgres_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("FIELDKIT_REQUIRE_POSTGRES"))


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[sa.Engine]:
    """An autocommit engine on the server's ``postgres`` database (to create databases)."""
    engine = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT",
                              poolclass=NullPool, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa_exc.OperationalError as e:
        engine.dispose()
        message = (f"PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres ({e.orig}). "
                   "Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or run "
                   "without CI / FIELDKIT_REQUIRE_POSTGRES to skip these tests.")
        if _postgres_required():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_admin: sa.Engine) -> Iterator[str]:
    """URL of a fresh, uniquely named PostgreSQL database, dropped after the test."""
    name = f"fk_test_{secrets.token_hex(6)}"
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with pg_admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"),
                        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'registry' / 'registry.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[RegistryStore]:
    """A store on ``store_url`` keeping chunks in the database."""
    s = RegistryStore.open(store_url)
    yield s
    s.close()
