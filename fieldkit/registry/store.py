"""The registry's storage: one interface, two backends (SQLite and PostgreSQL).

:class:`RegistryStore` is written once against SQLAlchemy Core; the URL picks the backend:

* ``sqlite:///path/registry.db`` — the embedded default, one machine. The file is created
  0600; every connection gets WAL, foreign keys, a busy timeout and ``synchronous=FULL``;
  write transactions start with ``BEGIN IMMEDIATE`` (SQLite's single writer lock), read
  transactions with a plain ``BEGIN``.
* ``postgresql+psycopg://user@host/db`` — production, where several registry processes share
  one database.

The transparency log has exactly one sequencer, however many processes serve the database:
every append runs in a transaction that first takes ``pg_advisory_xact_lock(SEQUENCER_LOCK)``
(PostgreSQL) or holds SQLite's write lock. Inside it the leaves go in at ``size, size+1, …``,
the perfect subtree hashes they complete go to ``log_nodes`` (see
:mod:`fieldkit.sync.merkle`), the new root is computed from those nodes, the caller's ``sign``
turns ``(size, root)`` into a signed checkpoint note, and the checkpoint is stored. Leaves,
nodes, records and the checkpoint commit together or not at all.

Times are ISO 8601 UTC strings in one format (``2025-01-31T12:00:00Z``) and are compared as
text. Every method is its own short transaction; the store is safe to share between threads.

Errors (each has ``http_status``, the answer the registry gives)::

    StoreError                                  500  base of the store's own errors
    ├── StoreUnavailableError                   503  database unreachable or busy too long
    ├── StoreNotFoundError(NotFoundError)       404  no such device, leaf, checkpoint...
    ├── StoreValidationError(ValidationError)   400  an argument is malformed
    ├── ConflictError(UsageError)               409  the device / code / export id already exists
    ├── EnrollCodeError(UsageError)             403  unknown, used or expired enrolment code
    ├── ForkError(ChainError)                   409  same device + seq, different record
    └── FileDigestError(DigestMismatchError)    400  chunks do not add up to the file
    chunks.InvalidDigestError / ChunkNotFoundError / ChunkDigestError     400 / 404 / 400
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar, Final

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from fieldkit.errors import (
    ChainError,
    DigestMismatchError,
    FieldKitError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from fieldkit.registry.chunks import (
    ChunkNotFoundError,
    ChunkStore,
    DatabaseChunkStore,
    FileChunkStore,
    check_digest,
)
from fieldkit.sync import merkle

__all__ = [
    "ROLES",
    "SEQUENCER_LOCK",
    "AuditEvent",
    "ChainGap",
    "ConflictError",
    "Device",
    "EnrollCodeError",
    "ExportEvent",
    "FileDigestError",
    "ForkError",
    "IncomingRecord",
    "Ingested",
    "RegistryStore",
    "StoreError",
    "StoreNotFoundError",
    "StoreUnavailableError",
    "StoreValidationError",
    "StoredRecord",
    "alembic_config",
]

#: pg_advisory_xact_lock key of the log sequencer (b"FIELDKIT" as a big-endian int64).
SEQUENCER_LOCK: Final = int.from_bytes(b"FIELDKIT", "big")
#: pg_advisory_xact_lock key held while migrating (several processes may start at once).
MIGRATION_LOCK: Final = int.from_bytes(b"FKMIGRAT", "big")
ROLES: Final = ("monitor", "staff", "admin")
OUTCOMES: Final = ("ok", "refused", "error")
MAX_PAGE: Final = 1000
SQLITE_BUSY_TIMEOUT_MS: Final = 30_000
_IN_BATCH: Final = 500  # values per IN (...) clause
_NONCE_PURGE_EVERY: Final = 64


# --- errors -----------------------------------------------------------------------------------

class StoreError(FieldKitError):
    code = "store"
    http_status: ClassVar[int] = 500


class StoreUnavailableError(StoreError):
    code = "store_unavailable"
    http_status: ClassVar[int] = 503
    default_hint = ("The registry database is unreachable or busy. Try again in a minute; if "
                    "it persists, the operator should check the database server and its logs.")


class StoreNotFoundError(NotFoundError, StoreError):
    code = "not_found"
    http_status: ClassVar[int] = 404


class StoreValidationError(ValidationError, StoreError):
    code = "invalid"
    http_status: ClassVar[int] = 400


class ConflictError(UsageError, StoreError):
    code = "conflict"
    http_status: ClassVar[int] = 409


class EnrollCodeError(UsageError, StoreError):
    code = "enroll_code_invalid"
    http_status: ClassVar[int] = 403
    default_hint = "Ask an administrator for a new enrolment code."


class ForkError(ChainError, StoreError):
    code = "chain_fork"
    http_status: ClassVar[int] = 409
    default_hint = ("This device signed two different records with the same sequence number. "
                    "Nothing from this batch was kept. Stop using the device and tell an "
                    "administrator: its key or its vault may have been copied.")


class FileDigestError(DigestMismatchError, StoreError):
    code = "digest_mismatch"
    http_status: ClassVar[int] = 400
    default_hint = "Upload the file again; its chunks do not make up the file that was named."


# --- rows ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Device:
    key_id: str
    public_key: bytes
    role: str
    label: str
    enrolled_at: str
    revoked_at: str | None
    enrol_index: int | None
    revoke_index: int | None = None  # the log entry of its revocation, once revoked


@dataclass(frozen=True)
class IncomingRecord:
    """A verified sealed record as the registry received it (``envelope``: its DSSE bytes)."""

    record_id: str
    device: str
    seq: int
    chain_prev: str | None
    kind: str
    envelope: bytes


@dataclass(frozen=True)
class Ingested:
    """What happened to one incoming record: its log index, whether the registry already had
    it, and ``gap=(expected_seq, got_seq)`` when it does not continue its device's chain."""

    record_id: str
    log_index: int
    duplicate: bool
    gap: tuple[int, int] | None


@dataclass(frozen=True)
class StoredRecord:
    record_id: str
    device: str
    seq: int
    chain_prev: str | None
    kind: str
    envelope: bytes
    log_index: int
    received_at: str
    size: int


@dataclass(frozen=True)
class ChainGap:
    id: int
    device: str
    expected_seq: int
    got_seq: int
    record_id: str
    at: str


@dataclass(frozen=True, kw_only=True)
class AuditEvent:
    """One request as the audit log keeps it. ``id`` is assigned by the store (0 = not yet)."""

    at: str
    method: str
    path: str
    action: str
    outcome: str  # 'ok' | 'refused' | 'error'
    status: int
    device: str | None = None
    role: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    reason: str = ""
    remote: str = ""
    detail: str = ""  # JSON for events that carry more than a request (export events)
    #: the key id a request claimed when its signature did not verify (``device`` stays None:
    #: the audit log names a device only after its signature verified)
    claimed_device: str | None = None
    id: int = 0


@dataclass(frozen=True)
class ExportEvent:
    """An export a device reports (``docs/sync-protocol.md`` §8c). ``digest`` is the SHA-256
    of the event as reported: a repeat must be identical to count as the same event.
    ``audit`` is the audit row appended the first time."""

    export_id: str  # 32 lowercase hex (a uuid4 without dashes)
    device: str
    digest: str
    audit: AuditEvent


# --- schema (created by migrations/versions/r0001_initial.py; tests compare the two) ------------

metadata = sa.MetaData()
_SERIAL = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_ROLE_CHECK = "role IN ('monitor', 'staff', 'admin')"

devices_t = sa.Table(
    "devices", metadata,
    sa.Column("key_id", sa.Text(), primary_key=True),
    sa.Column("public_key", sa.LargeBinary(), nullable=False),
    sa.Column("role", sa.Text(), nullable=False),
    sa.Column("label", sa.Text(), nullable=False),
    sa.Column("enrolled_at", sa.Text(), nullable=False),
    sa.Column("revoked_at", sa.Text(), nullable=True),
    sa.Column("enrol_index", sa.BigInteger(), nullable=True),
    sa.Column("revoke_index", sa.BigInteger(), nullable=True),
    sa.CheckConstraint(_ROLE_CHECK, name="ck_devices_role"),
)
enroll_codes_t = sa.Table(
    "enroll_codes", metadata,
    sa.Column("code_id", sa.Text(), primary_key=True),
    sa.Column("secret_hash", sa.LargeBinary(), nullable=False),
    sa.Column("role", sa.Text(), nullable=False),
    sa.Column("created_at", sa.Text(), nullable=False),
    sa.Column("expires_at", sa.Text(), nullable=False),
    sa.Column("used_at", sa.Text(), nullable=True),
    sa.Column("used_by", sa.Text(), nullable=True),
    sa.CheckConstraint(_ROLE_CHECK, name="ck_enroll_codes_role"),
)
nonces_t = sa.Table(
    "nonces", metadata,
    sa.Column("key_id", sa.Text(), primary_key=True),
    sa.Column("nonce", sa.Text(), primary_key=True),
    sa.Column("expires_at", sa.Text(), nullable=False),
    sa.Index("ix_nonces_expires_at", "expires_at"),
)
log_leaves_t = sa.Table(
    "log_leaves", metadata,
    sa.Column("idx", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("data", sa.LargeBinary(), nullable=False),
    sa.Column("created_at", sa.Text(), nullable=False),
)
log_nodes_t = sa.Table(
    "log_nodes", metadata,
    sa.Column("level", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("idx", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("hash", sa.LargeBinary(), nullable=False),
)
checkpoints_t = sa.Table(
    "checkpoints", metadata,
    sa.Column("size", sa.BigInteger(), primary_key=True, autoincrement=False),
    sa.Column("root", sa.LargeBinary(), nullable=False),
    sa.Column("note", sa.Text(), nullable=False),
    sa.Column("created_at", sa.Text(), nullable=False),
)
records_t = sa.Table(
    "records", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("device", sa.Text(), sa.ForeignKey("devices.key_id", name="fk_records_device"),
              nullable=False),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Column("chain_prev", sa.Text(), nullable=True),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("envelope", sa.LargeBinary(), nullable=False),
    sa.Column("log_index", sa.BigInteger(), nullable=False),
    sa.Column("received_at", sa.Text(), nullable=False),
    sa.Column("size", sa.Integer(), nullable=False),
    sa.UniqueConstraint("log_index", name="uq_records_log_index"),
    sa.UniqueConstraint("device", "seq", name="uq_records_device_seq"),
)
chain_gaps_t = sa.Table(
    "chain_gaps", metadata,
    sa.Column("id", _SERIAL, primary_key=True, autoincrement=True),
    sa.Column("device", sa.Text(), nullable=False),
    sa.Column("expected_seq", sa.BigInteger(), nullable=False),
    sa.Column("got_seq", sa.BigInteger(), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("at", sa.Text(), nullable=False),
    sa.Index("ix_chain_gaps_device", "device", "id"),
)
chunks_t = sa.Table(
    "chunks", metadata,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer(), nullable=False),
    sa.Column("data", sa.LargeBinary(), nullable=True),
)
files_t = sa.Table(
    "files", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger(), nullable=False),
    sa.Column("chunks", sa.Text(), nullable=False),
    sa.Column("device", sa.Text(), nullable=True),
    sa.Column("created_at", sa.Text(), nullable=False),
)
audit_t = sa.Table(
    "audit", metadata,
    sa.Column("id", _SERIAL, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Text(), nullable=False),
    sa.Column("device", sa.Text(), nullable=True),
    sa.Column("role", sa.Text(), nullable=True),
    sa.Column("method", sa.Text(), nullable=False),
    sa.Column("path", sa.Text(), nullable=False),
    sa.Column("action", sa.Text(), nullable=False),
    sa.Column("outcome", sa.Text(), nullable=False),
    sa.Column("status", sa.Integer(), nullable=False),
    sa.Column("bytes_in", sa.BigInteger(), nullable=False),
    sa.Column("bytes_out", sa.BigInteger(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("remote", sa.Text(), nullable=False),
    sa.Column("detail", sa.Text(), nullable=False, server_default=""),
    sa.Column("claimed_device", sa.Text(), nullable=True),
    sa.CheckConstraint("outcome IN ('ok', 'refused', 'error')", name="ck_audit_outcome"),
    sa.Index("ix_audit_device", "device", "id"),
    sa.Index("ix_audit_action", "action", "id"),
    sa.Index("ix_audit_outcome", "outcome", "id"),
    sa.Index("ix_audit_at", "at"),
)

settings_t = sa.Table(
    "settings", metadata,
    sa.Column("key", sa.Text(), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
    sa.Column("log_index", sa.BigInteger(), nullable=True),
    sa.Column("updated_at", sa.Text(), nullable=False),
)

export_events_t = sa.Table(
    "export_events", metadata,
    sa.Column("export_id", sa.String(32), primary_key=True),
    sa.Column("device", sa.Text(), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("audit_id", sa.BigInteger(), nullable=False),
    sa.Column("received_at", sa.Text(), nullable=False),
)


# --- engines and migrations ---------------------------------------------------------------------

def alembic_config() -> Config:
    """Alembic configuration for the registry migrations (no ``alembic.ini`` involved)."""
    cfg = Config()
    location = str(Path(__file__).resolve().with_name("migrations"))
    cfg.set_main_option("script_location", location.replace("%", "%%"))
    return cfg


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite must not open transactions by itself: the "begin" hook below does it.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
    finally:
        cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("fieldkit_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _create_engine(url: str, pool_size: int) -> sa.Engine:
    try:
        parsed = sa.make_url(url)
    except sa_exc.ArgumentError:
        raise StoreValidationError(
            "The registry database URL is malformed.",
            hint="Use sqlite:///path/to/registry.db or "
                 "postgresql+psycopg://user@host:5432/dbname.") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.get_driver_name() == "pysqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            raise StoreValidationError(
                "The registry needs a SQLite database file, not an in-memory database.",
                hint="Use sqlite:///path/to/registry.db.")
        path = Path(database)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created private; SQLite gives its WAL and SHM files the same mode.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        engine = sa.create_engine(parsed, pool_size=pool_size, max_overflow=pool_size,
                                  connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if backend == "postgresql" and parsed.get_driver_name() == "psycopg":
        return sa.create_engine(parsed, pool_size=pool_size, max_overflow=pool_size,
                                pool_pre_ping=True)
    raise StoreValidationError(
        f"The registry cannot use a {parsed.drivername!r} database.",
        hint="Use sqlite:///path/to/registry.db or postgresql+psycopg://user@host:5432/dbname.")


def _unavailable(err: sa_exc.DBAPIError) -> StoreUnavailableError:
    return StoreUnavailableError(
        f"The registry database cannot be used right now ({type(err.orig).__name__}: "
        f"{str(err.orig).strip().splitlines()[0] if str(err.orig).strip() else 'no detail'}).")


def _insert_ignore(dialect: str, table: sa.Table) -> Any:
    """INSERT … ON CONFLICT DO NOTHING for either backend."""
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def _batches(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _IN_BATCH):
        yield items[i:i + _IN_BATCH]


def _check_limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise StoreValidationError(f"A page limit must be a positive integer; got {limit!r}.")
    return min(limit, MAX_PAGE)


_INT64_MAX: Final = (1 << 63) - 1


def _check_int(value: int, what: str, *, minimum: int = 0) -> int:
    """A 64-bit integer argument (an index, size, seq or cursor) at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) \
            or not minimum <= value <= _INT64_MAX:
        raise StoreValidationError(f"The {what} must be an integer from {minimum} to 2**63-1; "
                                   f"got {str(value)[:40]}.")
    return value


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise StoreValidationError(f"Unknown role {role!r}.",
                                   hint="A role is one of: " + ", ".join(ROLES) + ".")


class _NodeCache:
    """Perfect-subtree hashes already committed. They never change once written, so every
    process may keep them; the cache only ever holds committed nodes."""

    MAX = 2_000_000

    def __init__(self) -> None:
        self._nodes: dict[tuple[int, int], bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[int, int]) -> bytes | None:
        return self._nodes.get(key)

    def add(self, nodes: dict[tuple[int, int], bytes]) -> None:
        with self._lock:
            if len(self._nodes) + len(nodes) > self.MAX:
                self._nodes.clear()
            self._nodes.update(nodes)


class _TxNodes:
    """merkle.NodeSource over ``log_nodes`` inside one transaction, plus nodes not yet written
    (``pending``), backed by the store's cache of committed nodes."""

    def __init__(self, conn: Connection, cache: _NodeCache | None = None) -> None:
        self._conn = conn
        self._cache = cache
        self.pending: dict[tuple[int, int], bytes] = {}

    def perfect_node(self, level: int, index: int) -> bytes:
        found = self.pending.get((level, index))
        if found is None and self._cache is not None:
            found = self._cache.get((level, index))
        if found is not None:
            return found
        value = self._conn.execute(
            sa.select(log_nodes_t.c.hash).where(log_nodes_t.c.level == level,
                                                log_nodes_t.c.idx == index)).scalar_one_or_none()
        if value is None:
            raise StoreNotFoundError(
                f"The log has no complete node {index} at level {level} (yet).",
                level=level, index=index)
        if self._cache is not None:
            self._cache.add({(level, index): bytes(value)})
        return bytes(value)


def _log_size(conn: Connection) -> int:
    size = conn.execute(sa.select(sa.func.max(log_leaves_t.c.idx))).scalar_one_or_none()
    return 0 if size is None else int(size) + 1


def _latest_checkpoint(conn: Connection) -> str | None:
    note = conn.execute(sa.select(checkpoints_t.c.note).order_by(checkpoints_t.c.size.desc())
                        .limit(1)).scalar_one_or_none()
    return None if note is None else str(note)


def _device(row: Any) -> Device:
    return Device(row.key_id, bytes(row.public_key), row.role, row.label, row.enrolled_at,
                  row.revoked_at, None if row.enrol_index is None else int(row.enrol_index),
                  None if row.revoke_index is None else int(row.revoke_index))


def _record(row: Any) -> StoredRecord:
    return StoredRecord(row.record_id, row.device, int(row.seq), row.chain_prev, row.kind,
                        bytes(row.envelope), int(row.log_index), row.received_at, int(row.size))


class RegistryStore:
    """Devices, enrolment codes, nonces, the transparency log, records, chunks and the audit
    log of one registry, in SQLite or PostgreSQL. Open with :meth:`open`."""

    def __init__(self, engine: sa.Engine, chunk_store: ChunkStore) -> None:
        self._engine = engine
        self._pg = engine.dialect.name == "postgresql"
        self._chunks = chunk_store
        self._nonce_calls = itertools.count(1)
        self._cache = _NodeCache()

    # --- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, chunk_dir: Path | None = None,
             pool_size: int = 10) -> RegistryStore:
        """Connect, migrate to the newest schema, and return the store.

        ``chunk_dir`` keeps attachment chunks as files there; ``None`` keeps them in the
        database. Keep the same choice for the life of a database.
        """
        engine = _create_engine(url, pool_size)
        try:
            with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": MIGRATION_LOCK})
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except sa_exc.OperationalError as e:
            engine.dispose()
            raise _unavailable(e) from None
        except BaseException:
            engine.dispose()
            raise
        store: ChunkStore = (DatabaseChunkStore(engine) if chunk_dir is None
                             else FileChunkStore(Path(chunk_dir)))
        return cls(engine, store)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> RegistryStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    @contextmanager
    def _write(self, *, sequencer: bool = False) -> Iterator[Connection]:
        """One write transaction (SQLite: BEGIN IMMEDIATE); ``sequencer`` also takes the log
        lock on PostgreSQL (SQLite's write lock already is one)."""
        new_nodes: dict[tuple[int, int], bytes] = {}
        try:
            with self._engine.begin() as conn:
                conn.info["fieldkit_new_nodes"] = {}
                try:
                    if sequencer and self._pg:
                        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                                     {"k": SEQUENCER_LOCK})
                    yield conn
                    new_nodes = conn.info["fieldkit_new_nodes"]
                finally:  # the connection goes back to the pool: leave nothing on it
                    conn.info.pop("fieldkit_new_nodes", None)
        except sa_exc.OperationalError as e:
            raise _unavailable(e) from None
        if new_nodes:  # committed: now they may be shared
            self._cache.add(new_nodes)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction (SQLite: deferred BEGIN, so readers never block the writer)."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(fieldkit_readonly=True)
                with conn.begin():
                    yield conn
        except sa_exc.OperationalError as e:
            raise _unavailable(e) from None

    # --- devices -----------------------------------------------------------------------------

    def add_device(self, *, key_id: str, public_key: bytes, role: str, label: str,
                   enrolled_at: str, enrol_index: int | None = None) -> None:
        _check_role(role)
        try:
            with self._write() as conn:
                conn.execute(sa.insert(devices_t).values(
                    key_id=key_id, public_key=bytes(public_key), role=role, label=label,
                    enrolled_at=enrolled_at, revoked_at=None, enrol_index=enrol_index))
        except sa_exc.IntegrityError:
            raise ConflictError(f"The device {key_id} is already enrolled.",
                                hint="Each device key can be enrolled once.",
                                key_id=key_id) from None

    def device(self, key_id: str) -> Device | None:
        with self._read() as conn:
            row = conn.execute(sa.select(devices_t).where(devices_t.c.key_id == key_id)).first()
        return None if row is None else _device(row)

    def devices(self) -> list[Device]:
        with self._read() as conn:
            rows = conn.execute(sa.select(devices_t).order_by(devices_t.c.enrolled_at,
                                                              devices_t.c.key_id)).all()
        return [_device(r) for r in rows]

    def revoke_device(self, key_id: str, *, at: str, entry: bytes | None = None,
                      sign: Callable[[int, bytes], str] | None = None) -> bool:
        """Mark the device revoked; False if it is unknown or already revoked. With ``entry``
        (and ``sign``), the revocation is also logged in the same transaction and its log
        index kept as the device's ``revoke_index``."""
        if (entry is None) != (sign is None):
            raise StoreValidationError("A logged revocation needs both the entry and a signer.")
        with self._write(sequencer=entry is not None) as conn:
            changed = conn.execute(sa.update(devices_t).where(
                devices_t.c.key_id == key_id, devices_t.c.revoked_at.is_(None))
                .values(revoked_at=at).returning(devices_t.c.key_id)).first()
            if changed is None:
                return False
            if entry is not None and sign is not None:
                indices, _ = self._append_locked(conn, [entry], sign, at)
                conn.execute(sa.update(devices_t).where(devices_t.c.key_id == key_id)
                             .values(revoke_index=indices[0]))
            return True

    # --- enrolment codes ---------------------------------------------------------------------

    def add_enroll_code(self, *, code_id: str, secret_hash: bytes, role: str, created_at: str,
                        expires_at: str) -> None:
        """Store a one-time enrolment code; only the SHA-256 of its secret is kept."""
        _check_role(role)
        try:
            with self._write() as conn:
                conn.execute(sa.insert(enroll_codes_t).values(
                    code_id=code_id, secret_hash=bytes(secret_hash), role=role,
                    created_at=created_at, expires_at=expires_at))
        except sa_exc.IntegrityError:
            raise ConflictError(f"An enrolment code {code_id!r} already exists.",
                                hint="Issue a code with a new id.") from None

    def use_enroll_code(self, *, code_id: str, secret_hash: bytes, now: str, used_by: str) -> str:
        """Spend a code once and return its role.

        EnrollCodeError with the same message whether the code is unknown, wrong, used or
        expired; ``details["why"]`` tells the audit log which.
        """
        with self._write() as conn:
            return self._spend_code(conn, code_id=code_id, secret_hash=secret_hash, now=now,
                                    used_by=used_by)

    def _spend_code(self, conn: Connection, *, code_id: str, secret_hash: bytes, now: str,
                    used_by: str) -> str:
        """Spend the code inside the caller's write transaction (rolled back with it)."""
        row = conn.execute(sa.select(enroll_codes_t).where(
            enroll_codes_t.c.code_id == code_id)).first()
        why: str | None
        if row is None:
            why = "unknown"
        elif not hmac.compare_digest(bytes(row.secret_hash), bytes(secret_hash)):
            why = "wrong_secret"
        elif row.used_at is not None:
            why = "used"
        elif not row.expires_at > now:
            why = "expired"
        else:
            spent = conn.execute(sa.update(enroll_codes_t).where(
                enroll_codes_t.c.code_id == code_id, enroll_codes_t.c.used_at.is_(None),
                enroll_codes_t.c.expires_at > now).values(used_at=now, used_by=used_by)
                .returning(enroll_codes_t.c.role)).first()
            why = None if spent is not None else "used"
        if why is None:
            assert row is not None
            return str(row.role)
        raise EnrollCodeError("This enrolment code is not valid: it is unknown, already used "
                              "or expired.", why=why, code_id=code_id)

    def enroll_device(self, *, code_id: str, secret_hash: bytes, key_id: str,
                      public_key: bytes, label: str, now: str,
                      entry: Callable[[str], bytes],
                      sign: Callable[[int, bytes], str]) -> tuple[str, int, str]:
        """Enrol a device in ONE transaction under the sequencer lock: spend the code, add
        the device row, append its enrolment entry (``entry(role)``) and sign the checkpoint.
        All of it commits or none of it does: a refused, failed or interrupted enrolment
        leaves the code unspent and no log leaf. Returns (role, log index, checkpoint).

        EnrollCodeError for a bad code; ConflictError if the key is already enrolled (the code
        stays unspent)."""
        # Under the sequencer lock (PostgreSQL) or SQLite's write lock, enrolments run one at
        # a time: the check below cannot race another enrolment of the same key.
        with self._write(sequencer=True) as conn:
            if conn.execute(sa.select(devices_t.c.key_id).where(
                    devices_t.c.key_id == key_id)).first() is not None:
                raise ConflictError(f"The device {key_id} is already enrolled.",
                                    hint="Create a new device key to enrol again.",
                                    key_id=key_id)
            role = self._spend_code(conn, code_id=code_id, secret_hash=secret_hash,
                                    now=now, used_by=key_id)
            _check_role(role)
            conn.execute(sa.insert(devices_t).values(
                key_id=key_id, public_key=bytes(public_key), role=role, label=label,
                enrolled_at=now, revoked_at=None, enrol_index=None))
            indices, note = self._append_locked(conn, [entry(role)], sign, now)
            conn.execute(sa.update(devices_t).where(devices_t.c.key_id == key_id)
                         .values(enrol_index=indices[0]))
        return role, indices[0], note

    # --- replay protection -------------------------------------------------------------------

    def remember_nonce(self, key_id: str, nonce: str, *, expires_at: str, now: str) -> bool:
        """Record a request nonce; False if this key already used it (and it has not expired).

        Expired nonces are purged as a side effect.
        """
        purge_all = next(self._nonce_calls) % _NONCE_PURGE_EVERY == 0
        with self._write() as conn:
            expired = nonces_t.c.expires_at <= now
            if purge_all:
                conn.execute(sa.delete(nonces_t).where(expired))
            else:
                conn.execute(sa.delete(nonces_t).where(
                    nonces_t.c.key_id == key_id, nonces_t.c.nonce == nonce, expired))
            inserted = conn.execute(_insert_ignore(self.backend, nonces_t).values(
                key_id=key_id, nonce=nonce, expires_at=expires_at)
                .returning(nonces_t.c.nonce)).first()
            return inserted is not None

    # --- the transparency log ----------------------------------------------------------------

    def _append_locked(self, conn: Connection, entries: Sequence[bytes],
                       sign: Callable[[int, bytes], str], now: str) -> tuple[list[int], str]:
        """Append under the sequencer lock (the caller's transaction); store the checkpoint."""
        size = _log_size(conn)
        nodes = _TxNodes(conn, self._cache)
        indices = list(range(size, size + len(entries)))
        for index, data in zip(indices, entries, strict=True):
            for level, position, digest in merkle.nodes_completed_by(
                    index, merkle.leaf_hash(data), nodes):
                nodes.pending[(level, position)] = digest
        new_size = size + len(entries)
        root = merkle.root(new_size, nodes)
        note = sign(new_size, root)
        if not isinstance(note, str) or not note:
            raise StoreValidationError("The checkpoint signer returned no note text.")
        conn.execute(sa.insert(log_leaves_t), [
            {"idx": i, "data": bytes(d), "created_at": now}
            for i, d in zip(indices, entries, strict=True)])
        conn.execute(sa.insert(log_nodes_t), [
            {"level": level, "idx": position, "hash": digest}
            for (level, position), digest in nodes.pending.items()])
        conn.execute(sa.insert(checkpoints_t).values(size=new_size, root=root, note=note,
                                                     created_at=now))
        conn.info["fieldkit_new_nodes"].update(nodes.pending)
        return indices, note

    def append(self, entries: list[bytes], *, sign: Callable[[int, bytes], str],
               now: str) -> tuple[list[int], str]:
        """Append log entries; return their indices and the new signed checkpoint note.

        ``sign(size, root)`` is called once, under the sequencer lock, with the new tree head.
        """
        if not entries:
            raise StoreValidationError("Nothing to append to the log.")
        with self._write(sequencer=True) as conn:
            return self._append_locked(conn, entries, sign, now)

    def ingest(self, records: list[IncomingRecord], *,
               entry: Callable[[IncomingRecord], bytes], sign: Callable[[int, bytes], str],
               now: str) -> tuple[list[Ingested], str]:
        """Store a batch of verified records and log them, all in one transaction.

        A record already stored returns its original log index (``duplicate=True``). A record
        with the same device and seq as a stored one but another id is a fork: ForkError and
        nothing of the batch is kept. A record that does not continue its device's chain
        (``seq == last + 1`` and ``chain_prev == last id``) is kept, and the gap is recorded
        and returned. ``entry(record)`` gives the log entry bytes of each new record. With
        nothing new, no checkpoint is made and the latest one is returned.
        """
        if not records:
            raise StoreValidationError("No records to store.")
        for r in records:
            check_digest(r.record_id)
            _check_int(r.seq, f"sequence number of record {r.record_id[:12]}…", minimum=1)
        with self._write(sequencer=True) as conn:
            results: list[Ingested | int] = []  # int: position in `new`, resolved below
            new: list[IncomingRecord] = []
            gaps: list[tuple[int, int] | None] = []
            batch_ids: dict[str, int] = {}
            batch_slots: dict[tuple[str, int], str] = {}
            heads: dict[str, tuple[int, str] | None] = {}
            # what the database already holds, in a few IN queries instead of two per record
            stored: dict[str, int] = {}
            for ids in _batches([r.record_id for r in records]):
                for row in conn.execute(sa.select(records_t.c.record_id, records_t.c.log_index)
                                        .where(records_t.c.record_id.in_(list(ids)))):
                    stored[row.record_id] = int(row.log_index)
            taken: dict[tuple[str, int], str] = {}
            for device in {r.device for r in records}:
                seqs = sorted({str(r.seq) for r in records if r.device == device})
                for part in _batches(seqs):
                    for row in conn.execute(
                            sa.select(records_t.c.record_id, records_t.c.seq).where(
                                records_t.c.device == device,
                                records_t.c.seq.in_([int(s) for s in part]))):
                        taken[(device, int(row.seq))] = row.record_id
            for r in records:
                if r.record_id in batch_ids:
                    results.append(batch_ids[r.record_id])
                    continue
                if r.record_id in stored:
                    results.append(Ingested(r.record_id, stored[r.record_id], True, None))
                    continue
                other = batch_slots.get((r.device, r.seq)) or taken.get((r.device, r.seq))
                if other is not None:
                    raise ForkError(
                        f"Device {r.device} signed two records numbered {r.seq}: "
                        f"{other[:12]}… and {r.record_id[:12]}….",
                        device=r.device, seq=r.seq, existing=other, record_id=r.record_id)
                if r.device not in heads:
                    if conn.execute(sa.select(devices_t.c.key_id).where(
                            devices_t.c.key_id == r.device)).first() is None:
                        raise StoreNotFoundError(f"The device {r.device} is not enrolled.",
                                                 device=r.device)
                    last = conn.execute(
                        sa.select(records_t.c.seq, records_t.c.record_id)
                        .where(records_t.c.device == r.device)
                        .order_by(records_t.c.seq.desc()).limit(1)).first()
                    heads[r.device] = None if last is None else (int(last.seq), last.record_id)
                head = heads[r.device]
                expected, expected_prev = (1, None) if head is None else (head[0] + 1, head[1])
                ok = r.seq == expected and r.chain_prev == expected_prev
                gaps.append(None if ok else (expected, r.seq))
                if head is None or r.seq > head[0]:
                    heads[r.device] = (r.seq, r.record_id)
                batch_ids[r.record_id] = len(new)
                batch_slots[(r.device, r.seq)] = r.record_id
                results.append(len(new))
                new.append(r)
            if not new:
                note = _latest_checkpoint(conn)
                if note is None:  # records exist, so a checkpoint must: the database is damaged
                    raise StoreNotFoundError("The log has records but no checkpoint.")
                return [x for x in results if isinstance(x, Ingested)], note
            indices, note = self._append_locked(conn, [entry(r) for r in new], sign, now)
            conn.execute(sa.insert(records_t), [
                {"record_id": r.record_id, "device": r.device, "seq": r.seq,
                 "chain_prev": r.chain_prev, "kind": r.kind, "envelope": bytes(r.envelope),
                 "log_index": i, "received_at": now, "size": len(r.envelope)}
                for r, i in zip(new, indices, strict=True)])
            gap_rows = [{"device": r.device, "expected_seq": g[0], "got_seq": g[1],
                         "record_id": r.record_id, "at": now}
                        for r, g in zip(new, gaps, strict=True) if g is not None]
            if gap_rows:
                conn.execute(sa.insert(chain_gaps_t), gap_rows)
        seen: set[int] = set()
        out: list[Ingested] = []
        for x in results:
            if isinstance(x, Ingested):
                out.append(x)
            else:
                out.append(Ingested(new[x].record_id, indices[x], x in seen, gaps[x]
                                    if x not in seen else None))
                seen.add(x)
        return out, note

    def log_size(self) -> int:
        with self._read() as conn:
            return _log_size(conn)

    def leaf(self, index: int) -> bytes:
        _check_int(index, "leaf index")
        with self._read() as conn:
            data = conn.execute(sa.select(log_leaves_t.c.data).where(
                log_leaves_t.c.idx == index)).scalar_one_or_none()
        if data is None:
            raise StoreNotFoundError(f"The log has no entry {index}.", index=index)
        return bytes(data)

    def perfect_node(self, level: int, index: int) -> bytes:
        """merkle.NodeSource: the stored hash of a perfect subtree."""
        _check_int(level, "node level")
        _check_int(index, "node index")
        with self._read() as conn:
            return _TxNodes(conn).perfect_node(level, index)

    def checkpoint(self, size: int | None = None) -> str:
        """The latest signed checkpoint note, or the one at exactly ``size``."""
        if size is not None:
            _check_int(size, "checkpoint size")
        with self._read() as conn:
            if size is None:
                note = _latest_checkpoint(conn)
            else:
                found = conn.execute(sa.select(checkpoints_t.c.note).where(
                    checkpoints_t.c.size == size)).scalar_one_or_none()
                note = None if found is None else str(found)
        if note is None:
            raise StoreNotFoundError("The log is empty: there is no checkpoint yet."
                                     if size is None else f"There is no checkpoint at size "
                                     f"{size}.", size=size)
        return note

    def checkpoint_sizes(self, *, after: int = 0, limit: int = MAX_PAGE) -> list[int]:
        """Sizes of the stored checkpoints greater than ``after``, ascending."""
        _check_int(after, "checkpoint size")
        with self._read() as conn:
            return [int(s) for s in conn.execute(
                sa.select(checkpoints_t.c.size).where(checkpoints_t.c.size > after)
                .order_by(checkpoints_t.c.size).limit(_check_limit(limit))).scalars()]

    def _check_proof_size(self, conn: Connection, size: int) -> None:
        _check_int(size, "tree size")
        current = _log_size(conn)
        if size > current:
            raise StoreNotFoundError(f"The log has {current} entries; there is no tree of "
                                     f"size {size} yet.", size=size, log_size=current)

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        _check_int(index, "leaf index")
        with self._read() as conn:
            self._check_proof_size(conn, size)
            return merkle.inclusion_proof(index, size, _TxNodes(conn, self._cache))

    def receipts_material(self, indices: Sequence[int],
                          size: int) -> list[tuple[bytes, list[bytes]]]:
        """(leaf, inclusion proof up to ``size``) for each index, in one read transaction."""
        for index in indices:
            _check_int(index, "leaf index")
        with self._read() as conn:
            self._check_proof_size(conn, size)
            leaves: dict[int, bytes] = {}
            for batch in _batches([str(i) for i in sorted(set(indices))]):
                for row in conn.execute(sa.select(log_leaves_t.c.idx, log_leaves_t.c.data)
                                        .where(log_leaves_t.c.idx.in_([int(i) for i in batch]))):
                    leaves[int(row.idx)] = bytes(row.data)
            nodes = _TxNodes(conn, self._cache)
            out = []
            for index in indices:
                if index not in leaves:
                    raise StoreNotFoundError(f"The log has no entry {index}.", index=index)
                out.append((leaves[index], merkle.inclusion_proof(index, size, nodes)))
            return out

    def consistency_proof(self, size1: int, size2: int) -> list[bytes]:
        _check_int(size1, "first tree size")
        with self._read() as conn:
            self._check_proof_size(conn, size2)
            return merkle.consistency_proof(size1, size2, _TxNodes(conn, self._cache))

    # --- records -------------------------------------------------------------------------------

    def record(self, record_id: str) -> StoredRecord | None:
        with self._read() as conn:
            row = conn.execute(sa.select(records_t).where(
                records_t.c.record_id == record_id)).first()
        return None if row is None else _record(row)

    def records_since(self, cursor: int, limit: int) -> list[StoredRecord]:
        """Records with ``log_index > cursor`` in log order (``cursor=-1`` from the start)."""
        _check_int(cursor, "cursor", minimum=-1)
        with self._read() as conn:
            rows = conn.execute(sa.select(records_t).where(records_t.c.log_index > cursor)
                                .order_by(records_t.c.log_index)
                                .limit(_check_limit(limit))).all()
        return [_record(r) for r in rows]

    def records_of_device(self, key_id: str, *, after_seq: int, limit: int) -> list[StoredRecord]:
        """One device's records with ``seq > after_seq``, by seq."""
        _check_int(after_seq, "sequence number")
        with self._read() as conn:
            rows = conn.execute(sa.select(records_t).where(
                records_t.c.device == key_id, records_t.c.seq > after_seq)
                .order_by(records_t.c.seq).limit(_check_limit(limit))).all()
        return [_record(r) for r in rows]

    def chain_gaps(self, *, device: str | None = None, after_id: int = 0,
                   limit: int = 100) -> list[ChainGap]:
        query = sa.select(chain_gaps_t).where(
            chain_gaps_t.c.id > _check_int(after_id, "cursor"))
        if device is not None:
            query = query.where(chain_gaps_t.c.device == device)
        with self._read() as conn:
            rows = conn.execute(query.order_by(chain_gaps_t.c.id)
                                .limit(_check_limit(limit))).all()
        return [ChainGap(int(r.id), r.device, int(r.expected_seq), int(r.got_seq), r.record_id,
                         r.at) for r in rows]

    # --- chunks and files ----------------------------------------------------------------------

    def _chunk_sizes(self, digests: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        with self._read() as conn:
            for batch in _batches(digests):
                for row in conn.execute(sa.select(chunks_t.c.digest, chunks_t.c.size).where(
                        chunks_t.c.digest.in_(batch))):
                    found[row.digest] = int(row.size)
        return found

    def missing_chunks(self, digests: list[str]) -> list[str]:
        """The digests (deduplicated, in order) of chunks the registry does not have."""
        wanted = list(dict.fromkeys(check_digest(d) for d in digests))
        have = self._chunk_sizes(wanted)
        return [d for d in wanted if d not in have]

    def put_chunk(self, digest: str, data: bytes) -> None:
        """Store a chunk after checking its bytes against ``digest``; storing it again is a
        no-op."""
        check_digest(digest)  # the chunk store checks the bytes against it
        try:
            self._chunks.put(digest, data)
        except sa_exc.OperationalError as e:
            raise _unavailable(e) from None
        if not self._chunks.in_database:
            # The index row goes in after the file is durable, so a row means the bytes exist.
            with self._write() as conn:
                conn.execute(_insert_ignore(self.backend, chunks_t).values(
                    digest=digest, size=len(data), data=None))

    def get_chunk(self, digest: str) -> bytes:
        """The chunk's bytes (checked against the digest); ChunkNotFoundError if absent."""
        try:
            return self._chunks.get(check_digest(digest))
        except sa_exc.OperationalError as e:
            raise _unavailable(e) from None

    def put_file(self, *, sha256: str, size: int, chunks: list[str], device: str | None,
                 now: str) -> None:
        """Record that the chunks, in order, make up the file ``sha256`` of ``size`` bytes.

        ChunkNotFoundError (with ``details["missing"]``) if chunks are missing;
        FileDigestError if their total length or their SHA-256 in order do not match.
        """
        check_digest(sha256)
        order = [check_digest(d) for d in chunks]
        _check_int(size, "file size")
        sizes = self._chunk_sizes(list(dict.fromkeys(order)))
        missing = [d for d in dict.fromkeys(order) if d not in sizes]
        if missing:
            raise ChunkNotFoundError(
                f"{len(missing)} chunk(s) of file {sha256[:16]}… are not on the registry.",
                missing=missing, sha256=sha256)
        with self._read() as conn:
            existing = conn.execute(sa.select(files_t.c.size, files_t.c.chunks).where(
                files_t.c.sha256 == sha256)).first()
        if existing is not None and int(existing.size) == size \
                and json.loads(existing.chunks) == order:
            return
        total = sum(sizes[d] for d in order)
        if total != size:
            raise FileDigestError(f"The chunks of file {sha256[:16]}… add up to {total} "
                                  f"bytes, not {size}.", sha256=sha256, size=size, actual=total)
        h = hashlib.sha256()
        for d in order:
            h.update(self.get_chunk(d))
        if h.hexdigest() != sha256:
            raise FileDigestError(
                f"The chunks of file {sha256[:16]}… make up a file whose SHA-256 is "
                f"{h.hexdigest()[:16]}….", sha256=sha256, actual=h.hexdigest())
        with self._write() as conn:
            conn.execute(_insert_ignore(self.backend, files_t).values(
                sha256=sha256, size=size, chunks=json.dumps(order), device=device,
                created_at=now))

    def file(self, sha256: str) -> tuple[int, list[str]] | None:
        with self._read() as conn:
            row = conn.execute(sa.select(files_t.c.size, files_t.c.chunks).where(
                files_t.c.sha256 == sha256)).first()
        if row is None:
            return None
        return int(row.size), [str(d) for d in json.loads(row.chunks)]

    # --- settings ------------------------------------------------------------------------------

    def set_setting(self, key: str, value: str, *, entry: bytes,
                    sign: Callable[[int, bytes], str], now: str) -> int:
        """Set a registry-wide setting and log the change, in one transaction; return the log
        index of the entry."""
        with self._write(sequencer=True) as conn:
            indices, _ = self._append_locked(conn, [entry], sign=sign, now=now)
            conn.execute(sa.delete(settings_t).where(settings_t.c.key == key))
            conn.execute(sa.insert(settings_t).values(key=key, value=value,
                                                      log_index=indices[0], updated_at=now))
        return indices[0]

    def set_org_key_settings(self, values: dict[str, str], *, entry: bytes,
                             sign: Callable[[int, bytes], str], now: str,
                             keep: dict[str, tuple[str, int | None]] | None = None) -> int:
        """Set several settings (the current organisation key and its history row) to the
        log index of ``entry``, logged in the same transaction; ``keep`` adds rows with
        their own index (the replaced key's history row on a registry that had none).
        Return the entry's log index."""
        with self._write(sequencer=True) as conn:
            indices, _ = self._append_locked(conn, [entry], sign=sign, now=now)
            rows = {key: (value, indices[0]) for key, value in values.items()}
            for key, (value, index) in {**(keep or {}), **rows}.items():
                conn.execute(sa.delete(settings_t).where(settings_t.c.key == key))
                conn.execute(sa.insert(settings_t).values(key=key, value=value,
                                                          log_index=index, updated_at=now))
        return indices[0]

    def setting(self, key: str) -> tuple[str, int | None] | None:
        with self._read() as conn:
            row = conn.execute(sa.select(settings_t.c.value, settings_t.c.log_index).where(
                settings_t.c.key == key)).first()
        return None if row is None else (str(row.value), row.log_index)

    # --- audit ---------------------------------------------------------------------------------

    def audit(self, event: AuditEvent) -> int:
        """Append one event to the audit log; return its id."""
        if event.outcome not in OUTCOMES:
            raise StoreValidationError(f"Unknown audit outcome {event.outcome!r}.")
        values = asdict(event)
        del values["id"]
        with self._write() as conn:
            result = conn.execute(sa.insert(audit_t).values(**values))
            key = result.inserted_primary_key
            return int(key[0]) if key is not None else 0

    def record_exports(self, events: Sequence[ExportEvent]) -> list[bool]:
        """Keep reported export events and append each new one's audit row, in one
        transaction; return, per event, True if it is new and False if it was reported before
        (identically). An id already reported by another device or with other content is a
        ConflictError and nothing of the batch is kept."""
        for e in events:
            if len(e.export_id) != 32 or any(c not in "0123456789abcdef" for c in e.export_id):
                raise StoreValidationError("An export id is 32 lowercase hex characters.")
            check_digest(e.digest)
            if e.audit.outcome not in OUTCOMES:
                raise StoreValidationError(f"Unknown audit outcome {e.audit.outcome!r}.")
        out: list[bool] = []
        with self._write() as conn:
            known: dict[str, tuple[str, str]] = {}
            for ids in _batches(list(dict.fromkeys(e.export_id for e in events))):
                for row in conn.execute(sa.select(export_events_t.c.export_id,
                                                  export_events_t.c.device,
                                                  export_events_t.c.digest)
                                        .where(export_events_t.c.export_id.in_(list(ids)))):
                    known[row.export_id] = (row.device, row.digest)
            for e in events:
                seen = known.get(e.export_id)
                if seen is not None:
                    if seen != (e.device, e.digest):
                        raise ConflictError(
                            f"The export {e.export_id} was already reported with other "
                            "content or by another device.", export_id=e.export_id)
                    out.append(False)
                    continue
                values = asdict(e.audit)
                del values["id"]
                key = conn.execute(sa.insert(audit_t).values(**values)).inserted_primary_key
                conn.execute(sa.insert(export_events_t).values(
                    export_id=e.export_id, device=e.device, digest=e.digest,
                    audit_id=int(key[0]) if key is not None else 0, received_at=e.audit.at))
                known[e.export_id] = (e.device, e.digest)
                out.append(True)
        return out

    def audit_events(self, *, device: str | None = None, action: str | None = None,
                     outcome: str | None = None, since: str | None = None,
                     until: str | None = None, after_id: int = 0,
                     limit: int = 100) -> list[AuditEvent]:
        """Audit events by id (``after_id`` pages), filtered; ``since <= at < until``."""
        query = sa.select(audit_t).where(audit_t.c.id > _check_int(after_id, "cursor"))
        if device is not None:
            query = query.where(audit_t.c.device == device)
        if action is not None:
            query = query.where(audit_t.c.action == action)
        if outcome is not None:
            query = query.where(audit_t.c.outcome == outcome)
        if since is not None:
            query = query.where(audit_t.c.at >= since)
        if until is not None:
            query = query.where(audit_t.c.at < until)
        with self._read() as conn:
            rows = conn.execute(query.order_by(audit_t.c.id).limit(_check_limit(limit))).all()
        return [AuditEvent(id=int(r.id), at=r.at, device=r.device, role=r.role,
                           method=r.method, path=r.path, action=r.action, outcome=r.outcome,
                           status=int(r.status), bytes_in=int(r.bytes_in),
                           bytes_out=int(r.bytes_out), reason=r.reason, remote=r.remote,
                           detail=r.detail, claimed_device=r.claimed_device)
                for r in rows]
