"""Evidence: import files (file dialog or drag-and-drop onto the list) with progress and
cancel, show each file's SHA-256, preview images, and the custody timeline.

The import itself is the core's ``VaultService.add_evidence`` (streamed, encrypted and hashed
in one pass; a cancel leaves nothing behind) run through the task runner. Image previews are
decrypted into memory only (never to disk), capped at :data:`PREVIEW_LIMIT` bytes, checked
against their recorded SHA-256, and decoded and scaled on the worker thread.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldkit.domain import records as rec
from fieldkit.errors import CancelledError, DigestMismatchError, FieldKitError, ValidationError
from fieldkit.ui.custody import CustodyTimeline
from fieldkit.ui.errors import show_error
from fieldkit.ui.persons import follow_text_direction, guarded

if TYPE_CHECKING:
    from fieldkit.service import IncidentView, VaultService
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import Task, TaskControl

#: Images larger than this are not previewed (they would be decrypted into memory whole).
PREVIEW_LIMIT = 32 * 1024 * 1024
#: Previews are scaled to fit this square.
PREVIEW_SIDE = 480


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


# --- decrypting a preview (worker side: no widgets here) -------------------------------------

def decrypt_to_memory(svc: VaultService, sha256: str, *, limit: int = PREVIEW_LIMIT) -> bytes:
    """The plaintext of an attachment as bytes, read through the vault's decrypting reader:
    every chunk authenticated, and the whole checked against the recorded SHA-256."""
    info = svc.attachment(sha256)
    if info.size > limit:
        raise ValidationError(f"{info.file_name} is too large to preview "
                              f"({human_size(info.size)}; the limit is {human_size(limit)}).",
                              hint="Extract it to open it in another program.")
    with svc.vault.attachments.open(info.blob, label=info.file_name) as reader:
        data = reader.read(limit + 1)
    if len(data) != info.size or hashlib.sha256(data).hexdigest() != info.sha256:
        raise DigestMismatchError(f"{info.file_name} does not match its recorded SHA-256.",
                                  hint="Run `fieldkit vault check` and restore the file from "
                                       "a backup or a synced copy.")
    return data


def decode_image(data: bytes, *, max_side: int = PREVIEW_SIDE) -> QImage:
    """Decode (and scale while decoding) an image held in memory. QImage is safe off the GUI
    thread; QPixmap is not, so the GUI makes the pixmap."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > max_side or size.height() > max_side):
        reader.setScaledSize(size.scaled(QSize(max_side, max_side),
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buf.close()
    if image.isNull():
        raise ValidationError(f"The image cannot be shown: {reader.errorString()}.")
    return image


class EvidencePreview(QLabel):
    """An image preview decrypted in memory; other files get a line of text."""

    ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._sha: str | None = None
        self.image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(160, 120)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Preview"))

    def show_item(self, item: dict[str, Any] | None) -> None:
        self.clear()
        self.image = None
        self._sha = item.get("sha256") if item else None
        if item is None:
            return
        if not str(item.get("media_type", "")).startswith("image/"):
            self.setText(self.tr("No preview for this type of file."))
            self.ready.emit()
            return
        self.setText(self.tr("Decrypting the preview…"))
        sha, ctx = item["sha256"], self.ctx

        def work(_c: TaskControl) -> tuple[str, QImage]:
            return sha, decode_image(decrypt_to_memory(ctx.service, sha))

        def done(result: tuple[str, QImage]) -> None:
            if not shiboken6.isValid(self) or result[0] != self._sha:
                return
            self.image = result[1]
            self.setPixmap(QPixmap.fromImage(result[1]))
            self.ready.emit()

        def failed(err: FieldKitError) -> None:
            if shiboken6.isValid(self) and sha == self._sha:
                self.setText(err.message)
                self.ready.emit()

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Decrypting a preview"))


# --- importing one file -----------------------------------------------------------------------

class EvidenceImportDialog(QDialog):
    """Describe one file, import it with progress and cancel, then show its SHA-256 and a
    preview. Non-blocking (``open()``), so timers and tests keep running."""

    imported = Signal(object, object)  # (IncidentView, evidence item)

    def __init__(self, ctx: AppContext, ref: str, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.path = Path(path)
        self.task: Task[Any] | None = None
        self.item: dict[str, Any] | None = None
        self._close_when_done = False
        self.setObjectName("evidenceImportDialog")
        self.setWindowTitle(self.tr("Import evidence"))
        self.setAccessibleName(self.tr("Import evidence"))

        try:
            size = human_size(self.path.stat().st_size)
        except OSError:
            size = "?"
        form = QFormLayout()
        self.fileLabel = QLabel(f"{self.path.name} ({size})")
        self.fileLabel.setObjectName("evidenceImportDialog.fileLabel")
        form.addRow(self.tr("File"), self.fileLabel)
        self.descriptionEdit = QLineEdit()
        self.descriptionEdit.setObjectName("evidenceImportDialog.descriptionEdit")
        self.descriptionEdit.setAccessibleName(self.tr("Evidence description"))
        follow_text_direction(self.descriptionEdit)
        form.addRow(self.tr("Description"), self.descriptionEdit)
        self.capturedAtEdit = QLineEdit()
        self.capturedAtEdit.setObjectName("evidenceImportDialog.capturedAtEdit")
        self.capturedAtEdit.setAccessibleName(self.tr("Captured at (optional)"))
        self.capturedAtEdit.setPlaceholderText("2026-03-13T19:40+01:00")
        self.capturedAtEdit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("Captured at"), self.capturedAtEdit)
        gps = QHBoxLayout()
        self.latEdit = QLineEdit()
        self.latEdit.setObjectName("evidenceImportDialog.latEdit")
        self.latEdit.setAccessibleName(self.tr("Latitude (optional)"))
        self.latEdit.setPlaceholderText(self.tr("latitude, e.g. 43.2389"))
        self.lonEdit = QLineEdit()
        self.lonEdit.setObjectName("evidenceImportDialog.lonEdit")
        self.lonEdit.setAccessibleName(self.tr("Longitude (optional)"))
        self.lonEdit.setPlaceholderText(self.tr("longitude, e.g. 76.8897"))
        for edit in (self.latEdit, self.lonEdit):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            gps.addWidget(edit)
        form.addRow(self.tr("GPS"), gps)

        self.progressBar = QProgressBar()
        self.progressBar.setObjectName("evidenceImportDialog.progressBar")
        self.progressBar.setAccessibleName(self.tr("Import progress"))
        self.progressBar.setRange(0, 1000)
        self.progressBar.setValue(0)
        self.statusLabel = QLabel(self.tr("Ready to import. The file is encrypted into the "
                                          "vault; the original is not changed."))
        self.statusLabel.setObjectName("evidenceImportDialog.statusLabel")
        self.statusLabel.setWordWrap(True)
        self.hashLabel = QLabel()
        self.hashLabel.setObjectName("evidenceImportDialog.hashLabel")
        self.hashLabel.setAccessibleName(self.tr("SHA-256 of the imported file"))
        self.hashLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.hashLabel.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.preview = EvidencePreview(ctx, self)
        self.preview.setObjectName("evidenceImportDialog.preview")

        self.importButton = QPushButton(self.tr("Import"))
        self.importButton.setObjectName("evidenceImportDialog.importButton")
        self.importButton.setDefault(True)
        self.importButton.clicked.connect(self.start_import)
        self.cancelButton = QPushButton(self.tr("Cancel import"))
        self.cancelButton.setObjectName("evidenceImportDialog.cancelButton")
        self.cancelButton.setAccessibleName(self.tr("Cancel the import"))
        self.cancelButton.setEnabled(False)
        self.closeButton = QPushButton(self.tr("Close"))
        self.closeButton.setObjectName("evidenceImportDialog.closeButton")
        self.closeButton.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.importButton, self.cancelButton, self.closeButton):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.statusLabel)
        layout.addWidget(self.hashLabel)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

    def _metadata(self) -> tuple[str | None, dict[str, float] | None]:
        captured = self.capturedAtEdit.text().strip() or None
        if captured is not None:
            rec.parse_when(captured)  # the same rule as incident dates; raises ValidationError
        lat, lon = self.latEdit.text().strip(), self.lonEdit.text().strip()
        if not lat and not lon:
            return captured, None
        try:
            return captured, {"lat": float(lat.replace(",", ".")),
                              "lon": float(lon.replace(",", "."))}
        except ValueError:
            raise ValidationError(self.tr("GPS needs both a latitude and a longitude, as "
                                          "decimal degrees."),
                                  hint=self.tr("For example 43.2389 and 76.8897.")) from None

    def start_import(self) -> None:
        try:
            captured, gps = self._metadata()
        except FieldKitError as err:
            show_error(self, err)
            return
        description, ref, path, ctx = self.descriptionEdit.text(), self.ref, self.path, self.ctx
        for w in (self.importButton, self.descriptionEdit, self.capturedAtEdit, self.latEdit,
                  self.lonEdit):
            w.setEnabled(False)
        self.statusLabel.setText(self.tr("Importing {name}…").format(name=path.name))

        def work(c: TaskControl) -> tuple[IncidentView, dict[str, Any]]:
            return ctx.service.add_evidence(ref, path, description=description,
                                            captured_at=captured, gps=gps,
                                            progress=c.progress, cancel=c.cancel)

        self.task = ctx.tasks.run(work, on_done=guarded(self, self._done),
                                  on_error=guarded(self, self._failed),
                                  title=self.tr("Importing evidence"), progress=self.progressBar,
                                  cancel_button=self.cancelButton,
                                  changes=frozenset({"incidents", "evidence"}))

    def _done(self, result: tuple[IncidentView, dict[str, Any]]) -> None:
        self.task = None
        view, item = result
        self.item = item
        self.progressBar.setRange(0, 1000)
        self.progressBar.setValue(1000)
        self.statusLabel.setText(self.tr("Imported and encrypted. SHA-256:"))
        self.hashLabel.setText(item["sha256"])
        self.importButton.setVisible(False)
        self.closeButton.setText(self.tr("Done"))
        self.imported.emit(view, item)
        if self._close_when_done:
            self.accept()
            return
        self.preview.show_item(item)

    def _failed(self, err: FieldKitError) -> None:
        self.task = None
        self.progressBar.setRange(0, 1000)
        self.progressBar.setValue(0)
        for w in (self.importButton, self.descriptionEdit, self.capturedAtEdit, self.latEdit,
                  self.lonEdit):
            w.setEnabled(True)
        if isinstance(err, CancelledError):
            self.statusLabel.setText(self.tr("Import cancelled: nothing was added to the "
                                             "vault."))
        else:
            self.statusLabel.setText(err.message)
            show_error(self, err)
        if self._close_when_done:
            self.reject()

    def reject(self) -> None:
        """Closing while importing cancels the import first (nothing is left behind)."""
        if self.task is not None:
            self._close_when_done = True
            self.task.cancel()
            return
        super().reject()


# --- the evidence list of an incident --------------------------------------------------------

class EvidenceList(QListWidget):
    """The evidence list; local files dropped on it are offered for import."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepting = False
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    @staticmethod
    def local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepting and self.local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.accepting and self.local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self.local_files(event)
        if not (self.accepting and files):
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)


class EvidencePanel(QWidget):
    """An incident's evidence: the list (a drop target), "Import file…", and for the selected
    item its SHA-256, a preview and the chain of custody."""

    #: A file import dialog opened (tests drive it; the editor does not need it).
    import_dialog_opened = Signal(object)
    #: The incident after a file was added to it.
    incident_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref: str | None = None
        self.items: list[dict[str, Any]] = []
        self._queue: list[Path] = []
        self.dialog: EvidenceImportDialog | None = None
        self._shown: tuple[str, str, bool] | None = None
        self.setObjectName("evidencePanel")
        self.setAccessibleName(self.tr("Evidence"))

        self.list = EvidenceList()
        self.list.setObjectName("evidencePanel.list")
        self.list.setAccessibleName(self.tr("Evidence files (drop files here to import them)"))
        self.list.files_dropped.connect(self.import_files)
        self.list.currentRowChanged.connect(self._select)
        self.importButton = QPushButton(self.tr("Import file…"))
        self.importButton.setObjectName("evidencePanel.importButton")
        self.importButton.setAccessibleName(self.tr("Import an evidence file"))
        self.importButton.clicked.connect(self.choose_files)
        self.hint = QLabel()
        self.hint.setObjectName("evidencePanel.hint")
        self.hint.setWordWrap(True)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.importButton)
        row.addWidget(self.hint, 1)
        lv.addLayout(row)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel()
        self.nameLabel.setObjectName("evidencePanel.nameLabel")
        self.nameLabel.setWordWrap(True)
        self.hashLabel = QLabel()
        self.hashLabel.setObjectName("evidencePanel.hashLabel")
        self.hashLabel.setAccessibleName(self.tr("SHA-256"))
        self.hashLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.hashLabel.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.hashLabel.setWordWrap(True)
        self.preview = EvidencePreview(ctx)
        self.preview.setObjectName("evidencePanel.preview")
        self.custody = CustodyTimeline(ctx)
        rv.addWidget(self.nameLabel)
        rv.addWidget(self.hashLabel)
        rv.addWidget(self.preview, 1)
        rv.addWidget(self.custody, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.set_incident(None, editable=False)

    def set_incident(self, view: IncidentView | None, *, editable: bool) -> None:
        """Show ``view``'s evidence; imports are allowed only into a saved draft. Showing the
        same revision again does nothing (no list rebuild, no second decryption)."""
        key = (view.ref, view.state, editable) if view is not None else None
        items = list(view.body["evidence"]) if view is not None else []
        if key is not None and key == self._shown and items == self.items:
            return
        self._shown = key
        self.ref = view.ref if view is not None else None
        current = self.list.currentRow()
        self.items = list(view.body["evidence"]) if view is not None else []
        can_import = editable and self.ref is not None
        self.list.accepting = can_import
        self.importButton.setEnabled(can_import)
        if view is None:
            self.hint.setText(self.tr("Save the draft first, then import files or drop them "
                                      "on the list."))
        elif not editable:
            self.hint.setText(self.tr("Sealed: no files can be added. Custody events can."))
        else:
            self.hint.setText(self.tr("Or drop files on the list."))
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            row = QListWidgetItem(f"{item['file_name']} — {human_size(item['size'])}")
            row.setToolTip(item["sha256"])
            self.list.addItem(row)
        self.list.blockSignals(False)
        if self.items:
            self.list.setCurrentRow(min(max(current, 0), len(self.items) - 1))
            self._select(self.list.currentRow())
        else:
            self._select(-1)

    def _select(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        if item is None:
            self.nameLabel.clear()
            self.hashLabel.clear()
        else:
            self.nameLabel.setText(f"{item['file_name']} · {item['media_type']} · "
                                   f"{human_size(item['size'])}")
            self.hashLabel.setText(f"SHA-256 {item['sha256']}")
        self.preview.show_item(item)
        self.custody.set_item(item)

    def choose_files(self) -> QFileDialog:
        """Open a (non-blocking, Qt-drawn) file dialog; the files picked are imported."""
        dialog = QFileDialog(self, self.tr("Import evidence files"))
        dialog.setObjectName("evidencePanel.fileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.filesSelected.connect(self._files_selected)  # not a lambda (see testimony.py)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _files_selected(self, names: list[str]) -> None:
        self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Offer each file for import, one dialog after another."""
        if self.ref is None or not self.list.accepting:
            return
        self._queue += [Path(p) for p in paths]
        if self.dialog is None:
            self._next()

    def _next(self) -> None:
        if not self._queue or self.ref is None:
            self._queue.clear()
            self.dialog = None
            return
        path = self._queue.pop(0)
        dialog = EvidenceImportDialog(self.ctx, self.ref, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        self.import_dialog_opened.emit(dialog)

    def _dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self._next()

    def _imported(self, view: IncidentView, _item: dict[str, Any]) -> None:
        self.set_incident(view, editable=True)
        self.list.setCurrentRow(len(self.items) - 1)
        self.incident_changed.emit(view)
