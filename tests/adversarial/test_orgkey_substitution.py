"""Attacks on the organisation key a monitor seals testimony to (issue 10, item 5; ADR 0019).

Each attack runs against the real registry process; only the edge is faked (a transport that
rewrites the registry's answers, or a host attacker editing the registry's database and using
its log key). In every case: a typed error saying what happened, no record sealed to the
attacker's key, and alice's queue kept whole.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.crypto.orgkey import OrgPublicKey
from fieldkit.registry.config import RegistryHome
from fieldkit.registry.service import Registry
from fieldkit.sync import httpsig
from fieldkit.sync.client import OrgKeyChangedError, SyncClient
from fieldkit.sync.orgkey_proof import OrgKeyProofError
from fieldkit.sync.protocol import ORG_KEY_PATH

from .conftest import Field
from .orgkey_world import Late, Rewriting, attacker_key, make_late, new_client, seal_one


@pytest.fixture
def late(tmp_path: Path) -> Iterator[Late]:
    yield from make_late(tmp_path)


def _queue_intact(late: Late, before: list[str]) -> None:
    assert [rid for rid, _seq, _env in late.alice.pending()] == before
    assert late.records_at_registry(late.alice.vault.device_key.verify_key.key_id) == 0
    assert late.alice.registry().org_key is None  # type: ignore[union-attr]


def test_proxy_substitutes_its_own_key(late: Late) -> None:
    """A lying registry (or a network position in front of it) answers `GET /v1/org-key` with
    a key it holds, for a monitor enrolled before the organisation key existed; stopped because
    the key is accepted only with a log entry of an admin's registration of exactly that key."""
    late.register(late.staff.org_key_init().to_text())
    rid = seal_one(late.alice, "arson at the mosque")
    evil = attacker_key()

    def swap(path: str, body: dict[str, object]) -> dict[str, object] | None:
        if path == "/v1/org-key":
            return {**body, "org_key": evil, "key_id": OrgPublicKey.from_text(evil).key_id}
        return None

    with pytest.raises(OrgKeyProofError, match="not a registration of the organisation key"):
        late.lying(late.alice, swap).push()
    _queue_intact(late, [rid])


def test_proxy_offers_key_without_proof(late: Late) -> None:
    """A registry that serves a key with no proof at all (the old answer shape) is refused:
    a monitor never seals to a key no log entry vouches for."""
    late.register(late.staff.org_key_init().to_text())
    rid = seal_one(late.alice, "school exclusion")
    evil = attacker_key()
    bare = late.lying(late.alice, lambda path, body: {"org_key": evil, "log_index": None}
                      if path == "/v1/org-key" else None)
    with pytest.raises(OrgKeyProofError, match="without the log entry"):
        bare.push()
    _queue_intact(late, [rid])


def test_host_edits_database_to_serve_unlogged_key(late: Late) -> None:
    """A host attacker rewrites the registry's stored organisation key in its database (no log
    entry for the new key); stopped because the served log entry registers another key."""
    late.register(late.staff.org_key_init().to_text())
    rid = seal_one(late.alice, "mosque permit refused")
    with late.db() as db:
        db.execute("UPDATE settings SET value = ? WHERE key = 'org_key'", (attacker_key(),))
    with pytest.raises(OrgKeyChangedError) as err:
        late.alice.push()
    assert err.value.code == "org_key_unproven"
    _queue_intact(late, [rid])


def test_host_operator_registers_its_own_key(late: Late) -> None:
    """The registry operator (or whoever holds the registry host) registers its own key with
    `fieldkit-registry org-key --set`, which logs a genuine entry; stopped because no admin
    device signed the registration, so devices that were not given the key in their enrolment
    code refuse it."""
    from registry.harness import registry_cli

    rid = seal_one(late.alice, "halal ban")
    registry_cli(late.live.data, "org-key", "--set", attacker_key())
    with pytest.raises(OrgKeyProofError, match="without an administrator's signature"):
        late.alice.push()
    _queue_intact(late, [rid])


def test_key_registered_by_a_non_admin_device(late: Late) -> None:
    """A host attacker colluding with a hostile monitor logs a registration carrying a request
    the monitor's device really signed (a valid RFC 9421 signature); stopped because the
    signer's own enrolment entry in the log gives it the role monitor, not admin."""
    rid = seal_one(late.alice, "online hate campaign")
    evil = attacker_key()
    body = b'{"org_key":"' + evil.encode() + b'"}'
    key = late.mallory.vault.device_key
    headers = httpsig.sign_request(method="POST", path=ORG_KEY_PATH, query="", body=body,
                                   key=key, created=1_900_000_000, nonce=httpsig.new_nonce())
    signed = {"method": "POST", "path": ORG_KEY_PATH, "query": "",
              "body": base64.b64encode(body).decode(),
              "content_digest": headers["Content-Digest"],
              "signature_input": headers["Signature-Input"], "signature": headers["Signature"]}
    with Registry.open(RegistryHome(late.live.data)) as reg:  # the host's own log key
        reg.set_org_key(evil, by=key.verify_key.key_id, request=signed)
    with pytest.raises(OrgKeyProofError, match="enrolled as monitor, not by an administrator"):
        late.alice.push()
    _queue_intact(late, [rid])


def test_forged_admin_signature(late: Late) -> None:
    """A host attacker logs a registration naming the real admin with a signature it cannot
    make (the admin's key stays on the admin's device); stopped because the signature is
    checked against the admin's enrolled key."""
    rid = seal_one(late.alice, "clinic refused care")
    evil = attacker_key()
    body = b'{"org_key":"' + evil.encode() + b'"}'
    impostor = late.mallory.vault.device_key  # any key but the admin's
    headers = httpsig.sign_request(method="POST", path=ORG_KEY_PATH, query="", body=body,
                                   key=impostor, created=1_900_000_000,
                                   nonce=httpsig.new_nonce())
    admin_id = late.admin.key_id
    signed = {"method": "POST", "path": ORG_KEY_PATH, "query": "",
              "body": base64.b64encode(body).decode(),
              "content_digest": headers["Content-Digest"],
              "signature_input": headers["Signature-Input"].replace(
                  impostor.verify_key.key_id, admin_id),
              "signature": headers["Signature"]}
    with Registry.open(RegistryHome(late.live.data)) as reg:
        reg.set_org_key(evil, by=admin_id, request=signed)
    with pytest.raises(OrgKeyProofError, match="signature on the registration"):
        late.alice.push()
    _queue_intact(late, [rid])


def test_pinned_monitor_refuses_a_different_key(late: Late) -> None:
    """A monitor whose enrolment code carried the organisation key is served another,
    unproven key; stopped: the code's key is pinned and only an admin-signed, later
    registration replaces it."""
    org = late.staff.org_key_init()
    late.register(org.to_text())
    carol = new_client(late.tmp / "carol")
    carol.enroll(late.code("monitor"), label="carol's laptop")
    assert carol.registry().org_key == org.to_text()  # type: ignore[union-attr]
    rid = seal_one(carol, "vandalised mosque")
    with late.db() as db:
        db.execute("UPDATE settings SET value = ? WHERE key = 'org_key'", (attacker_key(),))
    with pytest.raises(OrgKeyProofError):
        carol.push()
    assert [r for r, _s, _e in carol.pending()] == [rid]
    assert carol.registry().org_key == org.to_text()  # type: ignore[union-attr]
    carol.vault.lock()


def test_honest_registration_is_learned_with_proof(late: Late) -> None:
    """The control: a key an admin registered after the monitors enrolled is accepted with its
    proof, kept with its log index, and the record reaches the staff."""
    org = late.staff.org_key_init()
    late.register(org.to_text())
    rid = seal_one(late.alice, "arson")
    assert late.alice.push().records == 1
    assert late.alice.registry().org_key == org.to_text()  # type: ignore[union-attr]
    row = late.alice.vault.read().execute(
        "SELECT source, log_index, admin FROM org_key_registrations").fetchone()
    assert row[0] == "log" and row[1] is not None and row[2] == late.admin.key_id
    assert late.staff.pull().records == 1
    assert late.staff.service.sealed_record(rid).record_id == rid


def test_field_monitor_with_pinned_key_refuses_a_proxy_key(field: Field) -> None:
    """In the standard attacker's world (the key pinned by alice's enrolment code), a rewriting
    proxy in front of the real registry serves another key with the genuine registration's
    proof attached; stopped because that proof registers a different key."""
    pinned = field.alice.registry().org_key  # type: ignore[union-attr]
    rid = seal_one(field.alice, "witness statement")
    evil = attacker_key()
    lying = SyncClient(field.alice.service, transport=Rewriting(
        field.live.cert_pem, lambda path, body: {**body, "org_key": evil, "key_id": None}
        if path == "/v1/org-key" else None))
    with pytest.raises(OrgKeyProofError):
        lying.push()
    assert [r for r, _s, _e in field.alice.pending()] == [rid]
    assert field.alice.registry().org_key == pinned  # type: ignore[union-attr]
    assert field.staff.pull().records == 0
