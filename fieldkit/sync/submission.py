"""Submissions: how a sealed record travels to the registry sealed to the staff key.

A submission is a DSSE envelope signed by the monitor's device, payload type
``application/vnd.fieldkit.submission+json``, whose canonical JSON payload is::

    {"_type": "fieldkit.submission/1", "record_id", "device", "device_key" (base64),
     "seq", "chain_prev", "kind", "org_key_id",
     "sealed": base64(HPKE to the organisation key of the Padmé-padded canonical JSON
               {"envelope": <the record's own DSSE envelope>,
                "files": {<plaintext sha256>: {"key", "cipher_sha256", "cipher_size"}},
                "checkpoint": <optional: the newest log checkpoint note the monitor trusts>}),
     "files": [{"sha256": <padded encrypted file's sha256>, "size": <bytes>}, …]}

The sealed plaintext is padded (:func:`pad_inner`, ``data || 0x80 || 0x00*`` to a Padmé
length) and each file is uploaded Padmé-padded (:mod:`fieldkit.sync.padding`), so sizes tell
the registry only a size bucket (ADR 0015).

The registry verifies the outer signature and routing metadata and stores the submission; it
sees ids, sizes and hashes of what it stores, never testimony. Staff open ``sealed`` with the
organisation key and verify the monitor's signature over the plaintext record; its id must be
``record_id``. The device key travels with it: a key id is the SHA-256 of the key, so a key
that hashes to the id *is* the device's key.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass

from fieldkit.crypto.dsse import Envelope, sign_envelope, verify_envelope
from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.crypto.orgkey import (
    OrgPrivateKey,
    OrgPublicKey,
    SealedPayloadError,
    open_from_org,
    seal_to_org,
)
from fieldkit.domain import sealing
from fieldkit.errors import EnvelopeFormatError, ValidationError
from fieldkit.sync import padding

PAYLOAD_TYPE = "application/vnd.fieldkit.submission+json"
STATEMENT_TYPE = "fieldkit.submission/1"
MAX_FILES = 1000


@dataclass(frozen=True)
class FileRef:
    """An attachment as uploaded: the encrypted file, and how to open it."""

    plain_sha256: str
    key: bytes
    cipher_sha256: str
    cipher_size: int


@dataclass(frozen=True)
class Submission:
    record_id: str
    device: str
    device_key: VerifyKey
    seq: int
    chain_prev: str | None
    kind: str
    org_key_id: str
    sealed: bytes
    files: tuple[tuple[str, int], ...]
    envelope: Envelope


@dataclass(frozen=True)
class Opened:
    """A submission opened by staff: the verified record and its files' keys."""

    record: sealing.SealedRecord
    files: dict[str, FileRef]
    #: The newest checkpoint the monitor trusted when it sent this (gossip: staff check it
    #: against their own view of the log, docs/adr/0016); None from older monitors.
    checkpoint: str | None = None


def make(record: sealing.SealedRecord, *, key: SigningKey, org: OrgPublicKey,
         files: list[FileRef], checkpoint: str | None = None) -> Envelope:
    body: dict[str, object] = {
        "envelope": record.envelope.to_json(),
        "files": {f.plain_sha256: {"key": base64.b64encode(f.key).decode("ascii"),
                                   "cipher_sha256": f.cipher_sha256,
                                   "cipher_size": f.cipher_size} for f in files}}
    if checkpoint is not None:  # gossip (docs/adr/0016); older staff vaults ignore it
        body["checkpoint"] = checkpoint
    inner = canonicalize(body)
    statement = {
        "_type": STATEMENT_TYPE, "record_id": record.record_id, "device": record.device,
        "device_key": base64.b64encode(key.verify_key.to_bytes()).decode("ascii"),
        "seq": record.seq, "chain_prev": record.chain_prev, "kind": record.kind,
        "org_key_id": org.key_id,
        "sealed": base64.b64encode(seal_to_org(pad_inner(inner), org)).decode("ascii"),
        "files": [{"sha256": f.cipher_sha256, "size": f.cipher_size} for f in files]}
    return sign_envelope(canonicalize(statement), PAYLOAD_TYPE, key)


def pad_inner(inner: bytes) -> bytes:
    """Padmé-pad the inner payload before it is sealed (ADR 0015): its ciphertext size then
    tells the registry only a size bucket."""
    return padding.pad(inner)


def unpad_inner(opened: bytes) -> bytes:
    """Undo :func:`pad_inner` after opening; fails closed (PaddingError) on bad padding."""
    return padding.unpad(opened)


def _b64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise EnvelopeFormatError(f"The submission's {what} is missing.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise EnvelopeFormatError(f"The submission's {what} is not base64.") from None


def open_outer(envelope: Envelope, *, trusted: Mapping[str, VerifyKey] | None = None) -> Submission:
    """Verify the device's signature on a submission and parse its routing metadata.

    With ``trusted`` (the registry's enrolled keys) the signer must be one of them; without
    it (staff), the key carried in the submission is used after checking it hashes to the
    device id."""
    statement = loads_strict(envelope.payload)
    if not isinstance(statement, dict) or statement.get("_type") != STATEMENT_TYPE \
            or canonicalize(statement) != envelope.payload:
        raise EnvelopeFormatError("Not a canonical FieldKit submission.")
    try:
        device_key = VerifyKey.from_bytes(_b64(statement.get("device_key"), "device key"))
    except ValidationError:
        raise EnvelopeFormatError("The submission's device key is malformed.") from None
    device = statement.get("device")
    if device != device_key.key_id:
        raise EnvelopeFormatError("The submission's device key does not match its device id.")
    keys = dict(trusted) if trusted is not None else {device_key.key_id: device_key}
    signer = verify_envelope(envelope, keys, payload_type=PAYLOAD_TYPE)
    if signer.key_id != device:
        raise EnvelopeFormatError("The submission is signed by another device than it names.")
    record_id, seq, chain_prev = (statement.get("record_id"), statement.get("seq"),
                                  statement.get("chain_prev"))
    kind, org_key_id, files = (statement.get("kind"), statement.get("org_key_id"),
                               statement.get("files"))
    if not sealing.is_record_id(record_id) or not isinstance(seq, int) \
            or isinstance(seq, bool) or seq < 1 \
            or not (chain_prev is None or sealing.is_record_id(chain_prev)) \
            or kind not in sealing.KINDS or not isinstance(org_key_id, str) \
            or not isinstance(files, list) or len(files) > MAX_FILES:
        raise EnvelopeFormatError("The submission has malformed routing fields.")
    parsed = []
    for f in files:
        if not isinstance(f, dict) or not sealing.is_record_id(f.get("sha256")) \
                or not isinstance(f.get("size"), int) or isinstance(f.get("size"), bool) \
                or f["size"] < 0:
            raise EnvelopeFormatError("The submission lists a malformed file.")
        parsed.append((str(f["sha256"]), int(f["size"])))
    assert isinstance(record_id, str)
    return Submission(record_id, device_key.key_id, device_key, seq, chain_prev, str(kind),
                      org_key_id, _b64(statement.get("sealed"), "sealed payload"),
                      tuple(parsed), envelope)


def open_inner(sub: Submission, org: OrgPrivateKey | Mapping[str, OrgPrivateKey]) -> Opened:
    """Decrypt with the organisation key the submission names (``org``: one key, or every key
    a staff vault holds by key id, so records sealed to an older key still open after a
    rotation) and verify the monitor's signature on the record. Raises an IntegrityError
    subclass on any mismatch, :class:`SealedPayloadError` if no key held is the one named."""
    keys = {org.public_key.key_id: org} if isinstance(org, OrgPrivateKey) else org
    key = keys.get(sub.org_key_id)
    if key is None:
        raise SealedPayloadError(
            f"Record {sub.record_id[:12]}… is sealed to the organisation key "
            f"{sub.org_key_id[:24]}…, which this vault does not hold.",
            hint="Import the organisation's keys from another staff vault with `fieldkit "
                 "org-key import FILE` (an export carries every key), then pull again.",
            key_id=sub.org_key_id)
    inner = loads_strict(unpad_inner(open_from_org(sub.sealed, key)))
    if not isinstance(inner, dict) or not isinstance(inner.get("envelope"), dict) \
            or not isinstance(inner.get("files"), dict):
        raise EnvelopeFormatError(f"Submission {sub.record_id[:12]}… holds a malformed payload.")
    record = sealing.open_sealed(Envelope.from_json(inner["envelope"]),
                                 {sub.device: sub.device_key}, expected_id=sub.record_id)
    if (record.seq, record.chain_prev, record.kind) != (sub.seq, sub.chain_prev, sub.kind):
        raise EnvelopeFormatError(f"Submission {sub.record_id[:12]}…: its routing metadata "
                                  "does not match the signed record.")
    files: dict[str, FileRef] = {}
    listed = set(sub.files)
    for plain, info in inner["files"].items():
        if not isinstance(info, dict) or not sealing.is_record_id(plain):
            raise EnvelopeFormatError("The submission's file keys are malformed.")
        ref = FileRef(plain, _b64(info.get("key"), "file key"), str(info.get("cipher_sha256")),
                      int(info.get("cipher_size", -1)))
        if (ref.cipher_sha256, ref.cipher_size) not in listed:
            raise EnvelopeFormatError("The submission's file keys name a file it does not list.")
        files[plain] = ref
    gossip = inner.get("checkpoint")
    return Opened(record, files, gossip if isinstance(gossip, str) else None)
