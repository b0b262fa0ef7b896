"""The testimony dialog: witness, language, consent (with its explanation), Arabic text typed
key by key, audio attached through the file dialog or recorded with the fake recorder."""

from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from fieldkit.service import IncidentView
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.evidence import decrypt_to_memory
from fieldkit.ui.recorder import FakeRecorder, default_recorder, multimedia_available
from fieldkit.ui.testimony import TestimonyDialog

TEXT_AR = "رأيت رجلين يضربان الإمام عند باب المسجد، ثم هربا بسيارة بيضاء."


def make_incident(ctx: AppContext) -> IncidentView:
    view = ctx.service.create_incident(title="Attack at the mosque door",
                                       category="hate_crime.physical_assault",
                                       occurred="2026-03-13", country="FR")
    view, _ = ctx.service.add_person(view.ref, pseudonym="Witness A", roles=["witness"])
    return view


def open_dialog(qtbot: Any, ctx: AppContext, view: IncidentView, **kw: Any) -> TestimonyDialog:
    dialog = TestimonyDialog(ctx, view.ref, list(view.body["persons"]), **kw)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def save(qtbot: Any, dialog: TestimonyDialog) -> tuple[IncidentView, dict[str, Any]]:
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as blocker:
        dialog.buttons.accepted.emit()
    return blocker.args[0], blocker.args[1]


def write_wav(path: Path, seconds: float = 0.25) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(3000 * math.sin(i / 3)))
                               for i in range(int(8000 * seconds))))
    return path


def test_testimony_from_the_editor_with_arabic_text(qtbot: Any, ctx: AppContext,
                                                    type_text: Any) -> None:
    view = make_incident(ctx)
    editor = IncidentEditor(ctx, view.ref)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.view is not None)
    qtbot.mouseClick(editor.addTestimonyButton, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert isinstance(dialog, TestimonyDialog)
    assert dialog.witness() == "Witness A"         # the incident's witness is offered
    assert dialog.consent() == "internal"           # the narrowest consent by default
    helps = {level: dialog.findChild(QLabel, f"testimonyDialog.consentHelp.{level}").text()
             for level in ("internal", "partners", "public")}
    assert all(helps.values()) and len(set(helps.values())) == 3
    assert "staff" in helps["internal"] and "publish" in helps["public"]

    dialog.languageCombo.setCurrentIndex(dialog.languageCombo.findData("ar"))
    partners = dialog.consentButtons["partners"]  # click the indicator (its click area)
    qtbot.mouseClick(partners, Qt.MouseButton.LeftButton, pos=QPoint(8, partners.height() // 2))
    type_text(dialog.textEdit, TEXT_AR)
    assert dialog.textEdit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _view, testimony = save(qtbot, dialog)

    stored = ctx.service.get(view.ref).body
    witness_id = next(p["id"] for p in stored["persons"] if p["pseudonym"] == "Witness A")
    t = stored["testimonies"][0]
    assert (t["witness"], t["language"], t["consent"], t["text"], t["audio"]) == \
           (witness_id, "ar", "partners", TEXT_AR, None)
    assert t == testimony
    qtbot.waitUntil(lambda: editor.testimoniesList.count() == 1)
    assert "Witness A" in editor.testimoniesList.item(0).text()


def test_a_new_pseudonym_becomes_a_witness(qtbot: Any, ctx: AppContext, type_text: Any) -> None:
    view = make_incident(ctx)
    dialog = open_dialog(qtbot, ctx, view)
    dialog.witnessCombo.setEditText("")
    type_text(dialog.witnessCombo.lineEdit(), "الشاهدة ب")
    type_text(dialog.textEdit, "Statement.")
    save(qtbot, dialog)
    persons = ctx.service.get(view.ref).body["persons"]
    new = next(p for p in persons if p["pseudonym"] == "الشاهدة ب")
    assert new["roles"] == ["witness"] and new["name"] is None


def test_an_empty_testimony_is_refused(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    dialog = open_dialog(qtbot, ctx, view)
    dialog.buttons.accepted.emit()
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]
    assert [b.text() for b in boxes] == ["The testimony is empty."]
    boxes[0].close()
    assert ctx.service.get(view.ref).body["testimonies"] == []


def test_audio_attached_through_the_file_dialog(qtbot: Any, ctx: AppContext,
                                               tmp_path: Path) -> None:
    view = make_incident(ctx)
    audio = write_wav(tmp_path / "interview.wav")
    dialog = open_dialog(qtbot, ctx, view, recorder=None)
    files = dialog.choose_audio()
    assert isinstance(files, QFileDialog) and files.isVisible()
    files.selectFile(str(audio))
    files.accept()
    assert dialog.audio == audio and dialog.audioLabel.text() == "interview.wav"
    _view, testimony = save(qtbot, dialog)
    ref = testimony["audio"]
    assert ref["sha256"] == hashlib.sha256(audio.read_bytes()).hexdigest()
    assert ref["file_name"] == "interview.wav" and ref["media_type"] == "audio/x-wav"
    assert testimony["text"] == ""  # audio alone is a testimony
    assert decrypt_to_memory(ctx.service, ref["sha256"]) == audio.read_bytes()
    assert audio.exists()  # the person's own file is left alone


def test_recording_with_the_fake_recorder_is_imported_then_deleted(
        qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    dialog = open_dialog(qtbot, ctx, view, recorder=FakeRecorder(seconds=0.2))
    assert dialog.recordButton.isEnabled()
    qtbot.mouseClick(dialog.recordButton, Qt.MouseButton.LeftButton)
    assert dialog.audioLabel.text() == "Recording…" and dialog.recordButton.text() == \
        "Stop recording"
    qtbot.mouseClick(dialog.recordButton, Qt.MouseButton.LeftButton)
    recorded = dialog.audio
    assert recorded is not None and recorded.suffix == ".wav" and recorded.is_file()
    recording_dir = recorded.parent
    _view, testimony = save(qtbot, dialog)
    data = decrypt_to_memory(ctx.service, testimony["audio"]["sha256"])
    with wave.open(io.BytesIO(data)) as w:
        assert w.getframerate() == 8000 and w.getnframes() == 1600
    # plaintext audio does not outlive the dialog
    assert not recorded.exists() and not recording_dir.exists()


def test_closing_without_saving_deletes_the_recording(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    dialog = open_dialog(qtbot, ctx, view, recorder=FakeRecorder(seconds=0.1))
    dialog.toggle_recording()
    dialog.toggle_recording()
    assert dialog.audio is not None and dialog.audio.exists()
    recorded = dialog.audio
    dialog.reject()
    assert not recorded.exists()
    assert ctx.service.get(view.ref).body["testimonies"] == []


def test_record_button_is_disabled_without_qt_multimedia(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    dialog = open_dialog(qtbot, ctx, view)  # the default recorder
    if multimedia_available():  # pragma: no cover - pyside6-addons installed
        assert default_recorder() is not None or not dialog.recordButton.isEnabled()
        return
    assert default_recorder() is None
    assert not dialog.recordButton.isEnabled()
    assert "Qt Multimedia" in dialog.recordButton.toolTip()
    assert dialog.attachButton.isEnabled()
