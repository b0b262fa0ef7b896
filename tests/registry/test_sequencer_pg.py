"""One sequencer for the log, however many registry processes share one PostgreSQL database.

Two processes × ten threads append (and ingest) at once; the log must come out with every
index used exactly once, leaves contiguous, and every checkpoint consistent with the last.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys

import pytest

from fieldkit.registry.store import IncomingRecord, RegistryStore
from fieldkit.sync import merkle

pytestmark = pytest.mark.postgres

PROCESSES = 2
THREADS = 10
APPENDS = 8  # per thread

WORKER = r"""
import base64, hashlib, json, sys, threading
from fieldkit.registry.store import IncomingRecord, RegistryStore

url, name, mode, threads, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), \
    int(sys.argv[5])
store = RegistryStore.open(url, pool_size=threads)
sign = lambda n, r: f"fieldkit.test/log\n{n}\n{base64.b64encode(r).decode()}\n"
device = "ed25519:" + "d" * 64
results, errors = [], []

def record(seq):
    record_id = hashlib.sha256(b"%d" % seq).hexdigest()
    return IncomingRecord(record_id, device, seq, None, "incident", b"env %d" % seq)

def work(t):
    try:
        for i in range(rounds):
            if mode == "append":
                entries = [f"{name}/{t}/{i}/{j}".encode() for j in range(i % 3 + 1)]
                indices, note = store.append(entries, sign=sign, now="t")
                results.append({"entries": [e.decode() for e in entries], "indices": indices,
                                "size": int(note.splitlines()[1])})
            else:  # every thread of every process ingests the same records, in its own order
                seqs = [(t * 7 + i * 3 + k) % 40 + 1 for k in range(3)]
                done, _ = store.ingest([record(s) for s in seqs], entry=lambda r: r.envelope,
                                       sign=sign, now="t")
                results.extend({"record_id": d.record_id, "index": d.log_index} for d in done)
    except Exception as e:  # reported to the test, which fails
        errors.append(repr(e))

workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
print("ready", flush=True)
assert sys.stdin.readline().strip() == "go"
for w in workers:
    w.start()
for w in workers:
    w.join()
store.close()
print(json.dumps({"results": results, "errors": errors}), flush=True)
"""


def sign(size: int, root: bytes) -> str:
    return f"fieldkit.test/log\n{size}\n{base64.b64encode(root).decode()}\n"


def _run_workers(url: str, mode: str) -> list[dict[str, object]]:
    """Start the processes, release them together, and return every thread's results."""
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, f"p{p}", mode, str(THREADS),
                               str(APPENDS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True) for p in range(PROCESSES)]
    results: list[dict[str, object]] = []
    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for proc in procs:
            out, _ = proc.communicate(timeout=120)
            assert proc.returncode == 0
            report = json.loads(out)
            assert report["errors"] == []
            results.extend(report["results"])
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def _check_log(store: RegistryStore) -> merkle.MemoryTree:
    """Leaves contiguous; every checkpoint's root is the final tree's root at that size and
    the store's consistency proof from it to the final checkpoint verifies."""
    size = store.log_size()
    tree = merkle.MemoryTree()
    for i in range(size):
        tree.append(store.leaf(i))
    final = tree.root()
    for s in store.checkpoint_sizes():
        _origin, note_size, note_root = store.checkpoint(s).splitlines()[:3]
        root = base64.b64decode(note_root)
        assert int(note_size) == s and root == tree.root(s)
        merkle.verify_consistency(size1=s, size2=size, root1=root, root2=final,
                                  proof=store.consistency_proof(s, size))
    return tree


def test_two_processes_share_one_sequencer(pg_url: str) -> None:
    RegistryStore.open(pg_url).close()  # migrate once before the race
    results = _run_workers(pg_url, "append")
    indices = [i for r in results for i in r["indices"]]  # type: ignore[attr-defined]
    total = sum(i % 3 + 1 for i in range(APPENDS)) * THREADS * PROCESSES
    assert len(indices) == total
    assert sorted(indices) == list(range(total))  # no index used twice, none skipped
    store = RegistryStore.open(pg_url)
    try:
        assert store.log_size() == total
        for r in results:
            for e, i in zip(r["entries"], r["indices"], strict=True):  # type: ignore[call-overload]
                assert store.leaf(i) == e.encode()
        # one checkpoint per append, each at the size that append produced
        assert store.checkpoint_sizes() == sorted(r["size"] for r in results)  # type: ignore[type-var]
        _check_log(store)
    finally:
        store.close()


def test_concurrent_ingest_of_the_same_records_stores_each_once(pg_url: str) -> None:
    store = RegistryStore.open(pg_url)
    try:
        store.add_device(key_id="ed25519:" + "d" * 64, public_key=b"k", role="monitor",
                         label="", enrolled_at="t")
        results = _run_workers(pg_url, "ingest")
        index_of: dict[object, object] = {}
        for r in results:
            assert index_of.setdefault(r["record_id"], r["index"]) == r["index"]
        assert sorted(index_of.values()) == list(range(store.log_size()))  # type: ignore[type-var]
        for record_id, index in index_of.items():
            stored = store.record(str(record_id))
            assert stored is not None and stored.log_index == index
            assert store.leaf(int(index)) == stored.envelope
        assert hashlib.sha256(b"1").hexdigest() in index_of
        _check_log(store)
        # the batch after the race still continues the log
        late = IncomingRecord(hashlib.sha256(b"late").hexdigest(), "ed25519:" + "d" * 64, 41,
                              None, "incident", b"late")
        done, _ = store.ingest([late], entry=lambda r: r.envelope, sign=sign, now="t")
        assert done[0].log_index == len(index_of)
    finally:
        store.close()
