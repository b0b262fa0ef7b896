"""Sealing: a record becomes RFC 8785 canonical JSON in a DSSE envelope signed by the device.

The signed payload (the *statement*) is::

    {"_type": "fieldkit.sealed/1", "kind": "incident" | "custody" | "annotation",
     "device": "ed25519:<sha256 of the public key>", "seq": N, "chain_prev": ID | null,
     "prev": ID | null, "sealed_at": "…Z", "record": {…}}

Its id is the SHA-256 (hex) of the payload bytes: exactly what was signed. ``seq`` and
``chain_prev`` link every record a device seals into one chain, so a gap or a withheld record
shows; ``prev`` names the revision an amendment corrects (it supersedes it only if both are
the same incident sealed by the same device: :mod:`fieldkit.domain.amendments`). An
``annotation`` names the record it annotates inside ``record`` and has no ``prev``. Files are
named by digest inside ``record``; the signature never covers file bytes directly.

:func:`open_sealed` and :func:`verify_chain` return or raise; they never return a bool.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldkit.crypto.dsse import Envelope, sign_envelope, verify_envelope
from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.errors import ChainError, EnvelopeFormatError, ValidationError

PAYLOAD_TYPE = "application/vnd.fieldkit.record+json"
STATEMENT_TYPE = "fieldkit.sealed/1"
KINDS = ("incident", "custody", "annotation")
_ID_CHARS = frozenset("0123456789abcdef")


def record_id_of(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def is_record_id(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _ID_CHARS


@dataclass(frozen=True)
class SealedRecord:
    record_id: str
    kind: str
    device: str
    seq: int
    chain_prev: str | None
    prev: str | None
    sealed_at: str
    record: dict[str, Any]
    envelope: Envelope

    @property
    def payload(self) -> bytes:
        return self.envelope.payload


def seal(*, kind: str, record: dict[str, Any], key: SigningKey, seq: int,
         chain_prev: str | None, prev: str | None, sealed_at: str) -> SealedRecord:
    if kind not in KINDS:
        raise ValidationError(f"Unknown record kind {kind!r}.")
    statement = {"_type": STATEMENT_TYPE, "kind": kind, "device": key.verify_key.key_id,
                 "seq": seq, "chain_prev": chain_prev, "prev": prev, "sealed_at": sealed_at,
                 "record": record}
    payload = canonicalize(statement)
    envelope = sign_envelope(payload, PAYLOAD_TYPE, key)
    # The record exactly as signed, detached from the caller's dict (our own canonical bytes,
    # so the fast parser is safe here).
    frozen = json.loads(payload)["record"]
    return SealedRecord(record_id_of(payload), kind, key.verify_key.key_id, seq, chain_prev,
                        prev, sealed_at, frozen, envelope)


def open_sealed(envelope: Envelope | bytes, trusted: Mapping[str, VerifyKey], *,
                expected_id: str | None = None) -> SealedRecord:
    """Verify an envelope and parse its statement. Raises an IntegrityError subclass."""
    env = envelope if isinstance(envelope, Envelope) else Envelope.from_bytes(envelope)
    signer = verify_envelope(env, trusted, payload_type=PAYLOAD_TYPE)
    record_id = record_id_of(env.payload)
    if expected_id is not None and record_id != expected_id:
        raise EnvelopeFormatError(f"Record {expected_id[:12]}… does not hash to its id "
                                  f"(the payload hashes to {record_id[:12]}…).")
    statement = loads_strict(env.payload)
    if not isinstance(statement, dict) or canonicalize(statement) != env.payload:
        raise EnvelopeFormatError(f"Record {record_id[:12]}… is not canonical JSON (RFC 8785).")
    if statement.get("_type") != STATEMENT_TYPE:
        raise EnvelopeFormatError(f"Record {record_id[:12]}… is not a FieldKit sealed record.")
    if statement.get("device") != signer.key_id:
        raise EnvelopeFormatError(f"Record {record_id[:12]}… names device "
                                  f"{statement.get('device')!r} but was signed by {signer.key_id}.")
    seq, chain_prev, prev = statement.get("seq"), statement.get("chain_prev"), statement.get("prev")
    kind, sealed_at = statement.get("kind"), statement.get("sealed_at")
    record = statement.get("record")
    if not (isinstance(seq, int) and not isinstance(seq, bool) and seq >= 1) \
            or kind not in KINDS or not isinstance(sealed_at, str) or not isinstance(record, dict) \
            or not (chain_prev is None or is_record_id(chain_prev)) \
            or not (prev is None or is_record_id(prev)):
        raise EnvelopeFormatError(f"Record {record_id[:12]}… has malformed fields.")
    return SealedRecord(record_id, kind, signer.key_id, seq, chain_prev, prev, sealed_at, record,
                        env)


def verify_chain(records: Sequence[SealedRecord], *, start_seq: int = 1,
                 start_prev: str | None = None) -> None:
    """Check that one device's records (sorted by seq) form an unbroken chain."""
    expected_seq, expected_prev = start_seq, start_prev
    device = records[0].device if records else None
    for r in records:
        if r.device != device:
            raise ChainError(f"Record {r.record_id[:12]}… belongs to another device's chain.")
        if r.seq != expected_seq:
            raise ChainError(f"Device chain gap: expected record #{expected_seq}, found "
                             f"#{r.seq} ({r.record_id[:12]}…). A record is missing or withheld.")
        if r.chain_prev != expected_prev:
            raise ChainError(f"Device chain broken at record #{r.seq} ({r.record_id[:12]}…): "
                             "it does not link to the record before it.")
        expected_seq, expected_prev = r.seq + 1, r.record_id
