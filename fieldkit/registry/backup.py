"""Back up a registry to a directory, and restore it onto an empty host.

``fieldkit-registry --data DIR backup OUT`` writes::

    OUT/manifest.json       format, origin, log size, the newest signed checkpoint, the schema
                            revision, row counts per table, chunk count and bytes
    OUT/db/<table>.jsonl    every row of every table, one JSON object a line (bytes as
                            {"b64": …}), read in ONE snapshot transaction
    OUT/chunks/ab/abcd…     attachment chunk files (when chunks live on the filesystem)
    OUT/home/…              registry.json, log.key, tls/cert.pem, tls/key.pem
    OUT/SHA256SUMS          the SHA-256 of every file above (sha256sum -c format)

The database is read in one snapshot (SQLite: one read transaction; PostgreSQL: REPEATABLE
READ), then chunk files are copied. Chunks are immutable and content-addressed and are written
before the rows that name them commit, so every chunk the snapshot names is on disk; chunks
added later are harmless extras. Each copied chunk is checked against its name, so a chunk
damaged on the host is found at backup time, not when a staff member needs it.

``restore OUT`` (onto a data directory that holds no registry, and an empty database) checks
SHA256SUMS and the manifest's checkpoint signature first, creates the schema at the backup's
revision, loads the rows in one transaction, then migrates to the newest schema (so a backup
of an older FieldKit restores into a newer one), copies the chunks, and finally proves the
log: it rebuilds the Merkle tree from the restored leaves and requires that every stored node
and every stored signed checkpoint (each signature checked with the restored log key) match
it. A restore that fails any check leaves the target as it found it.

The backup holds the registry's private keys (log key, TLS key): keep it encrypted at rest and
offline (docs/operations.md). It holds no testimony: records travel sealed to the
organisation key and chunks are ciphertext.

Errors::

    BackupError(IntegrityError)     backup_invalid   a damaged, incomplete or forged backup
    UsageError                      a target that already holds a registry or data
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa
from alembic import command

from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.keys import SigningKey
from fieldkit.errors import IntegrityError, UsageError
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.registry.config import RegistryConfig, RegistryHome
from fieldkit.storage.keyfile import atomic_write
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import CheckpointError, NoteSigner, NoteVerifier, open_checkpoint

FORMAT: Final = "fieldkit-registry-backup/1"
_BATCH: Final = 1000
#: The registry's own files a backup carries; registry.json is restored last (it marks the
#: data directory as holding a registry), the keys with the data.
_CONFIG: Final = "registry.json"
_KEYS: Final = ("log.key", "tls/cert.pem", "tls/key.pem")
#: Tables whose integer ``id`` is a serial (PostgreSQL sequences are reset after a load).
_SERIAL_TABLES: Final = ("audit", "chain_gaps")


class BackupError(IntegrityError):
    code = "backup_invalid"
    default_hint = ("Take another backup from the registry host, or restore an older one; do "
                    "not edit a backup by hand.")


@dataclass(frozen=True)
class BackupReport:
    path: Path
    origin: str
    log_size: int
    checkpoint: str
    rows: dict[str, int]
    chunks: int
    chunk_bytes: int

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "origin": self.origin, "log_size": self.log_size,
                "checkpoint": self.checkpoint, "rows": self.rows, "chunks": self.chunks,
                "chunk_bytes": self.chunk_bytes}


@dataclass(frozen=True)
class RestoreReport(BackupReport):
    database: str = ""
    checkpoints_verified: int = 0

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "database": _redact(self.database),
                "checkpoints_verified": self.checkpoints_verified}


def _redact(url: str) -> str:
    """A database URL without its password, for printing."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(unparseable URL)"


# --- rows as JSON ---------------------------------------------------------------------------------

def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"b64"} or not isinstance(value["b64"], str):
            raise BackupError("A row in the backup holds a value of an unknown shape.")
        return base64.b64decode(value["b64"], validate=True)
    return value


@contextmanager
def _snapshot(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One consistent read of the whole database."""
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" \
        else {}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


def _tables(conn: sa.Connection) -> list[sa.Table]:
    meta = sa.MetaData()
    meta.reflect(bind=conn)
    return [t for t in meta.sorted_tables if t.name != "alembic_version"]


def _revision(conn: sa.Connection) -> str:
    rev = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    if rev is None:
        raise UsageError("The registry database has no schema revision.",
                         hint="Start the registry once (`fieldkit-registry serve`), then back "
                              "it up.")
    return str(rev)


def _latest_checkpoint(conn: sa.Connection) -> tuple[int, str] | None:
    row = conn.execute(sa.text(
        "SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1")).first()
    return None if row is None else (int(row[0]), str(row[1]))


# --- backup ---------------------------------------------------------------------------------------

def backup(home: RegistryHome, out: Path, *, progress: Progress | None = None,
           cancel: CancelToken | None = None) -> BackupReport:
    """Write a backup of the registry in ``home`` to the new directory ``out``."""
    config = home.load()
    if out.exists() and any(out.iterdir()):
        raise UsageError(f"{out} is not empty.", hint="Name a new directory for the backup.")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return _backup(home, config, out, progress, cancel)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise


def _backup(home: RegistryHome, config: RegistryConfig, out: Path, progress: Progress | None,
            cancel: CancelToken | None) -> BackupReport:
    (out / "db").mkdir(mode=0o700)
    rows: dict[str, int] = {}
    engine = _engine(config.database)
    try:
        with _snapshot(engine) as conn:
            revision = _revision(conn)
            latest = _latest_checkpoint(conn)
            for table in _tables(conn):
                check(cancel)
                rows[table.name] = _dump_table(conn, table, out / "db" / f"{table.name}.jsonl")
    finally:
        engine.dispose()
    if latest is None:
        raise UsageError("The registry's log is empty: there is nothing to back up yet.")
    chunks, chunk_bytes = 0, 0
    if not config.chunks_in_database and home.chunk_dir.is_dir():
        chunks, chunk_bytes = _copy_chunks(home.chunk_dir, out / "chunks", progress, cancel)
    for name in (_CONFIG, *_KEYS):
        dest = out / "home" / name
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(home.root / name, dest)
        dest.chmod(0o600)
    report = BackupReport(out, config.origin, latest[0], latest[1], rows, chunks, chunk_bytes)
    manifest = {"format": FORMAT, "revision": revision, "database": config.database.split(
        ":", 1)[0], "chunks_in_database": config.chunks_in_database, **report.to_json()}
    del manifest["path"]
    atomic_write(out / "manifest.json", json.dumps(manifest, indent=1).encode())
    _write_sums(out)
    return report


def _dump_table(conn: sa.Connection, table: sa.Table, dest: Path) -> int:
    count = 0
    order = list(table.primary_key.columns) or list(table.columns)
    with open(dest, "w", encoding="utf-8") as fh:
        for row in conn.execute(sa.select(table).order_by(*order)).mappings():
            fh.write(json.dumps({k: _encode(v) for k, v in row.items()},
                                ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
        fh.flush()
        os.fsync(fh.fileno())
    dest.chmod(0o600)
    return count


def _chunk_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path


def _copy_chunks(src: Path, dest: Path, progress: Progress | None,
                 cancel: CancelToken | None) -> tuple[int, int]:
    files = [p for p in _chunk_files(src) if _is_chunk_name(p)]
    total = sum(p.stat().st_size for p in files)
    done = count = 0
    for path in files:
        check(cancel)
        target = dest / path.relative_to(src)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        target.chmod(0o600)
        digest, size = file_sha256(target)
        if digest != path.name:
            raise BackupError(f"The chunk {path.name[:12]}… on the registry host is damaged: "
                              "its bytes do not match its name.",
                              hint="Restore that chunk from an older backup, or ask the device "
                                   "that sent it to sync again; then back up again.")
        count += 1
        done += size
        if progress is not None:
            progress(done, total)
    return count, done


def _is_chunk_name(path: Path) -> bool:
    """Whether ``path`` is named like a chunk (64 lowercase hex digits)."""
    name = path.name
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def _write_sums(out: Path) -> None:
    lines = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        lines.append(f"{file_sha256(path)[0]}  {rel}\n")
    atomic_write(out / "SHA256SUMS", "".join(lines).encode())


# --- restore --------------------------------------------------------------------------------------

def _check_sums(src: Path) -> None:
    sums = src / "SHA256SUMS"
    if not sums.is_file():
        raise BackupError(f"{src} is not a FieldKit registry backup: it has no SHA256SUMS.")
    listed: dict[str, str] = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64 or rel in listed or rel.startswith("/") \
                or ".." in rel.split("/"):
            raise BackupError("The backup's SHA256SUMS is malformed.")
        listed[rel] = digest
    present = {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()}
    present.discard("SHA256SUMS")
    odd = sorted(present ^ set(listed))
    if odd:
        rel = odd[0]
        raise BackupError(f"The backup {'lacks' if rel in listed else 'has an unlisted file'} "
                          f"{rel}.")
    for rel, digest in listed.items():
        if file_sha256(src / rel)[0] != digest:
            raise BackupError(f"The backup's {rel} is damaged: it does not match SHA256SUMS.")


def _manifest(src: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((src / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        raise BackupError("The backup's manifest.json is missing or unreadable.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"The backup's format is {manifest.get('format')!r}, not {FORMAT}.",
                          hint="Restore it with the FieldKit version that wrote it.")
    return manifest


def restore(home: RegistryHome, src: Path, *, database: str | None = None,
            progress: Progress | None = None, cancel: CancelToken | None = None) -> RestoreReport:
    """Restore the backup ``src`` into the data directory ``home`` (which must hold no
    registry) and the database ``database`` (default: the backup's SQLite file, placed in
    ``home``; for a PostgreSQL backup, the same URL), which must be empty."""
    _check_sums(src)
    manifest = _manifest(src)
    config = RegistryConfig(**json.loads((src / "home" / _CONFIG).read_text("utf-8")))
    if config.origin != manifest.get("origin"):
        raise BackupError("The backup's manifest and configuration name different logs.")
    signer = NoteSigner(config.log_key_name, _log_key(src))
    verifier = NoteVerifier.from_vkey(signer.vkey)
    try:
        latest = open_checkpoint(str(manifest["checkpoint"]), verifier, origin=config.origin)
    except (CheckpointError, KeyError) as e:
        raise BackupError("The backup's checkpoint is not signed by its own log key.") from e
    if home.config_file.exists():
        raise UsageError(f"{home.root} already holds a registry.",
                         hint="Restore onto an empty data directory (a new host, or after "
                              "moving the old data away).")
    if database is None:
        database = (f"sqlite:///{home.root / 'registry.db'}"
                    if config.database.startswith("sqlite") else config.database)
    config = dataclasses.replace(config, database=database)
    created = not home.root.exists()
    home.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if any(home.root.iterdir()):
        raise UsageError(f"{home.root} is not empty.", hint="Restore onto an empty directory.")
    try:
        rows = _load(database, src, str(manifest["revision"]), cancel)
        chunks, chunk_bytes = 0, 0
        if (src / "chunks").is_dir():
            chunks, chunk_bytes = _copy_chunks(src / "chunks", home.chunk_dir, progress, cancel)
        elif not config.chunks_in_database:
            home.chunk_dir.mkdir(mode=0o700)
        for name in _KEYS:
            dest = home.root / name
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(src / "home" / name, dest)
            dest.chmod(0o600)
        verified = _prove_log(database, verifier, config.origin, latest.size)
        atomic_write(home.config_file, json.dumps(config.to_json(), indent=1).encode())
    except BaseException:
        _undo(home, database, created)
        raise
    return RestoreReport(home.root, config.origin, latest.size, latest.text, rows, chunks,
                         chunk_bytes, database=database, checkpoints_verified=verified)


def _log_key(src: Path) -> SigningKey:
    try:
        return SigningKey.from_bytes(bytes.fromhex((src / "home/log.key").read_text().strip()))
    except ValueError:
        raise BackupError("The backup's log key is unreadable.") from None


def _load(database: str, src: Path, revision: str, cancel: CancelToken | None) -> dict[str, int]:
    """Schema at the backup's revision, the rows, then every newer migration."""
    from fieldkit.registry.store import RegistryStore, alembic_config

    engine = _engine(database)
    rows: dict[str, int] = {}
    try:
        with engine.begin() as conn:
            meta = sa.MetaData()
            meta.reflect(bind=conn)
            if meta.tables:
                raise UsageError(f"The database {_redact(database)} is not empty.",
                                 hint="Restore into a new, empty database.")
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            for table in _tables(conn):
                check(cancel)
                rows[table.name] = _load_table(conn, table, src / "db" / f"{table.name}.jsonl")
            if engine.dialect.name == "postgresql":
                for name in _SERIAL_TABLES:
                    conn.execute(sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608
                        f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"))
    except sa.exc.DBAPIError as e:
        raise BackupError(f"The backup's rows do not fit the database: {e.orig}") from None
    finally:
        engine.dispose()
    RegistryStore.open(database).close()  # newer migrations, if this FieldKit is newer
    return rows


def _load_table(conn: sa.Connection, table: sa.Table, path: Path) -> int:
    if not path.is_file():
        raise BackupError(f"The backup has no rows for the table {table.name}.")
    columns = {c.name for c in table.columns}
    count = 0
    batch: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                row = {k: _decode(v) for k, v in json.loads(line).items()}
            except ValueError:
                raise BackupError(f"A row of {table.name} in the backup is unreadable.") \
                    from None
            if not set(row) <= columns:
                raise BackupError(f"A row of {table.name} has columns the schema lacks: "
                                  f"{', '.join(sorted(set(row) - columns))}.")
            batch.append(row)
            count += 1
            if len(batch) >= _BATCH:
                conn.execute(table.insert(), batch)
                batch = []
    if batch:
        conn.execute(table.insert(), batch)
    return count


class _RestoredLog:
    """The restored leaves, nodes and checkpoints, read once."""

    def __init__(self, database: str) -> None:
        engine = _engine(database)
        try:
            with _snapshot(engine) as conn:
                rows = conn.execute(sa.text("SELECT idx, data FROM log_leaves ORDER BY idx"))
                indexes, self.leaves = [], []
                for idx, data in rows:
                    indexes.append(int(idx))
                    self.leaves.append(bytes(data))
                self.nodes = {(int(lv), int(i)): bytes(h) for lv, i, h in conn.execute(
                    sa.text("SELECT level, idx, hash FROM log_nodes"))}
                self.checkpoints = [(int(s), bytes(r), str(n)) for s, r, n in conn.execute(
                    sa.text("SELECT size, root, note FROM checkpoints ORDER BY size"))]
        finally:
            engine.dispose()
        if indexes != list(range(len(indexes))):
            raise BackupError("The backup's log has a hole: its entries are not numbered "
                              "0, 1, 2, … without a gap.")


def _prove_log(database: str, verifier: NoteVerifier, origin: str, size: int) -> int:
    """Rebuild the tree from the restored leaves; every stored node and every signed
    checkpoint must match it. Returns how many checkpoints were verified."""
    log = _RestoredLog(database)
    if len(log.leaves) < size:
        raise BackupError(f"The backup's log has {len(log.leaves)} entries but its checkpoint "
                          f"says {size}.")
    tree = merkle.MemoryTree()
    for data in log.leaves:
        tree.append(data)
    for (level, index), digest in log.nodes.items():
        try:
            ok = tree.perfect_node(level, index) == digest
        except LookupError:
            ok = False
        if not ok:
            raise BackupError(f"The backup's log node {index} at level {level} does not match "
                              "its entries.")
    for cp_size, root, note in log.checkpoints:
        try:
            cp = open_checkpoint(note, verifier, origin=origin)
        except CheckpointError as e:
            raise BackupError(f"The backup's checkpoint at size {cp_size} is not signed by "
                              "its log key.") from e
        if cp.size != cp_size or cp.root != root or tree.root(cp_size) != root:
            raise BackupError(f"The backup's checkpoint at size {cp_size} does not match the "
                              "log's entries.")
    return len(log.checkpoints)


def _undo(home: RegistryHome, database: str, created: bool) -> None:
    """Leave the target as restore found it: an empty directory and an empty database."""
    for child in list(home.root.iterdir()) if home.root.exists() else []:
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    if created and home.root.exists():
        home.root.rmdir()
    if database.startswith("sqlite"):
        return  # the file was inside home.root
    engine = _engine(database)
    try:
        with engine.begin() as conn:
            meta = sa.MetaData()
            meta.reflect(bind=conn)
            meta.drop_all(bind=conn)
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()


__all__ = ["FORMAT", "BackupError", "BackupReport", "RestoreReport", "backup", "restore"]

