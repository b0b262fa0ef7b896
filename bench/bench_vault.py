"""Vault benchmarks: seal-and-store throughput against plain sqlite3, unlock, passphrase change.

    .venv/bin/python bench/bench_vault.py [--records 10000] [--batch 100]

Seal-and-store: incidents with a 1 KiB description, created, validated, canonicalised (JCS),
signed (Ed25519 in DSSE), chained, indexed for search and stored in SQLCipher, in transactions
of --batch records. Baseline, in the same run: the same 1 KiB JSON rows inserted into a plain
sqlite3 file (no encryption, no signing, no index) with the same batching and durability.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault

PASSPHRASE = "benchmark passphrase"


def items(n: int) -> list[dict[str, object]]:
    text = ("وقع الاعتداء بالمسجد مساء الجمعة، incident near the mosque entrance, "
            "свидетели видели двоих мужчин. ") * 20
    return [{"title": f"incident {i}", "category": "hate_crime.physical_assault",
             "occurred": "2026-03-13", "country": "FR",
             "description": text.encode()[:1024].decode("utf-8", "ignore")}
            for i in range(n)]


def bench_seal(root: Path, n: int, batch: int) -> tuple[float, Path]:
    vault_dir = root / "vault"
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    service = VaultService(vault)
    data = items(n)
    t0 = time.perf_counter()
    service.import_incidents(data, seal=True, batch=batch)
    elapsed = time.perf_counter() - t0
    vault.lock()
    return n / elapsed, vault_dir


def bench_plain(root: Path, n: int, batch: int) -> float:
    conn = sqlite3.connect(root / "plain.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    data = [json.dumps(item, ensure_ascii=False) for item in items(n)]
    t0 = time.perf_counter()
    for start in range(0, n, batch):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO records(body) VALUES (?)",
                         [(d,) for d in data[start:start + batch]])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return n / elapsed


def bench_unlock(vault_dir: Path, rounds: int = 5) -> list[float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        Vault.open(vault_dir, PASSPHRASE).lock()
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rate, vault_dir = bench_seal(root, args.records, args.batch)
        plain = bench_plain(root, args.records, args.batch)
        unlock = bench_unlock(vault_dir)
        t0 = time.perf_counter()
        Vault.change_passphrase(vault_dir, PASSPHRASE, PASSPHRASE + " 2")
        passwd = time.perf_counter() - t0
        db_mib = (vault_dir / "vault.db").stat().st_size / 2**20
    print(f"seal-and-store   {rate:8.0f} records/s  ({args.records:,} records of 1 KiB, "
          f"batch {args.batch}; target >= 1,000)")
    print(f"plain sqlite3    {plain:8.0f} records/s  (same rows, no crypto, no index)")
    print(f"ratio            {rate / plain:8.3f}        (seal-and-store / plain sqlite3)")
    print(f"unlock           {statistics.median(unlock) * 1000:8.0f} ms median of {len(unlock)} "
          "(Argon2id 64 MiB x 2 slots + open + migration check)")
    print(f"passphrase change{passwd * 1000:8.0f} ms on a vault of {args.records:,} records "
          f"({db_mib:.0f} MiB database untouched; target < 1 s)")


if __name__ == "__main__":
    main()
