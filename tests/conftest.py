"""Shared fixtures. Published test vectors live in ``tests/vectors`` and the fictional sample
incidents in ``resources/samples``: a plain clone has everything its tests read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
#: Test modules that parametrise over vectors at collection time import this.
VECTORS_DIR = REPO_ROOT / "tests" / "vectors"
SAMPLES_FILE = REPO_ROOT / "resources" / "samples" / "incidents.json"


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    return VECTORS_DIR


@pytest.fixture(scope="session")
def samples_file() -> Path:
    return SAMPLES_FILE


PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def service(vault_dir: Path):  # type: ignore[no-untyped-def]
    from fieldkit.service import VaultService
    from fieldkit.storage.vault import Vault

    vault, _recovery = Vault.create(vault_dir, PASSPHRASE)
    svc = VaultService(vault)
    yield svc
    vault.lock()
