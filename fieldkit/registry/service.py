"""The registry's business logic, independent of HTTP: enrolment, ingest with receipts,
revocation, enrolment codes. The FastAPI app (:mod:`fieldkit.registry.app`) and the
``fieldkit-registry`` command both call this.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import VerifyKey
from fieldkit.crypto.orgkey import OrgPublicKey
from fieldkit.errors import (
    EnvelopeFormatError,
    FieldKitError,
    IntegrityError,
    NotFoundError,
    SignatureError,
    UnknownSignerError,
    ValidationError,
)
from fieldkit.registry.config import RegistryConfig, RegistryHome
from fieldkit.registry.store import (
    AuditEvent,
    ExportEvent,
    IncomingRecord,
    Ingested,
    RegistryStore,
)
from fieldkit.sync import protocol as p
from fieldkit.sync import submission
from fieldkit.sync.checkpoint import NoteSigner
from fieldkit.sync.enrollment import EnrollmentCode, proof_message


def now_iso(clock: Callable[[], datetime] | None = None) -> str:
    t = clock() if clock else datetime.now(UTC)
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class FilesMissingError(ValidationError):
    code = "files_missing"
    http_status = 409


class RecordRejectedError(IntegrityError):
    """One envelope in a batch failed verification; the batch is refused as a whole."""

    code = "record_rejected"
    http_status = 400
    default_hint = ("Nothing of this batch was stored. Records travel as submissions signed by "
                    "this device and sealed to the organisation's key; update FieldKit, or "
                    "tell an administrator if this repeats.")


class UnsealedRecordError(EnvelopeFormatError):
    """An envelope that is not a submission sealed to the organisation's key: the registry
    refuses it at ingest, so staff never meet it in a pull."""

    code = "unsealed_record"


@dataclass
class Registry:
    config: RegistryConfig
    store: RegistryStore
    signer: NoteSigner
    pin: str

    @classmethod
    def open(cls, home: RegistryHome) -> Registry:
        config = home.load()
        store = RegistryStore.open(config.database,
                                   chunk_dir=None if config.chunks_in_database
                                   else home.chunk_dir)
        return cls(config, store, NoteSigner(config.log_key_name, home.log_key()), home.pin())

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the log ------------------------------------------------------------------------------

    def sign(self, size: int, root: bytes) -> str:
        return self.signer.sign_checkpoint(self.config.origin, size, root).text

    def receipts(self, results: Sequence[Ingested], checkpoint: str) -> list[p.Receipt]:
        """Receipts for logged records, their proofs up to ``checkpoint``, read in one go."""
        material = self.store.receipts_material([r.log_index for r in results],
                                                _checkpoint_size(checkpoint))
        return [p.Receipt(record_id=r.record_id, log_index=r.log_index, leaf=b64(leaf),
                          inclusion_proof=[b64(h) for h in proof], checkpoint=checkpoint,
                          duplicate=r.duplicate, gap=list(r.gap) if r.gap else None)
                for r, (leaf, proof) in zip(results, material, strict=True)]

    # --- enrolment ----------------------------------------------------------------------------

    def new_enroll_code(self, *, role: str, ttl_hours: int = 72,
                        by: str = "registry-operator") -> EnrollmentCode:
        if role not in ("monitor", "staff", "admin"):
            raise ValidationError(f"Role must be monitor, staff or admin, not {role!r}.")
        code_id = secrets.token_urlsafe(12)
        secret = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        expires = now + timedelta(hours=ttl_hours)
        self.store.add_enroll_code(code_id=code_id,
                                   secret_hash=hashlib.sha256(secret.encode()).digest(),
                                   role=role, created_at=now_iso(lambda: now),
                                   expires_at=now_iso(lambda: expires))
        self.store.append([p.admin_entry(action="enroll-code", by=by, at=now_iso(lambda: now),
                                         detail={"code_id": code_id, "role": role})],
                          sign=self.sign, now=now_iso(lambda: now))
        org = self.org_key()
        return EnrollmentCode(url=self.config.url, pin=self.pin, log_key=self.signer.vkey,
                              origin=self.config.origin, role=role, code_id=code_id,
                              secret=secret, expires_at=now_iso(lambda: expires),
                              org_key=org[0] if org else None)

    def enroll(self, req: p.EnrollRequest) -> p.EnrollResponse:
        try:
            public_key = base64.b64decode(req.public_key, validate=True)
            proof = base64.b64decode(req.proof, validate=True)
            key = VerifyKey.from_bytes(public_key)
        except ValueError:
            raise ValidationError("The public key or proof is not valid base64.") from None
        try:
            key.verify(proof, proof_message(code_id=req.code_id, public_key=public_key,
                                            origin=self.config.origin))
        except SignatureError:
            raise SignatureError("The proof of possession does not verify: the device must sign "
                                 "the enrolment message with the key it registers.") from None
        now = now_iso()
        # one transaction: the code spent, the device row and its log entry, or none of them
        role, index, checkpoint = self.store.enroll_device(
            code_id=req.code_id, secret_hash=hashlib.sha256(req.secret.encode()).digest(),
            key_id=key.key_id, public_key=public_key, label=req.label, now=now,
            entry=lambda role: p.device_entry(action="enrol", key_id=key.key_id,
                                              public_key=public_key, role=role, at=now),
            sign=self.sign)
        return p.EnrollResponse(key_id=key.key_id, role=role, enrol_index=index,
                                checkpoint=checkpoint, origin=self.config.origin,
                                log_key=self.signer.vkey)

    def revoke(self, key_id: str, *, by: str) -> int:
        """Revoke a device and log it, in one transaction; return the revocation's log index
        (kept on the device, so its enrolment answer can prove the revocation)."""
        device = self.store.device(key_id)
        if device is None:
            raise NotFoundError(f"No device {key_id}.")
        now = now_iso()
        if not self.store.revoke_device(
                key_id, at=now, sign=self.sign,
                entry=p.device_entry(action="revoke", key_id=key_id, at=now, by=by)):
            raise ValidationError(f"Device {key_id} is already revoked.")
        revoked = self.store.device(key_id)
        assert revoked is not None and revoked.revoke_index is not None
        return revoked.revoke_index

    def enrolment(self, key_id: str) -> p.DeviceEnrolment:
        """A device's enrolment log entry (and revocation entry, if logged) with inclusion
        proofs under the current checkpoint: what lets anyone tie its key to the log."""
        dev = self.store.device(key_id)
        if dev is None or dev.enrol_index is None:
            raise NotFoundError(f"No enrolment of device {key_id[:20]}… in this log.")
        checkpoint = self.store.checkpoint()
        indices = [dev.enrol_index] + ([dev.revoke_index] if dev.revoke_index is not None
                                       else [])
        material = self.store.receipts_material(indices, _checkpoint_size(checkpoint))
        (leaf, proof), *rest = material
        revocation = None
        if rest:
            assert dev.revoke_index is not None
            revocation = p.LogEntryProof(log_index=dev.revoke_index, leaf=b64(rest[0][0]),
                                         inclusion_proof=[b64(h) for h in rest[0][1]])
        return p.DeviceEnrolment(key_id=dev.key_id, public_key=b64(dev.public_key),
                                 role=dev.role, log_index=dev.enrol_index, leaf=b64(leaf),
                                 inclusion_proof=[b64(h) for h in proof], checkpoint=checkpoint,
                                 revoked_at=dev.revoked_at, revocation=revocation)

    # --- export events ------------------------------------------------------------------------

    def report_exports(self, req: p.ReportExports, *, device: str, role: str,
                       remote: str = "") -> p.ExportsReported:
        """Append each newly reported export to the audit log (action ``export``); a repeat
        of an already reported one (same id, same content, same device) changes nothing."""
        now = now_iso()
        events = []
        for e in req.exports:
            detail = {"export_id": e.id, "at": e.at, "kind": e.kind, "audience": e.audience,
                      "language": e.language, "records": len(e.record_ids),
                      "record_ids": list(e.record_ids),
                      "files": [{"sha256": f.sha256, "size": f.size} for f in e.files]}
            summary = (f"{e.kind}{f' ({e.language})' if e.language else ''} for {e.audience}: "
                       f"{len(e.record_ids)} records, {len(e.files)} files")
            events.append(ExportEvent(
                export_id=e.id, device=device, digest=p.export_digest(e),
                audit=AuditEvent(at=now, device=device, role=role, method="POST",
                                 path=f"{p.API}/exports", action="export", outcome="ok",
                                 status=200, reason=summary, remote=remote[:200],
                                 detail=canonicalize(detail).decode("utf-8"))))
        fresh = self.store.record_exports(events)
        return p.ExportsReported(
            new=[e.id for e, new in zip(req.exports, fresh, strict=True) if new],
            duplicates=[e.id for e, new in zip(req.exports, fresh, strict=True) if not new])

    # --- ingest -------------------------------------------------------------------------------

    def ingest(self, envelopes: Sequence[dict[str, Any]], *, device: str) -> list[p.Receipt]:
        """Verify every envelope (signed by the submitting device), then store and log them
        in one transaction. A bad envelope refuses the whole batch and names it."""
        dev = self.store.device(device)
        if dev is None:
            raise NotFoundError(f"Unknown device {device}.")
        trusted = {dev.key_id: VerifyKey.from_bytes(dev.public_key)}
        incoming = []
        for i, obj in enumerate(envelopes):
            try:
                incoming.append(self._verify(obj, trusted))
            except UnknownSignerError:
                raise RecordRejectedError(f"Envelope {i} is not signed by the submitting device.",
                                          index=i, reason="unknown_signer") from None
            except (EnvelopeFormatError, SignatureError) as e:
                raise RecordRejectedError(f"Envelope {i} failed verification: {e.message}",
                                          index=i, reason=e.code) from None
        results, checkpoint = self.store.ingest(
            incoming, entry=lambda r: p.record_entry(record_id=r.record_id, device=r.device,
                                                     seq=r.seq, kind=r.kind),
            sign=self.sign, now=now_iso())
        return self.receipts(results, checkpoint)

    def _verify(self, obj: object, trusted: dict[str, VerifyKey]) -> IncomingRecord:
        """A submission: signed by the submitting device and sealed to this registry's
        organisation key, its files already assembled here. Anything else (a record in the
        clear, another payload type, an outer layer that does not parse or verify) is refused:
        staff can open only what is sealed to them, so it must never reach a pull."""
        env = Envelope.from_json(obj)
        if env.payload_type != submission.PAYLOAD_TYPE:
            raise UnsealedRecordError(
                f"it is a {env.payload_type[:80]!r} envelope, not a submission sealed to the "
                "organisation's key (records in the clear are not accepted)")
        sub = submission.open_outer(env, trusted=trusted)
        org = self.org_key()
        if org is None:
            raise UnsealedRecordError("no organisation key is registered here, so nothing can "
                                      "be sealed to it yet")
        if sub.org_key_id != OrgPublicKey.from_text(org[0]).key_id:
            raise EnvelopeFormatError("The record is sealed to another organisation key "
                                      "than this registry's.")
        for sha, size in sub.files:
            found = self.store.file(sha)
            if found is None or found[0] != size:
                raise FilesMissingError(f"Record {sub.record_id[:12]}… names the file "
                                        f"{sha[:12]}…, which is not uploaded yet.",
                                        hint="Upload attachments before their records.",
                                        sha256=sha)
        return IncomingRecord(record_id=sub.record_id, device=sub.device, seq=sub.seq,
                              chain_prev=sub.chain_prev, kind=sub.kind,
                              envelope=env.to_bytes())

    # --- the organisation key -------------------------------------------------------------

    def org_key(self) -> tuple[str, int | None] | None:
        """The staff's current public key (text form) and the log index of its registration."""
        return self.store.setting("org_key")

    def org_key_registration(self, key_id: str | None = None) -> p.OrgKeyResponse:
        """The current organisation key (or the one named ``key_id``, current or retired)
        with the proof of its registration: its log entry, an inclusion proof under the
        current checkpoint, and the registering admin's enrolment entry (ADR 0019)."""
        current = self.org_key()
        found: tuple[str, int | None] | None
        if key_id is None:
            found = current
        else:
            found = self.store.setting(f"org_key:{key_id}")
            if found is None and current is not None \
                    and OrgPublicKey.from_text(current[0]).key_id == key_id:
                found = current  # registered before the history was kept
        if found is None:
            raise NotFoundError("No organisation key is registered yet." if key_id is None
                                else f"The organisation key {key_id[:20]}… was never "
                                     "registered here.",
                                hint="Staff create one with `fieldkit org-key init`; an "
                                     "administrator registers its public part with "
                                     "`fieldkit org-key register KEY`.")
        text, index = found
        key = OrgPublicKey.from_text(text)
        if index is None:
            return p.OrgKeyResponse(org_key=text, log_index=None, key_id=key.key_id)
        checkpoint = self.store.checkpoint()
        [(leaf, proof)] = self.store.receipts_material([index], _checkpoint_size(checkpoint))
        admin = None
        try:
            entry = loads_strict(leaf)
        except EnvelopeFormatError:
            entry = None
        by = entry.get("by") if isinstance(entry, dict) else None
        if isinstance(by, str) and self.store.device(by) is not None:
            admin = self.enrolment(by)
        return p.OrgKeyResponse(org_key=text, log_index=index, key_id=key.key_id,
                                leaf=b64(leaf), inclusion_proof=[b64(h) for h in proof],
                                checkpoint=checkpoint, admin=admin)

    def set_org_key(self, text: str, *, by: str,
                    request: dict[str, str] | None = None) -> int:
        """Register ``text`` as the current organisation key and log it (with the admin's
        signed ``request``, so devices can check an admin registered it). Registering the
        current key again changes nothing; a key registered before and since replaced is
        refused (monitors never move back to a retired key)."""
        key = OrgPublicKey.from_text(text)
        current = self.org_key()
        if current is not None and current[0] == key.to_text() and current[1] is not None:
            return current[1]
        if self.store.setting(f"org_key:{key.key_id}") is not None:
            raise ValidationError(
                f"The organisation key {key.fingerprint} was registered before and has been "
                "replaced since; a retired key is never registered again.",
                hint="Create a new key with `fieldkit org-key rotate` (staff) and register "
                     "that one.")
        keep: dict[str, tuple[str, int | None]] = {}
        if current is not None:  # registered before the history was kept: keep it now
            old_id = OrgPublicKey.from_text(current[0]).key_id
            if self.store.setting(f"org_key:{old_id}") is None:
                keep[f"org_key:{old_id}"] = current
        now = now_iso()
        return self.store.set_org_key_settings(
            {"org_key": key.to_text(), f"org_key:{key.key_id}": key.to_text()},
            sign=self.sign, now=now, keep=keep,
            entry=p.org_key_entry(org_key=key.to_text(), key_id=key.key_id, by=by, at=now,
                                  request=request))

    def receipt_for(self, record_id: str, *, device: str | None) -> p.Receipt:
        row = self.store.record(record_id)
        if row is None or (device is not None and row.device != device):
            raise NotFoundError(f"No record {record_id[:12]}… from this device.")
        return self.receipts([Ingested(record_id, row.log_index, True, None)],
                             self.store.checkpoint())[0]


def _checkpoint_size(note: str) -> int:
    try:
        return int(note.split("\n", 2)[1])
    except (IndexError, ValueError):
        raise FieldKitError("The registry produced a malformed checkpoint.") from None
