"""Checking what the registry says it logged: receipts, checkpoint consistency, and the
enrolment / revocation entries of devices (the leaf formats: :mod:`fieldkit.sync.provenance`).

Every function returns or raises (an :class:`~fieldkit.errors.IntegrityError` subclass); a
caller that gets a value back may rely on it.
"""

from __future__ import annotations

import base64
import binascii

from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import VerifyKey
from fieldkit.errors import EnvelopeFormatError, IntegrityError, ValidationError
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.protocol import Receipt, record_entry


class ReceiptError(IntegrityError):
    code = "bad_receipt"
    default_hint = ("The registry's answer does not prove what it claims. Keep the record "
                    "queued and report this to an administrator.")


def _unb64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ReceiptError("The receipt holds invalid base64.") from None


def verify_receipt(receipt: Receipt, *, verifier: NoteVerifier, origin: str,
                   record_id: str, opened: dict[str, Checkpoint] | None = None) -> Checkpoint:
    """Check that ``receipt`` proves ``record_id`` is in the log under a checkpoint signed by
    the log key; return that checkpoint. ``opened`` caches checkpoints already verified (a
    batch's receipts share one), keyed by their exact text."""
    checkpoint = opened.get(receipt.checkpoint) if opened is not None else None
    if checkpoint is None:
        checkpoint = open_checkpoint(receipt.checkpoint, verifier, origin=origin)
        if opened is not None:
            opened[receipt.checkpoint] = checkpoint
    leaf = _unb64(receipt.leaf)
    try:
        entry = loads_strict(leaf)
    except EnvelopeFormatError:
        raise ReceiptError("The receipt's log entry is not valid JSON.") from None
    if not isinstance(entry, dict) or entry.get("type") != "record" \
            or entry.get("record_id") != record_id or receipt.record_id != record_id:
        raise ReceiptError(f"The receipt is not about record {record_id[:12]}….")
    if not 0 <= receipt.log_index < checkpoint.size:
        raise ReceiptError("The receipt's log index lies outside its checkpoint.")
    merkle.verify_inclusion(index=receipt.log_index, size=checkpoint.size,
                            leaf=merkle.leaf_hash(leaf),
                            proof=[_unb64(h) for h in receipt.inclusion_proof],
                            root=checkpoint.root)
    return checkpoint


def verify_consistency(old: Checkpoint, new: Checkpoint, proof: list[str]) -> None:
    """Check that ``new`` extends ``old`` (the log was only appended to)."""
    if new.size < old.size:
        raise ReceiptError(f"The registry's log shrank from {old.size} to {new.size} entries.")
    merkle.verify_consistency(size1=old.size, size2=new.size, root1=old.root, root2=new.root,
                              proof=[_unb64(h) for h in proof])


# --- record and enrolment leaves (docs/sync-protocol.md §9a) ----------------------------------

class EnrolmentProofError(ReceiptError):
    """A device's enrolment (or revocation) entry does not prove what it claims."""

    code = "bad_enrolment"
    default_hint = ("The registry's enrolment entry for this device does not hold. Do not trust "
                    "the device's key on this evidence; report this to an administrator.")


def check_record_leaf(leaf: bytes, *, record_id: str, device: str, seq: int, kind: str) -> None:
    """The leaf must be exactly the record entry the registry logs for this sealed record
    (``protocol.record_entry``), byte for byte."""
    if leaf != record_entry(record_id=record_id, device=device, seq=seq, kind=kind):
        raise ReceiptError(f"The log entry of record {record_id[:12]}… does not match the "
                           "sealed record (device, sequence number or kind differ).")


def _entry(leaf: bytes, what: str) -> dict[str, object]:
    try:
        obj = loads_strict(leaf)
    except EnvelopeFormatError:
        raise EnrolmentProofError(f"The {what} log entry is not valid JSON.") from None
    if not isinstance(obj, dict) or canonicalize(obj) != leaf:
        raise EnrolmentProofError(f"The {what} log entry is not canonical JSON.")
    return obj


def _included(*, index: int, leaf: bytes, proof: list[bytes], checkpoint: Checkpoint,
              what: str) -> None:
    if not 0 <= index < checkpoint.size:
        raise EnrolmentProofError(f"The {what} entry's log index lies outside its checkpoint.")
    try:
        merkle.verify_inclusion(index=index, size=checkpoint.size, leaf=merkle.leaf_hash(leaf),
                                proof=proof, root=checkpoint.root)
    except IntegrityError as e:
        raise EnrolmentProofError(f"The {what} entry is not in the log: {e.message}") from None


def verify_enrolment_entry(*, key_id: str, public_key: bytes, role: str, log_index: int,
                           leaf: bytes, inclusion_proof: list[bytes], checkpoint: str,
                           verifier: NoteVerifier, origin: str) -> Checkpoint:
    """Check that ``leaf`` is the enrolment of exactly this key (id = SHA-256 of the key) with
    this role, and that it is in the log at ``log_index`` under ``checkpoint`` (signed by the
    log key). Return the checkpoint; raise EnrolmentProofError (or CheckpointError)."""
    cp = open_checkpoint(checkpoint, verifier, origin=origin)
    entry = _entry(leaf, "enrolment")
    try:
        derived = VerifyKey.from_bytes(public_key).key_id
    except ValidationError:
        raise EnrolmentProofError("The enrolled public key is not an Ed25519 key.") from None
    if derived != key_id:
        raise EnrolmentProofError(f"The public key does not hash to the device id {key_id}.")
    if entry.get("type") != "enrol" or entry.get("device") != key_id \
            or entry.get("public_key") != base64.b64encode(public_key).decode("ascii") \
            or entry.get("role") != role:
        raise EnrolmentProofError(f"The log entry is not the enrolment of {key_id} as {role}.")
    _included(index=log_index, leaf=leaf, proof=inclusion_proof, checkpoint=cp,
              what="enrolment")
    return cp


def verify_revocation_entry(*, key_id: str, log_index: int, leaf: bytes,
                            inclusion_proof: list[bytes], checkpoint: str,
                            verifier: NoteVerifier, origin: str) -> Checkpoint:
    """Check that ``leaf`` is the revocation of ``key_id`` and is in the log under
    ``checkpoint``; return the checkpoint."""
    cp = open_checkpoint(checkpoint, verifier, origin=origin)
    entry = _entry(leaf, "revocation")
    if entry.get("type") != "revoke" or entry.get("device") != key_id:
        raise EnrolmentProofError(f"The log entry is not the revocation of {key_id}.")
    _included(index=log_index, leaf=leaf, proof=inclusion_proof, checkpoint=cp,
              what="revocation")
    return cp
