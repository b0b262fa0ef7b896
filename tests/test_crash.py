"""`kill -9` during a bulk insert of 10,000 sealed records leaves a vault that opens, passes the
integrity check and holds only whole records."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault

WRITER = r"""
import sys
from pathlib import Path
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault

vault_dir, passphrase, start, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
items = [{
    "title": f"incident {i} حادثة",
    "category": "hate_crime.physical_assault",
    "occurred": "2026-03-13",
    "country": "FR",
    "description": "x" * 700,
    "persons": [{"ref": "v", "pseudonym": f"victim {i}", "roles": ["victim"]}],
    "acts": [{"type": "injury", "victims": ["v"], "perpetrators": []}],
    "testimonies": [
        {"witness": f"witness {i}", "language": "ar", "consent": "partners", "text": "شهادة " * 20},
        {"witness": f"other {i}", "language": "en", "consent": "public", "text": "seen " * 20},
    ],
} for i in range(start, start + count)]
service = VaultService(Vault.open(Path(vault_dir), passphrase))

def progress(done, total):
    print(done, flush=True)

service.import_incidents(items, seal=True, batch=50, progress=progress)
print("finished", flush=True)
"""


def _verify_whole(vault_dir: Path) -> int:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        service = VaultService(vault)
        report = service.check(deep=False)
        assert report.ok, report.problems
        stats = service.stats()
        assert stats["drafts"] == 0, "a draft means a record was half-made"
        assert stats["sealed"] == stats["incidents"]
        for (body,) in vault.conn.execute("SELECT body FROM incidents"):
            inc = json.loads(body)
            assert len(inc["testimonies"]) == 2 and len(inc["persons"]) == 3
            assert len(inc["acts"]) == 1
        return stats["sealed"]


@pytest.mark.slow
def test_kill_9_during_bulk_insert(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    Vault.create(vault_dir, PASSPHRASE)[0].lock()
    rng = random.Random(20261124)
    total = 10_000
    stored = 0
    kills = 0
    while kills < 4:
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(vault_dir), PASSPHRASE,
                                 str(stored), str(total - stored)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        target = rng.randint(200, 1500)
        for line in proc.stdout:
            if line.strip() == "finished" or int(line) >= target:
                break
        time.sleep(rng.random() * 0.05)  # land anywhere inside the next batch
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        kills += 1
        now = _verify_whole(vault_dir)
        assert now >= stored
        stored = now
    # the rest goes through; 10,000 in all
    subprocess.run([sys.executable, "-c", WRITER, str(vault_dir), PASSPHRASE, str(stored),
                    str(total - stored)], check=True, stdout=subprocess.DEVNULL)
    assert _verify_whole(vault_dir) == total
