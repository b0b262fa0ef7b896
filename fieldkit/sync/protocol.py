"""Wire types and limits shared by the registry and the sync client (``docs/sync-protocol.md``).

Every request except enrolment and ``/v1/health`` is signed (RFC 9421, see
:mod:`fieldkit.sync.httpsig`). Every error is ``{"error": {"code", "message", "details"}}``.
Binary values travel as standard base64; digests as lowercase hex SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from fieldkit.crypto.jcs import canonicalize

API = "/v1"
MAX_JSON_BODY = 32 * 1024 * 1024
MAX_CHUNK = 8 * 1024 * 1024
MIN_CHUNK = 1024 * 1024          # every chunk but a file's last is 1–8 MiB
MAX_BATCH = 500                  # envelopes per submission
MAX_CHUNK_QUERY = 10_000
MAX_FILE_CHUNKS = 1_000_000
MAX_PULL = 1000
MAX_SKEW_SECONDS = 300
MAX_EXPORTS = 100                # export events per report
MAX_EXPORT_RECORDS = 10_000      # record ids per export event
MAX_EXPORT_FILES = 1_000         # files per export event
EXPORT_KINDS = ("dossier", "bundle", "csv", "json")
AUDIENCES = ("internal", "partners", "public")

Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", min_length=64, max_length=64)]
B64 = Annotated[str, Field(pattern=r"^[A-Za-z0-9+/]*={0,2}$", max_length=4096)]
Role = Annotated[str, Field(pattern=r"^(monitor|staff|admin)$")]
KeyId = Annotated[str, Field(pattern=r"^ed25519:[0-9a-f]{64}$")]
IsoTime = Annotated[str, Field(
    pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|\+00:00)$",
    max_length=40)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorDetail(Strict):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorBody(Strict):
    error: ErrorDetail


# --- enrolment ------------------------------------------------------------------------------

class EnrollRequest(Strict):
    code_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
    secret: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{16,128}$")]
    public_key: B64
    label: Annotated[str, Field(max_length=200)] = ""
    proof: B64


class EnrollResponse(Strict):
    key_id: str
    role: Role
    enrol_index: int
    checkpoint: str
    origin: str
    log_key: str


class EnrollCodeRequest(Strict):
    role: Role
    ttl_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 72


class EnrollCodeResponse(Strict):
    code: str
    code_id: str
    role: Role
    expires_at: str


# --- the log --------------------------------------------------------------------------------

class CheckpointResponse(Strict):
    size: int
    checkpoint: str


class InclusionProofResponse(Strict):
    index: int
    size: int
    leaf: B64
    proof: list[B64]


class ConsistencyProofResponse(Strict):
    first: int
    second: int
    proof: list[B64]


# --- records --------------------------------------------------------------------------------

class SubmitRecords(Strict):
    envelopes: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_BATCH)]


class Receipt(Strict):
    """Proof that the registry logged a record: the leaf, its index, an inclusion proof up to
    the signed checkpoint. Verify with :func:`fieldkit.sync.receipts.verify_receipt`."""

    record_id: Hex64
    log_index: int
    leaf: B64
    inclusion_proof: list[B64]
    checkpoint: str
    duplicate: bool = False
    gap: list[int] | None = None


class SubmitResponse(Strict):
    receipts: list[Receipt]


class PulledRecord(Strict):
    """A record as staff pull it, with its receipt (proof of inclusion under the checkpoint
    current when the page was served; older registries sent none)."""

    record_id: Hex64
    device: str
    seq: int
    kind: str
    log_index: int
    received_at: str
    envelope: dict[str, Any]
    receipt: Receipt | None = None


class PullResponse(Strict):
    records: list[PulledRecord]
    cursor: int


# --- device enrolments (provenance) ---------------------------------------------------------

class LogEntryProof(Strict):
    """One log entry with its inclusion proof (under the checkpoint of the enclosing answer)."""

    log_index: int
    leaf: B64
    inclusion_proof: list[B64]


class DeviceEnrolment(Strict):
    """A device's enrolment log entry, provable under ``checkpoint``; for a revoked device
    also ``revoked_at`` and, when the registry logged it, the revocation entry."""

    key_id: KeyId
    public_key: B64
    role: Role
    log_index: int
    leaf: B64
    inclusion_proof: list[B64]
    checkpoint: str
    revoked_at: str | None = None
    revocation: LogEntryProof | None = None


# --- export events --------------------------------------------------------------------------

class ExportedFile(Strict):
    sha256: Hex64
    size: Annotated[int, Field(ge=0, le=1 << 44)]


class ExportEventIn(Strict):
    """One export a vault made (its ``exports`` row, minus file names: those stay local)."""

    id: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
    at: IsoTime
    kind: Annotated[str, Field(pattern=r"^(dossier|bundle|csv|json)$")]
    audience: Annotated[str, Field(pattern=r"^(internal|partners|public)$")]
    language: Annotated[str, Field(pattern=r"^(ar|en)$")] | None = None
    record_ids: Annotated[list[Hex64], Field(max_length=MAX_EXPORT_RECORDS)]
    files: Annotated[list[ExportedFile], Field(max_length=MAX_EXPORT_FILES)]


class ReportExports(Strict):
    exports: Annotated[list[ExportEventIn], Field(min_length=1, max_length=MAX_EXPORTS)]


class ExportsReported(Strict):
    """Ids of the events now in the audit log, and of those it already held (identical)."""

    new: list[str]
    duplicates: list[str]


# --- attachments ----------------------------------------------------------------------------

class ChunkQuery(Strict):
    chunks: Annotated[list[Hex64], Field(max_length=MAX_CHUNK_QUERY)]


class MissingChunks(Strict):
    missing: list[Hex64]


class FileManifest(Strict):
    sha256: Hex64
    size: Annotated[int, Field(ge=0, le=1 << 44)]
    chunks: Annotated[list[Hex64], Field(max_length=MAX_FILE_CHUNKS)]


# --- administration -------------------------------------------------------------------------

class DeviceInfo(Strict):
    key_id: str
    role: Role
    label: str
    enrolled_at: str
    revoked_at: str | None
    enrol_index: int | None
    revoke_index: int | None = None


class DeviceList(Strict):
    devices: list[DeviceInfo]


class AuditEventOut(Strict):
    id: int
    at: str
    device: str | None
    role: str | None
    method: str
    path: str
    action: str
    outcome: str
    status: int
    bytes_in: int
    bytes_out: int
    reason: str
    remote: str
    detail: str = ""
    #: the key id the request claimed, when its signature did not verify (``device`` is then
    #: null: only a verified signature names a device)
    claimed_device: str | None = None


class AuditPage(Strict):
    events: list[AuditEventOut]
    next_after: int | None


class OrgKeyRequest(Strict):
    org_key: Annotated[str, Field(pattern=r"^fkorg1:[A-Za-z0-9_-]{43}$")]


class OrgKeyResponse(Strict):
    """The organisation key and the proof that an administrator registered it (ADR 0019):
    the registration's log entry (``leaf``, an :func:`org_key_entry`) at ``log_index``, its
    inclusion proof under ``checkpoint``, and the enrolment entry of the admin device whose
    signed request the entry carries (``admin``; None when the registry operator registered
    the key, which only devices whose enrolment code carried the key accept)."""

    org_key: str
    log_index: int | None
    key_id: str | None = None
    leaf: Annotated[str, Field(pattern=r"^[A-Za-z0-9+/]*={0,2}$", max_length=16384)] | None = None
    inclusion_proof: list[B64] = []
    checkpoint: str | None = None
    admin: DeviceEnrolment | None = None


class WhoAmI(Strict):
    key_id: str
    role: Role


# --- log entries ----------------------------------------------------------------------------

def record_entry(*, record_id: str, device: str, seq: int, kind: str) -> bytes:
    """The log leaf for an accepted record (what the inclusion proof is about)."""
    return canonicalize({"type": "record", "record_id": record_id, "device": device,
                         "seq": seq, "kind": kind})


def device_entry(*, action: str, key_id: str, public_key: bytes | None = None,
                 role: str | None = None, at: str, by: str | None = None) -> bytes:
    """The log leaf for an enrolment (``action="enrol"``) or a revocation."""
    entry: dict[str, Any] = {"type": action, "device": key_id, "at": at}
    if public_key is not None:
        entry["public_key"] = base64.b64encode(public_key).decode("ascii")
    if role is not None:
        entry["role"] = role
    if by is not None:
        entry["by"] = by
    return canonicalize(entry)


def export_digest(event: ExportEventIn) -> str:
    """SHA-256 (hex) of the canonical JSON of a reported export: a repeat of the same id must
    have the same digest."""
    return hashlib.sha256(canonicalize(event.model_dump())).hexdigest()


def admin_entry(*, action: str, by: str, at: str, detail: dict[str, Any]) -> bytes:
    return canonicalize({"type": "admin", "action": action, "by": by, "at": at,
                         "detail": detail})


#: The request an administrator signs to register an organisation key (ADR 0019).
ORG_KEY_PATH = f"{API}/admin/org-key"


def org_key_entry(*, org_key: str, key_id: str, by: str, at: str,
                  request: dict[str, str] | None) -> bytes:
    """The log leaf for an organisation key's registration: an admin entry whose detail holds
    the key and, when an admin device registered it, that device's signed HTTP request
    (``method``, ``path``, ``query``, ``body`` as base64, and the ``content_digest``,
    ``signature_input`` and ``signature`` header values), which anyone can check against the
    admin's enrolled key."""
    detail: dict[str, Any] = {"org_key": org_key, "key_id": key_id}
    if request is not None:
        detail["request"] = dict(request)
    return admin_entry(action="org-key", by=by, at=at, detail=detail)
