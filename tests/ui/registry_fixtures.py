"""The app against a real registry: tests/sync/conftest.py's ``world`` (a live HTTPS registry
in a subprocess, an admin device, a staff vault holding the organisation key, a monitor
vault) plus the app's own vault (``ctx``) enrolled as monitor, staff or admin.

Test modules take the fixtures with ``from .registry_fixtures import *`` (``__all__`` lists
only fixtures) and helpers by name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sync.conftest import DEMO, World, world

from fieldkit.service import VaultService
from fieldkit.ui.context import AppContext

__all__ = ["admin_ctx", "monitor_ctx", "staff_ctx", "world"]  # the fixtures

KEY_PACKAGE_PASS = "package passphrase for tests"


@pytest.fixture
def monitor_ctx(ctx: AppContext, world: World) -> AppContext:
    """The app's vault enrolled as a monitor (records are sealed to the world's staff key)."""
    client = ctx.sync_client
    assert client is not None
    client.enroll(world.code("monitor"), label="app laptop")
    return ctx


@pytest.fixture
def staff_ctx(ctx: AppContext, world: World) -> AppContext:
    """The app's vault enrolled as staff, holding the organisation key (imported from the
    world's staff vault, as an envoy office would)."""
    client = ctx.sync_client
    assert client is not None
    client.org_key_import(world.staff.org_key_export(KEY_PACKAGE_PASS), KEY_PACKAGE_PASS)
    client.enroll(world.code("staff"), label="app office")
    return ctx


@pytest.fixture
def admin_ctx(ctx: AppContext, world: World) -> AppContext:
    client = ctx.sync_client
    assert client is not None
    client.enroll(world.code("admin"), label="app admin desk")
    return ctx


def seal_incidents(svc: VaultService, tmp_path: Path, *, copies: int = 1,
                   file_mib: int = 0, files: int = 1) -> list[str]:
    """Seal the demo incidents (``copies`` times) and, with ``file_mib``, ``files`` more
    incidents each carrying an incompressible evidence file of that size. Returns the record
    ids."""
    doc = json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))
    ids: list[str] = []
    for _ in range(copies):
        views = svc.import_incidents(doc["incidents"], base_dir=DEMO / "files", seal=True)
        ids += [v.record_id for v in views if v.record_id]
    for n in range(files if file_mib else 0):
        draft = svc.create_incident(title=f"video {n}", category="hate_crime.arson",
                                    occurred="2026-04-01", country="FR")
        big = tmp_path / f"video-{n}.bin"
        with open(big, "wb") as f:
            for _ in range(file_mib):
                f.write(os.urandom(1 << 20))
        svc.add_evidence(draft.ref, big, description="long video")
        big.unlink()
        ids.append(svc.seal(draft.ref).record_id)
    return ids
