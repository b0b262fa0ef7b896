"""Ed25519 signing keys (RFC 8032) and their stable ids.

A key is named by :attr:`VerifyKey.key_id`: ``"ed25519:"`` followed by the lowercase hex
SHA-256 of the raw 32-byte public key. People compare :attr:`VerifyKey.fingerprint`, the first
16 hex digits of the same hash in groups of four.

Verification fails closed: :meth:`VerifyKey.verify` returns nothing or raises
:class:`~fieldkit.errors.SignatureError`. The primitive is ``cryptography``'s Ed25519, which
refuses non-canonical and malleable signatures (all Wycheproof vectors pass).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from fieldkit.errors import SignatureError, ValidationError

KEY_ID_PREFIX: Final = "ed25519:"
PUBLIC_KEY_SIZE: Final = 32
SEED_SIZE: Final = 32
SIGNATURE_SIZE: Final = 64

_SIG_HINT = ("The data was changed after it was signed, or it was signed by a different key. "
             "Do not trust it; keep a copy for investigation.")


def _as_bytes(raw: object, *, what: str, size: int) -> bytes:
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise ValidationError(f"An Ed25519 {what} must be bytes, not {type(raw).__name__}.")
    data = bytes(raw)
    if len(data) != size:
        raise ValidationError(
            f"An Ed25519 {what} is exactly {size} bytes; got {len(data)}.",
            hint="Check that the key was copied completely and is not hex or base64 text.")
    return data


class VerifyKey:
    """An Ed25519 public key. Build it with :meth:`from_bytes`."""

    __slots__ = ("_key", "_raw")

    def __init__(self, key: Ed25519PublicKey) -> None:
        self._key = key
        self._raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> VerifyKey:
        """Load a raw 32-byte public key; :class:`ValidationError` if it is not one."""
        data = _as_bytes(raw, what="public key", size=PUBLIC_KEY_SIZE)
        try:
            key = Ed25519PublicKey.from_public_bytes(data)
        except ValueError as exc:
            raise ValidationError(f"Not a valid Ed25519 public key: {exc}") from exc
        return cls(key)

    def to_bytes(self) -> bytes:
        """The raw 32-byte public key."""
        return self._raw

    @property
    def key_id(self) -> str:
        """``"ed25519:" + sha256(raw public key).hex()``."""
        return KEY_ID_PREFIX + hashlib.sha256(self._raw).hexdigest()

    @property
    def fingerprint(self) -> str:
        """First 16 hex digits of the key's SHA-256 in groups of four: ``"3f9a 12bc 77de 0a41"``."""
        digest = hashlib.sha256(self._raw).hexdigest()[:16]
        return " ".join(digest[i:i + 4] for i in range(0, 16, 4))

    def verify(self, signature: bytes, message: bytes) -> None:
        """Return if ``signature`` is this key's signature of ``message``; else raise.

        Raises :class:`SignatureError` (never returns a bool).
        """
        if not isinstance(signature, bytes | bytearray | memoryview):
            raise SignatureError("The signature is not bytes.", hint=_SIG_HINT,
                                 key_id=self.key_id)
        sig = bytes(signature)
        if len(sig) != SIGNATURE_SIZE:
            raise SignatureError(
                f"The Ed25519 signature is {len(sig)} bytes; a valid one is {SIGNATURE_SIZE}.",
                hint=_SIG_HINT, key_id=self.key_id)
        try:
            self._key.verify(sig, bytes(message))
        except InvalidSignature:
            raise SignatureError(
                f"The signature does not verify with key {self.fingerprint}.",
                hint=_SIG_HINT, key_id=self.key_id) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VerifyKey):
            return NotImplemented
        return hmac.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash((VerifyKey, self._raw))

    def __repr__(self) -> str:
        return f"VerifyKey({self.key_id!r})"


class SigningKey:
    """An Ed25519 private key. :meth:`generate` a new one or load a 32-byte seed."""

    __slots__ = ("_key", "_verify_key")

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self._verify_key = VerifyKey(key.public_key())

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key from the operating system's CSPRNG."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, raw: bytes) -> SigningKey:
        """Load a 32-byte seed (RFC 8032 private key); :class:`ValidationError` otherwise."""
        data = _as_bytes(raw, what="private key seed", size=SEED_SIZE)
        return cls(Ed25519PrivateKey.from_private_bytes(data))

    def to_bytes(self) -> bytes:
        """The 32-byte seed. Secret: store it only encrypted."""
        return self._key.private_bytes(serialization.Encoding.Raw,
                                       serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption())

    @property
    def verify_key(self) -> VerifyKey:
        return self._verify_key

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message`` (deterministic)."""
        return self._key.sign(bytes(message))

    def __repr__(self) -> str:  # never show the seed
        return f"SigningKey(verify_key={self._verify_key.key_id!r})"
