"""Bundles written from real vaults (one that pushed to a live registry, the staff vault that
pulled from it, one never synced) verify; audiences never leak; deeper checks catch an
insider who re-signs the manifest after tampering."""

from __future__ import annotations

import base64
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit.crypto.jcs import canonicalize
from fieldkit.domain import sealing
from fieldkit.errors import CancelledError, ValidationError
from fieldkit.export.audience import incident_allowed
from fieldkit.export.bundle import BundlePlan, plan_bundle, write_bundle
from fieldkit.export.verify import (
    BundleChainError,
    BundleProofError,
    BundleRecordError,
    BundleSignatureError,
    DossierMismatchError,
    MemberDigestError,
    UnanchoredBundleError,
    UnknownMemberError,
    check_bundle,
    verify_bundle,
)
from fieldkit.progress import CancelToken
from fieldkit.service import VaultService
from fieldkit.sync.protocol import record_entry

from .bundletools import all_text, payload, read_members, resign, rewrite
from .conftest import NAMED, DemoVault, SyncedDemo, internal_testimonies


def allowed(service: VaultService, ids: list[str], audience: str) -> list[str]:
    return [r for r in ids if incident_allowed(service.sealed_record(r).record, audience)]


@dataclass
class Made:
    path: Path
    pdf: Path
    plan: BundlePlan
    service: VaultService


def make(service: VaultService, ids: list[str], out: Path, *, audience: str,
         include_files: bool = True) -> Made:
    plan = plan_bundle(service, allowed(service, ids, audience), audience=audience,
                       include_files=include_files)
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"dossier-{audience}.pdf"
    pdf.write_bytes(b"%PDF-1.7 stand-in for the dossier of " + audience.encode())
    path = out / f"bundle-{audience}.zip"
    write_bundle(plan, path, dossier_pdf=pdf, signer=service.vault.device_key)
    return Made(path, pdf, plan, service)


@pytest.fixture(scope="module")
def bundles(synced_demo: SyncedDemo, tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, Made]:
    out = tmp_path_factory.mktemp("bundles")
    made = {a: make(synced_demo.monitor, synced_demo.record_ids, out / a, audience=a)
            for a in ("internal", "partners", "public")}
    made["staff"] = make(synced_demo.staff, synced_demo.record_ids, out / "staff",
                         audience="partners")
    return made


# --- fresh bundles verify -------------------------------------------------------------------

@pytest.mark.parametrize("which", ["internal", "partners", "public", "staff"])
def test_fresh_bundle_verifies(bundles: dict[str, Made], which: str) -> None:
    made = bundles[which]
    report = verify_bundle(made.path)
    assert report.ok and not report.problems
    assert report.contents_digest == made.plan.contents_digest
    assert {r.record_id for r in report.records} == set(made.plan.record_ids)
    # every record was pushed, so every one carries a verified receipt
    assert report.receipts_verified == len(report.records) > 0
    assert all(r.log_index is not None for r in report.records)
    assert report.log_origin and report.log_fingerprint
    assert report.files_verified == sum(f.included for f in made.plan.files) > 0
    assert report.dossier.startswith(made.pdf.name + " verified")  # found beside the bundle
    assert report.exporter == made.service.vault.device_key.verify_key.key_id


def test_staff_bundle_carries_both_devices(bundles: dict[str, Made],
                                           synced_demo: SyncedDemo) -> None:
    report = verify_bundle(bundles["staff"].path)
    monitor = synced_demo.monitor.vault.device_key.verify_key.key_id
    staff = synced_demo.staff.vault.device_key.verify_key.key_id
    assert {d.key_id for d in report.devices} == {monitor, staff}
    assert {r.device for r in report.records} == {monitor}
    assert report.exporter == staff


def test_enrolments_of_devices_are_proven(bundles: dict[str, Made]) -> None:
    report = verify_bundle(bundles["internal"].path)
    names = read_members(bundles["internal"].path)
    if not any(n.startswith("enrolments/") for n in names):
        pytest.skip("this vault holds no enrolment entries yet (provenance not synced)")
    assert all(d.enrol_index is not None and d.role == "monitor" for d in report.devices)


def test_plan_matches_what_is_written(bundles: dict[str, Made]) -> None:
    made = bundles["partners"]
    members = read_members(made.path)
    manifest = json.loads(members["manifest.json"])
    assert manifest["contents_digest"] == made.plan.contents_digest
    assert manifest["audience"] == "partners"
    assert manifest["dossier"]["name"] == made.pdf.name
    assert [r["record_id"] for r in manifest["records"]] == made.plan.record_ids
    for r in made.plan.records:
        assert r.signer_fingerprint and r.log_index is not None
        assert (r.member in members) and r.member.startswith(
            "redactions/" if r.redacted else "envelopes/")


# --- audiences ------------------------------------------------------------------------------

@pytest.mark.parametrize("audience", ["partners", "public"])
def test_wider_audience_bundle_leaks_nothing(bundles: dict[str, Made], audience: str) -> None:
    text = all_text(bundles[audience].path)
    for t in internal_testimonies():
        assert t not in text
    for _key, _pseudonym, name, contact in NAMED:
        assert name not in text and contact not in text
    # Nothing the monitor sealed with removed parts travels as its original envelope.
    members = read_members(bundles[audience].path)
    for r in bundles[audience].plan.records:
        if r.redacted:
            assert f"envelopes/{r.record_id}.json" not in members
            st = payload(members[r.member])
            assert st["removed"] and st["audience"] == audience


def test_internal_bundle_holds_what_the_others_withhold(bundles: dict[str, Made]) -> None:
    """The leak test above can fail: the same search finds the text in an internal bundle."""
    text = all_text(bundles["internal"].path)
    assert all(t in text for t in internal_testimonies())
    assert all(name in text for _k, _p, name, _c in NAMED)


def test_redaction_statement_ties_to_the_logged_original(bundles: dict[str, Made]) -> None:
    made = bundles["partners"]
    members = read_members(made.path)
    r = next(r for r in made.plan.records if r.redacted)
    st = payload(members[r.member])
    receipt = json.loads(members[f"receipts/{r.record_id}.json"])
    leaf = json.loads(base64.b64decode(receipt["leaf"]))
    source = st["source"]
    assert isinstance(source, dict)
    assert leaf == {"type": "record", "record_id": r.record_id, "device": source["device"],
                    "seq": source["seq"], "kind": source["kind"]}


# --- options, atomicity ---------------------------------------------------------------------

def test_hashes_only_bundle(synced_demo: SyncedDemo, tmp_path: Path) -> None:
    made = make(synced_demo.monitor, synced_demo.record_ids, tmp_path, audience="internal",
                include_files=False)
    assert not any(n.startswith("files/") for n in read_members(made.path))
    report = verify_bundle(made.path)
    assert report.files_verified == 0 and report.files_by_hash_only == len(made.plan.files) > 0


def test_unsynced_vault_bundle_verifies_and_says_so(demo_vault: DemoVault,
                                                    tmp_path: Path) -> None:
    """A bundle without log data fails closed; with ``unanchored`` it verifies and the report
    says first that nothing ties it to a log (ADR 0018)."""
    ids = [str(v.record_id) for v in demo_vault.views]
    made = make(demo_vault.service, ids, tmp_path, audience="partners")
    with pytest.raises(UnanchoredBundleError):
        verify_bundle(made.path)
    report = verify_bundle(made.path, unanchored=True)
    assert report.log_origin is None and report.receipts_verified == 0
    assert report.render().startswith("UNANCHORED: nothing ties this bundle to a registry log")
    assert "never synced" in report.render()
    names = read_members(made.path)
    assert not any(n.startswith(("receipts/", "checkpoints/", "log/")) for n in names)


def test_cancel_leaves_nothing(synced_demo: SyncedDemo, tmp_path: Path) -> None:
    service = synced_demo.monitor
    plan = plan_bundle(service, synced_demo.record_ids, audience="internal")
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(done)
        if len(seen) == 3:
            token.cancel()

    with pytest.raises(CancelledError):
        write_bundle(plan, tmp_path / "b.zip", dossier_pdf=None,
                     signer=service.vault.device_key, progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_only_the_planning_device_may_sign(synced_demo: SyncedDemo, tmp_path: Path) -> None:
    plan = plan_bundle(synced_demo.monitor, synced_demo.record_ids[:1], audience="internal")
    with pytest.raises(ValidationError):
        write_bundle(plan, tmp_path / "b.zip", dossier_pdf=None,
                     signer=synced_demo.staff.vault.device_key)
    assert list(tmp_path.iterdir()) == []


def test_bundle_refuses_an_incident_the_audience_may_not_see(synced_demo: SyncedDemo) -> None:
    hidden = [r for r in synced_demo.record_ids
              if not incident_allowed(synced_demo.monitor.sealed_record(r).record, "public")]
    assert hidden
    with pytest.raises(ValidationError):
        plan_bundle(synced_demo.monitor, hidden[:1], audience="public")


# --- the dossier ----------------------------------------------------------------------------

def test_dossier_given_and_changed(bundles: dict[str, Made], tmp_path: Path) -> None:
    made = bundles["internal"]
    assert verify_bundle(made.path, dossier=made.pdf).dossier.startswith(made.pdf.name)
    other = tmp_path / made.pdf.name
    other.write_bytes(made.pdf.read_bytes() + b" ")
    with pytest.raises(DossierMismatchError) as e:
        verify_bundle(made.path, dossier=other)
    assert made.pdf.name in str(e.value)


def test_dossier_beside_the_bundle_is_checked(bundles: dict[str, Made], tmp_path: Path) -> None:
    made = bundles["public"]
    copy = tmp_path / made.path.name
    copy.write_bytes(made.path.read_bytes())
    assert verify_bundle(copy).dossier.startswith("not checked")
    (tmp_path / made.pdf.name).write_bytes(b"%PDF-1.7 another dossier")
    with pytest.raises(DossierMismatchError):
        verify_bundle(copy)


def test_log_key_pinning(bundles: dict[str, Made], synced_demo: SyncedDemo) -> None:
    made = bundles["internal"]
    vkey = made.plan.log_identity.vkey if made.plan.log_identity else ""
    assert verify_bundle(made.path, log_key=vkey).log_key_pinned
    from fieldkit.crypto.keys import SigningKey
    from fieldkit.sync.checkpoint import NoteSigner

    other = NoteSigner(vkey.split("+")[0], SigningKey.generate()).vkey
    with pytest.raises(BundleSignatureError) as e:
        verify_bundle(made.path, log_key=other)
    assert "log/key.vkey" in str(e.value)


# --- swapping and insiders --------------------------------------------------------------------

def _two_envelopes(members: dict[str, bytes]) -> tuple[str, str]:
    names = sorted(n for n in members if n.startswith("envelopes/"))
    return names[0], names[1]


def test_swapped_envelopes_fail(bundles: dict[str, Made], tmp_path: Path) -> None:
    src = bundles["internal"].path

    def swap(m: dict[str, bytes]) -> None:
        a, b = _two_envelopes(m)
        m[a], m[b] = m[b], m[a]

    with pytest.raises(MemberDigestError) as e:
        verify_bundle(rewrite(src, tmp_path / "swapped.zip", swap))
    a, b = _two_envelopes(read_members(src))
    assert e.value.member in (a, b)
    # An insider who re-signs the manifest: the names no longer hash to the records.
    key = bundles["internal"].service.vault.device_key
    with pytest.raises(BundleRecordError) as e2:
        verify_bundle(resign(src, tmp_path / "swapped-signed.zip", key, swap))
    assert e2.value.member in (a, b) and "swapped" in e2.value.message


def test_insider_bad_inclusion_proof(bundles: dict[str, Made], tmp_path: Path) -> None:
    made = bundles["internal"]
    name = sorted(n for n in read_members(made.path) if n.startswith("receipts/"))[0]

    def corrupt(m: dict[str, bytes]) -> None:
        r = json.loads(m[name])
        if r["inclusion_proof"]:
            h = bytearray(base64.b64decode(r["inclusion_proof"][0]))
            h[0] ^= 1
            r["inclusion_proof"][0] = base64.b64encode(bytes(h)).decode()
        else:
            r["log_index"] += 1
        m[name] = canonicalize(r)

    with pytest.raises(BundleProofError) as e:
        verify_bundle(resign(made.path, tmp_path / "b.zip", made.service.vault.device_key,
                             corrupt))
    assert e.value.member == name


def test_insider_receipt_of_another_record(bundles: dict[str, Made], tmp_path: Path) -> None:
    made = bundles["internal"]
    names = sorted(n for n in read_members(made.path) if n.startswith("receipts/"))

    def swap(m: dict[str, bytes]) -> None:
        m[names[0]], m[names[1]] = m[names[1]], m[names[0]]

    with pytest.raises(BundleProofError) as e:
        verify_bundle(resign(made.path, tmp_path / "b.zip", made.service.vault.device_key,
                             swap))
    assert e.value.member in names[:2]


def test_insider_wrong_leaf_device(bundles: dict[str, Made], tmp_path: Path) -> None:
    """A receipt whose leaf names the record but another sequence number does not tie."""
    made = bundles["internal"]
    rec = made.plan.records[0]
    name = f"receipts/{rec.record_id}.json"
    members = read_members(made.path)
    good = json.loads(members[name])
    leaf = record_entry(record_id=rec.record_id, device=rec.device, seq=rec.seq + 1000,
                        kind=rec.kind)
    assert base64.b64decode(good["leaf"]) != leaf
    # (the inclusion proof then fails first: the log never held that leaf)

    def change(m: dict[str, bytes]) -> None:
        r = json.loads(m[name])
        r["leaf"] = base64.b64encode(leaf).decode()
        m[name] = canonicalize(r)

    with pytest.raises((BundleProofError, BundleRecordError)) as e:
        verify_bundle(resign(made.path, tmp_path / "b.zip", made.service.vault.device_key,
                             change))
    assert e.value.member == name


def test_insider_extra_member_named_in_manifest(bundles: dict[str, Made],
                                                tmp_path: Path) -> None:
    made = bundles["internal"]

    def add(m: dict[str, bytes]) -> None:
        m["files/" + "ab" * 32] = b"not named by any record"

    with pytest.raises(UnknownMemberError) as e:
        verify_bundle(resign(made.path, tmp_path / "b.zip", made.service.vault.device_key,
                             add))
    assert e.value.member == "files/" + "ab" * 32


def test_insider_broken_chain(bundles: dict[str, Made], tmp_path: Path) -> None:
    """A validly signed record that claims the next sequence number but links elsewhere."""
    made = bundles["internal"]
    key = made.service.vault.device_key
    last = max((r for r in made.plan.records if not r.redacted), key=lambda r: r.seq)
    forged = sealing.seal(kind="custody", record={"schema": "fieldkit.custody/1",
                                                  "sha256": "00" * 32, "at": "2026-01-01",
                                                  "actor": key.verify_key.key_id,
                                                  "action": "forged", "note": ""},
                          key=key, seq=last.seq + 1, chain_prev="ff" * 32, prev=None,
                          sealed_at="2026-12-01T00:00:00Z")
    member = f"envelopes/{forged.record_id}.json"

    def add(m: dict[str, bytes]) -> None:
        m[member] = forged.envelope.to_bytes()

    def list_it(manifest: dict[str, object]) -> None:
        records = manifest["records"]
        assert isinstance(records, list)
        records.append({"record_id": forged.record_id, "kind": "custody",
                        "device": forged.device, "seq": forged.seq, "log_index": None,
                        "redacted": False, "member": member})

    with pytest.raises(BundleChainError) as e:  # unanchored: the forged record has no receipt
        verify_bundle(resign(made.path, tmp_path / "b.zip", key, add, manifest_change=list_it),
                      unanchored=True)
    assert e.value.member == member


def test_non_consecutive_records_are_said_plainly(bundles: dict[str, Made]) -> None:
    report = verify_bundle(bundles["partners"].path)
    seqs = sorted(r.seq for r in report.records)
    if seqs == list(range(seqs[0], seqs[0] + len(seqs))):
        pytest.skip("the partners selection happens to be consecutive")
    assert any("not consecutive" in n for n in report.notes)


def test_report_collects_every_problem(bundles: dict[str, Made], tmp_path: Path) -> None:
    src = bundles["internal"].path

    def damage(m: dict[str, bytes]) -> None:
        for n in sorted(n for n in m if n.startswith("files/"))[:2]:
            m[n] = m[n] + b"x"

    report = check_bundle(rewrite(src, tmp_path / "b.zip", damage))
    assert not report.ok
    assert len({p.member for p in report.problems}) >= 2
    text = report.render()
    assert "FAILED" in text and all(str(p.member) in text for p in report.problems)


def test_zip_written_is_plain(bundles: dict[str, Made]) -> None:
    """Regular files only, attachments stored as is, nothing outside the layout."""
    with zipfile.ZipFile(bundles["internal"].path) as zf:
        for info in zf.infolist():
            assert not info.is_dir() and info.external_attr >> 16 & 0o170000 == 0o100000
            if info.filename.startswith("files/"):
                assert info.compress_type == zipfile.ZIP_STORED


# --- custody events, dossier names ----------------------------------------------------------

@pytest.fixture
def small(tmp_path: Path) -> VaultService:
    """One sealed incident with a photo, then two custody events sealed after it."""
    from fieldkit.storage.vault import Vault

    from .conftest import PASS

    vault, _ = Vault.create(tmp_path / "vault", PASS)
    service = VaultService(vault)
    photo = tmp_path / "door.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg " * 100)
    view = service.create_incident(title="Door burnt", category="hate_crime.vandalism",
                                   occurred="2026-03-10", country="FR",
                                   confidentiality="public")
    service.add_evidence(view.ref, photo, description="the door")
    service.seal(view.ref)
    sha = service.get(view.ref).body["evidence"][0]["sha256"]
    service.add_custody_event(sha, action="copied-to-usb", note="for the lawyer")
    service.add_custody_event(sha, action="handed-over", note="to the court clerk")
    return service


def test_custody_events_travel_with_their_evidence(small: VaultService, tmp_path: Path) -> None:
    incident = small.list_incidents(state="sealed")[0]
    made = make(small, [str(incident.record_id)], tmp_path / "out", audience="public")
    kinds = [(r.kind, r.seq) for r in made.plan.records]
    assert kinds == [("incident", 1), ("custody", 2), ("custody", 3)]
    report = verify_bundle(made.path, unanchored=True)  # never synced
    assert not any("not consecutive" in n for n in report.notes)
    assert report.files_verified == 1
    without = plan_bundle(small, [str(incident.record_id)], audience="public",
                          include_custody=False)
    assert [r.kind for r in without.records] == ["incident"]


def test_custody_notes_stay_out_of_wider_audiences(small: VaultService, tmp_path: Path) -> None:
    """A custody note is free text that may name people: internal bundles carry the sealed
    event as it is; partners/public bundles carry a redaction statement without the note."""
    incident = small.list_incidents(state="sealed")[0]
    for audience, present in (("internal", True), ("partners", False), ("public", False)):
        made = make(small, [str(incident.record_id)], tmp_path / audience, audience=audience)
        custody = [r for r in made.plan.records if r.kind == "custody"]
        assert [r.redacted for r in custody] == [not present] * 2
        verify_bundle(made.path, unanchored=True)  # never synced
        assert ("to the court clerk" in all_text(made.path)) is present, audience


def test_dossier_named_by_its_destination(small: VaultService, tmp_path: Path) -> None:
    """export_dossier renders the PDF to '.NAME.XXXXXXXX.part' beside its destination; the
    manifest names the destination. An explicit dossier_name wins."""
    incident = small.list_incidents(state="sealed")[0]
    plan = plan_bundle(small, [str(incident.record_id)], audience="internal")
    part = tmp_path / ".dossier-en.pdf.ab_12xyz.part"
    part.write_bytes(b"%PDF-1.7")
    write_bundle(plan, tmp_path / "a.zip", dossier_pdf=part, signer=small.vault.device_key)
    assert json.loads(read_members(tmp_path / "a.zip")["manifest.json"])["dossier"]["name"] \
        == "dossier-en.pdf"
    write_bundle(plan, tmp_path / "b.zip", dossier_pdf=part, signer=small.vault.device_key,
                 dossier_name="final.pdf")
    assert json.loads(read_members(tmp_path / "b.zip")["manifest.json"])["dossier"]["name"] \
        == "final.pdf"


def test_a_revoked_device_shows_in_the_bundle(tmp_path: Path) -> None:
    """The monitor is revoked after its record was logged: the staff's bundle carries the
    proven revocation, the record still verifies, and the report says so."""
    from registry.harness import LiveRegistry

    from fieldkit.storage.vault import Vault
    from fieldkit.sync.client import SyncClient

    from .conftest import PASS

    live = LiveRegistry.create(tmp_path / "registry")
    try:
        admin = live.enroll("admin")

        def code(role: str) -> str:
            return str(admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

        staff = SyncClient(VaultService(Vault.create(tmp_path / "staff", PASS)[0]))
        admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
        monitor = SyncClient(VaultService(Vault.create(tmp_path / "monitor", PASS)[0]))
        staff.enroll(code("staff"))
        monitor.enroll(code("monitor"))
        view = monitor.service.create_incident(title="Graffiti", category="hate_crime.vandalism",
                                               occurred="2026-03-10", country="FR",
                                               confidentiality="public")
        rid = monitor.service.seal(view.ref).record_id
        monitor.sync()
        staff.sync()
        monitor_id = monitor.service.vault.device_key.verify_key.key_id
        admin.client.post_json(f"/v1/admin/devices/{monitor_id}/revoke", {})
        staff.refresh_enrolments(force=True)
        made = make(staff.service, [rid], tmp_path / "out", audience="internal")
        enrolment = json.loads(read_members(made.path)[
            f"enrolments/{monitor_id.split(':')[1]}.json"])
        assert enrolment["revocation"]["log_index"] is not None
        report = verify_bundle(made.path)
        device = next(d for d in report.devices if d.key_id == monitor_id)
        assert device.revoked_at and device.enrol_index is not None
        assert any("revoked" in n for n in report.notes)
        # A revocation whose proof does not hold is refused, naming the enrolment member.
        name = f"enrolments/{monitor_id.split(':')[1]}.json"

        def break_it(m: dict[str, bytes]) -> None:
            e = json.loads(m[name])
            e["revocation"]["log_index"] += 1
            m[name] = canonicalize(e)

        with pytest.raises(BundleProofError) as err:
            verify_bundle(resign(made.path, tmp_path / "bad.zip", staff.service.vault.device_key,
                                 break_it))
        assert err.value.member == name
        for c in (staff, monitor):
            c.service.vault.lock()
    finally:
        live.close()
