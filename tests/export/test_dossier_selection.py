"""Selecting incidents for an export: ids, filters, audience, drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldkit.errors import IntegrityError, NotFoundError, ValidationError
from fieldkit.export.selection import Selection, select_records
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault

from .conftest import NAMED, PASS, DemoVault, build_demo, internal_testimonies


def test_all_sealed_incidents_for_internal(demo_vault: DemoVault) -> None:
    got = select_records(demo_vault.service, ids=None, selection=None, audience="internal")
    assert len(got) == len(demo_vault.views)
    assert [g.view.occurred for g in got] == sorted(g.view.occurred for g in got)
    for g in got:
        assert g.sealed.record == g.record  # internal: unchanged, and verified


def test_partners_never_see_internal_incidents_or_testimonies(demo_vault: DemoVault) -> None:
    got = select_records(demo_vault.service, ids=None, selection=None, audience="partners")
    assert all(g.sealed.record["confidentiality"] != "internal" for g in got)
    dump = repr([g.record for g in got])
    for text in internal_testimonies():
        assert text not in dump
    for _key, _pseudonym, name, contact in NAMED:
        assert name not in dump and contact not in dump


def test_ids_by_prefix_and_uid_in_given_order(demo_vault: DemoVault) -> None:
    a, b = demo_vault.views[2], demo_vault.views[0]
    assert a.record_id and b.record_id
    got = select_records(demo_vault.service, ids=[a.record_id[:10], b.uid, a.record_id],
                         selection=None, audience="internal")
    assert [g.record_id for g in got] == [a.record_id, b.record_id]


def test_an_explicit_id_the_audience_may_not_see_is_an_error(demo_vault: DemoVault) -> None:
    internal = demo_vault.by_key("threat-letters")
    with pytest.raises(ValidationError, match="may not go to"):
        select_records(demo_vault.service, ids=[str(internal.record_id)], selection=None,
                       audience="public")


def test_filters(demo_vault: DemoVault) -> None:
    svc = demo_vault.service
    fr = select_records(svc, ids=None, selection=Selection(country="fr"), audience="internal")
    assert {g.view.country for g in fr} == {"FR"}
    hc = select_records(svc, ids=None, selection=Selection(category="hate_crime"),
                        audience="internal")
    assert hc and all(g.view.category.startswith("hate_crime.") for g in hc)
    with pytest.raises(NotFoundError):
        select_records(svc, ids=None, selection=Selection(date_from="2099"),
                       audience="internal")


@pytest.mark.parametrize("sel,error", [
    (Selection(date_from="last week"), ValidationError),
    (Selection(date_from="2026-03", date_to="2026-01"), ValidationError),
    (Selection(country="France"), ValidationError),
    (Selection(category="no_such.category"), NotFoundError),
])
def test_bad_filters_are_typed_errors(demo_vault: DemoVault, sel: Selection,
                                      error: type[Exception]) -> None:
    with pytest.raises(error):
        select_records(demo_vault.service, ids=None, selection=sel, audience="internal")


def test_drafts_unknown_ids_and_audiences(demo_vault: DemoVault) -> None:
    svc = demo_vault.service
    draft = svc.create_incident(title="draft only", category="hate_crime.threats",
                                occurred="2026-01-02", country="DE")
    with pytest.raises(ValidationError, match="is a draft: seal it first"):
        select_records(svc, ids=[str(draft.draft_id)], selection=None, audience="internal")
    with pytest.raises(NotFoundError):
        select_records(svc, ids=["ffffffffffff"], selection=None, audience="internal")
    with pytest.raises(ValidationError):
        select_records(svc, ids=None, selection=None, audience="world")


def test_exports_render_the_sealed_record_not_the_working_copy(tmp_path: Path) -> None:
    """A row edited behind the vault's back changes nothing exported; a damaged seal stops
    the export (fail closed)."""
    vault, _ = Vault.create(tmp_path / "v", PASS)
    svc = VaultService(vault)
    views = build_demo(svc)
    target = views[2]
    with svc.vault.write() as conn:  # someone with the key, past the append-only triggers
        conn.execute("DROP TRIGGER incidents_sealed_frozen")
        conn.execute("DROP TRIGGER sealed_no_update")
        body = dict(target.body, title="FORGED TITLE")
        conn.execute("UPDATE incidents SET body = ?, title = ? WHERE rowid = ?",
                     (json.dumps(body), "FORGED TITLE", target.rowid))
    got = select_records(svc, ids=[str(target.record_id)], selection=None, audience="internal")
    assert got[0].record["title"] == target.body["title"] != "FORGED TITLE"
    with svc.vault.write() as conn:
        env = bytearray(conn.execute("SELECT envelope FROM sealed WHERE record_id = ?",
                                     (target.record_id,)).fetchone()[0])
        env[len(env) // 2] ^= 0x01
        conn.execute("UPDATE sealed SET envelope = ? WHERE record_id = ?",
                     (bytes(env), target.record_id))
    with pytest.raises(IntegrityError):
        select_records(svc, ids=[str(target.record_id)], selection=None, audience="internal")
    vault.lock()
