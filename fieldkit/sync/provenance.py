"""Where a sealed record comes from, provably, without the network: the record's receipt from
the registry's transparency log, the signing device's key, and that device's enrolment entry
in the same log. Everything here reads the vault only; the sync client fetched and verified
it all when it synced (:mod:`fieldkit.sync.client`), and a bundle's verifier repeats the
checks offline with the functions re-exported below.

What the log's leaves hold (``docs/sync-protocol.md`` §9a)
==========================================================

Every leaf is the RFC 8785 canonical JSON (UTF-8, no whitespace, keys sorted) of one object;
its Merkle leaf hash is ``SHA-256(0x00 || leaf)`` (RFC 9162). A checkpoint is a C2SP signed
note ``origin\\nsize\\nbase64(root)\\n`` signed by the log key (:class:`LogIdentity`).

**Record leaf** (``protocol.record_entry``)::

    {"device":"ed25519:<hex>","kind":"incident","record_id":"<hex>","seq":7,"type":"record"}

Tie it to a sealed envelope (the record's DSSE envelope, ``sealed.envelope`` in the vault):
``record_id`` is the lowercase hex SHA-256 of the envelope's *payload* bytes (base64-decode
``payload``; exactly what was signed); the payload is the canonical statement whose
``device``, ``seq`` and ``kind`` are the leaf's. So a third party recomputes the leaf as
``canonicalize({"type": "record", "record_id": sha256(payload).hex(), "device":
statement["device"], "seq": statement["seq"], "kind": statement["kind"]})`` and compares it
byte for byte with the receipt's ``leaf`` (:func:`check_record_leaf`), checks the inclusion
proof at ``log_index`` under the checkpoint's root, and the checkpoint's signature
(:func:`verify_receipt`, which does all three given the record id; :func:`verify_record_receipt`
given the sealed record). The envelope's signature verifies with the device key below.

**Enrolment leaf** (``protocol.device_entry(action="enrol")``)::

    {"at":"2026-12-01T10:00:00.000Z","device":"ed25519:<hex>","public_key":"<base64 32 bytes>",
     "role":"monitor","type":"enrol"}

Tie it to a device key: ``device`` is ``"ed25519:" + SHA-256(raw public key).hex()`` and
``public_key`` is the standard base64 (with padding) of that raw 32-byte Ed25519 key; ``role``
is what the registry enrolled it as; ``at`` is the registry's clock. The leaf cannot be
recomputed (``at``), so it is parsed and checked field by field, and must be canonical
(:func:`verify_enrolment`). A record's ``device`` names its key id, so a record leaf, its
envelope's signature and an enrolment leaf chain together: *this key signed this record, and
the registry enrolled this key as a monitor at this time*.

**Revocation leaf** (``protocol.device_entry(action="revoke")``)::

    {"at":"…Z","by":"<admin key id or 'registry-operator'>","device":"ed25519:<hex>",
     "type":"revoke"}

A revoked device's :class:`Enrolment` carries its :class:`Revocation`: records it sealed
before ``at`` stay valid, and a bundle should show the revocation.

For BUNDLE: :func:`provenance` gives, per record, the device key, the receipt (None for a
record not yet pushed, or pulled from a registry that sent none) and the enrolment (None
until a sync fetched it); :func:`log_identity` the log's origin and verifier key;
:func:`latest_checkpoint` the newest verified checkpoint note; :func:`enrolments` every stored
enrolment. Receipts and enrolments may be under different (older) checkpoints than the
newest: each verifies against its own checkpoint, and all checkpoints are signed by one key
and were checked for consistency by the client when it stored them.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from fieldkit.crypto.keys import VerifyKey
from fieldkit.domain.sealing import SealedRecord
from fieldkit.errors import NotFoundError
from fieldkit.service import VaultService
from fieldkit.storage.db import Connection
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier
from fieldkit.sync.protocol import Receipt, device_entry, record_entry
from fieldkit.sync.receipts import (
    EnrolmentProofError,
    ReceiptError,
    check_record_leaf,
    verify_enrolment_entry,
    verify_receipt,
    verify_revocation_entry,
)

__all__ = [
    "Enrolment",
    "EnrolmentProofError",
    "LogIdentity",
    "Provenance",
    "ReceiptError",
    "Revocation",
    "check_record_leaf",
    "device_entry",
    "enrolment",
    "enrolments",
    "latest_checkpoint",
    "log_identity",
    "provenance",
    "record_entry",
    "record_leaf",
    "verify_enrolment",
    "verify_receipt",
    "verify_record_receipt",
]


@dataclass(frozen=True)
class Revocation:
    """A device's revocation: ``log_index``/``leaf``/``inclusion_proof``/``checkpoint`` are
    None when the registry revoked it before it logged revocation indexes."""

    revoked_at: str
    log_index: int | None
    leaf: bytes | None
    inclusion_proof: list[bytes] | None
    checkpoint: str | None


@dataclass(frozen=True)
class Enrolment:
    key_id: str
    public_key: bytes
    role: str
    log_index: int
    leaf: bytes
    inclusion_proof: list[bytes]
    checkpoint: str
    revocation: Revocation | None = None


@dataclass(frozen=True)
class Provenance:
    record_id: str
    device_key: VerifyKey
    receipt: Receipt | None
    enrolment: Enrolment | None


@dataclass(frozen=True)
class LogIdentity:
    """The registry's transparency log as this vault pinned it at enrolment."""

    origin: str
    vkey: str          # C2SP verifier key: "<name>+<8 hex key hash>+<base64(0x01 || key)>"
    fingerprint: str   # first 16 hex of SHA-256(raw log public key), in groups of four

    @property
    def verifier(self) -> NoteVerifier:
        return NoteVerifier.from_vkey(self.vkey)


def record_leaf(sealed: SealedRecord) -> bytes:
    """The exact leaf bytes the registry logs for this sealed record."""
    return record_entry(record_id=sealed.record_id, device=sealed.device, seq=sealed.seq,
                        kind=sealed.kind)


def verify_record_receipt(receipt: Receipt, sealed: SealedRecord, *, verifier: NoteVerifier,
                          origin: str,
                          opened: dict[str, Checkpoint] | None = None) -> Checkpoint:
    """A receipt proves *this* sealed record is in the log: checkpoint signature, leaf bytes
    equal to :func:`record_leaf`, inclusion proof. Returns the checkpoint or raises.
    ``opened`` caches verified checkpoints, as in :func:`verify_receipt`."""
    checkpoint = verify_receipt(receipt, verifier=verifier, origin=origin,
                                record_id=sealed.record_id, opened=opened)
    check_record_leaf(base64.b64decode(receipt.leaf), record_id=sealed.record_id,
                      device=sealed.device, seq=sealed.seq, kind=sealed.kind)
    return checkpoint


def verify_enrolment(e: Enrolment, *, verifier: NoteVerifier, origin: str) -> Checkpoint:
    """Check an enrolment (and its revocation, if any) offline; return the enrolment's
    checkpoint or raise EnrolmentProofError / CheckpointError."""
    cp = verify_enrolment_entry(key_id=e.key_id, public_key=e.public_key, role=e.role,
                                log_index=e.log_index, leaf=e.leaf,
                                inclusion_proof=e.inclusion_proof, checkpoint=e.checkpoint,
                                verifier=verifier, origin=origin)
    r = e.revocation
    if r is not None and r.log_index is not None:
        if r.leaf is None or r.inclusion_proof is None or r.checkpoint is None:
            raise EnrolmentProofError(f"The revocation of {e.key_id} is incomplete.")
        verify_revocation_entry(key_id=e.key_id, log_index=r.log_index, leaf=r.leaf,
                                inclusion_proof=r.inclusion_proof, checkpoint=r.checkpoint,
                                verifier=verifier, origin=origin)
    return cp


# --- reading the vault ----------------------------------------------------------------------

def _proof(text: str) -> list[bytes]:
    return [base64.b64decode(h, validate=True) for h in json.loads(text)]


def _enrolment(conn: Connection, key_id: str) -> Enrolment | None:
    row = conn.execute("SELECT key_id, public_key, role, log_index, leaf, inclusion_proof, "
                       "checkpoint FROM device_enrolments WHERE key_id = ?",
                       (key_id,)).fetchone()
    if row is None:
        return None
    rev = conn.execute("SELECT revoked_at, log_index, leaf, inclusion_proof, checkpoint "
                       "FROM device_revocations WHERE key_id = ?", (key_id,)).fetchone()
    revocation = None if rev is None else Revocation(
        revoked_at=rev[0], log_index=None if rev[1] is None else int(rev[1]),
        leaf=None if rev[2] is None else bytes(rev[2]),
        inclusion_proof=None if rev[3] is None else _proof(rev[3]), checkpoint=rev[4])
    return Enrolment(key_id=row[0], public_key=bytes(row[1]), role=row[2],
                     log_index=int(row[3]), leaf=bytes(row[4]), inclusion_proof=_proof(row[5]),
                     checkpoint=row[6], revocation=revocation)


def enrolment(service: VaultService, key_id: str) -> Enrolment | None:
    """The stored (verified) enrolment of a device, or None if no sync fetched it yet."""
    return _enrolment(service.vault.read(), key_id)


def enrolments(service: VaultService) -> list[Enrolment]:
    conn = service.vault.read()
    out = []
    for (key_id,) in conn.execute("SELECT key_id FROM device_enrolments ORDER BY key_id"):
        found = _enrolment(conn, key_id)
        if found is not None:
            out.append(found)
    return out


def provenance(service: VaultService, record_id: str) -> Provenance:
    """The device key, receipt and enrolment of one sealed record of this vault (no network).
    NotFoundError if the vault does not hold the record."""
    conn = service.vault.read()
    row = conn.execute("SELECT device FROM sealed WHERE record_id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"No sealed record {record_id[:12]}… in this vault.")
    device = str(row[0])
    key = service._trusted().get(device)
    if key is None:
        raise NotFoundError(f"The key of device {device[:20]}… is not in this vault.",
                            hint="Pull again; the staff vault keeps the key of every device "
                                 "whose records it holds.")
    found = conn.execute("SELECT receipt FROM receipts WHERE record_id = ?",
                         (record_id,)).fetchone()
    receipt = None if found is None else Receipt.model_validate_json(found[0])
    return Provenance(record_id=record_id, device_key=key, receipt=receipt,
                      enrolment=_enrolment(conn, device))


def log_identity(service: VaultService) -> LogIdentity | None:
    """The log this vault pinned at enrolment (None if it is not enrolled)."""
    row = service.vault.read().execute(
        "SELECT origin, log_key FROM sync_registry WHERE id = 1").fetchone()
    if row is None:
        return None
    origin, vkey = str(row[0]), str(row[1])
    return LogIdentity(origin=origin, vkey=vkey,
                       fingerprint=NoteVerifier.from_vkey(vkey).verify_key.fingerprint)


def latest_checkpoint(service: VaultService) -> str | None:
    """The newest checkpoint note this vault verified and kept (None before any sync)."""
    row = service.vault.read().execute(
        "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])
