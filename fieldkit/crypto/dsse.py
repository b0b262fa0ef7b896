"""DSSE v1 signed envelopes (https://github.com/secure-systems-lab/dsse), Ed25519 signers.

The signature covers the pre-authentication encoding :func:`pae` of the payload type and the
payload bytes, never the JSON of the envelope, so the envelope's own serialization does not
matter for verification. FieldKit writes envelopes as RFC 8785 canonical JSON::

    {"payload":"<base64>","payloadType":"<type>","signatures":[{"keyid":"ed25519:<hex>","sig":"<base64>"}]}

Reading is strict and fails closed with :class:`~fieldkit.errors.EnvelopeFormatError` whose
``details["reason"]`` says what was wrong (one of :data:`FORMAT_REASONS`, or a reason from
:func:`fieldkit.crypto.jcs.loads_strict`): exactly these fields with these JSON types, no
unknown fields, standard padded base64 in its one canonical form (no URL-safe alphabet, no
whitespace), 1 to :data:`MAX_SIGNATURES` signatures with distinct key ids, and the size limits
below. DSSE lets readers accept URL-safe base64 and omit ``keyid``; FieldKit only reads what it
writes.

:func:`verify_envelope` returns the :class:`~fieldkit.crypto.keys.VerifyKey` that verified or
raises; it never returns a bool.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, NoReturn

from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.errors import (
    EnvelopeFormatError,
    SignatureError,
    UnknownSignerError,
    ValidationError,
)

#: Largest payload accepted, in bytes (before base64).
MAX_PAYLOAD_BYTES: Final = 16 * 1024 * 1024
#: Largest signature accepted, in bytes (Ed25519 uses 64; DSSE itself is algorithm-agnostic).
MAX_SIGNATURE_BYTES: Final = 512
MAX_SIGNATURES: Final = 16
MAX_KEYID_CHARS: Final = 256
MAX_PAYLOAD_TYPE_CHARS: Final = 256


def _b64_len(n: int) -> int:
    return 4 * ((n + 2) // 3)


#: Largest serialized envelope :meth:`Envelope.from_bytes` reads.
MAX_ENVELOPE_BYTES: Final = _b64_len(MAX_PAYLOAD_BYTES) + 64 * 1024

#: Values of ``EnvelopeFormatError.details["reason"]`` raised by this module.
FORMAT_REASONS: Final = frozenset({
    "not_object", "missing_field", "unknown_field", "field_type", "empty_field",
    "bad_base64", "urlsafe_base64", "non_canonical_base64", "too_large",
    "no_signatures", "too_many_signatures", "duplicate_keyid", "payload_type",
})

_FORMAT_HINT = ("This is not a well-formed FieldKit signed envelope. Do not trust it; keep a "
                "copy for investigation and ask the sender for a fresh copy.")
_UNKNOWN_HINT = ("None of the signatures is by a key this installation trusts. If the signer "
                 "should be trusted, enrol their device key first, comparing its fingerprint "
                 "with the owner in person.")
_B64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_ENVELOPE_FIELDS: Final = frozenset({"payload", "payloadType", "signatures"})
_SIGNATURE_FIELDS: Final = frozenset({"keyid", "sig"})


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding: the exact bytes that are signed.

    ``"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body``, lengths in ASCII decimal bytes.
    """
    type_bytes = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(type_bytes), type_bytes, len(payload), payload)


def _fail(message: str, reason: str, **details: object) -> NoReturn:
    raise EnvelopeFormatError(message, hint=_FORMAT_HINT, reason=reason, **details)


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: object, *, where: str, max_bytes: int) -> bytes:
    """Decode standard, padded, canonical base64 or raise EnvelopeFormatError."""
    if not isinstance(text, str):
        _fail(f"{where} must be a base64 string, not {_json_type(text)}.", "field_type",
              field=where)
    if len(text) > _b64_len(max_bytes):
        _fail(f"{where} is larger than the limit of {max_bytes} bytes.", "too_large",
              field=where, limit=max_bytes)
    if _B64.fullmatch(text) is None or len(text) % 4 != 0:
        if "-" in text or "_" in text:
            _fail(f"{where} uses URL-safe base64; FieldKit writes standard base64 (+ and /).",
                  "urlsafe_base64", field=where)
        _fail(f"{where} is not standard padded base64 (bad character, whitespace or padding).",
              "bad_base64", field=where)
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        _fail(f"{where} is not valid base64.", "bad_base64", field=where)
    if len(raw) > max_bytes:  # the text-length check above is only a cheap first bound
        _fail(f"{where} is larger than the limit of {max_bytes} bytes.", "too_large",
              field=where, limit=max_bytes)
    if _b64encode(raw) != text:
        _fail(f"{where} is not in canonical base64 form (non-zero padding bits); the same "
              "bytes have exactly one encoding.", "non_canonical_base64", field=where)
    return raw


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _check_fields(obj: dict[object, object], expected: frozenset[str], *, where: str) -> None:
    missing = sorted(expected - obj.keys())
    if missing:
        _fail(f"{where} lacks the field {missing[0]!r}.", "missing_field", field=missing[0])
    unknown = sorted(str(k) for k in obj.keys() - expected)
    if unknown:
        _fail(f"{where} has the unknown field {unknown[0]!r}.", "unknown_field",
              field=unknown[0])


def _check_text(value: object, *, where: str, max_chars: int) -> str:
    if not isinstance(value, str):
        _fail(f"{where} must be a string, not {_json_type(value)}.", "field_type", field=where)
    if len(value) > max_chars:
        _fail(f"{where} is longer than {max_chars} characters.", "too_large", field=where,
              limit=max_chars)
    return value


@dataclass(frozen=True)
class Signature:
    """One DSSE signature: the signer's key id (an unauthenticated hint) and the raw bytes."""

    keyid: str
    sig: bytes


@dataclass(frozen=True)
class Envelope:
    """A DSSE envelope. Build it with :func:`sign_envelope` or read it with :meth:`from_bytes`."""

    payload: bytes = field(repr=False)
    payload_type: str
    signatures: tuple[Signature, ...]

    def to_json(self) -> dict[str, object]:
        """The DSSE JSON object (base64 for bytes)."""
        return {
            "payload": _b64encode(self.payload),
            "payloadType": self.payload_type,
            "signatures": [{"keyid": s.keyid, "sig": _b64encode(s.sig)}
                           for s in self.signatures],
        }

    def to_bytes(self) -> bytes:
        """RFC 8785 canonical JSON of :meth:`to_json`."""
        return canonicalize(self.to_json())

    @classmethod
    def from_json(cls, obj: object) -> Envelope:
        """Read a parsed JSON object strictly; :class:`EnvelopeFormatError` on any problem."""
        if not isinstance(obj, dict):
            _fail(f"The envelope must be a JSON object, not {_json_type(obj)}.", "not_object")
        _check_fields(obj, _ENVELOPE_FIELDS, where="The envelope")
        payload_type = _check_text(obj["payloadType"], where="payloadType",
                                   max_chars=MAX_PAYLOAD_TYPE_CHARS)
        if not payload_type:
            _fail("payloadType is empty.", "empty_field", field="payloadType")
        payload = _b64decode(obj["payload"], where="payload", max_bytes=MAX_PAYLOAD_BYTES)
        raw_sigs = obj["signatures"]
        if not isinstance(raw_sigs, list):
            _fail(f"signatures must be an array, not {_json_type(raw_sigs)}.", "field_type",
                  field="signatures")
        if not raw_sigs:
            _fail("The envelope has no signatures.", "no_signatures")
        if len(raw_sigs) > MAX_SIGNATURES:
            _fail(f"The envelope has {len(raw_sigs)} signatures; at most {MAX_SIGNATURES} are "
                  "accepted.", "too_many_signatures", limit=MAX_SIGNATURES)
        signatures: list[Signature] = []
        seen: set[str] = set()
        for i, raw in enumerate(raw_sigs):
            where = f"signatures[{i}]"
            if not isinstance(raw, dict):
                _fail(f"{where} must be an object, not {_json_type(raw)}.", "field_type",
                      field=where)
            _check_fields(raw, _SIGNATURE_FIELDS, where=where)
            keyid = _check_text(raw["keyid"], where=f"{where}.keyid", max_chars=MAX_KEYID_CHARS)
            if keyid in seen:
                _fail(f"Two signatures name the same key id {keyid!r}.", "duplicate_keyid",
                      keyid=keyid)
            seen.add(keyid)
            sig = _b64decode(raw["sig"], where=f"{where}.sig", max_bytes=MAX_SIGNATURE_BYTES)
            signatures.append(Signature(keyid=keyid, sig=sig))
        return cls(payload=payload, payload_type=payload_type, signatures=tuple(signatures))

    @classmethod
    def from_bytes(cls, data: bytes) -> Envelope:
        """Parse serialized envelope bytes with :func:`loads_strict`, then :meth:`from_json`."""
        if len(data) > MAX_ENVELOPE_BYTES:
            _fail(f"The envelope is {len(data)} bytes; at most {MAX_ENVELOPE_BYTES} are read.",
                  "too_large", limit=MAX_ENVELOPE_BYTES)
        return cls.from_json(loads_strict(data))


def sign_envelope(payload: bytes, payload_type: str, key: SigningKey) -> Envelope:
    """Sign ``payload`` as ``payload_type``; the key id is ``key.verify_key.key_id``."""
    if not isinstance(payload, bytes):
        raise ValidationError(f"The payload must be bytes, not {type(payload).__name__}.")
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ValidationError(
            f"The payload is {len(payload)} bytes; the limit is {MAX_PAYLOAD_BYTES}.",
            hint="Sign a digest of large data (its SHA-256), not the data itself.")
    if not isinstance(payload_type, str) or not 0 < len(payload_type) <= MAX_PAYLOAD_TYPE_CHARS:
        raise ValidationError(
            f"The payload type must be a non-empty string of at most {MAX_PAYLOAD_TYPE_CHARS} "
            "characters.")
    sig = key.sign(pae(payload_type, payload))
    return Envelope(payload=payload, payload_type=payload_type,
                    signatures=(Signature(keyid=key.verify_key.key_id, sig=sig),))


def verify_envelope(envelope: Envelope, trusted: Mapping[str, VerifyKey], *,
                    payload_type: str) -> VerifyKey:
    """Verify ``envelope`` against the ``trusted`` keys (key id -> key); fail closed.

    - :class:`EnvelopeFormatError` if its payload type is not ``payload_type`` or it has no
      signatures;
    - :class:`SignatureError` if any signature whose key id is trusted does not verify, even
      when another one does;
    - :class:`UnknownSignerError` if no signature has a trusted key id.

    Returns the first trusted :class:`VerifyKey` whose signature verified.
    """
    if envelope.payload_type != payload_type:
        _fail(f"The envelope holds {envelope.payload_type!r}, but {payload_type!r} was "
              "expected.", "payload_type", expected=payload_type,
              actual=envelope.payload_type)
    if not envelope.signatures:
        _fail("The envelope has no signatures.", "no_signatures")
    message = pae(envelope.payload_type, envelope.payload)
    verified: VerifyKey | None = None
    for signature in envelope.signatures:
        key = trusted.get(signature.keyid)
        if key is None:
            continue
        try:
            key.verify(signature.sig, message)
        except SignatureError as exc:
            raise SignatureError(
                f"The envelope's signature by trusted key {key.fingerprint} does not verify: "
                "the envelope was changed after signing or the signature is forged.",
                key_id=signature.keyid) from exc
        if verified is None:
            verified = key
    if verified is None:
        keyids = [s.keyid for s in envelope.signatures]
        raise UnknownSignerError(
            f"The envelope is signed only by untrusted key ids: {', '.join(keyids)}.",
            hint=_UNKNOWN_HINT, keyids=keyids)
    return verified
