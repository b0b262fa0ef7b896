"""One device seals two amendments of the same record (a fork: a cloned or restored vault, or
a hostile device hedging). Both are kept and shown; no export picks one silently."""

from __future__ import annotations

import json

import pytest

from fieldkit.domain.amendments import RevisionForkError
from fieldkit.export.selection import select_records

from .amend_helpers import body_of, export_and_verify, fieldkit, forge, seal_incident, staff_closed
from .conftest import Field


def _fork(f: Field) -> tuple[str, str, str]:
    a1 = seal_incident(f.alice, "Shop window smashed FKFORK0")
    branches = []
    for tag in ("FKFORKA", "FKFORKB"):
        body = body_of(f.alice, a1)
        body["title"] = f"Shop window smashed {tag}"
        branches.append(forge(f.alice, record=body, prev=a1))
    f.alice.sync()
    f.staff.sync()
    return a1, branches[0], branches[1]


def test_amend_fork_is_kept_shown_and_refused_by_exports(field: Field) -> None:
    """Threat: a device (cloned, restored from backup, or hostile) seals two different
    amendments of one record, and an export silently shows whichever the vault met first.
    Stopped by: both revisions stay current and are shown as a fork; every export selection
    (by filter, by uid, by the old record's id) raises RevisionForkError naming the incident
    and both record ids, and only naming one revision's own id chooses it."""
    f = field
    a1, b1, b2 = _fork(f)
    svc = f.staff.service
    current = {v.record_id for v in svc.list_incidents(state="sealed")}
    assert {b1, b2} <= current and a1 not in current
    assert svc.forked_ids([b1, b2, a1]) == {b1, b2}
    uid = svc.get(b1).uid
    for ids in (None, [uid], [a1]):
        with pytest.raises(RevisionForkError) as err:
            select_records(svc, ids=ids, selection=None, audience="internal")
        assert err.value.details["record_ids"] == sorted([b1, b2])
        assert uid in err.value.message and err.value.hint
    assert [s.record_id for s in select_records(svc, ids=[b2], selection=None,
                                                audience="internal")] == [b2]
    with staff_closed(f):
        shown = json.loads(fieldkit(f, "show", b1, "--json").stdout)
        assert shown["fork"]["record_ids"] == sorted([b1, b2])
        listed = fieldkit(f, "incident", "list").stdout
        assert listed.count("[FORK]") == 2
        proc = fieldkit(f, "export", "dossier", "--audience", "internal", "--language", "en",
                        "--out", str(f.tmp / "refused.pdf"), "--json")
        assert proc.returncode != 0
        error = json.loads(proc.stdout)["error"]
        assert error["code"] == "revision_fork"
        assert error["details"]["record_ids"] == sorted([b1, b2]) and error["hint"]
        assert not (f.tmp / "refused.pdf").exists()
        for fmt in ("csv", "json"):
            proc = fieldkit(f, "export", fmt, "--audience", "internal", "--out",
                            str(f.tmp / f"refused.{fmt}"), "--json")
            assert proc.returncode != 0 and "revision_fork" in proc.stdout
        text, _ = export_and_verify(f, b2)
        assert "FKFORKB" in text and "FKFORKA" not in text
