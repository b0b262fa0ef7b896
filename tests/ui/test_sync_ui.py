"""The Sync page and the status-bar widget against a real registry on loopback: a monitor's
sealed incidents go out with "Sync now", receipts are stored, the status bar shows the queue
empty and the last receipt; an unreachable registry is explained in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldkit.sync.client import SyncConfig
from fieldkit.sync.transport import RegistryUnreachableError
from fieldkit.ui.context import AppContext
from fieldkit.ui.staff import StaffPage
from fieldkit.ui.syncpanel import SyncPage, SyncStatusWidget

from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World, seal_incidents

WAIT = 60_000


def _receipts(ctx: AppContext) -> int:
    return int(ctx.service.vault.read().execute("SELECT COUNT(*) FROM receipts").fetchone()[0])


def test_sync_now_sends_records_and_updates_status(qtbot: QtBot, monitor_ctx: AppContext,
                                                   tmp_path: Path) -> None:
    ctx = monitor_ctx
    ids = seal_incidents(ctx.service, tmp_path, file_mib=3)
    status = SyncStatusWidget(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(status)
    qtbot.addWidget(page)
    page.show()
    status.show()
    qtbot.waitUntil(lambda: status.snapshot is not None and status.snapshot.online is True,
                    timeout=WAIT)
    assert status.state_label.text() == "Online"
    assert status.queue_label.text() == f"Queue: {len(ids)}"
    assert status.receipt_label.text() == "Last receipt: never"
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=WAIT)
    assert page.queue_label.text() == f"{len(ids)} sealed records"

    values: list[int] = []
    page.progress.valueChanged.connect(values.append)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.last_report is not None or page.last_error is not None,
                    timeout=WAIT)
    assert page.last_error is None
    assert page.last_report is not None and page.last_report.records == len(ids)
    files = page.last_report.files
    assert files >= 2  # the demo's files and the 3 MiB video
    assert page.report_label.text().startswith(f"Sent {len(ids)} records and {files} files")
    assert values and values[-1] == 1000 and not page.cancel_button.isEnabled()
    assert _receipts(ctx) == len(ids)

    qtbot.waitUntil(lambda: status.queue_label.text() == "Queue: 0", timeout=WAIT)
    assert status.receipt_label.text() != "Last receipt: never"
    assert status.snapshot is not None and status.snapshot.last_receipt_at
    qtbot.waitUntil(lambda: page.log_table.rowCount() >= 2, timeout=WAIT)
    actions = [(page.log_table.item(r, 1).text(), page.log_table.item(r, 2).text())
               for r in range(page.log_table.rowCount())]
    assert actions[0] == ("push", "ok") and ("enroll", "ok") in actions
    assert page.queue_label.text() == "0 sealed records"


def test_unreachable_registry_is_explained(qtbot: QtBot, monitor_ctx: AppContext,
                                           world: World, tmp_path: Path) -> None:
    ctx = monitor_ctx
    ids = seal_incidents(ctx.service, tmp_path)
    client = ctx.sync_client
    assert client is not None
    client.config = SyncConfig(attempts=2, backoff_base=0.01, timeout=5)
    world.live.stop()
    status = SyncStatusWidget(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(status)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: status.snapshot is not None and status.snapshot.online is False,
                    timeout=WAIT)
    assert status.state_label.text() == "Offline"
    assert status.queue_label.text() == f"Queue: {len(ids)}"
    assert "did not answer" in status.toolTip()

    qtbot.waitUntil(page.sync_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_error is not None, timeout=WAIT)
    assert isinstance(page.last_error, RegistryUnreachableError)
    assert page.error_label.isVisible()
    text = page.error_label.text()
    assert text.startswith("The registry did not answer")
    assert text.endswith("Check the network connection; records stay queued until it works.")
    assert page.report_label.text() == "Not synced."
    assert _receipts(ctx) == 0
    qtbot.waitUntil(lambda: page.log_table.rowCount() >= 2
                    and page.log_table.item(0, 2).text() == "error", timeout=WAIT)
    assert status.queue_label.text() == f"Queue: {len(ids)}"


def test_window_enrolment_adds_the_role_pages(qtbot: QtBot, ctx: AppContext,
                                              world: World) -> None:
    """In the main window: the Sync page and the status widget are there before enrolment;
    enrolling as an administrator (from the Sync page) adds the Audit page, and the dialog
    survives the pages being rebuilt."""
    from fieldkit.ui.audit import AuditPage
    from fieldkit.ui.enroll import EnrollDialog
    from fieldkit.ui.mainwindow import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert "sync" in window.pages and "audit" not in window.pages
    status = window.findChild(SyncStatusWidget, "syncStatus")
    assert status is not None
    qtbot.waitUntil(lambda: status.state_label.text() == "Not enrolled", timeout=WAIT)
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(page.enroll_button.isVisible, timeout=WAIT)
    assert not page.sync_button.isEnabled()
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    dialog = page.enroll_dialog
    assert isinstance(dialog, EnrollDialog) and dialog.isVisible()
    dialog.code_edit.setPlainText(world.code("admin"))
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "audit" in window.pages, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.enrolled is not None, timeout=WAIT)
    assert dialog.isVisible() and dialog.enrolled.role == "admin"
    audit = window.show_page("audit")
    assert isinstance(audit, AuditPage)
    qtbot.waitUntil(lambda: audit.table.rowCount() > 0, timeout=WAIT)
    status = window.findChild(SyncStatusWidget, "syncStatus")
    assert status is not None
    qtbot.waitUntil(lambda: status.state_label.text() == "Online", timeout=WAIT)
    staff = window.show_page("staff")  # admins see the Staff page, but cannot pull
    assert isinstance(staff, StaffPage)
    qtbot.waitUntil(lambda: staff.role == "admin", timeout=WAIT)
    assert not staff.pull_button.isEnabled() and "staff vault" in staff.pull_button.toolTip()


def test_lock_during_sync_leaves_queue_whole(qtbot: QtBot, monitor_ctx: AppContext,
                                             tmp_path: Path) -> None:
    """Locking while a sync runs (the window drops its pages) cancels the sync quietly; the
    records not yet acknowledged stay queued for the next unlock."""
    from fieldkit.storage.vault import Vault
    from fieldkit.ui.mainwindow import MainWindow

    from .conftest import PASSPHRASE

    ctx = monitor_ctx
    ids = seal_incidents(ctx.service, tmp_path, file_mib=16)
    client = ctx.sync_client
    assert client is not None
    client.config = SyncConfig(chunk_size=1 << 20, batch=2)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: 0 < page.progress.value() < 1000, timeout=WAIT)
    ctx.lock()
    # a real event loop: the pages are deleted before the cancelled sync reports back, and
    # its callbacks must not touch them (pytest-qt fails the test on any exception)
    qtbot.waitUntil(lambda: not ctx.tasks.active, timeout=WAIT)
    qtbot.wait(100)
    assert "sync" not in window.pages

    ctx.attach(Vault.open(ctx.vault_dir, PASSPHRASE))
    client = ctx.sync_client
    assert client is not None
    sent = int(ctx.service.vault.read().execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
    assert sent < len(ids) and len(client.pending()) == len(ids) - sent
    report = client.sync()
    assert report.records == len(ids) - sent and client.pending() == []
