"""Sync benchmarks: sealed records and a large attachment over loopback HTTPS.

    .venv/bin/python bench/bench_sync.py [--records 10000] [--mib 512] [--dir /tmp]
        [--profile push|pull|attach]

A registry is created with ``python -m fieldkit.registry --data DIR init`` (SQLite registry,
chunks as files) and served on a free loopback port (tests/registry/harness.py); a staff vault
holds the organisation key and a monitor vault is enrolled, as in tests/sync/test_e2e.py.

(a) Records: the monitor vault is filled with ``--records`` sealed incidents (the shared
    sample incidents, cycled, without their evidence files; not timed). ``SyncClient.push``
    then runs in a fresh subprocess, and ``SyncClient.pull`` in the staff vault in another.
    The clock (inside the child) covers the call only, not interpreter start-up or unlocking
    the vault: opening each sealed record, sealing it to the staff key, signing, the POSTs,
    checking every receipt and checkpoint and storing them; for the pull, fetching pages,
    decrypting, verifying and storing each record. Target: push >= 1,000 records/s.
(b) Attachment: one sealed incident with a ``--mib`` MiB attachment (distinct 1 MiB blocks) in
    a fresh monitor vault on the same registry, pushed by ``SyncClient.push`` in a subprocess
    (which also reports its peak RSS, ``VmHWM``; ru_maxrss would carry the parent's peak across
    exec). Against it: a raw upload of the same encrypted bytes, by this process, to a second
    registry created the same way (so no chunk is already there): read each 4 MiB chunk of
    the vault's encrypted file, SHA-256 it, ``PUT /v1/chunks/{sha256}`` with a signed
    ``RegistryClient`` request. Ratio = raw seconds / push seconds. Target >= 0.5.
(c) Peak RSS of the attachment push subprocess (the bound in tests/sync/test_big.py is 200 MB).

Where the time goes: the push child timestamps its progress reports, so the attachment push
is split into hashing (before the first byte is sent), sending chunks, and finishing (the
``POST /v1/files`` whose digest the registry recomputes over the whole file, the record and
its receipt). CPU seconds of the registry process and of the child are printed beside wall
time (2 cores here). ``--profile`` runs the named child under cProfile and prints its top
functions.

MB is 10**6 bytes; MiB is 2**20.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "tests"))

from registry.harness import LiveRegistry  # noqa: E402

from fieldkit.service import VaultService  # noqa: E402
from fieldkit.storage.vault import Vault  # noqa: E402
from fieldkit.sync.client import SyncClient, SyncConfig  # noqa: E402

MiB = 1 << 20
MB = 1_000_000
PASS = "a long enough passphrase"
SAMPLES = REPO_ROOT / "resources" / "samples" / "incidents.json"

# argv: vault, action (push|pull), profile output or "". One JSON line on stdout at the end.
_CHILD = """
import json, resource, sys, time
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient

vault_dir, action, profile = sys.argv[1:4]
reports = []
vault = Vault.open(vault_dir, sys.argv[4])
client = SyncClient(VaultService(vault))
run = getattr(client, action)
cpu0 = resource.getrusage(resource.RUSAGE_SELF)
start = time.monotonic()
if profile:
    import cProfile
    prof = cProfile.Profile()
    result = prof.runcall(run, progress=lambda d, t: reports.append((time.monotonic(), d, t)))
    prof.dump_stats(profile)
else:
    result = run(progress=lambda d, t: reports.append((time.monotonic(), d, t)))
end = time.monotonic()
cpu1 = resource.getrusage(resource.RUSAGE_SELF)
vault.lock()
with open("/proc/self/status") as f:
    hwm = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
print(json.dumps({"seconds": end - start, "report": result.to_json(), "peak_rss": hwm,
                  "cpu": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
                  "reports": [(t - start, d, n) for t, d, n in reports]}))
"""


@dataclass
class Child:
    seconds: float
    report: dict[str, Any]
    peak_rss: int
    cpu: float
    reports: list[tuple[float, int, int]]
    server_cpu: float


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a live process (from /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run_child(action: str, vault_dir: Path, live: LiveRegistry, *,
               profile: Path | None = None) -> Child:
    assert live.proc is not None
    before = _cpu_of(live.proc.pid)
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(vault_dir), action,
                           str(profile or ""), PASS], capture_output=True, text=True,
                          check=False, cwd=REPO_ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{action} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return Child(out["seconds"], out["report"], out["peak_rss"], out["cpu"],
                 [tuple(r) for r in out["reports"]], _cpu_of(live.proc.pid) - before)


def _print_profile(path: Path, what: str) -> None:
    import pstats

    stats = pstats.Stats(str(path))
    print(f"\n--- cProfile of the {what} child: top 20 by own time ---")
    stats.sort_stats("tottime").print_stats(20)
    print(f"--- {what}: FieldKit functions, top 25 by cumulative time ---")
    stats.sort_stats("cumulative").print_stats("fieldkit/", 25)


@dataclass
class World:
    live: LiveRegistry
    root: Path
    staff_dir: Path
    codes: Any

    def monitor(self, name: str) -> SyncClient:
        vault, _ = Vault.create(self.root / name, PASS)
        client = SyncClient(VaultService(vault))
        client.enroll(self.codes("monitor"), label=name)
        return client


@contextmanager
def _world(root: Path) -> Iterator[World]:
    live = LiveRegistry.create(root / "registry")
    try:
        admin = live.enroll("admin")

        def code(role: str) -> str:
            return str(admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

        vault, _ = Vault.create(root / "staff", PASS)
        staff = SyncClient(VaultService(vault))
        admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
        staff.enroll(code("staff"), label="envoy office")
        vault.lock()
        yield World(live, root, root / "staff", code)
    finally:
        live.close()


def _fill_records(svc: VaultService, n: int) -> None:
    samples = json.loads(SAMPLES.read_text(encoding="utf-8"))["incidents"]
    items = []
    for i in range(n):
        item = {k: v for k, v in samples[i % len(samples)].items() if k != "evidence"}
        item["key"] = f"{item.get('key', 'incident')}-{i}"
        item["title"] = f"{item['title']} #{i}"
        items.append(item)
    svc.import_incidents(items, seal=True, batch=500)


def _write_big(path: Path, mib: int) -> None:
    block = bytearray(os.urandom(MiB))
    with open(path, "wb") as f:
        for i in range(mib):
            block[:8] = i.to_bytes(8, "big")
            f.write(block)


def bench_records(root: Path, n: int, profile: str | None) -> None:
    print(f"(a) {n:,} sealed records, SQLite registry, loopback HTTPS")
    root.mkdir(parents=True)
    with _world(root) as world:
        t0 = time.monotonic()
        monitor = world.monitor("monitor")
        _fill_records(monitor.service, n)
        monitor.vault.lock()
        print(f"    setup: {n:,} records sealed in {time.monotonic() - t0:.1f} s (not timed)")
        prof = root / "push.prof" if profile == "push" else None
        push = _run_child("push", root / "monitor", world.live, profile=prof)
        assert push.report["records"] == n, push.report
        print(f"    push: {n / push.seconds:8,.0f} records/s  ({push.seconds:.2f} s; child CPU "
              f"{push.cpu:.1f} s, registry CPU {push.server_cpu:.1f} s; "
              f"peak RSS {push.peak_rss / MB:.0f} MB)  target >= 1,000/s")
        if prof:
            _print_profile(prof, "records push")
        prof = root / "pull.prof" if profile == "pull" else None
        pull = _run_child("pull", world.staff_dir, world.live, profile=prof)
        assert pull.report["records"] == n, pull.report
        print(f"    pull: {n / pull.seconds:8,.0f} records/s  ({pull.seconds:.2f} s; child CPU "
              f"{pull.cpu:.1f} s, registry CPU {pull.server_cpu:.1f} s; "
              f"peak RSS {pull.peak_rss / MB:.0f} MB)")
        if prof:
            _print_profile(prof, "records pull")


def _raw_upload(live: LiveRegistry, path: Path, chunk_size: int) -> tuple[float, int]:
    """PUT every chunk of ``path`` as it is (read, SHA-256, signed request); seconds, bytes."""
    device = live.enroll("monitor")
    sent = 0
    start = time.monotonic()
    with open(path, "rb") as f:
        while data := f.read(chunk_size):
            digest = hashlib.sha256(data).hexdigest()
            device.client.request("PUT", f"/v1/chunks/{digest}", content=data,
                                  headers={"Content-Type": "application/octet-stream"})
            sent += len(data)
    return time.monotonic() - start, sent


def bench_attachment(root: Path, mib: int, profile: str | None) -> None:
    print(f"\n(b) one {mib:,} MiB attachment")
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    chunk = SyncConfig().chunk_size
    with _world(root / "a") as world, _world(root / "b") as bare:
        monitor = world.monitor("monitor")
        svc = monitor.service
        draft = svc.create_incident(title="long video", category="hate_crime.arson",
                                    occurred="2026-04-01", country="FR")
        source = root / "video.bin"
        _write_big(source, mib)
        t0 = time.monotonic()
        _view, ref = svc.add_evidence(draft.ref, source, description="long video")
        imported = time.monotonic() - t0
        source.unlink()
        svc.seal(draft.ref)
        blob = monitor._blob_for(ref["sha256"], ref["size"])
        encrypted = monitor.vault.attachments.encrypted_path(blob)
        cipher_size = encrypted.stat().st_size
        monitor.vault.lock()
        print(f"    setup: imported into the vault in {imported:.1f} s "
              f"({mib * MiB / imported / MB:.0f} MB/s, not timed); encrypted file "
              f"{cipher_size / MB:.0f} MB")

        raw_seconds, raw_bytes = _raw_upload(bare.live, encrypted, chunk)
        assert raw_bytes == cipher_size
        prof = root / "attach.prof" if profile == "attach" else None
        push = _run_child("push", root / "a" / "monitor", world.live, profile=prof)
        assert push.report["bytes_sent"] == cipher_size, push.report
        first_sent = next((t for t, d, _ in push.reports if d > 0), push.seconds)
        all_sent = next((t for t, d, n in push.reports if d >= n), push.seconds)
        raw_rate = raw_bytes / raw_seconds / MB
        push_rate = cipher_size / push.seconds / MB
        print(f"    raw PUT of the same {-(-cipher_size // chunk)} chunks: {raw_rate:6.0f} MB/s "
              f"({raw_seconds:.2f} s)")
        print(f"    SyncClient.push:              {push_rate:6.0f} MB/s ({push.seconds:.2f} s; "
              f"child CPU {push.cpu:.1f} s, registry CPU {push.server_cpu:.1f} s)")
        print(f"      hashing before the first chunk {first_sent:.2f} s, sending "
              f"{all_sent - first_sent:.2f} s, finishing (POST /files, record, receipt) "
              f"{push.seconds - all_sent:.2f} s")
        print(f"    ratio push/raw: {raw_seconds / push.seconds:.2f}  target >= 0.5")
        print(f"\n(c) peak RSS of the push subprocess: {push.peak_rss / MB:.0f} MB "
              f"(VmHWM; unlocking the vault alone peaks near 125 MB)")
        if prof:
            _print_profile(prof, "attachment push")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--mib", type=int, default=512)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where the registries and vaults go (default: a temp dir)")
    parser.add_argument("--profile", choices=("push", "pull", "attach"), default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fk-bench-sync-", dir=args.dir) as tmp:
        root = Path(tmp)
        if args.records:
            bench_records(root / "records", args.records, args.profile)
        if args.mib:
            bench_attachment(root / "attach", args.mib, args.profile)


if __name__ == "__main__":
    main()
