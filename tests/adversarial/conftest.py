"""The attacker's world (docs/threat-model.md): a live HTTPS registry in its own process, an
admin device, a staff vault holding the organisation key, and two monitor vaults, all enrolled
the way people enrol them. Every attack in this folder runs against these real parts; only
the edge is faked (a proxy that lies or cuts, a file an attacker edits on disk)."""

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


@dataclass
class Field:
    live: LiveRegistry
    admin: Device
    staff: SyncClient
    alice: SyncClient  # the honest monitor
    mallory: SyncClient  # a second monitor, validly enrolled, turned hostile (or seized)
    tmp: Path

    def code(self, role: str) -> str:
        return str(self.admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

    def new_client(self, name: str) -> SyncClient:
        return SyncClient(new_vault(self.tmp / name))


def new_vault(path: Path) -> VaultService:
    vault, _ = Vault.create(path, PASS)
    return VaultService(vault)


@pytest.fixture
def field(tmp_path: Path) -> Iterator[Field]:
    live = LiveRegistry.create(tmp_path / "registry")
    admin = live.enroll("admin")
    staff = SyncClient(new_vault(tmp_path / "staff"))
    admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
    f = Field(live, admin, staff, SyncClient(new_vault(tmp_path / "alice")),
              SyncClient(new_vault(tmp_path / "mallory")), tmp_path)
    staff.enroll(f.code("staff"), label="envoy office")
    f.alice.enroll(f.code("monitor"), label="alice's laptop")
    f.mallory.enroll(f.code("monitor"), label="mallory's laptop")
    yield f
    for c in (f.alice, f.mallory, staff):
        c.vault.lock()
    live.close()
