"""Attacks on staff pull (issue 10, item 3): a registry, or whoever controls its host or an
HTTP proxy in front of it, serves the staff vault records the log does not vouch for. Each
attack runs through the real registry process and the real sync client; only the edge lies
(an httpx transport that rewrites the real registry's answers, or the registry's own store
and log key used from its disk). Each checks that the vault says which (a typed error or a
quarantine reason), that nothing it already trusted was lost or changed, and that the good
records still arrive."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from fieldkit.crypto.orgkey import OrgPublicKey
from fieldkit.domain.sealing import SealedRecord
from fieldkit.registry.config import RegistryHome
from fieldkit.registry.service import Registry, now_iso
from fieldkit.registry.store import IncomingRecord
from fieldkit.sync import merkle, submission
from fieldkit.sync.client import (
    LogForkError,
    LogInconsistentError,
    LogRollbackError,
    RegistryDistrustedError,
    SyncClient,
)
from fieldkit.sync.protocol import record_entry
from fieldkit.sync.transport import pinned_context

from .conftest import Field

Rewrite = Callable[[httpx.Request, Any], Any]


# --- the attacker's tools ------------------------------------------------------------------

class Liar(httpx.BaseTransport):
    """An HTTP-rewriting proxy in front of the real registry: forwards every request, and
    ``rewrite(request, body)`` may return another JSON body (or an ``httpx.Response``)."""

    def __init__(self, cert_pem: bytes, rewrite: Rewrite) -> None:
        self._inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
        self._rewrite = rewrite

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        response.read()
        if not response.headers.get("content-type", "").startswith("application/json"):
            return response
        body = self._rewrite(request, response.json())
        if body is None:
            return response
        if isinstance(body, httpx.Response):
            return body
        return httpx.Response(response.status_code, json=body, request=request)


def _no_sleep(_s: float) -> None:
    pass


def through(client: SyncClient, rewrite: Rewrite, cert_pem: bytes) -> SyncClient:
    """The same vault, talking to the registry through the lying proxy."""
    return SyncClient(client.service, transport=Liar(cert_pem, rewrite), sleep=_no_sleep)


def not_found(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, json={"error": {"code": "not_found", "message": "No such thing.",
                                               "details": {}}}, request=request)


@contextmanager
def registry_host(f: Field) -> Iterator[Registry]:
    """The registry's own store and log key, opened from its disk (a compromised host)."""
    reg = Registry.open(RegistryHome(f.live.data))
    try:
        yield reg
    finally:
        reg.close()


def seal(c: SyncClient, n: int, title: str = "incident") -> list[str]:
    svc = c.service
    return [svc.seal(svc.create_incident(title=f"{title} {i}", category="hate_crime.arson",
                                         occurred="2026-02", country="GB").ref).record_id
            for i in range(n)]


def sealed_records(c: SyncClient, ids: list[str]) -> list[SealedRecord]:
    return [c.service.sealed_record(r) for r in ids]


def inject(f: Field, sealed: SealedRecord, envelope_bytes: bytes, *,
           signer: SyncClient) -> int:
    """Log a record the registry never received from an enrolled device (the compromised host
    bypasses its own ingest checks, adding a device row without any log entry when the key is
    not enrolled); returns its log index."""
    with registry_host(f) as reg:
        if reg.store.device(sealed.device) is None:
            reg.store.add_device(key_id=sealed.device,
                                 public_key=signer.vault.device_key.verify_key.to_bytes(),
                                 role="monitor", label="injected", enrolled_at=now_iso())
        results, _cp = reg.store.ingest(
            [IncomingRecord(record_id=sealed.record_id, device=sealed.device, seq=sealed.seq,
                            chain_prev=sealed.chain_prev, kind=sealed.kind,
                            envelope=envelope_bytes)],
            entry=lambda r: record_entry(record_id=r.record_id, device=r.device, seq=r.seq,
                                         kind=r.kind),
            sign=reg.sign, now=now_iso())
        return results[0].log_index


def sealed_submission(c: SyncClient, sealed: SealedRecord, org: OrgPublicKey) -> bytes:
    """A well-formed submission of ``sealed``, signed by ``c``'s device, sealed to the org."""
    return submission.make(sealed, key=c.vault.device_key, org=org, files=[]).to_bytes()


def trusted_state(c: SyncClient) -> dict[str, set[tuple[Any, ...]]]:
    """What the vault trusts: sealed records, device keys, receipts, checkpoints, incidents."""
    conn = c.vault.read()

    def rows(sql: str) -> set[tuple[Any, ...]]:
        return {tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                for r in conn.execute(sql)}

    return {"sealed": rows("SELECT record_id, envelope FROM sealed"),
            "known": rows("SELECT key_id, public_key FROM known_devices"),
            "receipts": rows("SELECT record_id, receipt FROM receipts"),
            "checkpoints": rows("SELECT size, root, note FROM log_checkpoints"),
            "incidents": rows("SELECT record_id, body, superseded_by FROM incidents "
                              "WHERE state = 'sealed'")}


def assert_kept(before: dict[str, set[tuple[Any, ...]]], c: SyncClient) -> None:
    after = trusted_state(c)
    for table, was in before.items():
        assert was <= after[table], f"{table}: something trusted was lost or changed"


def held(c: SyncClient) -> set[str]:
    return {r for (r,) in c.vault.read().execute("SELECT record_id FROM sealed")}


def quarantine(c: SyncClient) -> dict[str, str]:
    return {q["id"]: q["reason"] for q in c.quarantined()}


def known_keys(c: SyncClient) -> set[str]:
    return {k for (k,) in c.vault.read().execute("SELECT key_id FROM known_devices")}


def assert_hidden(c: SyncClient, record_id: str, title: str) -> None:
    """A quarantined record is in no list, no search and no export selection."""
    svc = c.service
    assert record_id not in held(c)
    assert all(v.record_id != record_id for v in svc.list_incidents(limit=10_000))
    assert not svc.search(title)
    assert svc.count_incidents(state="sealed") == len(held(c))


def _world(field: Field) -> tuple[list[str], dict[str, set[tuple[Any, ...]]]]:
    """Alice's honest records pushed and pulled once: what the staff vault already trusts."""
    first = seal(field.alice, 2, "alice before")
    field.alice.push()
    assert field.staff.pull().records == 2
    return first, trusted_state(field.staff)


# --- (a) records signed by keys the log does not vouch for ---------------------------------

@pytest.mark.parametrize("who", ["unenrolled", "staff", "revoked"])
def test_pull_refuses_a_record_whose_key_the_log_does_not_vouch_for(field: Field,
                                                                    who: str) -> None:
    """Threat: a compromised registry logs a record signed by a key that no log entry enrols
    (or enrols as staff, who may not send records, or that was revoked before the record was
    logged), so staff would take it as evidence from a trusted device. Stopped by: pull keeps
    a record only with its device's verified enrolment entry (role monitor, enrolled before
    and not revoked before the record's log index); the record goes to the quarantine with
    the reason, its key never into known_devices, and the cursor moves on."""
    first, before = _world(field)
    if who == "unenrolled":
        signer = field.new_client("eve")            # a key the registry never enrolled
    elif who == "staff":
        signer = field.new_client("clerk")
        signer.enroll(field.code("staff"), label="a second staff vault")
    else:
        signer = field.mallory                      # enrolled, then revoked
        field.admin.client.post_json(
            f"/v1/admin/devices/{signer.vault.device_key.verify_key.key_id}/revoke", {})
    org = field.staff.org_public()
    assert org is not None
    forged = sealed_records(signer, seal(signer, 1, "forged arson"))[0]
    inject(field, forged, sealed_submission(signer, forged, org), signer=signer)
    later = seal(field.alice, 1, "alice after")
    field.alice.push()

    report = field.staff.pull()

    expected = {"unenrolled": "not_enrolled", "staff": "role_not_allowed",
                "revoked": "revoked"}[who]
    assert quarantine(field.staff) == {forged.record_id: expected}
    assert report.quarantined == 1 and report.records == 1
    assert held(field.staff) >= set(first) | set(later), "the good records still arrive"
    assert forged.device not in known_keys(field.staff)
    assert_hidden(field.staff, forged.record_id, "forged")
    assert_kept(before, field.staff)
    assert field.staff.status()["registry"]["distrusted"] is None
    # the cursor moved on: the next pull neither re-reads nor re-counts it
    assert field.staff.pull().quarantined == 0
    # the CLI shape: the reason in plain words
    row = field.staff.quarantined()[0]
    assert row["reason"] == expected and row["explanation"] and row["retryable"] is (
        expected == "not_enrolled")


def test_a_quarantined_record_is_released_when_its_enrolment_appears(field: Field) -> None:
    """Threat: quarantine could lose a genuine record forever (e.g. its device's enrolment
    entry was not served at first). Stopped by: a re-check asks again for a fresh receipt and
    enrolment entry and keeps the record once the log vouches for it."""
    _world(field)
    rid = seal(field.mallory, 1, "mallory's late record")[0]
    field.mallory.push()
    mallory = field.mallory.vault.device_key.verify_key.key_id

    def hide_enrolment(request: httpx.Request, body: Any) -> Any:
        if request.url.path == f"/v1/devices/{mallory}/enrolment":
            return not_found(request)
        return None

    through(field.staff, hide_enrolment, field.live.cert_pem).pull()
    assert quarantine(field.staff) == {rid: "not_enrolled"}
    assert mallory not in known_keys(field.staff)
    report = field.staff.pull()  # an honest answer now: the re-check at the end of a pull
    assert report.released == 1 and quarantine(field.staff) == {}
    assert rid in held(field.staff) and mallory in known_keys(field.staff)


# --- (b) receipts dropped ------------------------------------------------------------------

def test_pull_quarantines_a_record_whose_receipt_the_registry_drops(field: Field) -> None:
    """Threat: the registry serves a record with no receipt (and answers that it has none),
    so nothing shows it is in the log. Stopped by: a record is kept only with a receipt that
    verifies; without one it is quarantined (``no_receipt``), the others of the page are kept,
    and a later re-check against an honest registry releases it."""
    first, before = _world(field)
    ids = seal(field.alice, 3, "alice receipts")
    field.alice.push()
    victim = ids[1]

    def drop(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "GET":
            for item in body["records"]:
                if item["record_id"] == victim:
                    item.pop("receipt")
            return body
        if request.url.path == f"/v1/receipts/{victim}":
            return not_found(request)
        return None

    report = through(field.staff, drop, field.live.cert_pem).pull()
    assert report.records == 2 and report.quarantined == 1
    assert quarantine(field.staff) == {victim: "no_receipt"}
    assert held(field.staff) == set(first) | {ids[0], ids[2]}
    assert_hidden(field.staff, victim, "alice receipts 1")
    assert_kept(before, field.staff)
    # the registry answers honestly again: the quarantined record is re-checked and kept
    assert field.staff.recheck_quarantine().released == 1
    assert victim in held(field.staff) and not quarantine(field.staff)


# --- (c) a checkpoint inconsistent with the vault's view, not the newest of the batch ------

def _forged_receipt(f: Field, receipt: dict[str, Any]) -> None:
    """Rewrite ``receipt`` to hang under a checkpoint of another history (signed with the
    registry's own log key): the same leaf at the same index, other leaves before it, a
    tree smaller than the batch's real checkpoint."""
    with registry_host(f) as reg:
        tree = merkle.MemoryTree()
        for i in range(receipt["log_index"]):
            tree.append(f"a history nobody else saw {i}".encode())
        tree.append(base64.b64decode(receipt["leaf"]))
        cp = reg.signer.sign_checkpoint(reg.config.origin, tree.size, tree.root())
    receipt["checkpoint"] = cp.text
    receipt["inclusion_proof"] = [base64.b64encode(h).decode()
                                  for h in tree.inclusion_proof(receipt["log_index"], tree.size)]


def test_pull_checks_every_checkpoint_of_a_page(field: Field) -> None:
    """Threat: the registry proves one record of a pull page under a checkpoint of another
    history, smaller than the page's newest one (only the newest was checked, so the forged
    one slipped through). Stopped by: every distinct checkpoint of a page is checked against
    the vault's view; the contradicting one distrusts the registry with
    ``LogInconsistentError``, its record is quarantined (``log_conflict``), the page's other
    records are kept."""
    first, before = _world(field)
    ids = seal(field.alice, 3, "alice page")
    field.alice.push()

    def fork_first(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "GET" and body["records"]:
            _forged_receipt(field, body["records"][0]["receipt"])
            return body
        return None

    with pytest.raises(LogInconsistentError) as caught:
        through(field.staff, fork_first, field.live.cert_pem).pull()
    forged_index = field.staff.quarantined()[0]["log_index"]
    assert caught.value.details["theirs_size"] == forged_index + 1
    assert quarantine(field.staff) == {ids[0]: "log_conflict"}
    assert held(field.staff) == set(first) | set(ids[1:]), "the good records still arrive"
    assert "log_inconsistent" in (field.staff.status()["registry"]["distrusted"] or "")
    evidence = field.staff.conflicts()
    assert [c["kind"] for c in evidence] == ["log_inconsistent"]
    assert evidence[0]["theirs"] and evidence[0]["ours"]
    assert_kept(before, field.staff)
    with pytest.raises(RegistryDistrustedError):
        field.staff.pull()  # nothing more until a person looks


def test_push_checks_every_checkpoint_of_a_batch(field: Field) -> None:
    """Threat: the registry answers a monitor's push with receipts under two checkpoints, the
    older of which belongs to another history. Stopped by: every checkpoint of the batch is
    checked against the monitor's view before any receipt is kept: ``LogInconsistentError``,
    the registry is distrusted, the records stay queued."""
    seal(field.alice, 3, "alice push")

    def fork_first(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "POST":
            _forged_receipt(field, body["receipts"][0])
            return body
        return None

    with pytest.raises(LogInconsistentError):
        through(field.alice, fork_first, field.live.cert_pem).push()
    assert len(field.alice.pending()) == 3, "nothing counts as delivered"
    assert field.alice.status()["registry"]["distrusted"]


def test_a_checkpoint_older_than_the_vaults_view_is_a_rollback(field: Field) -> None:
    """Threat: the registry answers with an older, genuinely signed checkpoint (freezing a
    client on a past view of the log, e.g. to hide a revocation). Stopped by: a checkpoint
    served now must not be smaller than the newest the vault holds: ``LogRollbackError``."""
    _first, before = _world(field)
    alice = field.alice.vault.device_key.verify_key.key_id
    with registry_host(field) as reg:
        dev = reg.store.device(alice)
        assert dev is not None and dev.enrol_index is not None
        old_size = dev.enrol_index + 1
        old_note = reg.store.checkpoint(old_size)
        proof = reg.store.inclusion_proof(dev.enrol_index, old_size)

    def stale(request: httpx.Request, body: Any) -> Any:
        if request.url.path == f"/v1/devices/{alice}/enrolment":
            body["checkpoint"] = old_note
            body["inclusion_proof"] = [base64.b64encode(h).decode() for h in proof]
            return body
        return None

    with pytest.raises(LogRollbackError) as caught:
        through(field.staff, stale, field.live.cert_pem).refresh_enrolments(force=True)
    assert caught.value.details["theirs_size"] == old_size
    assert "log_rollback" in (field.staff.status()["registry"]["distrusted"] or "")
    assert_kept(before, field.staff)


def test_two_roots_for_one_size_is_a_fork(field: Field) -> None:
    """Threat: the registry signs a second tree of a size the vault already holds (a fork at
    that size), here under an enrolment answer whose own proof holds in the forged tree.
    Stopped by: a checkpoint whose size the vault holds must have the root it holds:
    ``LogForkError``, the registry distrusted, both notes kept."""
    _first, before = _world(field)
    alice = field.alice.vault.device_key.verify_key.key_id
    latest = field.staff._latest_checkpoint()
    assert latest is not None
    with registry_host(field) as reg:
        dev = reg.store.device(alice)
        assert dev is not None and dev.enrol_index is not None
        index = dev.enrol_index
        leaf = reg.store.leaf(index)
        tree = merkle.MemoryTree()
        for i in range(latest.size):
            tree.append(leaf if i == index else f"another entry {i}".encode())
        forged = reg.signer.sign_checkpoint(reg.config.origin, latest.size, tree.root())

    def fork(request: httpx.Request, body: Any) -> Any:
        if request.url.path == f"/v1/devices/{alice}/enrolment":
            body["checkpoint"] = forged.text
            body["inclusion_proof"] = [base64.b64encode(h).decode()
                                       for h in tree.inclusion_proof(index, latest.size)]
            return body
        return None

    with pytest.raises(LogForkError):
        through(field.staff, fork, field.live.cert_pem).refresh_enrolments(force=True)
    (evidence,) = field.staff.conflicts()
    assert evidence["kind"] == "log_fork" and evidence["ours"] == latest.text
    assert evidence["theirs"] == forged.text
    assert_kept(before, field.staff)


# --- (d) unsealed and garbled records among good ones --------------------------------------

def test_one_unsealed_or_garbled_record_no_longer_blocks_every_pull(field: Field) -> None:
    """Threat: one record that reached the registry unsealed (a legacy row, or a host that
    stored it anyway), or one entry the registry garbles, stopped every staff pull for good.
    Stopped by: such an entry is quarantined with its reason (``unsealed``, ``malformed``),
    the cursor moves past it, and the good records around it arrive."""
    _first, before = _world(field)
    clear = sealed_records(field.mallory, seal(field.mallory, 1, "mallory in the clear"))[0]
    # stored as it came: not sealed to the organisation
    inject(field, clear, clear.envelope.to_bytes(), signer=field.mallory)
    good = seal(field.alice, 2, "alice good")
    field.alice.push()
    garbled = good[0]

    def garble(request: httpx.Request, body: Any) -> Any:
        if request.url.path == "/v1/records" and request.method == "GET":
            for item in body["records"]:
                if item["record_id"] == garbled:
                    item["envelope"] = {"payloadType": "x", "payload": "!!", "signatures": 7}
            return body
        return None

    report = through(field.staff, garble, field.live.cert_pem).pull()
    assert quarantine(field.staff) == {clear.record_id: "unsealed", garbled: "malformed"}
    assert report.records == 1 and report.quarantined == 2
    assert good[1] in held(field.staff)
    assert_hidden(field.staff, clear.record_id, "mallory in the clear")
    assert clear.device not in known_keys(field.staff)
    assert_kept(before, field.staff)
    # later pulls are not blocked, and do not stumble over the same entries again
    more = seal(field.alice, 1, "alice later")
    field.alice.push()
    again = field.staff.pull()
    assert again.records == 1 and again.quarantined == 0 and more[0] in held(field.staff)
    # an honest answer for the garbled one: the re-check releases it; the unsealed one stays
    field.staff.recheck_quarantine(everything=True)
    assert quarantine(field.staff) == {clear.record_id: "unsealed"}
    assert garbled in held(field.staff)
    assert json.loads(field.staff.vault.read().execute(
        "SELECT item FROM quarantine").fetchone()[0])["record_id"] == clear.record_id
