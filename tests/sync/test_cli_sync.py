"""`fieldkit enroll`, `org-key`, `sync` and `sync status` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from registry.harness import LiveRegistry

PASS = "a long enough passphrase"


def fk(vault: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_")}
    e.update(FIELDKIT_VAULT=str(vault), FIELDKIT_PASSPHRASE=PASS, **(env or {}))
    proc = subprocess.run([sys.executable, "-m", "fieldkit", *args, "--json"], env=e,
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    doc = json.loads(proc.stdout)
    assert proc.returncode == 0, doc
    return doc  # type: ignore[no-any-return]


def test_enroll_sync_and_status_from_the_command_line(tmp_path: Path) -> None:
    live = LiveRegistry.create(tmp_path / "registry")
    try:
        admin = live.enroll("admin")
        staff, monitor = tmp_path / "staff", tmp_path / "monitor"
        fk(staff, "init")
        org = fk(staff, "org-key", "init")["org_key"]
        admin.client.post_json("/v1/admin/org-key", {"org_key": org})
        fk(monitor, "init")
        for vault, role in ((staff, "staff"), (monitor, "monitor")):
            code = admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"]
            code_file = tmp_path / f"{role}.code"
            code_file.write_text(code[:40] + "\n" + code[40:])  # wrapped by a mail program
            assert fk(vault, "enroll", str(code_file), "--label", role)["role"] == role
        ref = fk(monitor, "incident", "add", "--title", "اعتداء", "--category",
                 "hate_crime.arson", "--occurred", "2026", "--country", "GB")["id"]
        assert fk(monitor, "sync", "status")["queue"] == 0
        rid = fk(monitor, "seal", ref)["record_id"]
        assert fk(monitor, "sync", "status")["queue"] == 1
        pushed = fk(monitor, "sync")
        assert pushed["action"] == "push" and pushed["records"] == 1
        status = fk(monitor, "sync", "status")
        assert status["queue"] == 0 and status["last_receipt"]["record_id"] == rid
        assert fk(staff, "sync")["records"] == 1
        assert fk(staff, "show", rid[:12])["seal"]["verified"] is True
        package = tmp_path / "org.key"
        fk(staff, "org-key", "export", str(package),
           env={"FIELDKIT_PACKAGE_PASSPHRASE": "package passphrase"})
        second = tmp_path / "staff2"
        fk(second, "init")
        imported = fk(second, "org-key", "import", str(package),
                      env={"FIELDKIT_PACKAGE_PASSPHRASE": "package passphrase"})
        assert imported["org_key"] == org
        log = fk(monitor, "sync", "log")["log"]
        assert (log[0]["action"], log[0]["outcome"]) == ("push", "ok")
    finally:
        live.close()


def test_enroll_takes_the_code_as_enroll_code_printed_it(tmp_path: Path) -> None:
    """An administrator copies the code from `fieldkit-registry enroll-code` and pastes it as the
    argument: ~500 characters, once as printed, once broken over lines by a chat program."""
    live = LiveRegistry.create(tmp_path / "registry")
    try:
        e = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_")}
        printed = []
        for _ in range(2):
            proc = subprocess.run(
                [sys.executable, "-m", "fieldkit.registry", "--data", str(live.data),
                 "enroll-code", "--role", "monitor"], env=e, capture_output=True, text=True,
                timeout=120, check=True)
            printed.append(proc.stdout.strip().splitlines()[-1])
        assert all(len(code) > 300 and code.startswith("FKE1.") for code in printed)
        first, second = tmp_path / "first", tmp_path / "second"
        fk(first, "init")
        assert fk(first, "enroll", printed[0])["role"] == "monitor"
        fk(second, "init")
        wrapped = "  " + "\n".join(printed[1][i:i + 64] for i in range(0, len(printed[1]), 64))
        assert fk(second, "enroll", wrapped + "\n")["role"] == "monitor"

        # Neither a code nor an existing file: the code's own error, not a file-system one.
        e.update(FIELDKIT_VAULT=str(tmp_path / "third"), FIELDKIT_PASSPHRASE=PASS)
        fk(tmp_path / "third", "init")
        proc = subprocess.run([sys.executable, "-m", "fieldkit", "enroll", "x" * 600, "--json"],
                              env=e, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        assert proc.returncode != 0
        error = json.loads(proc.stdout)["error"]
        assert "not a FieldKit enrolment code" in error["message"], error
        assert "FKE1" in error["hint"]
    finally:
        live.close()


def test_sync_quarantine_lists_what_the_log_does_not_vouch_for(tmp_path: Path) -> None:
    """`fieldkit sync quarantine` (and --json): a record that reached the registry unsealed is
    listed with its reason; the pull kept the good record and moved on."""
    from fieldkit.registry.config import RegistryHome
    from fieldkit.registry.service import Registry, now_iso
    from fieldkit.registry.store import IncomingRecord
    from fieldkit.sync.protocol import record_entry

    live = LiveRegistry.create(tmp_path / "registry")
    try:
        admin = live.enroll("admin")
        staff, monitor = tmp_path / "staff", tmp_path / "monitor"
        fk(staff, "init")
        admin.client.post_json("/v1/admin/org-key",
                               {"org_key": fk(staff, "org-key", "init")["org_key"]})
        fk(monitor, "init")
        for vault, role in ((staff, "staff"), (monitor, "monitor")):
            fk(vault, "enroll", admin.client.post_json("/v1/admin/enroll-codes",
                                                       {"role": role})["code"])
        assert fk(staff, "sync", "quarantine") == {"ok": True, "quarantined": 0, "records": []}
        device = fk(monitor, "sync", "status")["registry"]["device"]
        clear = json.dumps({"payloadType": "text/plain", "payload": "aGVsbG8=", "signatures": [
            {"keyid": device, "sig": "eHh4" * 21 + "eA=="}]}).encode()
        reg = Registry.open(RegistryHome(live.data))  # what a host that stored it did
        try:
            reg.store.ingest([IncomingRecord("ab" * 32, device, 99, None, "incident", clear)],
                             entry=lambda r: record_entry(record_id=r.record_id,
                                                          device=r.device, seq=r.seq,
                                                          kind=r.kind),
                             sign=reg.sign, now=now_iso())
        finally:
            reg.close()
        ref = fk(monitor, "incident", "add", "--title", "arson", "--category",
                 "hate_crime.arson", "--occurred", "2026", "--country", "GB")["id"]
        fk(monitor, "seal", ref)
        fk(monitor, "sync")
        pulled = fk(staff, "sync")
        assert (pulled["records"], pulled["quarantined"]) == (1, 1)
        listed = fk(staff, "sync", "quarantine")
        assert listed["quarantined"] == 1
        (row,) = listed["records"]
        assert (row["id"], row["reason"], row["device"]) == ("ab" * 32, "unsealed", device)
        assert row["explanation"] and row["detail"]
        assert fk(staff, "sync", "status")["quarantined"] == 1
        assert fk(staff, "sync", "quarantine", "--recheck")["quarantined"] == 1
    finally:
        live.close()
