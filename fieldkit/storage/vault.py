"""The vault: a private directory holding an encrypted database, its key file and attachments.

::

    VAULT/                0700
      vault.key           0600  master key wrapped by Argon2id(passphrase) and by the recovery key
      vault.db (+ -wal)   0600  SQLCipher 4, raw 256-bit master key
      attachments/        0700  chunked AES-256-GCM files, random names, per-file keys in vault.db
      .lock               0600  held (flock) by the one process that has the vault open

Opening never writes before the passphrase is proven right, so a wrong passphrase leaves every
file byte-identical. Changing the passphrase re-wraps the key file and never touches the
database. Wiping crypto-shreds the key file first: after that, nothing left can be decrypted.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from fieldkit.crypto.keys import SigningKey
from fieldkit.crypto.keywrap import new_recovery_key, parse_recovery_key
from fieldkit.errors import (
    KeyFileError,
    NotFoundError,
    ValidationError,
    VaultBusyError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
)
from fieldkit.storage import db
from fieldkit.storage.attachments import AttachmentStore
from fieldkit.storage.keyfile import KeyFile, fsync_dir, shred
from fieldkit.storage.schema import MIGRATIONS

KEY_FILE = "vault.key"
DB_FILE = "vault.db"
ATTACHMENTS_DIR = "attachments"
LOCK_FILE = ".lock"
MIN_PASSPHRASE_CHARS = 8


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def vault_exists(path: Path) -> bool:
    return (path / KEY_FILE).is_file()


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise ValidationError(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters, "
            "better several words.")


class Vault:
    """An unlocked vault. Create one with :meth:`create`, :meth:`open` or :meth:`recover`."""

    def __init__(self, path: Path, master_key: bytes, keyfile: KeyFile, lock_fd: IO[bytes]) -> None:
        self.path = path
        self.vault_id = keyfile.vault_id
        self._key = bytearray(master_key)
        self._lock_fd: IO[bytes] | None = lock_fd
        self._write_lock = threading.RLock()
        self._readers = threading.local()
        self._reader_conns: list[db.Connection] = []
        self._conn: db.Connection | None = None
        self._device_key: SigningKey | None = None
        try:
            self._conn = db.connect(path / DB_FILE, bytes(self._key))
            self.applied_migrations = db.migrate(self._conn, MIGRATIONS)
            self.attachments = AttachmentStore(path / ATTACHMENTS_DIR)
            self._device_key = self._load_or_create_device_key()
        except BaseException:
            self.lock()
            raise

    # --- lifecycle ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, *,
               duress_passphrase: str | None = None) -> tuple[Vault, str]:
        """Create a vault; return it open and the recovery key, to be shown exactly once."""
        path = Path(path)
        if vault_exists(path) or (path.exists() and any(path.iterdir())):
            raise VaultExistsError(f"{path} already holds files; FieldKit will not overwrite them.",
                                   hint="Choose an empty or new directory for the vault.")
        _check_new_passphrase(passphrase)
        if duress_passphrase is not None:
            _check_new_passphrase(duress_passphrase)
            if duress_passphrase == passphrase:
                raise ValidationError("The duress passphrase must differ from the passphrase.")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path, 0o700)
        recovery_text, recovery_secret = new_recovery_key()
        master_key = os.urandom(32)
        keyfile = KeyFile.create(master_key=master_key, passphrase=passphrase,
                                 recovery_secret=recovery_secret,
                                 duress_passphrase=duress_passphrase)
        lock_fd = _acquire_lock(path)
        keyfile.write(path / KEY_FILE)
        vault = cls(path, master_key, keyfile, lock_fd)
        with vault.write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('vault_id', ?), ('created_at', ?)",
                         (keyfile.vault_id, now_iso()))
        return vault, recovery_text

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Vault:
        """Unlock with the passphrase. The duress passphrase wipes the vault and opens a new,
        empty one in its place, which looks like any other vault."""
        keyfile, master_key, _index, lock_fd = _unlock(Path(path), passphrase)
        return cls(Path(path), master_key, keyfile, lock_fd)

    @classmethod
    def recover(cls, path: Path, recovery_key: str, new_passphrase: str) -> Vault:
        """Open with the recovery key and set a new passphrase. A duress passphrase, if there
        was one, is removed (set it again)."""
        path = Path(path)
        keyfile = _read_keyfile(path)
        master_key = keyfile.unlock_recovery(parse_recovery_key(recovery_key))
        _check_new_passphrase(new_passphrase)
        lock_fd = _acquire_lock(path)
        try:
            keyfile = _read_keyfile(path)  # as it is now that we hold the lock
            keyfile.replace_master_slot(master_key=master_key, new_passphrase=new_passphrase)
            keyfile.write(path / KEY_FILE)
        except BaseException:
            lock_fd.close()
            raise
        return cls(path, master_key, keyfile, lock_fd)

    @staticmethod
    def change_passphrase(path: Path, old: str, new: str) -> None:
        """Re-wrap the master key under ``new``. Touches only the key file."""
        _check_new_passphrase(new)
        keyfile, master_key, index, lock_fd = _unlock(Path(path), old)
        with lock_fd:
            if keyfile.opens_other_slot(new, master_index=index):
                raise ValidationError("The new passphrase is the duress passphrase; choose "
                                      "another.")
            keyfile.replace_master_slot(master_key=master_key, new_passphrase=new, index=index)
            keyfile.write(Path(path) / KEY_FILE)

    @staticmethod
    def set_duress_passphrase(path: Path, passphrase: str, duress: str | None) -> None:
        """Set (or with ``None`` remove) the duress passphrase."""
        if duress is not None:
            _check_new_passphrase(duress)
            if duress == passphrase:
                raise ValidationError("The duress passphrase must differ from the passphrase.")
        keyfile, _master_key, index, lock_fd = _unlock(Path(path), passphrase)
        with lock_fd:
            keyfile.set_duress(duress, master_index=index)
            keyfile.write(Path(path) / KEY_FILE)

    def lock(self) -> None:
        """Drop the key and every connection. Idempotent."""
        with self._write_lock:
            for conn in self._reader_conns:
                conn.close()
            self._reader_conns.clear()
            self._readers = threading.local()
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            for i in range(len(self._key)):
                self._key[i] = 0
            self._device_key = None
            if self._lock_fd is not None:
                self._lock_fd.close()
                self._lock_fd = None

    close = lock

    @property
    def is_locked(self) -> bool:
        return self._conn is None

    def wipe(self) -> None:
        """Panic wipe: lock, crypto-shred the key file, remove everything else."""
        self.lock()
        wipe(self.path)

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # --- database access ----------------------------------------------------------------------

    @property
    def conn(self) -> db.Connection:
        if self._conn is None:
            raise VaultLockedError("The vault is locked.")
        return self._conn

    @contextmanager
    def write(self) -> Iterator[db.Connection]:
        """The one writer: a serialised BEGIN IMMEDIATE transaction."""
        with self._write_lock, db.transaction(self.conn) as conn:
            yield conn

    def read(self) -> db.Connection:
        """A read-only connection for the calling thread (the writer's own thread may also
        read through :attr:`conn`)."""
        if self._conn is None:
            raise VaultLockedError("The vault is locked.")
        conn = getattr(self._readers, "conn", None)
        if conn is None:
            conn = db.connect(self.path / DB_FILE, bytes(self._key), readonly=True)
            self._readers.conn = conn
            with self._write_lock:
                self._reader_conns.append(conn)
        return conn

    @property
    def device_key(self) -> SigningKey:
        if self._device_key is None:
            raise VaultLockedError("The vault is locked.")
        return self._device_key

    def _load_or_create_device_key(self) -> SigningKey:
        row = self.conn.execute("SELECT seed FROM device_key WHERE id = 1").fetchone()
        if row is not None:
            return SigningKey.from_bytes(bytes(row[0]))
        key = SigningKey.generate()
        with self.write() as conn:
            conn.execute("INSERT INTO device_key(id, seed, key_id, created_at) VALUES (1, ?, ?, ?)",
                         (key.to_bytes(), key.verify_key.key_id, now_iso()))
        return key

    def log_activity(self, action: str, detail: str, *, conn: db.Connection | None = None) -> None:
        """Append to the vault's local activity log (inside ``conn``'s transaction if given)."""
        if conn is None:
            with self.write() as own:
                self.log_activity(action, detail, conn=own)
            return
        conn.execute("INSERT INTO activity(at, action, detail) VALUES (?, ?, ?)",
                     (now_iso(), action, detail))

    def integrity_problems(self) -> list[str]:
        """SQLCipher page authentication and SQLite structure; [] when all is well."""
        with self._write_lock:
            return db.integrity_problems(self.conn)


def _read_keyfile(path: Path) -> KeyFile:
    if not path.is_dir():
        raise NotFoundError(f"There is no vault at {path}.",
                            hint="Create one with `fieldkit init`, or pass --vault DIR.")
    if not vault_exists(path):
        raise KeyFileError(f"{path} has no key file ({KEY_FILE}): it is not a vault, or it was "
                           "wiped.")
    return KeyFile.read(path / KEY_FILE)


def _unlock(path: Path, passphrase: str) -> tuple[KeyFile, bytes, int, IO[bytes]]:
    """Unlock the key file while holding the process lock: (key file, master key, index of the
    master slot, lock). The duress passphrase wipes the vault right here and answers as the
    fresh, empty vault it then protects, so every caller (open, passwd, duress) behaves for it
    exactly as for a real passphrase and nothing tells the two apart."""
    keyfile = _read_keyfile(path)
    lock_fd = _acquire_lock(path)
    try:
        purpose, secret, index = keyfile.unlock(passphrase)
        if purpose == "duress":
            wipe(path)
            lock_fd.close()
            Vault.create(path, passphrase)[0].lock()
            keyfile = _read_keyfile(path)
            lock_fd = _acquire_lock(path)
            purpose, secret, index = keyfile.unlock(passphrase)
    except BaseException:
        lock_fd.close()
        raise
    return keyfile, secret, index, lock_fd


def _acquire_lock(path: Path) -> IO[bytes]:
    fd = os.open(path / LOCK_FILE, os.O_CREAT | os.O_RDWR, 0o600)
    f = os.fdopen(fd, "r+b")
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise VaultBusyError(f"The vault at {path} is open in another FieldKit process.") from None
    return f


def wipe(path: Path) -> None:
    """Crypto-shred the key file, then remove the database, attachments and the directory."""
    path = Path(path)
    if not path.is_dir():
        raise NotFoundError(f"There is no vault at {path}.")
    shred(path / KEY_FILE)
    fsync_dir(path)
    # Without the key file these are random bytes; unlinking is enough and keeps a panic fast.
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", DB_FILE + "-journal"):
        (path / name).unlink(missing_ok=True)
    shutil.rmtree(path / ATTACHMENTS_DIR, ignore_errors=True)
    (path / LOCK_FILE).unlink(missing_ok=True)
    for leftover in path.glob(".tmp-*"):
        leftover.unlink(missing_ok=True)
    try:
        path.rmdir()
    except OSError as e:
        raise VaultError(
            f"The vault key was destroyed, but {path} still holds files FieldKit did not "
            f"create ({e}); remove them by hand.") from None
