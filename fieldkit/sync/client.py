"""The sync client: enrolment, push (monitors), pull (staff), watch, status.

Everything here is resumable because every step is idempotent at the registry: chunks are
content-addressed (the client asks which ones are missing and sends only those), files are
assembled by digest, and a record already stored answers with its original receipt. A cut
connection therefore costs at most the chunk in flight. Transient failures (no network, 5xx)
are retried with exponential backoff and jitter; integrity failures are never retried: a
registry that serves a bad proof or an inconsistent checkpoint is marked distrusted and the
client refuses to talk to it until someone looks (``fieldkit sync trust --reset``).

Long operations take ``progress(done, total)`` (bytes) and a ``CancelToken``; the CLI and the
app forward them.

Provenance (what a bundle needs offline, :mod:`fieldkit.sync.provenance`): push keeps each
record's verified receipt; both then fetch and verify the enrolment entry of this device and of
every device whose records the vault holds (``device_enrolments``, revocations in
``device_revocations``). :meth:`SyncClient.sync` finally reports the vault's unreported
exports (``exports`` rows) to the registry's audit log.

Pull trusts only what the log vouches for (docs/adr/0016-pulltrust-quarantine.md): a record is
kept with a receipt that verifies (the one sent with it, or asked for) under a checkpoint
consistent with the vault's view, and with its device's verified enrolment entry (a monitor,
enrolled before and not revoked before the record's log index); anything else goes to the
quarantine (:meth:`SyncClient.quarantined`) and the cursor moves on. Every checkpoint received
(each receipt of a batch or page, each enrolment answer) is checked against the vault's view
(:meth:`SyncClient._check_view`): a rollback, a fork or an inconsistent history distrusts the
registry with a :class:`LogConflictError` that says which. Monitors put the newest checkpoint
they trust in each submission; staff check it too, and name the device the registry showed
another history (:class:`SplitViewError`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeVar

import httpx
from pydantic import ValidationError as PydanticValidationError

from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.orgkey import (
    OrgPrivateKey,
    OrgPublicKey,
    SealedPayloadError,
    export_key_packages,
    import_key_packages,
)
from fieldkit.domain import sealing
from fieldkit.errors import (
    FieldKitError,
    IntegrityError,
    NotFoundError,
    SignatureError,
    UnknownSignerError,
    UsageError,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import SUBMIT_ROLES, VaultService
from fieldkit.storage.attachments import StoredBlob
from fieldkit.storage.db import Connection
from fieldkit.storage.vault import now_iso
from fieldkit.sync import submission
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.orgkey_proof import (
    OrgKeyChangedError,
    OrgKeyProofError,
    OrgKeyRollbackError,
    Registration,
    offered_key,
    verify_registration,
)
from fieldkit.sync.padding import PaddedFile, padded_file_size, strip_file_padding
from fieldkit.sync.protocol import (
    API,
    MAX_CHUNK_QUERY,
    MAX_EXPORTS,
    ConsistencyProofResponse,
    DeviceEnrolment,
    EnrollResponse,
    ExportEventIn,
    OrgKeyResponse,
    Receipt,
)
from fieldkit.sync.provenance import Enrolment, verify_record_receipt
from fieldkit.sync.provenance import enrolment as stored_enrolment
from fieldkit.sync.receipts import (
    EnrolmentProofError,
    ReceiptError,
    verify_consistency,
    verify_enrolment_entry,
    verify_revocation_entry,
)
from fieldkit.sync.transport import RegistryClient, RegistryError, RegistryUnreachableError, enroll

T = TypeVar("T")
#: A stored enrolment entry older than this is fetched again (to learn of a revocation).
ENROLMENT_REFRESH: Final = timedelta(hours=24)
#: At most this many quarantined records are re-checked at the end of each pull.
RECHECK_PER_PULL: Final = 50

#: Why a pulled record is in quarantine: stable codes, each in plain English (the app shows
#: its own translations of these; docs/adr/0016-pulltrust-quarantine.md).
QUARANTINE_REASONS: Final = {
    "malformed": "It is not a well-formed record: the registry's copy is damaged or forged.",
    "unsealed": "It reached the registry unsealed, not sealed to the organisation's key.",
    "bad_signature": "The device signature on it does not verify.",
    "mismatch": "The registry lists it differently from what its device signed.",
    "cannot_open": "No organisation key in this vault opens it.",
    "no_receipt": "The registry gave no receipt for it: nothing shows it is in the log.",
    "bad_receipt": "Its receipt does not prove that it is in the log.",
    "log_conflict": "Its receipt rests on a log history that contradicts this vault's.",
    "not_enrolled": "The log shows no enrolment of the device that signed it.",
    "bad_enrolment": "The proof of its device's enrolment does not hold.",
    "role_not_allowed": "Its device is enrolled with a role that may not send records.",
    "logged_before_enrolment": "It was logged before its device was enrolled.",
    "revoked": "Its device had been revoked before it was logged.",
    "file_unavailable": "One of its files could not be fetched whole.",
}
#: The reasons a later check may resolve (an enrolment or receipt that appears, a registry
#: trusted again, an organisation key imported, a file uploaded again): re-checked each pull.
RETRYABLE: Final = frozenset({"cannot_open", "no_receipt", "bad_receipt", "log_conflict",
                              "not_enrolled", "bad_enrolment", "file_unavailable"})


class NotEnrolledError(UsageError):
    code = "not_enrolled"
    default_hint = "Enrol this vault with `fieldkit enroll CODE` (a code from an administrator)."


class RegistryDistrustedError(IntegrityError):
    code = "registry_distrusted"
    default_hint = ("The registry served a proof that does not hold. Nothing more is sent to "
                    "it. Tell an administrator; after they resolve it, run "
                    "`fieldkit sync trust --reset`.")


class LogConflictError(RegistryDistrustedError):
    """A checkpoint the registry signed contradicts this vault's view of its log. Both signed
    notes are kept (``log_conflicts``): together they prove the registry misbehaved.
    ``details``: ``theirs_size``, ``ours_size``, ``device`` (split view)."""

    code = "log_conflict"
    default_hint = ("The registry signed a history of its log that contradicts the one this "
                    "vault already trusts. Nothing more is taken from it; both signed "
                    "checkpoints are kept as evidence (`fieldkit sync status`). Tell an "
                    "administrator; after they resolve it, run `fieldkit sync trust --reset`.")


class LogRollbackError(LogConflictError):
    """The registry served a checkpoint smaller than one it had served before."""

    code = "log_rollback"


class LogForkError(LogConflictError):
    """The registry signed two different roots for one tree size."""

    code = "log_fork"


class LogInconsistentError(LogConflictError):
    """A newer (or older) checkpoint does not extend the vault's view: no consistency proof
    holds between them."""

    code = "log_inconsistent"


class SplitViewError(LogConflictError):
    """A monitor's signed submission carried a checkpoint that is not consistent with this
    vault's view: the registry shows that device (``details["device"]``) another history."""

    code = "split_view"


class OrgKeyMissingError(UsageError):
    code = "org_key_missing"
    default_hint = ("Staff create the organisation key with `fieldkit org-key init` and an "
                    "administrator registers it; then enrol again or run `fieldkit sync`.")


@dataclass(frozen=True)
class SyncConfig:
    """Limits and pacing. Chunks are 1–8 MiB on the wire (the registry refuses others)."""

    chunk_size: int = 4 * 1024 * 1024
    batch: int = 100
    attempts: int = 12
    backoff_base: float = 0.25
    backoff_max: float = 30.0
    timeout: float = 60.0


@dataclass
class SyncReport:
    action: str
    records: int = 0
    files: int = 0
    chunks_sent: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    retries: int = 0
    checkpoint_size: int | None = None
    receipts: int = 0       # receipts verified and kept (pull: incl. ones asked for)
    enrolments: int = 0     # device enrolment entries fetched and verified
    exports: int = 0        # export events the registry's audit log took
    quarantined: int = 0    # pulled records the log does not vouch for (pull, re-check)
    released: int = 0       # quarantined records that now verified and were kept

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Registry:
    url: str
    pin: str
    cert_pem: bytes | None
    log_key: str
    origin: str
    org_key: str | None
    role: str
    key_id: str
    distrusted: str | None


@dataclass
class _Progress:
    report: Progress | None
    total: int
    done: int = 0
    last: float = field(default=0.0)
    counted: set[str] = field(default_factory=set)

    def add_once(self, key: str, n: int) -> None:
        """Count a whole file once, however many records name it."""
        if key not in self.counted:
            self.counted.add(key)
            self.add(n)

    def add(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.report is not None and (now - self.last >= 0.2 or self.done >= self.total):
            self.last = now
            self.report(self.done, self.total)


@dataclass
class _Pulled:
    """One entry of a pull page (or a quarantined one being re-checked) as it is checked."""

    item: Any                 # as received (kept in the quarantine as evidence)
    item_json: str
    id: str                   # the record id it claims, or "item:" + SHA-256 of the entry
    log_index: int | None     # the log index the registry listed (the cursor's position)
    device: str | None
    sub: submission.Submission | None = None
    opened: submission.Opened | None = None
    receipt: Receipt | None = None
    checkpoint: Checkpoint | None = None
    reason: str | None = None
    detail: str = ""

    def refuse(self, reason: str, detail: str) -> None:
        """Quarantine it for ``reason`` (the first reason found stays)."""
        if self.reason is None:
            self.reason, self.detail = reason, detail


def _vouch_reason(enrol: Enrolment, log_index: int) -> tuple[str, str] | None:
    """Why a verified enrolment does not vouch for a record logged at ``log_index``: the role
    may not submit, the record was logged before the enrolment, or after a revocation (a
    revocation whose index was not logged counts as before everything)."""
    if enrol.role not in SUBMIT_ROLES:
        return ("role_not_allowed", f"Device {enrol.key_id} is enrolled as {enrol.role}; "
                                    f"only {', '.join(SUBMIT_ROLES)} devices send records.")
    if enrol.log_index >= log_index:
        return ("logged_before_enrolment", f"The record is at log index {log_index}, its "
                                           f"device's enrolment at {enrol.log_index}.")
    r = enrol.revocation
    if r is not None and (r.log_index is None or r.log_index < log_index):
        return ("revoked", f"Device {enrol.key_id} was revoked ({r.revoked_at}, log index "
                           f"{r.log_index}) before the record was logged at {log_index}.")
    return None


def _opening_reason(err: IntegrityError) -> str:
    """The quarantine reason for a pulled submission that does not open."""
    if isinstance(err, SealedPayloadError):
        return "cannot_open"
    if isinstance(err, SignatureError | UnknownSignerError):
        return "bad_signature"
    return "malformed"


class SyncClient:
    def __init__(self, service: VaultService, *, transport: httpx.BaseTransport | None = None,
                 config: SyncConfig | None = None, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        self.service = service
        self.vault = service.vault
        self.transport = transport
        self.config = config or SyncConfig()
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self._attempts = self.config.attempts

    # --- state --------------------------------------------------------------------------------

    def registry(self) -> _Registry | None:
        row = self.vault.read().execute(
            "SELECT url, pin, cert_pem, log_key, origin, org_key, role, key_id, distrusted "
            "FROM sync_registry WHERE id = 1").fetchone()
        if row is None:
            return None
        url, pin, cert, log_key, origin, org_key, role, key_id, distrusted = row
        return _Registry(url, pin, bytes(cert) if cert else None, log_key, origin, org_key, role,
                         key_id, distrusted)

    def _require(self, *roles: str) -> _Registry:
        reg = self.registry()
        if reg is None:
            raise NotEnrolledError("This vault is not enrolled with a registry.")
        if reg.distrusted:
            raise RegistryDistrustedError(f"The registry is distrusted: {reg.distrusted}")
        if roles and reg.role not in roles:
            raise UsageError(f"This vault is enrolled as {reg.role}; this needs "
                             f"{' or '.join(roles)}.")
        return reg

    def _client(self, reg: _Registry) -> RegistryClient:
        return RegistryClient(reg.url, cert_pem=reg.cert_pem, key=self.vault.device_key,
                              transport=self.transport, timeout=self.config.timeout)

    def log(self, action: str, outcome: str, detail: str) -> None:
        with self.vault.write() as conn:
            conn.execute("INSERT INTO sync_log(at, action, outcome, detail) VALUES (?, ?, ?, ?)",
                         (now_iso(), action, outcome, detail[:2000]))

    def _distrust(self, reason: str) -> None:
        with self.vault.write() as conn:
            # the first reason stays: it names what went wrong first
            conn.execute("UPDATE sync_registry SET distrusted = coalesce(distrusted, ?) "
                         "WHERE id = 1", (reason[:2000],))
        self.log("check", "refused", f"registry distrusted: {reason}")

    def reset_trust(self) -> None:
        with self.vault.write() as conn:
            conn.execute("UPDATE sync_registry SET distrusted = NULL WHERE id = 1")
        self.log("check", "ok", "trust reset by the user")

    # --- enrolment and the organisation key ---------------------------------------------------

    def enroll(self, code_text: str, *, label: str = "") -> EnrollResponse:
        if self.registry() is not None:
            raise UsageError("This vault is already enrolled with a registry.")
        code = EnrollmentCode.from_text(code_text)
        cert, answer = enroll(code, self.vault.device_key, label=label, transport=self.transport)
        with self.vault.write() as conn:
            conn.execute(
                "INSERT INTO sync_registry(id, url, pin, cert_pem, log_key, origin, org_key, "
                "role, key_id, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (code.url, code.pin, cert, code.log_key, code.origin, code.org_key, answer.role,
                 answer.key_id, now_iso()))
            if code.org_key is not None:  # pinned by the admin who issued the code (ADR 0019)
                pinned = OrgPublicKey.from_text(code.org_key)
                conn.execute("INSERT OR IGNORE INTO org_key_registrations(key_id, org_key, "
                             "source, accepted_at) VALUES (?, ?, 'code', ?)",
                             (pinned.key_id, pinned.to_text(), now_iso()))
        verifier = NoteVerifier.from_vkey(code.log_key)
        self._keep_checkpoint(open_checkpoint(answer.checkpoint, verifier, origin=code.origin),
                              client=None)
        self.log("enroll", "ok", f"{answer.role} {answer.key_id} at {code.url}")
        return answer

    def org_key_init(self) -> OrgPublicKey:
        """Staff: create the organisation's key pair in this vault."""
        if self._org_private() is not None:
            raise UsageError("This vault already holds an organisation key.",
                             hint="`fieldkit org-key show` prints its public part; "
                                  "`fieldkit org-key rotate` adds a new one.")
        key = OrgPrivateKey.generate()
        self._keep_org_key(key)
        return key.public_key

    def org_key_rotate(self) -> OrgPublicKey:
        """Staff: add a new organisation key, keeping every older one (records sealed to
        them still open). Monitors move to it once an administrator registers it."""
        if self._org_private() is None:
            raise NotFoundError("This vault holds no organisation key to rotate.",
                                hint="Create the first one with `fieldkit org-key init`.")
        key = OrgPrivateKey.generate()
        self._keep_org_key(key)
        self.vault.log_activity("org-key-rotate", key.public_key.key_id)
        return key.public_key

    def _keep_org_key(self, key: OrgPrivateKey, *, created_at: str | None = None) -> None:
        with self.vault.write() as conn:
            conn.execute("INSERT OR IGNORE INTO org_keys(key_id, private, created_at) "
                         "VALUES (?, ?, ?)", (key.public_key.key_id, key.to_bytes(),
                                              created_at or now_iso()))

    def _org_private(self) -> OrgPrivateKey | None:
        """The newest organisation key this vault holds (the one to register and show)."""
        row = self.vault.read().execute(
            "SELECT private FROM org_keys ORDER BY created_at DESC, rowid DESC "
            "LIMIT 1").fetchone()
        return None if row is None else OrgPrivateKey.from_bytes(bytes(row[0]))

    def _staff_keys(self) -> dict[str, OrgPrivateKey]:
        """Every organisation key this vault holds, for pull and re-check; none is an error."""
        org = self._org_privates()
        if not org:
            raise OrgKeyMissingError("This staff vault holds no organisation key to open "
                                     "records with.",
                                     hint="Import it with `fieldkit org-key import FILE`.")
        return org

    def _org_privates(self) -> dict[str, OrgPrivateKey]:
        """Every organisation key this vault holds, by key id (pull opens each record with
        the key it names)."""
        return {key_id: OrgPrivateKey.from_bytes(bytes(private)) for key_id, private in
                self.vault.read().execute("SELECT key_id, private FROM org_keys")}

    def org_keys(self) -> list[tuple[OrgPublicKey, str]]:
        """Staff: the public parts of every key this vault holds and when each was created,
        newest first."""
        rows = self.vault.read().execute(
            "SELECT private, created_at FROM org_keys ORDER BY created_at DESC, rowid DESC")
        return [(OrgPrivateKey.from_bytes(bytes(p)).public_key, str(at)) for p, at in rows]

    def org_key_export(self, passphrase: str) -> bytes:
        """Every organisation key this vault holds, in one passphrase-wrapped package."""
        rows = self.vault.read().execute(
            "SELECT private, created_at FROM org_keys ORDER BY created_at, rowid").fetchall()
        if not rows:
            raise NotFoundError("This vault holds no organisation key.")
        keys = [(OrgPrivateKey.from_bytes(bytes(p)), str(at)) for p, at in rows]
        self.vault.log_activity("org-key-export", ",".join(k.public_key.key_id
                                                           for k, _ in keys))
        return export_key_packages(keys, passphrase)

    def org_key_import(self, package: bytes, passphrase: str) -> OrgPublicKey:
        """Import every key of a package (keys already held are kept as they are); return
        the newest key the vault now holds."""
        keys = import_key_packages(package, passphrase)
        for key, created_at in keys:
            self._keep_org_key(key, created_at=created_at)
            self.vault.log_activity("org-key-import", key.public_key.key_id)
        newest = self._org_private()
        assert newest is not None
        return newest.public_key

    def org_public(self) -> OrgPublicKey | None:
        key = self._org_private()
        return None if key is None else key.public_key

    def org_key_in_use(self) -> OrgPublicKey | None:
        """The key this vault seals to (monitors) or the newest it holds (staff)."""
        reg = self.registry()
        if reg is not None and reg.org_key is not None and reg.role == "monitor":
            return OrgPublicKey.from_text(reg.org_key)
        return self.org_public() or (None if reg is None or reg.org_key is None
                                     else OrgPublicKey.from_text(reg.org_key))

    def org_key_register(self, org_key: str) -> OrgKeyResponse:
        """Admin: register a staff public key at the registry (a request this device signs,
        which the registry logs so every device can check an administrator registered it).
        Check the key's fingerprint with the staff first."""
        reg = self._require("admin")
        key = OrgPublicKey.from_text(org_key)
        with self._client(reg) as client:
            answer = OrgKeyResponse.model_validate(client.post_json(
                f"{API}/admin/org-key", {"org_key": key.to_text()}))
            verified = verify_registration(answer, verifier=NoteVerifier.from_vkey(reg.log_key),
                                           origin=reg.origin, require_admin=True)
            self._keep_checkpoint(verified.checkpoint, client=client)
        self.log("check", "ok", f"organisation key {key.key_id} registered in log entry "
                                f"#{verified.log_index}")
        return answer

    # --- retries --------------------------------------------------------------------------------

    def _retry(self, what: Callable[[], T], report: SyncReport,
               cancel: CancelToken | None) -> T:
        """Run an idempotent step, retrying transient failures with backoff and jitter."""
        delay = self.config.backoff_base
        for attempt in range(1, self._attempts + 1):
            check(cancel)
            try:
                return what()
            except (RegistryUnreachableError, RegistryError) as e:
                transient = isinstance(e, RegistryUnreachableError) or (
                    isinstance(e, RegistryError) and e.status >= 500)
                if not transient or attempt == self._attempts:
                    raise
                report.retries += 1
                self._sleep(min(self.config.backoff_max, delay) * (0.5 + self._rng.random()))
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    # --- checkpoints and receipts -------------------------------------------------------------

    def _latest_checkpoint(self) -> Checkpoint | None:
        row = self.vault.read().execute(
            "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1").fetchone()
        reg = self.registry()
        if row is None or reg is None:
            return None
        return open_checkpoint(row[0], NoteVerifier.from_vkey(reg.log_key), origin=reg.origin)

    def _keep_checkpoint(self, cp: Checkpoint, *, client: RegistryClient | None,
                         report: SyncReport | None = None,
                         cancel: CancelToken | None = None) -> None:
        """Check ``cp`` (a checkpoint the registry serves now) against this vault's view of
        the log and keep it; a contradiction distrusts the registry and raises a
        :class:`LogConflictError` that says which (:meth:`_check_view`)."""
        self._check_view(cp, client=client, report=report, cancel=cancel)

    def _check_view(self, cp: Checkpoint, *, client: RegistryClient | None,
                    report: SyncReport | None = None, cancel: CancelToken | None = None,
                    device: str | None = None, historical: bool = False) -> None:
        """Check one verified checkpoint against the vault's view of the log, then keep it.

        The view is the newest checkpoint kept (every kept one was checked against the view
        of its time, so they are all one history). A checkpoint the registry serves *now*
        (a receipt, a pull page, an enrolment answer) must not be smaller than the view
        (:class:`LogRollbackError`), must have the root kept for its size if one is
        (:class:`LogForkError`) and must extend the view by a consistency proof the registry
        serves (:class:`LogInconsistentError`). A ``historical`` checkpoint (one kept from
        the past, e.g. under a proof made then) may be smaller, and is proved consistent with
        the view in whichever direction. A checkpoint a monitor gossiped (``device``: the
        device whose signed submission carried it) is historical too, and any failure is a
        :class:`SplitViewError` naming the device."""
        historical = historical or device is not None
        conn = self.vault.read()
        last = self._latest_checkpoint()
        same = conn.execute("SELECT root FROM log_checkpoints WHERE size = ?",
                            (cp.size,)).fetchone()
        if same is not None and bytes(same[0]) != cp.root:
            raise self._conflict(
                LogForkError, f"The registry signed two different logs of {cp.size} entries "
                "(two roots for one size).", ours=None, theirs=cp, device=device,
                ours_note=self._note_of_size(cp.size))
        if last is not None and cp.size < last.size and not historical:
            raise self._conflict(
                LogRollbackError, f"The registry served a checkpoint of {cp.size} entries "
                f"after this vault had seen {last.size}: its log went back.",
                ours=last, theirs=cp)
        if same is not None:
            return
        if last is None or client is None:
            if last is not None:  # pragma: no cover - only enrolment keeps without a client
                raise AssertionError("a checkpoint after the first needs a consistency proof")
            self._store_checkpoint(cp)
            return
        old, new = (cp, last) if cp.size < last.size else (last, cp)
        if old.size > 0:
            why = None
            try:
                answer = self._retry(lambda: client.get_json(
                    f"{API}/log/consistency",
                    params={"first": old.size, "second": new.size}),
                    report or SyncReport("check"), cancel)
                proof = ConsistencyProofResponse.model_validate(answer)
                if (proof.first, proof.second) != (old.size, new.size):
                    raise ReceiptError("The consistency proof is for other tree sizes.")
                verify_consistency(old, new, list(proof.proof))
            except RegistryError as e:
                if e.status >= 500:
                    raise
                why = f"the registry cannot prove it ({e.remote_code}: {e.message})"
            except (IntegrityError, PydanticValidationError) as e:
                why = e.message if isinstance(e, FieldKitError) else "malformed proof"
            if why is not None:
                raise self._conflict(
                    LogInconsistentError, f"The registry's checkpoints of {old.size} and "
                    f"{new.size} entries are inconsistent: {why}.", ours=last, theirs=cp,
                    device=device)
        self._store_checkpoint(cp)

    def _store_checkpoint(self, cp: Checkpoint) -> None:
        with self.vault.write() as conn:
            conn.execute("INSERT OR IGNORE INTO log_checkpoints(size, root, note, seen_at) "
                         "VALUES (?, ?, ?, ?)", (cp.size, cp.root, cp.text, now_iso()))

    def _note_of_size(self, size: int) -> str | None:
        row = self.vault.read().execute("SELECT note FROM log_checkpoints WHERE size = ?",
                                        (size,)).fetchone()
        return None if row is None else str(row[0])

    def _conflict(self, kind: type[LogConflictError], message: str, *,
                  ours: Checkpoint | None, theirs: Checkpoint, device: str | None = None,
                  ours_note: str | None = None) -> LogConflictError:
        """Keep the evidence (both signed notes), distrust the registry, and return the
        typed error to raise. With ``device`` it is a split view: the registry showed that
        device a history that differs from this vault's."""
        if device is not None:
            kind = SplitViewError
            message = (f"The registry showed device {device} a history of its log that "
                       f"differs from the one it shows this vault. {message}")
        ours_text = ours_note if ours is None else ours.text
        with self.vault.write() as conn:
            conn.execute("INSERT INTO log_conflicts(at, kind, device, ours, theirs, detail) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (now_iso(), kind.code, device, ours_text, theirs.text, message))
        self._distrust(f"{kind.code}: {message}")
        return kind(message, theirs_size=theirs.size,
                    ours_size=None if ours is None else ours.size, device=device)

    def _distrusted(self, reason: str, message: str) -> RegistryDistrustedError:
        self._distrust(reason)
        return RegistryDistrustedError(message)

    def conflicts(self) -> list[dict[str, Any]]:
        """The contradicting checkpoints this vault kept as evidence, newest first."""
        rows = self.vault.read().execute(
            "SELECT at, kind, device, ours, theirs, detail FROM log_conflicts ORDER BY id DESC")
        return [dict(zip(("at", "kind", "device", "ours", "theirs", "detail"), r, strict=True))
                for r in rows]

    # --- push (monitors) ----------------------------------------------------------------------

    def pending(self) -> list[tuple[str, int, bytes]]:
        """This device's sealed records without a verified receipt, in chain order."""
        key_id = self.vault.device_key.verify_key.key_id
        rows = self.vault.read().execute(
            "SELECT s.record_id, s.seq, s.envelope FROM sealed s LEFT JOIN receipts r "
            "ON r.record_id = s.record_id WHERE s.device = ? AND r.record_id IS NULL "
            "ORDER BY s.seq", (key_id,)).fetchall()
        return [(rid, int(seq), bytes(env)) for rid, seq, env in rows]

    def pending_count(self) -> int:
        """How many records :meth:`pending` would return, without loading their envelopes
        (the status bar asks every few seconds)."""
        key_id = self.vault.device_key.verify_key.key_id
        row = self.vault.read().execute(
            "SELECT COUNT(*) FROM sealed s LEFT JOIN receipts r ON r.record_id = s.record_id "
            "WHERE s.device = ? AND r.record_id IS NULL", (key_id,)).fetchone()
        return int(row[0])

    def _files_of(self, record: dict[str, Any]) -> list[dict[str, Any]]:
        refs = list(record.get("evidence", [])) + [
            t["audio"] for t in record.get("testimonies", []) if t.get("audio")]
        unique: dict[str, dict[str, Any]] = {}
        for ref in refs:
            unique.setdefault(ref["sha256"], ref)
        return list(unique.values())

    def _blob_for(self, sha256: str, size: int) -> StoredBlob:
        blob = self.service.stored_blob(sha256, size)
        if blob is None:
            raise NotFoundError(f"The file {sha256[:12]}… of a sealed record is not in the "
                                "vault, so it cannot be sent.",
                                hint="Restore the vault's attachments from a backup.")
        return blob

    def _digests(self, padded: PaddedFile, progress: _Progress, cancel: CancelToken | None,
                 ) -> tuple[str, int, list[tuple[int, int, str]]]:
        """One read of an encrypted file: its SHA-256, its size, and the (offset, length,
        sha256) of each wire chunk. Hashing gigabytes takes seconds, so the unchanged progress
        is re-reported as it goes (the caller's UI shows the job alive) and cancel is honoured."""
        import hashlib

        whole = hashlib.sha256()
        chunks: list[tuple[int, int, str]] = []
        offset = 0
        with open(padded.path, "rb") as f:  # the encrypted file and its upload padding
            while block := padded.read(f, offset, min(self.config.chunk_size,
                                                      padded.size - offset)):
                check(cancel)
                whole.update(block)
                chunks.append((offset, len(block), hashlib.sha256(block).hexdigest()))
                offset += len(block)
                progress.add(0)
        return whole.hexdigest(), offset, chunks

    def _upload(self, client: RegistryClient, blob: StoredBlob, report: SyncReport,
                progress: _Progress, cancel: CancelToken | None) -> submission.FileRef:
        row = self.vault.read().execute(
            "SELECT cipher_sha256, cipher_size FROM uploaded_files WHERE blob = ?",
            (blob.blob,)).fetchone()
        if row is not None:  # assembled at the registry in an earlier run
            progress.add_once(blob.blob, int(row[1]))
            return submission.FileRef(blob.sha256, blob.key, row[0], int(row[1]))
        progress.counted.add(blob.blob)  # its bytes are counted chunk by chunk below
        # uploaded Padmé-padded (ADR 0015): the registry learns the size's bucket only
        padded = PaddedFile(self.vault.attachments.encrypted_path(blob), blob.key)
        cipher_sha, cipher_size, chunks = self._digests(padded, progress, cancel)
        missing: set[str] = set()
        for start in range(0, len(chunks), MAX_CHUNK_QUERY):
            digests = [c[2] for c in chunks[start:start + MAX_CHUNK_QUERY]]
            answer = self._retry(lambda d=digests: client.post_json(  # type: ignore[misc]
                f"{API}/chunks/missing", {"chunks": d}), report, cancel)
            missing.update(answer["missing"])
        with open(padded.path, "rb") as f:
            for offset, length, digest in chunks:
                if digest not in missing:
                    progress.add(length)
                    continue
                check(cancel)
                data = padded.read(f, offset, length)

                def put(data: bytes = data, digest: str = digest) -> None:
                    report.bytes_sent += len(data)
                    client.request("PUT", f"{API}/chunks/{digest}", content=data,
                                   headers={"Content-Type": "application/octet-stream"})

                self._retry(put, report, cancel)
                missing.discard(digest)
                report.chunks_sent += 1
                progress.add(length)
        self._retry(lambda: client.post_json(f"{API}/files", {
            "sha256": cipher_sha, "size": cipher_size,
            "chunks": [c[2] for c in chunks]}), report, cancel)
        with self.vault.write() as conn:
            conn.execute("INSERT OR REPLACE INTO uploaded_files(blob, cipher_sha256, "
                         "cipher_size, at) VALUES (?, ?, ?, ?)",
                         (blob.blob, cipher_sha, cipher_size, now_iso()))
        report.files += 1
        return submission.FileRef(blob.sha256, blob.key, cipher_sha, cipher_size)

    def push(self, *, progress: Progress | None = None,
             cancel: CancelToken | None = None) -> SyncReport:
        """Send every sealed record without a receipt: files first, then the records, then
        verify and keep each receipt."""
        reg = self._require("monitor")
        report = SyncReport("push")
        try:
            pending = self.pending()
            trusted = self.service._trusted()
            # the progress total: every file the queue names (a cheap parse; records are
            # verified batch by batch below, so a long queue is never all in memory at once)
            blobs: dict[str, StoredBlob] = {}
            for _rid, _seq, env in pending:
                statement = json.loads(Envelope.from_bytes(env).payload)
                for f in self._files_of(statement.get("record", {})):
                    blobs.setdefault(f["sha256"], self._blob_for(f["sha256"], f["size"]))
            meter = _Progress(progress, sum(padded_file_size(os.path.getsize(
                self.vault.attachments.encrypted_path(b))) for b in blobs.values()))
            with self._client(reg) as client:
                org = self._retry(lambda: self._org_key_for_push(reg, client, report, cancel),
                                  report, cancel)
                for start in range(0, len(pending), self.config.batch):
                    batch = [sealing.open_sealed(env, trusted, expected_id=rid)
                             for rid, _seq, env in pending[start:start + self.config.batch]]
                    envelopes = []
                    # gossip: the newest checkpoint this monitor trusts travels inside each
                    # signed submission, so staff can tell if the registry shows us another
                    # history than theirs (docs/adr/0016)
                    seen = self._latest_checkpoint()
                    for sealed in batch:
                        refs = [self._upload(client, blobs[f["sha256"]], report, meter, cancel)
                                for f in self._files_of(sealed.record)]
                        envelopes.append(submission.make(
                            sealed, key=self.vault.device_key, org=org, files=refs,
                            checkpoint=None if seen is None else seen.text).to_json())
                    answer = self._retry(lambda e=envelopes: client.post_json(  # type: ignore[misc]
                        f"{API}/records", {"envelopes": e}), report, cancel)
                    self._keep_receipts(client, reg, batch, answer["receipts"], report=report,
                                        cancel=cancel)
                    report.records += len(batch)
                    report.receipts += len(batch)
                self._refresh_enrolments(client, reg, report, cancel)
            last = self._latest_checkpoint()
            report.checkpoint_size = last.size if last else None
        except FieldKitError as e:
            self.log("push", "error", f"{e.code}: {e.message}")
            raise
        self.log("push", "ok", f"{report.records} records, {report.files} files, "
                               f"{report.bytes_sent} bytes, {report.retries} retries")
        return report

    def _org_key_for_push(self, reg: _Registry, client: RegistryClient,
                          report: SyncReport | None = None,
                          cancel: CancelToken | None = None) -> OrgPublicKey:
        """The staff key records are sealed to (ADR 0019). A key is accepted only with a proof
        that an administrator registered it in the log (or, for the key the enrolment code
        carried, that the admin who issued the code pinned it); the newest logged
        registration wins, and a key once replaced is never accepted back. Anything else
        raises an :class:`OrgKeyChangedError` before a single record is sealed."""
        report = report or SyncReport("check")
        try:
            answer = OrgKeyResponse.model_validate(client.get_json(f"{API}/org-key"))
        except RegistryError as e:
            if e.status != 404:
                raise
            answer = None
        except PydanticValidationError:
            self.log("check", "refused", "the registry's organisation key answer is malformed")
            raise OrgKeyProofError("The registry's answer about the organisation key is "
                                   "malformed; nothing is sealed.") from None
        if answer is None:
            if reg.org_key is None:
                raise OrgKeyMissingError("No organisation key exists yet, so records cannot be "
                                         "sealed to the staff; they stay queued.")
            return OrgPublicKey.from_text(reg.org_key)
        verifier = NoteVerifier.from_vkey(reg.log_key)
        try:
            offered = offered_key(answer)
            if reg.org_key is not None and offered.to_text() == reg.org_key:
                self._learn_registration(client, reg, answer, report, cancel)
                return offered
            if self._org_key_row(offered.key_id) is not None:
                raise OrgKeyRollbackError(
                    f"The registry serves the organisation key {offered.fingerprint}, which "
                    "this vault used before and has since replaced: a rolled-back key is "
                    "never accepted again; nothing is sealed to it.")
            new = verify_registration(answer, verifier=verifier, origin=reg.origin,
                                      require_admin=True)
            current = None if reg.org_key is None else self._current_registration(
                client, reg, report, cancel)
            if current is not None and not _newer(new, current):
                raise OrgKeyRollbackError(
                    f"The registry serves the organisation key {offered.fingerprint}, "
                    f"registered (log entry #{new.log_index}) before the key this vault uses "
                    f"(#{current[0]}): a rollback, refused; nothing is sealed to it.")
        except OrgKeyChangedError as e:
            self.log("check", "refused", f"organisation key refused: {e.message}")
            raise
        self._keep_checkpoint(new.checkpoint, client=client, report=report, cancel=cancel)
        if new.admin_checkpoint is not None:
            self._keep_checkpoint(new.admin_checkpoint, client=client, report=report,
                                  cancel=cancel)
        now = now_iso()
        with self.vault.write() as conn:
            conn.execute("UPDATE org_key_registrations SET retired_at = ? WHERE key_id != ? "
                         "AND retired_at IS NULL", (now, new.key.key_id))
            if reg.org_key is not None:  # enrolled before this vault kept the history
                old = OrgPublicKey.from_text(reg.org_key)
                conn.execute("INSERT OR IGNORE INTO org_key_registrations(key_id, org_key, "
                             "source, accepted_at, retired_at) VALUES (?, ?, 'log', ?, ?)",
                             (old.key_id, old.to_text(), now, now))
            self._store_registration(conn, new, source="log", now=now)
            conn.execute("UPDATE sync_registry SET org_key = ? WHERE id = 1",
                         (new.key.to_text(),))
        self.log("check", "ok", f"organisation key {new.key.key_id} ({new.key.fingerprint}) "
                                f"accepted: registered by admin {new.admin} in log entry "
                                f"#{new.log_index}")
        return new.key

    def _org_key_row(self, key_id: str) -> tuple[int | None, int | None] | None:
        row = self.vault.read().execute(
            "SELECT log_index, signed_at FROM org_key_registrations WHERE key_id = ?",
            (key_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    @staticmethod
    def _store_registration(conn: Connection, r: Registration, *, source: str,
                            now: str) -> None:
        conn.execute(
            "INSERT INTO org_key_registrations(key_id, org_key, source, log_index, leaf, "
            "inclusion_proof, checkpoint, admin, signed_at, accepted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key_id) DO UPDATE SET "
            "log_index = excluded.log_index, leaf = excluded.leaf, "
            "inclusion_proof = excluded.inclusion_proof, checkpoint = excluded.checkpoint, "
            "admin = excluded.admin, signed_at = excluded.signed_at",
            (r.key.key_id, r.key.to_text(), source, r.log_index, r.leaf,
             json.dumps(r.inclusion_proof), r.checkpoint.text, r.admin, r.signed_at, now))

    def _learn_registration(self, client: RegistryClient, reg: _Registry,
                            answer: OrgKeyResponse, report: SyncReport,
                            cancel: CancelToken | None) -> tuple[int, int | None]:
        """The current key's registration (log index, signed time), proved once and kept."""
        key = offered_key(answer)
        row = self._org_key_row(key.key_id)
        if row is not None and row[0] is not None:
            return row[0], row[1]
        r = verify_registration(answer, verifier=NoteVerifier.from_vkey(reg.log_key),
                                origin=reg.origin, require_admin=False)
        self._keep_checkpoint(r.checkpoint, client=client, report=report, cancel=cancel)
        with self.vault.write() as conn:
            self._store_registration(conn, r, source="code" if row is not None else "log",
                                     now=now_iso())
        return r.log_index, r.signed_at

    def _current_registration(self, client: RegistryClient, reg: _Registry,
                              report: SyncReport, cancel: CancelToken | None,
                              ) -> tuple[int, int | None]:
        """Where the key in use was registered, asked for by key id when not yet known (to
        tell a newer key from a rolled-back one)."""
        assert reg.org_key is not None
        current = OrgPublicKey.from_text(reg.org_key)
        row = self._org_key_row(current.key_id)
        if row is not None and row[0] is not None:
            return row[0], row[1]
        try:
            answer = OrgKeyResponse.model_validate(client.get_json(
                f"{API}/org-key", params={"key_id": current.key_id}))
        except RegistryError as e:
            if e.status != 404:
                raise
            raise OrgKeyProofError(
                f"The registry offers a new organisation key but cannot show the registration "
                f"of the key this vault uses ({current.fingerprint}), so FieldKit cannot tell "
                "which is newer; nothing is sealed to the new key.") from None
        except PydanticValidationError:
            raise OrgKeyProofError("The registry's answer about the organisation key is "
                                   "malformed; nothing is sealed.") from None
        if offered_key(answer).key_id != current.key_id:
            raise OrgKeyProofError("The registry answered with another key's registration.")
        return self._learn_registration(client, reg, answer, report, cancel)

    def _keep_receipts(self, client: RegistryClient, reg: _Registry,
                       batch: list[sealing.SealedRecord], answers: list[Any], *,
                       report: SyncReport, cancel: CancelToken | None) -> None:
        verifier = NoteVerifier.from_vkey(reg.log_key)
        receipts = [Receipt.model_validate(a) for a in answers]
        if [r.record_id for r in receipts] != [s.record_id for s in batch]:
            self._distrust("receipts do not match the records sent")
            raise RegistryDistrustedError("The registry answered with receipts for other "
                                          "records.")
        opened: dict[str, Checkpoint] = {}
        for receipt, sealed in zip(receipts, batch, strict=True):
            try:
                verify_record_receipt(receipt, sealed, verifier=verifier, origin=reg.origin,
                                      opened=opened)
            except IntegrityError as e:
                self._distrust(f"bad receipt for {receipt.record_id[:12]}…: {e.message}")
                raise RegistryDistrustedError(
                    "The registry's receipt does not prove the record was logged.") from None
        # every checkpoint of the batch (not only the newest), oldest first, checked (and, if
        # need be, the registry distrusted) before anything is stored
        for cp in sorted(opened.values(), key=lambda c: c.size):
            self._keep_checkpoint(cp, client=client, report=report, cancel=cancel)
        with self.vault.write() as conn:
            for receipt in receipts:
                conn.execute("INSERT OR IGNORE INTO receipts(record_id, log_index, receipt, "
                             "received_at) VALUES (?, ?, ?, ?)",
                             (receipt.record_id, receipt.log_index, receipt.model_dump_json(),
                              now_iso()))

    # --- pull (staff) -------------------------------------------------------------------------

    def pull(self, *, progress: Progress | None = None,
             cancel: CancelToken | None = None) -> SyncReport:
        """Fetch new records since the stored cursor and keep each one the log vouches for
        (verified receipt under a checkpoint consistent with the vault's view, verified
        enrolment of a device that may submit, not revoked before the record was logged),
        with its files; everything else goes to the quarantine (:meth:`quarantined`). The
        cursor moves past both, so one bad entry never blocks the rest. Then re-check the
        quarantined records whose reason can resolve, at most :data:`RECHECK_PER_PULL`.

        A registry that provably lied (a bad proof, a contradicting checkpoint, a split view)
        is distrusted: the page in hand is finished (good records kept, the others
        quarantined) and the typed error is raised."""
        reg = self._require("staff")
        org = self._staff_keys()
        report = SyncReport("pull")
        meter = _Progress(progress, 0)
        try:
            with self._client(reg) as client:
                while True:
                    check(cancel)
                    cursor = self._cursor()
                    page = self._retry(lambda c=cursor: client.get_json(  # type: ignore[misc]
                        f"{API}/records", params={"cursor": c, "limit": 100}), report, cancel)
                    items = page.get("records") if isinstance(page, dict) else None
                    if not isinstance(items, list):
                        raise RegistryError("The registry's pull page is malformed.",
                                            status=200, code="malformed_page")
                    if not items:
                        break
                    faults = self._pull_page(client, reg, org, items, report, meter, cancel)
                    if faults:
                        raise faults[0]
                    if self._cursor() <= cursor and not self._skip_to(page.get("cursor"),
                                                                      cursor):
                        self.log("pull", "refused", f"the registry's page after {cursor} "
                                                    "moved the cursor nowhere; stopped")
                        break
                self._recheck(client, reg, org, report, meter, cancel,
                              limit=RECHECK_PER_PULL)
                self._backfill_receipts(client, reg, report, cancel)
                self._refresh_enrolments(client, reg, report, cancel)
            last = self._latest_checkpoint()
            report.checkpoint_size = last.size if last else None
        except FieldKitError as e:
            self.log("pull", "error", f"{e.code}: {e.message}")
            raise
        self.log("pull", "ok", f"{report.records} records, {report.files} files, "
                               f"{report.bytes_received} bytes, {report.quarantined} "
                               f"quarantined, {report.released} released")
        return report

    def _cursor(self) -> int:
        row = self.vault.read().execute("SELECT cursor FROM pull_state WHERE id = 1").fetchone()
        return -1 if row is None else int(row[0])

    @staticmethod
    def _advance(conn: Connection, log_index: int) -> None:
        conn.execute("INSERT INTO pull_state(id, cursor) VALUES (1, ?) ON CONFLICT(id) "
                     "DO UPDATE SET cursor = max(cursor, excluded.cursor)", (log_index,))

    def _skip_to(self, page_cursor: Any, cursor: int) -> bool:
        """A page whose entries named no usable log index: move to the page's own cursor,
        if it is ahead (else the caller stops, rather than ask for the same page forever)."""
        if isinstance(page_cursor, int) and not isinstance(page_cursor, bool) \
                and page_cursor > cursor:
            with self.vault.write() as conn:
                self._advance(conn, page_cursor)
            return True
        return False

    def _pull_page(self, client: RegistryClient, reg: _Registry,
                   org: dict[str, OrgPrivateKey],
                   items: list[Any], report: SyncReport, meter: _Progress,
                   cancel: CancelToken | None, *, fresh: bool = False,
                   ) -> list[RegistryDistrustedError]:
        """Check every entry of a page, then keep (in log order) the ones the log vouches for
        and quarantine the others. Returns the registry's provable lies found on the way
        (it is already distrusted for them); the caller raises the first.

        ``fresh`` (a re-check): ask for a new receipt and enrolment rather than use the
        ones the entry came with or the vault holds."""
        faults: list[RegistryDistrustedError] = []
        verifier = NoteVerifier.from_vkey(reg.log_key)
        entries = [self._open_pulled(item, org) for item in items]
        opened: dict[str, Checkpoint] = {}
        for e in entries:
            check(cancel)
            if e.reason is None:
                self._pulled_receipt(e, client, reg, verifier, opened, report, cancel, faults,
                                     fresh=fresh)
        # every checkpoint of the page against the vault's view (oldest first), not only
        # the newest: one that contradicts it quarantines the records it vouches for
        bad: dict[str, str] = {}
        for cp in sorted({e.checkpoint.text: e.checkpoint for e in entries
                          if e.reason is None and e.checkpoint is not None}.values(),
                         key=lambda c: c.size):
            try:
                self._check_view(cp, client=client, report=report, cancel=cancel)
            except LogConflictError as err:
                bad[cp.text] = err.message
                faults.append(err)
        for e in entries:
            if e.reason is None and e.checkpoint is not None and e.checkpoint.text in bad:
                e.refuse("log_conflict", bad[e.checkpoint.text])
        # gossip: the checkpoint each monitor trusted when it sent the record
        for e in entries:
            if e.reason is None and e.opened is not None and e.opened.checkpoint is not None:
                try:
                    self._check_gossip(e.opened.checkpoint, e.opened.record.device, reg,
                                       client, report, cancel)
                except LogConflictError as err:
                    faults.append(err)
        self._pulled_enrolments(entries, client, reg, report, cancel, faults, fresh=fresh)
        for e in entries:
            check(cancel)
            if e.reason is None:
                self._keep_pulled(e, client, report, meter, cancel)
            if e.reason is not None:
                self._quarantine(e, report)
        return faults

    def _open_pulled(self, item: Any, org: dict[str, OrgPrivateKey]) -> _Pulled:
        """Parse, verify and decrypt one entry of a pull page; an entry that fails comes
        back with its quarantine reason set."""
        raw: dict[str, Any] = item if isinstance(item, dict) else {}
        rid, index, device = raw.get("record_id"), raw.get("log_index"), raw.get("device")
        text = json.dumps(item, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          default=str)
        e = _Pulled(item=item, item_json=text,
                    id=str(rid) if sealing.is_record_id(rid) else
                    "item:" + hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    log_index=index if isinstance(index, int) and not isinstance(index, bool)
                    and index >= 0 else None,
                    device=device if isinstance(device, str) else None)
        if not raw or not sealing.is_record_id(rid) or e.log_index is None:
            e.refuse("malformed", "The registry listed an entry without a record id or a log "
                                  "index.")
            return e
        try:
            env = Envelope.from_json(raw.get("envelope"))
        except IntegrityError as err:
            e.refuse("malformed", f"Its envelope is not well formed: {err.message}")
            return e
        if env.payload_type != submission.PAYLOAD_TYPE:
            e.refuse("unsealed", f"It reached the registry unsealed ({env.payload_type[:80]}); "
                                 "staff vaults keep only records sealed to them.")
            return e
        try:
            e.sub = submission.open_outer(env)
        except IntegrityError as err:
            e.refuse(_opening_reason(err), err.message)
            return e
        listed = (rid, raw.get("device"), raw.get("seq"), raw.get("kind"))
        if (e.sub.record_id, e.sub.device, e.sub.seq, e.sub.kind) != listed:
            e.refuse("mismatch", "The registry lists it with another id, device, sequence "
                                 "number or kind than its signed submission.")
            return e
        try:
            e.opened = submission.open_inner(e.sub, org)
        except IntegrityError as err:
            e.refuse(_opening_reason(err), err.message)
            return e
        files = {f["sha256"] for f in self._files_of(e.opened.record.record)}
        if not set(e.opened.files) <= files:
            e.refuse("malformed", "A sealed file key names no file of its record.")
        return e

    def _pulled_receipt(self, e: _Pulled, client: RegistryClient, reg: _Registry,
                        verifier: NoteVerifier, opened: dict[str, Checkpoint],
                        report: SyncReport, cancel: CancelToken | None,
                        faults: list[RegistryDistrustedError], *, fresh: bool) -> None:
        """The entry's receipt (the one it came with, or asked for): the checkpoint signed by
        the log key, the leaf byte for byte the decrypted record's, the inclusion proof, at
        the log index the registry listed. None to be had: ``no_receipt``. One that does not
        hold: ``bad_receipt``, and the registry is distrusted."""
        assert e.opened is not None
        raw = None if fresh else e.item.get("receipt")
        if raw is None:
            try:
                raw = self._retry(lambda: client.get_json(f"{API}/receipts/{e.id}"), report,
                                  cancel)
            except RegistryError as err:
                if err.status >= 500:
                    raise
                e.refuse("no_receipt", f"The registry has no receipt for it "
                                       f"({err.remote_code}).")
                return
        try:
            receipt = Receipt.model_validate(raw)
            if receipt.record_id != e.id or receipt.log_index != e.log_index:
                raise ReceiptError("The receipt is about another record or log index.")
            e.checkpoint = verify_record_receipt(receipt, e.opened.record, verifier=verifier,
                                                 origin=reg.origin, opened=opened)
            e.receipt = receipt
        except (IntegrityError, PydanticValidationError) as err:
            why = err.message if isinstance(err, FieldKitError) else "malformed receipt"
            e.refuse("bad_receipt", why)
            faults.append(self._distrusted(
                f"bad receipt for {e.id[:12]}…: {why}",
                "The registry's receipt does not prove the record was logged."))

    def _check_gossip(self, note: str, device: str, reg: _Registry, client: RegistryClient,
                      report: SyncReport, cancel: CancelToken | None) -> None:
        """A monitor's gossiped checkpoint: signed by the log key, it must be consistent with
        this vault's view (:meth:`_check_view`; :class:`SplitViewError` names the device).
        One the log key did not sign proves nothing about the registry: logged, ignored."""
        try:
            cp = open_checkpoint(note, NoteVerifier.from_vkey(reg.log_key), origin=reg.origin)
        except IntegrityError as err:
            self.log("check", "refused", f"device {device} sent a checkpoint this log did not "
                                         f"sign; ignored: {err.message}")
            return
        self._check_view(cp, client=client, report=report, cancel=cancel, device=device)

    def _pulled_enrolments(self, entries: list[_Pulled], client: RegistryClient,
                           reg: _Registry, report: SyncReport, cancel: CancelToken | None,
                           faults: list[RegistryDistrustedError], *, fresh: bool) -> None:
        """Each device's verified enrolment entry, fresh enough to speak for the records'
        log indexes (its checkpoint covers them: no revocation before them is hidden in
        what the registry showed), then :func:`_vouch_reason` for each record."""
        by_device: dict[str, list[_Pulled]] = {}
        for e in entries:
            if e.reason is None and e.opened is not None:
                by_device.setdefault(e.opened.record.device, []).append(e)
        verifier = NoteVerifier.from_vkey(reg.log_key)
        for device, group in by_device.items():
            check(cancel)
            need = max(e.receipt.log_index for e in group if e.receipt is not None)
            enrol = None if fresh else self._covering_enrolment(device, need, verifier, reg)
            if enrol is None:
                try:
                    answer = self._retry(lambda d=device: client.get_json(  # type: ignore[misc]
                        f"{API}/devices/{d}/enrolment"), report, cancel)
                except RegistryError as err:
                    if err.status >= 500:
                        raise
                    for e in group:
                        e.refuse("not_enrolled", f"The log holds no enrolment of device "
                                                 f"{device} ({err.remote_code}).")
                    continue
                try:
                    self._keep_enrolment(client, reg, device, answer, report, cancel)
                    report.enrolments += 1
                except LogConflictError as err:
                    faults.append(err)
                    for e in group:
                        e.refuse("log_conflict", err.message)
                    continue
                except EnrolmentProofError as err:
                    faults.append(RegistryDistrustedError(err.message))
                    for e in group:
                        e.refuse("bad_enrolment", err.message)
                    continue
                enrol = self._covering_enrolment(device, need, verifier, reg)
                if enrol is None:
                    for e in group:
                        e.refuse("bad_enrolment", "The registry's enrolment answer is older "
                                                  "than the record it should speak for.")
                    continue
            for e in group:
                assert e.receipt is not None
                found = _vouch_reason(enrol, e.receipt.log_index)
                if found is not None:
                    e.refuse(*found)

    def _covering_enrolment(self, device: str, index: int, verifier: NoteVerifier,
                            reg: _Registry) -> Enrolment | None:
        """The stored enrolment of ``device`` if its checkpoint covers log ``index``."""
        found = stored_enrolment(self.service, device)
        if found is None:
            return None
        size = open_checkpoint(found.checkpoint, verifier, origin=reg.origin).size
        return found if size > index else None

    def _keep_pulled(self, e: _Pulled, client: RegistryClient, report: SyncReport,
                     meter: _Progress, cancel: CancelToken | None) -> None:
        """Fetch the files of a vouched-for record, then keep it, its receipt and the cursor
        in one transaction. A file the registry cannot serve whole: ``file_unavailable``."""
        assert e.opened is not None and e.sub is not None and e.receipt is not None
        files: list[tuple[StoredBlob, str, str]] = []
        receipt, log_index = e.receipt, e.log_index
        assert log_index is not None
        try:
            for plain_sha, ref in e.opened.files.items():
                meta = next(f for f in self._files_of(e.opened.record.record)
                            if f["sha256"] == plain_sha)
                existing = self.vault.read().execute(
                    "SELECT 1 FROM attachments WHERE sha256 = ? AND size = ?",
                    (plain_sha, meta["size"])).fetchone()
                if existing is not None:
                    continue
                blob = self._download(client, ref, plain_size=meta["size"],
                                      label=meta["file_name"], report=report, meter=meter,
                                      cancel=cancel)
                files.append((blob, meta["media_type"], meta["file_name"]))
                report.files += 1

            def advance(conn: Connection) -> None:
                self._advance(conn, log_index)
                if conn.execute(
                        "INSERT OR IGNORE INTO receipts(record_id, log_index, receipt, "
                        "received_at) VALUES (?, ?, ?, ?)",
                        (receipt.record_id, receipt.log_index, receipt.model_dump_json(),
                         now_iso())).rowcount:
                    report.receipts += 1
                if conn.execute("DELETE FROM quarantine WHERE id = ?", (e.id,)).rowcount:
                    report.released += 1

            if self.service.store_pulled(e.opened.record, device_key=e.sub.device_key,
                                         log_index=receipt.log_index, files=files,
                                         after=advance):
                report.records += 1
        except (RegistryError, IntegrityError) as err:
            for blob, _media, _name in files:
                self.vault.attachments.delete(blob.blob)
            if isinstance(err, RegistryError) and err.status >= 500:
                raise
            if isinstance(err, UnknownSignerError):  # the vault's own gate (cannot happen)
                e.refuse("not_enrolled", err.message)
            else:
                e.refuse("file_unavailable", err.message)
        except BaseException:
            for blob, _media, _name in files:
                self.vault.attachments.delete(blob.blob)
            raise

    def _quarantine(self, e: _Pulled, report: SyncReport) -> None:
        """Keep the entry (as received) with its reason, out of every list, search and
        export, and move the cursor past it."""
        assert e.reason is not None
        now = now_iso()
        with self.vault.write() as conn:
            if conn.execute("SELECT 1 FROM sealed WHERE record_id = ?", (e.id,)).fetchone():
                # a record the vault already holds, served again badly: nothing to keep
                if e.log_index is not None:
                    self._advance(conn, e.log_index)
                self.log("pull", "refused", f"record {e.id[:12]}… (already kept) served "
                                            f"again badly ({e.reason}): {e.detail}")
                return
            new = conn.execute("SELECT 1 FROM quarantine WHERE id = ?",
                               (e.id,)).fetchone() is None
            conn.execute(
                "INSERT INTO quarantine(id, log_index, device, reason, detail, item, "
                "first_seen, checked_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) "
                "ON CONFLICT(id) DO UPDATE SET reason = excluded.reason, "
                "detail = excluded.detail, checked_at = excluded.checked_at, "
                "attempts = quarantine.attempts + 1",
                (e.id, e.log_index, e.device, e.reason, e.detail[:2000], e.item_json, now,
                 now))
            if e.log_index is not None:
                self._advance(conn, e.log_index)
        report.quarantined += new
        self.log("pull", "refused", f"record {e.id[:12]}… "
                                    f"{'quarantined' if new else 'still quarantined'} "
                                    f"({e.reason}): {e.detail}")

    # --- the quarantine ---------------------------------------------------------------------

    def quarantined(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """Pulled records the log does not vouch for, newest first: id, claimed log index and
        device, ``reason`` (a code of :data:`QUARANTINE_REASONS`), ``explanation`` (that
        reason in plain English), ``detail`` (what failed), ``retryable`` (a re-check may
        release it), first and last checked, attempts."""
        rows = self.vault.read().execute(
            "SELECT id, log_index, device, reason, detail, first_seen, checked_at, attempts "
            "FROM quarantine ORDER BY first_seen DESC, id LIMIT ?", (limit,))
        out = []
        for rid, index, device, reason, detail, first, checked, attempts in rows:
            out.append({"id": rid, "log_index": index, "device": device, "reason": reason,
                        "explanation": QUARANTINE_REASONS.get(reason, reason),
                        "retryable": reason in RETRYABLE, "detail": detail,
                        "first_seen": first, "checked_at": checked, "attempts": attempts})
        return out

    def quarantine_count(self) -> int:
        return int(self.vault.read().execute("SELECT count(*) FROM quarantine").fetchone()[0])

    def recheck_quarantine(self, *, everything: bool = False, progress: Progress | None = None,
                           cancel: CancelToken | None = None) -> SyncReport:
        """Check the quarantined records again with a fresh receipt and a fresh enrolment
        entry (e.g. once a device's enrolment appears, or the organisation key that opens
        them is imported): those that now verify move into the vault. By default only the
        reasons that can resolve (:data:`RETRYABLE`); ``everything`` re-checks all."""
        reg = self._require("staff")
        org = self._staff_keys()
        report = SyncReport("recheck")
        try:
            with self._client(reg) as client:
                self._recheck(client, reg, org, report, _Progress(progress, 0), cancel,
                              everything=everything)
        except FieldKitError as e:
            self.log("pull", "error", f"re-check: {e.code}: {e.message}")
            raise
        self.log("pull", "ok", f"re-check: {report.released} released, "
                               f"{self.quarantine_count()} in quarantine")
        return report

    def _recheck(self, client: RegistryClient, reg: _Registry, org: dict[str, OrgPrivateKey],
                 report: SyncReport, meter: _Progress, cancel: CancelToken | None, *,
                 everything: bool = False, limit: int | None = None) -> None:
        """Re-check quarantined records: each entry is asked for again (``GET /v1/records``
        at its log index: a copy garbled on the way is replaced by the registry's own), then
        checked like a new one with a fresh receipt and enrolment entry."""
        rows = [(rid, index, item) for rid, index, item, reason in self.vault.read().execute(
            "SELECT id, log_index, item, reason FROM quarantine ORDER BY checked_at, id")
                if everything or reason in RETRYABLE][:limit]
        items: list[Any] = []
        for rid, index, item in rows:
            check(cancel)
            fresh: Any = None
            if index is not None:
                page = self._retry(lambda i=index: client.get_json(  # type: ignore[misc]
                    f"{API}/records", params={"cursor": i - 1, "limit": 1}), report, cancel)
                found = page.get("records") if isinstance(page, dict) else None
                if isinstance(found, list) and found and isinstance(found[0], dict) \
                        and found[0].get("record_id") == rid:
                    fresh = found[0]
            items.append(fresh if fresh is not None else json.loads(item))
        for start in range(0, len(items), 100):
            faults = self._pull_page(client, reg, org, items[start:start + 100], report, meter,
                                     cancel, fresh=True)
            if faults:
                raise faults[0]

    def _download(self, client: RegistryClient, ref: submission.FileRef, *, plain_size: int,
                  label: str, report: SyncReport, meter: _Progress,
                  cancel: CancelToken | None) -> StoredBlob:
        """Fetch an encrypted file chunk by chunk into ``.incoming`` (resuming a partial one),
        check its digest, then adopt it into the store (which checks it decrypts to the
        plaintext digest the signed record names)."""
        import hashlib

        manifest = self._retry(lambda: client.get_json(f"{API}/files/{ref.cipher_sha256}"),
                               report, cancel)
        part = self.vault.attachments.incoming_dir() / f"{ref.cipher_sha256}.part"
        state = part.with_suffix(".json")
        done = json.loads(state.read_text()) if state.exists() and part.exists() else {
            "chunks": 0, "bytes": 0}
        meter.total += int(manifest["size"])
        meter.add(done["bytes"])
        with open(part, "ab") as out:
            out.truncate(done["bytes"])
            for i, digest in enumerate(manifest["chunks"]):
                if i < done["chunks"]:
                    continue
                check(cancel)
                data = self._retry(lambda d=digest: client.request(  # type: ignore[misc]
                    "GET", f"{API}/chunks/{d}").content, report, cancel)
                if hashlib.sha256(data).hexdigest() != digest:
                    raise IntegrityError(f"Chunk {digest[:12]}… of {label} does not match its "
                                         "digest.")
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
                done = {"chunks": i + 1, "bytes": done["bytes"] + len(data)}
                state.write_text(json.dumps(done))
                report.bytes_received += len(data)
                meter.add(len(data))
        digest, size = file_sha256(part)
        if (digest, size) != (ref.cipher_sha256, ref.cipher_size):
            part.unlink(missing_ok=True)
            state.unlink(missing_ok=True)
            raise IntegrityError(f"The downloaded file {label} does not match its digest.")
        state.unlink(missing_ok=True)
        try:  # the upload padding (ADR 0015), checked and cut off
            strip_file_padding(part, file_key=ref.key, plain_size=plain_size)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        plain_sha = ref.plain_sha256
        return self.vault.attachments.adopt(part, key=ref.key, sha256=plain_sha,
                                            size=plain_size, label=label)

    # --- provenance: receipts of pulled records, device enrolments ------------------------------

    def _backfill_receipts(self, client: RegistryClient, reg: _Registry, report: SyncReport,
                           cancel: CancelToken | None) -> None:
        """Ask for the receipt of every pulled record that has none (pulled from a registry
        that did not send them), verify it against the sealed record, and keep it."""
        own = self.vault.device_key.verify_key.key_id
        rows = self.vault.read().execute(
            "SELECT s.record_id FROM sealed s LEFT JOIN receipts r ON r.record_id = s.record_id "
            "WHERE r.record_id IS NULL AND s.device != ? ORDER BY s.record_id",
            (own,)).fetchall()
        if not rows:
            return
        verifier = NoteVerifier.from_vkey(reg.log_key)
        opened: dict[str, Checkpoint] = {}
        for (record_id,) in rows:
            check(cancel)
            try:
                answer = self._retry(lambda r=record_id: client.get_json(  # type: ignore[misc]
                    f"{API}/receipts/{r}"), report, cancel)
            except RegistryError as e:
                if e.status == 404:  # not at this registry (e.g. imported another way)
                    continue
                raise
            sealed = self.service.sealed_record(record_id)
            try:
                receipt = Receipt.model_validate(answer)
                cp = verify_record_receipt(receipt, sealed, verifier=verifier,
                                           origin=reg.origin, opened=opened)
            except (IntegrityError, PydanticValidationError) as e:
                why = e.message if isinstance(e, FieldKitError) else "malformed"
                self._distrust(f"bad receipt for {record_id[:12]}…: {why}")
                raise RegistryDistrustedError(
                    "The registry's receipt does not prove the record was logged.") from None
            self._keep_checkpoint(cp, client=client, report=report, cancel=cancel)
            with self.vault.write() as conn:
                conn.execute("INSERT OR IGNORE INTO receipts(record_id, log_index, receipt, "
                             "received_at) VALUES (?, ?, ?, ?)",
                             (record_id, receipt.log_index, receipt.model_dump_json(),
                              now_iso()))
            report.receipts += 1

    def refresh_enrolments(self, *, force: bool = False,
                           cancel: CancelToken | None = None) -> SyncReport:
        """Fetch and verify the enrolment entries of this device and of every device whose
        records the vault holds: the missing ones, or (``force``) all of them again."""
        reg = self._require("monitor", "staff")
        report = SyncReport("enrolments")
        with self._client(reg) as client:
            self._refresh_enrolments(client, reg, report, cancel, force=force)
        return report

    def _refresh_enrolments(self, client: RegistryClient, reg: _Registry, report: SyncReport,
                            cancel: CancelToken | None, *, force: bool = False) -> None:
        conn = self.vault.read()
        devices = [self.vault.device_key.verify_key.key_id] + [
            d for (d,) in conn.execute("SELECT DISTINCT device FROM sealed ORDER BY device")]
        stale = (datetime.now(UTC) - ENROLMENT_REFRESH).isoformat(
            timespec="milliseconds").replace("+00:00", "Z")
        fresh = {k for (k,) in conn.execute(
            "SELECT key_id FROM device_enrolments WHERE fetched_at >= ?", (stale,))}
        for key_id in dict.fromkeys(devices):
            if key_id in fresh and not force:
                continue
            check(cancel)
            try:
                answer = self._retry(lambda k=key_id: client.get_json(  # type: ignore[misc]
                    f"{API}/devices/{k}/enrolment"), report, cancel)
            except RegistryError as e:
                if e.status != 404:
                    raise
                self.log("check", "refused", f"the registry has no enrolment entry for "
                                             f"{key_id}")
                continue
            self._keep_enrolment(client, reg, key_id, answer, report, cancel)
            report.enrolments += 1

    def _keep_enrolment(self, client: RegistryClient, reg: _Registry, key_id: str,
                        answer: Any, report: SyncReport, cancel: CancelToken | None) -> None:
        verifier = NoteVerifier.from_vkey(reg.log_key)
        try:
            e = DeviceEnrolment.model_validate(answer)
            if e.key_id != key_id:
                raise EnrolmentProofError(f"The registry answered with the enrolment of "
                                          f"{e.key_id} for {key_id}.")
            public_key = base64.b64decode(e.public_key, validate=True)
            leaf = base64.b64decode(e.leaf, validate=True)
            proof = [base64.b64decode(h, validate=True) for h in e.inclusion_proof]
            cp = verify_enrolment_entry(key_id=key_id, public_key=public_key, role=e.role,
                                        log_index=e.log_index, leaf=leaf,
                                        inclusion_proof=proof, checkpoint=e.checkpoint,
                                        verifier=verifier, origin=reg.origin)
            if e.revocation is not None:
                if e.revoked_at is None:
                    raise EnrolmentProofError("A revocation entry without a revocation time.")
                verify_revocation_entry(
                    key_id=key_id, log_index=e.revocation.log_index,
                    leaf=base64.b64decode(e.revocation.leaf, validate=True),
                    inclusion_proof=[base64.b64decode(h, validate=True)
                                     for h in e.revocation.inclusion_proof],
                    checkpoint=e.checkpoint, verifier=verifier, origin=reg.origin)
            known = self.service._trusted().get(key_id)
            if known is not None and known.to_bytes() != public_key:  # cannot happen: ids hash
                raise EnrolmentProofError(f"The enrolled key of {key_id} is not the key whose "
                                          "records this vault holds.")
        except (IntegrityError, PydanticValidationError, ValueError) as err:
            why = err.message if isinstance(err, FieldKitError) else "malformed answer"
            self._distrust(f"bad enrolment entry for {key_id}: {why}")
            raise EnrolmentProofError(f"The registry's enrolment entry for {key_id} does not "
                                      f"hold: {why}") from None
        self._keep_checkpoint(cp, client=client, report=report, cancel=cancel)
        now = now_iso()
        with self.vault.write() as conn:
            conn.execute(
                "INSERT INTO device_enrolments(key_id, public_key, role, log_index, leaf, "
                "inclusion_proof, checkpoint, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(key_id) DO UPDATE SET public_key = excluded.public_key, "
                "role = excluded.role, log_index = excluded.log_index, leaf = excluded.leaf, "
                "inclusion_proof = excluded.inclusion_proof, checkpoint = excluded.checkpoint, "
                "fetched_at = excluded.fetched_at",
                (key_id, public_key, e.role, e.log_index, leaf, json.dumps(e.inclusion_proof),
                 e.checkpoint, now))
            if e.revoked_at is not None:
                r = e.revocation
                conn.execute(
                    "INSERT OR REPLACE INTO device_revocations(key_id, revoked_at, log_index, "
                    "leaf, inclusion_proof, checkpoint, fetched_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key_id, e.revoked_at, None if r is None else r.log_index,
                     None if r is None else base64.b64decode(r.leaf),
                     None if r is None else json.dumps(r.inclusion_proof),
                     None if r is None else e.checkpoint, now))

    # --- export events ----------------------------------------------------------------------

    def queued_exports(self) -> int:
        row = self.vault.read().execute(
            "SELECT count(*) FROM exports WHERE reported_at IS NULL").fetchone()
        return int(row[0])

    def report_exports(self, *, cancel: CancelToken | None = None) -> SyncReport:
        """Send unreported exports to the registry's audit log (also part of :meth:`sync`)."""
        reg = self._require()
        report = SyncReport("exports")
        with self._client(reg) as client:
            self._report_exports(client, report, cancel)
        return report

    def _report_exports(self, client: RegistryClient, report: SyncReport,
                        cancel: CancelToken | None) -> None:
        """Every ``exports`` row with ``reported_at`` NULL, in batches; a row the registry
        would refuse (malformed, too many records) is logged and left queued, so one bad row
        never blocks the others. File names stay in the vault: only digests and sizes go."""
        rows = self.vault.read().execute(
            "SELECT id, at, kind, audience, language, record_ids, files FROM exports "
            "WHERE reported_at IS NULL ORDER BY at, id").fetchall()
        events: list[ExportEventIn] = []
        for export_id, at, kind, audience, language, record_ids, files in rows:
            try:
                events.append(ExportEventIn.model_validate({
                    "id": export_id, "at": at, "kind": kind, "audience": audience,
                    "language": language, "record_ids": json.loads(record_ids),
                    "files": [{"sha256": f["sha256"], "size": f["size"]}
                              for f in json.loads(files)]}))
            except (PydanticValidationError, ValueError, TypeError, KeyError) as e:
                self.log("export", "refused", f"export {export_id} cannot be reported: "
                                              f"{str(e).splitlines()[0][:300]}")
        for start in range(0, len(events), MAX_EXPORTS):
            check(cancel)
            batch = [e.model_dump() for e in events[start:start + MAX_EXPORTS]]
            answer = self._retry(lambda b=batch: client.post_json(  # type: ignore[misc]
                f"{API}/exports", {"exports": b}), report, cancel)
            done = [str(i) for i in answer.get("new", []) + answer.get("duplicates", [])]
            at = now_iso()
            with self.vault.write() as conn:
                for export_id in done:
                    conn.execute("UPDATE exports SET reported_at = ? WHERE id = ? AND "
                                 "reported_at IS NULL", (at, export_id))
            report.exports += len(answer.get("new", []))
        if events:
            self.log("export", "ok", f"{report.exports} export events reported")

    # --- running ------------------------------------------------------------------------------

    def sync(self, *, progress: Progress | None = None, cancel: CancelToken | None = None,
             attempts: int | None = None) -> SyncReport:
        """One sync: push for a monitor, pull for staff. ``attempts`` bounds the retries of
        each step (default: the config's)."""
        reg = self._require()
        self._attempts = attempts or self.config.attempts
        try:
            if reg.role in ("staff", "monitor"):
                # exports first: a push that cannot proceed (no organisation key yet, a
                # record refused) must not keep them from the audit log
                exported = SyncReport("exports")
                try:
                    with self._client(reg) as client:
                        self._report_exports(client, exported, cancel)
                except FieldKitError as e:
                    self.log("export", "error", f"{e.code}: {e.message}")
                    raise
                report = (self.pull if reg.role == "staff" else self.push)(
                    progress=progress, cancel=cancel)
                report.exports = exported.exports
                report.retries += exported.retries
                return report
        finally:
            self._attempts = self.config.attempts
        raise UsageError("An admin vault has nothing to sync; admins read the audit log.")

    def watch(self, *, cancel: CancelToken, interval: float = 30.0,
              on_result: Callable[[SyncReport | FieldKitError], None] | None = None) -> None:
        """Sync now, then every ``interval`` seconds; while the registry is unreachable, back
        off exponentially (with jitter) up to the interval. Stops when ``cancel`` is set.
        Integrity failures stop the loop: they need a person."""
        delay = self.config.backoff_base
        while not cancel.cancelled:
            try:
                # a few quick retries per step; the loop itself backs off between runs
                result: SyncReport | FieldKitError = self.sync(cancel=cancel, attempts=3)
                wait = interval
                delay = self.config.backoff_base
            except (RegistryUnreachableError, RegistryError) as e:
                result = e
                wait = min(interval, delay) * (0.5 + self._rng.random())
                delay = min(interval, delay * 2)
            except IntegrityError as e:
                if on_result is not None:
                    on_result(e)
                raise
            if on_result is not None:
                on_result(result)
            end = time.monotonic() + wait
            while not cancel.cancelled and time.monotonic() < end:
                self._sleep(min(0.2, max(0.0, end - time.monotonic())))

    def status(self) -> dict[str, Any]:
        reg = self.registry()
        conn = self.vault.read()
        last_receipt = conn.execute(
            "SELECT record_id, log_index, received_at FROM receipts ORDER BY received_at DESC "
            "LIMIT 1").fetchone()
        last_error = conn.execute(
            "SELECT at, action, detail FROM sync_log WHERE outcome != 'ok' ORDER BY id DESC "
            "LIMIT 1").fetchone()
        last_ok = conn.execute(
            "SELECT at, action, detail FROM sync_log WHERE outcome = 'ok' ORDER BY id DESC "
            "LIMIT 1").fetchone()
        cp = conn.execute("SELECT size, seen_at FROM log_checkpoints ORDER BY size DESC "
                          "LIMIT 1").fetchone()
        return {
            "enrolled": reg is not None,
            "registry": None if reg is None else {"url": reg.url, "role": reg.role,
                                                  "device": reg.key_id,
                                                  "org_key": reg.org_key,
                                                  "distrusted": reg.distrusted},
            "queue": self.pending_count() if reg is not None and reg.role == "monitor" else 0,
            "exports_queued": self.queued_exports(),
            "quarantined": self.quarantine_count(),
            "log_conflicts": len(self.conflicts()),
            "last_receipt": None if last_receipt is None else dict(zip(
                ("record_id", "log_index", "at"), last_receipt, strict=True)),
            "last_success": None if last_ok is None else dict(zip(
                ("at", "action", "detail"), last_ok, strict=True)),
            "last_error": None if last_error is None else dict(zip(
                ("at", "action", "detail"), last_error, strict=True)),
            "last_checkpoint": None if cp is None else {"size": cp[0], "seen_at": cp[1]},
        }

    def sync_log(self, *, limit: int = 50) -> list[dict[str, str]]:
        rows = self.vault.read().execute(
            "SELECT at, action, outcome, detail FROM sync_log ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(zip(("at", "action", "outcome", "detail"), r, strict=True)) for r in rows]


def _newer(new: Registration, current: tuple[int, int | None]) -> bool:
    """A registration replaces the one in use only if the log has it later and, when both
    were signed by admins, the admin signed it later (a replayed old request is not newer)."""
    index, signed_at = current
    if new.log_index <= index:
        return False
    return signed_at is None or (new.signed_at is not None and new.signed_at >= signed_at)
