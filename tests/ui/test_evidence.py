"""Evidence in the editor: import through the file dialog and by dropping files on the list,
the SHA-256 shown, the image preview decrypted in memory only, and the custody timeline."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from fieldkit.errors import AttachmentCorruptError, ValidationError
from fieldkit.service import IncidentView
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.evidence import EvidenceImportDialog, EvidencePanel, decrypt_to_memory


def make_incident(ctx: AppContext) -> IncidentView:
    return ctx.service.create_incident(title="Broken windows", category="hate_crime.vandalism",
                                       occurred="2026-03-13", country="FR")


def make_png(path: Path, colour: str = "#c0392b", size: tuple[int, int] = (64, 48)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def open_editor(qtbot: Any, ctx: AppContext, ref: str) -> IncidentEditor:
    editor = IncidentEditor(ctx, ref)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.view is not None)
    editor.tabs.setCurrentWidget(editor.evidence)
    return editor


def drop_files(widget: Any, paths: list[Path]) -> tuple[bool, bool]:
    """Drag local files over ``widget`` and drop them, as a file manager would. Returns
    whether the drag was accepted and whether the drop was."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:  # PySide 6.12 takes a QPointF (the QPoint form is deprecated); 6.11 only a QPoint
        enter = QDragEnterEvent(QPointF(pos), *args)
    except TypeError:
        enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def import_through(qtbot: Any, dialog: EvidenceImportDialog) -> dict[str, Any]:
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    return blocker.args[1]


def test_import_through_the_file_dialog_shows_hash_and_preview(
        qtbot: Any, ctx: AppContext, tmp_path: Path, type_text: Any) -> None:
    png = make_png(tmp_path / "window.png")
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    panel = editor.evidence
    files = panel.choose_files()
    assert isinstance(files, QFileDialog)
    with qtbot.waitSignal(panel.import_dialog_opened) as opened:
        files.selectFile(str(png))
        files.accept()
    dialog = opened.args[0]
    assert isinstance(dialog, EvidenceImportDialog) and dialog.isVisible()
    assert dialog.fileLabel.text().startswith("window.png")
    type_text(dialog.descriptionEdit, "النافذة المكسورة")
    type_text(dialog.capturedAtEdit, "2026-03-13T19:40+01:00")
    type_text(dialog.latEdit, "45.7640")
    type_text(dialog.lonEdit, "4.8357")
    assert dialog.descriptionEdit.layoutDirection() == Qt.LayoutDirection.RightToLeft

    item = import_through(qtbot, dialog)
    digest = hashlib.sha256(png.read_bytes()).hexdigest()
    assert dialog.hashLabel.text() == digest == item["sha256"]
    assert dialog.progressBar.value() == dialog.progressBar.maximum()
    qtbot.waitUntil(lambda: dialog.preview.image is not None)
    image = dialog.preview.image
    assert (image.width(), image.height()) == (64, 48)
    assert image.pixelColor(10, 10) == QColor("#c0392b")
    assert not dialog.preview.pixmap().isNull()

    stored = ctx.service.get(view.ref).body["evidence"][0]
    assert stored["description"] == "النافذة المكسورة"
    assert stored["captured_at"] == "2026-03-13T19:40+01:00"
    assert stored["gps"] == {"lat": 45.764, "lon": 4.8357}
    assert stored["custody"][0]["action"] == "imported"

    dialog.closeButton.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert digest in panel.hashLabel.text()


def test_drop_onto_the_evidence_list_imports_the_file(qtbot: Any, ctx: AppContext,
                                                      tmp_path: Path) -> None:
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    panel = editor.evidence
    with qtbot.waitSignal(panel.import_dialog_opened) as opened:
        accepted = drop_files(panel.list.viewport(), [pdf])
    assert accepted == (True, True)
    dialog = opened.args[0]
    assert dialog.path == pdf
    item = import_through(qtbot, dialog)
    assert dialog.hashLabel.text() == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert item["media_type"] == "application/pdf"
    qtbot.waitUntil(lambda: dialog.preview.text() != "")
    assert dialog.preview.text() == "No preview for this type of file."
    dialog.accept()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert panel.list.item(0).text().startswith("statement.pdf")


def test_two_files_dropped_are_offered_one_after_the_other(qtbot: Any, ctx: AppContext,
                                                           tmp_path: Path) -> None:
    a, b = make_png(tmp_path / "a.png", "#112233"), make_png(tmp_path / "b.png", "#445566")
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    panel = editor.evidence
    with qtbot.waitSignal(panel.import_dialog_opened) as first:
        drop_files(panel.list.viewport(), [a, b])
    import_through(qtbot, first.args[0])
    with qtbot.waitSignal(panel.import_dialog_opened) as second:
        first.args[0].accept()
    assert second.args[0].path == b
    import_through(qtbot, second.args[0])
    assert [e["file_name"] for e in ctx.service.get(view.ref).body["evidence"]] == ["a.png",
                                                                                   "b.png"]


def test_drops_are_refused_on_a_sealed_incident_and_on_folders(qtbot: Any, ctx: AppContext,
                                                               tmp_path: Path) -> None:
    png = make_png(tmp_path / "x.png")
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    assert drop_files(editor.evidence.list.viewport(), [tmp_path]) == (False, False)
    sealed = ctx.service.seal(view.ref)
    editor.load(sealed.record_id)
    qtbot.waitUntil(lambda: editor.is_sealed)
    assert drop_files(editor.evidence.list.viewport(), [png]) == (False, False)
    assert editor.evidence.dialog is None
    assert not editor.evidence.importButton.isEnabled()


@pytest.mark.parametrize(("lat", "lon", "captured", "message"), [
    ("north", "4.8", "", "GPS needs both a latitude and a longitude, as decimal degrees."),
    ("45.7", "", "", "GPS needs both a latitude and a longitude, as decimal degrees."),
    ("", "", "yesterday", "'yesterday' is not a date."),
    ("", "", "2026-03-13T19:40", "The time '2026-03-13T19:40' has no UTC offset, so it is "
                                 "ambiguous."),
    ("91", "0", "", "GPS coordinates are out of range."),  # refused by the core, after import
])
def test_bad_metadata_is_refused_and_nothing_is_left(
        qtbot: Any, ctx: AppContext, tmp_path: Path, type_text: Any, lat: str, lon: str,
        captured: str, message: str) -> None:
    png = make_png(tmp_path / "x.png")
    view = make_incident(ctx)
    dialog = EvidenceImportDialog(ctx, view.ref, png)
    qtbot.addWidget(dialog)
    dialog.open()
    type_text(dialog.latEdit, lat)
    type_text(dialog.lonEdit, lon)
    type_text(dialog.capturedAtEdit, captured)
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                and w.objectName() == "errorDialog" and w.isVisible()]

    qtbot.waitUntil(lambda: bool(boxes()) and dialog.task is None, timeout=10_000)
    assert [b.text() for b in boxes()] == [message]
    boxes()[0].close()
    assert dialog.importButton.isEnabled()  # fix it and try again
    assert ctx.service.stats()["attachments"] == 0
    assert ctx.service.vault.attachments.blobs() == []
    assert ctx.service.get(view.ref).body["evidence"] == []


def test_preview_is_decrypted_in_memory_only(qtbot: Any, ctx: AppContext,
                                             tmp_path: Path) -> None:
    png = make_png(tmp_path / "face.png", "#2e86c1", (900, 600))
    plain = png.read_bytes()
    view = make_incident(ctx)
    view, item = ctx.service.add_evidence(view.ref, png)
    png.unlink()  # only the vault's encrypted copy remains
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.preview.ready, timeout=10_000):
        panel.set_incident(view, editable=True)
    image = panel.preview.image
    assert image is not None and max(image.width(), image.height()) == 480  # scaled down
    assert image.pixelColor(5, 5) == QColor("#2e86c1")
    # Nothing under tmp_path (the vault included) holds the plaintext.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert plain not in path.read_bytes(), path
    assert decrypt_to_memory(ctx.service, item["sha256"]) == plain


def test_preview_size_is_capped(ctx: AppContext, tmp_path: Path) -> None:
    png = make_png(tmp_path / "big.png")
    view = make_incident(ctx)
    _view, item = ctx.service.add_evidence(view.ref, png)
    with pytest.raises(ValidationError, match="too large to preview"):
        decrypt_to_memory(ctx.service, item["sha256"], limit=100)


def test_a_tampered_file_is_not_previewed(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    png = make_png(tmp_path / "tampered.png", size=(300, 300))
    view = make_incident(ctx)
    view, item = ctx.service.add_evidence(view.ref, png)
    info = ctx.service.attachment(item["sha256"])
    blob = ctx.service.vault.attachments.encrypted_path(info.blob)
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0x01
    blob.write_bytes(bytes(data))
    with pytest.raises(AttachmentCorruptError):
        decrypt_to_memory(ctx.service, item["sha256"])
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.preview.ready, timeout=10_000):
        panel.set_incident(view, editable=True)
    assert panel.preview.image is None
    assert "integrity check" in panel.preview.text()


def test_custody_timeline_lists_events_and_adds_a_sealed_one(
        qtbot: Any, ctx: AppContext, tmp_path: Path, type_text: Any) -> None:
    png = make_png(tmp_path / "door.png")
    view = make_incident(ctx)
    view, item = ctx.service.add_evidence(view.ref, png)
    sealed = ctx.service.seal(view.ref)  # custody is append-only: allowed on sealed records
    editor = open_editor(qtbot, ctx, sealed.record_id)
    timeline = editor.evidence.custody
    qtbot.waitUntil(lambda: len(timeline.events) == 1)
    assert timeline.tree.topLevelItem(0).text(1) == "imported"
    assert timeline.tree.topLevelItem(0).text(2) == "this device"
    assert timeline.addButton.isEnabled()

    timeline.actionCombo.setCurrentText("handed over")
    type_text(timeline.noteEdit, "سُلّم إلى المحامي")
    with qtbot.waitSignal(timeline.refreshed, timeout=10_000,
                          check_params_cb=lambda: len(timeline.events) == 2):
        qtbot.mouseClick(timeline.addButton, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    events = ctx.service.custody_events(item["sha256"])
    assert [(e["action"], e["note"]) for e in events] == [("handed over", "سُلّم إلى المحامي")]
    row = timeline.tree.topLevelItem(1)
    assert row.text(1) == "handed over" and row.text(3) == "سُلّم إلى المحامي"
    assert row.toolTip(4) == events[0]["record_id"]  # each event is its own sealed record
    assert ctx.service.sealed_record(events[0]["record_id"]).record["sha256"] == item["sha256"]
    assert timeline.noteEdit.text() == ""
