"""The enrolment dialog: paste the code an administrator gave you, or open a photo of its QR
image; name this device; enrol. The result shows what was pinned: the registry's address,
the role, and the fingerprint of the registry's certificate (compare it with the one the
administrator reads out).

Decoding the image and enrolling run on a worker through ``ctx.tasks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError, NotFoundError, ValidationError
from fieldkit.sync.enrollment import PREFIX, EnrollmentCode
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import error_text
from fieldkit.ui.syncpanel import alive, ltr
from fieldkit.ui.tasks import Task

#: A photo of a QR code is a few MiB at most; refuse anything far larger before decoding.
MAX_QR_IMAGE_BYTES = 32 * 1024 * 1024
MAX_QR_IMAGE_PIXELS = 50_000_000

_QR_HINT = ("Open a clear photo or screenshot of the enrolment QR code (PNG or JPEG), or "
            "paste the code text instead.")


def code_from_image(path: Path) -> str:
    """Read the enrolment code from a QR image. Refuses (ValidationError) files that are not
    images, images without a QR code, and QR codes that hold something other than a FieldKit
    enrolment code (the code's own typed error)."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise NotFoundError(f"Cannot read {path.name}: {e.strerror}.") from None
    if size > MAX_QR_IMAGE_BYTES:
        raise ValidationError(f"{path.name} is too large to be a QR code image.", hint=_QR_HINT)
    try:
        with Image.open(path) as img:
            if img.width * img.height > MAX_QR_IMAGE_PIXELS:
                raise ValidationError(f"{path.name} is too large to be a QR code image.",
                                      hint=_QR_HINT)
            gray = img.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError):
        raise ValidationError(f"{path.name} is not an image FieldKit can read.",
                              hint=_QR_HINT) from None
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = [b.text for b in zxingcpp.read_barcodes(gray, formats=qr_only) if b.valid]
    if not found:
        raise ValidationError(f"No QR code was found in {path.name}.", hint=_QR_HINT)
    text = next((t for t in found if t.strip().startswith(PREFIX)), found[0])
    EnrollmentCode.from_text(text)  # the code's own error for anything else
    return text.strip()


@dataclass(frozen=True)
class EnrollResult:
    role: str
    url: str
    fingerprint: str
    key_id: str
    enrol_index: int | None


def _fingerprint(pin: str) -> str:
    """The certificate's SHA-256 in groups of four, easy to read aloud and compare."""
    return " ".join(pin[i:i + 4] for i in range(0, len(pin), 4)).upper()


class EnrollDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enrollDialog")
        self.setWindowTitle(self.tr("Enrol this vault"))
        self.setAccessibleName(self.tr("Enrol this vault with a registry"))
        self.setMinimumWidth(520)

        intro = QLabel(self.tr("Paste the enrolment code an administrator gave you (it starts "
                               "with FKE1.), or open a photo of its QR code."), self)
        intro.setWordWrap(True)
        self.code_edit = QPlainTextEdit(self)
        self.code_edit.setObjectName("enrollDialog.codeEdit")
        self.code_edit.setAccessibleName(self.tr("Enrolment code"))
        self.code_edit.setPlaceholderText("FKE1.…")
        self.code_edit.setTabChangesFocus(True)
        self.code_edit.textChanged.connect(self._update_buttons)
        self.qr_button = QPushButton(self.tr("Open QR image…"), self)
        self.qr_button.setObjectName("enrollDialog.openQrButton")
        self.qr_button.setAccessibleName(self.tr("Open a QR code image"))
        self.qr_button.clicked.connect(self.choose_qr_image)
        self.label_edit = QLineEdit(self)
        self.label_edit.setObjectName("enrollDialog.labelEdit")
        self.label_edit.setAccessibleName(self.tr("Name of this device"))
        self.label_edit.setPlaceholderText(self.tr("e.g. field laptop 3"))

        form = QFormLayout()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.qr_button, 0, Qt.AlignmentFlag.AlignTop)
        code_label = QLabel(self.tr("&Code:"), self)
        code_label.setBuddy(self.code_edit)
        form.addRow(code_label, code_row)
        form.addRow(self.tr("Device &name:"), self.label_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("enrollDialog.error")
        self.error_label.setAccessibleName(self.tr("Enrolment error"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("enrollDialog.result")
        self.result_label.setAccessibleName(self.tr("Enrolment result"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.enroll_button = self.buttons.addButton(self.tr("&Enrol"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.enroll_button.setObjectName("enrollDialog.enrollButton")
        self.enroll_button.setAccessibleName(self.tr("Enrol"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("enrollDialog.closeButton")
        self.enroll_button.clicked.connect(self.enroll)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.task: Task[Any] | None = None
        self.enrolled: EnrollResult | None = None
        self.error: FieldKitError | None = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.task is not None
        self.enroll_button.setEnabled(not busy and self.enrolled is None
                                      and bool(self.code_edit.toPlainText().strip()))
        self.qr_button.setEnabled(not busy and self.enrolled is None)

    def _show_error(self, err: FieldKitError) -> None:
        self.error = err
        self.error_label.setText(error_text(err))
        self.error_label.setAccessibleDescription(error_text(err))
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error = None
        self.error_label.hide()

    # --- QR image -----------------------------------------------------------------------------

    def choose_qr_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the enrolment QR image"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"))
        if path:
            self.load_qr_image(Path(path))

    def load_qr_image(self, path: Path) -> Task[str]:
        """Decode ``path`` on a worker and put the code in the text box (or show why not)."""
        self._clear_error()

        def done(text: str) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.code_edit.setPlainText(text)
            self._update_buttons()

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self._show_error(err)
            self._update_buttons()

        task: Task[str] = self.ctx.tasks.run(lambda c: code_from_image(path), on_done=done,
                                             on_error=failed,
                                             title=self.tr("Reading the QR code"))
        self.task = task
        self._update_buttons()
        return task

    # --- enrolment ----------------------------------------------------------------------------

    def enroll(self) -> None:
        client = self.ctx.sync_client
        text = self.code_edit.toPlainText()
        if client is None or self.task is not None or not text.strip():
            return
        self._clear_error()
        label = self.label_edit.text().strip()

        def work(c: object) -> EnrollResult:
            answer = client.enroll(text, label=label)
            reg = client.registry()
            assert reg is not None
            return EnrollResult(role=answer.role, url=reg.url, fingerprint=_fingerprint(reg.pin),
                                key_id=answer.key_id, enrol_index=answer.enrol_index)

        def done(result: EnrollResult) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.enrolled = result
            roles = {"monitor": self.tr("monitor"), "staff": self.tr("staff"),
                     "admin": self.tr("administrator")}
            self.result_label.setText(self.tr(
                "Enrolled as {role} with {url}.\nPinned certificate fingerprint (SHA-256):\n"
                "{fingerprint}\nThis device: {key}").format(
                    role=roles.get(result.role, result.role), url=ltr(result.url),
                    fingerprint=ltr(result.fingerprint), key=ltr(result.key_id)))
            self.result_label.show()
            self.code_edit.setReadOnly(True)
            self.label_edit.setReadOnly(True)
            self._update_buttons()

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self._show_error(err)
            self._update_buttons()

        self.task = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                       title=self.tr("Enrolling"),
                                       changes=frozenset({"sync", "vault"}))
        self._update_buttons()
