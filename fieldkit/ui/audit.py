"""The Audit page (administrators): the registry's audit log with filters and paging, this
vault's own sync log, and the status of the log checkpoint this vault verified; CSV export.

Pages are fetched lazily, one at a time, when the page is shown or the user moves: the
registry pages by cursor (``after``), so "previous" is the cursors already used. Every
request runs on a worker through ``ctx.tasks``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import CancelledError, FieldKitError
from fieldkit.sync.admin import (
    OUTCOMES,
    AdminClient,
    AuditFilter,
    AuditRows,
    CheckpointStatus,
    DeviceRow,
    checkpoint_status,
)
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import error_text
from fieldkit.ui.syncpanel import alive, format_time, ltr
from fieldkit.ui.tasks import Task, TaskControl

#: The registry's request names (route names), offered in the action filter.
ACTIONS = ("enroll", "exports.report", "devices.enrolment", "records.submit", "records.pull",
           "receipts.get", "chunks.missing", "chunks.put", "chunks.get", "files.put",
           "files.get", "org_key.get", "whoami",
           "admin.enroll_code", "admin.devices", "admin.revoke", "admin.audit",
           "admin.audit_csv", "admin.org_key", "health", "log.checkpoint", "log.inclusion",
           "log.consistency")
COLUMNS = ("id", "at", "device", "role", "action", "outcome", "status", "path", "reason",
           "detail", "remote")


class AuditPage(QWidget):
    page_size = 100

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditPage")
        self.setAccessibleName(self.tr("Audit"))
        self.page: AuditRows | None = None
        self.cursors: list[int] = [0]   # the cursor of each page shown so far
        self.filters = AuditFilter()
        self.devices: list[DeviceRow] = []
        self.checkpoint: CheckpointStatus | None = None
        self.checkpoint_error: FieldKitError | None = None
        self.error: FieldKitError | None = None
        self._loading: Task[tuple[AuditRows, list[DeviceRow] | None]] | None = None
        self._export: Task[int] | None = None
        self._dirty = True
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("auditPage.tabs")
        self.tabs.addTab(self._build_registry_tab(), self.tr("Registry audit log"))
        self.tabs.addTab(self._build_local_tab(), self.tr("Sync log on this device"))
        self.tabs.addTab(self._build_checkpoint_tab(), self.tr("Log checkpoint"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        ctx.changed.connect(self._on_changed)
        ctx.locked.connect(self._on_locked)

    # --- layout -------------------------------------------------------------------------------

    def _build_registry_tab(self) -> QWidget:
        tab = QWidget(self)
        self.device_filter = QComboBox(tab)
        self.device_filter.setObjectName("auditPage.deviceFilter")
        self.device_filter.setAccessibleName(self.tr("Filter by device"))
        self.device_filter.setEditable(True)
        self.device_filter.addItem(self.tr("Any device"), None)
        self.action_filter = QComboBox(tab)
        self.action_filter.setObjectName("auditPage.actionFilter")
        self.action_filter.setAccessibleName(self.tr("Filter by action"))
        self.action_filter.addItem(self.tr("Any action"), None)
        for action in ACTIONS:
            self.action_filter.addItem(action, action)
        self.outcome_filter = QComboBox(tab)
        self.outcome_filter.setObjectName("auditPage.outcomeFilter")
        self.outcome_filter.setAccessibleName(self.tr("Filter by outcome"))
        self.outcome_filter.addItem(self.tr("Any outcome"), None)
        names = {"ok": self.tr("ok"), "refused": self.tr("refused"), "error": self.tr("error")}
        for outcome in OUTCOMES:
            self.outcome_filter.addItem(names[outcome], outcome)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From"), tab)
        self.since_check.setObjectName("auditPage.sinceCheck")
        self.since_edit = QDateEdit(today.addDays(-7), tab)
        self.since_edit.setObjectName("auditPage.sinceEdit")
        self.since_edit.setAccessibleName(self.tr("From date (UTC)"))
        self.until_check = QCheckBox(self.tr("To"), tab)
        self.until_check.setObjectName("auditPage.untilCheck")
        self.until_edit = QDateEdit(today, tab)
        self.until_edit.setObjectName("auditPage.untilEdit")
        self.until_edit.setAccessibleName(self.tr("To date, inclusive (UTC)"))
        for edit, check in ((self.since_edit, self.since_check),
                            (self.until_edit, self.until_check)):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an ISO date reads LTR
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.apply_button = QPushButton(self.tr("Apply filters"), tab)
        self.apply_button.setObjectName("auditPage.applyButton")
        self.apply_button.setAccessibleName(self.tr("Apply filters"))
        self.apply_button.clicked.connect(self.apply_filters)

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Device:"), tab), 0, 0)
        filters.addWidget(self.device_filter, 0, 1)
        filters.addWidget(QLabel(self.tr("Action:"), tab), 0, 2)
        filters.addWidget(self.action_filter, 0, 3)
        filters.addWidget(QLabel(self.tr("Outcome:"), tab), 0, 4)
        filters.addWidget(self.outcome_filter, 0, 5)
        filters.addWidget(self.since_check, 1, 0)
        filters.addWidget(self.since_edit, 1, 1)
        filters.addWidget(self.until_check, 1, 2)
        filters.addWidget(self.until_edit, 1, 3)
        filters.addWidget(self.apply_button, 1, 5)

        self.table = QTableWidget(0, len(COLUMNS), tab)
        self.table.setObjectName("auditPage.table")
        self.table.setAccessibleName(self.tr("Registry audit events"))
        self.table.setHorizontalHeaderLabels([
            self.tr("#"), self.tr("Time"), self.tr("Device"), self.tr("Role"),
            self.tr("Action"), self.tr("Outcome"), self.tr("HTTP"), self.tr("Path"),
            self.tr("Reason"), self.tr("Detail"), self.tr("From")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()

        self.prev_button = QPushButton(self.tr("Previous"), tab)
        self.prev_button.setObjectName("auditPage.prevButton")
        self.prev_button.setAccessibleName(self.tr("Previous page"))
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Next"), tab)
        self.next_button.setObjectName("auditPage.nextButton")
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel(tab)
        self.page_label.setObjectName("auditPage.pageLabel")
        self.export_page_button = QPushButton(self.tr("Export this page…"), tab)
        self.export_page_button.setObjectName("auditPage.exportPageButton")
        self.export_page_button.setAccessibleName(self.tr("Export this page as CSV"))
        self.export_page_button.clicked.connect(lambda: self.choose_export(whole=False))
        self.export_all_button = QPushButton(self.tr("Export all matching…"), tab)
        self.export_all_button.setObjectName("auditPage.exportAllButton")
        self.export_all_button.setAccessibleName(
            self.tr("Export every matching event as CSV"))
        self.export_all_button.clicked.connect(lambda: self.choose_export(whole=True))
        self.export_progress = QProgressBar(tab)
        self.export_progress.setObjectName("auditPage.exportProgress")
        self.export_progress.setAccessibleName(self.tr("Export progress"))
        self.export_progress.hide()
        self.export_cancel = QPushButton(self.tr("Cancel"), tab)
        self.export_cancel.setObjectName("auditPage.exportCancel")
        self.export_cancel.setEnabled(False)
        self.export_cancel.hide()
        paging = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            paging.addWidget(w)
        paging.addStretch(1)
        for widget in (self.export_progress, self.export_cancel, self.export_page_button,
                       self.export_all_button):
            paging.addWidget(widget)

        self.status_label = QLabel(tab)
        self.status_label.setObjectName("auditPage.status")
        self.status_label.setAccessibleName(self.tr("Audit log status"))
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.status_label)
        self._update_paging()
        return tab

    def _build_local_tab(self) -> QWidget:
        tab = QWidget(self)
        self.local_table = QTableWidget(0, 4, tab)
        self.local_table.setObjectName("auditPage.localLogTable")
        self.local_table.setAccessibleName(self.tr("Sync log on this device"))
        self.local_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("Outcome"), self.tr("Detail")])
        self.local_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.local_table.verticalHeader().hide()
        self.local_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.local_table)
        return tab

    def _build_checkpoint_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.cp_state = QLabel(tab)
        self.cp_state.setObjectName("auditPage.checkpointState")
        self.cp_state.setAccessibleName(self.tr("Checkpoint verification"))
        self.cp_state.setWordWrap(True)
        self.cp_size = QLabel(tab)
        self.cp_size.setObjectName("auditPage.checkpointSize")
        self.cp_root = QLabel(tab)
        self.cp_root.setObjectName("auditPage.checkpointRoot")
        self.cp_root.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cp_time = QLabel(tab)
        self.cp_time.setObjectName("auditPage.checkpointTime")
        self.cp_origin = QLabel(tab)
        self.cp_origin.setObjectName("auditPage.checkpointOrigin")
        form.addRow(self.tr("Status:"), self.cp_state)
        form.addRow(self.tr("Log:"), self.cp_origin)
        form.addRow(self.tr("Entries (size):"), self.cp_size)
        form.addRow(self.tr("Root hash:"), self.cp_root)
        form.addRow(self.tr("Consistency verified at:"), self.cp_time)
        return tab

    # --- refreshing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {"audit", "sync", "vault"}:
            self._dirty = True
            if self.isVisible():
                self.reload()

    def _on_locked(self) -> None:
        self.page = None
        self.table.setRowCount(0)
        self.local_table.setRowCount(0)
        self._dirty = True

    def reload(self) -> None:
        """Reload what this page shows (lazily: only the current audit page)."""
        self._dirty = False
        self.load_page(self.cursors[-1])
        self._load_local()

    def _admin(self) -> AdminClient:
        client = self.ctx.sync_client
        if client is None:
            from fieldkit.errors import VaultLockedError

            raise VaultLockedError("The vault is locked.")
        return AdminClient(client)

    def load_page(self, after: int) -> None:
        if self.ctx.sync_client is None or self._loading is not None:
            return
        filters = self.filters
        size = self.page_size
        want_devices = not self.devices

        def work(c: TaskControl) -> tuple[AuditRows, list[DeviceRow] | None]:
            api = self._admin()
            rows = api.audit(filters, after=after, limit=size)
            return rows, api.devices() if want_devices else None

        def done(result: tuple[AuditRows, list[DeviceRow] | None]) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = None
            page, devices = result
            if devices is not None:
                self._set_devices(devices)
            self.page = page
            self.error = None
            self._show_page(page)

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = None
            self.error = err
            self.status_label.setText(error_text(err))
            self._update_paging()

        self.status_label.setText(self.tr("Loading…"))
        self._loading = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                           title=self.tr("Reading the audit log"))
        self._update_paging()

    def _load_local(self) -> None:
        client = self.ctx.sync_client
        if client is None:
            return

        def work(c: TaskControl) -> tuple[list[dict[str, str]], object]:
            log = client.sync_log(limit=500)
            try:
                cp: object = checkpoint_status(client)
            except FieldKitError as e:  # shown as a failed verification, never as fine
                cp = e
            return log, cp

        def done(result: tuple[list[dict[str, str]], object]) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            log, cp = result
            self.local_table.setRowCount(len(log))
            for i, row in enumerate(log):
                for j, key in enumerate(("at", "action", "outcome", "detail")):
                    value = format_time(row[key]) if key == "at" else \
                        ltr(row[key]) if key == "detail" else row[key]
                    self.local_table.setItem(i, j, QTableWidgetItem(value))
            self.local_table.resizeColumnsToContents()
            self.local_table.horizontalHeader().setSectionResizeMode(
                3, QHeaderView.ResizeMode.Stretch)
            self._show_checkpoint(cp)

        self.ctx.tasks.run(work, on_done=done, on_error=lambda err: None,
                           title=self.tr("Reading the sync log"))

    def _set_devices(self, devices: list[DeviceRow]) -> None:
        self.devices = devices
        current = self.device_filter.currentData()
        self.device_filter.clear()
        self.device_filter.addItem(self.tr("Any device"), None)
        for d in devices:
            name = f"{d.label or d.role} · {d.role} · {d.key_id[:12]}"
            if d.revoked_at:
                name += " " + self.tr("(revoked)")
            self.device_filter.addItem(name, d.key_id)
        index = self.device_filter.findData(current)
        self.device_filter.setCurrentIndex(max(0, index))

    def _show_page(self, page: AuditRows) -> None:
        labels = {d.key_id: d.label or d.role for d in self.devices}
        self.table.setRowCount(len(page.rows))
        for i, row in enumerate(page.rows):
            for j, key in enumerate(COLUMNS):
                value = getattr(row, key)
                if key == "at":
                    text = format_time(value)
                elif key == "device" and value:
                    text = f"{labels.get(value, '')} {ltr(value[:20])}".strip()
                elif key in ("path", "reason", "detail", "remote"):
                    text = ltr(value or "")
                else:
                    text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                if key in ("device", "reason", "path", "detail") and value:
                    item.setToolTip(str(value))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        if page.rows:
            self.status_label.setText(self.tr("Events {first}–{last}").format(
                first=page.rows[0].id, last=page.rows[-1].id))
        else:
            self.status_label.setText(self.tr("No events match these filters."))
        self._update_paging()

    def _update_paging(self) -> None:
        busy = self._loading is not None
        self.prev_button.setEnabled(not busy and len(self.cursors) > 1)
        self.next_button.setEnabled(not busy and self.page is not None
                                    and self.page.next_after is not None)
        self.page_label.setText(self.tr("Page {n}").format(n=len(self.cursors)))
        exporting = self._export is not None
        self.export_page_button.setEnabled(not exporting and self.page is not None)
        self.export_all_button.setEnabled(not exporting and self.ctx.sync_client is not None)

    # --- filters and paging ---------------------------------------------------------------

    def current_filters(self) -> AuditFilter:
        device = self.device_filter.currentData()
        if device is None:  # typed by hand: a key id (or nothing)
            text = self.device_filter.currentText().strip()
            device = text if text and text != self.tr("Any device") else None
        since = self.since_edit.date().toString(Qt.DateFormat.ISODate) \
            if self.since_check.isChecked() else None
        until = self.until_edit.date().addDays(1).toString(Qt.DateFormat.ISODate) \
            if self.until_check.isChecked() else None
        return AuditFilter(device=device, action=self.action_filter.currentData(),
                           outcome=self.outcome_filter.currentData(), since=since, until=until)

    def apply_filters(self) -> None:
        try:
            filters = self.current_filters()
            filters.params()
        except FieldKitError as e:
            self.error = e
            self.status_label.setText(error_text(e))
            return
        self.filters = filters
        self.cursors = [0]
        self.page = None
        self.load_page(0)

    def next_page(self) -> None:
        if self.page is None or self.page.next_after is None or self._loading is not None:
            return
        self.cursors.append(self.page.next_after)
        self.load_page(self.page.next_after)

    def previous_page(self) -> None:
        if len(self.cursors) < 2 or self._loading is not None:
            return
        self.cursors.pop()
        self.load_page(self.cursors[-1])

    # --- export -----------------------------------------------------------------------------

    def choose_export(self, *, whole: bool) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the audit log as CSV"), "fieldkit-audit.csv",
            self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(Path(path), whole=whole)

    def export_csv(self, out: Path, *, whole: bool) -> Task[int] | None:
        """Save the registry's CSV of every matching event (``whole``) or of the page on
        screen, atomically, on a worker with progress and cancel."""
        if self._export is not None:
            return None
        filters, page, size = self.filters, self.page, self.page_size

        def work(c: TaskControl) -> int:
            api = self._admin()
            if whole:
                return api.export_audit_csv(out, filters, progress=c.progress,
                                            cancel=c.cancel)
            from fieldkit.storage.keyfile import atomic_write

            after = page.after if page is not None else 0
            data = api.audit_csv(filters, after=after, limit=size)
            c.cancel.raise_if_cancelled()
            atomic_write(out, data)
            return max(0, data.count(b"\n") - 1)

        def finish() -> None:
            self._export = None
            self.export_progress.hide()
            self.export_cancel.hide()
            self._update_paging()

        def done(n: int) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            finish()
            self.status_label.setText(self.tr("Saved {n} events to {path}.").format(
                n=n, path=str(out)))

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            finish()
            self.status_label.setText(self.tr("Export cancelled; no file was written.")
                                      if isinstance(err, CancelledError) else error_text(err))

        self.export_progress.show()
        self.export_cancel.show()
        self._export = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                          title=self.tr("Exporting the audit log"),
                                          progress=self.export_progress,
                                          cancel_button=self.export_cancel)
        self._update_paging()
        return self._export

    # --- checkpoint ---------------------------------------------------------------------------

    def _show_checkpoint(self, cp: object) -> None:
        for label in (self.cp_size, self.cp_root, self.cp_time, self.cp_origin):
            label.setText("—")
        if isinstance(cp, FieldKitError):
            self.checkpoint, self.checkpoint_error = None, cp
            self.cp_state.setText(self.tr("Does NOT verify: {why}").format(why=error_text(cp)))
            self.cp_state.setStyleSheet("color: #a40000;")
            return
        self.checkpoint_error = None
        self.checkpoint = cp if isinstance(cp, CheckpointStatus) else None
        if self.checkpoint is None:
            self.cp_state.setText(self.tr("No checkpoint yet: sync once."))
            self.cp_state.setStyleSheet("")
            return
        c = self.checkpoint
        if c.distrusted:
            self.cp_state.setText(self.tr("Registry distrusted: {why}").format(
                why=c.distrusted))
            self.cp_state.setStyleSheet("color: #a40000;")
        else:
            self.cp_state.setText(self.tr(
                "Verified: signed by the pinned log key and consistent with the {n} "
                "checkpoints kept before it.").format(n=c.kept - 1))
            self.cp_state.setStyleSheet("")
        self.cp_origin.setText(ltr(c.origin))
        self.cp_size.setText(str(c.size))
        self.cp_root.setText(ltr(c.root_b64))
        self.cp_time.setText(format_time(c.verified_at))
