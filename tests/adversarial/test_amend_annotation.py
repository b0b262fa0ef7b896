"""Staff correct a record they did not seal by annotating it: a sealed record of its own kind,
shown beside the record, never replacing it, and carried in the dossier and the bundle."""

from __future__ import annotations

import json
import zipfile

import pytest

from fieldkit.domain import amendments as amd
from fieldkit.errors import SealedRecordError
from fieldkit.storage.vault import now_iso

from .amend_helpers import export_and_verify, fieldkit, forge, seal_incident, show, staff_closed
from .conftest import Field


def test_amend_staff_cannot_amend_a_monitors_record_only_annotate(field: Field) -> None:
    """Threat: a staff vault (or anyone holding a staff key) "corrects" a monitor's sealed
    record by amending it, and the correction replaces the monitor's words in exports.
    Stopped by: amend refuses another device's record (SealedRecordError pointing to
    annotate); an annotation is its own record kind, sealed by the staff device, shown beside
    the record in show, the dossier and the bundle, which `fieldkit verify` still accepts."""
    f = field
    a1 = seal_incident(f.alice, "Headscarf ban at school FKNOTE1", confidentiality="partners")
    f.alice.sync()
    f.staff.sync()
    svc = f.staff.service
    with pytest.raises(SealedRecordError) as err:
        svc.amend(a1, title="changed by staff")
    assert "annotate" in (err.value.hint or "")
    note = svc.annotate(a1, text="Date confirmed with the school FKSTAFFNOTE2")
    hidden = svc.annotate(a1, text="internal only FKSECRET3", confidentiality="internal")
    public = svc.annotate(a1, text="partners may read FKPARTNER4", confidentiality="partners")
    assert note.kind == "annotation" and note.prev is None
    assert svc.get(a1).superseded_by is None
    assert [v.record_id for v in svc.list_incidents()] == [a1]
    assert len(svc.annotations_for(svc.get(a1))) == 3
    assert svc.check().ok
    with staff_closed(f):
        made = fieldkit(f, "annotate", a1[:16], "--text", "by the command FKCLINOTE7", "--json")
        assert made.returncode == 0, made.stdout + made.stderr
        by_cli = json.loads(made.stdout)
        assert by_cli["annotates"] == a1
        shown = show(f, a1)
        assert {a["record_id"] for a in shown["annotations"]} == {
            note.record_id, hidden.record_id, public.record_id, by_cli["record_id"]}
        assert shown["superseded_by"] is None
        text, bundle = export_and_verify(f)
        assert "FKNOTE1" in text and "FKSTAFFNOTE2" in text and "FKCLINOTE7" in text
        names = zipfile.ZipFile(bundle).namelist()
        assert f"envelopes/{note.record_id}.json" in names
        # a partners dossier carries only the notes cleared for partners
        text, bundle = export_and_verify(f, audience="partners")
        assert "FKNOTE1" in text and "FKPARTNER4" in text
        assert "FKSECRET3" not in text and "FKSTAFFNOTE2" not in text
        names = zipfile.ZipFile(bundle).namelist()
        assert f"envelopes/{public.record_id}.json" in names
        assert f"envelopes/{hidden.record_id}.json" not in names


def test_amend_monitor_annotation_passes_registry_ingest_and_never_replaces(
        field: Field) -> None:
    """Threat: a hostile monitor uses the new annotation kind to replace another monitor's
    record in staff vaults, or to print its own words into that record's dossier. Stopped
    by: the registry accepts the kind at ingest (a sealed record like any other) but the
    staff vault keeps it only beside the record it names (the record stays current and
    unchanged), and exports carry only notes by the exporting device or the record's own."""
    f = field
    a1 = seal_incident(f.alice, "Mosque permit refused FKNOTE5")
    f.alice.sync()
    f.staff.sync()
    body = f.staff.service.get(a1)
    rid = forge(f.mallory, kind="annotation", prev=None, record=amd.new_annotation(
        target=a1, target_uid=body.uid, target_device=f.alice.vault.device_key.verify_key.key_id,
        text="this never happened FKMALNOTE6", at=now_iso()))
    pushed = f.mallory.sync()
    assert pushed.receipts == 1
    f.staff.sync()
    svc = f.staff.service
    assert svc.get(a1).superseded_by is None and svc.get(a1).body == body.body
    assert [a["record_id"] for a in svc.annotations_for(svc.get(a1))] == [rid]
    with staff_closed(f):  # shown in the vault, never printed into alice's dossier
        assert [a["record_id"] for a in show(f, a1)["annotations"]] == [rid]
        text, bundle = export_and_verify(f)
        assert "FKNOTE5" in text and "FKMALNOTE6" not in text
        assert f"envelopes/{rid}.json" not in zipfile.ZipFile(bundle).namelist()
