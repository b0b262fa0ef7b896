"""Provenance through a real registry: pulled records keep verified receipts, both vaults keep
verified enrolment entries of every device whose records they hold, and a third party can tie
leaf bytes to a sealed envelope and a device key with nothing but hashlib, json and base64."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from typing import Any

import httpx
import pytest

from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.storage.schema import MIGRATIONS
from fieldkit.sync import provenance as pv
from fieldkit.sync.checkpoint import CheckpointError, NoteSigner
from fieldkit.sync.client import RegistryDistrustedError, SyncClient
from fieldkit.sync.receipts import EnrolmentProofError

from .conftest import World
from .test_faults import Tamper


def _seal(world: World, n: int) -> list[str]:
    svc = world.monitor.service
    return [svc.seal(svc.create_incident(title=f"incident {i}", category="hate_crime.arson",
                                         occurred="2026-02", country="GB").ref).record_id
            for i in range(n)]


def _no_sleep(_s: float) -> None:
    pass


def _key_id(client: SyncClient) -> str:
    return client.vault.device_key.verify_key.key_id


def test_vault_migrations_0004_and_0005_create_the_provenance_tables(world: World) -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[3:5] == ["0004_provenance", "0005_device_revocations"]
    conn = world.staff.vault.read()
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
               for t in ("device_enrolments", "exports", "device_revocations")}
    assert columns["device_enrolments"] == ["key_id", "public_key", "role", "log_index", "leaf",
                                            "inclusion_proof", "checkpoint", "fetched_at"]
    assert columns["exports"] == ["id", "at", "kind", "audience", "language", "record_ids",
                                  "files", "device", "reported_at"]


def test_pulled_records_carry_receipts_that_verify(world: World) -> None:
    ids = _seal(world, 3)
    pushed = world.monitor.sync()
    assert pushed.receipts == 3 and pushed.enrolments == 1
    pulled = world.staff.sync()
    assert pulled.records == 3 and pulled.receipts == 3
    assert pulled.enrolments == 2  # the staff device itself and the monitor
    staff = world.staff.service
    ident = pv.log_identity(staff)
    assert ident is not None and ident == pv.log_identity(world.monitor.service)
    assert len(ident.fingerprint) == 19 and ident.vkey.startswith(ident.vkey.split("+")[0])
    monitor_id = _key_id(world.monitor)
    for rid in ids:
        prov = pv.provenance(staff, rid)
        assert prov.device_key.key_id == monitor_id
        assert prov.receipt is not None and prov.receipt.record_id == rid
        sealed = staff.sealed_record(rid)
        cp = pv.verify_record_receipt(prov.receipt, sealed, verifier=ident.verifier,
                                      origin=ident.origin)
        assert cp.size > prov.receipt.log_index
        assert prov.enrolment is not None and prov.enrolment.role == "monitor"
        assert prov.enrolment.public_key == prov.device_key.to_bytes()
        pv.verify_enrolment(prov.enrolment, verifier=ident.verifier, origin=ident.origin)
        # the monitor's own copy has the same leaf and log index
        mine = pv.provenance(world.monitor.service, rid)
        assert mine.receipt is not None and mine.receipt.leaf == prov.receipt.leaf
        assert mine.receipt.log_index == prov.receipt.log_index
    own = pv.enrolment(staff, _key_id(world.staff))
    assert own is not None and own.role == "staff" and own.revocation is None
    assert {e.key_id for e in pv.enrolments(staff)} == {monitor_id, _key_id(world.staff)}
    assert pv.latest_checkpoint(staff) is not None
    # idempotent: nothing is fetched again on the next sync
    again = world.staff.sync()
    assert (again.records, again.receipts, again.enrolments) == (0, 0, 0)


def test_a_third_party_recomputes_the_leaves_by_hand(world: World) -> None:
    """What docs/sync-protocol.md §9a says, with hashlib/json/base64 only."""
    rid = _seal(world, 1)[0]
    world.monitor.sync()
    world.staff.sync()
    staff = world.staff.service
    prov = pv.provenance(staff, rid)
    assert prov.receipt is not None and prov.enrolment is not None
    envelope = json.loads(staff.sealed_record(rid).envelope.to_bytes())
    payload = base64.b64decode(envelope["payload"])
    statement = json.loads(payload)
    assert hashlib.sha256(payload).hexdigest() == rid
    leaf = json.dumps({"device": statement["device"], "kind": statement["kind"],
                       "record_id": rid, "seq": statement["seq"], "type": "record"},
                      separators=(",", ":"), sort_keys=True).encode()
    assert base64.b64decode(prov.receipt.leaf) == leaf
    enrol = json.loads(prov.enrolment.leaf)
    raw_key = base64.b64decode(enrol["public_key"])
    assert enrol["type"] == "enrol" and enrol["role"] == "monitor"
    assert enrol["device"] == statement["device"] == "ed25519:" + hashlib.sha256(
        raw_key).hexdigest()
    # the leaf hash is SHA-256(0x00 || leaf); fold the proof as RFC 9162 does
    assert _root(prov.receipt.log_index, _size(prov.receipt.checkpoint), leaf,
                 [base64.b64decode(h) for h in prov.receipt.inclusion_proof]) == \
        base64.b64decode(prov.receipt.checkpoint.split("\n")[2])


def _size(note: str) -> int:
    return int(note.split("\n")[1])


def _root(index: int, size: int, leaf: bytes, proof: list[bytes]) -> bytes:
    """RFC 9162 §2.1.3.2, written out."""
    fn, sn = index, size - 1
    r = hashlib.sha256(b"\x00" + leaf).digest()
    for p in proof:
        if sn == 0:
            raise AssertionError("proof too long")
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            while not fn & 1 and fn:
                fn >>= 1
                sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    assert sn == 0
    return r


def test_a_tampered_enrolment_proof_is_refused(world: World) -> None:
    _seal(world, 1)

    def flip(request: httpx.Request, body: Any) -> Any:
        if request.url.path.endswith("/enrolment"):
            proof = [base64.b64decode(h) for h in body["inclusion_proof"]]
            proof[0] = bytes([proof[0][0] ^ 1]) + proof[0][1:]
            body["inclusion_proof"] = [base64.b64encode(h).decode() for h in proof]
            return body
        return None

    liar = SyncClient(world.monitor.service, transport=Tamper(world.live.cert_pem, flip),
                      sleep=_no_sleep)
    with pytest.raises(EnrolmentProofError) as err:
        liar.push()
    assert err.value.code == "bad_enrolment"
    assert world.monitor.status()["registry"]["distrusted"]
    assert pv.enrolments(world.monitor.service) == []
    with pytest.raises(RegistryDistrustedError):
        world.monitor.push()


@pytest.mark.parametrize("field", ["role", "public_key", "leaf", "log_index", "checkpoint"])
def test_a_stored_enrolment_that_was_altered_does_not_verify(world: World, field: str) -> None:
    """The offline check a bundle verifier runs: every field is bound."""
    _seal(world, 1)
    world.monitor.sync()
    e = pv.enrolment(world.monitor.service, _key_id(world.monitor))
    ident = pv.log_identity(world.monitor.service)
    assert e is not None and ident is not None
    pv.verify_enrolment(e, verifier=ident.verifier, origin=ident.origin)
    other = world.staff.vault.device_key.verify_key
    changed = {
        "role": {"role": "admin"},
        "public_key": {"public_key": other.to_bytes()},
        "leaf": {"leaf": e.leaf.replace(b'"monitor"', b'"staff"')},
        "log_index": {"log_index": e.log_index + 1},
        "checkpoint": {"checkpoint": e.checkpoint.replace("\n", "\n\n", 1)},
    }[field]
    expected = CheckpointError if field == "checkpoint" else EnrolmentProofError
    with pytest.raises(expected):
        pv.verify_enrolment(dataclasses.replace(e, **changed), verifier=ident.verifier,
                            origin=ident.origin)


def test_an_enrolment_under_another_log_key_is_refused(world: World) -> None:
    world.monitor.sync()
    e = pv.enrolment(world.monitor.service, _key_id(world.monitor))
    ident = pv.log_identity(world.monitor.service)
    assert e is not None and ident is not None
    stranger = NoteSigner(ident.verifier.name, SigningKey.generate()).verifier
    with pytest.raises(CheckpointError):
        pv.verify_enrolment(e, verifier=stranger, origin=ident.origin)
    with pytest.raises(CheckpointError):
        pv.verify_enrolment(e, verifier=ident.verifier, origin="another.example/log")


def test_a_pull_receipt_that_does_not_match_its_record_distrusts(world: World) -> None:
    _seal(world, 2)
    world.monitor.sync()

    def other_seq(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "GET" and body["records"]:
            r = body["records"][0]["receipt"]
            leaf = json.loads(base64.b64decode(r["leaf"]))
            leaf["seq"] += 7  # a leaf about the record id, with the wrong sequence number
            r["leaf"] = base64.b64encode(canonicalize(leaf)).decode()
            return body
        return None

    liar = SyncClient(world.staff.service, transport=Tamper(world.live.cert_pem, other_seq),
                      sleep=_no_sleep)
    with pytest.raises(RegistryDistrustedError):
        liar.pull()
    # the record whose receipt lies is quarantined, never kept; the other one of the page,
    # whose receipt holds, is kept (docs/adr/0016: the page is finished, then the error)
    assert world.staff.service.stats()["sealed"] == 1
    assert world.staff.vault.read().execute("SELECT count(*) FROM receipts").fetchone()[0] == 1
    assert [q["reason"] for q in world.staff.quarantined()] == ["bad_receipt"]


def test_missing_receipts_are_asked_for(world: World) -> None:
    """A staff vault that pulled from a registry that sent no receipts gets them afterwards."""
    ids = _seal(world, 3)
    world.monitor.sync()

    def strip(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "GET":
            for item in body["records"]:
                item.pop("receipt", None)
            return body
        return None

    old = SyncClient(world.staff.service, transport=Tamper(world.live.cert_pem, strip),
                     sleep=_no_sleep)
    report = old.pull()
    # the records arrived without receipts; the backfill asked GET /v1/receipts/{id}
    assert report.records == 3 and report.receipts == 3
    for rid in ids:
        assert pv.provenance(world.staff.service, rid).receipt is not None


def test_a_revoked_device_shows_its_revocation(world: World) -> None:
    rid = _seal(world, 1)[0]
    world.monitor.sync()
    world.staff.sync()
    monitor_id = _key_id(world.monitor)
    revoked = world.admin.client.post_json(f"/v1/admin/devices/{monitor_id}/revoke", {})
    assert pv.enrolment(world.staff.service, monitor_id).revocation is None  # type: ignore[union-attr]
    report = world.staff.refresh_enrolments(force=True)
    assert report.enrolments == 2
    e = pv.provenance(world.staff.service, rid).enrolment
    assert e is not None and e.revocation is not None
    assert e.revocation.log_index == revoked["log_index"]
    assert json.loads(e.revocation.leaf or b"{}")["type"] == "revoke"
    ident = pv.log_identity(world.staff.service)
    assert ident is not None
    pv.verify_enrolment(e, verifier=ident.verifier, origin=ident.origin)
    # refreshing moved the proofs to a newer checkpoint, still consistent
    assert _size(e.checkpoint) > e.revocation.log_index
    # a revocation leaf about another device is refused
    bad = dataclasses.replace(e, revocation=dataclasses.replace(
        e.revocation, leaf=(e.revocation.leaf or b"").replace(monitor_id.encode(),
                                                               _key_id(world.staff).encode())))
    with pytest.raises(EnrolmentProofError):
        pv.verify_enrolment(bad, verifier=ident.verifier, origin=ident.origin)


def test_provenance_of_an_unknown_record_is_not_found(world: World) -> None:
    from fieldkit.errors import NotFoundError

    with pytest.raises(NotFoundError):
        pv.provenance(world.staff.service, "ab" * 32)
    local = _seal(world, 1)[0]
    prov = pv.provenance(world.monitor.service, local)
    assert prov.receipt is None and prov.enrolment is None  # not synced yet
    assert prov.device_key.key_id == _key_id(world.monitor)
