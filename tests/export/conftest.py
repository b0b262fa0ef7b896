"""Fixtures for the export tests: sealed demo vaults, one local and one that went through a
real registry (so its records carry receipts). Both are slow to build, so they are shared by a
whole test session; tests that change them only add export-log rows.

Constants name what a test looks for in an exported file: the identifying details that must
never leave an ``internal`` export, the text of every ``internal``-consent testimony, and a
sentence with a Latin anchor and numbers for word-order checks in Arabic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit.service import IncidentView, VaultService
from fieldkit.storage.vault import Vault

PASS = "a long enough passphrase"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"

#: Real names and contact details added to demo incidents: never outside ``internal``.
NAMED = [
    # (incident key, pseudonym, name, contact)
    ("prayer-room-desecrated", "Témoin Z.", "Nadia Haddad-Kowalczyk", "+33 6 12 34 56 78"),
    ("councillor-pile-on", "Aide W.", "Wendy Marsh-Oyelaran", "wendy.marsh@example.org"),
    ("school-door-fire", "Gardien B.", "Brahim Oudghiri", "+31 6 9876 5432"),
]
#: An Arabic sentence with a Latin anchor and numbers, as a public testimony of a public
#: incident (so every audience sees it).
ANCHOR_KEY = "councillor-pile-on"
ANCHOR = "رأيت الحافلة FK-42 تتوقف أمام المدرسة عند الساعة 12:15 ومعها 3 رجال"
ANCHOR_WORDS = ["رأيت", "الحافلة", "FK-42", "تتوقف", "أمام", "المدرسة", "عند", "الساعة",
                "12:15", "ومعها", "3", "رجال"]


def demo_items() -> list[dict[str, object]]:
    return list(json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))["incidents"])


def internal_testimonies() -> list[str]:
    """The text of every demo testimony whose consent is ``internal``."""
    return [t["text"] for i in demo_items() for t in i.get("testimonies", [])  # type: ignore[union-attr]
            if t["consent"] == "internal"]


def build_demo(service: VaultService) -> list[IncidentView]:
    """Import the demo incidents with their files, add named persons and the anchor
    testimony, and seal them all. Returns the sealed views (demo order)."""
    items = demo_items()
    drafts = service.import_incidents(items, base_dir=DEMO / "files", seal=False)
    keys = [str(i["key"]) for i in items]
    by_key = dict(zip(keys, drafts, strict=True))
    for key, pseudonym, name, contact in NAMED:
        service.add_person(by_key[key].ref, pseudonym=pseudonym, roles=["witness"], name=name,
                           contact=contact, confidentiality="partners")
    service.add_testimony(by_key[ANCHOR_KEY].ref, witness="Councillor S.", language="ar",
                          consent="public", text=ANCHOR)
    for d in drafts:
        service.seal(d.ref)
    return [service.get(d.ref) for d in drafts]


@dataclass
class DemoVault:
    service: VaultService
    views: list[IncidentView]

    def by_key(self, key: str) -> IncidentView:
        keys = [str(i["key"]) for i in demo_items()]
        return self.views[keys.index(key)]


@pytest.fixture(scope="session")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoVault]:
    """A monitor vault holding the sealed demo incidents (no registry, so no receipts)."""
    vault, _ = Vault.create(tmp_path_factory.mktemp("export") / "vault", PASS)
    service = VaultService(vault)
    yield DemoVault(service, build_demo(service))
    vault.lock()


@dataclass
class SyncedDemo:
    """The demo incidents sealed by a monitor, pushed to a live registry and pulled by staff:
    ``staff`` holds them with receipts, ``monitor`` holds its own with receipts."""

    live: object  # registry.harness.LiveRegistry
    monitor: VaultService
    staff: VaultService
    record_ids: list[str]


@pytest.fixture(scope="session")
def synced_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncedDemo]:
    from registry.harness import LiveRegistry

    from fieldkit.sync.client import SyncClient

    root = tmp_path_factory.mktemp("synced")
    live = LiveRegistry.create(root / "registry")
    admin = live.enroll("admin")

    def code(role: str) -> str:
        return str(admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

    staff_vault, _ = Vault.create(root / "staff", PASS)
    staff = SyncClient(VaultService(staff_vault))
    admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
    monitor_vault, _ = Vault.create(root / "monitor", PASS)
    monitor = SyncClient(VaultService(monitor_vault))
    staff.enroll(code("staff"), label="envoy office")
    monitor.enroll(code("monitor"), label="field laptop")
    views = build_demo(monitor.service)
    monitor.sync()
    staff.sync()
    try:
        yield SyncedDemo(live, monitor.service, staff.service,
                         [str(v.record_id) for v in views])
    finally:
        monitor_vault.lock()
        staff_vault.lock()
        live.close()
