"""Content-addressed attachment chunks on the registry: on the filesystem or in the database.

A chunk is named by the SHA-256 (64 lowercase hex digits) of its bytes. Both stores check the
name *before* it goes anywhere near a path or a query, check the bytes against the name when
they are written, and again when they are read back (a chunk damaged on disk raises instead of
being served).

::

    ChunkStore (protocol)
    ├── FileChunkStore(root)          root/ab/abcdef…  (temp file + fsync + rename, 0600/0700)
    └── DatabaseChunkStore(engine)    bytes in the ``chunks`` table (``data`` column)

The registry keeps an index row per chunk in the ``chunks`` table in both cases (``data`` is
NULL when the bytes live on the filesystem): see :class:`fieldkit.registry.store.RegistryStore`.

Errors (each with the HTTP status the registry answers with)::

    InvalidDigestError(ValidationError)            400  not 64 lowercase hex digits
    ChunkNotFoundError(NotFoundError)              404  no such chunk
    ChunkDigestError(DigestMismatchError)          400  bytes do not match their name
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from fieldkit.errors import DigestMismatchError, NotFoundError, ValidationError

_DIGEST_RE = re.compile(r"[0-9a-f]{64}")


class InvalidDigestError(ValidationError):
    """A chunk or file name that is not a SHA-256 hex digest."""

    code = "invalid_digest"
    http_status: ClassVar[int] = 400
    default_hint = "Name chunks and files by the SHA-256 of their bytes: 64 lowercase hex digits."


class ChunkNotFoundError(NotFoundError):
    code = "chunk_not_found"
    http_status: ClassVar[int] = 404
    default_hint = "Upload the missing chunks first (ask which ones with the missing-chunks call)."


class ChunkDigestError(DigestMismatchError):
    code = "digest_mismatch"
    http_status: ClassVar[int] = 400
    default_hint = "The bytes were damaged on the way. Send them again."


def check_digest(digest: str) -> str:
    """Return ``digest`` if it is 64 lowercase hex digits, else raise InvalidDigestError."""
    if not isinstance(digest, str) or _DIGEST_RE.fullmatch(digest) is None:
        shown = repr(digest)[:80]
        raise InvalidDigestError(f"{shown} is not a SHA-256 digest.", digest=shown)
    return digest


def check_bytes(digest: str, data: bytes) -> None:
    """Raise ChunkDigestError unless ``sha256(data) == digest``."""
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        raise ChunkDigestError(
            f"The chunk named {digest[:16]}… does not match its bytes (their SHA-256 is "
            f"{actual[:16]}…).", expected=digest, actual=actual)


class ChunkStore(Protocol):
    """Where the bytes of chunks live. Every method validates the digest first."""

    #: True when the bytes live in the ``chunks`` table itself.
    in_database: bool

    def put(self, digest: str, data: bytes) -> None:
        """Store ``data`` under ``digest`` (checked); storing it again is a no-op."""
        ...

    def get(self, digest: str) -> bytes:
        """The bytes (checked against the digest); ChunkNotFoundError if absent."""
        ...

    def present(self, digests: Iterable[str]) -> set[str]:
        """The subset of ``digests`` that is stored."""
        ...


class FileChunkStore:
    """Chunks as files ``root/ab/<digest>``, written atomically and privately."""

    in_database = False

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)

    def path(self, digest: str) -> Path:
        check_digest(digest)
        return self.root / digest[:2] / digest

    def put(self, digest: str, data: bytes) -> None:
        target = self.path(digest)
        check_bytes(digest, data)
        if target.is_file():
            return
        target.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")  # mkstemp: mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        _fsync_dir(target.parent)

    def get(self, digest: str) -> bytes:
        target = self.path(digest)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise ChunkNotFoundError(f"No chunk {digest[:16]}… is stored.", digest=digest) from None
        check_bytes(digest, data)
        return data

    def present(self, digests: Iterable[str]) -> set[str]:
        return {d for d in digests if self.path(d).is_file()}


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_chunks = sa.table(
    "chunks", sa.column("digest", sa.String), sa.column("size", sa.Integer),
    sa.column("data", sa.LargeBinary))


class DatabaseChunkStore:
    """Chunks as rows of the ``chunks`` table, bytes included (one transaction per call)."""

    in_database = True

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def put(self, digest: str, data: bytes) -> None:
        check_digest(digest)
        check_bytes(digest, data)
        values = {"digest": digest, "size": len(data), "data": data}
        stmt: sa.Executable
        if self._engine.dialect.name == "postgresql":
            stmt = postgresql.insert(_chunks).values(values).on_conflict_do_nothing()
        else:
            stmt = sqlite.insert(_chunks).values(values).on_conflict_do_nothing()
        with self._engine.begin() as conn:
            conn.execute(stmt)

    def get(self, digest: str) -> bytes:
        check_digest(digest)
        with self._engine.connect() as conn:
            conn.execution_options(fieldkit_readonly=True)
            data = conn.execute(
                sa.select(_chunks.c.data).where(_chunks.c.digest == digest)).scalar_one_or_none()
        if data is None:
            raise ChunkNotFoundError(f"No chunk {digest[:16]}… is stored.", digest=digest)
        data = bytes(data)
        check_bytes(digest, data)
        return data

    def present(self, digests: Iterable[str]) -> set[str]:
        wanted = [check_digest(d) for d in digests]
        if not wanted:
            return set()
        with self._engine.connect() as conn:
            conn.execution_options(fieldkit_readonly=True)
            return set(conn.execute(sa.select(_chunks.c.digest).where(
                _chunks.c.digest.in_(wanted), _chunks.c.data.is_not(None))).scalars())
