"""A 2 GiB attachment syncs with client peak RSS under 200 MB and progress reported at least
once a second.

The monitor vault is built here; the push and the pull each run in a fresh Python process
(one of :data:`_PUSH` / :data:`_PULL`), which reports its progress as ``P <monotonic> <done>
<total>`` lines on stdout and, last, its own peak resident set (``VmHWM`` from
``/proc/self/status``; not ``ru_maxrss``, which on Linux carries the parent's peak across
``exec``). Gaps between reports are measured on the child's own clock, from the moment it
starts pushing to the report that says everything was sent. The staff copy is decrypted in
this process and hashed in 1 MiB pieces against the SHA-256 of the bytes written here.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from registry.harness import LiveRegistry

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient

from .conftest import PASS, new_vault

MiB = 1 << 20
MB = 1_000_000
SIZE_MIB = 2048
MAX_RSS = 200 * MB
MAX_GAP = 1.0

# argv: vault path, passphrase. Prints "S t" before, "P t done total" per report, "E t" after,
# then "HWM bytes".
_CHILD = """
import sys, time
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient

def report(done, total):
    print("P", time.monotonic(), done, -1 if total is None else total, flush=True)

vault = Vault.open(sys.argv[1], sys.argv[2])
client = SyncClient(VaultService(vault))
print("S", time.monotonic(), flush=True)
result = client.{action}(progress=report)
print("E", time.monotonic(), result.records, result.files, flush=True)
vault.lock()
with open("/proc/self/status") as f:
    hwm = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
print("HWM", hwm * 1024, flush=True)
"""


@dataclass
class ChildRun:
    start: float
    end: float
    reports: list[tuple[float, int, int]]
    records: int
    files: int
    peak_rss: int

    def summary(self, action: str) -> str:
        """One line for ``pytest -s``: where the time went, on the child's clock."""
        first = self.reports[0][0] - self.start if self.reports else float("nan")
        done_at = next((t for t, d, n in self.reports if d >= n), self.end) - self.start
        gaps = self.gaps_until_done()
        return (f"{action}: first report after {first:.2f} s, all bytes at {done_at:.2f} s, "
                f"returned at {self.end - self.start:.2f} s, {len(self.reports)} reports, "
                f"longest gap {max(gaps, default=0):.2f} s, peak RSS {self.peak_rss / MB:.0f} MB")

    def gaps_until_done(self) -> list[float]:
        """Seconds between consecutive reports (the start counting as one), up to the first
        report that says everything was moved."""
        times = [self.start]
        for t, done, total in self.reports:
            times.append(t)
            if done >= total:
                break
        return [b - a for a, b in itertools.pairwise(times)]


def _run(action: str, vault_dir: Path) -> ChildRun:
    proc = subprocess.run([sys.executable, "-c", _CHILD.replace("{action}", action),
                           str(vault_dir), PASS], capture_output=True, text=True, timeout=600,
                          check=False)
    assert proc.returncode == 0, f"{action} failed:\n{proc.stdout[-2000:]}\n{proc.stderr}"
    start = end = 0.0
    reports: list[tuple[float, int, int]] = []
    records = files = peak = -1
    for line in proc.stdout.splitlines():
        kind, *rest = line.split()
        if kind == "S":
            start = float(rest[0])
        elif kind == "P":
            reports.append((float(rest[0]), int(rest[1]), int(rest[2])))
        elif kind == "E":
            end, records, files = float(rest[0]), int(rest[1]), int(rest[2])
        elif kind == "HWM":
            peak = int(rest[0])
    return ChildRun(start, end, reports, records, files, peak)


def _write_big(path: Path, mib: int) -> str:
    """A file of ``mib`` distinct MiB (a random block with its index mixed in); its SHA-256."""
    block = bytearray(os.urandom(MiB))
    h = hashlib.sha256()
    with open(path, "wb") as f:
        for i in range(mib):
            block[:8] = i.to_bytes(8, "big")
            f.write(block)
            h.update(block)
    return h.hexdigest()


@dataclass
class BigWorld:
    live: LiveRegistry
    monitor_dir: Path
    staff_dir: Path
    plain_sha256: str


@pytest.fixture
def big_world(tmp_path: Path) -> Iterator[BigWorld]:
    live = LiveRegistry.create(tmp_path / "registry")
    try:
        admin = live.enroll("admin")

        def code(role: str) -> str:
            return str(admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

        staff = SyncClient(new_vault(tmp_path / "staff"))
        admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
        staff.enroll(code("staff"), label="envoy office")
        staff.vault.lock()

        monitor = SyncClient(new_vault(tmp_path / "monitor"))
        monitor.enroll(code("monitor"), label="field laptop")
        svc = monitor.service
        draft = svc.create_incident(title="long video", category="hate_crime.arson",
                                    occurred="2026-04-01", country="FR")
        source = tmp_path / "video.bin"
        sha = _write_big(source, SIZE_MIB)
        svc.add_evidence(draft.ref, source, description="long video")
        source.unlink()
        svc.seal(draft.ref)
        monitor.vault.lock()
        yield BigWorld(live, tmp_path / "monitor", tmp_path / "staff", sha)
    finally:
        live.close()


@pytest.mark.slow
def test_two_gib_attachment_syncs_in_bounded_memory(big_world: BigWorld, tmp_path: Path) -> None:
    size = SIZE_MIB * MiB

    push = _run("push", big_world.monitor_dir)
    assert (push.records, push.files) == (1, 1)
    assert push.peak_rss < MAX_RSS, f"push peak RSS {push.peak_rss / MB:.0f} MB"
    assert push.reports, "the push reported no progress"
    done, total = push.reports[-1][1:]
    assert done == total and total >= size  # encrypted bytes: the plaintext plus tags
    gaps = push.gaps_until_done()
    print(push.summary("push"))
    assert max(gaps) <= MAX_GAP, (
        f"push progress: longest silence {max(gaps):.2f} s (gap #{gaps.index(max(gaps))} of "
        f"{len(gaps)}; {push.reports[-1][0] - push.start:.1f} s to done)")

    pull = _run("pull", big_world.staff_dir)
    print(pull.summary("pull"))
    assert (pull.records, pull.files) == (1, 1)
    assert pull.peak_rss < MAX_RSS, f"pull peak RSS {pull.peak_rss / MB:.0f} MB"

    with Vault.open(big_world.staff_dir, PASS) as vault:
        svc = VaultService(vault)
        info = svc.attachment(big_world.plain_sha256)
        assert info.size == size
        h = hashlib.sha256()
        with vault.attachments.open(info.blob, label=info.file_name) as reader:
            while piece := reader.read(MiB):
                h.update(piece)
        assert h.hexdigest() == big_world.plain_sha256
