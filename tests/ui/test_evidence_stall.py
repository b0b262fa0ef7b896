"""Acceptance: importing 1 GiB of evidence never stalls the GUI thread for more than 100 ms,
the progress bar moves, and cancelling half-way leaves nothing half-imported (no attachment
row, no encrypted or temp file in the vault, the incident unchanged).

The file is dropped on the editor's evidence list like a user would; a 10 ms timer on the
GUI thread measures the longest gap between its ticks while the import runs."""

from __future__ import annotations

import gc
import hashlib
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldkit.crypto.jcs import canonicalize
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.evidence import EvidenceImportDialog
from tests.ui.test_evidence import drop_files

pytestmark = pytest.mark.slow

GIB = 1 << 30
MIB = 1 << 20


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A 1 GiB file (one random MiB repeated; the store encrypts every chunk afresh, so
    repetition changes nothing) and its SHA-256, computed while writing."""
    path = tmp_path_factory.mktemp("big") / "cctv-export.bin"
    block = os.urandom(MIB)
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        for i in range(GIB // MIB):
            chunk = block[:8] + i.to_bytes(8, "big") + block[16:]  # no two MiB alike
            f.write(chunk)
            digest.update(chunk)
    return path, digest.hexdigest()


def start_import(qtbot: Any, ctx: AppContext, path: Path) -> tuple[IncidentEditor,
                                                                   EvidenceImportDialog]:
    view = ctx.service.create_incident(title="CCTV of the attack", category="hate_crime.arson",
                                       occurred="2026-04-02", country="FR")
    editor = IncidentEditor(ctx, view.ref)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.view is not None)
    editor.tabs.setCurrentWidget(editor.evidence)
    with qtbot.waitSignal(editor.evidence.import_dialog_opened) as opened:
        assert drop_files(editor.evidence.list.viewport(), [path]) == (True, True)
    return editor, opened.args[0]


class GapLog:
    """Where the long gaps were (seconds from start, gap ms, progress value): printed with
    the figures, so a stall can be placed."""

    def __init__(self, probe: Any, dialog: EvidenceImportDialog, over_ms: float = 40.0) -> None:
        self.dialog = dialog
        self.over_ms = over_ms
        self.gaps: list[tuple[float, float, int]] = []
        self.t0 = self.last = time.perf_counter()
        probe.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        if gap > self.over_ms:
            self.gaps.append((round(now - self.t0, 3), round(gap, 1),
                              self.dialog.progressBar.value()))
        self.last = now


def collect_garbage() -> None:
    """Collect the previous tests' garbage before measuring. A full collection of it (about
    90,000 objects, many of them Qt wrappers) measured 75-135 ms on a loaded machine: it runs
    in whichever thread allocates, holding the GIL, so it stalls the GUI thread too. That is
    the test session's debris, not the import's cost (the app can gc.freeze() after unlock)."""
    gc.collect()


def vault_files(ctx: AppContext) -> list[Path]:
    """Every file under the attachment store (blobs and any temp file)."""
    root = ctx.service.vault.attachments.root
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_cancelling_a_1_gib_import_midway_leaves_nothing(
        qtbot: Any, ctx: AppContext, big_file: tuple[Path, str], gui_stall_probe: Any) -> None:
    path, _digest = big_file
    editor, dialog = start_import(qtbot, ctx, path)
    before = ctx.service.get(editor.view.ref)  # type: ignore[union-attr]
    files_before = vault_files(ctx)
    seen: list[int] = []
    dialog.progressBar.valueChanged.connect(seen.append)

    collect_garbage()
    gui_stall_probe.start()
    log = GapLog(gui_stall_probe, dialog)
    started = time.perf_counter()
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progressBar.value() >= 300, timeout=120_000)
    assert dialog.cancelButton.isEnabled()
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    elapsed = time.perf_counter() - started
    print(f"\ncancel: {elapsed:.2f} s, max GUI gap {gui_stall_probe.max_gap_ms:.1f} ms, "
          f"{gui_stall_probe.ticks} ticks, progress values {seen}, gaps > 40 ms {log.gaps}")
    gui_stall_probe.assert_no_stall(100.0)

    moving = [v for v in seen if 0 < v < 1000]
    assert len(set(moving)) >= 2 and moving == sorted(moving), seen  # it moved, forwards
    assert dialog.statusLabel.text() == "Import cancelled: nothing was added to the vault."
    assert dialog.item is None and dialog.hashLabel.text() == ""
    # nothing half-imported: no row, no blob, no temp file, the incident as it was
    assert ctx.service.stats()["attachments"] == 0
    assert vault_files(ctx) == files_before == []
    assert ctx.service.vault.attachments.blobs() == []
    after = ctx.service.get(before.ref)
    assert canonicalize(after.body) == canonicalize(before.body)
    assert after.updated_at == before.updated_at
    assert editor.evidence.list.count() == 0
    assert ctx.service.check(deep=False).ok


def test_a_1_gib_import_keeps_the_gui_responsive_and_shows_the_hash(
        qtbot: Any, ctx: AppContext, big_file: tuple[Path, str], gui_stall_probe: Any) -> None:
    path, digest = big_file
    editor, dialog = start_import(qtbot, ctx, path)
    seen: list[int] = []
    dialog.progressBar.valueChanged.connect(seen.append)

    collect_garbage()
    gui_stall_probe.start()
    log = GapLog(gui_stall_probe, dialog)
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.imported, timeout=300_000):
        qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    elapsed = time.perf_counter() - started
    qtbot.wait(200)  # what the GUI does right after completion counts too
    print(f"\nimport: 1 GiB in {elapsed:.2f} s ({GIB / MIB / elapsed:.0f} MiB/s), max GUI gap "
          f"{gui_stall_probe.max_gap_ms:.1f} ms over {gui_stall_probe.ticks} ticks, "
          f"{len(set(seen))} distinct progress values, gaps > 40 ms {log.gaps}")
    gui_stall_probe.assert_no_stall(100.0)

    moving = [v for v in seen if 0 < v < 1000]
    assert len(set(moving)) >= 5, seen
    assert moving == sorted(moving)
    assert dialog.progressBar.value() == 1000
    assert dialog.hashLabel.text() == digest
    item = ctx.service.get(editor.view.ref).body["evidence"][0]  # type: ignore[union-attr]
    assert (item["sha256"], item["size"]) == (digest, GIB)
    assert len(ctx.service.vault.attachments.blobs()) == 1


def test_locking_the_vault_during_an_import_leaves_nothing(
        qtbot: Any, ctx: AppContext, big_file: tuple[Path, str]) -> None:
    from fieldkit.storage.vault import Vault
    from tests.ui.conftest import PASSPHRASE

    path, _digest = big_file
    editor, dialog = start_import(qtbot, ctx, path)
    ref = editor.view.ref  # type: ignore[union-attr]
    root = ctx.service.vault.attachments.root
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progressBar.value() >= 200, timeout=120_000)
    ctx.lock()  # auto-lock or "lock now" in the middle of the import
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert editor.titleEdit.text() == ""  # the editor dropped what it showed
    assert sorted(p for p in root.rglob("*") if p.is_file()) == []
    with Vault.open(ctx.vault_dir, PASSPHRASE) as vault:
        from fieldkit.service import VaultService

        svc = VaultService(vault)
        assert svc.stats()["attachments"] == 0
        assert svc.get(ref).body["evidence"] == []
