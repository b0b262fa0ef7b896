"""Sync in the app: a status-bar widget (online/offline, queue, last receipt) and the Sync page
("Sync now" with progress and cancel, the last report, errors in plain words, the local sync
log).

All network and vault work runs through ``ctx.tasks``; the widgets only show results. The
status widget checks the registry with a cheap unsigned health request on a timer, and never
opens a dialog: being offline is a normal state for a field monitor, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
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
from fieldkit.sync.client import SyncClient, SyncReport
from fieldkit.ui.context import AppContext
from fieldkit.ui.errors import error_text
from fieldkit.ui.tasks import Task, TaskControl

#: How often the status bar asks the registry whether it is up (ms).
HEALTH_INTERVAL_MS = 30_000
#: How many sync log lines the page shows.
LOG_LIMIT = 200


def alive(widget: QObject) -> bool:
    """False once Qt deleted the widget (pages go on lock): task callbacks check it first."""
    return shiboken6.isValid(widget)


def ltr(text: str) -> str:
    """Keep technical text (paths, ids, times, English details from the core) left to right
    inside a right-to-left layout: a left-to-right isolate (U+2066 … U+2069)."""
    return f"\u2066{text}\u2069" if text else text


def format_time(iso: str | None) -> str:
    """An ISO 8601 UTC time from the vault, in local time as ``yyyy-MM-dd HH:mm`` (the same
    unambiguous form in every language; isolated so it reads the same in Arabic)."""
    if not iso:
        return QCoreApplication.translate("SyncPanel", "never")
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not when.isValid():
        return ltr(iso)
    return ltr(when.toLocalTime().toString("yyyy-MM-dd HH:mm"))


def format_bytes(n: int) -> str:
    return QLocale().formattedDataSize(n)


def report_text(report: SyncReport) -> str:
    """The last sync's result in one sentence."""
    if report.action == "pull":
        text = QCoreApplication.translate(
            "SyncPanel", "Received {records} records and {files} files ({size}).").format(
            records=report.records, files=report.files,
            size=format_bytes(report.bytes_received))
    else:
        text = QCoreApplication.translate(
            "SyncPanel", "Sent {records} records and {files} files ({size}); each has a "
                         "verified receipt.").format(
            records=report.records, files=report.files, size=format_bytes(report.bytes_sent))
    if report.retries:
        text += " " + QCoreApplication.translate("SyncPanel", "{n} retries.").format(
            n=report.retries)
    return text


def cancelled_text() -> str:
    return QCoreApplication.translate(
        "SyncPanel", "Cancelled. Records already sent keep their receipts; the rest stay "
                     "queued and nothing half-stored was kept.")


@dataclass(frozen=True)
class SyncSnapshot:
    """What the status bar and the Sync page show, read on a worker."""

    enrolled: bool
    role: str | None
    url: str | None
    device: str | None
    distrusted: str | None
    queue: int
    last_receipt_at: str | None
    last_success: dict[str, str] | None
    last_error: dict[str, str] | None
    online: bool | None = None      # None: not checked
    offline_reason: str = ""
    log: tuple[dict[str, str], ...] = ()
    org_key: str | None = None      # the organisation key this vault seals to / holds
    org_safety_number: str | None = None
    org_qr_png: bytes | None = None


def read_snapshot(client: SyncClient, *, check_online: bool, log_limit: int = 0
                  ) -> SyncSnapshot:
    """Read the sync state from the vault (and ask the registry whether it is up). Runs on a
    worker: it touches the vault and the network."""
    from fieldkit.sync.admin import health

    status: dict[str, Any] = client.status()
    reg = status["registry"]
    online: bool | None = None
    reason = ""
    if reg is not None and check_online:
        try:
            health(client)
            online = True
        except FieldKitError as e:  # offline is a state to show, not an error to raise
            online, reason = False, e.message
    last = status["last_receipt"]
    org = client.org_key_in_use()
    return SyncSnapshot(
        enrolled=reg is not None, role=reg and reg["role"], url=reg and reg["url"],
        device=reg and reg["device"], distrusted=reg and reg["distrusted"],
        queue=int(status["queue"]), last_receipt_at=last and last["at"],
        last_success=status["last_success"], last_error=status["last_error"],
        online=online, offline_reason=reason,
        log=tuple(client.sync_log(limit=log_limit)) if log_limit else (),
        org_key=None if org is None else org.to_text(),
        org_safety_number=None if org is None else org.safety_number,
        org_qr_png=org.qr_png() if org is not None and log_limit else None)


class SyncStatusWidget(QWidget):
    """For the status bar: registry online/offline, records queued, last receipt."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncStatus")
        self.setAccessibleName(self.tr("Sync status"))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("syncStatus.state")
        self.queue_label = QLabel(self)
        self.queue_label.setObjectName("syncStatus.queue")
        self.receipt_label = QLabel(self)
        self.receipt_label.setObjectName("syncStatus.lastReceipt")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.state_label, self.queue_label, self.receipt_label):
            layout.addWidget(label)
        self.snapshot: SyncSnapshot | None = None
        self._task: Task[SyncSnapshot] | None = None
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(HEALTH_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.refresh(check_online=True))
        ctx.changed.connect(self._on_changed)
        ctx.locked.connect(self._on_locked)
        ctx.unlocked.connect(self._on_unlocked)
        if ctx.is_unlocked:
            self._on_unlocked()
        else:
            self._on_locked()

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {"sync", "incidents", "vault"}:
            self.refresh(check_online="sync" in what or "vault" in what)

    def _on_locked(self) -> None:
        self.timer.stop()
        self.snapshot = None
        self._show(None)

    def _on_unlocked(self) -> None:
        self.timer.start()
        self.refresh(check_online=True)

    def refresh(self, *, check_online: bool = True) -> None:
        """Read the state on a worker; a refresh asked for while one runs runs after it."""
        client = self.ctx.sync_client
        if client is None:
            return
        if self._task is not None:
            self._again = True
            return

        def done(snap: SyncSnapshot) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._task = None
            if snap.online is None and self.snapshot is not None:  # keep the last known state
                snap = SyncSnapshot(**{**snap.__dict__, "online": self.snapshot.online,
                                       "offline_reason": self.snapshot.offline_reason})
            self.snapshot = snap
            self._show(snap)
            if self._again:
                self._again = False
                self.refresh(check_online=False)

        def failed(err: FieldKitError) -> None:  # locked meanwhile, or the vault went away
            if not alive(self):
                return
            self._task = None
            self._again = False

        self._task = self.ctx.tasks.run(
            lambda c: read_snapshot(client, check_online=check_online),
            on_done=done, on_error=failed, title=self.tr("Checking the registry"))

    def _show(self, snap: SyncSnapshot | None) -> None:
        if snap is None:
            self.state_label.setText("")
            self.queue_label.setText("")
            self.receipt_label.setText("")
            self.setToolTip("")
            return
        if not snap.enrolled:
            self.state_label.setText(self.tr("Not enrolled"))
            self.queue_label.setText("")
            self.receipt_label.setText("")
            self.setToolTip(self.tr("This vault is not connected to a registry."))
            return
        if snap.distrusted:
            state, tip = self.tr("Registry distrusted"), snap.distrusted
        elif snap.online is None:
            state, tip = self.tr("Checking…"), ""
        elif snap.online:
            state, tip = self.tr("Online"), snap.url or ""
        else:
            state, tip = self.tr("Offline"), snap.offline_reason
        self.state_label.setText(state)
        self.setToolTip(tip)
        self.queue_label.setText(self.tr("Queue: {n}").format(n=snap.queue))
        self.receipt_label.setText(self.tr("Last receipt: {when}").format(
            when=format_time(snap.last_receipt_at)))
        self.setAccessibleDescription(" · ".join(
            (state, self.queue_label.text(), self.receipt_label.text())))


class SyncPage(QWidget):
    """Sync now, with progress and cancel; the last report; the local sync log."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncPage")
        self.setAccessibleName(self.tr("Sync"))

        registry_box = QGroupBox(self.tr("Registry"), self)
        form = QFormLayout(registry_box)
        self.registry_label = QLabel(registry_box)
        self.registry_label.setObjectName("syncPage.registry")
        self.registry_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_label = QLabel(registry_box)
        self.role_label.setObjectName("syncPage.role")
        self.queue_label = QLabel(registry_box)
        self.queue_label.setObjectName("syncPage.queue")
        self.last_label = QLabel(registry_box)
        self.last_label.setObjectName("syncPage.lastSuccess")
        form.addRow(self.tr("Address:"), self.registry_label)
        form.addRow(self.tr("This vault is:"), self.role_label)
        form.addRow(self.tr("Waiting to be sent:"), self.queue_label)
        form.addRow(self.tr("Last sync:"), self.last_label)
        self.enroll_button = QPushButton(self.tr("Enrol this vault…"), registry_box)
        self.enroll_button.setObjectName("syncPage.enrollButton")
        self.enroll_button.setAccessibleName(self.tr("Enrol this vault with a registry"))
        self.enroll_button.clicked.connect(self.open_enroll_dialog)
        form.addRow(self.enroll_button)

        # the organisation key's fingerprint, to confirm out of band (ADR 0019)
        org_box = QGroupBox(self.tr("Organisation key"), self)
        org_box.setObjectName("syncPage.orgKeyBox")
        org_layout = QHBoxLayout(org_box)
        org_text = QVBoxLayout()
        self.org_hint_label = QLabel(self.tr(
            "Read this safety number to your organisation's staff by phone or in person, or "
            "let them scan the code. If it differs from theirs, do not sync: tell an "
            "administrator."), org_box)
        self.org_hint_label.setWordWrap(True)
        self.org_safety_label = QLabel(org_box)
        self.org_safety_label.setObjectName("syncPage.orgSafetyNumber")
        self.org_safety_label.setAccessibleName(self.tr("Safety number of the organisation key"))
        self.org_safety_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.org_safety_label.setStyleSheet("font-family: 'DejaVu Sans Mono'; font-size: 14pt;")
        org_text.addWidget(self.org_hint_label)
        org_text.addWidget(self.org_safety_label)
        org_text.addStretch(1)
        self.org_qr_label = QLabel(org_box)
        self.org_qr_label.setObjectName("syncPage.orgQr")
        self.org_qr_label.setAccessibleName(self.tr("QR code of the organisation key"))
        org_layout.addLayout(org_text, 1)
        org_layout.addWidget(self.org_qr_label)
        self.org_box = org_box

        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("syncPage.syncButton")
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("syncPage.cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the sync"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncPage.progress")
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)

        self.report_label = QLabel(self)
        self.report_label.setObjectName("syncPage.report")
        self.report_label.setAccessibleName(self.tr("Last sync report"))
        self.report_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("syncPage.error")
        self.error_label.setAccessibleName(self.tr("Sync error"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()

        self.log_table = QTableWidget(0, 4, self)
        self.log_table.setObjectName("syncPage.logTable")
        self.log_table.setAccessibleName(self.tr("Sync log"))
        self.log_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("Outcome"), self.tr("Detail")])
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.verticalHeader().hide()
        self.log_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addWidget(registry_box)
        layout.addWidget(org_box)
        layout.addLayout(buttons)
        layout.addWidget(self.report_label)
        layout.addWidget(self.error_label)
        layout.addWidget(QLabel(self.tr("Sync log on this device"), self))
        layout.addWidget(self.log_table, 1)

        self.task: Task[SyncReport] | None = None
        self.last_report: SyncReport | None = None
        self.last_error: FieldKitError | None = None
        self.snapshot: SyncSnapshot | None = None
        self.enroll_dialog: QWidget | None = None
        self._loading = False
        ctx.changed.connect(self._on_changed)
        ctx.locked.connect(self._on_locked)
        self.refresh()

    # --- state --------------------------------------------------------------------------------

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {"sync", "vault", "incidents"}:
            self.refresh()

    def _on_locked(self) -> None:
        self.log_table.setRowCount(0)
        self.snapshot = None

    def refresh(self) -> None:
        client = self.ctx.sync_client
        if client is None or self._loading:
            return
        self._loading = True

        def done(snap: SyncSnapshot) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = False
            self.snapshot = snap
            self._show(snap)

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self._loading = False
            if not isinstance(err, CancelledError):
                self._show_error(err)

        self.ctx.tasks.run(lambda c: read_snapshot(client, check_online=False,
                                                   log_limit=LOG_LIMIT),
                           on_done=done, on_error=failed, title=self.tr("Reading the sync log"))

    def _show(self, snap: SyncSnapshot) -> None:
        roles = {"monitor": self.tr("a monitor's vault (sends sealed records)"),
                 "staff": self.tr("a staff vault (receives records)"),
                 "admin": self.tr("an administrator's vault")}
        self.enroll_button.setVisible(not snap.enrolled)
        if not snap.enrolled:
            self.registry_label.setText(self.tr("Not enrolled"))
            self.role_label.setText("—")
        else:
            self.registry_label.setText(ltr(snap.url or ""))
            self.role_label.setText(roles.get(snap.role or "", snap.role or ""))
        self.queue_label.setText(self.tr("{n} sealed records").format(n=snap.queue))
        self._show_org_key(snap)
        ok = snap.last_success
        self.last_label.setText(format_time(ok["at"]) + " — " + ltr(ok["detail"]) if ok
                                else self.tr("never"))
        can_sync = snap.enrolled and snap.role in ("monitor", "staff") and self.task is None
        self.sync_button.setEnabled(bool(can_sync))
        self.sync_button.setText(self.tr("Pull now") if snap.role == "staff"
                                 else self.tr("Sync now"))
        self.log_table.setRowCount(len(snap.log))
        for i, row in enumerate(snap.log):
            values = (format_time(row["at"]), row["action"], row["outcome"], ltr(row["detail"]))
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 3:
                    item.setToolTip(row["detail"])
                self.log_table.setItem(i, j, item)
        self.log_table.resizeColumnsToContents()
        self.log_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)

    def _show_org_key(self, snap: SyncSnapshot) -> None:
        if snap.org_safety_number is None:
            self.org_safety_label.setText(self.tr("No organisation key yet: a monitor learns "
                                                  "it at enrolment or on its first sync."))
            self.org_qr_label.clear()
            return
        groups = snap.org_safety_number.split()
        # two lines of four groups of digits, kept left to right in an Arabic layout
        self.org_safety_label.setText(ltr(" ".join(groups[:4])) + "\n" +
                                      ltr(" ".join(groups[4:])))
        self.org_safety_label.setToolTip(snap.org_key or "")
        if snap.org_qr_png:
            pixmap = QPixmap()
            pixmap.loadFromData(snap.org_qr_png, "PNG")
            self.org_qr_label.setPixmap(pixmap.scaled(
                160, 160, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation))

    def _show_error(self, err: FieldKitError) -> None:
        self.last_error = err
        self.error_label.setText(error_text(err))
        self.error_label.setAccessibleDescription(error_text(err))
        self.error_label.show()

    # --- actions ------------------------------------------------------------------------------

    def sync_now(self) -> None:
        client = self.ctx.sync_client
        if client is None or self.task is not None:
            return
        self.error_label.hide()
        self.last_error = None
        self.report_label.setText(self.tr("Syncing…"))
        self.sync_button.setEnabled(False)
        self.progress.setValue(0)

        def work(c: TaskControl) -> SyncReport:
            return client.sync(progress=c.progress, cancel=c.cancel)

        def done(report: SyncReport) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.last_report = report
            self.progress.setRange(0, 1000)
            self.progress.setValue(1000)
            self.report_label.setText(report_text(report))
            self.sync_button.setEnabled(True)

        def failed(err: FieldKitError) -> None:
            if not alive(self):  # closed or locked meanwhile
                return
            self.task = None
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
            self.sync_button.setEnabled(True)
            if isinstance(err, CancelledError):
                self.report_label.setText(cancelled_text())
            else:
                self.report_label.setText(self.tr("Not synced."))
                self._show_error(err)
            if self.ctx.is_unlocked:
                self.ctx.notify("sync")  # the log and the queue changed

        self.task = self.ctx.tasks.run(work, on_done=done, on_error=failed,
                                       title=self.tr("Syncing"),
                                       progress=self.progress, cancel_button=self.cancel_button,
                                       changes=frozenset({"sync", "incidents"}))

    def open_enroll_dialog(self) -> None:
        from fieldkit.ui.enroll import EnrollDialog

        # parented to the window: enrolling may change the role, and with it the pages
        dialog = EnrollDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.enroll_dialog = dialog
