"""ACCEPTANCE: during a sync the GUI thread never stalls more than 100 ms, the progress bar
moves, cancel stops the sync and leaves the vault consistent (whole records with verified
receipts or none), and syncing again completes.

The sync is made long enough to measure: 40 sealed records and three incompressible 8 MiB
evidence files, sent in 1 MiB chunks to a real registry on loopback HTTPS.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldkit.errors import CancelledError
from fieldkit.sync.client import SyncConfig
from fieldkit.ui.context import AppContext
from fieldkit.ui.syncpanel import SyncPage, cancelled_text

from .conftest import StallProbe
from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World, seal_incidents

WAIT = 120_000


def _state(ctx: AppContext) -> tuple[int, int, set[str]]:
    """(sealed records, receipts, record ids with a receipt but no sealed record)."""
    conn = ctx.service.vault.read()
    sealed = int(conn.execute("SELECT COUNT(*) FROM sealed").fetchone()[0])
    receipts = int(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
    orphans = {r[0] for r in conn.execute(
        "SELECT r.record_id FROM receipts r LEFT JOIN sealed s USING (record_id) "
        "WHERE s.record_id IS NULL")}
    return sealed, receipts, orphans


def test_sync_keeps_gui_responsive_and_cancel_is_clean(
        qtbot: QtBot, monitor_ctx: AppContext, world: World, tmp_path: Path,
        gui_stall_probe: StallProbe) -> None:
    ctx = monitor_ctx
    probe = gui_stall_probe
    ids = seal_incidents(ctx.service, tmp_path, copies=5, file_mib=8, files=3)
    assert len(ids) == 43
    client = ctx.sync_client
    assert client is not None
    client.config = SyncConfig(chunk_size=1 << 20, batch=10)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=WAIT)

    # 1. start, and cancel once the bar is well into the big files (the last batch)
    moved: list[int] = []

    def on_value(v: int) -> None:
        if 0 < v < 1000:
            moved.append(v)
            if v >= 400 and page.cancel_button.isEnabled():
                qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    page.progress.valueChanged.connect(on_value)
    probe.start()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    probe.assert_no_stall(100)
    first_gap = probe.max_gap_ms
    page.progress.valueChanged.disconnect(on_value)
    assert len(set(moved)) >= 2, f"the progress bar did not move: {moved}"
    assert page.last_report is None and page.report_label.text() == cancelled_text()
    sealed, receipts, orphans = _state(ctx)
    assert sealed == len(ids) and receipts < len(ids) and not orphans
    assert receipts % 10 == 0 and receipts >= 10  # whole batches only
    assert ctx.service.check(deep=False).ok
    log = client.sync_log(limit=1)[0]
    assert (log["action"], log["outcome"]) == ("push", "error")
    assert CancelledError.code in log["detail"]

    # 2. sync again: it completes
    values: list[int] = []
    page.progress.valueChanged.connect(values.append)
    probe.start()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=WAIT)
    probe.assert_no_stall(100)
    assert page.last_error is None
    assert page.last_report is not None and page.last_report.records == len(ids) - receipts
    assert values and values[-1] == 1000
    assert _state(ctx) == (len(ids), len(ids), set())
    assert client.pending() == []
    print(f"cancelled after {receipts} receipts; max GUI gap: {first_gap:.1f} ms until the "
          f"cancel, {probe.max_gap_ms:.1f} ms during the re-sync")
