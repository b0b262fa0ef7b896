"""The sync tests' world: a live HTTPS registry (subprocess), an admin device, a staff vault
holding the organisation key (registered by the admin) and a monitor vault, both enrolled."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from registry.harness import Device, LiveRegistry

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient

PASS = "a long enough passphrase"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@dataclass
class World:
    live: LiveRegistry
    admin: Device
    monitor: SyncClient
    staff: SyncClient

    def code(self, role: str) -> str:
        return str(self.admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])


def new_vault(path: Path) -> VaultService:
    vault, _ = Vault.create(path, PASS)
    return VaultService(vault)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    live = LiveRegistry.create(tmp_path / "registry")
    admin = live.enroll("admin")
    staff = SyncClient(new_vault(tmp_path / "staff"))
    admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
    w = World(live, admin, SyncClient(new_vault(tmp_path / "monitor")), staff)
    staff.enroll(w.code("staff"), label="envoy office")
    w.monitor.enroll(w.code("monitor"), label="field laptop")
    yield w
    w.monitor.vault.lock()
    staff.vault.lock()
    live.close()
