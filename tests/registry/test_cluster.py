"""Several registry processes, concurrent clients, and crashes: the log stays one log.

- Two `serve` processes on one PostgreSQL database, 20 concurrent monitors: every receipt's
  inclusion proof verifies against the final checkpoint, every checkpoint seen is consistent
  with it, no log index is used twice.
- `kill -9` of the registry (SQLite) while monitors submit: after restart every receipt that
  was issued is backed by a stored record, nothing is half-stored, the log is consistent.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.crypto.orgkey import OrgPrivateKey
from fieldkit.domain.sealing import SealedRecord
from fieldkit.registry.store import RegistryStore
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.protocol import Receipt
from fieldkit.sync.receipts import verify_consistency, verify_receipt
from fieldkit.sync.transport import RegistryClient, RegistryError, RegistryUnreachableError

from .harness import Device, LiveRegistry, free_port
from .test_api import Chain


def _verifier(live: LiveRegistry) -> tuple[NoteVerifier, str]:
    code = EnrollmentCode.from_text(live.admin_code)
    return NoteVerifier.from_vkey(code.log_key), code.origin


def _org(admin: Device) -> OrgPrivateKey:
    """Register an organisation key: the registry accepts only records sealed to it."""
    key = OrgPrivateKey.generate()
    admin.client.post_json("/v1/admin/org-key", {"org_key": key.public_key.to_text()})
    return key


def _final(live: LiveRegistry, reader: Device) -> Checkpoint:
    verifier, origin = _verifier(live)
    note = live.client(reader.key).get_json("/v1/log/checkpoint")["checkpoint"]
    return open_checkpoint(note, verifier, origin=origin)


def _check_all(live: LiveRegistry, receipts: list[Receipt], seen: list[Checkpoint],
               reader: Device) -> None:
    """``reader``: an enrolled device (the log answers only those)."""
    verifier, origin = _verifier(live)
    final = _final(live, reader)
    client = live.client(reader.key)
    indices = [r.log_index for r in receipts if not r.duplicate]
    assert len(indices) == len(set(indices)), "a log index was used twice"
    for r in receipts:
        verify_receipt(r, verifier=verifier, origin=origin, record_id=r.record_id)
        proof = client.get_json("/v1/log/inclusion",
                                params={"index": r.log_index, "size": final.size})
        merkle.verify_inclusion(index=r.log_index, size=final.size,
                                leaf=merkle.leaf_hash(base64.b64decode(r.leaf)),
                                proof=[base64.b64decode(h) for h in proof["proof"]],
                                root=final.root)
    for cp in {c.size: c for c in seen}.values():
        if 0 < cp.size < final.size:
            proof = client.get_json("/v1/log/consistency",
                                    params={"first": cp.size, "second": final.size})
            verify_consistency(cp, final, proof["proof"])


@pytest.fixture
def pg_live(tmp_path: Path, pg_url: str) -> Iterator[LiveRegistry]:
    reg = LiveRegistry.create(tmp_path / "data", database=pg_url)
    yield reg
    reg.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_two_processes_one_postgres_twenty_clients(pg_live: LiveRegistry) -> None:
    live = pg_live
    second_port = free_port()
    second = live.serve(second_port)
    try:
        admin = live.enroll("admin")
        org = _org(admin)
        verifier, origin = _verifier(live)
        urls = [live.url, f"https://127.0.0.1:{second_port}"]
        monitors = [live.enroll("monitor", admin=admin) for _ in range(20)]
        receipts: list[Receipt] = []
        seen: list[Checkpoint] = []
        errors: list[BaseException] = []
        lock = threading.Lock()

        def work(i: int, device: Device) -> None:
            try:
                client = live.client(device.key, url=urls[i % 2])
                chain = Chain(device.key, org)
                for _ in range(6):
                    batch = [chain.next() for _ in range(5)]
                    answer = client.post_json(
                        "/v1/records", {"envelopes": [chain.submit(r) for r in batch]})
                    got = [Receipt.model_validate(r) for r in answer["receipts"]]
                    cps = [verify_receipt(r, verifier=verifier, origin=origin,
                                          record_id=r.record_id) for r in got]
                    with lock:
                        receipts.extend(got)
                        seen.extend(cps)
            except BaseException as e:  # noqa: BLE001 - reported by the main thread
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i, m)) for i, m in enumerate(monitors)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors[:3]
        assert len(receipts) == 20 * 6 * 5
        _check_all(live, receipts, seen, admin)
    finally:
        second.terminate()
        second.wait(timeout=30)


@pytest.mark.slow
def test_kill_9_during_ingest(tmp_path: Path) -> None:
    live = LiveRegistry.create(tmp_path / "data")
    try:
        admin = live.enroll("admin")
        org = _org(admin)
        device = live.enroll("monitor", admin=admin)
        verifier, origin = _verifier(live)
        chain = Chain(device.key, org)
        sent: dict[str, SealedRecord] = {}
        receipts: list[Receipt] = []
        seen: list[Checkpoint] = []
        for round_ in range(3):
            stop = threading.Event()
            pending: list[SealedRecord] = []

            def push(stop: threading.Event = stop, pending: list[SealedRecord] = pending) -> None:
                client = RegistryClient(live.url, cert_pem=live.cert_pem, key=device.key)
                while not stop.is_set():
                    batch = [chain.next() for _ in range(20)]
                    pending.extend(batch)
                    try:
                        answer = client.post_json("/v1/records", {
                            "envelopes": [chain.submit(r) for r in batch]})
                    except (RegistryUnreachableError, RegistryError):
                        return
                    for r in answer["receipts"]:
                        receipt = Receipt.model_validate(r)
                        seen.append(verify_receipt(receipt, verifier=verifier, origin=origin,
                                                   record_id=receipt.record_id))
                        receipts.append(receipt)
                client.close()

            thread = threading.Thread(target=push)
            thread.start()
            while len(receipts) < 100 * (round_ + 1):
                thread.join(timeout=0.01)
            live.stop(kill=True)
            stop.set()
            thread.join()
            live.start()
            sent.update((rec.record_id, rec) for rec in pending)
            # resend what may not have arrived: it lands exactly once, by id
            have = {x.record_id for x in receipts}
            unsure = [r for r in pending if r.record_id not in have]
            if unsure:
                answer = live.client(device.key).post_json("/v1/records", {
                    "envelopes": [chain.submit(r) for r in unsure]})
                receipts.extend(Receipt.model_validate(r) for r in answer["receipts"])
        for receipt in receipts:
            again = Receipt.model_validate(
                live.client(device.key).get_json(f"/v1/receipts/{receipt.record_id}"))
            assert again.log_index == receipt.log_index and again.leaf == receipt.leaf
        _check_all(live, receipts, seen, admin)
        assert {r.record_id for r in receipts} == set(sent)
    finally:
        live.close()
    # nothing half-stored: every leaf has its nodes, every record its leaf
    store = RegistryStore.open(f"sqlite:///{tmp_path / 'data' / 'registry.db'}",
                               chunk_dir=tmp_path / "data" / "chunks")
    try:
        size = store.log_size()
        root = merkle.root(size, store)
        cp = open_checkpoint(store.checkpoint(), verifier, origin=origin)
        assert cp.size == size and cp.root == root
        for receipt in receipts:
            row = store.record(receipt.record_id)
            assert row is not None and row.log_index < size
    finally:
        store.close()

