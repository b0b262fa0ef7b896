"""`fieldkit export dossier` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault

from . import pdftools as pt
from .conftest import PASS, build_demo


@pytest.fixture(scope="module")
def vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "vault"
    vault, _ = Vault.create(path, PASS)
    service = VaultService(vault)
    build_demo(service)
    service.create_incident(title="still a draft", category="hate_crime.threats",
                            occurred="2026-01-02", country="DE")
    vault.lock()
    return path


def fieldkit(vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIELDKIT_VAULT": str(vault), "FIELDKIT_PASSPHRASE": PASS}
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_export_dossier_with_filters(vault_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    proc = fieldkit(vault_dir, "export", "dossier", "--country", "FR", "--audience",
                    "partners", "--language", "ar", "--out", str(out), "--prepared-by",
                    "مكتب المبعوث", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout)
    assert data["ok"] and data["pdf"] == str(out) and data["bundle"] is None
    assert len(data["record_ids"]) == 1 and data["pages"] == pt.pages(out)
    assert "مكتبالمبعوث" in pt.norm(pt.text(out, page=1))
    listed = fieldkit(vault_dir, "export", "log", "--json")
    assert any(r["id"] == data["export_id"] for r in json.loads(listed.stdout)["exports"])


def test_export_dossier_in_english_says_where_it_wrote(vault_dir: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    proc = fieldkit(vault_dir, "export", "dossier", "--audience", "public", "--language", "en",
                    "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"dossier of 1 incident(s) for audience public: {out}" in proc.stdout
    assert out.is_file()


@pytest.mark.parametrize("args,code", [
    (["--audience", "partners", "--language", "en", "--country", "JP"], "not_found"),
    (["--audience", "partners", "--language", "en", "--from", "yesterday"], "invalid"),
    (["d-000000000000"], "not_found"),
])
def test_export_dossier_errors_are_typed(vault_dir: Path, tmp_path: Path, args: list[str],
                                         code: str) -> None:
    if "--audience" not in args:
        args = [*args, "--audience", "internal", "--language", "ar"]
    proc = fieldkit(vault_dir, "export", "dossier", *args, "--out", str(tmp_path / "x.pdf"),
                    "--json")
    assert proc.returncode != 0
    assert json.loads(proc.stdout)["error"]["code"] == code
    assert list(tmp_path.iterdir()) == []


def test_a_draft_is_refused_with_a_hint(vault_dir: Path, tmp_path: Path) -> None:
    listed = fieldkit(vault_dir, "incident", "list", "--state", "draft", "--json")
    draft = json.loads(listed.stdout)["incidents"][0]["id"]
    proc = fieldkit(vault_dir, "export", "dossier", draft, "--audience", "internal",
                    "--language", "en", "--out", str(tmp_path / "x.pdf"), "--json")
    err = json.loads(proc.stdout)["error"]
    assert err["code"] == "invalid" and "seal it first" in err["message"]
    assert "fieldkit seal" in err["hint"]


def test_bad_choices_are_usage_errors(vault_dir: Path, tmp_path: Path) -> None:
    proc = fieldkit(vault_dir, "export", "dossier", "--audience", "press", "--language", "en",
                    "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2 and "press" in proc.stderr
