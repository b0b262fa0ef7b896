"""`fieldkit verify BUNDLE [--dossier PDF] [--log-key VKEY]` as a person runs it: a readable
report, exit 0 when everything verified, exit 4 naming the member that failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.export.bundle import plan_bundle, write_bundle

from .bundletools import flip, resign, rewrite
from .conftest import SyncedDemo


def fieldkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def bundle(synced_demo: SyncedDemo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    service = synced_demo.monitor
    out = tmp_path_factory.mktemp("cli")
    pdf = out / "dossier.pdf"
    pdf.write_bytes(b"%PDF-1.7 stand-in")
    plan = plan_bundle(service, synced_demo.record_ids, audience="internal")
    write_bundle(plan, out / "bundle.zip", dossier_pdf=pdf, signer=service.vault.device_key)
    return out / "bundle.zip"


def test_verify_ok(bundle: Path) -> None:
    r = fieldkit("verify", str(bundle))
    assert r.returncode == 0, r.stderr
    assert "OK:" in r.stdout and "dossier.pdf verified" in r.stdout
    assert "registry log" in r.stdout


def test_verify_json(bundle: Path) -> None:
    r = fieldkit("verify", str(bundle), "--json")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["ok"] and doc["records"] and doc["log"]["fingerprint"]


def test_verify_pins_the_log_key(bundle: Path, tmp_path: Path) -> None:
    doc = json.loads(fieldkit("verify", str(bundle), "--json").stdout)
    key_file = tmp_path / "log.vkey"
    key_file.write_text(doc["log"]["key"] + "\n")
    r = fieldkit("verify", str(bundle), "--log-key", str(key_file))
    assert r.returncode == 0 and "matches the key you gave" in r.stdout


def test_verify_tampered_exits_4_naming_the_member(bundle: Path, tmp_path: Path) -> None:
    victim = ""

    def damage(m: dict[str, bytes]) -> None:
        nonlocal victim
        victim = sorted(n for n in m if n.startswith("envelopes/"))[0]
        m[victim] = flip(m[victim])

    bad = rewrite(bundle, tmp_path / "bad.zip", damage)
    r = fieldkit("verify", str(bad))
    assert r.returncode == 4
    assert "FAILED" in r.stdout and victim in r.stdout
    assert r.stderr.startswith("error: ") and victim in r.stderr
    j = fieldkit("verify", str(bad), "--json")
    doc = json.loads(j.stdout)
    assert j.returncode == 4 and not doc["ok"]
    assert doc["error"]["details"]["member"] == victim
    assert [p["member"] for p in doc["error"]["details"]["problems"]] == [victim]


def test_verify_wrong_dossier(bundle: Path, tmp_path: Path) -> None:
    other = tmp_path / "dossier.pdf"
    other.write_bytes(b"%PDF-1.7 another")
    r = fieldkit("verify", str(bundle), "--dossier", str(other))
    assert r.returncode == 4 and "dossier.pdf" in r.stderr


def test_verify_missing_bundle(tmp_path: Path) -> None:
    r = fieldkit("verify", str(tmp_path / "nope.zip"))
    assert r.returncode == 2 and "no bundle" in r.stderr


def test_unanchored_waives_missing_log_evidence_and_says_so_first(bundle: Path,
                                                                  synced_demo: SyncedDemo,
                                                                  tmp_path: Path) -> None:
    """A record without its receipt fails closed (exit 4, bundle_not_in_log); --unanchored
    accepts it, and the first line says that part of the bundle is tied to no log."""
    key = synced_demo.monitor.vault.device_key

    def drop(m: dict[str, bytes]) -> None:
        del m[sorted(n for n in m if n.startswith("receipts/"))[0]]

    def unlist(manifest: dict[str, object]) -> None:
        records = manifest["records"]
        assert isinstance(records, list)
        min(records, key=lambda r: r["record_id"])["log_index"] = None

    bad = resign(bundle, tmp_path / "bundle.zip", key, drop, manifest_change=unlist)
    r = fieldkit("verify", str(bad), "--json")
    assert r.returncode == 4 and json.loads(r.stdout)["error"]["code"] == "bundle_not_in_log"
    ok = fieldkit("verify", str(bad), "--unanchored")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    first = ok.stdout.splitlines()[0]
    assert first.startswith("UNANCHORED: nothing ties part of this bundle to the registry log")
    assert "has no verified receipt" in ok.stdout and "OK (UNANCHORED)" in ok.stdout
