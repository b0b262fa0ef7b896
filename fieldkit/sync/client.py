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
from typing import Any, Final, TypeVar

import httpx
from pydantic import ValidationError as PydanticValidationError

from fieldkit.crypto.digest import file_sha256
from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.orgkey import (
    OrgPrivateKey,
    OrgPublicKey,
    export_key_package,
    import_key_package,
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
from fieldkit.sync.padding import PaddedFile, padded_file_size, strip_file_padding
from fieldkit.sync.protocol import (
    API,
    MAX_CHUNK_QUERY,
    MAX_EXPORTS,
    DeviceEnrolment,
    EnrollResponse,
    ExportEventIn,
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


class OrgKeyChangedError(IntegrityError):
    code = "org_key_changed"
    default_hint = ("Records are not sent until an administrator confirms the organisation's "
                    "key. If it really changed, enrol this vault again with a new code.")


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
        verifier = NoteVerifier.from_vkey(code.log_key)
        self._keep_checkpoint(open_checkpoint(answer.checkpoint, verifier, origin=code.origin),
                              client=None)
        self.log("enroll", "ok", f"{answer.role} {answer.key_id} at {code.url}")
        return answer

    def org_key_init(self) -> OrgPublicKey:
        """Staff: create the organisation's key pair in this vault."""
        if self._org_private() is not None:
            raise UsageError("This vault already holds an organisation key.",
                             hint="`fieldkit org-key show` prints its public part.")
        key = OrgPrivateKey.generate()
        self._keep_org_key(key)
        return key.public_key

    def _keep_org_key(self, key: OrgPrivateKey) -> None:
        with self.vault.write() as conn:
            conn.execute("INSERT OR IGNORE INTO org_keys(key_id, private, created_at) "
                         "VALUES (?, ?, ?)", (key.public_key.key_id, key.to_bytes(), now_iso()))

    def _org_private(self) -> OrgPrivateKey | None:
        row = self.vault.read().execute(
            "SELECT private FROM org_keys ORDER BY created_at DESC LIMIT 1").fetchone()
        return None if row is None else OrgPrivateKey.from_bytes(bytes(row[0]))

    def org_key_export(self, passphrase: str) -> bytes:
        key = self._org_private()
        if key is None:
            raise NotFoundError("This vault holds no organisation key.")
        self.vault.log_activity("org-key-export", key.public_key.key_id)
        return export_key_package(key, passphrase)

    def org_key_import(self, package: bytes, passphrase: str) -> OrgPublicKey:
        key = import_key_package(package, passphrase)
        self._keep_org_key(key)
        self.vault.log_activity("org-key-import", key.public_key.key_id)
        return key.public_key

    def org_public(self) -> OrgPublicKey | None:
        key = self._org_private()
        return None if key is None else key.public_key

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
            proof = self._retry(lambda: client.get_json(  # signed: enrolled devices only
                f"{API}/log/consistency",
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
                org = self._retry(lambda: self._org_key_for_push(reg, client), report, cancel)
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

    def _org_key_for_push(self, reg: _Registry, client: RegistryClient) -> OrgPublicKey:
        """The staff key records are sealed to. The enrolment code's key is the anchor; a
        vault enrolled before the key existed learns it from the registry (logged), and a
        registry that later offers another key is refused, never followed."""
        try:
            offered = client.get_json(f"{API}/org-key")["org_key"]
        except RegistryError as e:
            if e.status != 404:
                raise
            offered = None
        if reg.org_key is None:
            if offered is None:
                raise OrgKeyMissingError("No organisation key exists yet, so records cannot be "
                                         "sealed to the staff; they stay queued.")
            key = OrgPublicKey.from_text(offered)
            with self.vault.write() as conn:
                conn.execute("UPDATE sync_registry SET org_key = ? WHERE id = 1",
                             (key.to_text(),))
            self.log("check", "ok", f"organisation key {key.key_id} learned from the registry")
            return key
        if offered is not None and offered != reg.org_key:
            self.log("check", "refused", f"registry offers another organisation key {offered}")
            raise OrgKeyChangedError("The registry offers another organisation key than the one "
                                     "this vault was enrolled with; nothing is sealed to it.")
        return OrgPublicKey.from_text(reg.org_key)

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
        org = self._org_private()
        if org is None:
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

    def _pull_one(self, client: RegistryClient, org: OrgPrivateKey, item: dict[str, Any],
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
        try:  # the upload padding (ADR 0015), checked and cut off
            strip_file_padding(part, file_key=ref.key, plain_size=plain_size)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
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
