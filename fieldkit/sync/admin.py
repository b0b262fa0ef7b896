"""Read-only views of the registry for people: its audit log and devices (administrators),
a cheap health check (anyone), and what this vault knows about the log (checkpoints).

Everything goes through the same pinned, signed :class:`RegistryClient` the sync client uses;
nothing here writes to the registry. Long reads (a whole audit CSV) take ``progress`` and a
``CancelToken`` and write their output atomically, so a cancelled export leaves no file.

Paging follows the registry: audit events come in id order and a page names the cursor of
the next one (``next_after``); "previous" is the caller remembering the cursors it used.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from fieldkit.errors import IntegrityError, UsageError, ValidationError
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.storage.keyfile import fsync_dir
from fieldkit.sync.checkpoint import NoteVerifier, open_checkpoint
from fieldkit.sync.client import NotEnrolledError, SyncClient
from fieldkit.sync.protocol import API, AuditPage, DeviceList
from fieldkit.sync.transport import RegistryClient

#: The registry's limits for one audit page (JSON) and one CSV page.
MAX_PAGE = 1000
OUTCOMES = ("ok", "refused", "error")


@dataclass(frozen=True)
class AuditFilter:
    """Which audit events to show; ``None`` means any. ``since <= at < until`` (ISO text:
    a date such as ``2026-12-01`` works as the start of that day)."""

    device: str | None = None
    action: str | None = None
    outcome: str | None = None
    since: str | None = None
    until: str | None = None

    def params(self) -> dict[str, str]:
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValidationError(f"Unknown outcome {self.outcome!r}.",
                                  hint=f"Use one of: {', '.join(OUTCOMES)}.")
        if self.since and self.until and self.until <= self.since:
            raise ValidationError(f"The period ends ({self.until}) before it starts "
                                  f"({self.since}).")
        return {k: v for k, v in (("device", self.device), ("action", self.action),
                                  ("outcome", self.outcome), ("since", self.since),
                                  ("until", self.until)) if v}


@dataclass(frozen=True)
class AuditRow:
    """One request the registry recorded (the fields of the registry's ``AuditEventOut``)."""

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
    detail: str = ""  # what an export event reported (kind, audience, records)
    claimed_device: str | None = None  # the key id claimed by a request that did not verify


AUDIT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(AuditRow))
_ROW_FIELDS = frozenset(AUDIT_COLUMNS)  # fields a newer registry adds are left out


@dataclass(frozen=True)
class AuditRows:
    """One page of audit events: those after the cursor ``after``; ``next_after`` is the
    cursor of the next page (``None``: this was the last)."""

    rows: tuple[AuditRow, ...]
    after: int
    next_after: int | None


@dataclass(frozen=True)
class DeviceRow:
    key_id: str
    role: str
    label: str
    enrolled_at: str
    revoked_at: str | None
    enrol_index: int | None


@dataclass(frozen=True)
class Health:
    url: str
    version: str


@dataclass(frozen=True)
class CheckpointStatus:
    """The newest log checkpoint this vault kept. Each was stored only after its signature
    verified against the pinned log key and a consistency proof linked it to the one before,
    so ``verified_at`` is when that check passed; :func:`checkpoint_status` verifies the
    signature again now (fails closed)."""

    origin: str
    size: int
    root_b64: str
    verified_at: str
    kept: int
    distrusted: str | None


def _registry_client(sync: SyncClient, *, timeout: float | None = None) -> RegistryClient:
    reg = sync.registry()
    if reg is None:
        raise NotEnrolledError("This vault is not enrolled with a registry.")
    return RegistryClient(reg.url, cert_pem=reg.cert_pem, key=sync.vault.device_key,
                          transport=sync.transport,
                          timeout=sync.config.timeout if timeout is None else timeout)


def health(sync: SyncClient, *, timeout: float = 3.0) -> Health:
    """Ask the registry whether it is up (unsigned, tiny). Raises
    :class:`~fieldkit.sync.transport.RegistryUnreachableError` when it is not."""
    with _registry_client(sync, timeout=timeout) as client:
        answer = client.get_json(f"{API}/health", sign=False)
        return Health(client.url, str(answer.get("version", "")))


def checkpoint_status(sync: SyncClient) -> CheckpointStatus | None:
    """The newest checkpoint kept, re-verified against the pinned log key; ``None`` before
    the first. A stored note that no longer verifies raises (never shown as fine)."""
    reg = sync.registry()
    if reg is None:
        raise NotEnrolledError("This vault is not enrolled with a registry.")
    conn = sync.vault.read()
    row = conn.execute("SELECT size, note, seen_at FROM log_checkpoints ORDER BY size DESC "
                       "LIMIT 1").fetchone()
    if row is None:
        return None
    kept = int(conn.execute("SELECT COUNT(*) FROM log_checkpoints").fetchone()[0])
    cp = open_checkpoint(row[1], NoteVerifier.from_vkey(reg.log_key), origin=reg.origin)
    if cp.size != int(row[0]):
        raise IntegrityError(f"The stored checkpoint says size {cp.size}, its row {row[0]}.")
    return CheckpointStatus(origin=cp.origin, size=cp.size,
                            root_b64=base64.b64encode(cp.root).decode("ascii"),
                            verified_at=str(row[2]), kept=kept, distrusted=reg.distrusted)


class AdminClient:
    """The registry's administration reads, for a vault enrolled as ``admin``."""

    def __init__(self, sync: SyncClient) -> None:
        reg = sync.registry()
        if reg is None:
            raise NotEnrolledError("This vault is not enrolled with a registry.")
        if reg.role != "admin":
            raise UsageError(f"This vault is enrolled as {reg.role}; the audit log is for "
                             "administrators.",
                             hint="Enrol an administrator's vault with an admin code.")
        self._sync = sync

    def _client(self) -> RegistryClient:
        return _registry_client(self._sync)

    def audit(self, filters: AuditFilter | None = None, *, after: int = 0,
              limit: int = 100) -> AuditRows:
        """One page of the audit log after the cursor ``after`` (0: from the start)."""
        _check_page(after, limit)
        params: dict[str, Any] = {**(filters or AuditFilter()).params(), "after": after,
                                  "limit": limit}
        with self._client() as client:
            page = AuditPage.model_validate(client.get_json(f"{API}/admin/audit",
                                                            params=params))
        rows = tuple(AuditRow(**{k: v for k, v in e.model_dump().items() if k in _ROW_FIELDS})
                     for e in page.events)
        return AuditRows(rows=rows, after=after, next_after=page.next_after)

    def audit_csv(self, filters: AuditFilter | None = None, *, after: int = 0,
                  limit: int = MAX_PAGE) -> bytes:
        """One page of the audit log as the registry's CSV (header included)."""
        _check_page(after, limit)
        params: dict[str, Any] = {**(filters or AuditFilter()).params(), "after": after,
                                  "limit": limit}
        with self._client() as client:
            return client.request("GET", f"{API}/admin/audit.csv", params=params).content

    def export_audit_csv(self, out: Path, filters: AuditFilter | None = None, *,
                         progress: Progress | None = None,
                         cancel: CancelToken | None = None) -> int:
        """Write every matching audit event to ``out`` as one CSV (the registry's columns and
        formula quoting), page by page; return the number of rows. Atomic and private: a
        cancelled or failed export leaves no file behind."""
        params = (filters or AuditFilter()).params()
        out = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=out.name, dir=out.parent)
        count, after = 0, 0
        try:
            with os.fdopen(fd, "wb") as f, self._client() as client:
                while True:
                    check(cancel)
                    body = client.request("GET", f"{API}/admin/audit.csv", params={
                        **params, "after": after, "limit": MAX_PAGE}).content
                    header, _sep, rest = body.partition(b"\n")  # the header has no newline
                    if count == 0 and after == 0:
                        f.write(header + b"\n")
                    f.write(rest)
                    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
                    count += len(rows)
                    if progress is not None:
                        progress(count, None)
                    if len(rows) < MAX_PAGE:
                        break
                    after = int(rows[-1]["id"])
                f.flush()
                os.fsync(f.fileno())
            check(cancel)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(out.parent)
        return count

    def devices(self) -> list[DeviceRow]:
        with self._client() as client:
            found = DeviceList.model_validate(client.get_json(f"{API}/admin/devices"))
        known = {f.name for f in fields(DeviceRow)}
        return [DeviceRow(**{k: v for k, v in d.model_dump().items() if k in known})
                for d in found.devices]


def _check_page(after: int, limit: int) -> None:
    if after < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"A page starts at a cursor >= 0 and holds 1..{MAX_PAGE} events.")

