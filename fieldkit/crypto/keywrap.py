"""Wrapping the vault's master key: Argon2id for passphrases, HKDF for the recovery key.

A wrap is AES-256-GCM under a key-encryption key (KEK) with a fresh 96-bit nonce and
associated data that binds the wrap to its purpose and vault. Parameters are documented in
``docs/adr/0002-vault-keys.md``.
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldkit.errors import BadRecoveryKeyError, KeyFileError

KEY_SIZE = 32
NONCE_SIZE = 12
SALT_SIZE = 16
TAG_SIZE = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults take about 0.12 s on a 2-core laptop."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        """Refuse parameters weaker than our floor, even when read from a key file."""
        if self.memory_kib < MIN_KDF.memory_kib or self.iterations < MIN_KDF.iterations \
                or not 1 <= self.lanes <= 16 or self.memory_kib > 4 * 1024 * 1024 \
                or self.iterations > 64:
            raise KeyFileError(
                f"The key file asks for Argon2id parameters outside FieldKit's limits "
                f"(memory {self.memory_kib} KiB, {self.iterations} iterations, "
                f"{self.lanes} lanes).")


MIN_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)
DEFAULT_KDF = KdfParams()


class UnwrapFailed(Exception):
    # internal signal, never leaves this package
    """The KEK or the associated data is wrong (or the wrap was modified)."""


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC, so that the same Arabic passphrase typed on two keyboards gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def passphrase_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    params.check()
    kdf = Argon2id(salt=salt, length=KEY_SIZE, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    return kdf.derive(normalize_passphrase(passphrase))


def recovery_kek(recovery_secret: bytes, salt: bytes) -> bytes:
    """The recovery key is 160 random bits, so a fast KDF is enough."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt,
                info=b"fieldkit recovery kek v1").derive(recovery_secret)


def wrap(kek: bytes, secret: bytes, *, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_SIZE)
    return nonce, AESGCM(kek).encrypt(nonce, secret, aad)


def unwrap(kek: bytes, nonce: bytes, ciphertext: bytes, *, aad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise UnwrapFailed from None


# --- recovery keys --------------------------------------------------------------------------
# 20 random bytes + 2 check bytes (truncated SHA-256), Crockford-free RFC 4648 base32 in groups
# of four: "FKR-ABCD-EFGH-...". The check bytes turn a typo into "malformed" instead of "wrong".

RECOVERY_SECRET_SIZE = 20
_RECOVERY_PREFIX = "FKR"


def _recovery_check(secret: bytes) -> bytes:
    h = hashes.Hash(hashes.SHA256())
    h.update(b"fieldkit recovery check" + secret)
    return h.finalize()[:2]


def new_recovery_key() -> tuple[str, bytes]:
    """Return (the text shown to the user once, the secret bytes)."""
    secret = secrets.token_bytes(RECOVERY_SECRET_SIZE)
    return format_recovery_key(secret), secret


def format_recovery_key(secret: bytes) -> str:
    text = base64.b32encode(secret + _recovery_check(secret)).decode("ascii").rstrip("=")
    groups = [text[i:i + 4] for i in range(0, len(text), 4)]
    return "-".join([_RECOVERY_PREFIX, *groups])


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    body_chars = -(-(RECOVERY_SECRET_SIZE + 2) * 8 // 5)  # base32 characters of secret + check
    if cleaned.startswith(_RECOVERY_PREFIX) and len(cleaned) != body_chars:
        cleaned = cleaned[len(_RECOVERY_PREFIX):]
    if len(cleaned) != body_chars:
        raise BadRecoveryKeyError("That recovery key has the wrong length: a letter group is "
                                  "missing or extra.")
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise BadRecoveryKeyError("That is not a FieldKit recovery key: it has characters "
                                  "a recovery key never contains.") from None
    secret, check = raw[:RECOVERY_SECRET_SIZE], raw[RECOVERY_SECRET_SIZE:]
    if not hmac.compare_digest(check, _recovery_check(secret)):
        raise BadRecoveryKeyError("That recovery key has a typo: its check letters do not match.")
    return secret
