"""Shared parts of the organisation-key attacks (tests/adversarial/test_orgkey_*.py): a world
where the monitors enrolled *before* the organisation key existed (so their enrolment codes
pin nothing and the key must come from the registry with a proof), a transport that rewrites
the registry's answers, and the host attacker's tools (the registry's own database and log
key on disk)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from registry.harness import Device, LiveRegistry

from fieldkit.crypto.orgkey import OrgPrivateKey
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient
from fieldkit.sync.transport import pinned_context

PASS = "a long enough passphrase"


@dataclass
class Late:
    live: LiveRegistry
    admin: Device
    staff: SyncClient
    alice: SyncClient
    mallory: SyncClient
    tmp: Path

    def code(self, role: str) -> str:
        return str(self.admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

    def register(self, org_key: str) -> dict[str, Any]:
        """The administrator registers a key (a signed request the registry logs)."""
        answer: dict[str, Any] = self.admin.client.post_json("/v1/admin/org-key",
                                                             {"org_key": org_key})
        return answer

    def lying(self, client: SyncClient,
              rewrite: Callable[[str, dict[str, Any]], dict[str, Any] | None]) -> SyncClient:
        """The same vault talking through a transport that rewrites JSON answers."""
        return SyncClient(client.service, transport=Rewriting(self.live.cert_pem, rewrite))

    def db(self) -> sqlite3.Connection:
        """The host attacker's view: the registry's own database file."""
        return sqlite3.connect(self.live.data / "registry.db", isolation_level=None)

    def records_at_registry(self, device: str) -> int:
        with self.db() as conn:
            return int(conn.execute("SELECT count(*) FROM records WHERE device = ?",
                                    (device,)).fetchone()[0])


class Rewriting(httpx.BaseTransport):
    """Forwards to the real registry (pinned TLS) and lets ``rewrite(path, body)`` change a
    JSON answer (None keeps it)."""

    def __init__(self, cert_pem: bytes,
                 rewrite: Callable[[str, dict[str, Any]], dict[str, Any] | None]) -> None:
        self.inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
        self.rewrite = rewrite

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if response.status_code != 200 or "json" not in response.headers.get("content-type", ""):
            return response
        response.read()
        changed = self.rewrite(request.url.path, json.loads(response.content))
        if changed is None:
            return httpx.Response(200, content=response.content, headers=response.headers)
        return httpx.Response(200, json=changed)

    def close(self) -> None:
        self.inner.close()


def new_client(path: Path) -> SyncClient:
    vault, _ = Vault.create(path, PASS)
    return SyncClient(VaultService(vault))


def seal_one(client: SyncClient, title: str) -> str:
    svc = client.service
    draft = svc.create_incident(title=title, category="hate_crime.arson",
                                occurred="2026-04-01", country="FR")
    svc.add_testimony(draft.ref, witness="w", language="en", consent="internal",
                      text=f"testimony of {title}")
    return svc.seal(draft.ref).record_id


def attacker_key() -> str:
    return OrgPrivateKey.generate().public_key.to_text()


def make_late(tmp_path: Path) -> Iterator[Late]:
    """Build the world (use from a fixture named ``late`` in the test module)."""
    live = LiveRegistry.create(tmp_path / "registry")
    admin = live.enroll("admin")
    w = Late(live, admin, new_client(tmp_path / "staff"), new_client(tmp_path / "alice"),
             new_client(tmp_path / "mallory"), tmp_path)
    w.staff.enroll(w.code("staff"), label="envoy office")
    w.alice.enroll(w.code("monitor"), label="alice's laptop")
    w.mallory.enroll(w.code("monitor"), label="mallory's laptop")
    yield w
    for c in (w.alice, w.mallory, w.staff):
        c.vault.lock()
    live.close()
