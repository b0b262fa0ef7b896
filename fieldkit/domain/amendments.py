"""Who may correct a sealed incident, and how a correction by anyone else is kept.

An **amendment** is a sealed incident whose statement names its predecessor (``prev``). It
*supersedes* that predecessor only when both are incidents with the same ``uid`` sealed by
the same device: a device corrects its own records and nobody else's. Any other ``prev``
(another device's record, another incident, a custody event, an annotation) is a
**conflict**: the record is kept, sealed and verifiable, but it supersedes nothing and the
vault shows it with the reason below. A valid amendment of a conflicting record inherits the
conflict. Whether a record is a conflict depends only on the two records, never on the order
they arrive in or on ``sealed_at``.

Two current (not superseded, not conflicting) revisions of one incident by one device are a
**fork**. Both are kept and shown; an export that would have to choose one raises
:class:`RevisionForkError` instead (docs/adr/0017-amend-identity.md).

An **annotation** (record kind ``annotation``) is how a device comments on or corrects a
record it did not seal: it names the record it annotates and never replaces it. Exports show
it beside that record, for the audiences its confidentiality level allows.
"""

from __future__ import annotations

from typing import Any

from fieldkit.domain import records as rec
from fieldkit.domain.sealing import is_record_id
from fieldkit.errors import EnvelopeFormatError, UsageError

ANNOTATION_SCHEMA = "fieldkit.annotation/1"
MAX_ANNOTATION = 100_000

#: Why a record's ``prev`` was not accepted, as stored in ``incidents.conflict``.
OTHER_DEVICE = "other_device"      # prev was sealed by another device
OTHER_INCIDENT = "other_incident"  # prev is a record of another incident (another uid)
NOT_INCIDENT = "not_incident"      # prev is not an incident (a custody event, an annotation)
INHERITED = "inherited"            # amends a record that is itself a conflict
REASONS = (OTHER_DEVICE, OTHER_INCIDENT, NOT_INCIDENT, INHERITED)

#: Plain explanations (English; the app shows its own translations of the same sentences).
EXPLANATIONS = {
    OTHER_DEVICE: "This record claims to amend a record sealed by another device. Only the "
                  "device that sealed a record may amend it, so it replaces nothing; the "
                  "record it names stays current.",
    OTHER_INCIDENT: "This record claims to amend a record of another incident, so it "
                    "replaces nothing; the record it names stays current.",
    NOT_INCIDENT: "This record claims to amend something that is not an incident, so it "
                  "replaces nothing.",
    INHERITED: "This record amends a record that is itself in conflict, so it replaces "
               "nothing of another device's.",
}
FORK_EXPLANATION = ("The same device sealed more than one current revision of this incident. "
                    "Both are kept; an export must be told which one to use.")


def binding_conflict(*, target_kind: str, target_device: str, target_uid: str | None,
                     device: str, uid: str) -> str | None:
    """Why an incident sealed by ``device`` with ``uid`` may not supersede the target
    record, or None if it may."""
    if target_kind != "incident" or target_uid is None:
        return NOT_INCIDENT
    if target_device != device:
        return OTHER_DEVICE
    if target_uid != uid:
        return OTHER_INCIDENT
    return None


class RevisionForkError(UsageError):
    """An export would have to pick one of two current revisions of one incident."""

    code = "revision_fork"

    def __init__(self, uid: str, record_ids: list[str]) -> None:
        ids = sorted(record_ids)
        shown = " and ".join(i[:12] + "…" for i in ids)
        super().__init__(
            f"Incident {uid} has {len(ids)} current revisions sealed by the same device "
            f"({shown}); FieldKit will not pick one for you.",
            hint="Name the revision you mean by its full record id (`fieldkit show ID` shows "
                 "both), or have the device that sealed them amend the one to keep.",
            uid=uid, record_ids=ids)


def new_annotation(*, target: str, target_uid: str, target_device: str, text: str, at: str,
                   confidentiality: str = "internal") -> dict[str, Any]:
    """An annotation of the sealed incident ``target`` (to be sealed as kind
    ``annotation``)."""
    note = {"schema": ANNOTATION_SCHEMA, "target": target, "target_uid": target_uid,
            "target_device": target_device,
            "text": rec.check_text(text, "The annotation", required=True,
                                   limit=MAX_ANNOTATION).strip(),
            "at": at, "confidentiality": rec.check_level(confidentiality, "Confidentiality")}
    check_annotation(note, record_id="(new)")
    return note


def check_annotation(note: dict[str, Any], *, record_id: str) -> None:
    """A sealed annotation's shape (it is signed, but a hostile device can sign anything)."""
    ok = (note.get("schema") == ANNOTATION_SCHEMA and is_record_id(note.get("target"))
          and isinstance(note.get("text"), str) and isinstance(note.get("at"), str)
          and note.get("confidentiality") in rec.LEVELS)
    if not ok:
        raise EnvelopeFormatError(f"Annotation {record_id[:12]}… is malformed (it must name "
                                  "the record it annotates and carry a text, a time and a "
                                  "confidentiality level).")
