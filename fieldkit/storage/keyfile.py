"""The vault key file: the master key wrapped for the passphrase and for the recovery key.

Layout (JSON, written atomically, mode 0600)::

    {"format": "fieldkit-vault-key", "version": 1, "vault_id": "<32 random hex>",
     "passphrase_slots": [SLOT, SLOT],          # always two, in random order
     "recovery_slot": {"salt", "nonce", "ct"}}
    SLOT = {"kdf": "argon2id", "memory_kib", "iterations", "lanes", "salt", "nonce", "ct"}

One passphrase slot wraps the master key. The other wraps a random token, either under the
duress passphrase or under a random passphrase nobody knows; the associated data of each wrap
names its purpose, so only someone who knows a passphrase learns which slot is which, and a
reader of the file cannot tell whether a duress passphrase exists.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fieldkit.crypto.jcs import loads_strict
from fieldkit.crypto.keywrap import (
    DEFAULT_KDF,
    KEY_SIZE,
    NONCE_SIZE,
    SALT_SIZE,
    TAG_SIZE,
    KdfParams,
    UnwrapFailed,
    passphrase_kek,
    recovery_kek,
    unwrap,
    wrap,
)
from fieldkit.errors import (
    BadRecoveryKeyError,
    EnvelopeFormatError,
    KeyFileError,
    WrongPassphraseError,
)

FORMAT = "fieldkit-vault-key"
VERSION = 1
MAX_KEYFILE_BYTES = 64 * 1024

SlotPurpose = Literal["master", "duress", "decoy"]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, what: str, *, size: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(f"The key file is damaged: {what} is missing.")
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        raise KeyFileError(f"The key file is damaged: {what} is not valid base64.") from None
    if size is not None and len(raw) != size:
        raise KeyFileError(f"The key file is damaged: {what} has the wrong length.")
    return raw


def _aad(vault_id: str, purpose: str) -> bytes:
    return f"fieldkit vault key v1|{purpose}|{vault_id}".encode()


@dataclass
class PassphraseSlot:
    params: KdfParams
    salt: bytes
    nonce: bytes
    ct: bytes

    @classmethod
    def seal(cls, passphrase: str, secret: bytes, *, vault_id: str, purpose: SlotPurpose,
             params: KdfParams = DEFAULT_KDF) -> PassphraseSlot:
        salt = os.urandom(SALT_SIZE)
        kek = passphrase_kek(passphrase, salt, params)
        nonce, ct = wrap(kek, secret, aad=_aad(vault_id, purpose))
        return cls(params, salt, nonce, ct)

    def open(self, passphrase: str, *, vault_id: str) -> tuple[SlotPurpose, bytes] | None:
        """Return (purpose, secret) if the passphrase opens this slot, else None."""
        kek = passphrase_kek(passphrase, self.salt, self.params)
        purposes: tuple[SlotPurpose, ...] = ("master", "duress")
        for purpose in purposes:
            try:
                return purpose, unwrap(kek, self.nonce, self.ct, aad=_aad(vault_id, purpose))
            except UnwrapFailed:
                continue
        return None

    def to_json(self) -> dict[str, Any]:
        return {"kdf": "argon2id", "memory_kib": self.params.memory_kib,
                "iterations": self.params.iterations, "lanes": self.params.lanes,
                "salt": _b64(self.salt), "nonce": _b64(self.nonce), "ct": _b64(self.ct)}

    @classmethod
    def from_json(cls, obj: object) -> PassphraseSlot:
        if not isinstance(obj, dict) or obj.get("kdf") != "argon2id":
            raise KeyFileError("The key file is damaged: a passphrase slot is malformed.")
        try:
            params = KdfParams(int(obj["memory_kib"]), int(obj["iterations"]), int(obj["lanes"]))
        except (KeyError, TypeError, ValueError):
            raise KeyFileError(
                "The key file is damaged: Argon2id parameters are missing.") from None
        params.check()
        return cls(params, _unb64(obj.get("salt"), "a salt", size=SALT_SIZE),
                   _unb64(obj.get("nonce"), "a nonce", size=NONCE_SIZE),
                   _unb64(obj.get("ct"), "a wrapped key", size=KEY_SIZE + TAG_SIZE))


@dataclass
class KeyFile:
    vault_id: str
    passphrase_slots: list[PassphraseSlot]
    recovery_salt: bytes
    recovery_nonce: bytes
    recovery_ct: bytes

    # --- creation and use -------------------------------------------------------------------

    @classmethod
    def create(cls, *, master_key: bytes, passphrase: str, recovery_secret: bytes,
               duress_passphrase: str | None = None, vault_id: str | None = None) -> KeyFile:
        vid = vault_id or secrets.token_hex(16)
        slots = [PassphraseSlot.seal(passphrase, master_key, vault_id=vid, purpose="master")]
        if duress_passphrase is not None:
            slots.append(PassphraseSlot.seal(duress_passphrase, os.urandom(KEY_SIZE),
                                             vault_id=vid, purpose="duress"))
        else:
            slots.append(PassphraseSlot.seal(secrets.token_urlsafe(32), os.urandom(KEY_SIZE),
                                             vault_id=vid, purpose="decoy"))
        if secrets.randbelow(2):
            slots.reverse()
        salt = os.urandom(SALT_SIZE)
        nonce, ct = wrap(recovery_kek(recovery_secret, salt), master_key,
                         aad=_aad(vid, "recovery"))
        return cls(vid, slots, salt, nonce, ct)

    def unlock(self, passphrase: str) -> tuple[SlotPurpose, bytes, int]:
        """Return (purpose, secret, slot index). Every slot is tried, whatever matches first,
        so the time taken does not tell which slot matched."""
        found: tuple[SlotPurpose, bytes, int] | None = None
        for index, slot in enumerate(self.passphrase_slots):
            opened = slot.open(passphrase, vault_id=self.vault_id)
            if opened is not None and found is None:
                found = (opened[0], opened[1], index)
        if found is None:
            raise WrongPassphraseError("Wrong passphrase: the vault was not opened.")
        return found

    def unlock_recovery(self, recovery_secret: bytes) -> bytes:
        try:
            return unwrap(recovery_kek(recovery_secret, self.recovery_salt), self.recovery_nonce,
                          self.recovery_ct, aad=_aad(self.vault_id, "recovery"))
        except UnwrapFailed:
            raise BadRecoveryKeyError("That recovery key does not open this vault.") from None

    def opens_other_slot(self, passphrase: str, *, master_index: int) -> bool:
        """True if ``passphrase`` opens the slot beside the master one (the duress slot)."""
        other = self.passphrase_slots[1 - master_index]
        return other.open(passphrase, vault_id=self.vault_id) is not None

    def replace_master_slot(self, *, master_key: bytes, new_passphrase: str,
                            index: int | None = None) -> None:
        """Re-wrap the master key under a new passphrase. ``index`` is the master slot when
        known (after a passphrase unlock); after a recovery it is found by elimination: the slot
        that is not the duress/decoy one cannot be opened, so both are replaced unless known."""
        new_slot = PassphraseSlot.seal(new_passphrase, master_key, vault_id=self.vault_id,
                                       purpose="master")
        if index is None:
            # Recovery: we cannot tell the master slot from the other without a passphrase.
            # Keep the duress protection only if the caller supplies it again; start fresh.
            decoy = PassphraseSlot.seal(secrets.token_urlsafe(32), os.urandom(KEY_SIZE),
                                        vault_id=self.vault_id, purpose="decoy")
            self.passphrase_slots = [new_slot, decoy]
            if secrets.randbelow(2):
                self.passphrase_slots.reverse()
        else:
            self.passphrase_slots[index] = new_slot

    def set_duress(self, duress_passphrase: str | None, *, master_index: int) -> None:
        other = 1 - master_index
        if duress_passphrase is None:
            self.passphrase_slots[other] = PassphraseSlot.seal(
                secrets.token_urlsafe(32), os.urandom(KEY_SIZE), vault_id=self.vault_id,
                purpose="decoy")
        else:
            self.passphrase_slots[other] = PassphraseSlot.seal(
                duress_passphrase, os.urandom(KEY_SIZE), vault_id=self.vault_id, purpose="duress")

    # --- file format --------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
                "passphrase_slots": [s.to_json() for s in self.passphrase_slots],
                "recovery_slot": {"salt": _b64(self.recovery_salt),
                                  "nonce": _b64(self.recovery_nonce),
                                  "ct": _b64(self.recovery_ct)}}

    @classmethod
    def from_json(cls, obj: object) -> KeyFile:
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise KeyFileError("This is not a FieldKit vault key file.")
        if obj.get("version") != VERSION:
            raise KeyFileError(f"The key file has version {obj.get('version')!r}; this FieldKit "
                               f"reads version {VERSION}.", hint="Update FieldKit.")
        vid = obj.get("vault_id")
        slots = obj.get("passphrase_slots")
        rec = obj.get("recovery_slot")
        if not isinstance(vid, str) or not isinstance(slots, list) or len(slots) != 2 \
                or not isinstance(rec, dict):
            raise KeyFileError("The key file is damaged: its slots are missing.")
        return cls(vid, [PassphraseSlot.from_json(s) for s in slots],
                   _unb64(rec.get("salt"), "the recovery salt", size=SALT_SIZE),
                   _unb64(rec.get("nonce"), "the recovery nonce", size=NONCE_SIZE),
                   _unb64(rec.get("ct"), "the recovery wrap", size=KEY_SIZE + TAG_SIZE))

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_KEYFILE_BYTES + 1)
        except FileNotFoundError:
            raise KeyFileError(f"The vault key file {path} is missing.") from None
        if len(data) > MAX_KEYFILE_BYTES:
            raise KeyFileError("The key file is too large to be a FieldKit key file.")
        try:
            obj = loads_strict(data)
        except EnvelopeFormatError:
            raise KeyFileError("The key file is damaged: it is not valid JSON.") from None
        return cls.from_json(obj)

    def write(self, path: Path) -> None:
        atomic_write(path, json.dumps(self.to_json(), indent=1).encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """Write a private (0600) file atomically: temp file in the same directory, fsync, rename,
    fsync the directory."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shred(path: Path) -> None:
    """Overwrite a file with random bytes, fsync, then unlink. On flash storage and journaling
    file systems old blocks may survive; the key file is small and only ever replaced whole,
    which is why crypto-shredding it is the wipe (see docs/adr/0002-vault-keys.md)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b") as f:
        f.write(os.urandom(max(size, 1)))
        f.flush()
        os.fsync(f.fileno())
    path.unlink()
