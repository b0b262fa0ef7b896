"""The `fieldkit` command, run as a user runs it: a real process, a real vault on disk."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PASS = "a long enough passphrase"


class FK:
    def __init__(self, vault: Path, tmp: Path) -> None:
        self.vault = vault
        self.tmp = tmp

    def run(self, *args: str, passphrase: str | None = PASS, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        e = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_")}
        e["FIELDKIT_VAULT"] = str(self.vault)
        if passphrase is not None:
            e["FIELDKIT_PASSPHRASE"] = passphrase
        e.update(env or {})
        proc = subprocess.run([sys.executable, "-m", "fieldkit", *args], env=e, text=True,
                              capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"fieldkit {' '.join(args)} failed ({proc.returncode}):\n"
                                 f"{proc.stdout}\n{proc.stderr}")
        return proc

    def json(self, *args: str, **kw: Any) -> dict[str, Any]:
        proc = self.run(*args, "--json", **kw)
        doc = json.loads(proc.stdout)  # exactly one JSON document, nothing else
        assert isinstance(doc, dict)
        return doc


@pytest.fixture
def fk(tmp_path: Path) -> FK:
    cli = FK(tmp_path / "vault", tmp_path)
    cli.json("init")
    return cli


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_whole_flow_with_json_output(fk: FK, tmp_path: Path) -> None:
    inc = fk.json("incident", "add", "--title", "منع طالبات من دخول المدرسة",
                  "--category", "discrimination.education", "--occurred", "2026-01-08",
                  "--country", "BE", "--description", "قدّم الأهل شكوى بتاريخ ١٥ يناير")
    ref = inc["id"]
    assert inc["state"] == "draft"
    text = tmp_path / "t.txt"
    text.write_text("Ma fille a été renvoyée à la maison.", encoding="utf-8")
    t = fk.json("testimony", "add", ref, "--witness", "Parent A", "--language", "fr",
                "--consent", "public", "--text-file", str(text))
    assert t["testimony"]["consent"] == "public"
    photo = tmp_path / "letter.png"
    photo.write_bytes(os.urandom(5000))
    ev = fk.json("evidence", "add", ref, str(photo), "--description", "letter",
                 "--captured-at", "2026-01-09T10:00:00+01:00", "--gps", "50.85,4.35")
    sha = ev["evidence"]["sha256"]
    assert sha == hashlib.sha256(photo.read_bytes()).hexdigest()
    sealed = fk.json("seal", ref)
    rid = sealed["record_id"]
    shown = fk.json("show", rid[:10])
    assert shown["seal"]["verified"] and shown["record"]["evidence"][0]["sha256"] == sha
    out = tmp_path / "out.png"
    fk.json("evidence", "extract", sha[:12], str(out))
    assert out.read_bytes() == photo.read_bytes()
    amended = fk.json("amend", rid, "--description", "تصحيح", "--seal")
    assert amended["prev"] == rid and amended["state"] == "sealed"
    listing = fk.json("incident", "list")
    assert listing["total"] == 1 and listing["incidents"][0]["id"] == amended["record_id"]
    assert fk.json("search", "مدرسة")["results"][0]["id"] == amended["record_id"]
    assert fk.json("vault", "check")["ok"] is True
    cats = fk.json("categories", "--language", "ar")["categories"]
    assert any(c["code"] == "hate_crime.arson" for c in cats)


def test_editing_a_sealed_record_is_refused(fk: FK) -> None:
    ref = fk.json("incident", "add", "--title", "t", "--category", "hate_crime.arson",
                  "--occurred", "2026", "--country", "GB")["id"]
    rid = fk.json("seal", ref)["record_id"]
    proc = fk.run("incident", "edit", rid, "--title", "changed", "--json", check=False)
    assert proc.returncode == 2
    err = json.loads(proc.stdout)["error"]
    assert err["code"] == "sealed" and "amend" in err["hint"]


def test_wrong_passphrase_exits_nonzero_and_changes_nothing(fk: FK) -> None:
    fk.json("incident", "add", "--title", "t", "--category", "hate_crime.arson",
            "--occurred", "2026", "--country", "GB")
    before = _snapshot(fk.vault)
    proc = fk.run("incident", "list", passphrase="wrong wrong wrong", check=False)
    assert proc.returncode == 3
    assert "Wrong passphrase" in proc.stderr and "recover" in proc.stderr
    assert proc.stdout == ""
    assert _snapshot(fk.vault) == before
    proc = fk.run("incident", "list", "--json", passphrase="wrong wrong wrong", check=False)
    assert json.loads(proc.stdout)["error"]["code"] == "wrong_passphrase"


def test_missing_passphrase_without_a_terminal_says_how(tmp_path: Path) -> None:
    fk = FK(tmp_path / "vault", tmp_path)
    proc = fk.run("init", passphrase=None, check=False)
    assert proc.returncode == 2 and "FIELDKIT_PASSPHRASE" in proc.stderr


def test_passwd_recover_and_wipe(tmp_path: Path) -> None:
    fk = FK(tmp_path / "vault", tmp_path)
    recovery = fk.json("init")["recovery_key"]
    fk.json("vault", "passwd", env={"FIELDKIT_NEW_PASSPHRASE": "the second passphrase"})
    assert fk.run("incident", "list", check=False).returncode == 3
    fk.json("incident", "list", passphrase="the second passphrase")
    keyfile = tmp_path / "rk.txt"
    keyfile.write_text(recovery + "\n")
    fk.json("vault", "recover", "--recovery-key-file", str(keyfile), passphrase=None,
            env={"FIELDKIT_NEW_PASSPHRASE": "the third passphrase"})
    fk.json("incident", "list", passphrase="the third passphrase")
    refused = fk.run("vault", "wipe", check=False)
    assert refused.returncode == 2 and fk.vault.exists()
    fk.json("vault", "wipe", "--yes", passphrase=None)
    assert not fk.vault.exists()
    proc = fk.run("incident", "list", passphrase="the third passphrase", check=False)
    assert proc.returncode == 2 and "no vault" in proc.stderr.lower()


def test_bad_inputs_get_clear_errors(fk: FK, tmp_path: Path) -> None:
    cases = [
        (["incident", "add", "--title", "t", "--category", "nope", "--occurred", "2026",
          "--country", "GB"], "not_found"),
        (["incident", "add", "--title", "t", "--category", "hate_crime.arson", "--occurred",
          "yesterday", "--country", "GB"], "invalid"),
        (["show", "d-000000"], "not_found"),
        (["show", "ab"], "invalid"),
        (["evidence", "add", "d-0000000", str(tmp_path / "missing.jpg")], "not_found"),
        (["evidence", "extract", "deadbeefdeadbeef", str(tmp_path / "o")], "not_found"),
        (["import", str(tmp_path / "missing.json")], "invalid"),
    ]
    for args, code in cases:
        proc = fk.run(*args, "--json", check=False)
        assert proc.returncode != 0, args
        assert json.loads(proc.stdout)["error"]["code"] == code, (args, proc.stdout)


def test_import_demo_incidents(fk: FK) -> None:
    demo = Path(__file__).resolve().parent.parent / "resources" / "demo" / "incidents.json"
    out = fk.json("import", str(demo), "--seal")
    assert len(out["imported"]) >= 8 and all(i["state"] == "sealed" for i in out["imported"])
    assert fk.json("vault", "check")["ok"]


def test_usage_errors_are_json_too(fk: FK) -> None:
    proc = fk.run("search", "--json", check=False)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["error"]["code"] == "usage"


def test_os_errors_get_the_error_shape(fk: FK, tmp_path: Path) -> None:
    ref = fk.json("incident", "add", "--title", "t", "--category", "hate_crime.arson",
                  "--occurred", "2026", "--country", "GB")["id"]
    f = tmp_path / "e.bin"
    f.write_bytes(b"evidence")
    sha = fk.json("evidence", "add", ref, str(f))["evidence"]["sha256"]
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    proc = fk.run("evidence", "extract", sha, str(locked / "out.bin"), "--json", check=False)
    if os.geteuid() == 0:  # root ignores directory permissions; use a path under a file
        proc = fk.run("evidence", "extract", sha, str(f / "out.bin"), "--json", check=False)
    assert proc.returncode != 0
    err = json.loads(proc.stdout)["error"]
    assert err["code"] in ("usage", "not_found", "invalid") and "Traceback" not in proc.stderr
