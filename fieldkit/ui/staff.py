"""The Staff page (envoy office vaults): pull new records from the registry with progress and
cancel, see the sealed incidents received, pick some and open the dossier export wizard, and
the log of exports made from this vault. Pulled records the log does not vouch for are in
quarantine (docs/adr/0016): the page shows how many, and each with its reason in plain words.

Pulling runs ``SyncClient.pull`` on a worker: each record is verified, decrypted and stored
whole (with its files) or not at all, so a cancel keeps what was complete.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import CancelledError, FieldKitError
from fieldkit.service import IncidentView
from fieldkit.sync.client import SyncReport
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import error_text
from fieldkit.ui.syncpanel import alive, format_time, ltr, report_text
from fieldkit.ui.tasks import Task, TaskControl

#: How many received incidents the table shows (newest first); the Incidents page has all.
SHOWN = 500


class StaffPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffPage")
        self.setAccessibleName(self.tr("Staff"))

        self.pull_button = QPushButton(self.tr("Pull"), self)
        self.pull_button.setObjectName("staffPage.pullButton")
        self.pull_button.setAccessibleName(self.tr("Pull new records from the registry"))
        self.pull_button.clicked.connect(self.pull)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("staffPage.progress")
        self.progress.setAccessibleName(self.tr("Pull progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("staffPage.cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the pull"))
        self.cancel_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.pull_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)

        self.report_label = QLabel(self)
        self.report_label.setObjectName("staffPage.report")
        self.report_label.setAccessibleName(self.tr("Last pull report"))
        self.report_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("staffPage.error")
        self.error_label.setAccessibleName(self.tr("Pull error"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("staffPage.table")
        self.table.setAccessibleName(self.tr("Sealed incidents in this vault"))
        self.table.setHorizontalHeaderLabels([self.tr("Occurred"), self.tr("Title"),
                                              self.tr("Country"), self.tr("Category"),
                                              self.tr("Record")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_row)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("staffPage.count")

        self.dossier_button = QPushButton(self.tr("Export a dossier…"), self)
        self.dossier_button.setObjectName("staffPage.dossierButton")
        self.dossier_button.setAccessibleName(self.tr("Open the dossier export wizard"))
        self.dossier_button.clicked.connect(self.open_dossier_wizard)
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        below.addWidget(self.dossier_button)

        self.exports_table = QTableWidget(0, 5, self)
        self.exports_table.setObjectName("staffPage.exportsTable")
        self.exports_table.setAccessibleName(self.tr("Exports made from this vault"))
        self.exports_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Kind"), self.tr("Audience"), self.tr("Records"),
            self.tr("Reported to the registry")])
        self.exports_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exports_table.verticalHeader().hide()
        self.exports_table.setMaximumHeight(160)
        self.exports_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)

        self.quarantine_label = QLabel(self)
        self.quarantine_label.setObjectName("staffPage.quarantineCount")
        self.quarantine_label.setAccessibleName(self.tr("Records in quarantine"))
        self.quarantine_label.setWordWrap(True)
        self.quarantine_table = QTableWidget(0, 4, self)
        self.quarantine_table.setObjectName("staffPage.quarantineTable")
        self.quarantine_table.setAccessibleName(self.tr(
            "Pulled records in quarantine, with the reason for each"))
        self.quarantine_table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Device"), self.tr("Why it is in quarantine"),
            self.tr("First seen")])
        self.quarantine_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quarantine_table.verticalHeader().hide()
        self.quarantine_table.setMaximumHeight(140)
        self.quarantine_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.quarantine_table.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.report_label)
        layout.addWidget(self.error_label)
        layout.addWidget(QLabel(self.tr("Sealed incidents received"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        layout.addWidget(self.quarantine_label)
        layout.addWidget(self.quarantine_table)
        layout.addWidget(QLabel(self.tr("Exports"), self))
        layout.addWidget(self.exports_table)

        self.task: Task[SyncReport] | None = None
        self.last_report: SyncReport | None = None
        self.last_error: FieldKitError | None = None
        self.incidents: list[IncidentView] = []
        self.quarantine: list[dict[str, Any]] = []
        self.quarantine_total = 0
        self.role: str | None = None  # read with the incidents, on a worker
        self.wizard: QWidget | None = None
        self._loading = False
        self._again = False
        ctx.changed.connect(self._on_changed)
        ctx.locked.connect(self._on_locked)
        self.refresh()
        self._update_buttons()

    # --- state --------------------------------------------------------------------------------

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {"incidents", "sync", "audit", "vault"}:
            self.refresh()

    def _on_locked(self) -> None:
        self.table.setRowCount(0)
        self.exports_table.setRowCount(0)
        self.quarantine_table.setRowCount(0)
        self.incidents = []
        self.quarantine = []

    def refresh(self) -> None:
        if not self.ctx.is_unlocked:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        service = self.ctx.service
        client = self.ctx.sync_client
        Result = tuple[list[IncidentView], int, list[dict[str, Any]], str | None,
                       list[dict[str, Any]], int]

        def work(c: TaskControl) -> Result:
            from fieldkit.export.log import list_exports

            shown = service.list_incidents(state="sealed", limit=SHOWN)
            reg = client.registry() if client is not None else None
            held = client.quarantined(limit=SHOWN) if client is not None else []
            count = client.quarantine_count() if client is not None else 0
            return (shown, service.count_incidents(state="sealed"),
                    list_exports(service, limit=50), reg.role if reg else None, held, count)

        def done(result: Result) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = False
            incidents, total, exports, self.role, self.quarantine, self.quarantine_total = (
                result)
            self._show(incidents, total, exports)
            self._show_quarantine()
            if self._again:
                self._again = False
                self.refresh()

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = False
            self._again = False

        self.ctx.tasks.run(work, on_done=done, on_error=failed,
                           title=self.tr("Reading the incidents"))

    def _show(self, incidents: list[IncidentView], total: int,
              exports: list[dict[str, Any]]) -> None:
        selected = set(self.selected_ids())
        self.incidents = incidents
        self.table.setRowCount(len(incidents))
        lang = self.ctx.settings.language
        taxonomy = self.ctx.service.taxonomy
        for i, view in enumerate(incidents):
            try:
                category = taxonomy.get(view.category).label(lang)
            except FieldKitError:
                category = view.category
            record = view.record_id or ""
            values = (ltr(view.occurred), view.title, view.country, category, ltr(record[:12]))
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 4:
                    item.setToolTip(record)
                    item.setData(Qt.ItemDataRole.UserRole, record)
                self.table.setItem(i, j, item)
            if record in selected:
                self.table.selectRow(i)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count_label.setText(
            self.tr("{n} sealed incidents").format(n=total) if total <= len(incidents)
            else self.tr("Newest {shown} of {n} sealed incidents").format(shown=len(incidents),
                                                                       n=total))
        self.exports_table.setRowCount(len(exports))
        for i, e in enumerate(exports):
            values = (format_time(e["at"]), e["kind"], e["audience"], str(e["records"]),
                      format_time(e["reported_at"]) if e["reported_at"] else self.tr("queued"))
            for j, value in enumerate(values):
                self.exports_table.setItem(i, j, QTableWidgetItem(value))
        self._update_buttons()

    def reason_text(self, reason: str) -> str:
        """Why a pulled record is in quarantine, in plain words (fieldkit.sync.client's
        QUARANTINE_REASONS, translated)."""
        texts = {
            "malformed": self.tr("It is damaged or forged: it is not a well-formed record."),
            "unsealed": self.tr("It reached the registry unsealed, not sealed to the "
                                "organisation's key."),
            "bad_signature": self.tr("The device signature on it does not verify."),
            "mismatch": self.tr("The registry describes it differently from what its device "
                                "signed."),
            "cannot_open": self.tr("No organisation key in this vault opens it."),
            "no_receipt": self.tr("The registry gave no receipt for it: nothing shows it is in "
                                  "the log."),
            "bad_receipt": self.tr("Its receipt does not prove that it is in the log."),
            "log_conflict": self.tr("Its receipt rests on a history of the log that "
                                    "contradicts this vault's."),
            "not_enrolled": self.tr("The log shows no enrolment of the device that signed it."),
            "bad_enrolment": self.tr("The proof of its device's enrolment does not hold."),
            "role_not_allowed": self.tr("Its device is enrolled with a role that may not send "
                                        "records."),
            "logged_before_enrolment": self.tr("It was logged before its device was "
                                               "enrolled."),
            "revoked": self.tr("Its device had been revoked before it was logged."),
            "file_unavailable": self.tr("One of its files could not be fetched whole."),
        }
        return texts.get(reason, reason)

    def _show_quarantine(self) -> None:
        total, rows = self.quarantine_total, self.quarantine
        if not total:
            self.quarantine_label.setText(self.tr("No pulled record is in quarantine."))
            self.quarantine_table.hide()
            return
        self.quarantine_label.setText(self.tr(
            "{n} pulled records are in quarantine: the registry's log does not vouch for "
            "them, so they are in no list, search or export. Each pull checks them again."
        ).format(n=total))
        self.quarantine_table.setRowCount(len(rows))
        for i, q in enumerate(rows):
            device = str(q["device"] or "")
            values = (ltr(q["id"][:12]), ltr(device[:20]), self.reason_text(q["reason"]),
                      format_time(q["first_seen"]))
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 0:
                    item.setToolTip(q["id"])
                elif j == 1:
                    item.setToolTip(device)
                elif j == 2:
                    item.setToolTip(q["detail"])
                self.quarantine_table.setItem(i, j, item)
        self.quarantine_table.show()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        out = []
        for r in rows:
            item = self.table.item(r, 4)
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _update_buttons(self) -> None:
        self.pull_button.setEnabled(self.task is None and self.ctx.is_unlocked
                                    and self.role == "staff")
        self.pull_button.setToolTip("" if self.role == "staff" else self.tr(
            "Only a staff vault, enrolled with a staff code and holding the organisation key, "
            "can pull records."))
        n = len(self.selected_ids())
        self.dossier_button.setText(self.tr("Export a dossier of {n} incidents…").format(n=n)
                                    if n else self.tr("Export a dossier…"))

    def _open_row(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ctx.open_incident.emit(ids[0])

    # --- actions ------------------------------------------------------------------------------

    def pull(self) -> None:
        client = self.ctx.sync_client
        if client is None or self.task is not None:
            return
        self.error_label.hide()
        self.last_error = None
        self.report_label.setText(self.tr("Pulling…"))
        self.progress.setValue(0)

        def work(c: TaskControl) -> SyncReport:
            return client.pull(progress=c.progress, cancel=c.cancel)

        def done(report: SyncReport) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.last_report = report
            self.progress.setRange(0, 1000)
            self.progress.setValue(1000)
            self.report_label.setText(report_text(report))
            self._update_buttons()

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
            if isinstance(err, CancelledError):
                self.report_label.setText(self.tr("Cancelled. Every record already received "
                                                  "was kept whole; pull again to continue."))
            else:
                self.last_error = err
                self.report_label.setText(self.tr("Not pulled."))
                self.error_label.setText(error_text(err))
                self.error_label.show()
            self._update_buttons()
            if self.ctx.is_unlocked:
                self.ctx.notify("sync", "incidents")

        self.task = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                       title=self.tr("Pulling records"),
                                       progress=self.progress, cancel_button=self.cancel_button,
                                       changes=frozenset({"sync", "incidents"}))
        self._update_buttons()

    def open_dossier_wizard(self) -> QWidget:
        from fieldkit.ui.dossier_wizard import DossierWizard

        wizard = DossierWizard(self.ctx, self.selected_ids(), self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.open()
        return wizard
