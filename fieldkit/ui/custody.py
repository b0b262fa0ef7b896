"""The chain-of-custody timeline of one evidence file, and adding an event to it.

The timeline joins the events inside the incident record (the import) with the custody
records sealed since (each one signed at once and append-only, so they can be added to
evidence of a sealed incident too). It refreshes itself from ``ctx.changed`` ("evidence").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.ui.errors import show_error
from fieldkit.ui.persons import follow_text_direction, guarded

if TYPE_CHECKING:
    from fieldkit.domain.sealing import SealedRecord
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import TaskControl

#: Actions offered (any other text may be typed).
ACTIONS = ("transferred", "copied", "verified", "viewed", "handed over", "stored")


class CustodyTimeline(QWidget):
    """Events of one evidence file, oldest first; "Add event" seals a new one."""

    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sha256: str | None = None
        self._embedded: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self._own: str | None = None  # this device's key id (events it signed say so)
        self.setObjectName("custodyTimeline")
        self.setAccessibleName(self.tr("Chain of custody"))

        self.title = QLabel(self.tr("Chain of custody"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("custodyTimeline.tree")
        self.tree.setAccessibleName(self.tr("Custody events, oldest first"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("By"),
                                   self.tr("Note"), self.tr("Sealed record")])

        self.actionCombo = QComboBox()
        self.actionCombo.setObjectName("custodyTimeline.actionCombo")
        self.actionCombo.setAccessibleName(self.tr("Custody action"))
        self.actionCombo.setEditable(True)
        labels = (self.tr("transferred"), self.tr("copied"), self.tr("verified"),
                  self.tr("viewed"), self.tr("handed over"), self.tr("stored"))
        for label in labels:
            self.actionCombo.addItem(label)
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("custodyTimeline.noteEdit")
        self.noteEdit.setAccessibleName(self.tr("Custody note"))
        self.noteEdit.setPlaceholderText(self.tr("To whom, where, why"))
        follow_text_direction(self.noteEdit)
        self.addButton = QPushButton(self.tr("Add event"))
        self.addButton.setObjectName("custodyTimeline.addButton")
        self.addButton.setAccessibleName(self.tr("Add a custody event (sealed at once)"))
        self.addButton.clicked.connect(self.add_event)
        row = QHBoxLayout()
        row.addWidget(self.actionCombo)
        row.addWidget(self.noteEdit, 1)
        row.addWidget(self.addButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self._set_enabled(False)
        ctx.changed.connect(self._on_changed)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.actionCombo, self.noteEdit, self.addButton):
            w.setEnabled(on)

    def set_item(self, item: dict[str, Any] | None) -> None:
        """Show the timeline of an evidence item of the incident record (None clears it)."""
        self.sha256 = item.get("sha256") if item else None
        self._embedded = list(item.get("custody", [])) if item else []
        self._set_enabled(self.sha256 is not None)
        self.refresh()

    def _on_changed(self, what: frozenset[str]) -> None:
        if "evidence" in what and self.sha256 is not None:
            self.refresh()

    def refresh(self) -> None:
        if self.sha256 is None:
            self._show([])
            return
        sha, ctx = self.sha256, self.ctx

        def work(_c: TaskControl) -> tuple[str, list[dict[str, Any]], str]:
            svc = ctx.service
            return sha, svc.custody_events(sha), svc.vault.device_key.verify_key.key_id

        def done(result: tuple[str, list[dict[str, Any]], str]) -> None:
            got_sha, sealed, own = result
            if got_sha != self.sha256:
                return  # another item was selected meanwhile
            self._own = own
            self._show(self._embedded + sealed)

        def failed(err: FieldKitError) -> None:
            self.title.setText(self.tr("Chain of custody: {error}").format(error=err.message))

        ctx.tasks.run(work, on_done=guarded(self, done), on_error=guarded(self, failed),
                      title=self.tr("Reading the chain of custody"))

    def _show(self, events: list[dict[str, Any]]) -> None:
        self.events = events
        self.tree.clear()
        own = self._own
        for ev in events:
            actor = str(ev.get("actor", ""))
            who = self.tr("this device") if actor == own else (actor[:20] + "…" if actor else "")
            record = str(ev.get("record_id") or "")
            row = QTreeWidgetItem([str(ev.get("at", "")), str(ev.get("action", "")), who,
                                   str(ev.get("note", "")),
                                   record[:12] + "…" if record else self.tr("in the record")])
            row.setToolTip(2, actor)
            row.setToolTip(4, record)
            self.tree.addTopLevelItem(row)
        for col in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(col)
        self.refreshed.emit()

    def add_event(self) -> None:
        action = self.actionCombo.currentText().strip()
        note = self.noteEdit.text()
        sha, ctx = self.sha256, self.ctx
        if sha is None:
            return
        if not action:
            show_error(self, ValidationError(self.tr("Say what happened to the evidence."),
                                             hint=self.tr("For example: handed over, copied.")))
            return
        self.addButton.setEnabled(False)

        def work(_c: TaskControl) -> SealedRecord:
            return ctx.service.add_custody_event(sha, action=action, note=note)

        def done(_sealed: SealedRecord) -> None:
            self.noteEdit.clear()
            self.addButton.setEnabled(True)

        def failed(err: Any) -> None:
            self.addButton.setEnabled(True)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Sealing a custody event"),
                      changes=frozenset({"evidence"}))

