"""Checking what the registry says it logged: receipts and checkpoint consistency.

Both functions return or raise (an :class:`~fieldkit.errors.IntegrityError` subclass); a
caller that gets a value back may rely on it.
"""

from __future__ import annotations

import base64
import binascii

from fieldkit.crypto.jcs import loads_strict
from fieldkit.errors import EnvelopeFormatError, IntegrityError
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.protocol import Receipt


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
