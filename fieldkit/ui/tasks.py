"""The one way to run store, crypto, network and PDF work off the GUI thread.

Like Anki's ``CollectionOp``/``QueryOp``: a plain core function runs on a worker thread and
the runner calls back on the GUI thread with its result or its error. Workers never touch
widgets: they get a :class:`TaskControl` (a cancel token, and thread-safe progress and label
state) and the GUI polls that state on a timer, so a chatty worker cannot flood the event loop.

Any exception that is not a :class:`~fieldkit.errors.FieldKitError` is a bug: it is logged
with its traceback and reaches ``on_error`` as an :class:`~fieldkit.errors.InternalError`.
The default ``on_error`` shows :func:`fieldkit.ui.errors.show_error` (nothing for a cancel the
user asked for). Writers are serialised by the vault itself (one write lock, one writer
connection); readers each get their own read-only connection per worker thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractButton, QProgressBar, QProgressDialog, QWidget

from fieldkit.errors import CancelledError, FieldKitError, InternalError
from fieldkit.progress import CancelToken

T = TypeVar("T")
log = logging.getLogger(__name__)

#: How often the GUI reads a running task's progress (ms).
POLL_MS = 50


def _owner_of(callback: object) -> QObject | None:
    """The QObject a callback belongs to: ``self`` of a bound method, or the ``self`` a
    closure defined in a method captured."""
    target = getattr(callback, "__self__", None)
    if isinstance(target, QObject):
        return target
    code = getattr(callback, "__code__", None)
    cells = getattr(callback, "__closure__", None)
    if code is not None and cells:
        for name, cell in zip(code.co_freevars, cells, strict=False):
            if name == "self":
                try:
                    value = cell.cell_contents
                except ValueError:  # an empty cell
                    return None
                return value if isinstance(value, QObject) else None
    return None


class TaskControl:
    """Handed to the worker function: its cancel token and its progress/label state."""

    def __init__(self) -> None:
        self.cancel = CancelToken()
        self._lock = threading.Lock()
        self._done = 0
        self._total: int | None = None
        self._label = ""
        self._serial = 0

    def progress(self, done: int, total: int | None) -> None:
        """Record progress (thread-safe; cheap enough to call per chunk). It also fits
        :data:`fieldkit.progress.Progress`, so pass ``control.progress`` to core jobs."""
        with self._lock:
            self._done, self._total = int(done), total
            self._serial += 1

    def label(self, text: str) -> None:
        with self._lock:
            self._label = text
            self._serial += 1

    def snapshot(self) -> tuple[int, int, int | None, str]:
        """(serial, done, total, label): the GUI compares serials to skip unchanged states."""
        with self._lock:
            return self._serial, self._done, self._total, self._label


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it (queued to the GUI thread)."""

    succeeded = Signal(object)
    errored = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], control: TaskControl,
                 relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._control = control
        self._relay = relay

    def run(self) -> None:
        try:
            self._control.cancel.raise_if_cancelled()
            result = self._fn(self._control)
        except FieldKitError as err:
            self._relay.errored.emit(err)
        except Exception as exc:  # noqa: BLE001 - the boundary: every bug becomes one error
            log.error("task failed with an unexpected error:\n%s", traceback.format_exc())
            internal = InternalError(f"Unexpected error: {type(exc).__name__}: {exc}")
            internal.__cause__ = exc
            self._relay.errored.emit(internal)
        else:
            self._relay.succeeded.emit(result)


class Task(QObject, Generic[T]):
    """One running job. ``finished(result)`` or ``failed(FieldKitError)`` fires exactly once,
    on the GUI thread; ``progressed(done, total)`` while it runs (``total`` may be None)."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, object)
    labelled = Signal(str)

    def __init__(self, runner: TaskRunner, control: TaskControl, title: str) -> None:
        super().__init__(runner)
        self.control = control
        self.title = title
        self.result: T | None = None
        self.error: FieldKitError | None = None
        self.done = False
        self.started_at = time.monotonic()
        self._serial = 0
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_success, Qt.ConnectionType.QueuedConnection)
        self._relay.errored.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def cancel(self) -> None:
        """Ask the worker to stop; it raises CancelledError at its next check."""
        self.control.cancel.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancel.cancelled

    @Slot()
    def _poll(self) -> None:
        serial, done, total, label = self.control.snapshot()
        if serial != self._serial:
            self._serial = serial
            self.progressed.emit(done, total)
            self.labelled.emit(label)

    def _finish(self) -> None:
        self._timer.stop()
        self._poll()
        self.done = True

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self._finish()
        self.result = result
        self.finished.emit(result)

    @Slot(object)
    def _on_error(self, err: FieldKitError) -> None:
        self._finish()
        self.error = err
        self.failed.emit(err)


class TaskRunner(QObject):
    """Runs jobs on a thread pool (injectable, for tests) and calls back on the GUI thread.

    ``changed`` carries the ``changes`` of each job that succeeded; the AppContext forwards it
    to its own ``changed`` signal, which every page refreshes from.
    """

    changed = Signal(frozenset)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(4)
        self.pool = pool
        self._active: set[Task[Any]] = set()

    @property
    def active(self) -> list[Task[Any]]:
        return list(self._active)

    def _dialog_parent(self, *candidates: QWidget | None) -> QWidget | None:
        for c in candidates:
            if c is not None and shiboken6.isValid(c):
                return c.window()
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def run(self, fn: Callable[[TaskControl], T], *,
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[FieldKitError], None] | None = None,
            title: str = "", progress: QProgressBar | None = None,
            cancel_button: QAbstractButton | None = None,
            modal_progress_parent: QWidget | None = None,
            changes: frozenset[str] = frozenset(),
            owner: QObject | None = None) -> Task[T]:
        """Run ``fn(control)`` on a worker. See the module docstring for the contract.

        ``owner``: the widget the callbacks belong to; when it has been deleted by the time
        the job ends (a page closed on lock, say), the callbacks are skipped. It defaults to
        the object of ``on_done`` or ``on_error`` when that is a bound method of a QObject.
        """
        if owner is None:
            owner = _owner_of(on_done) or _owner_of(on_error)
        control = TaskControl()
        task: Task[T] = Task(self, control, title)
        self._active.add(task)
        if len(self._active) == 1:
            self.busy_changed.emit(True)

        if progress is not None:
            progress.setRange(0, 0)  # busy until the first report

            def show(done: int, total: int | None, bar: QProgressBar = progress) -> None:
                if not shiboken6.isValid(bar):
                    return  # its page closed (a lock) while the job ran
                if total:
                    bar.setRange(0, 1000)
                    bar.setValue(min(1000, int(done * 1000 / total)))
                else:
                    bar.setRange(0, 0)
            task.progressed.connect(show)

        if cancel_button is not None:
            cancel_button.setEnabled(True)
            cancel_button.clicked.connect(task.cancel)

        dialog: QProgressDialog | None = None
        if modal_progress_parent is not None:
            dialog = QProgressDialog(modal_progress_parent)
            dialog.setObjectName("taskProgressDialog")
            dialog.setWindowTitle(title or QCoreApplication.translate("Tasks", "Working"))
            dialog.setLabelText(title)
            dialog.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
            dialog.setAccessibleName(title or QCoreApplication.translate("Tasks", "Progress"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(300)
            dialog.setRange(0, 0)
            dialog.canceled.connect(task.cancel)

            def dshow(done: int, total: int | None, d: QProgressDialog = dialog) -> None:
                if total:
                    d.setRange(0, 1000)
                    d.setValue(min(1000, int(done * 1000 / total)))
            task.progressed.connect(dshow)
            task.labelled.connect(lambda text, d=dialog: d.setLabelText(text or title))

        def cleanup() -> None:
            self._active.discard(task)
            if cancel_button is not None and shiboken6.isValid(cancel_button):
                with contextlib.suppress(RuntimeError, TypeError):
                    cancel_button.clicked.disconnect(task.cancel)
                cancel_button.setEnabled(False)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.canceled.disconnect(task.cancel)
                dialog.close()
                dialog.deleteLater()
            if not self._active:
                self.busy_changed.emit(False)
            task.deleteLater()

        def done_cb(result: T) -> None:
            cleanup()
            if changes:
                self.changed.emit(frozenset(changes))
            if on_done is not None and (owner is None or shiboken6.isValid(owner)):
                on_done(result)

        def error_cb(err: FieldKitError) -> None:
            cleanup()
            if owner is not None and not shiboken6.isValid(owner):
                log.info("%s failed after its window closed: %s", title or "task", err.message)
                return
            if on_error is not None:
                on_error(err)
            elif not isinstance(err, CancelledError):
                from fieldkit.ui.errors import show_error

                show_error(self._dialog_parent(modal_progress_parent, progress, cancel_button),
                           err)

        task.finished.connect(done_cb)
        task.failed.connect(error_cb)
        self.pool.start(_Runnable(fn, control, task._relay))
        return task

    def wait_idle(self, timeout_ms: int) -> bool:
        """Process events until no task is running (True) or the timeout passes (False)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._active:
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._active:
                self.pool.waitForDone(5)
        return True
