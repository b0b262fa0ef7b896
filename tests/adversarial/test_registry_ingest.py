"""The registry refuses, at ingest, anything that is not a submission sealed to the
organisation's key whose outer layer parses and verifies: one such record must never reach
staff pulls."""

from __future__ import annotations

import base64

from fieldkit.crypto.dsse import sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.sync import submission

from .conftest import Field
from .registry_tools import key_id, key_of, raw, seal_incident


def test_a_record_in_the_clear_is_refused_and_staff_pull_goes_on(field: Field) -> None:
    """Threat: a monitor device (hostile, or a buggy client) submits a sealed record in the
    clear (not sealed to the organisation key) or a submission whose outer layer does not
    parse; the registry stores and logs it, and every staff pull stops at it for good (and
    testimony sits readable on the registry). Stopped by: ingest accepts only the submission
    payload type, verified and sealed to the registry's organisation key; anything else is
    refused with 400 record_rejected (the batch stored nothing) and audited."""
    mallory = key_of(field.mallory)
    rid = seal_incident(field.mallory.service, "in the clear")
    plain = field.mallory.service.sealed_record(rid).envelope.to_json()
    garbage = sign_envelope(b"{not json", submission.PAYLOAD_TYPE, mallory).to_json()
    statement = {"_type": submission.STATEMENT_TYPE, "record_id": rid,
                 "device": key_id(field.mallory),
                 "device_key": base64.b64encode(mallory.verify_key.to_bytes()).decode(),
                 "seq": 1, "chain_prev": None, "kind": "incident", "org_key_id": "x",
                 "sealed": "", "files": []}
    wrong_org = sign_envelope(canonicalize(statement), submission.PAYLOAD_TYPE,
                              mallory).to_json()
    size_before = field.admin.client.get_json("/v1/log/checkpoint")["size"]
    for envelope, why in ((plain, "unsealed_record"), (garbage, "envelope_format"),
                          (wrong_org, "envelope_format")):
        r = raw(field, "POST", "/v1/records", {"envelopes": [envelope]}, key=mallory)
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert error["code"] == "record_rejected" and error["details"]["reason"] == why, error
    assert field.admin.client.get_json("/v1/log/checkpoint")["size"] == size_before
    refused = [e for e in field.admin.client.get_json(
        "/v1/admin/audit", params={"device": key_id(field.mallory), "action": "records.submit",
                                   "limit": 100})["events"]]
    assert [(e["status"], e["outcome"]) for e in refused] == [(400, "refused")] * 3
    assert "unsealed_record" in refused[0]["reason"] or "sealed" in refused[0]["reason"]

    # the honest monitor's records still flow, and staff pull all of them
    good = seal_incident(field.alice.service, "sealed properly")
    assert field.alice.sync().records == 1
    assert field.staff.sync().records == 1
    assert field.staff.service.sealed_record(good).record_id == good
