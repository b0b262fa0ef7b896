"""The organisation key: end-to-end sealing of records to the envoy staff (HPKE, RFC 9180).

Monitors seal every record (and its attachment keys) to the organisation's X25519 public key;
only staff vaults hold the private key, so the registry sees routing metadata and never
testimony.

Suite (fixed, no negotiation): base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
ChaCha20-Poly1305, through ``cryptography``'s single-shot API. A sealed payload is
``enc (32 bytes) || ciphertext || tag (16 bytes)``: one message at sequence number 0 with
empty associated data; what the payload is for is bound by ``info``
(:data:`INFO_RECORD` for records).

Public key text: ``"fkorg1:"`` + unpadded base64url of the 32-byte key (50 characters). A key
is named by :attr:`OrgPublicKey.key_id`, ``"x25519:"`` + hex SHA-256 of the raw key. Refused
public keys: points of small order (they make the shared secret all zero, so a sealed payload
would be readable by anyone; RFC 9180 section 7.1.4) and non-canonical encodings (u >= p or the
top bit set, which would give one key two ids).

Moving the private key between staff vaults: a *key package*, JSON::

    {"format": "fieldkit-org-key-package", "version": 1, "key_id": "x25519:<hex>",
     "kdf": {"alg": "argon2id", "memory_kib", "iterations", "lanes", "salt"},
     "nonce", "ct"}                        # salt, nonce, ct: standard base64

``ct`` is the 32-byte private key wrapped with AES-256-GCM under an Argon2id key of the
passphrase (:mod:`fieldkit.crypto.keywrap`, same floor as vault key files), associated data
``"fieldkit org key package v1|<key_id>"``.

Errors::

    ValidationError            malformed key text, small-order or non-canonical key, bad input
    └── KeyPackageError        the key package is malformed, too large or too weak
    WrongPassphraseError       the passphrase does not open the package (or it was changed)
    IntegrityError
    └── SealedPayloadError     a sealed payload does not open: wrong key, changed, cut short
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

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
    unwrap,
    wrap,
)
from fieldkit.errors import (
    EnvelopeFormatError,
    IntegrityError,
    KeyFileError,
    ValidationError,
    WrongPassphraseError,
)

ORG_KEY_PREFIX: Final = "fkorg1:"
KEY_ID_PREFIX: Final = "x25519:"
PUBLIC_KEY_SIZE: Final = 32
PRIVATE_KEY_SIZE: Final = 32
#: HPKE suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305 (RFC 9180 A.2).
SUITE: Final = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
INFO_RECORD: Final = b"fieldkit record v1"
ENC_SIZE: Final = 32
AEAD_TAG_SIZE: Final = 16
MAX_SEALED_BYTES: Final = 64 * 1024 * 1024
MAX_PLAINTEXT_BYTES: Final = MAX_SEALED_BYTES - ENC_SIZE - AEAD_TAG_SIZE

PACKAGE_FORMAT: Final = "fieldkit-org-key-package"
PACKAGE_VERSION: Final = 1
#: A package of every key a staff vault holds (rotation, ADR 0019).
PACKAGE_VERSION_ALL: Final = 2
MAX_PACKAGE_KEYS: Final = 256
SAFETY_NUMBER_DOMAIN: Final = b"fieldkit org key fingerprint v1"
QR_PREFIX: Final = "fieldkit-org-key:"
MAX_PACKAGE_BYTES: Final = 64 * 1024

_P: Final = 2**255 - 19
_TEXT_BODY: Final = re.compile(r"[A-Za-z0-9_-]{43}")
_KEY_ID: Final = re.compile(r"x25519:[0-9a-f]{64}")
# Any scalar works: X25519 clamps it to a multiple of 8, which sends every point of small
# order (on the curve or its twist) to zero, and cryptography refuses an all-zero result.
_PROBE: Final = X25519PrivateKey.from_private_bytes(
    hashlib.sha256(b"fieldkit small-order probe").digest())

_KEY_TEXT_HINT = ("Copy the organisation key again from the enrolment code or from your "
                  "organisation's staff. It looks like fkorg1: followed by 43 letters, digits, "
                  "'-' or '_'.")
_SEALED_HINT = ("The payload was sealed to a different organisation key, or it was changed or "
                "cut short on the way. Check that this vault holds the organisation key named "
                "in the submission; otherwise treat the data as tampered with and keep a copy "
                "for investigation.")
_PACKAGE_HINT = ("Ask the staff member who exported the organisation key for a fresh key "
                 "package, and copy the file whole.")


class SealedPayloadError(IntegrityError):
    """A sealed payload does not open with this organisation key and ``info``."""

    code = "sealed_payload"
    default_hint = _SEALED_HINT


class KeyPackageError(ValidationError):
    """An organisation key package is malformed, too large, or asks for a too weak KDF."""

    code = "key_package"
    default_hint = _PACKAGE_HINT


def _as_bytes(value: object, *, what: str) -> bytes:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise ValidationError(f"The {what} must be bytes, not {type(value).__name__}.")
    return bytes(value)


def _check_public(raw: bytes) -> X25519PublicKey:
    """Load a raw public key, refusing small-order points and non-canonical encodings."""
    if len(raw) != PUBLIC_KEY_SIZE:
        raise ValidationError(
            f"An organisation public key is exactly {PUBLIC_KEY_SIZE} bytes; got {len(raw)}.",
            hint=_KEY_TEXT_HINT)
    key = X25519PublicKey.from_public_bytes(raw)
    try:
        _PROBE.exchange(key)
    except ValueError:
        raise ValidationError(
            "This organisation key is a point of small order: anything sealed to it could be "
            "read by anyone, so FieldKit refuses it.",
            hint="The key is forged or damaged. Ask your organisation's staff for the real "
                 "organisation key and check its fingerprint with them.") from None
    if int.from_bytes(raw, "little") >= _P:
        raise ValidationError(
            "This organisation key is not in canonical form (u-coordinate >= 2^255 - 19).",
            hint="The key is forged or damaged. Ask your organisation's staff for the real "
                 "organisation key.")
    return key


@dataclass(frozen=True, repr=False)
class OrgPublicKey:
    """The organisation's public key; build it with :meth:`from_text` or from ``raw``.

    Constructing one checks the key, so an ``OrgPublicKey`` is never of small order.
    """

    raw: bytes

    def __post_init__(self) -> None:
        _check_public(_as_bytes(self.raw, what="organisation public key"))
        object.__setattr__(self, "raw", bytes(self.raw))

    @classmethod
    def from_text(cls, text: str) -> OrgPublicKey:
        """Parse ``"fkorg1:<base64url, no padding>"``; :class:`ValidationError` if malformed.

        Surrounding whitespace (from copy and paste) is ignored; nothing else is forgiven.
        """
        if not isinstance(text, str):
            raise ValidationError(
                f"An organisation key must be text, not {type(text).__name__}.")
        cleaned = text.strip()
        if not cleaned.startswith(ORG_KEY_PREFIX):
            raise ValidationError("That is not a FieldKit organisation key: it does not start "
                                  f"with {ORG_KEY_PREFIX!r}.", hint=_KEY_TEXT_HINT)
        body = cleaned[len(ORG_KEY_PREFIX):]
        if not _TEXT_BODY.fullmatch(body):
            raise ValidationError(
                "That organisation key is damaged: after 'fkorg1:' it must have exactly 43 "
                "characters from A-Z, a-z, 0-9, '-' and '_'.", hint=_KEY_TEXT_HINT)
        raw = base64.urlsafe_b64decode(body + "=")
        key = cls(raw)
        if key.to_text() != cleaned:  # the last character carries 2 unused bits
            raise ValidationError("That organisation key is damaged: its last character is "
                                  "not one a real key ends with.", hint=_KEY_TEXT_HINT)
        return key

    def to_text(self) -> str:
        return ORG_KEY_PREFIX + base64.urlsafe_b64encode(self.raw).decode("ascii").rstrip("=")

    @property
    def key_id(self) -> str:
        """``"x25519:" + sha256(raw public key).hex()``."""
        return KEY_ID_PREFIX + hashlib.sha256(self.raw).hexdigest()

    @property
    def fingerprint(self) -> str:
        """First 16 hex digits of the key's SHA-256 in groups of four, for people to compare."""
        digest = hashlib.sha256(self.raw).hexdigest()[:16]
        return " ".join(digest[i:i + 4] for i in range(0, 16, 4))

    @property
    def safety_number(self) -> str:
        """The key's fingerprint for people to read aloud and compare out of band (ADR 0019):
        40 decimal digits in eight groups of five, from the first 40 bytes of
        SHA-512("fieldkit org key fingerprint v1" || key), each 5-byte chunk reduced mod
        100000 (about 133 bits). Digits read the same in every language the app speaks."""
        digest = hashlib.sha512(SAFETY_NUMBER_DOMAIN + self.raw).digest()
        return " ".join(f"{int.from_bytes(digest[i:i + 5], 'big') % 100_000:05d}"
                        for i in range(0, 40, 5))

    @property
    def qr_text(self) -> str:
        """What the fingerprint QR code holds: the key itself, so a scanner can compare the
        whole key (``"fieldkit-org-key:" + fkorg1:…``)."""
        return QR_PREFIX + self.to_text()

    def qr_png(self) -> bytes:
        """The fingerprint QR code as a PNG (error correction M)."""
        import io

        import qrcode
        from qrcode.image.pure import PyPNGImage

        img = qrcode.make(self.qr_text, image_factory=PyPNGImage,
                          error_correction=qrcode.constants.ERROR_CORRECT_M)
        out = io.BytesIO()
        img.save(out)
        return out.getvalue()

    def qr_terminal(self) -> str:
        """The fingerprint QR code drawn with Unicode half blocks, for a terminal."""
        import qrcode

        qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(self.qr_text)
        qr.make(fit=True)
        matrix = qr.get_matrix()
        if len(matrix) % 2:
            matrix.append([False] * len(matrix[0]))
        blocks = {(False, False): "\u2588", (True, False): "\u2584", (False, True): "\u2580",
                  (True, True): " "}  # dark modules print as spaces on a light block
        return "\n".join("".join(blocks[(top, bottom)] for top, bottom in zip(
            matrix[y], matrix[y + 1], strict=True)) for y in range(0, len(matrix), 2))

    def __repr__(self) -> str:
        return f"OrgPublicKey({self.to_text()!r})"


class OrgPrivateKey:
    """The organisation's X25519 private key. Secret: held only in staff vaults."""

    __slots__ = ("_key", "_public")

    def __init__(self, key: X25519PrivateKey) -> None:
        self._key = key
        self._public = OrgPublicKey(key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw))

    @classmethod
    def generate(cls) -> OrgPrivateKey:
        """A new random key from the operating system's CSPRNG."""
        return cls(X25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, raw: bytes) -> OrgPrivateKey:
        """Load the raw 32-byte private key; :class:`ValidationError` otherwise."""
        data = _as_bytes(raw, what="organisation private key")
        if len(data) != PRIVATE_KEY_SIZE:
            raise ValidationError(
                f"An organisation private key is exactly {PRIVATE_KEY_SIZE} bytes; "
                f"got {len(data)}.")
        return cls(X25519PrivateKey.from_private_bytes(data))

    def to_bytes(self) -> bytes:
        """The raw 32-byte private key. Secret: store it only encrypted."""
        return self._key.private_bytes(serialization.Encoding.Raw,
                                       serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption())

    @property
    def public_key(self) -> OrgPublicKey:
        return self._public

    def __repr__(self) -> str:  # never show the secret
        return f"OrgPrivateKey(public_key={self._public.key_id!r})"


# --- sealing ---------------------------------------------------------------------------------

def seal_to_org(plaintext: bytes, org: OrgPublicKey, *, info: bytes = INFO_RECORD) -> bytes:
    """Seal ``plaintext`` to the organisation key: ``enc || ciphertext || tag``.

    Raises :class:`ValidationError` for a plaintext over :data:`MAX_PLAINTEXT_BYTES` or a
    public key of small order (checked again here, whatever built ``org``).
    """
    data = _as_bytes(plaintext, what="plaintext to seal")
    info_bytes = _as_bytes(info, what="HPKE info")
    if not isinstance(org, OrgPublicKey):
        raise ValidationError(f"Seal to an OrgPublicKey, not {type(org).__name__}.")
    if len(data) > MAX_PLAINTEXT_BYTES:
        raise ValidationError(
            f"The payload to seal is {len(data)} bytes; the limit is {MAX_PLAINTEXT_BYTES}.",
            hint="Large attachments travel as separate encrypted files; only their keys are "
                 "sealed.")
    public = _check_public(org.raw)
    try:
        return SUITE.encrypt(data, public, info_bytes)
    except ValueError as exc:  # small-order key caught by the library: refuse, never fall back
        raise ValidationError(f"Could not seal to this organisation key: {exc}") from exc


def open_from_org(ciphertext: bytes, org: OrgPrivateKey, *, info: bytes = INFO_RECORD) -> bytes:
    """Open a payload made by :func:`seal_to_org`; return the plaintext or raise.

    Any failure (wrong key, wrong ``info``, a changed or missing byte, an oversized payload)
    raises :class:`SealedPayloadError`; no plaintext is ever returned unless it authenticates.
    """
    if not isinstance(org, OrgPrivateKey):
        raise ValidationError(f"Open with an OrgPrivateKey, not {type(org).__name__}.")
    info_bytes = _as_bytes(info, what="HPKE info")
    if not isinstance(ciphertext, bytes | bytearray | memoryview):
        raise SealedPayloadError(
            f"A sealed payload must be bytes, not {type(ciphertext).__name__}.")
    data = bytes(ciphertext)
    key_id = org.public_key.key_id
    if len(data) > MAX_SEALED_BYTES:
        raise SealedPayloadError(
            f"The sealed payload is {len(data)} bytes; the limit is {MAX_SEALED_BYTES}.",
            key_id=key_id)
    if len(data) < ENC_SIZE + AEAD_TAG_SIZE:
        raise SealedPayloadError(
            f"The sealed payload is {len(data)} bytes, too short to be one "
            f"(at least {ENC_SIZE + AEAD_TAG_SIZE}).", key_id=key_id)
    try:
        return SUITE.decrypt(data, org._key, info_bytes)
    except (InvalidTag, ValueError):
        raise SealedPayloadError(
            "The sealed payload does not open with this organisation key "
            f"({org.public_key.fingerprint}).", key_id=key_id) from None


# --- key packages ----------------------------------------------------------------------------

def _package_aad(key_id: str) -> bytes:
    return f"fieldkit org key package v1|{key_id}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, what: str, *, size: int) -> bytes:
    if not isinstance(value, str):
        raise KeyPackageError(f"The key package is damaged: {what} is missing.")
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise KeyPackageError(
            f"The key package is damaged: {what} is not valid base64.") from None
    if len(raw) != size:
        raise KeyPackageError(f"The key package is damaged: {what} has the wrong length.")
    return raw


def _int_field(obj: dict[str, Any], name: str) -> int:
    value = obj.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise KeyPackageError(f"The key package is damaged: kdf {name} is not a whole number.")
    return value


def export_key_package(key: OrgPrivateKey, passphrase: str) -> bytes:
    """The private key wrapped under ``passphrase`` (Argon2id + AES-256-GCM), as JSON bytes."""
    if not isinstance(key, OrgPrivateKey):
        raise ValidationError(f"Export an OrgPrivateKey, not {type(key).__name__}.")
    if not isinstance(passphrase, str) or not passphrase:
        raise ValidationError("A key package needs a passphrase.",
                              hint="Choose a long passphrase and give it to the other staff "
                                   "member separately from the file.")
    key_id = key.public_key.key_id
    salt = os.urandom(SALT_SIZE)
    params = DEFAULT_KDF
    kek = passphrase_kek(passphrase, salt, params)
    nonce, ct = wrap(kek, key.to_bytes(), aad=_package_aad(key_id))
    package = {
        "format": PACKAGE_FORMAT, "version": PACKAGE_VERSION, "key_id": key_id,
        "kdf": {"alg": "argon2id", "memory_kib": params.memory_kib,
                "iterations": params.iterations, "lanes": params.lanes, "salt": _b64(salt)},
        "nonce": _b64(nonce), "ct": _b64(ct),
    }
    return (json.dumps(package, indent=2) + "\n").encode("utf-8")


def _package_json(data: bytes) -> Any:
    """A key package's JSON, within the size limit (its shape is the caller's to check)."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise KeyPackageError(
            f"The key package is {len(data)} bytes; a real one is far smaller than the "
            f"{MAX_PACKAGE_BYTES}-byte limit.")
    try:
        return loads_strict(bytes(data))
    except EnvelopeFormatError as exc:
        raise KeyPackageError(f"The key package is not valid JSON: {exc.message}") from None


def _package_kdf(obj: dict[str, Any]) -> tuple[KdfParams, bytes]:
    """A key package's Argon2id parameters (refused below FieldKit's own) and salt, v1 and v2
    alike."""
    kdf = obj.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("alg") != "argon2id":
        raise KeyPackageError("The key package is damaged: its kdf is not Argon2id.")
    params = KdfParams(_int_field(kdf, "memory_kib"), _int_field(kdf, "iterations"),
                       _int_field(kdf, "lanes"))
    try:
        params.check()
    except KeyFileError:
        raise KeyPackageError(
            f"The key package asks for Argon2id parameters outside FieldKit's limits (memory "
            f"{params.memory_kib} KiB, {params.iterations} iterations, {params.lanes} lanes).",
            hint="A package with weaker protection than FieldKit makes is refused. Ask for "
                 "the key to be exported again with FieldKit.") from None
    return params, _unb64(kdf.get("salt"), "the salt", size=SALT_SIZE)


def import_key_package(data: bytes, passphrase: str) -> OrgPrivateKey:
    """Open a key package made by :func:`export_key_package`.

    Raises :class:`KeyPackageError` for a malformed, oversized (> 64 KiB) or too weak package
    or one whose key does not match its ``key_id``, and :class:`WrongPassphraseError` if the
    passphrase does not open it (which is also what a changed ``key_id`` looks like).
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise KeyPackageError(f"A key package must be bytes, not {type(data).__name__}.")
    if not isinstance(passphrase, str):
        raise ValidationError(f"The passphrase must be text, not {type(passphrase).__name__}.")
    obj = _package_json(data)
    if not isinstance(obj, dict) or obj.get("format") != PACKAGE_FORMAT:
        raise KeyPackageError("That file is not a FieldKit organisation key package.")
    version = obj.get("version")
    if type(version) is not int or version != PACKAGE_VERSION:  # True == 1 in Python
        raise KeyPackageError(
            f"The key package has version {version!r}; this FieldKit reads "
            f"version {PACKAGE_VERSION}.",
            hint="Update FieldKit, or export the key again from the same FieldKit version.")
    key_id = obj.get("key_id")
    if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
        raise KeyPackageError("The key package is damaged: its key_id is malformed.")
    params, salt = _package_kdf(obj)
    nonce = _unb64(obj.get("nonce"), "the nonce", size=NONCE_SIZE)
    ct = _unb64(obj.get("ct"), "the wrapped key", size=KEY_SIZE + TAG_SIZE)
    kek = passphrase_kek(passphrase, salt, params)
    try:
        raw = unwrap(kek, nonce, ct, aad=_package_aad(key_id))
    except UnwrapFailed:
        raise WrongPassphraseError(
            "Wrong passphrase for this key package, or the package was changed.",
            hint="Check the keyboard layout and Caps Lock and try again; ask the staff member "
                 "who exported the key for its passphrase, or for a fresh package.",
            key_id=key_id) from None
    key = OrgPrivateKey.from_bytes(raw)
    if not hmac.compare_digest(key.public_key.key_id, key_id):
        raise KeyPackageError(
            "The key inside the package is not the key its key_id names.",
            hint="Do not use this package: it was made wrongly or forged. Ask for the key to "
                 "be exported again.", key_id=key_id, actual_key_id=key.public_key.key_id)
    return key


# --- packages of every key (rotation) -------------------------------------------------------

def _package_aad_all(key_id: str, created_at: str) -> bytes:
    return f"fieldkit org key package v2|{key_id}|{created_at}".encode()


def export_key_packages(keys: list[tuple[OrgPrivateKey, str]], passphrase: str) -> bytes:
    """Every organisation key a staff vault holds, oldest first, with when each was created,
    wrapped under one Argon2id key of ``passphrase`` (version 2; ADR 0019)::

        {"format": "fieldkit-org-key-package", "version": 2, "kdf": {...},
         "keys": [{"key_id", "created_at", "nonce", "ct"}, ...]}

    Each ``ct`` is AES-256-GCM with associated data
    ``"fieldkit org key package v2|<key_id>|<created_at>"``."""
    if not keys or len(keys) > MAX_PACKAGE_KEYS:
        raise ValidationError(f"A key package holds 1 to {MAX_PACKAGE_KEYS} keys.")
    if not isinstance(passphrase, str) or not passphrase:
        raise ValidationError("A key package needs a passphrase.",
                              hint="Choose a long passphrase and give it to the other staff "
                                   "member separately from the file.")
    salt = os.urandom(SALT_SIZE)
    params = DEFAULT_KDF
    kek = passphrase_kek(passphrase, salt, params)
    entries = []
    for key, created_at in keys:
        if not isinstance(key, OrgPrivateKey) or not isinstance(created_at, str):
            raise ValidationError("Export (OrgPrivateKey, created_at) pairs.")
        key_id = key.public_key.key_id
        nonce, ct = wrap(kek, key.to_bytes(), aad=_package_aad_all(key_id, created_at))
        entries.append({"key_id": key_id, "created_at": created_at, "nonce": _b64(nonce),
                        "ct": _b64(ct)})
    package = {
        "format": PACKAGE_FORMAT, "version": PACKAGE_VERSION_ALL,
        "kdf": {"alg": "argon2id", "memory_kib": params.memory_kib,
                "iterations": params.iterations, "lanes": params.lanes, "salt": _b64(salt)},
        "keys": entries,
    }
    return (json.dumps(package, indent=2) + "\n").encode("utf-8")


def import_key_packages(data: bytes, passphrase: str) -> list[tuple[OrgPrivateKey, str | None]]:
    """Open a package of version 2 (every key, with its creation time) or version 1 (one
    key, time unknown: None). Same errors as :func:`import_key_package`."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise KeyPackageError(f"A key package must be bytes, not {type(data).__name__}.")
    obj = _package_json(data)
    if not isinstance(obj, dict) or obj.get("version") != PACKAGE_VERSION_ALL \
            or type(obj.get("version")) is not int:
        return [(import_key_package(data, passphrase), None)]
    if obj.get("format") != PACKAGE_FORMAT:
        raise KeyPackageError("That file is not a FieldKit organisation key package.")
    if not isinstance(passphrase, str):
        raise ValidationError(f"The passphrase must be text, not {type(passphrase).__name__}.")
    params, salt = _package_kdf(obj)
    entries = obj.get("keys")
    if not isinstance(entries, list) or not 0 < len(entries) <= MAX_PACKAGE_KEYS:
        raise KeyPackageError(f"The key package must hold 1 to {MAX_PACKAGE_KEYS} keys.")
    kek = passphrase_kek(passphrase, salt, params)
    out: list[tuple[OrgPrivateKey, str | None]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise KeyPackageError("The key package is damaged: a key entry is not an object.")
        key_id, created_at = entry.get("key_id"), entry.get("created_at")
        if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id) \
                or not isinstance(created_at, str) or len(created_at) > 40:
            raise KeyPackageError("The key package is damaged: a key_id or created_at is "
                                  "malformed.")
        nonce = _unb64(entry.get("nonce"), "a nonce", size=NONCE_SIZE)
        ct = _unb64(entry.get("ct"), "a wrapped key", size=KEY_SIZE + TAG_SIZE)
        try:
            raw = unwrap(kek, nonce, ct, aad=_package_aad_all(key_id, created_at))
        except UnwrapFailed:
            raise WrongPassphraseError(
                "Wrong passphrase for this key package, or the package was changed.",
                hint="Check the keyboard layout and Caps Lock and try again; ask the staff "
                     "member who exported the keys for its passphrase, or for a fresh "
                     "package.", key_id=key_id) from None
        key = OrgPrivateKey.from_bytes(raw)
        if not hmac.compare_digest(key.public_key.key_id, key_id):
            raise KeyPackageError("A key inside the package is not the key its key_id names.",
                                  hint="Do not use this package: it was made wrongly or "
                                       "forged. Ask for the keys to be exported again.",
                                  key_id=key_id)
        out.append((key, created_at))
    return out
