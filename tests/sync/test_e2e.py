"""Sync end to end on loopback HTTPS: a monitor vault pushes sealed records and files sealed to
the staff key; a staff vault pulls, decrypts and verifies them. The registry never holds
testimony or attachment plaintext."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from fieldkit.service import VaultService

from .conftest import DEMO, World

CANARY_TEXT = "CANARY-testimony-7f3k2"
CANARY_AR = "كناري-الشهادة-٩٩"
CANARY_FILE = b"CANARY-attachment-bytes-91xq"


def _seal_demo(svc: VaultService, tmp_path: Path, *, big_mib: int = 0) -> list[str]:
    doc = json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))
    views = svc.import_incidents(doc["incidents"], base_dir=DEMO / "files", seal=True)
    ids = [v.record_id for v in views if v.record_id]
    draft = svc.create_incident(title="canary incident", category="hate_crime.arson",
                                occurred="2026-04-01", country="FR")
    svc.add_testimony(draft.ref, witness="w", language="en", consent="internal",
                      text=f"{CANARY_TEXT} {CANARY_AR}")
    canary = tmp_path / "canary.bin"
    canary.write_bytes(CANARY_FILE * 5000)
    svc.add_evidence(draft.ref, canary)
    if big_mib:
        big = tmp_path / "big.bin"
        block = os.urandom(1 << 20)
        with open(big, "wb") as f:
            for i in range(big_mib):
                f.write(i.to_bytes(8, "big") + block[8:])
        svc.add_evidence(draft.ref, big, description="long video")
    ids.append(svc.seal(draft.ref).record_id)
    return ids


def test_push_pull_end_to_end(world: World, tmp_path: Path) -> None:
    ids = _seal_demo(world.monitor.service, tmp_path)
    pushed = world.monitor.sync()
    assert pushed.records == len(ids) and world.monitor.pending() == []
    pulled = world.staff.sync()
    assert pulled.records == len(ids)
    staff = world.staff.service
    for rid in ids:
        record = staff.sealed_record(rid)  # signature verified with the monitor's key
        assert record.device == world.monitor.vault.device_key.verify_key.key_id
        for ev in record.record.get("evidence", []):
            out = tmp_path / "out" / ev["sha256"]
            out.parent.mkdir(exist_ok=True)
            staff.extract_evidence(ev["sha256"], out)
            assert hashlib.sha256(out.read_bytes()).hexdigest() == ev["sha256"]
    assert staff.check().ok
    hits = staff.search("مسجد")
    assert hits, "pulled records are searchable in the staff vault"
    # a second sync moves nothing
    assert world.monitor.sync().records == 0
    assert world.staff.sync().records == 0
    status = world.monitor.status()
    assert status["queue"] == 0 and status["last_receipt"] is not None


def test_registry_holds_no_plaintext(world: World, tmp_path: Path) -> None:
    _seal_demo(world.monitor.service, tmp_path)
    world.monitor.sync()
    world.staff.sync()
    needles = [CANARY_TEXT.encode(), CANARY_FILE]
    for enc in ("utf-8", "utf-16-le"):
        needles.append(CANARY_AR.encode(enc))
    testimony = json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))[
        "incidents"][0]["testimonies"][0]["text"]
    needles.append(testimony[:40].encode())
    for path in sorted((world.live.data).rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"{path} holds plaintext"
    audit = world.admin.client.get_json("/v1/admin/audit", params={"limit": 1000})["events"]
    flat = json.dumps(audit, ensure_ascii=False)
    assert CANARY_TEXT not in flat and "envelope" not in flat


@pytest.mark.slow
def test_one_gib_attachment_syncs(world: World, tmp_path: Path) -> None:
    ids = _seal_demo(world.monitor.service, tmp_path, big_mib=1024)
    seen: list[tuple[int, int | None]] = []
    world.monitor.push(progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    world.staff.pull()
    record = world.staff.service.sealed_record(ids[-1])
    big = next(e for e in record.record["evidence"] if e["description"] == "long video")
    world.staff.service.extract_evidence(big["sha256"], tmp_path / "big.out")
    assert hashlib.sha256((tmp_path / "big.out").read_bytes()).hexdigest() == big["sha256"]
