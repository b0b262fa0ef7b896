"""A second enrolled monitor turned hostile (mallory) tries to retract, hide or reorder the
honest monitor's (alice's) incident by sealing records whose ``prev`` names alice's record.
Every attack goes through the live registry; the staff vault pulls as it does in the field.
"""

from __future__ import annotations

import json

import pytest

from fieldkit.export.selection import select_records
from fieldkit.service import VaultService

from .amend_helpers import (
    body_of,
    export_and_verify,
    forge,
    seal_incident,
    show,
    staff_closed,
)
from .conftest import Field

TITLE = "Mosque door burned FKALICE7"
WORD = "qwertyalice"


def _alice_record(f: Field) -> str:
    return seal_incident(f.alice, TITLE, description=f"witnesses saw it {WORD}")


def _mallory_claims(f: Field, a1: str, *, same_uid: bool, sealed_at: str | None = None) -> str:
    body = body_of(f.alice, a1)  # the worst case: mallory holds alice's whole record
    body["title"] = "RETRACTED FKMALLORY9"
    body["description"] = "nothing happened"
    if not same_uid:
        body["uid"] = "00000000-0000-4000-8000-00000000beef"
    return forge(f.mallory, record=body, prev=a1, sealed_at=sealed_at)


def _assert_alice_current(f: Field, a1: str, m: str) -> None:
    svc: VaultService = f.staff.service
    assert svc.get(a1).superseded_by is None
    current = [v.record_id for v in svc.list_incidents(state="sealed")]
    assert a1 in current
    assert a1 in [h.incident.record_id for h in svc.search(WORD)]
    assert [s.record_id for s in select_records(svc, ids=None, selection=None,
                                                audience="internal")] == [a1]
    assert select_records(svc, ids=[svc.get(a1).uid], selection=None,
                          audience="internal")[0].record_id == a1
    assert svc.get(m).conflict in ("other_device", "other_incident")
    with staff_closed(f):
        shown = show(f, a1)
        assert shown["superseded_by"] is None and shown["conflict"] is None
        assert [c["record_id"] for c in shown["conflicts"]] == [m]
        claim = show(f, m)
        assert claim["conflict"]["reason"] in ("other_device", "other_incident")
        assert claim["conflict"]["target"] == a1 and claim["conflict"]["explanation"]
        text, _bundle = export_and_verify(f)
    assert "FKALICE7" in text and "FKMALLORY9" not in text


@pytest.mark.parametrize("same_uid", [True, False], ids=["same-uid", "other-uid"])
def test_amend_other_device_cannot_supersede(field: Field, same_uid: bool) -> None:
    """Threat: a seized or hostile second monitor seals an "amendment" whose prev names another
    device's record (same incident uid or not), to retract it in staff vaults and exports.
    Stopped by: a record supersedes only a record of the same uid sealed by the same device
    (service.store_pulled); mallory's record is kept, sealed and shown as a conflict."""
    f = field
    a1 = _alice_record(f)
    f.alice.sync()
    f.staff.sync()
    m = _mallory_claims(f, a1, same_uid=same_uid)
    f.mallory.sync()
    f.staff.sync()
    _assert_alice_current(f, a1, m)


@pytest.mark.parametrize("same_uid", [True, False], ids=["same-uid", "other-uid"])
def test_amend_claim_arriving_before_its_target_cannot_supersede_it(field: Field,
                                                                    same_uid: bool) -> None:
    """Threat: the hostile monitor's claim reaches the staff vault before the record it names
    (a prev pointing to a record not yet pulled), so no check can run at arrival and the
    target would be superseded silently when it arrives. Stopped by: the binding rule is
    applied again whenever a named predecessor arrives later, in the same transaction."""
    f = field
    a1 = _alice_record(f)  # sealed, not pushed yet
    m = _mallory_claims(f, a1, same_uid=same_uid)
    f.mallory.sync()
    f.staff.sync()
    assert f.staff.service.get(m).superseded_by is None
    f.alice.sync()
    f.staff.sync()
    _assert_alice_current(f, a1, m)


def test_amend_claim_with_older_sealed_at_cannot_reorder(field: Field) -> None:
    """Threat: the hostile monitor backdates its claim (a sealed_at before alice's record) so
    that an ordering by time would put it first or hide alice's record. Stopped by: order of
    revisions comes only from prev links bound to the same device and uid, never from
    sealed_at; the claim stays a conflict."""
    f = field
    a1 = _alice_record(f)
    m = _mallory_claims(f, a1, same_uid=True, sealed_at="2001-01-01T00:00:00Z")
    f.mallory.sync()
    f.alice.sync()
    f.staff.sync()
    _assert_alice_current(f, a1, m)


def test_amend_own_amendment_still_supersedes_in_either_order(field: Field) -> None:
    """Threat: the binding rule must not break honest corrections: alice's own amendment of
    her own record supersedes it in the staff vault, whichever of the two arrives first.
    Stopped by: same uid + same device are checked at the arrival of either record."""
    f = field
    a1 = _alice_record(f)
    a2 = f.alice.service.seal(f.alice.service.amend(a1, title="Mosque door burned (corrected)"
                                                    ).ref).record_id
    f.alice.sync()
    f.staff.sync()
    svc = f.staff.service
    assert svc.get(a1).superseded_by == a2 and svc.get(a2).conflict is None
    # the other order, into a second staff-side vault, straight from the verified records
    # (the trust gate needs alice's verified enrolment entry: copied from the staff vault)
    other = f.new_client("staff2").service
    alice_key = f.alice.vault.device_key.verify_key
    enrolment = svc.vault.read().execute(
        "SELECT key_id, public_key, role, log_index, leaf, inclusion_proof, checkpoint, "
        "fetched_at FROM device_enrolments WHERE key_id = ?", (alice_key.key_id,)).fetchone()
    with other.vault.write() as conn:
        conn.execute("INSERT INTO device_enrolments VALUES (?, ?, ?, ?, ?, ?, ?, ?)", enrolment)
    index = dict(svc.vault.read().execute("SELECT record_id, log_index FROM receipts"))
    assert other.store_pulled(f.alice.service.sealed_record(a2), device_key=alice_key,
                              log_index=index[a2])
    assert other.get(a2).superseded_by is None
    assert other.store_pulled(f.alice.service.sealed_record(a1), device_key=alice_key,
                              log_index=index[a1])
    assert other.get(a1).superseded_by == a2
    assert [v.record_id for v in other.list_incidents()] == [a2]


def test_amend_migration_restores_records_superseded_before_the_rule(
        field: Field, monkeypatch: pytest.MonkeyPatch) -> None:
    """Threat: a staff vault that pulled a hostile "amendment" before this rule existed keeps
    the honest record superseded (hidden from lists, search and exports) after the upgrade.
    Stopped by: migration 0006_amendments re-applies the rule to every record the vault holds:
    the record is current and searchable again, and the claim is marked a conflict."""
    from fieldkit.storage import schema, search
    from fieldkit.storage import vault as vault_mod
    from fieldkit.storage.vault import Vault

    from .conftest import PASS

    f = field
    a1 = _alice_record(f)
    m = _mallory_claims(f, a1, same_uid=True)
    path = f.tmp / "old-staff"
    monkeypatch.setattr(vault_mod, "MIGRATIONS", schema.MIGRATIONS[:5])  # before 0006
    old, _ = Vault.create(path, PASS)
    with old.write() as conn:  # what the old store_pulled wrote for alice's, then mallory's
        for rid, client in ((a1, f.alice), (m, f.mallory)):
            s = client.service.sealed_record(rid)
            conn.execute("INSERT INTO sealed(record_id, kind, device, seq, chain_prev, prev, "
                         "sealed_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (rid, s.kind, s.device, s.seq, s.chain_prev, s.prev, s.sealed_at,
                          s.envelope.to_bytes()))
            cur = conn.execute(
                "INSERT INTO incidents(uid, record_id, state, prev, title, category, country, "
                "occurred, body, created_at, updated_at) VALUES (?, ?, 'sealed', ?, ?, ?, ?, ?, "
                "?, ?, ?)", (s.record["uid"], rid, s.prev, s.record["title"],
                             s.record["category"], s.record["country"],
                             s.record["occurred"]["start"], json.dumps(s.record), s.sealed_at,
                             s.sealed_at))
            search.SearchIndex(conn).put(int(cur.lastrowid), title=s.record["title"],
                                         body=s.record["description"])
            conn.execute("INSERT INTO known_devices(key_id, public_key, first_seen) VALUES "
                         "(?, ?, ?)", (s.device, client.vault.device_key.verify_key.to_bytes(),
                                       s.sealed_at))
        conn.execute("UPDATE incidents SET superseded_by = ? WHERE record_id = ?", (m, a1))
        search.SearchIndex(conn).delete(1)
    old.lock()
    monkeypatch.undo()
    upgraded = VaultService(Vault.open(path, PASS))
    try:
        assert "0006_amendments" in upgraded.vault.applied_migrations
        assert upgraded.get(a1).superseded_by is None
        assert upgraded.get(m).conflict == "other_device"
        assert a1 in [h.incident.record_id for h in upgraded.search(WORD)]
        assert [s.record_id for s in select_records(upgraded, ids=None, selection=None,
                                                    audience="internal")] == [a1]
    finally:
        upgraded.vault.lock()
