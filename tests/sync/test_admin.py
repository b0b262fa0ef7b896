"""The admin read client (fieldkit/sync/admin.py) against the live registry: audit pages,
filters, cursors, the whole-log CSV (atomic, cancellable), devices, health, checkpoints."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.errors import CancelledError, UsageError, ValidationError
from fieldkit.progress import CancelToken
from fieldkit.sync import admin
from fieldkit.sync.client import NotEnrolledError, SyncClient
from fieldkit.sync.transport import RegistryUnreachableError

from .conftest import World, new_vault


@pytest.fixture
def admin_vault(world: World, tmp_path: Path) -> Iterator[SyncClient]:
    client = SyncClient(new_vault(tmp_path / "admin-vault"))
    client.enroll(world.code("admin"), label="admin desk")
    yield client
    client.vault.lock()


def test_audit_pages_filters_and_csv(world: World, admin_vault: SyncClient,
                                     tmp_path: Path) -> None:
    api = admin.AdminClient(admin_vault)
    first = api.audit(limit=5)
    assert len(first.rows) == 5 and first.after == 0 and first.next_after == first.rows[-1].id
    second = api.audit(after=first.next_after or 0, limit=5)
    assert second.rows[0].id > first.rows[-1].id

    monitor_id = world.monitor.vault.device_key.verify_key.key_id
    enrolled = api.audit(admin.AuditFilter(action="enroll"), limit=100)
    assert enrolled.rows and {r.action for r in enrolled.rows} == {"enroll"}
    assert monitor_id in {r.device for r in enrolled.rows}
    mine = api.audit(admin.AuditFilter(device=monitor_id), limit=100)
    assert mine.rows and {r.device for r in mine.rows} == {monitor_id}
    assert api.audit(admin.AuditFilter(since="2999-01-01")).rows == ()
    assert api.audit(admin.AuditFilter(until="2000-01-01")).rows == ()
    with pytest.raises(ValidationError):
        api.audit(admin.AuditFilter(outcome="maybe"))
    with pytest.raises(ValidationError):
        api.audit(admin.AuditFilter(since="2026-02-01", until="2026-01-01"))

    page_csv = api.audit_csv(after=0, limit=5)
    rows = list(csv.DictReader(io.StringIO(page_csv.decode())))
    assert [int(r["id"]) for r in rows] == [r.id for r in first.rows]

    out = tmp_path / "audit.csv"
    seen: list[int] = []
    n = api.export_audit_csv(out, admin.AuditFilter(outcome="ok"),
                             progress=lambda d, t: seen.append(d))
    parsed = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len(parsed) > 5 and seen[-1] == n
    assert {r["outcome"] for r in parsed} == {"ok"}
    assert list(parsed[0]) == list(admin.AUDIT_COLUMNS)
    assert [int(r["id"]) for r in parsed] == sorted(int(r["id"]) for r in parsed)

    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        api.export_audit_csv(tmp_path / "cancelled.csv", cancel=token)
    assert sorted(p.name for p in tmp_path.iterdir() if "csv" in p.name) == ["audit.csv"]

    devices = {d.key_id: d for d in api.devices()}
    assert devices[monitor_id].role == "monitor" and devices[monitor_id].label == "field laptop"


def test_health_and_checkpoint_status(world: World, admin_vault: SyncClient) -> None:
    assert admin.health(world.monitor).url == world.live.url
    status = admin.checkpoint_status(world.monitor)
    assert status is not None and status.size >= 1 and status.kept >= 1
    assert status.distrusted is None and status.verified_at
    world.live.stop()
    with pytest.raises(RegistryUnreachableError):
        admin.health(world.monitor, timeout=1)


def test_refuses_non_admin_and_unenrolled(world: World, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="enrolled as monitor"):
        admin.AdminClient(world.monitor)
    lone = SyncClient(new_vault(tmp_path / "lone"))
    try:
        with pytest.raises(NotEnrolledError):
            admin.AdminClient(lone)
        with pytest.raises(NotEnrolledError):
            admin.health(lone)
        with pytest.raises(NotEnrolledError):
            admin.checkpoint_status(lone)
    finally:
        lone.vault.lock()
