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
record's verified receipt; pull keeps the receipt the registry sends with each record (checked
against the pinned log key and against the decrypted sealed record, byte for byte) and asks
for the missing ones; both then fetch and verify the enrolment entry of this device and of
every device whose records the vault holds (``device_enrolments``, revocations in
``device_revocations``). :meth:`SyncClient.sync` finally reports the vault's unreported
exports (``exports`` rows) to the registry's audit log.
"""

from __future__ import annotations

import base64
import json
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, TypeVar

import httpx
from pydantic import ValidationError as PydanticValidationError

from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.orgkey import (
    OrgPrivateKey,
    OrgPublicKey,
    export_key_packages,
    import_key_packages,
)
from fieldkit.domain import sealing
from fieldkit.errors import (
    FieldKitError,
    IntegrityError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import VaultService
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
from fieldkit.sync.protocol import (
    API,
    MAX_CHUNK_QUERY,
    MAX_EXPORTS,
    DeviceEnrolment,
    EnrollResponse,
    ExportEventIn,
    OrgKeyResponse,
    Receipt,
)
from fieldkit.sync.provenance import verify_record_receipt
from fieldkit.sync.receipts import (
    EnrolmentProofError,
    ReceiptError,
    check_record_leaf,
    verify_consistency,
    verify_enrolment_entry,
    verify_receipt,
    verify_revocation_entry,
)
from fieldkit.sync.transport import RegistryClient, RegistryError, RegistryUnreachableError, enroll

T = TypeVar("T")
#: A stored enrolment entry older than this is fetched again (to learn of a revocation).
ENROLMENT_REFRESH: Final = timedelta(hours=24)


class NotEnrolledError(UsageError):
    code = "not_enrolled"
    default_hint = "Enrol this vault with `fieldkit enroll CODE` (a code from an administrator)."


class RegistryDistrustedError(IntegrityError):
    code = "registry_distrusted"
    default_hint = ("The registry served a proof that does not hold. Nothing more is sent to "
                    "it. Tell an administrator; after they resolve it, run "
                    "`fieldkit sync trust --reset`.")


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
            conn.execute("UPDATE sync_registry SET distrusted = ? WHERE id = 1", (reason,))
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
        """Check ``cp`` against the newest stored checkpoint (consistency proof) and keep it.
        An inconsistent history distrusts the registry and raises."""
        last = self._latest_checkpoint()
        if last is not None and last.size != cp.size and client is not None:
            old, new = (last, cp) if last.size < cp.size else (cp, last)
            proof = self._retry(lambda: client.get_json(
                f"{API}/log/consistency", sign=False,
                params={"first": old.size, "second": new.size}),
                report or SyncReport("check"), cancel)
            try:
                verify_consistency(old, new, proof["proof"])
            except IntegrityError as e:
                self._distrust(f"checkpoints {old.size} and {new.size} are inconsistent: "
                               f"{e.message}")
                raise RegistryDistrustedError(
                    "The registry's log history changed: its checkpoints are inconsistent.") \
                    from None
        elif last is not None and last.size == cp.size and last.root != cp.root:
            self._distrust(f"two different roots for size {cp.size}")
            raise RegistryDistrustedError("The registry signed two different logs of the "
                                          "same size.")

        with self.vault.write() as conn:
            conn.execute("INSERT OR IGNORE INTO log_checkpoints(size, root, note, seen_at) "
                         "VALUES (?, ?, ?, ?)", (cp.size, cp.root, cp.text, now_iso()))

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

    def _digests(self, path: Path, progress: _Progress, cancel: CancelToken | None,
                 ) -> tuple[str, int, list[tuple[int, int, str]]]:
        """One read of an encrypted file: its SHA-256, its size, and the (offset, length,
        sha256) of each wire chunk. Hashing gigabytes takes seconds, so the unchanged progress
        is re-reported as it goes (the caller's UI shows the job alive) and cancel is honoured."""
        import hashlib

        whole = hashlib.sha256()
        chunks: list[tuple[int, int, str]] = []
        offset = 0
        with open(path, "rb") as f:
            while block := f.read(self.config.chunk_size):
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
        path = self.vault.attachments.encrypted_path(blob)
        cipher_sha, cipher_size, chunks = self._digests(path, progress, cancel)
        missing: set[str] = set()
        for start in range(0, len(chunks), MAX_CHUNK_QUERY):
            digests = [c[2] for c in chunks[start:start + MAX_CHUNK_QUERY]]
            answer = self._retry(lambda d=digests: client.post_json(  # type: ignore[misc]
                f"{API}/chunks/missing", {"chunks": d}), report, cancel)
            missing.update(answer["missing"])
        with open(path, "rb") as f:
            for offset, length, digest in chunks:
                if digest not in missing:
                    progress.add(length)
                    continue
                check(cancel)
                f.seek(offset)
                data = f.read(length)

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
            meter = _Progress(progress, sum(os.path.getsize(
                self.vault.attachments.encrypted_path(b)) for b in blobs.values()))
            with self._client(reg) as client:
                org = self._retry(lambda: self._org_key_for_push(reg, client, report, cancel),
                                  report, cancel)
                for start in range(0, len(pending), self.config.batch):
                    batch = [sealing.open_sealed(env, trusted, expected_id=rid)
                             for rid, _seq, env in pending[start:start + self.config.batch]]
                    envelopes = []
                    for sealed in batch:
                        refs = [self._upload(client, blobs[f["sha256"]], report, meter, cancel)
                                for f in self._files_of(sealed.record)]
                        envelopes.append(submission.make(
                            sealed, key=self.vault.device_key, org=org, files=refs).to_json())
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
        checkpoints = []
        opened: dict[str, Checkpoint] = {}
        for receipt, sealed in zip(receipts, batch, strict=True):
            try:
                checkpoints.append(verify_record_receipt(receipt, sealed, verifier=verifier,
                                                         origin=reg.origin, opened=opened))
            except IntegrityError as e:
                self._distrust(f"bad receipt for {receipt.record_id[:12]}…: {e.message}")
                raise RegistryDistrustedError(
                    "The registry's receipt does not prove the record was logged.") from None
        # checked (and, if need be, the registry distrusted) before anything is stored
        self._keep_checkpoint(max(checkpoints, key=lambda c: c.size), client=client,
                              report=report, cancel=cancel)
        with self.vault.write() as conn:
            for receipt in receipts:
                conn.execute("INSERT OR IGNORE INTO receipts(record_id, log_index, receipt, "
                             "received_at) VALUES (?, ?, ?, ?)",
                             (receipt.record_id, receipt.log_index, receipt.model_dump_json(),
                              now_iso()))

    # --- pull (staff) -------------------------------------------------------------------------

    def pull(self, *, progress: Progress | None = None,
             cancel: CancelToken | None = None) -> SyncReport:
        """Fetch new records since the stored cursor, decrypt and verify them, fetch their
        files, and keep them; the cursor advances with each record kept."""
        reg = self._require("staff")
        org = self._org_privates()
        if not org:
            raise OrgKeyMissingError("This staff vault holds no organisation key to open "
                                     "records with.",
                                     hint="Import it with `fieldkit org-key import FILE`.")
        report = SyncReport("pull")
        meter = _Progress(progress, 0)
        try:
            with self._client(reg) as client:
                while True:
                    check(cancel)
                    row = self.vault.read().execute(
                        "SELECT cursor FROM pull_state WHERE id = 1").fetchone()
                    cursor = -1 if row is None else int(row[0])
                    page = self._retry(lambda c=cursor: client.get_json(  # type: ignore[misc]
                        f"{API}/records", params={"cursor": c, "limit": 100}), report, cancel)
                    if not page["records"]:
                        break
                    receipts = self._check_pulled_receipts(client, reg, page["records"],
                                                           report, cancel)
                    for item in page["records"]:
                        self._pull_one(client, org, item, report, meter, cancel,
                                       receipt=receipts.get(str(item["record_id"])))
                self._backfill_receipts(client, reg, report, cancel)
                self._refresh_enrolments(client, reg, report, cancel)
            last = self._latest_checkpoint()
            report.checkpoint_size = last.size if last else None
        except FieldKitError as e:
            self.log("pull", "error", f"{e.code}: {e.message}")
            raise
        self.log("pull", "ok", f"{report.records} records, {report.files} files, "
                               f"{report.bytes_received} bytes")
        return report

    def _pull_one(self, client: RegistryClient, org: dict[str, OrgPrivateKey],
                  item: dict[str, Any],
                  report: SyncReport, meter: _Progress, cancel: CancelToken | None, *,
                  receipt: Receipt | None = None) -> None:
        env = Envelope.from_json(item["envelope"])
        if env.payload_type != submission.PAYLOAD_TYPE:
            raise ValidationError(f"Record {item['record_id'][:12]}… reached the registry "
                                  "unsealed; staff vaults keep only records sealed to them.")
        sub = submission.open_outer(env)
        opened = submission.open_inner(sub, org)
        if receipt is not None:
            sealed = opened.record
            try:
                check_record_leaf(base64.b64decode(receipt.leaf), record_id=sealed.record_id,
                                  device=sealed.device, seq=sealed.seq, kind=sealed.kind)
            except IntegrityError as e:
                self._distrust(f"bad receipt for {sealed.record_id[:12]}…: {e.message}")
                raise RegistryDistrustedError(
                    "The registry's receipt does not match the record it served.") from None
        files = []
        for plain_sha, ref in opened.files.items():
            meta = next((f for f in self._files_of(opened.record.record)
                         if f["sha256"] == plain_sha), None)
            if meta is None:
                raise ValidationError("A sealed file key names no file of its record.")
            existing = self.vault.read().execute(
                "SELECT 1 FROM attachments WHERE sha256 = ? AND size = ?",
                (plain_sha, meta["size"])).fetchone()
            if existing is not None:
                continue
            blob = self._download(client, ref, plain_size=meta["size"], label=meta["file_name"],
                                  report=report, meter=meter, cancel=cancel)
            files.append((blob, meta["media_type"], meta["file_name"]))
            report.files += 1
        log_index = int(item["log_index"])

        def advance(conn: Connection) -> None:
            conn.execute("INSERT INTO pull_state(id, cursor) VALUES (1, ?) ON CONFLICT(id) "
                         "DO UPDATE SET cursor = excluded.cursor", (log_index,))
            if receipt is not None and conn.execute(
                    "INSERT OR IGNORE INTO receipts(record_id, log_index, receipt, received_at) "
                    "VALUES (?, ?, ?, ?)", (receipt.record_id, receipt.log_index,
                                            receipt.model_dump_json(), now_iso())).rowcount:
                report.receipts += 1

        try:
            if self.service.store_pulled(opened.record, device_key=sub.device_key, files=files,
                                         after=advance):
                report.records += 1
        except BaseException:
            for blob, _media, _name in files:
                self.vault.attachments.delete(blob.blob)
            raise

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
        plain_sha = ref.plain_sha256
        return self.vault.attachments.adopt(part, key=ref.key, sha256=plain_sha,
                                            size=plain_size, label=label)

    # --- provenance: receipts of pulled records, device enrolments ------------------------------

    def _check_pulled_receipts(self, client: RegistryClient, reg: _Registry,
                               items: list[dict[str, Any]], report: SyncReport,
                               cancel: CancelToken | None) -> dict[str, Receipt]:
        """Verify the receipts a pull page carries (log key, inclusion) and keep the newest
        checkpoint (consistency) before any record of the page is stored. Each receipt's leaf
        is compared with its record once the record is decrypted (:meth:`_pull_one`)."""
        verifier = NoteVerifier.from_vkey(reg.log_key)
        opened: dict[str, Checkpoint] = {}
        out: dict[str, Receipt] = {}
        checkpoints = []
        for item in items:
            if item.get("receipt") is None:
                continue  # a registry older than receipts-on-pull: asked for afterwards
            try:
                receipt = Receipt.model_validate(item["receipt"])
                if receipt.record_id != item["record_id"] \
                        or receipt.log_index != item["log_index"]:
                    raise ReceiptError("The receipt is about another record.")
                checkpoints.append(verify_receipt(receipt, verifier=verifier, origin=reg.origin,
                                                  record_id=receipt.record_id, opened=opened))
            except (IntegrityError, PydanticValidationError) as e:
                why = e.message if isinstance(e, FieldKitError) else "malformed"
                self._distrust(f"bad receipt for {str(item.get('record_id'))[:12]}…: {why}")
                raise RegistryDistrustedError(
                    "The registry's receipt does not prove the record was logged.") from None
            out[receipt.record_id] = receipt
        if checkpoints:
            self._keep_checkpoint(max(checkpoints, key=lambda c: c.size), client=client,
                                  report=report, cancel=cancel)
        return out

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
