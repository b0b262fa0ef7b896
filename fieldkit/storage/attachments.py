"""The encrypted attachment store: one encrypted file per attachment, outside the database.

Layout::

    root/                 0700
      3f/                 0700, first two hex digits of the blob name
        3f9c...e1         0600, format FKA1 (see fieldkit.crypto.stream)
        .3f9c...e1.tmp-*  an import in progress (never listed by blobs())

Blob names are 32 random hex characters: they never reveal the content, its hash or its
size. Each file has its own random 32-byte key, which the vault keeps in its (encrypted)
database together with the SHA-256 and size of the plaintext in a :class:`StoredBlob`;
destroying the database key therefore shreds every attachment at once.

Every write goes to a temp file in the same directory, is fsynced, then renamed into place
(and the directory fsynced): a crash or a cancel never leaves a half-written blob or a
half-extracted output file under its final name.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fieldkit.crypto.stream import DecryptingReader, decrypt_stream, encrypt_stream
from fieldkit.errors import (
    AttachmentCorruptError,
    DigestMismatchError,
    NotFoundError,
    ValidationError,
)
from fieldkit.progress import CancelToken, Progress

__all__ = ["AttachmentStore", "StoredBlob"]

_BLOB_RE = re.compile(r"[0-9a-f]{32}")
_DIR_MODE = 0o700
_FILE_MODE = 0o600


@dataclass(frozen=True)
class StoredBlob:
    """What the vault database keeps about one stored attachment.

    ``blob`` is the random file name, ``key`` the per-file key (secret: it is not shown in
    ``repr``), ``sha256`` and ``size`` describe the plaintext.
    """

    blob: str
    key: bytes = field(repr=False)
    sha256: str
    size: int


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_private_dir(path: Path) -> bool:
    """Create ``path`` with mode 0700 if it is missing; return whether it was created."""
    try:
        path.mkdir(mode=_DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise NotFoundError(
                f"{path} exists but is not a folder.",
                hint="Move the file away or choose another location for the vault.",
            ) from None
        return False
    path.chmod(_DIR_MODE)  # mkdir's mode is filtered by the umask
    return True


@contextlib.contextmanager
def _temp_file(directory: Path, stem: str) -> Iterator[tuple[Path, BinaryIO]]:
    """A new 0600 temp file in ``directory``; removed again unless the caller renamed it."""
    for _ in range(8):
        tmp = directory / f".{stem}.tmp-{secrets.token_hex(4)}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         _FILE_MODE)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - eight random collisions in a row
        raise FileExistsError(f"could not create a temp file in {directory}")
    try:
        with os.fdopen(fd, "wb") as out:
            yield tmp, out
    finally:
        tmp.unlink(missing_ok=True)


class AttachmentStore:
    """Encrypted attachment files under ``root``; see the module docstring for the layout."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        if not self.root.exists():
            self.root.parent.mkdir(parents=True, exist_ok=True)
        _make_private_dir(self.root)

    # --- paths ---------------------------------------------------------------------------

    def _path(self, blob: str) -> Path:
        if not _BLOB_RE.fullmatch(blob):
            raise ValidationError(
                f"{blob!r} is not an attachment blob name (32 lowercase hex characters).")
        return self.root / blob[:2] / blob

    def _existing(self, blob: StoredBlob, label: str) -> Path:
        path = self._path(blob.blob)
        if not path.is_file():
            raise NotFoundError(
                f"The encrypted file of attachment {label!r} is missing from the vault "
                f"({blob.blob}).",
                hint="Restore the vault's attachments folder from a backup or sync it again.",
                label=label, blob=blob.blob,
            )
        return path

    def encrypted_path(self, blob: StoredBlob) -> Path:
        """The encrypted file itself (what sync uploads: it never leaves the vault decrypted)."""
        return self._existing(blob, blob.blob)

    def incoming_dir(self) -> Path:
        """Where partial downloads of encrypted files wait (``.incoming``, 0700)."""
        path = self.root / ".incoming"
        _make_private_dir(path)
        return path

    # --- writing -------------------------------------------------------------------------

    def adopt(self, encrypted: Path, *, key: bytes, sha256: str, size: int,
              label: str) -> StoredBlob:
        """Take an encrypted file made elsewhere (an attachment pulled from the registry) into
        the store under a new random name, after checking that it decrypts, with ``key``, to
        exactly ``size`` bytes hashing to ``sha256``. On any failure it is removed."""
        blob = StoredBlob(blob=secrets.token_hex(16), key=key, sha256=sha256, size=size)
        shard = self.root / blob.blob[:2]
        new_shard = _make_private_dir(shard)
        final = shard / blob.blob
        try:
            os.chmod(encrypted, _FILE_MODE)
            Path(encrypted).replace(final)
            _fsync_dir(shard)
            if new_shard:
                _fsync_dir(self.root)
            self.verify(blob, label=label)
        except BaseException:
            final.unlink(missing_ok=True)
            Path(encrypted).unlink(missing_ok=True)
            raise
        return blob

    def import_file(
        self,
        src: Path | BinaryIO,
        *,
        label: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> StoredBlob:
        """Encrypt ``src`` (a path or an open binary stream) into the store.

        A fresh random key and a fresh random name are chosen. On cancellation
        (:class:`~fieldkit.errors.CancelledError`) or any other error nothing is left in the
        store. ``label`` names the attachment in error messages.
        """
        if isinstance(src, Path):
            try:
                f = open(src, "rb")  # noqa: SIM115 - closed below
            except FileNotFoundError:
                raise NotFoundError(
                    f"The file {str(src)!r} to attach as {label!r} does not exist.",
                    hint="Check the path and try again.", label=label,
                ) from None
            with f:
                total = os.fstat(f.fileno()).st_size
                return self._import(f, progress=progress, cancel=cancel, total=total)
        return self._import(src, progress=progress, cancel=cancel, total=None)

    def _import(self, src: BinaryIO, *, progress: Progress | None, cancel: CancelToken | None,
                total: int | None) -> StoredBlob:
        blob = secrets.token_hex(16)
        key = secrets.token_bytes(32)
        shard = self.root / blob[:2]
        new_shard = _make_private_dir(shard)
        final = shard / blob
        with _temp_file(shard, blob) as (tmp, out):
            sha256, size = encrypt_stream(key, src, out, progress=progress, cancel=cancel,
                                          total=total)
            out.flush()
            os.fsync(out.fileno())
            out.close()
            tmp.replace(final)
        _fsync_dir(shard)
        if new_shard:
            _fsync_dir(self.root)
        return StoredBlob(blob=blob, key=key, sha256=sha256, size=size)

    def delete(self, blob: str) -> None:
        """Remove a blob's file. Deleting a blob that is already gone is not an error.

        The file is unlinked, not overwritten: its key lives in the vault database and is
        destroyed with it (crypto-shredding), and overwriting does not reach flash cells.
        """
        path = self._path(blob)
        path.unlink(missing_ok=True)
        if path.parent.is_dir():
            _fsync_dir(path.parent)

    # --- reading -------------------------------------------------------------------------

    def open(self, blob: StoredBlob, *, label: str) -> DecryptingReader:
        """A seekable reader of the plaintext. Raises NotFoundError if the file is missing,
        AttachmentCorruptError if it fails a check (now or on a later read)."""
        path = self._existing(blob, label)
        f = open(path, "rb")  # noqa: SIM115 - the reader owns and closes it
        try:
            reader = DecryptingReader(blob.key, f, label=label)
        except BaseException:
            f.close()
            raise
        if reader.size != blob.size:
            reader.close()
            last = max(0, reader.size - 1) // reader.chunk_size
            raise AttachmentCorruptError(
                f"Attachment {label!r} (chunk {last}) failed its integrity check: the "
                f"encrypted file was truncated or extended (it holds {_plural(reader.size)}, "
                f"the vault recorded {_plural(blob.size)}).",
                hint=("Do not rely on this attachment. Keep the damaged file for investigation "
                      "and restore the attachment from a backup or a synced copy."),
                label=label, where=f"chunk {last}", expected=blob.size, actual=reader.size,
            )
        return reader

    def extract(
        self,
        blob: StoredBlob,
        dest: Path,
        *,
        label: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        """Decrypt an attachment to ``dest`` (created 0600; an existing file is replaced).

        The plaintext goes to a temp file beside ``dest`` and is renamed into place only
        after every chunk authenticated and the SHA-256 and size match ``blob``; otherwise
        nothing is left at ``dest`` (an existing file there is left untouched).
        """
        dest = Path(dest)
        parent = dest.parent
        if not parent.is_dir():
            raise NotFoundError(
                f"Cannot extract attachment {label!r} to {str(dest)!r}: the folder "
                f"{str(parent)!r} does not exist.",
                hint="Choose an existing folder, or create it first.",
                label=label, dest=str(dest),
            )
        if dest.is_dir():
            raise ValidationError(
                f"Cannot extract attachment {label!r} to {str(dest)!r}: it is a folder.",
                hint="Give a file name inside the folder.", label=label, dest=str(dest))
        path = self._existing(blob, label)
        with open(path, "rb") as src, _temp_file(parent, dest.name) as (tmp, out):
            sha256, size = decrypt_stream(blob.key, src, out, label=label, progress=progress,
                                          cancel=cancel)
            _check_digest(blob, sha256, size, label)
            out.flush()
            os.fsync(out.fileno())
            out.close()
            tmp.replace(dest)
        _fsync_dir(parent)

    def verify(self, blob: StoredBlob, *, label: str, cancel: CancelToken | None = None) -> None:
        """Read and authenticate every chunk; check SHA-256 and size. Returns or raises."""
        path = self._existing(blob, label)
        with open(path, "rb") as src, open(os.devnull, "wb") as sink:
            sha256, size = decrypt_stream(blob.key, src, sink, label=label, cancel=cancel)
        _check_digest(blob, sha256, size, label)

    def blobs(self) -> list[str]:
        """Names of the blobs present (sorted); temp files and stray files are ignored."""
        names: list[str] = []
        for shard in self.root.iterdir():
            if not (len(shard.name) == 2 and shard.is_dir()):
                continue
            for entry in shard.iterdir():
                name = entry.name
                if (_BLOB_RE.fullmatch(name) and name[:2] == shard.name
                        and stat.S_ISREG(entry.lstat().st_mode)):
                    names.append(name)
        return sorted(names)


def _check_digest(blob: StoredBlob, sha256: str, size: int, label: str) -> None:
    if size != blob.size or not secrets.compare_digest(sha256, blob.sha256.lower()):
        raise DigestMismatchError(
            f"Attachment {label!r} decrypted correctly but does not match the SHA-256 and size "
            f"the vault recorded for it ({_plural(size)}, expected {_plural(blob.size)}).",
            hint=("The vault database and the attachment file disagree. Keep both for "
                  "investigation and restore the attachment from a backup or a synced copy."),
            label=label, expected_sha256=blob.sha256, actual_sha256=sha256,
            expected_size=blob.size, actual_size=size,
        )


def _plural(n: int) -> str:
    return f"{n} byte" if n == 1 else f"{n} bytes"

