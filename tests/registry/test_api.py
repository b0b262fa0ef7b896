"""The registry over real HTTPS on loopback, with the certificate pinned from the enrolment code:
enrolment, sealed-record ingest with verifiable receipts, the access matrix, hostile requests
and the audit log."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.keys import SigningKey
from fieldkit.crypto.orgkey import OrgPrivateKey
from fieldkit.domain import sealing
from fieldkit.sync import submission
from fieldkit.sync.checkpoint import NoteVerifier, open_checkpoint
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.httpsig import new_nonce, sign_request
from fieldkit.sync.protocol import Receipt
from fieldkit.sync.receipts import verify_consistency, verify_receipt
from fieldkit.sync.transport import (
    CertificatePinError,
    RegistryClient,
    RegistryError,
    enroll,
    fetch_pinned_certificate,
)

from .harness import Device, LiveRegistry


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveRegistry]:
    reg = LiveRegistry.create(tmp_path_factory.mktemp("registry") / "data")
    yield reg
    reg.close()


@pytest.fixture(scope="module")
def admin(live: LiveRegistry) -> Device:
    return live.enroll("admin")


@pytest.fixture(scope="module")
def org(admin: Device) -> OrgPrivateKey:
    """The organisation key, registered: the registry accepts only records sealed to it."""
    key = OrgPrivateKey.generate()
    admin.client.post_json("/v1/admin/org-key", {"org_key": key.public_key.to_text()})
    return key


@pytest.fixture(scope="module")
def monitor(live: LiveRegistry, admin: Device, org: OrgPrivateKey) -> Device:
    return live.enroll("monitor", admin=admin, label="monitor laptop")


@pytest.fixture(scope="module")
def staff(live: LiveRegistry, admin: Device) -> Device:
    return live.enroll("staff", admin=admin)


class Chain:
    """Seals records the way a monitor's vault does: one hash-linked chain per device."""

    def __init__(self, key: SigningKey, org: OrgPrivateKey | None = None) -> None:
        self.key, self.seq, self.head = key, 0, None
        self.org = org or OrgPrivateKey.generate()

    def next(self, title: str = "incident") -> sealing.SealedRecord:
        self.seq += 1
        rec = sealing.seal(kind="incident", record={"title": title, "n": self.seq}, key=self.key,
                           seq=self.seq, chain_prev=self.head, prev=None,
                           sealed_at="2026-11-24T00:00:00Z")
        self.head = rec.record_id
        return rec


    def submit(self, rec: sealing.SealedRecord) -> dict[str, Any]:
        """The record as a monitor sends it: a submission sealed to the organisation key."""
        return submission.make(rec, key=self.key, org=self.org.public_key, files=[]).to_json()


@pytest.fixture(scope="module")
def chain(monitor: Device, org: OrgPrivateKey) -> Chain:
    return Chain(monitor.key, org)


def _code(live: LiveRegistry) -> EnrollmentCode:
    return EnrollmentCode.from_text(live.admin_code)


def _submit(device: Device, records: list[sealing.SealedRecord], chain: Chain) -> list[Receipt]:
    answer = device.client.post_json("/v1/records",
                                     {"envelopes": [chain.submit(r) for r in records]})
    return [Receipt.model_validate(r) for r in answer["receipts"]]


# --- enrolment and receipts -----------------------------------------------------------------

def test_enrolment_code_works_once(live: LiveRegistry, admin: Device) -> None:
    code = EnrollmentCode.from_text(
        admin.client.post_json("/v1/admin/enroll-codes", {"role": "monitor"})["code"])
    enroll(code, SigningKey.generate(), label="first", cert_pem=live.cert_pem)
    with pytest.raises(RegistryError) as e:
        enroll(code, SigningKey.generate(), label="second", cert_pem=live.cert_pem)
    assert e.value.status == 403 and e.value.remote_code == "enroll_code_invalid"


def test_the_pin_is_checked(live: LiveRegistry) -> None:
    with pytest.raises(CertificatePinError):
        fetch_pinned_certificate(live.url, "0" * 64)
    other = SigningKey.generate()
    # a client that trusts another certificate refuses to talk
    from fieldkit.registry.tls import generate_certificate

    wrong_cert, _ = generate_certificate(hosts=["127.0.0.1"])
    with RegistryClient(live.url, cert_pem=wrong_cert, key=other) as client, \
            pytest.raises(CertificatePinError):
        client.get_json("/v1/health", sign=False)


def test_receipts_verify_against_signed_checkpoints(live: LiveRegistry, monitor: Device,
                                                    chain: Chain) -> None:
    code = _code(live)
    verifier = NoteVerifier.from_vkey(code.log_key)
    records = [chain.next(f"record {i}") for i in range(5)]
    receipts = _submit(monitor, records, chain)
    assert [r.record_id for r in receipts] == [r.record_id for r in records]
    checkpoints = [verify_receipt(rc, verifier=verifier, origin=code.origin,
                                  record_id=rec.record_id)
                   for rc, rec in zip(receipts, records, strict=True)]
    assert len({r.log_index for r in receipts}) == 5
    latest = monitor.client.get_json("/v1/log/checkpoint")
    final = open_checkpoint(latest["checkpoint"], verifier, origin=code.origin)
    for cp in checkpoints:
        if cp.size < final.size:
            proof = monitor.client.get_json("/v1/log/consistency",
                                            params={"first": cp.size, "second": final.size})
            verify_consistency(cp, final, proof["proof"])


def test_duplicate_returns_the_original_receipt(monitor: Device, chain: Chain) -> None:
    rec = chain.next()
    first = _submit(monitor, [rec], chain)[0]
    again = _submit(monitor, [rec], chain)[0]
    assert again.duplicate and again.log_index == first.log_index and again.leaf == first.leaf


def test_a_gap_is_recorded_not_fatal(monitor: Device, chain: Chain) -> None:
    chain.next()  # sealed but withheld
    receipt = _submit(monitor, [chain.next()], chain)[0]
    assert receipt.gap == [chain.seq - 1, chain.seq]


def test_staff_pull_records_since_a_cursor(staff: Device, monitor: Device, chain: Chain) -> None:
    rec = chain.next("for staff")
    receipt = _submit(monitor, [rec], chain)[0]
    page = staff.client.get_json("/v1/records", params={"cursor": receipt.log_index - 1})
    assert page["records"][0]["record_id"] == rec.record_id
    sub = submission.open_outer(Envelope.from_json(page["records"][0]["envelope"]))
    assert submission.open_inner(sub, chain.org).record.envelope.to_json() == \
        rec.envelope.to_json()


def test_revoked_device_is_refused_from_that_moment(live: LiveRegistry, admin: Device) -> None:
    device = live.enroll("monitor", admin=admin)
    device.client.get_json("/v1/whoami")
    admin.client.post_json(f"/v1/admin/devices/{device.key_id}/revoke", {})
    with pytest.raises(RegistryError) as e:
        device.client.get_json("/v1/whoami")
    assert e.value.status == 403 and e.value.remote_code == "device_revoked"
    entries = admin.client.get_json("/v1/log/checkpoint")
    assert entries["size"] > 0


# --- the access matrix -------------------------------------------------------------------------

HEX = "ab" * 32
ENDPOINTS: list[tuple[str, str, Any, set[str]]] = [
    # method, path, json body (or bytes), roles allowed ("*" = anyone, signed or not)
    ("GET", "/v1/health", None, {"*"}),
    # the log names every device and counts their records: enrolled devices only
    ("GET", "/v1/log/checkpoint", None, {"monitor", "staff", "admin"}),
    ("GET", "/v1/log/inclusion?index=0&size=1", None, {"monitor", "staff", "admin"}),
    ("GET", "/v1/log/consistency?first=1&second=1", None, {"monitor", "staff", "admin"}),
    ("GET", "/v1/whoami", None, {"monitor", "staff", "admin"}),
    ("GET", "/v1/org-key", None, {"monitor", "staff", "admin"}),
    ("GET", f"/v1/devices/ed25519:{HEX}/enrolment", None, {"monitor", "staff", "admin"}),
    ("POST", "/v1/exports", {"exports": [{}]}, {"monitor", "staff", "admin"}),
    ("POST", "/v1/admin/org-key", {"org_key": "fkorg1:" + "A" * 43}, {"admin"}),
    ("POST", "/v1/records", {"envelopes": [{}]}, {"monitor"}),
    ("GET", f"/v1/receipts/{HEX}", None, {"monitor", "staff"}),
    ("POST", "/v1/chunks/missing", {"chunks": [HEX]}, {"monitor"}),
    ("PUT", f"/v1/chunks/{hashlib.sha256(b'x').hexdigest()}", b"x", {"monitor"}),
    ("POST", "/v1/files", {"sha256": HEX, "size": 1, "chunks": [HEX]}, {"monitor"}),
    ("GET", "/v1/records?cursor=0&limit=1", None, {"staff"}),
    ("GET", f"/v1/files/{HEX}", None, {"staff"}),
    ("GET", f"/v1/chunks/{HEX}", None, {"staff"}),
    ("POST", "/v1/admin/enroll-codes", {"role": "monitor"}, {"admin"}),
    ("GET", "/v1/admin/devices", None, {"admin"}),
    ("POST", f"/v1/admin/devices/ed25519:{HEX}/revoke", {}, {"admin"}),
    ("GET", "/v1/admin/audit?limit=5", None, {"admin"}),
    ("GET", "/v1/admin/audit.csv?limit=5", None, {"admin"}),
]


def _raw(live: LiveRegistry, method: str, path_query: str, body: Any, *,
         key: SigningKey | None, created: int | None = None,
         nonce: str | None = None) -> httpx.Response:
    path, _, query = path_query.partition("?")
    data = body if isinstance(body, bytes) else (
        json.dumps(body).encode() if body is not None else b"")
    headers = {"Content-Type": "application/json"} if not isinstance(body, bytes) else {}
    if key is not None:
        headers.update(sign_request(method=method, path=path, query=query, body=data, key=key,
                                    created=created if created is not None else int(time.time()),
                                    nonce=nonce or new_nonce()))
    from fieldkit.sync.transport import pinned_context

    with httpx.Client(verify=pinned_context(live.cert_pem)) as http:
        return http.request(method, live.url + path_query, content=data, headers=headers)


def test_access_matrix(live: LiveRegistry, admin: Device, monitor: Device,
                       staff: Device) -> None:
    revoked = live.enroll("monitor", admin=admin)
    admin.client.post_json(f"/v1/admin/devices/{revoked.key_id}/revoke", {})
    callers: dict[str, SigningKey | None] = {
        "anonymous": None, "monitor": monitor.key, "staff": staff.key, "admin": admin.key,
        "revoked": revoked.key, "unknown": SigningKey.generate()}
    failures = []
    for method, path, body, allowed in ENDPOINTS:
        for caller, key in callers.items():
            status = _raw(live, method, path, body, key=key).status_code
            if "*" in allowed:
                ok = status < 500 and status not in (401, 403)
            elif caller in allowed:
                ok = status not in (401, 403) and status < 500
            elif caller in ("anonymous", "unknown"):
                ok = status == 401
            else:  # enrolled with the wrong role, or revoked
                ok = status == 403
            if not ok:
                failures.append(f"{method} {path} as {caller}: {status}")
        if "*" in allowed:
            continue
        role = sorted(allowed)[0]
        key = callers[role]
        nonce = new_nonce()
        first = _raw(live, method, path, body, key=key, nonce=nonce)
        replay = _raw(live, method, path, body, key=key, nonce=nonce)
        stale = _raw(live, method, path, body, key=key, created=int(time.time()) - 3600)
        future = _raw(live, method, path, body, key=key, created=int(time.time()) + 3600)
        if first.status_code in (401, 403):
            failures.append(f"{method} {path} first: {first.status_code}")
        if replay.status_code != 401 or replay.json()["error"]["code"] != "replayed_request":
            failures.append(f"{method} {path} replayed: {replay.status_code}")
        for name, r in (("stale", stale), ("future", future)):
            if r.status_code != 401 or r.json()["error"]["code"] != "stale_request":
                failures.append(f"{method} {path} {name}: {r.status_code}")
    assert not failures, "\n".join(failures)


# --- hostile requests -------------------------------------------------------------------------

def _error(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["code"]


def test_hostile_requests(live: LiveRegistry, monitor: Device, chain: Chain) -> None:
    k = monitor.key
    ok_record = chain.submit(chain.next())
    flipped = dict(ok_record)
    payload = bytearray(base64.b64decode(flipped["payload"]))
    payload[10] ^= 1
    flipped["payload"] = base64.b64encode(bytes(payload)).decode()
    stranger = Chain(SigningKey.generate(), chain.org)
    other = stranger.submit(stranger.next())
    in_clear = chain.next().envelope.to_json()
    cases: list[tuple[str, httpx.Response, tuple[int, str]]] = [
        ("oversized body", _raw(live, "POST", "/v1/records", b"x" * (33 * 1024 * 1024), key=k),
         (413, "payload_too_large")),
        ("deeply nested JSON", _raw(live, "POST", "/v1/records",
                                    b"[" * 100_000 + b"]" * 100_000, key=k),
         (400, "invalid")),
        ("invalid UTF-8", _raw(live, "POST", "/v1/records", b'{"envelopes": ["\xff\xfe"]}',
                               key=k), (400, "invalid")),
        ("chunk bytes do not match digest",
         _raw(live, "PUT", f"/v1/chunks/{HEX}", b"not those bytes", key=k),
         (400, "digest_mismatch")),
        # an encoded slash makes it another path: no route, nothing touched
        ("../ in ids", _raw(live, "PUT", "/v1/chunks/..%2F..%2Fetc%2Fpasswd", b"x", key=k),
         (404, "not_found")),
        ("backslash traversal", _raw(live, "PUT", "/v1/chunks/..%5C..%5Cetc", b"x", key=k),
         (400, "invalid")),
        ("traversal in a record id", _raw(live, "GET", "/v1/receipts/..%2e%2e", None, key=k),
         (400, "invalid")),
        ("bit-flipped envelope", _raw(live, "POST", "/v1/records", {"envelopes": [flipped]},
                                      key=k), (400, "record_rejected")),
        ("envelope signed by another device",
         _raw(live, "POST", "/v1/records", {"envelopes": [other]}, key=k),
         (400, "record_rejected")),
        ("record in the clear (not sealed to the organisation)",
         _raw(live, "POST", "/v1/records", {"envelopes": [in_clear]}, key=k),
         (400, "record_rejected")),
        ("batch over 500 envelopes", _raw(live, "POST", "/v1/records",
                                          {"envelopes": [ok_record] * 501}, key=k),
         (400, "invalid")),
        ("chunk over 8 MiB", _raw(live, "PUT", f"/v1/chunks/{HEX}", b"x" * (8 * 2**20 + 1),
                                  key=k), (413, "payload_too_large")),
        ("unknown route", _raw(live, "GET", "/v1/nope", None, key=k), (404, "not_found")),
        ("wrong method", _raw(live, "DELETE", "/v1/health", None, key=None),
         (405, "method_not_allowed")),
        ("bad query type", _raw(live, "GET", "/v1/log/inclusion?index=x&size=1", None, key=k),
         (400, "invalid_request")),
    ]
    failures = [f"{name}: got {_error(r)}, expected {want}" for name, r, want in cases
                if _error(r) != want]
    assert not failures, "\n".join(failures)
    # the duplicate case and the server still serving afterwards
    again = _raw(live, "POST", "/v1/records", {"envelopes": [ok_record]}, key=k)
    assert again.status_code == 200
    assert _raw(live, "POST", "/v1/records", {"envelopes": [ok_record]},
                key=k).json()["receipts"][0]["duplicate"] is True
    assert live.client().get_json("/v1/health", sign=False)["status"] == "ok"


# --- the audit log ----------------------------------------------------------------------------

def test_every_request_is_audited_with_its_outcome(live: LiveRegistry, admin: Device,
                                                   monitor: Device) -> None:
    marker = f"/v1/receipts/{'cd' * 32}"
    with pytest.raises(RegistryError):
        monitor.client.get_json(marker)
    _raw(live, "GET", marker, None, key=None)
    page = admin.client.get_json("/v1/admin/audit", params={"limit": 1000})
    events = [e for e in page["events"] if e["path"] == marker]
    assert [(e["device"], e["status"], e["outcome"]) for e in events] == [
        (monitor.key_id, 404, "refused"), (None, 401, "refused")]
    assert events[0]["reason"].startswith("not_found")
    # metadata only: no event carries a payload (``detail`` is set only on export events,
    # which name record ids and file digests: tests/registry/test_export_events.py)
    assert all(set(e) == {"id", "at", "device", "role", "method", "path", "action", "outcome",
                          "status", "bytes_in", "bytes_out", "reason", "remote", "detail",
                          "claimed_device"}
               and (e["detail"] == "" or e["action"] == "export")
               for e in page["events"])
    csv_text = admin.client.request("GET", "/v1/admin/audit.csv",
                                    params={"limit": 1000}).text
    assert csv_text.splitlines()[0].startswith("id,at,device")
    by_action = admin.client.get_json("/v1/admin/audit", params={"action": "enroll",
                                                                 "limit": 1000})
    assert by_action["events"] and all(e["action"] == "enroll" for e in by_action["events"])


def test_registry_cli_reads_the_same_audit_log(live: LiveRegistry, admin: Device) -> None:
    from .harness import registry_cli

    devices = registry_cli(live.data, "devices")["devices"]
    assert any(d["key_id"] == admin.key_id and d["role"] == "admin" for d in devices)
    events = registry_cli(live.data, "audit", "--outcome", "refused", "--limit", "5")["events"]
    assert events and all(e["outcome"] == "refused" for e in events)
    assert Path(live.data / "first-admin-enrolment.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_audit_log_holds_exactly_the_requests_made(live: LiveRegistry, admin: Device,
                                                   monitor: Device, staff: Device) -> None:
    def last_id() -> int:
        events = admin.client.get_json("/v1/admin/audit", params={"limit": 1000})["events"]
        page = events
        while len(page) == 1000:
            page = admin.client.get_json("/v1/admin/audit", params={
                "limit": 1000, "after": page[-1]["id"]})["events"]
            events += page
        return int(events[-1]["id"])

    start = last_id()  # this request itself is logged after it answered
    expected: list[tuple[str | None, str, str, int]] = []

    def call(device: Device | None, method: str, path: str, body: Any = None) -> None:
        r = _raw(live, method, path, body, key=device.key if device else None)
        expected.append((device.key_id if device else None, method, path, r.status_code))

    call(None, "GET", "/v1/health")
    call(monitor, "GET", "/v1/whoami")
    call(staff, "POST", "/v1/records", {"envelopes": [{}]})          # wrong role
    call(None, "GET", "/v1/admin/devices")                             # anonymous
    call(monitor, "PUT", f"/v1/chunks/{HEX}", b"wrong bytes")          # digest mismatch
    call(staff, "GET", "/v1/records?cursor=-1&limit=2")
    events = admin.client.get_json("/v1/admin/audit",
                                   params={"after": start + 1, "limit": 100})["events"]
    got = [(e["device"], e["method"], e["path"], e["status"]) for e in events]
    want = [(d, m, pth.partition("?")[0], s) for d, m, pth, s in expected]
    assert got == want
    assert [e["outcome"] for e in events] == ["ok" if s < 400 else "refused"
                                              for *_x, s in expected]


def test_enrolments_and_revocations_are_log_entries(live: LiveRegistry, admin: Device) -> None:
    device = live.enroll("monitor", admin=admin)
    index = admin.client.post_json(f"/v1/admin/devices/{device.key_id}/revoke", {})["log_index"]
    listed = {d["key_id"]: d for d in admin.client.get_json("/v1/admin/devices")["devices"]}
    enrol_index = listed[device.key_id]["enrol_index"]
    size = admin.client.get_json("/v1/log/checkpoint")["size"]
    for i, kind in ((enrol_index, "enrol"), (index, "revoke")):
        proof = admin.client.get_json("/v1/log/inclusion",
                                      params={"index": i, "size": size})
        entry = json.loads(base64.b64decode(proof["leaf"]))
        assert entry["type"] == kind and entry["device"] == device.key_id
