"""Shared fixtures. ``../shared`` (vectors, samples) is found relative to the repository root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
#: Test modules that parametrise over vectors at collection time import this.
VECTORS_DIR = SHARED_DIR / "vectors"


def pytest_configure(config: pytest.Config) -> None:
    if not (VECTORS_DIR.is_dir() and (SHARED_DIR / "samples").is_dir()):
        pytest.exit(
            f"FieldKit's tests need the shared folder (vectors, samples) at {SHARED_DIR}, "
            "beside the repository checkout. Clone or copy it there and run the tests again.",
            returncode=4,
        )


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED_DIR


@pytest.fixture(scope="session")
def vectors_dir(shared_dir: Path) -> Path:
    return shared_dir / "vectors"


@pytest.fixture(scope="session")
def samples_file(shared_dir: Path) -> Path:
    return shared_dir / "samples" / "incidents.json"


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
