"""Export events: a vault's sync reports its exports to the registry, whose audit log keeps
them for administrators (`/v1/admin/audit`, `fieldkit-registry audit`); a repeated report
changes nothing; hostile bodies get the registry's one error shape."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldkit.crypto.orgkey import OrgPrivateKey
from fieldkit.export.log import list_exports, record_export
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient

from .harness import Device, LiveRegistry, registry_cli
from .test_api import _raw

PASS = "a long enough passphrase"
HEX = "ab" * 32


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveRegistry]:
    reg = LiveRegistry.create(tmp_path_factory.mktemp("registry") / "data")
    yield reg
    reg.close()


@pytest.fixture(scope="module")
def admin(live: LiveRegistry) -> Device:
    return live.enroll("admin")


@pytest.fixture(scope="module")
def monitor(live: LiveRegistry, admin: Device) -> Device:
    return live.enroll("monitor", admin=admin)


def _event(**over: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"id": uuid.uuid4().hex, "at": "2026-12-01T10:00:00.000Z",
                             "kind": "dossier", "audience": "partners", "language": "ar",
                             "record_ids": [HEX, "cd" * 32],
                             "files": [{"sha256": "ef" * 32, "size": 1234}]}
    event.update(over)
    return event


def _exports_audited(admin: Device) -> list[dict[str, Any]]:
    page = admin.client.get_json("/v1/admin/audit", params={"action": "export", "limit": 1000})
    return list(page["events"])


def test_sync_reports_exports_to_the_audit_log(live: LiveRegistry, admin: Device,
                                               tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASS)
    svc = VaultService(vault)
    client = SyncClient(svc)
    code = admin.client.post_json("/v1/admin/enroll-codes", {"role": "monitor"})["code"]
    client.enroll(code, label="exporting laptop")
    admin.client.post_json("/v1/admin/org-key", {
        "org_key": OrgPrivateKey.generate().public_key.to_text()})
    me = vault.device_key.verify_key.key_id
    ids = [svc.seal(svc.create_incident(title=f"i{i}", category="hate_crime.arson",
                                        occurred="2026-02", country="GB").ref).record_id
           for i in range(2)]
    pdf = hashlib.sha256(b"pdf").hexdigest()
    dossier = record_export(svc, kind="dossier", audience="partners", language="ar",
                            record_ids=ids, files=[{"name": "secret-village.pdf",
                                                    "sha256": pdf, "size": 3}])
    table = record_export(svc, kind="csv", audience="public", language=None,
                          record_ids=ids[:1], files=[{"name": "t.zip", "sha256": HEX,
                                                      "size": 9}])
    assert client.status()["exports_queued"] == 2
    before = len(_exports_audited(admin))
    report = client.sync()
    assert report.exports == 2 and client.queued_exports() == 0
    assert all(row["status"] == "reported" for row in list_exports(svc))
    events = _exports_audited(admin)[before:]
    assert [(e["device"], e["role"], e["action"], e["outcome"]) for e in events] == [
        (me, "monitor", "export", "ok")] * 2
    details = {json.loads(e["detail"])["export_id"]: json.loads(e["detail"]) for e in events}
    assert details[dossier] == {
        "export_id": dossier, "at": details[dossier]["at"], "kind": "dossier",
        "audience": "partners", "language": "ar", "records": 2, "record_ids": ids,
        "files": [{"sha256": pdf, "size": 3}]}
    assert details[table]["kind"] == "csv" and details[table]["language"] is None
    assert "secret-village" not in json.dumps(events), "file names stay in the vault"
    assert any("dossier (ar) for partners: 2 records" in e["reason"] for e in events)

    # nothing queued: the next sync reports nothing
    assert client.sync().exports == 0
    # reported again (e.g. the answer was lost): duplicates, no new audit entries
    with vault.write() as conn:
        conn.execute("UPDATE exports SET reported_at = NULL")
    assert client.sync().exports == 0 and client.queued_exports() == 0
    assert len(_exports_audited(admin)) == before + 2

    # the operator's command shows them, with what was exported
    rows = registry_cli(live.data, "audit", "--action", "export", "--limit", "1000")["events"]
    assert {json.loads(str(r["detail"]))["export_id"]  # type: ignore[index]
            for r in rows} >= {dossier, table}  # type: ignore[union-attr]
    text = subprocess.run([sys.executable, "-m", "fieldkit.registry", "--data", str(live.data),
                           "audit", "--action", "export", "--limit", "1000"],
                          capture_output=True, text=True, timeout=120, check=True).stdout
    assert dossier in text and "export" in text and pdf in text
    csv_text = admin.client.request("GET", "/v1/admin/audit.csv",
                                    params={"action": "export"}).text
    assert csv_text.splitlines()[0].endswith(",detail,claimed_device") and dossier in csv_text


def test_a_repeated_report_is_idempotent(admin: Device, monitor: Device,
                                         live: LiveRegistry) -> None:
    event = _event()
    first = monitor.client.post_json("/v1/exports", {"exports": [event]})
    assert first == {"new": [event["id"]], "duplicates": []}
    count = len(_exports_audited(admin))
    again = monitor.client.post_json("/v1/exports", {"exports": [event, event]})
    assert again == {"new": [], "duplicates": [event["id"], event["id"]]}
    assert len(_exports_audited(admin)) == count
    # the same id with other content, or from another device: 409, nothing kept
    other = live.enroll("staff", admin=admin)
    fresh = _event()
    for device, body in ((monitor, [fresh, {**event, "audience": "public"}]),
                         (other, [event])):
        r = _raw(live, "POST", "/v1/exports", {"exports": body}, key=device.key)
        assert r.status_code == 409
        assert r.json()["error"]["code"] == "conflict"
    assert len(_exports_audited(admin)) == count
    assert fresh["id"] not in json.dumps(_exports_audited(admin))


def _many(n: int, item: Any) -> list[Any]:
    return [item] * n


HOSTILE: list[tuple[str, Any, int, str]] = [
    ("not json", b"{not json", 400, "invalid"),
    ("no exports", {"exports": []}, 400, "invalid"),
    ("too many exports", {"exports": [_event(id=f"{i:032x}") for i in range(101)]}, 400,
     "invalid"),
    ("too many record ids", {"exports": [_event(record_ids=_many(10_001, HEX))]}, 400,
     "invalid"),
    ("too many files", {"exports": [_event(files=_many(1001, {"sha256": HEX, "size": 1}))]},
     400, "invalid"),
    ("id not hex", {"exports": [_event(id="Z" * 32)]}, 400, "invalid"),
    ("id too long", {"exports": [_event(id="a" * 33)]}, 400, "invalid"),
    ("unknown kind", {"exports": [_event(kind="xlsx")]}, 400, "invalid"),
    ("unknown audience", {"exports": [_event(audience="everyone")]}, 400, "invalid"),
    ("unknown language", {"exports": [_event(language="fr")]}, 400, "invalid"),
    ("record id not hex", {"exports": [_event(record_ids=["../../etc/passwd"])]}, 400,
     "invalid"),
    ("negative size", {"exports": [_event(files=[{"sha256": HEX, "size": -1}])]}, 400,
     "invalid"),
    ("file name sent", {"exports": [_event(files=[{"sha256": HEX, "size": 1, "name": "x"}])]},
     400, "invalid"),
    ("extra field", {"exports": [_event(device="ed25519:" + HEX)]}, 400, "invalid"),
    ("time not ISO", {"exports": [_event(at="yesterday")]}, 400, "invalid"),
    ("time with a newline", {"exports": [_event(at="2026-12-01T10:00:00Z\nadmin")]}, 400,
     "invalid"),
    ("deeply nested", {"exports": [_event(files=[{"sha256": HEX, "size": 1}])],
                       "x": json.loads("[" * 100 + "]" * 100)}, 400, "invalid"),
    ("duplicate keys", b'{"exports": [], "exports": []}', 400, "invalid"),
]


@pytest.mark.parametrize(("body", "status", "code"), [h[1:] for h in HOSTILE],
                         ids=[h[0] for h in HOSTILE])
def test_hostile_export_reports_are_refused(live: LiveRegistry, admin: Device, monitor: Device,
                                            body: Any, status: int, code: str) -> None:
    count = len(_exports_audited(admin))
    r = _raw(live, "POST", "/v1/exports", body, key=monitor.key)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code and set(r.json()) == {"error"}
    assert set(error) == {"code", "message", "details"}
    assert len(_exports_audited(admin)) == count


def test_exports_need_an_enrolled_unrevoked_device(live: LiveRegistry, admin: Device) -> None:
    body = {"exports": [_event()]}
    assert _raw(live, "POST", "/v1/exports", body, key=None).status_code == 401
    gone = live.enroll("monitor", admin=admin)
    admin.client.post_json(f"/v1/admin/devices/{gone.key_id}/revoke", {})
    r = _raw(live, "POST", "/v1/exports", body, key=gone.key)
    assert (r.status_code, r.json()["error"]["code"]) == (403, "device_revoked")
    refused = admin.client.get_json("/v1/admin/audit", params={
        "action": "exports.report", "outcome": "refused", "limit": 1000})["events"]
    assert refused and all(e["detail"] == "" for e in refused)


def test_enrolment_entries_are_served_to_enrolled_devices(live: LiveRegistry, admin: Device,
                                                          monitor: Device) -> None:
    answer = admin.client.get_json(f"/v1/devices/{monitor.key_id}/enrolment")
    assert answer["key_id"] == monitor.key_id and answer["role"] == "monitor"
    assert answer["revoked_at"] is None and answer["revocation"] is None
    leaf = json.loads(base64.b64decode(answer["leaf"]))
    assert leaf["type"] == "enrol" and leaf["device"] == monitor.key_id
    for bad, status in ((f"ed25519:{'0' * 64}", 404), ("ed25519:..%2e%2e", 400),
                        ("ed25519:..%2F..", 404),  # a slash: no such route
                        ("ed25519:" + "A" * 64, 400), ("x" * 500, 400)):
        r = _raw(live, "GET", f"/v1/devices/{bad}/enrolment", None, key=monitor.key)
        assert r.status_code == status, (bad, r.text)
        assert set(r.json()["error"]) == {"code", "message", "details"}
