"""Writing a dossier's verification bundle: a zip anyone can check offline.

:func:`plan_bundle` decides every member (and so the *contents digest* the PDF prints) without
writing anything; :func:`write_bundle` then writes the zip atomically, with the PDF's SHA-256
in the manifest, signed by the exporting device. The layout and the checks are in
:mod:`fieldkit.export.verify`; ``docs/adr/0010-bundle.md`` says why it is shaped this way.

The audience rule holds for the bundle as for the PDF: every incident goes through
:func:`~fieldkit.export.audience.redact`. A record with nothing removed goes in with its
original sealed envelope. A record the audience may not see whole cannot (its envelope holds
the removed text), so a *redaction statement* signed by the exporting device takes its place:
the source record's id, device, sequence number and log index, the removed paths and the
redacted record. The source's receipt still proves the original is in the registry's log.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.dsse import Envelope, sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.domain.sealing import SealedRecord
from fieldkit.errors import DigestMismatchError, NotFoundError, ValidationError
from fieldkit.export.audience import check_audience, incident_allowed, redact, redact_custody
from fieldkit.export.selection import visible_annotations
from fieldkit.export.verify import (
    BUNDLE_TYPE,
    FILES_HASHES_ONLY,
    FILES_INCLUDED,
    LOG_KEY,
    MANIFEST,
    MANIFEST_PAYLOAD_TYPE,
    REDACTION_PAYLOAD_TYPE,
    REDACTION_TYPE,
    SIGNATURE,
    SUMS,
    files_named,
    key_hex,
    sums_text,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import VaultService
from fieldkit.storage.attachments import StoredBlob
from fieldkit.storage.vault import now_iso
from fieldkit.sync import provenance as prov

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PlannedRecord:
    """One record of the bundle, as the dossier's verification appendix shows it."""

    record_id: str
    kind: str
    device: str
    signer_fingerprint: str
    seq: int
    log_index: int | None
    redacted: bool
    member: str
    removed: tuple[str, ...] = ()
    record: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class PlannedFile:
    """An attachment the bundle's records name."""

    sha256: str
    size: int
    media_type: str
    file_name: str
    included: bool
    blob: StoredBlob | None = field(default=None, repr=False, compare=False)

    @property
    def member(self) -> str:
        return f"files/{self.sha256}"


@dataclass(frozen=True)
class BundlePlan:
    """Everything a bundle will hold, decided before anything is written."""

    audience: str
    include_files: bool
    exporter: str
    exporter_fingerprint: str
    records: tuple[PlannedRecord, ...]
    files: tuple[PlannedFile, ...]
    checkpoint: str | None
    log_identity: prov.LogIdentity | None
    contents_digest: str
    members: tuple[dict[str, Any], ...] = field(repr=False)
    data: dict[str, bytes] = field(repr=False, compare=False)
    service: VaultService = field(repr=False, compare=False)

    @property
    def record_ids(self) -> list[str]:
        return [r.record_id for r in self.records]

    @property
    def size(self) -> int:
        """Bytes of all members (before the zip's own overhead)."""
        return sum(int(m["size"]) for m in self.members)


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    sha256: str
    size: int
    contents_digest: str
    records: int
    members: int
    files_included: bool
    dossier_sha256: str | None


def _member(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64_list(hashes: Iterable[bytes]) -> list[str]:
    return [_b64(h) for h in hashes]


def _json_bytes(obj: Any) -> bytes:
    return canonicalize(obj)


def _checkpoint_member(text: str) -> tuple[str, bytes]:
    data = text.encode("utf-8")
    return f"checkpoints/{hashlib.sha256(data).hexdigest()}.txt", data


def _custody_ids(service: VaultService, digests: Iterable[str]) -> list[str]:
    """Sealed custody events (after sealing) of the given evidence files, oldest first."""
    wanted = set(digests)
    rows = service.vault.read().execute(
        "SELECT record_id, sha256 FROM custody_events WHERE record_id IS NOT NULL ORDER BY id")
    return [str(rid) for rid, sha in rows if sha in wanted]


def plan_bundle(service: VaultService, record_ids: list[str], *, audience: str,
                include_files: bool = True, include_custody: bool = True,
                cancel: CancelToken | None = None) -> BundlePlan:
    """Decide a bundle's members for sealed ``record_ids`` (incidents, usually from
    :func:`~fieldkit.export.selection.select_records`) and ``audience``; write nothing.

    Each record is verified; incidents go through ``redact()``. The annotations of each
    incident that the audience may see go in as their own sealed envelopes. With ``include_custody``
    the sealed custody events of the evidence the audience sees are added. Receipts and
    enrolments are re-verified against the vault's pinned log key before they go in.
    Redaction statements are signed here, by this vault's device key: ``write_bundle`` must be
    given the same key.
    """
    check_audience(audience)
    signer = service.vault.device_key
    exporter = signer.verify_key
    ident = prov.log_identity(service)
    verifier = ident.verifier if ident is not None else None
    data: dict[str, bytes] = {}
    records: list[PlannedRecord] = []
    files: dict[str, PlannedFile] = {}
    devices: dict[str, VerifyKey] = {exporter.key_id: exporter}
    checkpoints: dict[str, str] = {}
    seen: set[str] = set()

    def add_record(record_id: str) -> None:
        check(cancel)
        if record_id in seen:
            return
        seen.add(record_id)
        sealed = service.sealed_record(record_id)
        p = prov.provenance(service, record_id)
        devices[p.device_key.key_id] = p.device_key
        log_index = None
        if p.receipt is not None and ident is not None and verifier is not None:
            cp = prov.verify_record_receipt(p.receipt, sealed, verifier=verifier,
                                            origin=ident.origin)
            name, _ = _checkpoint_member(cp.text)
            checkpoints[name] = cp.text
            log_index = p.receipt.log_index
            data[f"receipts/{record_id}.json"] = _json_bytes({
                "checkpoint": name, "inclusion_proof": list(p.receipt.inclusion_proof),
                "leaf": p.receipt.leaf, "log_index": log_index, "record_id": record_id})
        shown, removed = _shown(sealed, audience)
        if removed:
            member = f"redactions/{record_id}.json"
            data[member] = _redaction(sealed, shown, removed, audience=audience,
                                      log_index=log_index, signer=signer).to_bytes()
        else:
            member = f"envelopes/{record_id}.json"
            data[member] = sealed.envelope.to_bytes()
        records.append(PlannedRecord(record_id, sealed.kind, sealed.device,
                                     p.device_key.fingerprint, sealed.seq, log_index,
                                     bool(removed), member, tuple(removed), shown))
        if sealed.kind == "incident":
            for f in files_named(shown):
                files.setdefault(str(f["sha256"]), _planned_file(service, f, include_files))

    for rid in record_ids:
        add_record(rid)
    # annotations beside the incidents (what the dossier prints), sealed by whoever wrote them
    for planned in list(records):
        if planned.kind == "incident":
            for note in visible_annotations(service, service.get(planned.record_id), audience):
                add_record(str(note["record_id"]))
    if include_custody:
        for rid in _custody_ids(service, files):
            add_record(rid)

    if ident is not None:
        data[LOG_KEY] = (ident.vkey + "\n").encode("utf-8")
    for key_id, key in devices.items():
        data[f"devices/{key_hex(key_id)}.key"] = key.to_bytes()
        e = prov.enrolment(service, key_id) if ident is not None else None
        if e is None or verifier is None or ident is None:
            continue
        cp = prov.verify_enrolment(e, verifier=verifier, origin=ident.origin)
        name, _ = _checkpoint_member(cp.text)
        checkpoints[name] = cp.text
        entry: dict[str, Any] = {"checkpoint": name, "key_id": key_id,
                                 "log_index": e.log_index,
                                 "inclusion_proof": _b64_list(e.inclusion_proof),
                                 "leaf": _b64(e.leaf), "role": e.role}
        r = e.revocation
        if r is not None:
            entry["revocation"] = {"revoked_at": r.revoked_at, "log_index": r.log_index}
            if r.log_index is not None and r.leaf is not None and r.checkpoint is not None:
                rname, _ = _checkpoint_member(r.checkpoint)
                checkpoints[rname] = r.checkpoint
                entry["revocation"].update({"checkpoint": rname, "leaf": _b64(r.leaf),
                                            "inclusion_proof": _b64_list(
                                                r.inclusion_proof or [])})
        data[f"enrolments/{key_hex(key_id)}.json"] = _json_bytes(entry)
    latest = prov.latest_checkpoint(service) if ident is not None else None
    if latest is not None:
        checkpoints[_checkpoint_member(latest)[0]] = latest
    for name, text in checkpoints.items():
        data[name] = text.encode("utf-8")

    members = [_member(name, blob) for name, blob in data.items()]
    members += [{"name": f.member, "sha256": f.sha256, "size": f.size}
                for f in files.values() if f.included]
    members.sort(key=lambda m: str(m["name"]))
    contents_digest = hashlib.sha256(sums_text(members)).hexdigest()
    return BundlePlan(audience=audience, include_files=include_files,
                      exporter=exporter.key_id, exporter_fingerprint=exporter.fingerprint,
                      records=tuple(records), files=tuple(files.values()), checkpoint=latest,
                      log_identity=ident, contents_digest=contents_digest,
                      members=tuple(members), data=data, service=service)


def _shown(sealed: SealedRecord, audience: str) -> tuple[dict[str, Any], list[str]]:
    """The record as the audience may see it and what was removed (custody events: the note
    is for ``internal`` only)."""
    if sealed.kind == "custody":
        c = redact_custody(sealed.record, audience)
        return c.record, list(c.removed)
    if sealed.kind != "incident":
        return sealed.record, []
    if not incident_allowed(sealed.record, audience):
        raise ValidationError(f"Incident {sealed.record_id[:12]}… is marked "
                              f"{sealed.record.get('confidentiality')!r} and may not go into a "
                              f"bundle for {audience!r}.")
    r = redact(sealed.record, audience)
    return r.record, list(r.removed)


def _redaction(sealed: SealedRecord, shown: dict[str, Any], removed: list[str], *,
               audience: str, log_index: int | None, signer: SigningKey) -> Envelope:
    statement = {
        "_type": REDACTION_TYPE, "audience": audience, "removed": removed, "record": shown,
        "source": {"record_id": sealed.record_id, "device": sealed.device, "seq": sealed.seq,
                   "kind": sealed.kind, "prev": sealed.prev, "sealed_at": sealed.sealed_at,
                   "log_index": log_index},
    }
    return sign_envelope(canonicalize(statement), REDACTION_PAYLOAD_TYPE, signer)


def _planned_file(service: VaultService, ref: dict[str, Any], include: bool) -> PlannedFile:
    sha, size = str(ref["sha256"]), int(ref["size"])
    blob = None
    if include:
        blob = service.stored_blob(sha, size)
        if blob is None:
            raise NotFoundError(f"The file {ref.get('file_name', sha[:12])} ({sha[:12]}…) is "
                                "not in this vault, so it cannot go into the bundle.",
                                hint="Export the bundle with hashes only (no files), or pull "
                                     "the file first.")
    return PlannedFile(sha, size, str(ref.get("media_type", "")), str(ref.get("file_name", "")),
                       include, blob)


# --- writing -------------------------------------------------------------------------------

_TEMP_PDF = re.compile(r"^\.(.+)\.[A-Za-z0-9_]{8}\.part$")


def _dossier_entry(pdf: Path, name: str | None) -> dict[str, Any]:
    sha256, size = file_sha256(pdf)
    if name is None:
        # A PDF rendered to a temp file beside its destination (".NAME.XXXXXXXX.part")
        # is named by its destination.
        m = _TEMP_PDF.match(pdf.name)
        name = m.group(1) if m else pdf.name
    return {"name": name, "sha256": sha256, "size": size}


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    t = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone(UTC)
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def write_bundle(plan: BundlePlan, out_zip: Path, *, dossier_pdf: Path | None,
                 signer: SigningKey, dossier_name: str | None = None,
                 progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> BundleSummary:
    """Write the planned bundle to ``out_zip`` atomically (a temp file beside it, then
    ``os.replace``; nothing is left on error or cancel). The manifest carries the PDF's
    SHA-256 (named ``dossier_name``, default the PDF's file name) and is signed by ``signer``,
    which must be the device key that planned the bundle."""
    if signer.verify_key.key_id != plan.exporter:
        raise ValidationError("The bundle must be signed by the device that planned it (its "
                              "redaction statements and enrolment are that device's).")
    out_zip = Path(out_zip)
    if not out_zip.parent.is_dir():
        raise NotFoundError(f"The folder {out_zip.parent} does not exist.")
    created_at = now_iso()
    ident = plan.log_identity
    dossier = _dossier_entry(Path(dossier_pdf), dossier_name) if dossier_pdf else None
    manifest = {
        "_type": BUNDLE_TYPE, "audience": plan.audience, "contents_digest": plan.contents_digest,
        "created_at": created_at,
        "dossier": dossier,
        "exporter": {"device": plan.exporter, "fingerprint": plan.exporter_fingerprint},
        "files": FILES_INCLUDED if plan.include_files else FILES_HASHES_ONLY,
        "log": None if ident is None else {
            "origin": ident.origin, "key": LOG_KEY,
            "latest_checkpoint": (_checkpoint_member(plan.checkpoint)[0]
                                  if plan.checkpoint else None)},
        "members": list(plan.members),
        "records": [{"record_id": r.record_id, "kind": r.kind, "device": r.device,
                     "seq": r.seq, "log_index": r.log_index, "redacted": r.redacted,
                     "member": r.member} for r in plan.records],
    }
    manifest_bytes = canonicalize(manifest)
    env = sign_envelope(manifest_bytes, MANIFEST_PAYLOAD_TYPE, signer)
    sig = {k: v for k, v in env.to_json().items() if k != "payload"}
    header = {MANIFEST: manifest_bytes, SIGNATURE: canonicalize(sig),
              SUMS: sums_text(list(plan.members))}
    when = _zip_time(created_at)
    total = plan.size
    done = 0
    fd, tmp_name = tempfile.mkstemp(dir=out_zip.parent, prefix=f".{out_zip.name}.",
                                    suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as raw:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                for name, blob in [*header.items(), *sorted(plan.data.items())]:
                    check(cancel)
                    info = zipfile.ZipInfo(name, when)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = (stat.S_IFREG | 0o644) << 16
                    zf.writestr(info, blob)
                    done += len(blob) if name in plan.data else 0
                    if progress is not None:
                        progress(done, total)
                for f in plan.files:
                    if not f.included:
                        continue
                    done = _copy_file(plan.service, f, zf, when, done=done, total=total,
                                      progress=progress, cancel=cancel)
            raw.flush()
            os.fsync(raw.fileno())
        sha256, size = file_sha256(tmp)
        os.replace(tmp, out_zip)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return BundleSummary(out_zip, sha256, size, plan.contents_digest,
                         len(plan.records), len(plan.members) + len(header),
                         plan.include_files,
                         str(dossier["sha256"]) if dossier else None)


class _Hashing:
    """A write-only stream into a zip member that hashes what passes through."""

    def __init__(self, out: BinaryIO, progress: Progress | None, done: int,
                 total: int) -> None:
        self.out = out
        self.sha = hashlib.sha256()
        self.size = 0
        self.progress = progress
        self.done = done
        self.total = total

    def write(self, data: bytes) -> int:
        self.out.write(data)
        self.sha.update(data)
        self.size += len(data)
        if self.progress is not None:
            self.progress(self.done + self.size, self.total)
        return len(data)


def _copy_file(service: VaultService, f: PlannedFile, zf: zipfile.ZipFile,
               when: tuple[int, int, int, int, int, int], *, done: int, total: int,
               progress: Progress | None, cancel: CancelToken | None) -> int:
    """Decrypt one attachment straight into its zip member (stored: photos and audio are
    compressed already), checking its SHA-256 and size against the record."""
    assert f.blob is not None
    info = zipfile.ZipInfo(f.member, when)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.file_size = f.size
    reader = service.vault.attachments.open(f.blob, label=f.file_name or f.sha256)
    with reader, zf.open(info, "w", force_zip64=f.size > 0x7FFFFFFF) as member:
        sink = _Hashing(member, progress, done, total)  # type: ignore[arg-type]
        while True:
            check(cancel)
            chunk = reader.read(_CHUNK)
            if not chunk:
                break
            sink.write(chunk)
    if sink.size != f.size or sink.sha.hexdigest() != f.sha256:
        raise DigestMismatchError(f"The vault's copy of {f.file_name or f.sha256} does not "
                                  "match the SHA-256 and size its record gives.",
                                  hint="Run `fieldkit vault check`; restore the file from a "
                                       "backup.", sha256=f.sha256)
    return done + sink.size


__all__ = ["BundlePlan", "BundleSummary", "PlannedFile", "PlannedRecord", "plan_bundle",
           "write_bundle"]

