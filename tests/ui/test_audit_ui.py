"""The Audit page on an administrator's vault against a real registry: rows appear when the
page is shown, filters narrow them, paging goes forward and back, CSV export writes a file
that parses; the local sync log and the checkpoint status (which fails closed when the stored
checkpoint no longer verifies)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fieldkit.errors import ValidationError
from fieldkit.sync.transport import RegistryClient, RegistryError
from fieldkit.ui.audit import AuditPage
from fieldkit.ui.context import AppContext

from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World

WAIT = 60_000


def _ids(page: AuditPage) -> list[int]:
    return [int(page.table.item(r, 0).text()) for r in range(page.table.rowCount())]


def _column(page: AuditPage, col: int) -> set[str]:
    return {page.table.item(r, col).text() for r in range(page.table.rowCount())}


def _loaded(qtbot: QtBot, page: AuditPage) -> None:
    qtbot.waitUntil(lambda: page._loading is None and page.page is not None, timeout=WAIT)


def _refused_request(world: World) -> str:
    """A monitor asking for the device list: refused, and audited."""
    monitor = world.monitor
    reg = monitor.registry()
    assert reg is not None
    with RegistryClient(reg.url, cert_pem=reg.cert_pem, key=monitor.vault.device_key) as c, \
            pytest.raises(RegistryError):
        c.get_json("/v1/admin/devices")
    return reg.key_id


def test_audit_rows_filters_paging_and_export(qtbot: QtBot, admin_ctx: AppContext,
                                              world: World, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monitor_id = _refused_request(world)
    page = AuditPage(admin_ctx)
    qtbot.addWidget(page)
    page.page_size = 5
    assert page.page is None and page._loading is None  # lazy: nothing fetched while hidden
    page.show()
    _loaded(qtbot, page)

    # rows and paging
    first = _ids(page)
    assert len(first) == 5 and first == sorted(first)
    assert page.page_label.text() == "Page 1" and not page.prev_button.isEnabled()
    assert page.next_button.isEnabled()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    second = _ids(page)
    assert page.page_label.text() == "Page 2" and second[0] > first[-1]
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    assert _ids(page) == first and page.page_label.text() == "Page 1"

    # filters: outcome and device (the device list comes from the registry)
    page.page_size = 100
    page.outcome_filter.setCurrentIndex(page.outcome_filter.findData("refused"))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    assert _column(page, 5) == {"refused"} and "admin.devices" in _column(page, 4)
    index = page.device_filter.findData(monitor_id)
    assert index > 0 and "field laptop" in page.device_filter.itemText(index)
    page.device_filter.setCurrentIndex(index)
    page.outcome_filter.setCurrentIndex(0)
    page.action_filter.setCurrentIndex(page.action_filter.findData("enroll"))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    assert page.table.rowCount() == 1 and _column(page, 4) == {"enroll"}
    assert page.table.item(0, 2).toolTip() == monitor_id
    assert not page.next_button.isEnabled() and page.page_label.text() == "Page 1"

    # date range (UTC days): tomorrow onwards has nothing; a reversed range is explained
    page.action_filter.setCurrentIndex(0)
    page.device_filter.setCurrentIndex(0)
    page.since_check.setChecked(True)
    page.since_edit.setDate(QDate.currentDate().addDays(2))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    assert page.table.rowCount() == 0
    assert page.status_label.text() == "No events match these filters."
    page.until_check.setChecked(True)
    page.until_edit.setDate(QDate.currentDate().addDays(-2))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.error, ValidationError)
    assert page.status_label.text().startswith("The period ends")
    page.since_edit.setDate(QDate.currentDate().addDays(-1))
    page.until_edit.setDate(QDate.currentDate().addDays(1))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    assert page.table.rowCount() > 5

    # export: the page on screen, then every matching event
    page.since_check.setChecked(False)
    page.until_check.setChecked(False)
    page.action_filter.setCurrentIndex(page.action_filter.findData("enroll"))
    page.page_size = 2
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, page)
    shown = _ids(page)
    assert len(shown) == 2
    out = tmp_path / "page.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(page.export_page_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._export is None, timeout=WAIT)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [int(r["id"]) for r in rows] == shown and {r["action"] for r in rows} == {"enroll"}
    assert page.status_label.text() == f"Saved 2 events to {out}."

    out_all = tmp_path / "all.csv"
    page.export_csv(out_all, whole=True)
    qtbot.waitUntil(lambda: page._export is None, timeout=WAIT)
    every = list(csv.DictReader(out_all.open(encoding="utf-8")))
    # enrolments: the admin device, staff, monitor and this vault
    assert len(every) >= 4 and {r["action"] for r in every} == {"enroll"}
    assert monitor_id in {r["device"] for r in every}
    assert page.status_label.text() == f"Saved {len(every)} events to {out_all}."


def test_local_log_and_checkpoint_status(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = AuditPage(admin_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.checkpoint is not None or page.checkpoint_error is not None,
                    timeout=WAIT)
    assert page.local_table.rowCount() >= 1
    assert (page.local_table.item(0, 1).text(), page.local_table.item(0, 2).text()) == (
        "enroll", "ok")
    cp = page.checkpoint
    assert cp is not None and cp.size >= 1
    assert page.cp_state.text().startswith("Verified: signed by the pinned log key")
    assert page.cp_size.text() == str(cp.size)
    assert page.cp_root.text().strip("\u2066\u2069") == cp.root_b64  # isolated: reads LTR

    # the stored checkpoint altered on disk: shown as failing, never as fine
    vault = admin_ctx.service.vault
    with vault.write() as conn:
        note = conn.execute("SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1"
                            ).fetchone()[0]
        lines = note.split("\n")
        lines[1] = str(int(lines[1]) + 1)  # claim a bigger log under the same signature
        conn.execute("UPDATE log_checkpoints SET note = ? WHERE size = ?",
                     ("\n".join(lines), cp.size))
    admin_ctx.notify("audit")
    qtbot.waitUntil(lambda: page.checkpoint_error is not None, timeout=WAIT)
    assert page.checkpoint is None
    assert page.cp_state.text().startswith("Does NOT verify:")
    assert page.cp_size.text() == "—"
