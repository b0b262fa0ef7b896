"""Auto-lock after idle minutes: an event filter on the QApplication restarts a timer on
every keyboard, mouse, wheel or touch input; when it fires, the vault locks (the key is
dropped, pages and editors close, the unlock screen returns)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from fieldkit.ui.context import AppContext

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
})


class AutoLock(QObject):
    """Locks ``ctx`` after ``ctx.settings.auto_lock_minutes`` without user input (0: never)."""

    fired = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        ctx.unlocked.connect(self.restart)
        ctx.locked.connect(self.timer.stop)
        if ctx.is_unlocked:
            self.restart()

    def interval_ms(self) -> int:
        return int(self.ctx.settings.auto_lock_minutes * 60_000)

    @Slot()
    def restart(self) -> None:
        """(Re)start the idle countdown, e.g. after the setting changed."""
        ms = self.interval_ms()
        if ms <= 0 or not self.ctx.is_unlocked:
            self.timer.stop()
            return
        self.timer.start(ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # restarts with the same interval; cheap
        return False

    @Slot()
    def _fire(self) -> None:
        if self.ctx.is_unlocked:
            self.ctx.lock()
            self.fired.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class AutoLockDialog(QDialog):
    """Ask for the idle minutes (0 turns auto-lock off)."""

    def __init__(self, minutes: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autoLockDialog")
        self.setWindowTitle(self.tr("Auto-lock"))
        form = QFormLayout(self)
        self.spin = QDoubleSpinBox(self)
        self.spin.setObjectName("autoLockDialog.minutes")
        self.spin.setDecimals(0)
        self.spin.setRange(0, 240)
        self.spin.setValue(minutes)
        self.spin.setSuffix(self.tr(" min"))
        self.spin.setAccessibleName(self.tr("Lock after idle minutes"))
        label = QLabel(self.tr("Lock after this many idle &minutes (0: never):"), self)
        label.setBuddy(self.spin)
        form.addRow(label, self.spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def minutes(self) -> float:
        return float(self.spin.value())
