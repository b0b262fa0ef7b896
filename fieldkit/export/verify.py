"""Offline verification of a dossier bundle (the zip beside a dossier PDF).

A bundle is a zip that holds exactly these members (``docs/verification.md`` describes each
one for people who check it by hand)::

    manifest.json                  canonical JSON (RFC 8785): every other member with its
                                   SHA-256 and size, the records, the audience, the exporter,
                                   the dossier PDF's SHA-256 and the contents digest
    manifest.sig                   DSSE signature of manifest.json by the exporting device
                                   (the envelope without its payload: payloadType, signatures)
    SHA256SUMS                     ``sha256sum`` lines of every member below; its own SHA-256 is
                                   the *contents digest* printed (and QR-coded) in the dossier
    envelopes/<record id>.json     a sealed record's DSSE envelope, unchanged
    redactions/<record id>.json    for a record the audience may not see whole: a statement
                                   signed by the exporting device (source record, removed
                                   paths, the redacted record)
    receipts/<record id>.json      the registry's receipt: log leaf, index, inclusion proof
    checkpoints/<sha256>.txt       signed tree heads (C2SP signed notes), named by their hash
    log/key.vkey                   the registry's log verifier key
    devices/<sha256>.key           raw Ed25519 public keys, named by their SHA-256 (= key id)
    enrolments/<sha256>.json       each device's enrolment log entry and its inclusion proof
    files/<sha256>                 attachments (absent when exported with hashes only)

:func:`verify_bundle` returns a :class:`VerificationReport` or raises a :class:`BundleError`
subclass naming the member at fault; :func:`check_bundle` runs every check it can and returns
the report with all problems for display.

Verification fails closed on who signed (``docs/adr/0018-verify-fails-closed.md``): the
exporting device must be shown enrolled in the bundle's log as ``staff`` (any records) or
``monitor`` (only records it sealed itself), and not revoked; every record must carry a receipt,
and its signer must be shown enrolled as ``monitor`` and not revoked before the record's log
index. The one exception is a *note* (:data:`NOTE_KINDS`: an annotation or custody event, which
staff vaults seal but cannot push) signed by the exporting device itself: it may lack a receipt
when the exporter passes, and the report names it (``vouched_by="exporter"``,
:attr:`VerificationReport.exporter_notes`). Every annotation and custody event must be about a
record of the bundle (ADR 0018, amendment). A bundle with no log data fails with
:class:`UnanchoredBundleError` unless the caller passes ``unanchored=True``; then (and for
any missing log evidence it waives) the report's first line says that nothing ties the bundle,
or part of it, to a log. A pinned ``log_key``
that the bundle cannot be checked against is a :class:`LogKeyMismatchError`.

Reading is hostile-safe: member names must match the layout above (no traversal, no unknown
names), no duplicates, only regular files, size and compression-ratio limits before anything is
decompressed, no overlapping entries.

The checks reuse the core verifiers: DSSE (:mod:`fieldkit.crypto.dsse`), sealed records and
device chains (:mod:`fieldkit.domain.sealing`), RFC 9162 proofs (:mod:`fieldkit.sync.merkle`),
checkpoints (:mod:`fieldkit.sync.checkpoint`) and receipts (:mod:`fieldkit.sync.receipts`).

Errors::

    BundleError(IntegrityError)      .member names the member at fault
    ├── BundleFormatError            not a zip, or a member is malformed
    ├── UnsafeMemberError            path traversal, absolute path, link, directory, encrypted
    ├── DuplicateMemberError         two entries with one name
    ├── UnknownMemberError           a member the layout or the manifest does not name
    ├── MissingMemberError           the manifest names it; the zip lacks it
    ├── MemberTooLargeError          over a size limit, or compressed like a zip bomb
    ├── MemberDigestError            bytes differ from the manifest's SHA-256 or size
    ├── BundleSignatureError         a signature (manifest, envelope, statement) fails
    │   └── LogKeyMismatchError      the pinned log key is not the bundle's, or the bundle has
    │                                no log data to check it against
    ├── BundleRecordError            a member does not tie to its record (id, leaf, key), or
    │                                a note is about no record of the bundle
    ├── BundleChainError             the device chain among the records is broken
    ├── BundleProofError             a checkpoint or inclusion proof does not verify
    ├── DossierMismatchError         the PDF is not the one the manifest names
    ├── UnanchoredBundleError        no log data at all (exit 5; ``unanchored=True`` accepts it)
    └── BundleTrustError             the log does not vouch for a signer
        ├── NotInLogError            no proven enrolment of a signer, or a record without a
        │                            receipt (``unanchored=True`` accepts it, saying so)
        ├── SignerRoleError          enrolled with a role that may not sign this
        └── SignerRevokedError       revoked before it signed
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from fieldkit.crypto import dsse
from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import KEY_ID_PREFIX, VerifyKey
from fieldkit.domain import sealing
from fieldkit.errors import (
    ChainError,
    EnvelopeFormatError,
    IntegrityError,
    SignatureError,
    UnknownSignerError,
    ValidationError,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.sync.checkpoint import MAX_NOTE_SIZE, Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.protocol import Receipt
from fieldkit.sync.receipts import (
    check_record_leaf,
    verify_enrolment_entry,
    verify_receipt,
    verify_revocation_entry,
)

# --- the format ----------------------------------------------------------------------------

BUNDLE_TYPE: Final = "fieldkit.bundle/1"
MANIFEST_PAYLOAD_TYPE: Final = "application/vnd.fieldkit.bundle-manifest+json"
REDACTION_TYPE: Final = "fieldkit.redaction/1"
REDACTION_PAYLOAD_TYPE: Final = "application/vnd.fieldkit.redaction+json"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
SUMS: Final = "SHA256SUMS"
LOG_KEY: Final = "log/key.vkey"
FILES_INCLUDED: Final = "included"
FILES_HASHES_ONLY: Final = "hashes-only"

_HEX = "[0-9a-f]{64}"
#: Member kinds by name; every member of a bundle matches exactly one.
PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "envelope": re.compile(rf"envelopes/({_HEX})\.json"),
    "redaction": re.compile(rf"redactions/({_HEX})\.json"),
    "receipt": re.compile(rf"receipts/({_HEX})\.json"),
    "checkpoint": re.compile(rf"checkpoints/({_HEX})\.txt"),
    "logkey": re.compile(r"log/key\.vkey()"),
    "device": re.compile(rf"devices/({_HEX})\.key"),
    "enrolment": re.compile(rf"enrolments/({_HEX})\.json"),
    "file": re.compile(rf"files/({_HEX})"),
}
_HEADER_MEMBERS: Final = (MANIFEST, SIGNATURE, SUMS)

MiB: Final = 1024 * 1024
#: Largest member of each kind, checked on the zip's declared sizes before reading.
LIMITS: Final[dict[str, int]] = {
    MANIFEST: 64 * MiB, SIGNATURE: 64 * 1024, SUMS: 32 * MiB,
    "envelope": dsse.MAX_ENVELOPE_BYTES, "redaction": dsse.MAX_ENVELOPE_BYTES,
    "receipt": 64 * 1024, "enrolment": 64 * 1024, "checkpoint": MAX_NOTE_SIZE,
    "logkey": 4096, "device": 32,
}
MAX_MEMBERS: Final = 200_000
#: Default cap on one attachment and on the whole bundle (uncompressed).
MAX_FILE_BYTES: Final = 64 * 1024 * MiB
MAX_TOTAL_BYTES: Final = 256 * 1024 * MiB
#: A member over 1 MiB that is compressed more than this is refused as a zip bomb.
MAX_RATIO: Final = 100
_CHUNK: Final = 1 * MiB
#: All members but attachments are read into memory: together at most this much.
MAX_METADATA_BYTES: Final = 2 * 1024 * MiB
#: Roles whose devices may sign a bundle's manifest and redaction statements. A monitor's vault
#: holds only records it sealed, so a monitor-signed bundle may hold only those.
EXPORT_ROLES: Final = ("staff", "monitor")
#: Roles whose devices may sign records (the registry logs records from monitors only).
SUBMIT_ROLES: Final = ("monitor",)
#: Record kinds that are statements about other records of the bundle (an annotation of an
#: incident, a custody event of an evidence file). Only these may lack a receipt, and only when
#: the exporting device signed them (ADR 0018, "Notes by the exporting device").
NOTE_KINDS: Final = ("annotation", "custody")
_TIME: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z")


def member_kind(name: str) -> tuple[str, str] | None:
    """``(kind, id)`` for a well-formed member name, else None (header members excluded)."""
    for kind, pattern in PATTERNS.items():
        m = pattern.fullmatch(name)
        if m:
            return kind, m.group(1)
    return None


def key_hex(key_id: str) -> str:
    """``"ed25519:<hex>"`` -> ``"<hex>"`` (the device member's name)."""
    return key_id.removeprefix(KEY_ID_PREFIX)


def sums_text(members: list[dict[str, Any]]) -> bytes:
    """The SHA256SUMS member: ``sha256sum`` text lines, sorted by name."""
    return "".join(f"{m['sha256']}  {m['name']}\n"
                   for m in sorted(members, key=lambda m: str(m["name"]))).encode("ascii")


def files_named(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Files an incident record names by digest: evidence items and testimony audio."""
    out = [e for e in record.get("evidence", []) if isinstance(e, dict)]
    out += [t["audio"] for t in record.get("testimonies", [])
            if isinstance(t, dict) and isinstance(t.get("audio"), dict)]
    return out


# --- errors --------------------------------------------------------------------------------

_HINT = ("Do not rely on this bundle. Keep it for investigation and ask whoever sent it for "
         "a fresh copy; `docs/verification.md` explains every check.")


class BundleError(IntegrityError):
    """A bundle failed a check. ``member`` names the zip member at fault (or None)."""

    code = "bundle"
    default_hint = _HINT

    def __init__(self, message: str, *, member: str | None, hint: str | None = None,
                 **details: Any) -> None:
        super().__init__(message, hint=hint, member=member, **details)
        self.member = member


class BundleFormatError(BundleError):
    code = "bundle_format"


class UnsafeMemberError(BundleError):
    code = "bundle_unsafe_member"


class DuplicateMemberError(BundleError):
    code = "bundle_duplicate_member"


class UnknownMemberError(BundleError):
    code = "bundle_unknown_member"


class MissingMemberError(BundleError):
    code = "bundle_missing_member"


class MemberTooLargeError(BundleError):
    code = "bundle_member_too_large"


class MemberDigestError(BundleError):
    code = "bundle_digest_mismatch"


class BundleSignatureError(BundleError):
    code = "bundle_bad_signature"


class BundleRecordError(BundleError):
    code = "bundle_record_mismatch"


class BundleChainError(BundleError):
    code = "bundle_chain"


class BundleProofError(BundleError):
    code = "bundle_bad_proof"


class DossierMismatchError(BundleError):
    code = "bundle_dossier_mismatch"
    default_hint = ("The PDF is not the dossier this bundle was made for. Ask for the PDF and "
                    "bundle that were exported together.")


class LogKeyMismatchError(BundleSignatureError):
    """The log key the person pinned cannot vouch for this bundle."""

    code = "bundle_log_key_mismatch"
    default_hint = ("Check that you gave the key the registry's operator published. If you did, "
                    "this bundle's proofs are about another log (or it has none): do not rely "
                    "on it.")


class UnanchoredBundleError(BundleError):
    """The bundle carries no registry log data: nothing ties it to a log."""

    code = "bundle_unanchored"
    exit_code = 5
    default_hint = ("Ask the sender for a bundle exported after their vault synced with the "
                    "registry. To check only its signatures and hashes, knowing that nothing "
                    "ties it to a log, run `fieldkit verify --unanchored`.")


class BundleTrustError(BundleError):
    """The bundle is intact, but the log does not vouch for one of its signers."""

    code = "bundle_untrusted_signer"
    default_hint = ("The registry's log does not show that this key may sign this. Do not rely "
                    "on the bundle; ask the organisation that sent it who signed it.")


class NotInLogError(BundleTrustError):
    """A signer's enrolment, or a record's receipt, is not in the bundle (or did not verify)."""

    code = "bundle_not_in_log"
    default_hint = ("Nothing in the bundle shows the registry's log vouching for this. Ask for a "
                    "bundle exported after a sync; `--unanchored` checks the rest while saying "
                    "that this part is tied to no log.")


class SignerRoleError(BundleTrustError):
    code = "bundle_signer_role"
    default_hint = ("The log enrolled this key for another job than what it signed here (an "
                    "administrator's key, or a monitor's key over records it did not seal). Do "
                    "not rely on the bundle; ask the organisation that sent it.")


class SignerRevokedError(BundleTrustError):
    code = "bundle_signer_revoked"
    default_hint = ("The log shows this key was revoked (a lost or seized device) before it "
                    "signed. Do not rely on the bundle; ask the organisation for one exported "
                    "by a device in service.")


# --- the report ----------------------------------------------------------------------------

@dataclass
class RecordResult:
    record_id: str
    kind: str
    device: str
    fingerprint: str
    seq: int
    redacted: bool
    log_index: int | None = None
    removed: list[str] = field(default_factory=list)
    #: Who vouches that the record exists: ``"log"`` (a verified receipt), ``"exporter"`` (a
    #: note signed by the exporting device, not in the log), or None (nobody; a problem or,
    #: with ``unanchored``, a waived gap).
    vouched_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "kind": self.kind, "device": self.device,
                "fingerprint": self.fingerprint, "seq": self.seq, "redacted": self.redacted,
                "log_index": self.log_index, "removed": self.removed,
                "vouched_by": self.vouched_by}


@dataclass
class DeviceResult:
    key_id: str
    fingerprint: str
    role: str | None = None
    enrol_index: int | None = None
    revoked_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"key_id": self.key_id, "fingerprint": self.fingerprint, "role": self.role,
                "enrol_index": self.enrol_index, "revoked_at": self.revoked_at}


@dataclass
class VerificationReport:
    """What a bundle holds and what was checked; ``problems`` is empty when all passed."""

    bundle: str
    audience: str = ""
    created_at: str = ""
    exporter: str = ""
    exporter_fingerprint: str = ""
    contents_digest: str = ""
    log_origin: str | None = None
    log_key: str | None = None
    log_fingerprint: str | None = None
    log_key_pinned: bool = False
    members: int = 0
    records: list[RecordResult] = field(default_factory=list)
    devices: list[DeviceResult] = field(default_factory=list)
    checkpoints: list[tuple[int, str]] = field(default_factory=list)
    receipts_verified: int = 0
    files_verified: int = 0
    files_by_hash_only: int = 0
    dossier: str = "not checked"
    notes: list[str] = field(default_factory=list)
    problems: list[BundleError] = field(default_factory=list)
    #: What the log does not vouch for, accepted because the caller asked for ``unanchored``;
    #: empty when everything is tied to the log.
    unanchored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def anchored(self) -> bool:
        return not self.unanchored

    @property
    def exporter_notes(self) -> list[RecordResult]:
        """Notes (annotations, custody events) accepted without a receipt because the exporting
        device signed them: only its signature vouches for them, not the log."""
        return [r for r in self.records if r.vouched_by == "exporter"]

    def exporter_notes_line(self) -> str | None:
        """What the report must say about :attr:`exporter_notes`, or None if there are none."""
        notes = self.exporter_notes
        if not notes:
            return None
        counts = [(sum(r.kind == k for r in notes), k) for k in NOTE_KINDS]
        kinds = ", ".join(f"{n} {'custody event' if k == 'custody' else k}{'s' if n > 1 else ''}"
                          for n, k in counts if n)
        return (f"{len(notes)} note{'s' if len(notes) > 1 else ''} by the exporting device, not "
                f"in the registry log ({kinds}): only the exporting device's signature vouches "
                "for them; they change none of the records they are about.")

    def unanchored_line(self) -> str | None:
        """The warning that must come first in any output, or None."""
        if not self.unanchored:
            return None
        if self.log_origin is None:
            return ("UNANCHORED: nothing ties this bundle to a registry log (it carries no log "
                    "data); only the signatures of the keys it carries vouch for it.")
        return (f"UNANCHORED: nothing ties part of this bundle to the registry log "
                f"({len(self.unanchored)} item(s) below); only signatures vouch for that part.")

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "anchored": self.anchored, "unanchored": self.unanchored,
            "bundle": self.bundle, "audience": self.audience,
            "created_at": self.created_at,
            "exporter": {"device": self.exporter, "fingerprint": self.exporter_fingerprint},
            "contents_digest": self.contents_digest,
            "log": {"origin": self.log_origin, "key": self.log_key,
                    "fingerprint": self.log_fingerprint, "pinned": self.log_key_pinned},
            "members": self.members, "records": [r.to_json() for r in self.records],
            "devices": [d.to_json() for d in self.devices],
            "checkpoints": [{"size": s, "root": r} for s, r in self.checkpoints],
            "receipts_verified": self.receipts_verified,
            "exporter_notes": [r.record_id for r in self.exporter_notes],
            "files_verified": self.files_verified, "files_by_hash_only": self.files_by_hash_only,
            "dossier": self.dossier, "notes": self.notes,
            "problems": [p.to_json() for p in self.problems],
        }

    def render(self) -> str:
        """A readable report for a terminal."""
        first = self.unanchored_line()
        lines = [first] if first else []
        lines.append(f"Bundle {self.bundle}")
        if self.created_at:
            lines.append(f"  made {self.created_at} for audience {self.audience!r} by device "
                         f"{self.exporter_fingerprint}")
        if self.contents_digest:
            lines.append(f"  contents digest {self.contents_digest}")
        if self.log_origin:
            pinned = "matches the key you gave" if self.log_key_pinned else \
                "compare it with the one the registry's operator published"
            lines.append(f"  registry log {self.log_origin}, key {self.log_fingerprint} "
                         f"({pinned})")
        else:
            lines.append("  no registry log evidence (the records were never synced)")
        for gap in self.unanchored if self.log_origin else []:
            lines.append(f"  not tied to the log: {gap}")
        redacted = sum(r.redacted for r in self.records)
        logged = sum(r.log_index is not None for r in self.records)
        lines.append(f"  {len(self.records)} records ({redacted} redacted), {logged} with a "
                     f"verified receipt; {len(self.devices)} device keys, "
                     f"{sum(d.enrol_index is not None for d in self.devices)} shown enrolled")
        notes = self.exporter_notes_line()
        if notes:
            lines.append(f"  {notes}")
        lines.append(f"  {self.files_verified} attachments verified"
                     + (f", {self.files_by_hash_only} listed by hash only"
                        if self.files_by_hash_only else ""))
        lines.append(f"  dossier PDF: {self.dossier}")
        for note in self.notes:
            lines.append(f"  note: {note}")
        if self.ok and self.unanchored:
            lines.append("OK (UNANCHORED): every signature, hash and chain link in the bundle "
                         "verified, but not everything is tied to a registry log (see the first "
                         "line).")
        elif self.ok and notes:
            lines.append(f"OK: every signature, hash, chain link and proof in the bundle "
                         f"verified, and the log vouches for every signer; "
                         f"{len(self.exporter_notes)} note(s) are vouched for by the exporting "
                         "device alone (see above).")
        elif self.ok:
            lines.append("OK: every signature, hash, chain link and proof in the bundle "
                         "verified, and the log vouches for every signer.")
        else:
            lines.append(f"FAILED: {len(self.problems)} problem(s):")
            for p in self.problems:
                named = p.member is None or p.member in p.message
                lines.append(f"  - {p.message}" if named else f"  - {p.member}: {p.message}")
        return "\n".join(lines)


# --- reading the zip -----------------------------------------------------------------------

def _limit_of(name: str, max_file_bytes: int) -> int:
    if name in LIMITS:
        return LIMITS[name]
    kind = member_kind(name)
    assert kind is not None
    return max_file_bytes if kind[0] == "file" else LIMITS[kind[0]]


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if (not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name
            or "\x00" in name or ".." in parts or "." in parts or "" in parts[:-1]):
        raise UnsafeMemberError(f"The zip holds an entry with an unsafe path {name!r} "
                                "(absolute, traversal or drive letter).", member=name)
    mode = info.external_attr >> 16
    if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        raise UnsafeMemberError(f"The zip entry {name!r} is not a regular file (a folder, "
                                "link or device).", member=name)
    if info.flag_bits & 0x1:
        raise UnsafeMemberError(f"The zip entry {name!r} is encrypted.", member=name)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BundleFormatError(f"The zip entry {name!r} uses an unsupported compression "
                                "method.", member=name)
    if name not in _HEADER_MEMBERS and member_kind(name) is None:
        raise UnknownMemberError(f"The zip holds {name!r}, which is not part of a FieldKit "
                                 "bundle.", member=name)


def _check_entries(zf: zipfile.ZipFile, *, max_file_bytes: int,
                   max_total_bytes: int) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise MemberTooLargeError(f"The bundle has {len(infos)} entries; at most "
                                  f"{MAX_MEMBERS} are read.", member=None)
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = metadata = 0
    for info in infos:
        _check_name(info)
        name = info.filename
        if name in by_name:
            raise DuplicateMemberError(f"The zip holds two entries named {name!r}.",
                                       member=name)
        by_name[name] = info
        limit = _limit_of(name, max_file_bytes)
        if info.file_size > limit:
            raise MemberTooLargeError(f"{name} declares {info.file_size:,} bytes; the limit "
                                      f"for it is {limit:,}.", member=name)
        if info.file_size > MiB and info.file_size > info.compress_size * MAX_RATIO:
            raise MemberTooLargeError(f"{name} is compressed {info.file_size:,} to "
                                      f"{info.compress_size:,} bytes: refused as a zip bomb.",
                                      member=name)
        total += info.file_size
        kind = member_kind(name)
        if kind is None or kind[0] != "file":
            metadata += info.file_size
            if metadata > MAX_METADATA_BYTES:
                raise MemberTooLargeError(f"The bundle's records, proofs and keys add up to "
                                          f"more than {MAX_METADATA_BYTES:,} bytes.",
                                          member=name)
        if total > max_total_bytes:
            raise MemberTooLargeError(f"The bundle's members add up to more than "
                                      f"{max_total_bytes:,} bytes.", member=name)
    # Entries must not overlap (a zip bomb that reuses one compressed stream many times).
    ordered = sorted(infos, key=lambda i: i.header_offset)
    end_of_data = zf.start_dir
    for cur, nxt in zip(ordered, [*ordered[1:], None], strict=True):
        floor = cur.header_offset + 30 + len(cur.filename.encode("utf-8")) + cur.compress_size
        bound = nxt.header_offset if nxt is not None else end_of_data
        if floor > bound:
            raise BundleFormatError(f"The zip entry {cur.filename!r} overlaps the next one "
                                    "(a sign of a zip bomb).", member=cur.filename)
    return by_name


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, keep: bool,
                 cancel: CancelToken | None,
                 progress: Callable[[int], None]) -> tuple[str, int, bytes | None]:
    """SHA-256, size and (if ``keep``) the bytes of one member, reading at most its declared
    size plus one byte."""
    digest = hashlib.sha256()
    kept = bytearray() if keep else None
    size = 0
    try:
        with zf.open(info) as f:
            while True:
                check(cancel)
                chunk = f.read(min(_CHUNK, info.file_size + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > info.file_size:
                    raise MemberTooLargeError(f"{info.filename} holds more bytes than it "
                                              "declares.", member=info.filename)
                digest.update(chunk)
                if kept is not None:
                    kept += chunk
                progress(len(chunk))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
            NotImplementedError) as e:
        raise BundleFormatError(f"{info.filename} cannot be read from the zip: {e}.",
                                member=info.filename) from None
    return digest.hexdigest(), size, bytes(kept) if kept is not None else None


# --- small parsing helpers -----------------------------------------------------------------

def _json(data: bytes, member: str, *, canonical: bool = False) -> dict[str, Any]:
    try:
        obj = loads_strict(data)
    except EnvelopeFormatError as e:
        raise BundleFormatError(f"{member} is not valid JSON: {e.message}",
                                member=member) from None
    if not isinstance(obj, dict):
        raise BundleFormatError(f"{member} is not a JSON object.", member=member)
    if canonical and canonicalize(obj) != data:
        raise BundleFormatError(f"{member} is not canonical JSON (RFC 8785).", member=member)
    return obj


def _field(obj: Mapping[str, Any], key: str, typ: type | tuple[type, ...], member: str,
           *, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, typ) or (isinstance(value, bool) and typ is int):
        raise BundleFormatError(f"{member}: the field {key!r} is missing or has the wrong "
                                "type.", member=member, field=key)
    return value


def _b64(value: object, member: str) -> bytes:
    if not isinstance(value, str):
        raise BundleFormatError(f"{member} holds a non-text base64 value.", member=member)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BundleFormatError(f"{member} holds invalid base64.", member=member) from None


def _wrap(err: IntegrityError, cls: type[BundleError], member: str, what: str) -> BundleError:
    return cls(f"{member}: {what}: {err.message}", member=member, cause=err.code)


# --- verification --------------------------------------------------------------------------

@dataclass
class _Opened:
    """A record as the bundle presents it: its sealed envelope or a redaction statement."""

    record_id: str
    kind: str
    device: str
    seq: int
    member: str
    record: dict[str, Any]
    sealed: sealing.SealedRecord | None = None
    source_log_index: int | None = None
    removed: list[str] = field(default_factory=list)


class _Verifier:
    def __init__(self, path: Path, *, dossier: Path | None, log_key: str | None,
                 unanchored: bool, progress: Progress | None, cancel: CancelToken | None,
                 max_file_bytes: int, max_total_bytes: int) -> None:
        self.path = Path(path)
        self.unanchored = unanchored
        self.dossier = dossier
        self.pinned_log_key = log_key
        self.progress = progress
        self.cancel = cancel
        self.max_file_bytes = max_file_bytes
        self.max_total_bytes = max_total_bytes
        self.report = VerificationReport(bundle=str(path))
        self.bad: set[str] = set()
        self.data: dict[str, bytes] = {}
        self.digests: dict[str, tuple[str, int]] = {}
        self.trusted: dict[str, VerifyKey] = {}
        self.checkpoints: dict[str, Checkpoint] = {}
        self.opened_by_text: dict[str, Checkpoint] = {}
        self.records: dict[str, _Opened] = {}
        self.revoked: dict[str, str] = {}
        #: The proven log index of each revocation (None: the bundle shows no index for it).
        self.revoked_index: dict[str, int | None] = {}
        self._total = 0
        self._grand_total = 0
        self._verifier: NoteVerifier | None = None

    def fail(self, err: BundleError) -> None:
        self.report.problems.append(err)
        if err.member:
            self.bad.add(err.member)

    def attempt(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except BundleError as e:
            self.fail(e)

    # -- the run --------------------------------------------------------------------------

    def run(self) -> VerificationReport:
        try:
            zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
            raise BundleFormatError(f"{self.path.name} is not a readable zip file: {e}.",
                                    member=None) from None
        with zf:
            entries = _check_entries(zf, max_file_bytes=self.max_file_bytes,
                                     max_total_bytes=self.max_total_bytes)
            for name in _HEADER_MEMBERS:
                if name not in entries:
                    raise MissingMemberError(f"The bundle has no {name}.", member=name)
            self._grand_total = sum(i.file_size for i in entries.values())
            self._read_all(zf, [entries[n] for n in _HEADER_MEMBERS])
            manifest = self._manifest()
            # Read only what the manifest lists, and only members whose declared size is the
            # listed one: a lying zip header is refused before a byte is inflated.
            listed = {e["name"]: e["size"] for e in manifest["members"]}
            rest = []
            for name, info in entries.items():
                if name in _HEADER_MEMBERS or name not in listed:
                    continue
                if info.file_size != listed[name]:
                    self.fail(MemberDigestError(
                        f"{name} declares {info.file_size:,} bytes; the manifest lists "
                        f"{listed[name]:,}.", member=name))
                    continue
                rest.append(info)
            self._read_all(zf, rest)
        # The signature first: until it verifies, nothing the manifest says counts.
        self.attempt(self._signature, manifest)
        self._members(manifest, entries)
        self.attempt(self._sums, manifest)
        self._contents(manifest)
        return self.report

    def _read_all(self, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
        total = self._grand_total
        done = [self._total]

        def advance(n: int) -> None:
            done[0] += n
            if self.progress is not None:
                self.progress(done[0], total)

        for info in sorted(infos, key=lambda i: i.header_offset):
            kind = member_kind(info.filename)
            keep = kind is None or kind[0] != "file"
            try:
                sha, size, data = _read_member(zf, info, keep=keep, cancel=self.cancel,
                                               progress=advance)
            except BundleError as e:
                self.fail(e)
                continue
            self.digests[info.filename] = (sha, size)
            if data is not None:
                self.data[info.filename] = data
        self._total = done[0]

    def _manifest(self) -> dict[str, Any]:
        if MANIFEST not in self.data:
            raise next(p for p in self.report.problems if p.member == MANIFEST)
        m = _json(self.data[MANIFEST], MANIFEST, canonical=True)
        if m.get("_type") != BUNDLE_TYPE:
            raise BundleFormatError(f"{MANIFEST} is not a {BUNDLE_TYPE} manifest.",
                                    member=MANIFEST)
        rep = self.report
        rep.audience = _field(m, "audience", str, MANIFEST)
        rep.created_at = _field(m, "created_at", str, MANIFEST)
        if not _TIME.fullmatch(rep.created_at):
            raise BundleFormatError(f"{MANIFEST}: created_at is not an ISO 8601 UTC time.",
                                    member=MANIFEST)
        rep.contents_digest = _field(m, "contents_digest", str, MANIFEST)
        exporter = _field(m, "exporter", dict, MANIFEST)
        rep.exporter = _field(exporter, "device", str, MANIFEST)
        if not re.fullmatch(KEY_ID_PREFIX + _HEX, rep.exporter):
            raise BundleFormatError(f"{MANIFEST} names no valid exporter key id.",
                                    member=MANIFEST)
        members = _field(m, "members", list, MANIFEST)
        for entry in members:
            if not isinstance(entry, dict) or set(entry) != {"name", "sha256", "size"}:
                raise BundleFormatError(f"{MANIFEST} has a malformed member entry.",
                                        member=MANIFEST)
            _field(entry, "name", str, MANIFEST)
            _field(entry, "sha256", str, MANIFEST)
            _field(entry, "size", int, MANIFEST)
        for entry in _field(m, "records", list, MANIFEST):
            if not isinstance(entry, dict):
                raise BundleFormatError(f"{MANIFEST} has a malformed record entry.",
                                        member=MANIFEST)
            for key, typ in (("record_id", str), ("kind", str), ("device", str),
                             ("seq", int), ("redacted", bool), ("member", str)):
                _field(entry, key, typ, MANIFEST)
            _field(entry, "log_index", int, MANIFEST, optional=True)
        if _field(m, "files", str, MANIFEST) not in (FILES_INCLUDED, FILES_HASHES_ONLY):
            raise BundleFormatError(f"{MANIFEST} says neither that files are included nor "
                                    "that they are listed by hash only.", member=MANIFEST)
        if m.get("log") is not None:
            log = _field(m, "log", dict, MANIFEST)
            _field(log, "origin", str, MANIFEST)
            _field(log, "latest_checkpoint", str, MANIFEST, optional=True)
        if m.get("dossier") is not None:
            d = _field(m, "dossier", dict, MANIFEST)
            _field(d, "name", str, MANIFEST)
            _field(d, "sha256", str, MANIFEST)
            _field(d, "size", int, MANIFEST)
        return m

    def _members(self, manifest: dict[str, Any], entries: Mapping[str, Any]) -> None:
        """The zip holds exactly the manifest's members (plus the three header members)."""
        listed = {e["name"]: e for e in manifest["members"]}
        if len(listed) != len(manifest["members"]):
            raise BundleFormatError(f"{MANIFEST} lists a member twice.", member=MANIFEST)
        for name in listed:
            if name in _HEADER_MEMBERS or member_kind(name) is None:
                raise BundleFormatError(f"{MANIFEST} lists {name!r}, which is not a bundle "
                                        "member name.", member=MANIFEST)
        for name in sorted(entries):
            if name not in _HEADER_MEMBERS and name not in listed:
                self.fail(UnknownMemberError(f"{name} is in the zip but not in the signed "
                                             "manifest.", member=name))
        for name in sorted(listed):
            if name not in entries:
                self.fail(MissingMemberError(f"{name} is listed in the manifest but missing "
                                             "from the zip.", member=name))
        for name, entry in sorted(listed.items()):
            got = self.digests.get(name)
            if got is None:
                continue
            sha, size = got
            if size != entry["size"] or not hmac.compare_digest(sha, entry["sha256"]):
                self.fail(MemberDigestError(
                    f"{name} does not match the manifest: it has {size:,} bytes with SHA-256 "
                    f"{sha[:16]}…, the manifest says {entry['size']:,} bytes, "
                    f"{str(entry['sha256'])[:16]}….", member=name))
        self.report.members = len(listed)

    def _device_key(self, key_id: str, member_for: str) -> VerifyKey:
        name = f"devices/{key_hex(key_id)}.key"
        key = self.trusted.get(key_id)
        if key is None:
            raise MissingMemberError(f"{member_for} needs the device key {name}, which the "
                                     "bundle does not hold (or holds damaged).", member=name)
        return key

    def _load_devices(self) -> None:
        for name, data in sorted(self.data.items()):
            kind = member_kind(name)
            if kind is None or kind[0] != "device" or name in self.bad:
                continue
            if hashlib.sha256(data).hexdigest() != kind[1]:
                self.fail(BundleRecordError(f"{name} is not the key its name says (its SHA-256 "
                                            "differs).", member=name))
                continue
            try:
                key = VerifyKey.from_bytes(data)
            except ValidationError as e:
                self.fail(BundleFormatError(f"{name}: {e.message}", member=name))
                continue
            self.trusted[key.key_id] = key
            self.report.devices.append(DeviceResult(key.key_id, key.fingerprint))

    def _signature(self, manifest: dict[str, Any]) -> None:
        self._load_devices()
        exporter = self._device_key(self.report.exporter, SIGNATURE)
        self.report.exporter_fingerprint = exporter.fingerprint
        if manifest["exporter"].get("fingerprint") != exporter.fingerprint:
            raise BundleRecordError(f"{MANIFEST} gives the exporting device another fingerprint "
                                    "than its key has.", member=MANIFEST)
        sig = _json(self.data.get(SIGNATURE, b""), SIGNATURE)
        try:
            env = dsse.Envelope.from_json({"payload": base64.b64encode(
                self.data[MANIFEST]).decode("ascii"), **sig})
        except EnvelopeFormatError as e:
            raise BundleFormatError(f"{SIGNATURE} is malformed: {e.message}",
                                    member=SIGNATURE) from None
        try:
            dsse.verify_envelope(env, {exporter.key_id: exporter},
                                 payload_type=MANIFEST_PAYLOAD_TYPE)
        except (SignatureError, UnknownSignerError, EnvelopeFormatError) as e:
            raise BundleSignatureError(
                f"{MANIFEST} does not verify against its signature {SIGNATURE} by the "
                f"exporting device {exporter.fingerprint}: one of them was changed "
                f"({e.message})", member=MANIFEST, members=[MANIFEST, SIGNATURE]) from None

    def _sums(self, manifest: dict[str, Any]) -> None:
        data = self.data.get(SUMS)
        if data is None:
            return
        if hashlib.sha256(data).hexdigest() != manifest["contents_digest"]:
            raise MemberDigestError(f"{SUMS} does not hash to the manifest's contents digest "
                                    f"{manifest['contents_digest'][:16]}….", member=SUMS)
        if data != sums_text(manifest["members"]):
            raise BundleRecordError(f"{SUMS} does not list exactly the manifest's members.",
                                    member=SUMS)

    # -- contents -------------------------------------------------------------------------

    def _members_of(self, kind: str) -> Iterator[tuple[str, str, bytes]]:
        for name in sorted(self.data):
            k = member_kind(name)
            if k is not None and k[0] == kind and name not in self.bad:
                yield name, k[1], self.data[name]

    def _contents(self, manifest: dict[str, Any]) -> None:
        verifier = self._verifier = self._log(manifest)
        if verifier is not None:
            for name, hexid, data in self._members_of("checkpoint"):
                check(self.cancel)
                self.attempt(self._checkpoint, verifier, manifest["log"]["origin"], name,
                             hexid, data)
            self.attempt(self._forks)
        for entry in manifest["records"]:
            check(self.cancel)
            self.attempt(self._record, manifest, entry)
        referenced = {e["member"] for e in manifest["records"]}
        for kind in ("envelope", "redaction"):
            for name, _h, _d in self._members_of(kind):
                if name not in referenced:
                    self.fail(UnknownMemberError(f"{name} is not one of the manifest's "
                                                 "records.", member=name))
        if manifest["audience"] == "internal" and any(self._members_of("redaction")):
            self.fail(BundleFormatError("An internal bundle holds redaction statements.",
                                        member=next(self._members_of("redaction"))[0]))
        self._receipts(manifest, verifier)
        self._enrolments(verifier)
        self._authorise()
        self.attempt(self._chain)
        if all(e["record_id"] in self.records for e in manifest["records"]):
            self._about_the_bundle()  # else a record failed (reported): no cascade
        self._files(manifest)
        self._dossier(manifest)
        self._notes(manifest)

    def _log(self, manifest: dict[str, Any]) -> NoteVerifier | None:
        log = manifest.get("log")
        if log is None:
            for kind in ("receipt", "checkpoint", "enrolment", "logkey"):
                for name, _h, _d in self._members_of(kind):
                    self.fail(UnknownMemberError(f"{name} is in a bundle whose manifest names "
                                                 "no registry log.", member=name))
            if self.pinned_log_key is not None:
                self.fail(LogKeyMismatchError(
                    "You gave a registry log key, but the bundle carries no log data (no "
                    f"{LOG_KEY}, checkpoints or receipts) to check against it.", member=MANIFEST))
            elif self.unanchored:
                self.report.unanchored.append("the bundle carries no registry log data")
            else:
                self.fail(UnanchoredBundleError(
                    "The bundle carries no registry log data: nothing ties it to a log, so "
                    "nothing shows that its records were logged or that the registry enrolled "
                    "the devices that signed them.", member=MANIFEST))
            return None
        self.report.log_origin = log["origin"]
        if LOG_KEY not in self.data:
            self.fail(MissingMemberError(f"The manifest names a registry log but {LOG_KEY} is "
                                         "missing or damaged.", member=LOG_KEY))
            return None
        try:
            text = self.data[LOG_KEY].decode("utf-8").strip()
            verifier = NoteVerifier.from_vkey(text)
        except (UnicodeDecodeError, ValidationError) as e:
            self.fail(BundleFormatError(f"{LOG_KEY} is not a log verifier key: {e}",
                                        member=LOG_KEY))
            return None
        self.report.log_key = verifier.vkey
        digest = hashlib.sha256(verifier.verify_key.to_bytes()).hexdigest()[:16]
        self.report.log_fingerprint = " ".join(digest[i:i + 4] for i in range(0, 16, 4))
        if self.pinned_log_key is not None:
            if self.pinned_log_key.strip() != verifier.vkey:
                self.fail(LogKeyMismatchError(
                    f"{LOG_KEY} is not the registry log key you gave: the bundle's proofs are "
                    "about another log.", member=LOG_KEY))
                return None
            self.report.log_key_pinned = True
        latest = log.get("latest_checkpoint")
        if latest is not None and latest not in self.digests:
            self.fail(MissingMemberError(f"The latest checkpoint {latest} is missing.",
                                         member=latest))
        return verifier

    def _checkpoint(self, verifier: NoteVerifier, origin: str, name: str, hexid: str,
                    data: bytes) -> None:
        if hashlib.sha256(data).hexdigest() != hexid:
            raise BundleRecordError(f"{name} is not named by its SHA-256.", member=name)
        try:
            text = data.decode("utf-8")
            cp = open_checkpoint(text, verifier, origin=origin)
        except UnicodeDecodeError:
            raise BundleFormatError(f"{name} is not UTF-8 text.", member=name) from None
        except IntegrityError as e:
            raise _wrap(e, BundleProofError, name, "the checkpoint does not verify under the "
                        "bundled log key") from None
        self.checkpoints[name] = cp
        self.opened_by_text[text] = cp
        self.report.checkpoints.append((cp.size, cp.root.hex()))

    def _forks(self) -> None:
        roots: dict[int, tuple[str, bytes]] = {}
        for name, cp in sorted(self.checkpoints.items()):
            seen = roots.setdefault(cp.size, (name, cp.root))
            if seen[1] != cp.root:
                raise BundleProofError(f"{name} and {seen[0]} are signed tree heads of the "
                                       f"same size {cp.size} with different roots: the log "
                                       "forked.", member=name)

    def _record(self, manifest: dict[str, Any], entry: dict[str, Any]) -> None:
        rid, member = entry["record_id"], entry["member"]
        kind = member_kind(member)
        if kind is None or kind[0] not in ("envelope", "redaction") or kind[1] != rid:
            raise BundleFormatError(f"{MANIFEST} names {member!r} for record {rid[:12]}….",
                                    member=MANIFEST)
        if rid in self.records:
            raise BundleFormatError(f"{MANIFEST} lists record {rid[:12]}… twice.",
                                    member=MANIFEST)
        if member in self.bad or member not in self.data:
            return  # already reported
        if (kind[0] == "redaction") != entry["redacted"]:
            raise BundleFormatError(f"{MANIFEST} and {member} disagree about whether record "
                                    f"{rid[:12]}… is redacted.", member=member)
        opened = (self._envelope(member, rid) if kind[0] == "envelope"
                  else self._redaction(manifest, member, rid))
        if (opened.kind, opened.device, opened.seq) != (entry["kind"], entry["device"],
                                                        entry["seq"]):
            raise BundleRecordError(f"{member} is not the record the manifest describes (kind, "
                                    "device or sequence number differ).", member=member)
        self.records[rid] = opened
        key = self.trusted.get(opened.device)
        self.report.records.append(RecordResult(
            rid, opened.kind, opened.device, key.fingerprint if key else "?", opened.seq,
            kind[0] == "redaction", removed=opened.removed))

    def _envelope(self, member: str, rid: str) -> _Opened:
        data = self.data[member]
        try:
            env = dsse.Envelope.from_bytes(data)
        except EnvelopeFormatError as e:
            raise BundleFormatError(f"{member} is not a DSSE envelope: {e.message}",
                                    member=member) from None
        key_id = env.signatures[0].keyid
        if key_id not in self.trusted:
            self._device_key(key_id, member)
        try:
            sealed = sealing.open_sealed(env, self.trusted, expected_id=rid)
        except (SignatureError, UnknownSignerError) as e:
            raise _wrap(e, BundleSignatureError, member, "the record's signature does not "
                        "verify") from None
        except EnvelopeFormatError as e:
            named = _json(env.payload, member).get("device")
            if isinstance(named, str) and named != key_id:
                raise BundleSignatureError(
                    f"{member} names the device {named} but is signed by {key_id}: a record "
                    "counts only with the signature of the device that sealed it.",
                    member=member) from None
            if sealing.record_id_of(env.payload) != rid:
                raise BundleRecordError(f"{member} holds record "
                                        f"{sealing.record_id_of(env.payload)[:12]}…, not the "
                                        "record its name says (envelopes were swapped or "
                                        "renamed).", member=member) from None
            raise _wrap(e, BundleFormatError, member, "not a sealed record") from None
        return _Opened(rid, sealed.kind, sealed.device, sealed.seq, member, sealed.record,
                       sealed=sealed)

    def _redaction(self, manifest: dict[str, Any], member: str, rid: str) -> _Opened:
        exporter = self._device_key(manifest["exporter"]["device"], member)
        try:
            env = dsse.Envelope.from_bytes(self.data[member])
            dsse.verify_envelope(env, {exporter.key_id: exporter},
                                 payload_type=REDACTION_PAYLOAD_TYPE)
        except (SignatureError, UnknownSignerError) as e:
            raise _wrap(e, BundleSignatureError, member, "the redaction statement is not "
                        "signed by the exporting device") from None
        except EnvelopeFormatError as e:
            raise _wrap(e, BundleFormatError, member, "not a redaction statement") from None
        st = _json(env.payload, member, canonical=True)
        if st.get("_type") != REDACTION_TYPE:
            raise BundleFormatError(f"{member} is not a {REDACTION_TYPE} statement.",
                                    member=member)
        source = _field(st, "source", dict, member)
        if _field(source, "record_id", str, member) != rid:
            raise BundleRecordError(f"{member} is a statement about another record "
                                    f"({str(source['record_id'])[:12]}…).", member=member)
        if _field(st, "audience", str, member) != manifest["audience"]:
            raise BundleRecordError(f"{member} was made for the audience "
                                    f"{st['audience']!r}, not {manifest['audience']!r}.",
                                    member=member)
        removed = _field(st, "removed", list, member)
        if not removed or not all(isinstance(r, str) for r in removed):
            raise BundleFormatError(f"{member} lists no removed fields.", member=member)
        return _Opened(rid, _field(source, "kind", str, member),
                       _field(source, "device", str, member),
                       _field(source, "seq", int, member), member,
                       _field(st, "record", dict, member),
                       source_log_index=_field(source, "log_index", int, member,
                                               optional=True),
                       removed=list(removed))

    def _receipts(self, manifest: dict[str, Any], verifier: NoteVerifier | None) -> None:
        by_id = {r.record_id: r for r in self.report.records}
        listed = {e["record_id"]: e.get("log_index") for e in manifest["records"]}
        for name, rid, data in self._members_of("receipt"):
            check(self.cancel)
            if rid not in listed:
                self.fail(UnknownMemberError(f"{name} is a receipt for a record the bundle "
                                             "does not hold.", member=name))
                continue
            if verifier is None or rid not in self.records:
                continue
            try:
                index = self._receipt(manifest, verifier, name, rid, data)
            except BundleError as e:
                self.fail(e)
                continue
            if listed[rid] != index:
                self.fail(BundleRecordError(f"The manifest gives record {rid[:12]}… log index "
                                            f"{listed[rid]}, its receipt {index}.",
                                            member=name))
                continue
            by_id[rid].log_index = index
            self.report.receipts_verified += 1
        for rid, index in listed.items():
            if index is not None and f"receipts/{rid}.json" not in self.digests:
                self.fail(MissingMemberError(f"The manifest gives record {rid[:12]}… a log "
                                             "index but its receipt is missing.",
                                             member=f"receipts/{rid}.json"))

    def _proof_parts(self, obj: dict[str, Any], name: str) -> tuple[Checkpoint, int, bytes,
                                                                      list[bytes]]:
        cp_member = _field(obj, "checkpoint", str, name)
        cp = self.checkpoints.get(cp_member)
        if cp is None:
            raise MissingMemberError(f"{name} refers to the checkpoint {cp_member}, which is "
                                     "missing or did not verify.", member=name)
        index = _field(obj, "log_index", int, name)
        leaf = _b64(obj.get("leaf"), name)
        proof = [_b64(h, name) for h in _field(obj, "inclusion_proof", list, name)]
        return cp, index, leaf, proof

    def _receipt(self, manifest: dict[str, Any], verifier: NoteVerifier, name: str,
                 rid: str, data: bytes) -> int:
        obj = _json(data, name)
        cp, index, leaf, _proof = self._proof_parts(obj, name)
        try:
            receipt = Receipt(record_id=_field(obj, "record_id", str, name), log_index=index,
                              leaf=obj["leaf"], inclusion_proof=obj["inclusion_proof"],
                              checkpoint=cp.text)
        except ValueError as e:  # pydantic's ValidationError is a ValueError
            raise BundleFormatError(f"{name} is not a receipt: {e}", member=name) from None
        try:
            verify_receipt(receipt, verifier=verifier, origin=manifest["log"]["origin"],
                           record_id=rid, opened=self.opened_by_text)
        except IntegrityError as e:
            raise _wrap(e, BundleProofError, name, "the receipt does not prove the record is "
                        "in the log") from None
        rec = self.records[rid]
        try:
            check_record_leaf(leaf, record_id=rid, device=rec.device, seq=rec.seq,
                              kind=rec.kind)
        except IntegrityError as e:
            raise _wrap(e, BundleRecordError, name, "the log entry does not tie to the "
                        "record") from None
        if rec.source_log_index is not None and rec.source_log_index != index:
            raise BundleRecordError(f"{rec.member} names log index {rec.source_log_index}, "
                                    f"its receipt {index}.", member=rec.member)
        return index

    def _enrolments(self, verifier: NoteVerifier | None) -> None:
        devices = {d.key_id: d for d in self.report.devices}
        for name, hexid, data in self._members_of("enrolment"):
            check(self.cancel)
            key_id = KEY_ID_PREFIX + hexid
            if key_id not in devices:
                self.fail(UnknownMemberError(f"{name} is the enrolment of a device whose key "
                                             "the bundle does not hold.", member=name))
                continue
            if verifier is None:
                continue
            try:
                role, index = self._enrolment(name, key_id, data)
            except BundleError as e:
                self.fail(e)
                continue
            devices[key_id].role = role
            devices[key_id].enrol_index = index
            devices[key_id].revoked_at = self.revoked.get(key_id)

    def _enrolment(self, name: str, key_id: str, data: bytes) -> tuple[str, int]:
        obj = _json(data, name)
        if obj.get("key_id") != key_id:
            raise BundleRecordError(f"{name} is the enrolment of another device.", member=name)
        cp, index, leaf, proof = self._proof_parts(obj, name)
        role = _field(obj, "role", str, name)
        origin, verifier = self.report.log_origin or "", self._verifier
        assert verifier is not None
        try:
            verify_enrolment_entry(key_id=key_id, public_key=self.trusted[key_id].to_bytes(),
                                   role=role, log_index=index, leaf=leaf,
                                   inclusion_proof=proof, checkpoint=cp.text,
                                   verifier=verifier, origin=origin)
        except IntegrityError as e:
            raise _wrap(e, BundleProofError, name, "the enrolment is not proven to be in the "
                        "log") from None
        rev = obj.get("revocation")
        if rev is not None:
            if not isinstance(rev, dict):
                raise BundleFormatError(f"{name} has a malformed revocation.", member=name)
            revoked_at = _field(rev, "revoked_at", str, name)
            if rev.get("log_index") is not None:
                rcp, rindex, rleaf, rproof = self._proof_parts(rev, name)
                try:
                    verify_revocation_entry(key_id=key_id, log_index=rindex, leaf=rleaf,
                                            inclusion_proof=rproof, checkpoint=rcp.text,
                                            verifier=verifier, origin=origin)
                except IntegrityError as e:
                    raise _wrap(e, BundleProofError, name, "the revocation is not proven to "
                                "be in the log") from None
                self.revoked_index[key_id] = rindex
            else:
                self.revoked_index[key_id] = None
            self.revoked[key_id] = revoked_at
        return role, index

    def _authorise(self) -> None:
        """Who signed may sign: the log shows the exporter enrolled with a role that may export,
        not revoked; each record logged, its signer enrolled as a monitor and not revoked
        before the record's log index. The one exception: a note about the bundle's records
        (:data:`NOTE_KINDS`) signed by the exporting device itself may lack a receipt when the
        exporter passes; the report names it (``vouched_by="exporter"``). Missing log evidence
        is waived (and said first) only when the caller asked for ``unanchored``; positive
        evidence against a signer (a role, a revocation) never is."""
        if self._verifier is None:
            return  # no log data (reported by _log) or an unusable log key (reported)
        rep = self.report
        devices = {d.key_id: d for d in rep.devices}
        failed: set[str] = set()

        def missing(err: NotInLogError) -> None:
            if self.unanchored:
                rep.unanchored.append(err.message)
            else:
                self.fail(err)

        ex = devices.get(rep.exporter)
        exporter_ok = False
        if ex is not None:  # else the manifest's signature already failed
            exporter_ok = self._authorise_exporter(ex, missing)
        for rec in rep.records:
            opened = self.records.get(rec.record_id)
            if opened is None:
                continue
            if rec.log_index is not None:
                rec.vouched_by = "log"
            elif opened.kind in NOTE_KINDS and rec.device == rep.exporter:
                if exporter_ok:
                    rec.vouched_by = "exporter"
                else:
                    missing(NotInLogError(
                        f"{opened.member} is a note by the exporting device with no receipt; "
                        "such a note counts only when the log shows the exporter enrolled to "
                        "export and not revoked, which this bundle does not.",
                        member=opened.member))
                continue
            else:
                what = ("an incident" if opened.kind == "incident" else
                        "a note by another device than the exporting one")
                missing(NotInLogError(
                    f"{opened.member}: the record has no verified receipt, so nothing shows "
                    f"that the registry logged it (it is {what}; only the exporting device's "
                    "own annotations and custody events may lack one).",
                    member=f"receipts/{rec.record_id}.json"))
            d = devices.get(rec.device)
            name = f"enrolments/{key_hex(rec.device)}.json"
            if d is None or d.enrol_index is None or d.role is None:
                if rec.device not in failed:
                    failed.add(rec.device)
                    missing(NotInLogError(
                        f"The device {rec.fingerprint} that sealed {opened.member} is not shown "
                        f"enrolled in the log (no verified {name}).", member=name))
                continue
            if d.role not in SUBMIT_ROLES:
                if rec.device not in failed:
                    failed.add(rec.device)
                    self.fail(SignerRoleError(
                        f"{opened.member} is sealed by device {d.fingerprint}, enrolled as "
                        f"{d.role!r}; only {' or '.join(SUBMIT_ROLES)} devices seal records "
                        "the registry logs.", member=opened.member))
                continue
            if rec.device in self.revoked:
                at = self.revoked_index.get(rec.device)
                if at is None or rec.log_index is None or at < rec.log_index:
                    where = f"at log index {at}" if at is not None else "at an unknown log index"
                    why = (f"before the record was logged at index {rec.log_index}"
                           if at is not None and rec.log_index is not None
                           else "and nothing shows the record was logged before that")
                    self.fail(SignerRevokedError(
                        f"{opened.member} is sealed by device {d.fingerprint}, revoked {where} "
                        f"({self.revoked[rec.device]}), {why}.", member=opened.member))

    def _authorise_exporter(self, ex: DeviceResult,
                            missing: Callable[[NotInLogError], None]) -> bool:
        """Check the exporting device; True if the log shows it enrolled with a role that
        may export and the bundle shows no revocation of it."""
        name = f"enrolments/{key_hex(ex.key_id)}.json"
        if ex.enrol_index is None or ex.role is None:
            missing(NotInLogError(
                f"The exporting device {ex.fingerprint} is not shown enrolled in the log: the "
                f"bundle holds no verified {name}, so nothing shows that the registry enrolled "
                "the key that signed the manifest.", member=name))
            return False
        ok = True
        if ex.role not in EXPORT_ROLES:
            ok = False
            self.fail(SignerRoleError(
                f"The exporting device {ex.fingerprint} is enrolled as {ex.role!r}; only "
                f"{' or '.join(EXPORT_ROLES)} devices sign bundles.", member=name))
        elif ex.role == "monitor":
            others = sorted(r.member for r in self.records.values() if r.device != ex.key_id)
            if others:
                self.fail(SignerRoleError(
                    f"The exporting device {ex.fingerprint} is a monitor, which exports only "
                    f"records it sealed itself, but {others[0]}"
                    + (f" (and {len(others) - 1} more)" if len(others) > 1 else "")
                    + " was sealed by another device.", member=others[0]))
        if ex.key_id in self.revoked:
            ok = False
            at = self.revoked_index.get(ex.key_id)
            where = f"at log index {at}" if at is not None else "at an unknown log index"
            self.fail(SignerRevokedError(
                f"The exporting device {ex.fingerprint} was revoked {where} "
                f"({self.revoked[ex.key_id]}) before it signed this bundle: the bundle itself "
                "carries the revocation, so its signer had seen the log past it.", member=name))
        return ok

    def _about_the_bundle(self) -> None:
        """Every note is about a record of the bundle: an annotation's target is one of its
        incidents, or another revision of one (same ``uid``, same device); a custody event's
        file is named by one of its incidents. A note standing alone is refused."""
        incidents = [r for r in self.records.values() if r.kind == "incident"]
        named = {str(f.get("sha256")) for r in incidents for f in files_named(r.record)}
        for rec in sorted(self.records.values(), key=lambda r: r.member):
            if rec.kind == "annotation":
                note = rec.record
                target = self.records.get(str(note.get("target")))
                about = (target is not None and target.kind == "incident") or any(
                    r.device == note.get("target_device")
                    and r.record.get("uid") == note.get("target_uid") for r in incidents)
                if not about:
                    self.fail(BundleRecordError(
                        f"{rec.member} is an annotation of record "
                        f"{str(note.get('target'))[:12]}…, which this bundle does not hold (nor "
                        "any revision of that incident by its device): a note must stand beside "
                        "the record it is about.", member=rec.member))
            elif rec.kind == "custody" and str(rec.record.get("sha256")) not in named:
                self.fail(BundleRecordError(
                    f"{rec.member} is a custody event of the file "
                    f"{str(rec.record.get('sha256'))[:16]}…, which no record in this bundle "
                    "names: a note must stand beside the record it is about.",
                    member=rec.member))

    def _chain(self) -> None:
        """Consecutive records of one device must link; gaps are reported, not guessed."""
        by_device: dict[str, list[_Opened]] = {}
        for rec in self.records.values():
            by_device.setdefault(rec.device, []).append(rec)
        for device, recs in sorted(by_device.items()):
            recs.sort(key=lambda r: r.seq)
            for a, b in itertools.pairwise(recs):
                if a.seq == b.seq:
                    raise BundleChainError(f"{a.member} and {b.member} are two different "
                                           f"records #{a.seq} of one device: its chain forked.",
                                           member=b.member)
            run: list[sealing.SealedRecord] = []
            gaps: list[tuple[int, int]] = []
            unlinked = 0
            prev: _Opened | None = None
            for rec in recs:
                if prev is not None and rec.seq != prev.seq + 1:
                    gaps.append((prev.seq, rec.seq))
                elif prev is not None and rec.sealed is None:
                    unlinked += 1
                if rec.sealed is not None:
                    if rec.seq == 1 and rec.sealed.chain_prev is not None:
                        raise BundleChainError(f"{rec.member} is record #1 of its device but "
                                               "links to an earlier one.", member=rec.member)
                    if prev is not None and rec.seq == prev.seq + 1 \
                            and rec.sealed.chain_prev != prev.record_id:
                        raise BundleChainError(
                            f"{rec.member} (#{rec.seq}) does not link to the record before it "
                            f"({prev.member}, #{prev.seq}): the device chain is broken.",
                            member=rec.member)
                    if run and rec.seq == run[-1].seq + 1:
                        run.append(rec.sealed)
                    else:
                        self._check_run(run)
                        run = [rec.sealed]
                else:
                    self._check_run(run)
                    run = []
                prev = rec
            self._check_run(run)
            fp = self.trusted[device].fingerprint if device in self.trusted else device
            if unlinked:
                self.report.notes.append(
                    f"device {fp}: {unlinked} redacted record(s) follow a record of this "
                    "bundle; their link to it is inside the withheld original and cannot be "
                    "checked here.")
            if gaps:
                spans = ", ".join(f"#{a}→#{b}" for a, b in gaps[:5])
                more = f" and {len(gaps) - 5} more" if len(gaps) > 5 else ""
                self.report.notes.append(
                    f"device {fp}: the records are not consecutive ({spans}{more}); the chain "
                    "can only be checked between neighbours, so records in between may exist "
                    "that this bundle does not show.")

    @staticmethod
    def _check_run(run: list[sealing.SealedRecord]) -> None:
        if len(run) < 2:
            return
        try:
            sealing.verify_chain(run, start_seq=run[0].seq, start_prev=run[0].chain_prev)
        except ChainError as e:
            raise BundleChainError(e.message, member=None) from None

    def _files(self, manifest: dict[str, Any]) -> None:
        named: dict[str, tuple[int, str]] = {}
        for rec in self.records.values():
            if rec.kind != "incident":
                continue
            for f in files_named(rec.record):
                sha, size = f.get("sha256"), f.get("size")
                if isinstance(sha, str) and isinstance(size, int):
                    named.setdefault(sha, (size, rec.member))
        files: dict[str, str] = {}
        for name in self.digests:
            k = member_kind(name)
            if k is not None and k[0] == "file":
                files[k[1]] = name
        included = manifest["files"] == FILES_INCLUDED
        # A record that failed (and was reported) may be the one naming a file: no cascade.
        complete = all(e["record_id"] in self.records for e in manifest["records"])
        for sha, name in sorted(files.items()):
            if name in self.bad:
                continue
            if sha not in named and not complete:
                continue
            if sha not in named:
                self.fail(UnknownMemberError(f"{name} is a file no record in the bundle "
                                             "names.", member=name))
                continue
            got_sha, got_size = self.digests[name]
            if got_sha != sha or got_size != named[sha][0]:
                self.fail(MemberDigestError(
                    f"{name} does not match the SHA-256 and size its record {named[sha][1]} "
                    f"gives ({got_size:,} bytes, SHA-256 {got_sha[:16]}…).", member=name))
                continue
            self.report.files_verified += 1
        for sha in sorted(named):
            if sha in files:
                continue
            if included:
                self.fail(MissingMemberError(f"files/{sha} (named by {named[sha][1]}) is "
                                             "missing though the manifest says files are "
                                             "included.", member=f"files/{sha}"))
            else:
                self.report.files_by_hash_only += 1

    def _dossier(self, manifest: dict[str, Any]) -> None:
        d = manifest.get("dossier")
        path = self.dossier
        if path is None:
            if d is None:
                self.report.dossier = "none named by the manifest"
                return
            beside = self.path.parent / Path(str(d["name"])).name
            if not beside.is_file():
                self.report.dossier = (f"not checked: {d['name']} is not beside the bundle "
                                       "(give it with --dossier)")
                return
            path = beside
        if d is None:
            self.fail(DossierMismatchError(f"The bundle names no dossier, so {path.name} "
                                           "cannot be checked against it.", member=str(path)))
            return
        sha256, size = file_sha256(path)
        if size != d["size"] or not hmac.compare_digest(sha256, d["sha256"]):
            self.fail(DossierMismatchError(
                f"{path.name} is not the dossier the manifest names ({d['name']}, SHA-256 "
                f"{str(d['sha256'])[:16]}…): it was changed or is another file.",
                member=str(path)))
            return
        self.report.dossier = f"{path.name} verified (SHA-256 {d['sha256']})"

    def _notes(self, manifest: dict[str, Any]) -> None:
        rep = self.report
        for d in rep.devices:
            if d.revoked_at:
                at = self.revoked_index.get(d.key_id)
                rep.notes.append(f"device {d.fingerprint} was revoked at {d.revoked_at}"
                                 + (f" (log index {at})" if at is not None else "")
                                 + ": records it sealed that the log holds before then stay "
                                 "valid.")
        if rep.log_origin is not None:
            rep.notes.append("a bundle shows only the revocations its exporter knew of: to be "
                             "sure no signer was revoked before the newest checkpoint here, "
                             "ask the registry.")
        redacted = sum(r.redacted for r in rep.records)
        if redacted:
            rep.notes.append(f"{redacted} record(s) are redacted for {rep.audience!r}: their "
                             "content is vouched for by the exporting device's signature; the "
                             "log proves only that the original record exists.")


def check_bundle(path: Path, *, dossier: Path | None = None, log_key: str | None = None,
                 unanchored: bool = False,
                 progress: Progress | None = None, cancel: CancelToken | None = None,
                 max_file_bytes: int = MAX_FILE_BYTES,
                 max_total_bytes: int = MAX_TOTAL_BYTES) -> VerificationReport:
    """Run every check and return the report for display, with all problems found.

    A bundle that cannot be read at all (not a zip, unsafe or unknown entries, no readable
    manifest) gets a report with that one problem. ``log_key`` pins the registry's log
    verifier key (else the bundled key is used and the report says to compare it).
    ``unanchored`` accepts a bundle with no log data, or with signers or records the log does
    not vouch for; the report then says so first (:meth:`VerificationReport.unanchored_line`).
    """
    verifier = _Verifier(Path(path), dossier=dossier, log_key=log_key,
                         unanchored=unanchored, progress=progress,
                         cancel=cancel, max_file_bytes=max_file_bytes,
                         max_total_bytes=max_total_bytes)
    try:
        return verifier.run()
    except BundleError as e:
        verifier.fail(e)
        return verifier.report


def verify_bundle(path: Path, *, dossier: Path | None = None, log_key: str | None = None,
                  unanchored: bool = False,
                  progress: Progress | None = None, cancel: CancelToken | None = None,
                  max_file_bytes: int = MAX_FILE_BYTES,
                  max_total_bytes: int = MAX_TOTAL_BYTES) -> VerificationReport:
    """Verify a bundle offline; return the report or raise the first :class:`BundleError`
    (see :func:`first_problem`)."""
    report = check_bundle(path, dossier=dossier, log_key=log_key, unanchored=unanchored,
                          progress=progress, cancel=cancel, max_file_bytes=max_file_bytes,
                          max_total_bytes=max_total_bytes)
    if report.problems:
        raise first_problem(report)
    return report


def first_problem(report: VerificationReport) -> BundleError:
    """The problem to raise: the first one, except that a missing log (exit 5) yields to any
    other failure (exit 4), which says more about the bundle."""
    assert report.problems
    return next((p for p in report.problems if not isinstance(p, UnanchoredBundleError)),
                report.problems[0])


__all__ = [
    "EXPORT_ROLES", "NOTE_KINDS", "SUBMIT_ROLES",
    "BundleChainError", "BundleError", "BundleFormatError", "BundleProofError",
    "BundleRecordError", "BundleSignatureError", "BundleTrustError", "DeviceResult",
    "DossierMismatchError", "DuplicateMemberError", "LogKeyMismatchError", "MemberDigestError",
    "MemberTooLargeError", "MissingMemberError", "NotInLogError", "RecordResult",
    "SignerRevokedError", "SignerRoleError", "UnanchoredBundleError", "UnknownMemberError",
    "UnsafeMemberError", "VerificationReport", "check_bundle", "files_named",
    "first_problem", "member_kind", "sums_text", "verify_bundle",
]

