"""Attachment store throughput and memory: import, extract, and a plain-hash baseline.

    .venv/bin/python bench/bench_attachments.py [--size-mib 2048] [--dir /tmp]

Writes a file of ``--size-mib`` MiB (a repeated 1 MiB random block with the block index mixed
in), then measures, in this order and on the same file:

* baseline: read the file and SHA-256 it (what any import must do at least);
* baseline 2: read, SHA-256, write a copy and fsync it, without encryption (the floor of
  a durable import on this disk);
* import: ``AttachmentStore.import_file`` in a fresh subprocess, which reports its wall time
  and peak RSS (``VmHWM`` of the importing process), including the final fsync and rename;
* extract: ``AttachmentStore.extract`` (decrypt, hash, fsync, rename) in this process.

Targets: import >= 300 MB/s and peak RSS < 150 MB. MB is 10**6 bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from fieldkit.storage.attachments import AttachmentStore, StoredBlob  # noqa: E402

MiB = 1 << 20
MB = 1_000_000

_IMPORT = """
import json, re, sys, time
def peak_rss_kib():
    # VmHWM: this process's own peak (ru_maxrss would include the parent's at fork time)
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", f.read()).group(1))
from pathlib import Path
from fieldkit.storage.attachments import AttachmentStore
store = AttachmentStore(Path(sys.argv[1]))
t0 = time.perf_counter()
blob = store.import_file(Path(sys.argv[2]), label="bench.bin")
elapsed = time.perf_counter() - t0
print(json.dumps({"blob": blob.blob, "key": blob.key.hex(), "sha256": blob.sha256,
                  "size": blob.size, "seconds": elapsed,
                  "rss_kib": peak_rss_kib()}))
"""


def _write_source(path: Path, size_mib: int) -> None:
    block = bytearray(random.Random(2024).randbytes(MiB))
    with open(path, "wb") as f:
        for i in range(size_mib):
            block[:8] = i.to_bytes(8, "big")
            f.write(block)
        f.flush()
        os.fsync(f.fileno())


def _baseline(path: Path) -> tuple[str, float]:
    digest = hashlib.sha256()
    buf = bytearray(MiB)
    view = memoryview(buf)
    t0 = time.perf_counter()
    with open(path, "rb", buffering=0) as f:
        while n := f.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest(), time.perf_counter() - t0


def _copy_baseline(path: Path, dest: Path) -> float:
    """Read, hash, write and fsync without encryption: the floor of a durable import."""
    digest = hashlib.sha256()
    buf = bytearray(MiB)
    view = memoryview(buf)
    t0 = time.perf_counter()
    with open(path, "rb", buffering=0) as f, open(dest, "wb") as out:
        while n := f.readinto(buf):
            digest.update(view[:n])
            out.write(view[:n])
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - t0
    dest.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=2048)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where to put the test files (default: a temp dir)")
    args = parser.parse_args()
    size = args.size_mib * MiB

    with tempfile.TemporaryDirectory(dir=args.dir, prefix="fk-bench-") as tmp:
        work = Path(tmp)
        src = work / "bench.bin"
        t0 = time.perf_counter()
        _write_source(src, args.size_mib)
        print(f"source: {args.size_mib} MiB written in {time.perf_counter() - t0:.1f} s")

        base_sha, base_s = _baseline(src)
        base_rate = size / base_s / MB
        print(f"baseline (read + sha256):   {base_rate:8.0f} MB/s  ({base_s:.2f} s)")

        copy_s = _copy_baseline(src, work / "copy.bin")
        copy_rate = size / copy_s / MB
        print(f"baseline 2 (read + sha256 + write + fsync, one thread):"
              f" {copy_rate:.0f} MB/s  ({copy_s:.2f} s)")

        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        proc = subprocess.run([sys.executable, "-c", _IMPORT, str(work / "store"), str(src)],
                              check=True, capture_output=True, text=True, env=env)
        info = json.loads(proc.stdout)
        assert info["sha256"] == base_sha, "import hash differs from the baseline hash"
        imp_rate = size / info["seconds"] / MB
        rss_mb = info["rss_kib"] * 1024 / MB
        print(f"import (encrypt+hash+fsync):{imp_rate:8.0f} MB/s  ({info['seconds']:.2f} s)"
              f"  = {imp_rate / base_rate:.2f} x baseline, {imp_rate / copy_rate:.2f} x baseline 2"
              f"  [target >= 300 MB/s: {'ok' if imp_rate >= 300 else 'MISSED'}]")
        print(f"import peak RSS:            {rss_mb:8.1f} MB"
              f"  [target < 150 MB: {'ok' if rss_mb < 150 else 'MISSED'}]")

        src.unlink()
        store = AttachmentStore(work / "store")
        blob = StoredBlob(blob=info["blob"], key=bytes.fromhex(info["key"]),
                          sha256=info["sha256"], size=info["size"])
        t0 = time.perf_counter()
        store.extract(blob, work / "extracted.bin", label="bench.bin")
        ext_s = time.perf_counter() - t0
        ext_rate = size / ext_s / MB
        print(f"extract (decrypt+hash+fsync):{ext_rate:7.0f} MB/s  ({ext_s:.2f} s)"
              f"  = {ext_rate / base_rate:.2f} x baseline")


if __name__ == "__main__":
    main()
