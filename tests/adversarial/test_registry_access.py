"""The log and device endpoints answer only enrolled, unrevoked devices with a valid
signature: the device roster and per-device record counts are not public."""

from __future__ import annotations

import pytest

from fieldkit.crypto.keys import SigningKey

from .conftest import Field
from .registry_tools import key_id, key_of, raw, seal_incident


def test_strangers_and_revoked_devices_cannot_read_the_roster(field: Field) -> None:
    """Threat: anyone who can reach the registry reads the log (every enrolled device's key
    and role, every record's device and sequence number) and each device's enrolment, and so
    learns who works for the mechanism and how much each one documents; a revoked (seized)
    device keeps that view. Stopped by: /v1/log/* and /v1/devices/{id}/enrolment require a
    valid signature of an enrolled, unrevoked device (401 / 403 otherwise)."""
    seal_incident(field.alice.service, "to be counted")
    field.alice.sync()
    alice = key_id(field.alice)
    paths = ["/v1/log/checkpoint", "/v1/log/inclusion?index=0&size=1",
             "/v1/log/consistency?first=1&second=2", f"/v1/devices/{alice}/enrolment"]
    field.admin.client.post_json(f"/v1/admin/devices/{key_id(field.mallory)}/revoke", {})
    callers = {"anonymous": (None, 401), "unknown key": (SigningKey.generate(), 401),
               "revoked monitor": (key_of(field.mallory), 403)}
    failures = []
    for path in paths:
        for who, (key, want) in callers.items():
            r = raw(field, "GET", path, key=key)
            if r.status_code != want:
                failures.append(f"{path} as {who}: {r.status_code} {r.text[:100]}")
        for who, key in (("alice", key_of(field.alice)), ("admin", field.admin.key),
                         ("staff", key_of(field.staff))):
            r = raw(field, "GET", path, key=key)
            if r.status_code != 200:
                failures.append(f"{path} as {who}: {r.status_code} {r.text[:100]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["monitor", "staff"])
def test_the_clients_still_check_the_log_with_signed_requests(field: Field, role: str) -> None:
    """The sync client reaches the (now enrolled-only) log endpoints with signed requests:
    a push and a pull still verify receipts and checkpoint consistency."""
    seal_incident(field.alice.service, "first")
    field.alice.sync()
    seal_incident(field.alice.service, "second")
    report = field.alice.sync()
    assert report.records == 1
    if role == "staff":
        assert field.staff.sync().records == 2
