"""Records: drafts, sealing, immutability, amendments, the device chain, tamper detection."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
import sqlcipher3

from fieldkit.crypto.dsse import Envelope, sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.domain import sealing
from fieldkit.errors import (
    ChainError,
    EnvelopeFormatError,
    NotFoundError,
    SealedRecordError,
    SignatureError,
    UnknownSignerError,
    ValidationError,
)
from fieldkit.service import VaultService


def _incident(svc: VaultService, title: str = "اعتداء أمام المسجد") -> str:
    view = svc.create_incident(title=title, category="hate_crime.physical_assault",
                               occurred="2026-03-13T19:40:00+01:00", country="fr",
                               place="Quartier Nord", description="وصف الحادثة")
    return view.ref


def _full_incident(svc: VaultService, tmp_path: Path) -> str:
    ref = _incident(svc)
    svc.add_person(ref, pseudonym="Victim A", roles=["victim"])
    svc.add_person(ref, pseudonym="Perp X", roles=["perpetrator"])
    svc.add_act(ref, act_type=svc.taxonomy.act_types()[0].code, victims=["Victim A"],
                perpetrators=[("Perp X", svc.taxonomy.involvements()[0].code)])
    svc.add_testimony(ref, witness="شاهد أ", language="ar", consent="partners",
                      text="رأيتُ الرجلين عند الباب")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    svc.add_evidence(ref, photo, description="still", captured_at="2026-03-13T19:45:00+01:00",
                     gps={"lat": 48.85, "lon": 2.35})
    return ref


def test_a_draft_is_editable_and_validated(service: VaultService) -> None:
    ref = _incident(service)
    view = service.update_incident(ref, title="عنوان جديد", country="be")
    assert view.title == "عنوان جديد" and view.country == "BE" and view.state == "draft"
    with pytest.raises(ValidationError):
        service.update_incident(ref, country="France")
    with pytest.raises(NotFoundError, match="physical_assault"):
        service.update_incident(ref, category="hate_crime.physical_assualt")
    with pytest.raises(ValidationError):
        service.create_incident(title="x", category="hate_crime.arson", occurred="13/03/2026",
                                country="FR")
    with pytest.raises(ValidationError):
        service.create_incident(title=" ", category="hate_crime.arson", occurred="2026",
                                country="FR")


def test_dates_carry_precision(service: VaultService) -> None:
    for value, precision in [("2026", "year"), ("2026-03", "month"), ("2026-03-13", "day"),
                             ("2026-03-13T19:40:00+01:00", "exact")]:
        view = service.create_incident(title="t", category="hate_crime.arson", occurred=value,
                                       country="GB")
        assert view.body["occurred"] == {"start": value, "precision": precision, "end": None}
    view = service.create_incident(title="t", category="hate_crime.arson", occurred="2026-01",
                                   occurred_end="2026-02-15", country="GB")
    assert view.body["occurred"]["precision"] == "range"
    approx = service.create_incident(title="t", category="hate_crime.arson", occurred="2025-11",
                                     precision="approximate", country="GB")
    assert approx.body["occurred"]["precision"] == "approximate"


def test_persons_are_pseudonymous_by_default(service: VaultService) -> None:
    ref = _incident(service)
    _view, person = service.add_person(ref, pseudonym="Witness B", roles=["witness"])
    assert person["name"] is None and person["contact"] is None
    assert person["confidentiality"] == "internal"


def test_seal_freezes_the_record(service: VaultService, tmp_path: Path) -> None:
    ref = _full_incident(service, tmp_path)
    sealed = service.seal(ref)
    assert len(sealed.record_id) == 64 and sealed.seq == 1 and sealed.chain_prev is None
    view = service.get(sealed.record_id)
    assert view.is_sealed and view.record_id == sealed.record_id
    assert service.get(ref).record_id == sealed.record_id  # the draft id still names it

    with pytest.raises(SealedRecordError):
        service.update_incident(sealed.record_id, title="changed")
    with pytest.raises(SealedRecordError):
        service.add_testimony(sealed.record_id, witness="w", language="en", consent="public",
                              text="late")
    with pytest.raises(SealedRecordError):
        service.seal(sealed.record_id)
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable"):
        service.vault.conn.execute("UPDATE incidents SET body = '{}' WHERE record_id = ?",
                                   (sealed.record_id,))
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable"):
        service.vault.conn.execute("DELETE FROM sealed")
    assert service.sealed_record(sealed.record_id).record == view.body


def test_record_id_is_the_hash_of_what_was_signed(service: VaultService, tmp_path: Path) -> None:
    import hashlib

    sealed = service.seal(_full_incident(service, tmp_path))
    env = sealed.envelope
    assert hashlib.sha256(env.payload).hexdigest() == sealed.record_id
    statement = json.loads(env.payload)
    assert canonicalize(statement) == env.payload
    assert statement["device"] == service.vault.device_key.verify_key.key_id
    evidence = statement["record"]["evidence"][0]
    assert set(evidence) >= {"sha256", "size", "media_type", "file_name", "captured_at", "gps",
                             "original", "transformation", "custody"}


def test_amendment_links_its_predecessor(service: VaultService) -> None:
    first = service.seal(_incident(service))
    draft = service.amend(first.record_id, description="وصف مصحَّح")
    assert draft.prev == first.record_id and draft.state == "draft"
    assert draft.uid == service.get(first.record_id).uid
    with pytest.raises(ValidationError, match="already open"):
        service.amend(first.record_id)
    second = service.seal(draft.ref)
    assert second.prev == first.record_id
    assert second.seq == 2 and second.chain_prev == first.record_id
    assert service.get(first.record_id).superseded_by == second.record_id
    assert [v.record_id for v in service.list_incidents()] == [second.record_id]
    with pytest.raises(ValidationError, match="already amended"):
        service.amend(first.record_id)
    assert service.search("مصحح")[0].incident.record_id == second.record_id


def test_custody_events_are_sealed_and_append_only(service: VaultService, tmp_path: Path) -> None:
    ref = _full_incident(service, tmp_path)
    sealed = service.seal(ref)
    sha = sealed.record["evidence"][0]["sha256"]
    event = service.add_custody_event(sha[:10], action="copied-to-usb", note="for the lawyer")
    assert event.kind == "custody" and event.seq == 2 and event.chain_prev == sealed.record_id
    assert [e["action"] for e in service.custody_events(sha)] == ["copied-to-usb"]
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        service.vault.conn.execute("DELETE FROM custody_events")


def test_check_passes_on_a_healthy_vault(service: VaultService, tmp_path: Path) -> None:
    service.seal(_full_incident(service, tmp_path))
    service.seal(_incident(service, "second"))
    report = service.check()
    assert report.ok, report.problems
    assert report.sealed_records == 2 and report.attachments_verified == 1


def test_check_reports_a_tampered_seal(service: VaultService, tmp_path: Path) -> None:
    sealed = service.seal(_full_incident(service, tmp_path))
    conn = service.vault.conn
    conn.execute("DROP TRIGGER sealed_no_update")  # an attacker with the key can do this
    obj = sealed.envelope.to_json()
    payload = bytearray(sealed.envelope.payload)
    payload[payload.index(b"Quartier")] ^= 0x20
    obj["payload"] = base64.b64encode(bytes(payload)).decode()
    conn.execute("UPDATE sealed SET envelope = ? WHERE record_id = ?",
                 (canonicalize(obj), sealed.record_id))
    report = service.check(deep=False)
    assert not report.ok
    assert any("signature" in p.lower() or "hash" in p.lower() for p in report.problems)


# --- sealing primitives with hostile input ------------------------------------------------

def _sealed(key: SigningKey, seq: int = 1, chain_prev: str | None = None) -> sealing.SealedRecord:
    return sealing.seal(kind="incident", record={"title": "t"}, key=key, seq=seq,
                        chain_prev=chain_prev, prev=None, sealed_at="2026-11-24T00:00:00Z")


def test_open_sealed_round_trip() -> None:
    key = SigningKey.generate()
    s = _sealed(key)
    again = sealing.open_sealed(s.envelope.to_bytes(), {key.verify_key.key_id: key.verify_key},
                                expected_id=s.record_id)
    assert again.record == {"title": "t"} and again.record_id == s.record_id


def test_bit_flipped_payload_fails_with_signature_error() -> None:
    key = SigningKey.generate()
    s = _sealed(key)
    payload = bytearray(s.envelope.payload)
    payload[-5] ^= 0x01
    env = Envelope(bytes(payload), s.envelope.payload_type, s.envelope.signatures)
    with pytest.raises(SignatureError):
        sealing.open_sealed(env, {key.verify_key.key_id: key.verify_key})


def test_record_signed_by_another_device_is_unknown() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    with pytest.raises(UnknownSignerError):
        sealing.open_sealed(_sealed(other).envelope, {key.verify_key.key_id: key.verify_key})


def test_record_whose_device_field_lies_is_refused() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    statement = json.loads(_sealed(other).envelope.payload)
    env = sign_envelope(canonicalize(statement), sealing.PAYLOAD_TYPE, key)
    with pytest.raises(EnvelopeFormatError, match="names device"):
        sealing.open_sealed(env, {key.verify_key.key_id: key.verify_key})


def test_non_canonical_payload_is_refused() -> None:
    key = SigningKey.generate()
    statement = json.loads(_sealed(key).envelope.payload)
    env = sign_envelope(json.dumps(statement, indent=2).encode(), sealing.PAYLOAD_TYPE, key)
    with pytest.raises(EnvelopeFormatError, match="canonical"):
        sealing.open_sealed(env, {key.verify_key.key_id: key.verify_key})


def test_wrong_expected_id_is_refused() -> None:
    key = SigningKey.generate()
    with pytest.raises(EnvelopeFormatError, match="does not hash"):
        sealing.open_sealed(_sealed(key).envelope, {key.verify_key.key_id: key.verify_key},
                            expected_id="0" * 64)


def test_chain_gaps_forks_and_reorders_are_caught() -> None:
    key = SigningKey.generate()
    a = _sealed(key, 1)
    b = _sealed(key, 2, a.record_id)
    c = _sealed(key, 3, b.record_id)
    sealing.verify_chain([a, b, c])
    with pytest.raises(ChainError, match="gap"):
        sealing.verify_chain([a, c])
    with pytest.raises(ChainError, match="gap"):
        sealing.verify_chain([a, c, b])
    fork = _sealed(key, 3, a.record_id)
    with pytest.raises(ChainError, match="broken"):
        sealing.verify_chain([a, b, fork])
    with pytest.raises(ChainError, match="another device"):
        sealing.verify_chain([a, _sealed(SigningKey.generate(), 2, a.record_id)])


def test_shared_samples_import_seal_and_search(service: VaultService, samples_file: Path) -> None:
    items = json.loads(samples_file.read_text(encoding="utf-8"))["incidents"]
    views = service.import_incidents(items, seal=True)
    assert len(views) == len(items) and all(v.is_sealed for v in views)
    assert service.check(deep=False).ok
    keys = {v.record_id: item["key"] for v, item in zip(views, items, strict=True)}
    hits = [keys[h.incident.record_id] for h in service.search("مسجد")]
    assert "mosque-assault" in hits


def test_a_failed_evidence_edit_leaves_no_file(service: VaultService, tmp_path: Path) -> None:
    ref = _incident(service)
    f = tmp_path / "derived.jpg"
    f.write_bytes(b"cropped")
    with pytest.raises(ValidationError, match="transformation"):
        service.add_evidence(ref, f, derived_from="ab" * 32)  # derived, but says not how
    assert service.vault.attachments.blobs() == []
    assert service.stats()["attachments"] == 0
    with pytest.raises(ValidationError):
        service.add_testimony(ref, witness="w", language="not a language", consent="public",
                              text="", audio=f)
    assert service.vault.attachments.blobs() == []


def test_a_failed_import_batch_leaves_nothing(service: VaultService, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    good = {"title": "ok", "category": "hate_crime.arson", "occurred": "2026", "country": "GB",
            "evidence": [{"file": "a.txt"}]}
    bad = {"key": "broken", "title": "bad", "category": "hate_crime.arson", "occurred": "2026",
           "country": "GB", "testimonies": [{"witness": "w"}]}
    with pytest.raises(ValidationError, match="broken"):
        service.import_incidents([good, bad], base_dir=tmp_path, seal=True)
    assert service.stats() == {"incidents": 0, "drafts": 0, "sealed": 0, "attachments": 0}
    assert service.vault.attachments.blobs() == []


def test_the_same_file_twice_is_stored_once(service: VaultService, tmp_path: Path) -> None:
    ref = _incident(service)
    f = tmp_path / "p.jpg"
    f.write_bytes(b"same bytes")
    service.add_evidence(ref, f)
    service.add_evidence(ref, f)
    assert len(service.vault.attachments.blobs()) == 1
    assert len(service.get(ref).body["evidence"]) == 2


def test_snippet_is_not_fooled_by_brackets(service: VaultService) -> None:
    service.create_incident(title="اعتداء", category="hate_crime.arson", occurred="2026",
                            country="GB", description="[Amended: note] nothing relevant here")
    hit = service.search("اعتداء")[0]
    assert hit.snippet == "[اعتداء]"


def test_date_precision_must_fit_the_date(service: VaultService) -> None:
    for occurred, precision in [("2026", "day"), ("2026-03-13", "exact"), ("2026-03", "year")]:
        with pytest.raises(ValidationError):
            service.create_incident(title="t", category="hate_crime.arson", occurred=occurred,
                                    precision=precision, country="GB")
    with pytest.raises(ValidationError, match="offset"):
        service.create_incident(title="t", category="hate_crime.arson",
                                occurred="2026-03-13T19:40", country="GB")


def test_sealing_logs_and_extracting_logs(service: VaultService, tmp_path: Path) -> None:
    sealed = service.seal(_full_incident(service, tmp_path))
    service.extract_evidence(sealed.record["evidence"][0]["sha256"], tmp_path / "out.jpg")
    actions = [a["action"] for a in service.activity()]
    assert actions == ["extract", "seal"]
