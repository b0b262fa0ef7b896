"""The audit log names a device only after its signature verified; what a request merely
claims goes into ``claimed_device``."""

from __future__ import annotations

import csv
import io

from registry.harness import registry_cli

from fieldkit.crypto.keys import SigningKey

from .conftest import Field
from .registry_tools import key_id, key_of, raw


def test_a_forged_signature_is_not_audited_as_the_device_it_claims(field: Field) -> None:
    """Threat: a request claiming alice's key id with a signature that does not verify (made
    by mallory, or by anyone) lands in the audit log as alice's, so administrators blame her
    and an attacker can fill her history. Stopped by: the audit row names a device only once
    its signature verified; the claimed key id goes into ``claimed_device``."""
    alice = key_id(field.alice)
    marker = f"/v1/receipts/{'5a' * 32}"
    forged = raw(field, "GET", marker, key=key_of(field.mallory), claim=alice)
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "bad_signature"
    nobody = raw(field, "GET", marker, key=SigningKey.generate())  # a key nobody enrolled
    assert nobody.status_code == 401
    honest = raw(field, "GET", marker, key=key_of(field.alice))
    assert honest.status_code == 404

    events = [e for e in field.admin.client.get_json(
        "/v1/admin/audit", params={"limit": 1000})["events"] if e["path"] == marker]
    assert [(e["device"], e["claimed_device"], e["status"]) for e in events] == [
        (None, alice, 401), (None, events[1]["claimed_device"], 401), (alice, None, 404)]
    assert events[1]["claimed_device"].startswith("ed25519:")
    # alice's own history (the device filter) holds only what she really sent
    mine = field.admin.client.get_json("/v1/admin/audit",
                                       params={"device": alice, "limit": 1000})["events"]
    assert [e["status"] for e in mine if e["path"] == marker] == [404]

    text = field.admin.client.request("GET", "/v1/admin/audit.csv",
                                      params={"limit": 1000}).text
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["path"] == marker]
    assert next((r["device"], r["claimed_device"]) for r in rows) == ("", alice)

    cli = registry_cli(field.live.data, "audit", "--limit", "1000")["events"]
    assert next((e["device"], e["claimed_device"]) for e in cli  # type: ignore[index]
                if e["path"] == marker) == (None, alice)  # type: ignore[index]


def test_a_replayed_request_is_not_audited_as_the_device(field: Field) -> None:
    """Threat: a network attacker replays a request alice signed; the replay appears in the
    audit log as alice acting again. Stopped by: a replay (nonce seen before) is audited with
    ``claimed_device`` only."""
    import time

    import httpx

    from fieldkit.sync.httpsig import new_nonce, sign_request
    from fieldkit.sync.transport import pinned_context

    alice = key_id(field.alice)
    path = f"/v1/receipts/{'6b' * 32}"
    headers = sign_request(method="GET", path=path, query="", body=b"",
                           key=key_of(field.alice), created=int(time.time()), nonce=new_nonce())
    with httpx.Client(verify=pinned_context(field.live.cert_pem)) as http:
        first = http.get(field.live.url + path, headers=headers)
        replay = http.get(field.live.url + path, headers=headers)
    assert (first.status_code, replay.status_code) == (404, 401)
    events = [e for e in field.admin.client.get_json(
        "/v1/admin/audit", params={"limit": 1000})["events"] if e["path"] == path]
    assert [(e["device"], e["claimed_device"]) for e in events] == [(alice, None),
                                                                    (None, alice)]
