"""The acceptance walk, like a user, in one real MainWindow: first run → create the vault →
a new incident with Arabic typed through key events → a testimony and an evidence file →
seal → search finds it → lock → a wrong passphrase shows the error → unlock → the list
shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QPushButton

from fieldkit.errors import WrongPassphraseError
from fieldkit.storage.vault import Vault
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.evidence import EvidenceImportDialog
from fieldkit.ui.incidents import IncidentsPage
from fieldkit.ui.mainwindow import MainWindow
from fieldkit.ui.seal import SealDialog
from fieldkit.ui.testimony import TestimonyDialog

PASSPHRASE = "ثلاث كلمات طويلة للخزنة"  # an Arabic passphrase, typed key by key
TITLE = "حريق متعمد في باب مسجد الحي FK-11"
DESCRIPTION = "أضرم مجهولون النار في الباب الخشبي للمسجد بعد صلاة الفجر."
TESTIMONY = "رأيت رجلين يسكبان البنزين على الباب ثم هربا بسيارة بيضاء."


def child(window: Any, cls: type, name: str) -> Any:
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def click(qtbot: Any, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_whole_session(qtbot: Any, locked_ctx: AppContext, type_text: Any,
                         tmp_path: Path) -> None:
    ctx = locked_ctx
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    # --- first run: create the vault; the recovery key step cannot be skipped
    assert window.unlock_screen.stack.currentWidget().objectName() == "createVault"
    type_text(child(window, QLineEdit, "createVault.passphraseEdit"), PASSPHRASE)
    type_text(child(window, QLineEdit, "createVault.confirmEdit"), PASSPHRASE)
    click(qtbot, child(window, QPushButton, "createVault.createButton"))
    qtbot.waitUntil(lambda: window.unlock_screen.stack.currentWidget().objectName()
                    == "recoveryKey", timeout=30_000)
    assert child(window, QLabel, "recoveryKey.keyLabel").text()
    proceed = child(window, QPushButton, "recoveryKey.continueButton")
    assert not proceed.isEnabled()
    child(window, QCheckBox, "recoveryKey.confirmCheck").click()
    with qtbot.waitSignal(ctx.unlocked, timeout=5000):
        click(qtbot, proceed)
    page = window.pages["incidents"]
    assert isinstance(page, IncidentsPage)

    # --- a new incident, typed in Arabic
    click(qtbot, child(window, QPushButton, "incidents.newButton"))
    editor = window.editor
    assert isinstance(editor, IncidentEditor) and editor.isVisible()
    type_text(editor.titleEdit, TITLE)
    assert editor.titleEdit.text() == TITLE
    editor.categoryCombo.set_code("hate_crime.arson")
    type_text(editor.countryCombo.lineEdit(), "SY")
    type_text(editor.descriptionEdit, DESCRIPTION)
    with qtbot.waitSignal(editor.saved, timeout=20_000):
        click(qtbot, editor.saveButton)
    ref = editor.view.ref
    stored = ctx.service.get(ref)
    assert (stored.title, stored.country, stored.category) == (TITLE, "SY", "hate_crime.arson")
    assert stored.body["description"] == DESCRIPTION

    # --- a testimony from a new witness
    click(qtbot, editor.addTestimonyButton)
    qtbot.waitUntil(lambda: isinstance(editor.dialog, TestimonyDialog), timeout=10_000)
    testimony = editor.dialog
    testimony.witnessCombo.setEditText("")
    type_text(testimony.witnessCombo.lineEdit(), "الشاهد أ")
    testimony.languageCombo.setCurrentIndex(testimony.languageCombo.findData("ar"))
    type_text(testimony.textEdit, TESTIMONY)
    with qtbot.waitSignal(testimony.saved, timeout=20_000):
        testimony.buttons.accepted.emit()
    qtbot.waitUntil(lambda: editor.testimoniesList.count() == 1, timeout=10_000)

    # --- an evidence file through the file dialog
    photo = tmp_path / "door.png"
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#7f3f00"))
    assert image.save(str(photo), "PNG")
    editor.tabs.setCurrentWidget(editor.evidence)
    files = editor.evidence.choose_files()
    assert isinstance(files, QFileDialog)
    with qtbot.waitSignal(editor.evidence.import_dialog_opened, timeout=10_000) as opened:
        files.selectFile(str(photo))
        files.accept()
    importer = opened.args[0]
    assert isinstance(importer, EvidenceImportDialog)
    type_text(importer.descriptionEdit, "صورة الباب المحترق")
    with qtbot.waitSignal(importer.imported, timeout=30_000):
        click(qtbot, importer.importButton)
    importer.closeButton.click()
    qtbot.waitUntil(lambda: len(ctx.service.get(ref).body["evidence"]) == 1, timeout=10_000)

    # --- seal: the dialog shows what is signed; after it the record is read-only
    click(qtbot, editor.sealButton)
    qtbot.waitUntil(lambda: isinstance(editor.dialog, SealDialog), timeout=20_000)
    seal = editor.dialog
    qtbot.waitUntil(lambda: seal.preview is not None, timeout=20_000)
    assert TITLE in seal.jsonView.toPlainText()
    with qtbot.waitSignal(seal.sealed, timeout=20_000):
        click(qtbot, seal.confirmButton)
    qtbot.waitUntil(lambda: editor.is_sealed, timeout=20_000)
    assert editor.titleEdit.isReadOnly()
    sealed = ctx.service.get(ref)
    assert sealed.is_sealed and len(sealed.body["testimonies"]) == 1
    assert sealed.body["testimonies"][0]["text"] == TESTIMONY

    # --- back to the list; search finds it without the article or harakat
    with qtbot.waitSignal(editor.closed, timeout=10_000):
        click(qtbot, editor.closeButton)
    assert window.current_page_key() == "incidents"
    type_text(page.search, "مسجد")
    qtbot.waitUntil(lambda: not page.debounce.isActive() and not page.model.loading
                    and page.model.filter.query == "مسجد", timeout=10_000)
    assert [r.title for r in page.model.rows] == [TITLE]
    assert page.model.rows[0].state == "sealed"

    # --- lock; a wrong passphrase shows the vault's own error and keeps the screen
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        window.lock_action.trigger()
    assert window.screens.currentWidget() is window.unlock_screen and window.pages == {}
    passphrase = child(window, QLineEdit, "unlock.passphraseEdit")
    type_text(passphrase, "كلمات خاطئة تماما")
    click(qtbot, child(window, QPushButton, "unlock.unlockButton"))
    error = child(window, QLabel, "unlock.errorLabel")
    qtbot.waitUntil(error.isVisible, timeout=30_000)
    try:
        Vault.open(ctx.vault_dir, "كلمات خاطئة تماما")
    except WrongPassphraseError as expected:
        assert error.text() == expected.diagnostics()
    else:
        raise AssertionError("the wrong passphrase opened the vault")
    assert not ctx.is_unlocked

    # --- unlock; the list shows the sealed incident
    passphrase.clear()
    type_text(passphrase, PASSPHRASE)
    with qtbot.waitSignal(ctx.unlocked, timeout=30_000):
        click(qtbot, child(window, QPushButton, "unlock.unlockButton"))
    page = window.pages["incidents"]
    assert isinstance(page, IncidentsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading,
                    timeout=10_000)
    index = page.model.index(0, 0)
    assert page.model.data(index) == TITLE
    assert page.model.data(page.model.index(0, 4)) == "Sealed"
    assert page.table.isVisible()
