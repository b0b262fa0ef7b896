"""Sync under faults at the edge: a cutting proxy, a registry that lies, a registry that is down.

Faults are injected only where the network is: a TCP proxy that resets connections, or an
httpx transport that rewrites what the real registry answered. The vaults, the registry and
its database are real.
"""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldkit.errors import FieldKitError
from fieldkit.progress import CancelToken
from fieldkit.registry.config import RegistryHome
from fieldkit.registry.store import RegistryStore
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import NoteSigner
from fieldkit.sync.client import RegistryDistrustedError, SyncClient, SyncConfig, SyncReport
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.transport import pinned_context

from .conftest import World
from .proxy import CuttingProxy
from .test_e2e import _seal_demo

MiB = 1 << 20


def _no_sleep(_seconds: float) -> None:
    """Backoff without waiting: the tests count retries, they do not measure time."""


def _point_at(client: SyncClient, url: str) -> None:
    with client.vault.write() as conn:
        conn.execute("UPDATE sync_registry SET url = ? WHERE id = 1", (url,))


def _registry_records(world: World) -> dict[str, int]:
    store = RegistryStore.open(f"sqlite:///{world.live.data / 'registry.db'}",
                               chunk_dir=world.live.data / "chunks")
    try:
        device = world.monitor.vault.device_key.verify_key.key_id
        rows = store.records_of_device(device, after_seq=0, limit=1000)
        return {r.record_id: r.log_index for r in rows}
    finally:
        store.close()


def _many_records(world: World, n: int) -> list[str]:
    svc = world.monitor.service
    return [svc.seal(svc.create_incident(title=f"incident {i}", category="hate_crime.arson",
                                         occurred="2026-02", country="GB").ref).record_id
            for i in range(n)]


@pytest.mark.slow
def test_sync_through_a_connection_that_keeps_dropping(world: World, tmp_path: Path) -> None:
    """Push, then pull, each through a proxy that resets most connections part-way: uploads
    are cut on the way up, downloads on the way down."""
    ids = _seal_demo(world.monitor.service, tmp_path, big_mib=128)
    ids += _many_records(world, 150)
    chunk = MiB
    config = SyncConfig(chunk_size=chunk, batch=25, attempts=40)
    client = SyncClient(world.monitor.service, config=config, sleep=_no_sleep)
    staff = SyncClient(world.staff.service, config=config, sleep=_no_sleep)
    port = int(world.live.url.rsplit(":", 1)[1])
    with CuttingProxy(("127.0.0.1", port), seed=7, cut_probability=1.0, min_bytes=32 * 1024,
                      max_bytes=2 * MiB, directions=("up",)) as up, \
            CuttingProxy(("127.0.0.1", port), seed=11, cut_probability=1.0,
                         min_bytes=32 * 1024, max_bytes=2 * MiB, directions=("down",)) as down:
        _point_at(client, up.url)
        _point_at(staff, down.url)
        report = client.push()
        pulled = staff.pull()
        up.wait_idle()
        down.wait_idle()
        cuts = up.cuts + down.cuts
    assert cuts >= 50, (f"only {cuts} cuts: the test did not stress enough "
                        f"({up.connections}+{down.connections} connections)")
    assert up.cuts and down.cuts
    assert report.records == len(ids) and client.pending() == []
    assert pulled.records == len(ids)
    stored = _registry_records(world)
    assert sorted(stored) == sorted(ids), "every record arrives exactly once"
    assert len(set(stored.values())) == len(stored)
    # bytes re-sent: at most one chunk per cut
    files = world.monitor.vault.read().execute(
        "SELECT sum(cipher_size) FROM uploaded_files").fetchone()[0]
    assert report.bytes_sent - files <= up.cuts * chunk, (report.bytes_sent, files, up.cuts)
    assert pulled.bytes_received - files <= down.cuts * chunk
    # what staff got is what was sealed, verified
    assert world.staff.service.check().ok
    for rid in ids:
        world.staff.service.sealed_record(rid)


class Tamper(httpx.BaseTransport):
    """Forwards to the real registry and rewrites chosen answers (a lying registry)."""

    def __init__(self, cert_pem: bytes, rewrite: Any) -> None:
        self._inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
        self._rewrite = rewrite

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        response.read()
        body = self._rewrite(request, response.json()) if response.headers.get(
            "content-type", "").startswith("application/json") else None
        if body is None:
            return response
        return httpx.Response(response.status_code, json=body, request=request)


def _log_signer(world: World) -> NoteSigner:
    home = RegistryHome(world.live.data)
    config = home.load()
    return NoteSigner(config.log_key_name, home.log_key())


def test_a_wrong_inclusion_proof_distrusts_the_registry(world: World, tmp_path: Path) -> None:
    _many_records(world, 3)

    def flip_proof(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "POST":
            for receipt in body["receipts"]:
                proof = [base64.b64decode(h) for h in receipt["inclusion_proof"]]
                if proof:
                    proof[0] = bytes([proof[0][0] ^ 1]) + proof[0][1:]
                else:
                    receipt["log_index"] += 1
                receipt["inclusion_proof"] = [base64.b64encode(h).decode() for h in proof]
            return body
        return None

    liar = SyncClient(world.monitor.service, transport=Tamper(world.live.cert_pem, flip_proof),
                      sleep=_no_sleep)
    with pytest.raises(RegistryDistrustedError):
        liar.push()
    assert world.monitor.status()["registry"]["distrusted"]
    assert len(world.monitor.pending()) == 3, "nothing counts as delivered"
    honest = SyncClient(world.monitor.service, sleep=_no_sleep)
    with pytest.raises(RegistryDistrustedError):
        honest.push()  # refused until a person resets trust
    honest.reset_trust()
    assert honest.push().records == 3


def test_a_rewritten_history_is_caught(world: World, tmp_path: Path) -> None:
    """The registry signs a checkpoint for another history (a fork) that does include the
    record: the receipt alone verifies, the consistency with the stored checkpoint does not."""
    _many_records(world, 2)
    assert world.monitor.push().records == 2
    _many_records(world, 1)
    signer = _log_signer(world)
    origin = EnrollmentCode.from_text(world.live.admin_code).origin

    def fork(request: httpx.Request, body: Any) -> Any:
        if request.url.path != "/v1/records" or request.method != "POST":
            return None
        for receipt in body["receipts"]:
            index = receipt["log_index"]
            tree = merkle.MemoryTree()
            for i in range(index):
                tree.append(f"forged history {i}".encode())
            tree.append(base64.b64decode(receipt["leaf"]))
            cp = signer.sign_checkpoint(origin, tree.size, tree.root())
            receipt["checkpoint"] = cp.text
            receipt["inclusion_proof"] = [base64.b64encode(h).decode()
                                          for h in tree.inclusion_proof(index, tree.size)]
        return body

    liar = SyncClient(world.monitor.service, transport=Tamper(world.live.cert_pem, fork),
                      sleep=_no_sleep)
    with pytest.raises(RegistryDistrustedError, match=r"inconsistent|history"):
        liar.push()
    status = world.monitor.status()
    assert "inconsistent" in status["registry"]["distrusted"]
    log = world.monitor.sync_log()
    assert log[0]["outcome"] == "error" and "distrust" in json.dumps(log).lower()


def test_records_queue_while_the_registry_is_down(world: World, tmp_path: Path) -> None:
    world.live.stop()
    ids = _many_records(world, 4)
    results: list[SyncReport | FieldKitError] = []
    delivered = threading.Event()
    cancel = CancelToken()

    def on_result(result: SyncReport | FieldKitError) -> None:
        results.append(result)
        if isinstance(result, SyncReport) and result.records:
            delivered.set()
        if len(results) == 3 and world.live.proc is None:
            world.live.start()  # the network comes back after a few failed tries

    client = SyncClient(world.monitor.service, config=SyncConfig(backoff_base=0.05))
    thread = threading.Thread(target=client.watch,
                              kwargs={"cancel": cancel, "interval": 0.5, "on_result": on_result})
    thread.start()
    try:
        assert delivered.wait(timeout=60), f"not delivered: {results[-3:]}"
    finally:
        cancel.cancel()
        thread.join(timeout=30)
    assert sum(isinstance(r, FieldKitError) for r in results) >= 3
    assert client.pending() == [] and sorted(_registry_records(world)) == sorted(ids)
    errors = [r for r in world.monitor.sync_log() if r["outcome"] == "error"]
    assert errors and "registry_unreachable" in errors[-1]["detail"]

