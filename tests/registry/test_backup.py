"""`fieldkit-registry backup` / `restore` as an operator runs them: back up a live registry,
wipe its host's data, restore, and devices sync on as before; forged and damaged backups are
refused and leave the target as it was."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldkit.registry.backup import BackupError, restore
from fieldkit.registry.config import RegistryHome
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.checkpoint import NoteVerifier, open_checkpoint
from fieldkit.sync.client import SyncClient
from fieldkit.sync.protocol import Receipt
from fieldkit.sync.provenance import verify_record_receipt

from .harness import Device, LiveRegistry, registry_cli

PASS = "a long enough passphrase"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@dataclass
class Site:
    live: LiveRegistry
    admin: Device
    staff: SyncClient
    monitor: SyncClient


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    live = LiveRegistry.create(tmp_path / "registry")
    admin = live.enroll("admin")
    staff = SyncClient(VaultService(Vault.create(tmp_path / "staff", PASS)[0]))
    admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
    monitor = SyncClient(VaultService(Vault.create(tmp_path / "monitor", PASS)[0]))
    for client, role in ((staff, "staff"), (monitor, "monitor")):
        code = admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"]
        client.enroll(code, label=role)
    yield Site(live, admin, staff, monitor)
    monitor.vault.lock()
    staff.vault.lock()
    live.close()


def _seal(client: SyncClient, n: int, *, with_demo: bool = False) -> list[str]:
    svc = client.service
    ids = []
    if with_demo:
        doc = json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))
        ids += [v.record_id for v in svc.import_incidents(doc["incidents"][:3],
                                                          base_dir=DEMO / "files", seal=True)
                if v.record_id]
    for i in range(n):
        draft = svc.create_incident(title=f"incident {i}", category="hate_crime.arson",
                                    occurred="2026-02", country="GB")
        ids.append(svc.seal(draft.ref).record_id)
    return ids


def _receipts(client: SyncClient) -> list[Receipt]:
    return [Receipt.model_validate_json(r) for (r,) in client.vault.read().execute(
        "SELECT receipt FROM receipts ORDER BY log_index")]


def _backup_restore_and_sync_on(site: Site, tmp_path: Path, *, database: str | None) -> None:
    before = _seal(site.monitor, 5, with_demo=True)
    site.monitor.sync()
    assert site.staff.sync().records == len(before)
    receipts_before = _receipts(site.monitor)
    assert len(receipts_before) == len(before)

    out = tmp_path / "backup"
    answer = registry_cli(site.live.data, "backup", str(out))  # while it serves
    assert answer["ok"] and answer["log_size"] >= len(before) + 3
    assert answer["chunks"] >= 1

    site.live.stop()
    shutil.rmtree(site.live.data)  # the host's data is gone
    args = ["restore", str(out)] + (["--database", database] if database else [])
    restored = registry_cli(site.live.data, *args)
    assert restored["ok"] and restored["checkpoints_verified"] >= 1
    site.live.start()

    # devices sync on as before: the monitor's next receipts are checked for consistency with
    # the checkpoints it kept before the backup, staff pull the new records and their files
    after = _seal(site.monitor, 3)
    assert site.monitor.sync().records == len(after)
    assert site.staff.sync().records == len(after)
    for rid in before + after:
        site.staff.service.sealed_record(rid)
    assert site.staff.service.check().ok and site.monitor.service.check().ok

    # every receipt issued before the backup still verifies, and the restored registry serves
    # the same one
    reg = site.monitor.registry()
    assert reg is not None
    verifier = NoteVerifier.from_vkey(reg.log_key)
    monitor_api = site.live.client(site.monitor.vault.device_key)
    for receipt in receipts_before:
        sealed = site.monitor.service.sealed_record(receipt.record_id)
        verify_record_receipt(receipt, sealed, verifier=verifier, origin=reg.origin, opened={})
        served = Receipt.model_validate(monitor_api.get_json(
            f"/v1/receipts/{receipt.record_id}"))
        assert served.log_index == receipt.log_index and served.leaf == receipt.leaf
        verify_record_receipt(served, sealed, verifier=verifier, origin=reg.origin, opened={})
    latest = open_checkpoint(monitor_api.get_json("/v1/log/checkpoint")["checkpoint"],
                             verifier, origin=reg.origin)
    assert latest.size >= int(answer["log_size"]) + len(after)
    log = [e for e in site.monitor.sync_log(limit=200) if e["outcome"] != "ok"]
    assert not [e for e in log if "distrust" in e["detail"]], log


def test_backup_wipe_restore_and_sync_on(site: Site, tmp_path: Path) -> None:
    _backup_restore_and_sync_on(site, tmp_path, database=None)


@pytest.mark.postgres
def test_a_sqlite_registry_restores_onto_postgresql(site: Site, tmp_path: Path,
                                                     pg_url: str) -> None:
    _backup_restore_and_sync_on(site, tmp_path, database=pg_url)


# --- damaged and forged backups ---------------------------------------------------------------

@pytest.fixture
def backup_dir(site: Site, tmp_path: Path) -> Path:
    _seal(site.monitor, 4, with_demo=True)
    site.monitor.sync()
    out = tmp_path / "backup"
    registry_cli(site.live.data, "backup", str(out))
    return out


def _resum(out: Path) -> None:
    lines = []
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.name != "SHA256SUMS"):
        digest = subprocess.run(["sha256sum", str(path)], capture_output=True, text=True,
                                check=True).stdout.split()[0]
        lines.append(f"{digest}  {path.relative_to(out).as_posix()}\n")
    (out / "SHA256SUMS").write_text("".join(lines))


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def _forge_leaf(out: Path) -> None:
    rows = _rows(out / "db" / "log_leaves.jsonl")
    rows[1]["data"] = {"b64": "Zm9yZ2Vk"}  # a rewritten history, SHA256SUMS made to match
    _write_rows(out / "db" / "log_leaves.jsonl", rows)
    _resum(out)


def _drop_leaf(out: Path) -> None:
    rows = _rows(out / "db" / "log_leaves.jsonl")
    _write_rows(out / "db" / "log_leaves.jsonl", rows[:-1])
    _resum(out)


def _flip_byte(out: Path) -> None:
    path = out / "db" / "records.jsonl"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


def _other_log_key(out: Path) -> None:
    from fieldkit.crypto.keys import SigningKey

    (out / "home" / "log.key").write_text(SigningKey.generate().to_bytes().hex())
    _resum(out)


def _extra_file(out: Path) -> None:
    (out / "db" / "extra.jsonl").write_text("{}\n")


@pytest.mark.parametrize(("forge", "says"), [
    (_flip_byte, "does not match SHA256SUMS"),
    (_extra_file, "unlisted file"),
    (_forge_leaf, "does not match"),
    (_drop_leaf, "checkpoint"),
    (_other_log_key, "not signed by its own log key"),
], ids=["bit-flip", "extra-file", "rewritten-leaf", "truncated-log", "swapped-log-key"])
def test_a_damaged_or_forged_backup_is_refused_and_leaves_nothing(
        backup_dir: Path, tmp_path: Path, forge: Any, says: str) -> None:
    forge(backup_dir)
    target = tmp_path / "new-host"
    with pytest.raises(BackupError) as e:
        restore(RegistryHome(target), backup_dir)
    assert says in e.value.message, e.value.message
    assert not target.exists() or not any(target.iterdir())


def test_restore_refuses_a_host_that_holds_a_registry(backup_dir: Path, site: Site) -> None:
    proc = subprocess.run([sys.executable, "-m", "fieldkit.registry", "--data",
                           str(site.live.data), "restore", str(backup_dir), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    error = json.loads(proc.stdout)["error"]
    assert "already holds a registry" in error["message"] and error["hint"]


def test_restoring_an_older_backup_is_seen_as_a_log_that_went_back(site: Site,
                                                                    tmp_path: Path) -> None:
    """What an operator must know: records logged after the backup are gone from a restored
    registry, and a device that saw them refuses the shorter log instead of forgetting."""
    from fieldkit.sync.client import LogRollbackError

    _seal(site.monitor, 2)
    site.monitor.sync()
    out = tmp_path / "backup"
    registry_cli(site.live.data, "backup", str(out))
    _seal(site.monitor, 2)
    site.monitor.sync()  # after the backup
    site.live.stop()
    shutil.rmtree(site.live.data)
    registry_cli(site.live.data, "restore", str(out))
    site.live.start()
    _seal(site.monitor, 1)
    with pytest.raises(LogRollbackError) as e:
        site.monitor.sync()
    assert e.value.hint
    assert len(site.monitor.pending()) == 1, "the new record stays queued"
