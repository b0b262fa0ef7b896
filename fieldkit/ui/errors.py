"""The one error dialog: every FieldKitError reaches the user here, as its message and hint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldkit.errors import FieldKitError, IntegrityError, InternalError

#: Object name of the dialog (tests find it with QApplication.topLevelWidgets()).
DIALOG_NAME = "errorDialog"


def error_text(err: FieldKitError) -> str:
    """What the dialog says: the message, then what to do."""
    return err.diagnostics()


def make_error_dialog(parent: QWidget | None, err: FieldKitError) -> QMessageBox:
    """Build (not show) the dialog for ``err``; tests inspect it, :func:`show_error` opens it."""
    box = QMessageBox(parent)
    box.setObjectName(DIALOG_NAME)
    if isinstance(err, IntegrityError | InternalError):
        box.setIcon(QMessageBox.Icon.Critical)
    else:
        box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "FieldKit"))
    box.setText(err.message)
    if err.hint:
        box.setInformativeText(err.hint)
    box.setDetailedText(QCoreApplication.translate("ErrorDialog", "Error code: {code}")
                        .format(code=err.code))
    box.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Error"))
    box.setAccessibleDescription(error_text(err))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, err: FieldKitError) -> QMessageBox:
    """Show ``err`` in a window-modal dialog (non-blocking: no nested event loop, so tests and
    timers keep running) and return it."""
    box = make_error_dialog(parent, err)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
