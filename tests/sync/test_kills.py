"""Sync survives `kill -9`: of the client (a push in a subprocess) at many random moments, and
of the registry (a real `serve` process) while a client pushes.

After the restarts nothing is lost and nothing is duplicated: the registry holds each sealed
record exactly once (one record row, one log entry), the monitor vault holds a receipt for each
that re-verifies against the log key, every checkpoint the client kept is consistent with the
registry's final log, both vaults pass their check, and the staff vault pulls every file intact.

The kill moments are seeded: each is "after the n-th HTTP request the client began", with n
drawn from a seeded RNG, so they fall at random points of the upload and of the record posts
(the tests assert both phases were hit, from what the registry held at each kill).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldkit.progress import CancelToken
from fieldkit.registry.store import RegistryStore
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.checkpoint import NoteVerifier, open_checkpoint
from fieldkit.sync.client import SyncClient, SyncConfig
from fieldkit.sync.protocol import API, Receipt
from fieldkit.sync.receipts import verify_consistency, verify_receipt
from fieldkit.sync.transport import RegistryError, RegistryUnreachableError, pinned_context

from .conftest import DEMO, PASS, World

MiB = 1 << 20
SETUP = ("/v1/org-key", "/v1/org-key 200", "/v1/chunks/missing", "/v1/chunks/missing 200")
CONFIG = SyncConfig(chunk_size=MiB, batch=10)

#: The push run as a separate process. It prints one line when it starts each HTTP request
#: ("> METHOD PATH") and one when the answer is in ("< METHOD PATH STATUS"), so the test can
#: kill it at a chosen point of its progress.
PUSHER = """
import json, os, sys
from pathlib import Path
import httpx
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient, SyncConfig
from fieldkit.sync.transport import pinned_context

class Announce(httpx.BaseTransport):
    def __init__(self, cert_pem):
        self._inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
    def handle_request(self, request):
        print(">", request.method, request.url.path, flush=True)
        response = self._inner.handle_request(request)
        response.read()
        print("<", request.method, request.url.path, response.status_code, flush=True)
        return response

vault = Vault.open(Path(sys.argv[1]), os.environ["FIELDKIT_PASSPHRASE"])
service = VaultService(vault)
cert = SyncClient(service).registry().cert_pem
client = SyncClient(service, transport=Announce(cert),
                    config=SyncConfig(chunk_size=int(sys.argv[2]), batch=int(sys.argv[3])))
report = client.push()
print("= done", json.dumps(report.to_json()), flush=True)
"""


def _fill(world: World, tmp_path: Path, *, before: int, big_mib: int, after: int) -> list[str]:
    """Seal, none sent: the demo incidents (small files), ``before`` small incidents, one with a
    ``big_mib`` random attachment, ``after`` more. The big upload lies between record posts, so
    kills land in both."""
    svc = world.monitor.service
    doc = json.loads((DEMO / "incidents.json").read_text(encoding="utf-8"))
    views = svc.import_incidents(doc["incidents"], base_dir=DEMO / "files", seal=True)
    ids = [v.record_id for v in views if v.record_id]
    assert len(ids) == len(doc["incidents"])

    def small(n: int) -> None:
        for _ in range(n):
            draft = svc.create_incident(title=f"incident {len(ids)}", category="hate_crime.arson",
                                        occurred="2026-02", country="GB")
            ids.append(svc.seal(draft.ref).record_id)

    small(before)
    draft = svc.create_incident(title="long video", category="hate_crime.arson",
                                occurred="2026-04-01", country="FR")
    big = tmp_path / "big.bin"
    rng = random.Random(big_mib)
    with open(big, "wb") as f:
        for _ in range(big_mib):
            f.write(rng.randbytes(MiB))
    svc.add_evidence(draft.ref, big, description="long video")
    big.unlink()
    ids.append(svc.seal(draft.ref).record_id)
    small(after)
    return ids


@dataclass
class RegistryState:
    """What the registry's database held at one moment (read beside the running server)."""

    records: dict[str, int]
    log_records: list[str]
    chunks: int

    @classmethod
    def read(cls, world: World, device: str) -> RegistryState:
        store = RegistryStore.open(f"sqlite:///{world.live.data / 'registry.db'}",
                                   chunk_dir=world.live.data / "chunks")
        try:
            rows = store.records_of_device(device, after_seq=0, limit=1000)
            logged = []
            for index in range(store.log_size()):
                entry = json.loads(store.leaf(index))
                if entry.get("type") == "record":
                    logged.append(entry["record_id"])
        finally:
            store.close()
        chunks = sum(1 for p in (world.live.data / "chunks").rglob("*") if p.is_file())
        return cls({r.record_id: r.log_index for r in rows}, logged, chunks)

    def check(self, ids: list[str], before: RegistryState | None) -> None:
        """What must hold at any moment: only this vault's records, each logged once, and
        nothing the registry held before is gone."""
        assert set(self.records) <= set(ids)
        assert len(self.log_records) == len(set(self.log_records)), "a record logged twice"
        assert set(self.log_records) == set(self.records)
        if before is not None:
            assert set(before.records) <= set(self.records), "the registry lost records"


@dataclass
class Kill:
    """One kill: the client's last request (begun or answered) and what the registry held
    just after."""

    request: str
    state: RegistryState

    @property
    def mid_upload(self) -> bool:
        """Uploading a file: its chunks or its manifest."""
        return any(p in self.request for p in ("/v1/chunks/", "/v1/files"))

    def mid_records(self, total: int) -> bool:
        """Posting records or checking their receipts (the checkpoint's consistency)."""
        return any(p in self.request for p in ("/v1/records", "/v1/log/")) \
            and 0 < len(self.state.records) < total


def _assert_delivered(world: World, monitor: SyncClient, ids: list[str], tmp_path: Path) -> None:
    """Nothing lost, nothing duplicated, every receipt and kept checkpoint verifies, and the
    staff pull everything intact."""
    device = monitor.vault.device_key.verify_key.key_id
    state = RegistryState.read(world, device)
    assert sorted(state.records) == sorted(ids), "the registry holds each sealed record"
    assert sorted(state.log_records) == sorted(ids), "each record is logged exactly once"
    assert len(set(state.records.values())) == len(ids)

    conn = monitor.vault.read()
    assert conn.execute("SELECT count(*) FROM receipts").fetchone()[0] == len(ids)
    assert monitor.pending() == []
    reg = monitor.registry()
    assert reg is not None and reg.distrusted is None
    verifier = NoteVerifier.from_vkey(reg.log_key)
    # the registry's log now: every receipt's checkpoint and every checkpoint the client
    # kept must be a prefix of it
    client = world.admin.client
    final = open_checkpoint(client.get_json(f"{API}/log/checkpoint")["checkpoint"], verifier,
                            origin=reg.origin)
    heads = {}
    for rid, log_index, text in conn.execute("SELECT record_id, log_index, receipt "
                                             "FROM receipts"):
        receipt = Receipt.model_validate_json(text)
        cp = verify_receipt(receipt, verifier=verifier, origin=reg.origin, record_id=rid)
        assert rid in ids and log_index == receipt.log_index == state.records[rid]
        heads[cp.size] = cp
    for (note,) in conn.execute("SELECT note FROM log_checkpoints"):
        cp = open_checkpoint(note, verifier, origin=reg.origin)
        assert heads.setdefault(cp.size, cp).root == cp.root, "two roots for one size"
    for cp in heads.values():
        assert cp.size <= final.size
        if cp.size == final.size:
            assert cp.root == final.root
        else:
            proof = client.get_json(f"{API}/log/consistency",
                                    params={"first": cp.size, "second": final.size})["proof"]
            verify_consistency(cp, final, proof)
    assert monitor.service.check().ok

    pulled = world.staff.pull()
    assert pulled.records == len(ids)
    staff = world.staff.service
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    files = 0
    for rid in ids:
        record = staff.sealed_record(rid).record  # the monitor's signature verified
        refs = list(record.get("evidence", [])) + [
            t["audio"] for t in record.get("testimonies", []) if t.get("audio")]
        for ref in refs:
            dest = out / ref["sha256"]
            dest.unlink(missing_ok=True)
            staff.extract_evidence(ref["sha256"], dest)
            h = hashlib.sha256()
            with open(dest, "rb") as f:
                while block := f.read(MiB):
                    h.update(block)
            assert h.hexdigest() == ref["sha256"]
            dest.unlink()
            files += 1
    assert files >= 3
    assert staff.check().ok


# --- client kills ------------------------------------------------------------------------------

@dataclass
class Pusher:
    """A push subprocess and a thread reading its lines into a queue (so reads have a
    deadline and the pipe never fills)."""

    proc: subprocess.Popen[str]
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    ended: bool = False

    @classmethod
    def start(cls, vault_dir: Path) -> Pusher:
        env = {**os.environ, "FIELDKIT_PASSPHRASE": PASS, "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(
            [sys.executable, "-c", PUSHER, str(vault_dir), str(CONFIG.chunk_size),
             str(CONFIG.batch)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        pusher = cls(proc)
        threading.Thread(target=pusher._read, daemon=True).start()
        return pusher

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self) -> str | None:
        """The next line, or None when the process has exited."""
        if self.ended:
            return None
        line = self.lines.get(timeout=120)
        self.ended = line is None
        return line

    def rest(self) -> list[str]:
        self.proc.wait(timeout=120)
        out = []
        while (line := self.next_line()) is not None:
            out.append(line)
        return out


@pytest.mark.slow
def test_client_killed_at_random_moments(world: World, tmp_path: Path) -> None:
    ids = _fill(world, tmp_path, before=110, big_mib=48, after=40)
    device = world.monitor.vault.device_key.verify_key.key_id
    vault_dir = tmp_path / "monitor"
    world.monitor.vault.lock()  # each push process opens the vault itself
    rng = random.Random(20240607)
    kills: list[Kill] = []
    while len(kills) < 24:
        pusher = Pusher.start(vault_dir)
        try:
            # the kill comes after a random number of request lines that make progress (not
            # the org-key and missing-chunk questions every run asks first)
            target = rng.randint(1, 10)
            seen: list[str] = []
            while len(seen) < target and (line := pusher.next_line()) is not None:
                if line[:1] in "<>" and not line.endswith(SETUP):
                    seen.append(line)
            if len(seen) < target:  # the push finished (or failed) before the chosen moment
                lines = pusher.rest()
                assert pusher.proc.returncode == 0, "\n".join(lines[-30:])
                break
            pusher.proc.kill()
            lines = [ln for ln in pusher.rest() if ln[:1] in "<>"]
            assert pusher.proc.returncode == -signal.SIGKILL
        finally:
            if pusher.proc.poll() is None:
                pusher.proc.kill()
                pusher.proc.wait(timeout=30)
        state = RegistryState.read(world, device)
        state.check(ids, kills[-1].state if kills else None)
        kills.append(Kill((seen + lines)[-1][2:], state))

    assert len(kills) >= 20, f"the push finished after only {len(kills)} kills"
    mid_upload = sum(k.mid_upload for k in kills)
    mid_records = sum(k.mid_records(len(ids)) for k in kills)
    assert mid_upload >= 3 and mid_records >= 3, (mid_upload, mid_records)
    # the moment that matters most: records logged, their receipts not yet kept
    assert any(k.request.startswith("POST /v1/records 200") for k in kills)

    final = Pusher.start(vault_dir)  # and now one that is left alone
    lines = final.rest()
    assert final.proc.returncode == 0, "\n".join(lines[-30:])
    assert lines[-1].startswith("= done")

    vault = Vault.open(vault_dir, PASS)
    try:
        monitor = SyncClient(VaultService(vault), config=CONFIG)
        _assert_delivered(world, monitor, ids, tmp_path)
        assert monitor.push().records == 0
    finally:
        vault.lock()


# --- registry kills ----------------------------------------------------------------------------

class Counting(httpx.BaseTransport):
    """The pinned transport, counting the requests the client begins (and waking waiters)."""

    def __init__(self, cert_pem: bytes) -> None:
        self._inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
        self.begun = 0
        self.last = ""
        self.changed = threading.Condition()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.changed:
            self.begun += 1
            self.last = f"{request.method} {request.url.path}"
            self.changed.notify_all()
        return self._inner.handle_request(request)


@pytest.mark.slow
def test_registry_killed_at_random_moments(world: World, tmp_path: Path) -> None:
    ids = _fill(world, tmp_path, before=80, big_mib=16, after=30)
    device = world.monitor.vault.device_key.verify_key.key_id
    up = threading.Event()
    up.set()

    def wait_for_registry(_seconds: float) -> None:
        """Backoff that waits for the registry to be back, not for the clock."""
        up.wait(timeout=60)

    transport = Counting(world.live.cert_pem)
    client = SyncClient(world.monitor.service, transport=transport,
                        config=SyncConfig(chunk_size=MiB, batch=10, attempts=1000),
                        sleep=wait_for_registry)
    done = threading.Event()
    cancel = CancelToken()
    outcome: list[Any] = []
    failures: list[BaseException] = []

    def push_until_delivered() -> None:
        try:
            # a failure no step retries (there is one: see the report) ends a push; the next
            # push resumes it, as `fieldkit sync --watch` would
            for _ in range(100):
                try:
                    outcome.append(client.push(cancel=cancel))
                    return
                except (RegistryUnreachableError, RegistryError) as e:
                    failures.append(e)
                    wait_for_registry(0)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            outcome.append(e)
        finally:
            done.set()
            with transport.changed:
                transport.changed.notify_all()

    rng = random.Random(1312)
    kills: list[Kill] = []
    thread = threading.Thread(target=push_until_delivered)
    thread.start()
    try:
        target = 0
        while len(kills) < 14:
            target += rng.randint(1, 6)  # kill when the client has begun that many requests

            def reached(target: int = target) -> bool:
                return transport.begun >= target or done.is_set()

            with transport.changed:
                assert transport.changed.wait_for(reached, timeout=120)
            if done.is_set():
                break
            up.clear()
            world.live.stop(kill=True)
            state = RegistryState.read(world, device)
            state.check(ids, kills[-1].state if kills else None)
            kills.append(Kill(transport.last, state))
            world.live.start()
            up.set()
    except BaseException:
        cancel.cancel()
        if world.live.proc is None:
            world.live.start()
        raise
    finally:
        up.set()
        thread.join(timeout=300)
    assert not thread.is_alive()
    assert len(outcome) == 1 and not isinstance(outcome[0], BaseException), (outcome, failures)
    assert len(kills) >= 10, f"the push finished after only {len(kills)} kills"
    mid_upload = sum(k.mid_upload for k in kills)
    mid_records = sum(k.mid_records(len(ids)) for k in kills)
    assert mid_upload >= 2 and mid_records >= 2, (mid_upload, mid_records)

    _assert_delivered(world, client, ids, tmp_path)
    assert client.push().records == 0
    assert client.status()["registry"]["distrusted"] is None
