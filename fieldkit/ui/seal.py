"""The seal dialog: show exactly what the device will sign, then sign it.

What is shown is the record's RFC 8785 canonical JSON (pretty-printed: the same keys in the
same order, only whitespace added) and the device key that signs it. The signed statement
wraps that record with the device's sequence number, the previous record of its chain, the
revision it amends and the time of sealing; the dialog says so. When the person confirms,
the worker checks that the record still has exactly the canonical bytes shown before it
seals, so a record changed meanwhile is never signed unseen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.crypto.jcs import canonicalize
from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.ui.errors import show_error
from fieldkit.ui.persons import guarded

if TYPE_CHECKING:
    from fieldkit.domain.sealing import SealedRecord
    from fieldkit.service import VaultService
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import TaskControl


@dataclass(frozen=True)
class SealPreview:
    """What the dialog shows, computed on a worker."""

    ref: str
    title: str
    canonical: bytes          # the record's canonical JSON: what goes into the signature
    pretty: str               # the same JSON, indented for reading
    key_id: str
    fingerprint: str
    amends: str | None        # the sealed revision this draft corrects


def pretty_canonical(canonical: bytes) -> str:
    """Indent canonical JSON without reordering it (json keeps the parsed key order)."""
    return json.dumps(json.loads(canonical), ensure_ascii=False, indent=2)


def seal_preview(svc: VaultService, ref: str) -> SealPreview:
    view = svc.get(ref)
    canonical = canonicalize(view.body)
    key = svc.vault.device_key.verify_key
    return SealPreview(view.ref, view.title, canonical, pretty_canonical(canonical), key.key_id,
                       key.fingerprint, view.prev)


def seal_exactly(svc: VaultService, preview: SealPreview) -> SealedRecord:
    """Seal only if the draft still has the canonical bytes that were shown."""
    if canonicalize(svc.get(preview.ref).body) != preview.canonical:
        raise ValidationError("The record changed after it was shown for sealing.",
                              hint="Open the seal dialog again to see the current record.")
    return svc.seal(preview.ref)


class SealDialog(QDialog):
    """Shows the canonical record and the signing key; "Seal and sign" seals it."""

    sealed = Signal(object)  # SealedRecord
    ready = Signal()

    def __init__(self, ctx: AppContext, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.preview: SealPreview | None = None
        self.setObjectName("sealDialog")
        self.setWindowTitle(self.tr("Seal this incident"))
        self.setAccessibleName(self.tr("Seal this incident"))
        self.resize(720, 640)

        self.intro = QLabel(self.tr(
            "Sealing signs the record below with this device's key. A sealed record can "
            "never be edited again; corrections are new revisions (Amend). The signature also "
            "covers this device's record number, its previous record, the revision this one "
            "amends and the time of sealing."))
        self.intro.setWordWrap(True)
        self.keyLabel = QLabel(self.tr("Reading the record…"))
        self.keyLabel.setObjectName("sealDialog.keyLabel")
        self.keyLabel.setAccessibleName(self.tr("Signing key"))
        self.keyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keyLabel.setWordWrap(True)
        self.jsonView = QPlainTextEdit()
        self.jsonView.setObjectName("sealDialog.jsonView")
        self.jsonView.setAccessibleName(self.tr("The record that will be signed (canonical "
                                                "JSON)"))
        self.jsonView.setReadOnly(True)
        self.jsonView.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # JSON reads left to right even in the Arabic UI; Arabic strings inside still shape.
        self.jsonView.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.jsonView.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.confirmButton = QPushButton(self.tr("Seal and sign"))
        self.confirmButton.setObjectName("sealDialog.confirmButton")
        self.confirmButton.setAccessibleName(self.tr("Seal and sign this record"))
        self.confirmButton.setEnabled(False)
        self.confirmButton.clicked.connect(self.confirm)
        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setObjectName("sealDialog.cancelButton")
        self.cancelButton.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.confirmButton)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.keyLabel)
        layout.addWidget(self.jsonView, 1)
        layout.addLayout(buttons)
        self._load()

    def _load(self) -> None:
        ref, ctx = self.ref, self.ctx

        def work(_c: TaskControl) -> SealPreview:
            return seal_preview(ctx.service, ref)

        def failed(err: FieldKitError) -> None:
            self.keyLabel.setText(err.message)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, self._show), on_error=guarded(self, failed),
                      title=self.tr("Preparing the seal"))

    def _show(self, preview: SealPreview) -> None:
        self.preview = preview
        text = self.tr("Signed by this device's key {fingerprint} ({key_id}).").format(
            fingerprint=preview.fingerprint, key_id=preview.key_id)
        if preview.amends:
            text += " " + self.tr("It amends the sealed record {id}.").format(id=preview.amends)
        self.keyLabel.setText(text)
        self.jsonView.setPlainText(preview.pretty)
        self.confirmButton.setEnabled(True)
        self.confirmButton.setFocus()
        self.ready.emit()

    def confirm(self) -> None:
        preview, ctx = self.preview, self.ctx
        if preview is None:
            return
        self.confirmButton.setEnabled(False)
        self.cancelButton.setEnabled(False)

        def work(_c: TaskControl) -> SealedRecord:
            return seal_exactly(ctx.service, preview)

        def done(sealed: SealedRecord) -> None:
            self.sealed.emit(sealed)
            self.accept()

        def failed(err: Any) -> None:
            self.cancelButton.setEnabled(True)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Sealing"),
                      changes=frozenset({"incidents"}))
