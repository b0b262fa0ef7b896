"""The export log: one row per export with who, what (record ids, files with SHA-256),
audience and language; hostile rows refused; listed newest first, by the CLI too."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from fieldkit.errors import ValidationError
from fieldkit.export.log import list_exports, record_export
from fieldkit.export.tabular import export_tables
from fieldkit.service import VaultService

from .conftest import DEMO, PASS

RID = "ab" * 32
FILE = {"name": "dossier.pdf", "sha256": "cd" * 32, "size": 1234}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_record_export_writes_one_row(service: VaultService) -> None:
    export_id = record_export(service, kind="dossier", audience="partners", language="ar",
                              record_ids=[RID], files=[FILE])
    [row] = list_exports(service)
    assert row == {"id": export_id, "at": row["at"], "kind": "dossier",
                   "audience": "partners", "language": "ar", "record_ids": [RID],
                   "records": 1, "files": [FILE],
                   "device": service.vault.device_key.verify_key.key_id,
                   "reported_at": None, "status": "queued"}
    assert len(export_id) == 32 and row["at"].endswith("Z")


def test_list_is_newest_first_with_a_limit_and_shows_reported(service: VaultService) -> None:
    ids = [record_export(service, kind=k, audience="public", language=None, record_ids=[RID],
                         files=[FILE]) for k in ("csv", "json", "bundle")]
    assert [r["id"] for r in list_exports(service)] == ids[::-1]
    assert [r["id"] for r in list_exports(service, limit=2)] == ids[:0:-1]
    # what sync does once the registry's audit log took the row
    with service.vault.write() as conn:
        conn.execute("UPDATE exports SET reported_at = ? WHERE id = ?",
                     ("2026-12-01T12:00:00.000Z", ids[0]))
    status = {r["id"]: r["status"] for r in list_exports(service)}
    assert status == {ids[0]: "reported", ids[1]: "queued", ids[2]: "queued"}
    with pytest.raises(ValidationError, match="limit"):
        list_exports(service, limit=0)


@pytest.mark.parametrize(("change", "match"), [
    ({"kind": "xlsx"}, "kind"),
    ({"audience": "everyone"}, "audience"),
    ({"language": "Arabic!"}, "language"),
    ({"language": "fr"}, "language"),
    ({"record_ids": [RID] * 10_001}, "at most 10,000"),
    ({"files": [FILE] * 1_001}, "more than 1,000 files"),
    ({"record_ids": []}, "without records"),
    ({"record_ids": ["d-1234abcd"]}, "not a sealed record id"),
    ({"record_ids": [RID.upper()]}, "not a sealed record id"),
    ({"files": []}, "without files"),
    ({"files": [{**FILE, "sha256": "xyz"}]}, "SHA-256"),
    ({"files": [{**FILE, "size": -1}]}, "size"),
    ({"files": [{**FILE, "size": True}]}, "size"),
    ({"files": [{**FILE, "name": ""}]}, "name"),
    ({"files": [{**FILE, "name": "a\x00b"}]}, "name"),
])
def test_hostile_rows_are_refused(service: VaultService, change: dict[str, Any],
                                  match: str) -> None:
    args: dict[str, Any] = {"kind": "csv", "audience": "public", "language": None,
                            "record_ids": [RID], "files": [FILE], **change}
    with pytest.raises(ValidationError, match=match):
        record_export(service, **args)
    assert list_exports(service) == []


def test_each_table_export_logs_its_files(demo_vault: Any, tmp_path: Path) -> None:
    service = demo_vault.service
    before = {r["id"] for r in list_exports(service, limit=10_000)}
    zipped = export_tables(service, audience="partners", fmt="csv", out=tmp_path / "t.zip")
    folder = export_tables(service, audience="internal", fmt="csv", out=tmp_path / "tables")
    doc = export_tables(service, audience="public", fmt="json", out=tmp_path / "t.json")
    rows = {r["id"]: r for r in list_exports(service) if r["id"] not in before}
    assert set(rows) == {zipped.export_id, folder.export_id, doc.export_id}
    z = rows[zipped.export_id]
    assert (z["kind"], z["audience"], z["language"]) == ("csv", "partners", None)
    assert z["files"] == [{"name": "t.zip", "sha256": _sha(tmp_path / "t.zip"),
                           "size": (tmp_path / "t.zip").stat().st_size}]
    assert z["record_ids"] == zipped.record_ids and z["records"] == len(zipped.record_ids)
    with zipfile.ZipFile(tmp_path / "t.zip") as zf:
        about = json.loads(zf.read("export.json"))
    assert about["record_ids"] == z["record_ids"] and about["audience"] == "partners"
    f = rows[folder.export_id]
    assert {x["name"] for x in f["files"]} == {p.name for p in (tmp_path / "tables").iterdir()}
    for x in f["files"]:
        assert x["sha256"] == _sha(tmp_path / "tables" / x["name"])
    j = rows[doc.export_id]
    assert (j["kind"], j["audience"]) == ("json", "public")
    assert j["files"][0]["sha256"] == _sha(tmp_path / "t.json")
    assert set(j["record_ids"]) < set(f["record_ids"])  # public sees fewer incidents
    device = service.vault.device_key.verify_key.key_id
    assert {r["device"] for r in rows.values()} == {device}


# --- the command line -----------------------------------------------------------------------

def _fk(vault: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_")}
    env.update(FIELDKIT_VAULT=str(vault), FIELDKIT_PASSPHRASE=PASS)
    proc = subprocess.run([sys.executable, "-m", "fieldkit", *args], env=env, text=True,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"fieldkit {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


def test_cli_exports_and_lists_them(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _fk(vault, "init", "--json")
    _fk(vault, "import", str(DEMO / "incidents.json"), "--seal", "--json")
    assert "no exports yet" in _fk(vault, "export", "log").stdout
    made = json.loads(_fk(vault, "export", "csv", "--audience", "partners", "--out",
                          str(tmp_path / "p.zip"), "--json").stdout)
    assert made["ok"] and made["format"] == "csv" and made["counts"]["events"] >= 1
    text = _fk(vault, "export", "json", "--audience", "internal", "--from", "2026",
               "--out", str(tmp_path / "i.json")).stdout
    assert "logged as export" in text and "queued" in text
    some = json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))["record_ids"][:2]
    _fk(vault, "export", "csv", *[i[:12] for i in some], "--audience", "internal",
        "--out", str(tmp_path / "two"))
    bad = _fk(vault, "export", "csv", "--audience", "partners", "--country", "ZZ",
              "--out", str(tmp_path / "none.zip"), "--json", check=False)
    assert bad.returncode != 0 and json.loads(bad.stdout)["error"]["code"] == "not_found"
    missing = _fk(vault, "export", "json", "--out", str(tmp_path / "x.json"), check=False)
    assert missing.returncode == 2 and "--audience" in missing.stderr

    log = json.loads(_fk(vault, "export", "log", "--json").stdout)["exports"]
    assert [(r["kind"], r["audience"], r["status"]) for r in log] == [
        ("csv", "internal", "queued"), ("json", "internal", "queued"),
        ("csv", "partners", "queued")]
    assert log[0]["record_ids"] == some and log[0]["records"] == 2
    assert log[2]["files"][0]["sha256"] == _sha(tmp_path / "p.zip")
    lines = _fk(vault, "export", "log").stdout.splitlines()
    assert len(lines) == 3
    assert "json" in lines[1] and "internal" in lines[1] and "queued" in lines[1]
    assert "i.json" in lines[1]
    assert "2 records" in lines[0]


def test_sync_reports_queued_exports_to_the_registry(synced_demo: Any, tmp_path: Path) -> None:
    from fieldkit.sync.client import SyncClient

    staff = synced_demo.staff
    result = export_tables(staff, ids=synced_demo.record_ids[:2], audience="internal",
                           fmt="json", out=tmp_path / "staff.json")
    [row] = [r for r in list_exports(staff) if r["id"] == result.export_id]
    assert row["status"] == "queued"
    report = SyncClient(staff).sync()
    assert report.exports >= 1
    [row] = [r for r in list_exports(staff) if r["id"] == result.export_id]
    assert row["status"] == "reported" and row["reported_at"]
