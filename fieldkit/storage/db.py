"""SQLCipher connections and named migrations.

One prepare hook for every connection (the raw key goes first), one writer per vault, named
migrations applied each in its own transaction and recorded in ``_migrations``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from fieldkit.errors import DatabaseCorruptError

Connection = Any  # sqlcipher3.Connection (untyped C extension)

WRITER_CACHE_KIB = 64 * 1024


def connect(path: Path, key: bytes, *, readonly: bool = False) -> Connection:
    """Open the vault database with a raw 256-bit key and check that the key fits."""
    if len(key) != 32:
        raise ValueError("the vault master key must be 32 bytes")
    if not readonly and not path.exists():
        # Create it ourselves so that the database, its WAL and SHM files (SQLite copies the
        # database file's mode) are private from the first byte.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as e:
            raise DatabaseCorruptError(
                f"The vault database {path.name} cannot be read with the key from the key file: "
                f"it is damaged or belongs to another key file ({e}).") from None
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            # Every page read from disk is decrypted and authenticated: a larger cache for
            # the one writer roughly doubles bulk sealing (bench/bench_vault.py).
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@dataclass(frozen=True)
class Migration:
    name: str
    apply: str | Callable[[Connection], None]


def migrate(conn: Connection, migrations: Sequence[Migration]) -> list[str]:
    """Apply, in order, each migration not yet recorded; return the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations ("
                 "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for m in migrations:
        if m.name in done:
            continue
        with transaction(conn):
            if isinstance(m.apply, str):
                for statement in _split_sql(m.apply):
                    conn.execute(statement)
            else:
                m.apply(conn)
            conn.execute("INSERT INTO _migrations(name, applied_at) VALUES (?, ?)",
                         (m.name, datetime.now(UTC).isoformat(timespec="seconds")))
        applied.append(m.name)
    return applied


def _split_sql(script: str) -> list[str]:
    """Split on ';' at statement ends, keeping trigger bodies (BEGIN … END;) whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlcipher3.complete_statement(joined):
            statements.append(joined)
            current = []
    rest = "\n".join(current).strip()
    if rest:
        statements.append(rest)
    return statements


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher's page HMAC check and SQLite's structural check; [] when all is well."""
    problems: list[str] = []
    for pragma in ("cipher_integrity_check", "integrity_check"):
        try:
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
        except sqlcipher3.DatabaseError as e:
            rows = [f"{pragma}: {e}"]
        problems.extend(r for r in rows if r != "ok")
    return problems
