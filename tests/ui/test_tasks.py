"""TaskRunner: results and errors arrive on the GUI thread, cancel stops the worker, progress
is polled, the pool is injectable, and the default error path is the one error dialog."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QPushButton, QWidget

from fieldkit.errors import CancelledError, FieldKitError, InternalError, NotFoundError
from fieldkit.ui.errors import DIALOG_NAME
from fieldkit.ui.tasks import TaskControl, TaskRunner


@pytest.fixture
def pool() -> QThreadPool:
    p = QThreadPool()
    p.setMaxThreadCount(2)
    return p


@pytest.fixture
def runner(qapp: QApplication, pool: QThreadPool) -> TaskRunner:
    return TaskRunner(pool=pool)


def test_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: dict[str, object] = {}

    def work(control: TaskControl) -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    task = runner.run(work, on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["result"] == 42
    assert seen["worker"] is not QApplication.instance().thread()
    assert seen["callback"] is QApplication.instance().thread()
    assert runner.wait_idle(1000)


def test_the_injected_pool_runs_the_work(qtbot, qapp) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner = TaskRunner(pool=pool)
    names: list[str] = []
    runner.run(lambda c: names.append(threading.current_thread().name))
    assert runner.wait_idle(5000)
    assert runner.pool is pool and len(names) == 1


def test_fieldkit_error_reaches_on_error(qtbot, runner: TaskRunner) -> None:
    errors: list[FieldKitError] = []

    def work(control: TaskControl) -> None:
        raise NotFoundError("No such incident.", hint="Check the id.")

    runner.run(work, on_error=errors.append, on_done=lambda r: pytest.fail("no result"))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], NotFoundError)
    assert errors[0].hint == "Check the id."


def test_a_bug_becomes_internal_error(qtbot, runner: TaskRunner) -> None:
    errors: list[FieldKitError] = []
    runner.run(lambda c: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert type(errors[0]) is InternalError
    assert "ZeroDivisionError" in errors[0].message
    assert isinstance(errors[0].__cause__, ZeroDivisionError)


def test_default_error_path_shows_the_dialog_text(qtbot, qapp, pool: QThreadPool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent, pool=pool)

    def work(control: TaskControl) -> None:
        raise NotFoundError("There is no vault at /nowhere.", hint="Pass --vault DIR.")

    runner.run(work)

    def dialog() -> QMessageBox | None:
        for w in QApplication.topLevelWidgets():
            if w.objectName() == DIALOG_NAME and w.isVisible():
                return w  # type: ignore[return-value]
        return None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5000)
    box = dialog()
    assert box is not None
    assert box.text() == "There is no vault at /nowhere."
    assert box.informativeText() == "Pass --vault DIR."
    assert "not_found" in box.detailedText()
    assert box.accessibleName()
    box.close()


def test_cancel_stops_the_worker_and_reports_cancelled(qtbot, runner: TaskRunner) -> None:
    started = threading.Event()
    errors: list[FieldKitError] = []
    button = QPushButton("Cancel")
    qtbot.addWidget(button)

    def work(control: TaskControl) -> None:
        started.set()
        while True:
            control.cancel.raise_if_cancelled()
            QThread.msleep(5)

    task = runner.run(work, on_error=errors.append, cancel_button=button)
    assert button.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=5000)
    button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], CancelledError)
    assert task.cancelled
    assert not button.isEnabled()


def test_cancelled_task_shows_no_dialog_by_default(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()

    def work(control: TaskControl) -> None:
        gate.wait(5)
        control.cancel.raise_if_cancelled()

    task = runner.run(work)
    task.cancel()
    gate.set()
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert not any(w.objectName() == DIALOG_NAME and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_progress_is_polled_and_drives_the_bar(qtbot, runner: TaskRunner) -> None:
    bar = QProgressBar()
    qtbot.addWidget(bar)
    step = threading.Event()
    release = threading.Event()
    seen: list[tuple[int, object]] = []

    def work(control: TaskControl) -> str:
        control.label("copying")
        control.progress(25, 100)
        step.set()
        release.wait(5)
        control.progress(100, 100)
        return "ok"

    task = runner.run(work, progress=bar)
    task.progressed.connect(lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: (25, 100) in seen, timeout=5000)
    assert bar.maximum() == 1000 and bar.value() == 250
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen[-1] == (100, 100)
    assert bar.value() == 1000


def test_changes_are_announced_after_success_only(qtbot, runner: TaskRunner) -> None:
    announced: list[frozenset[str]] = []
    runner.changed.connect(announced.append)
    runner.run(lambda c: None, changes=frozenset({"incidents"}))
    runner.run(lambda c: (_ for _ in ()).throw(CancelledError("stop")),
               changes=frozenset({"evidence"}), on_error=lambda e: None)
    assert runner.wait_idle(5000)
    assert announced == [frozenset({"incidents"})]


def test_busy_signal_and_wait_idle(qtbot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    gate = threading.Event()
    runner.run(lambda c: gate.wait(5))
    assert not runner.wait_idle(50)
    gate.set()
    assert runner.wait_idle(5000)
    assert states == [True, False]


def test_none_survives_many_void_calls() -> None:
    """PySide6 6.12.0 on Python 3.11 takes a reference from None on every void call and the
    process aborts after a few thousand (why PySide6 is pinned to 6.11.3). Run in a child so a
    regression fails this test instead of killing the whole run."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(50_000):\n"
        "    label.setEnabled(True)\n"
        "    label.setText('x')\n"
        "print(before - sys.getrefcount(None))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) < 1_000


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot, runner: TaskRunner) -> None:
    """Pages close on lock while their jobs still run: nothing may touch their widgets."""
    import shiboken6

    class Page(QWidget):
        def start(self) -> None:
            def done(result: object) -> None:  # a closure over self: the owner is inferred
                self.setWindowTitle(str(result))

            runner.run(lambda c: gate.wait(5), on_done=done)
            runner.run(lambda c: gate.wait(5), on_done=self.setWindowTitle)

    gate = threading.Event()
    page = Page()
    page.start()
    shiboken6.delete(page)
    gate.set()
    assert runner.wait_idle(5000)  # pytest-qt fails the test on an exception in a callback


def test_progress_bar_and_cancel_button_deleted_while_running(qtbot, runner: TaskRunner) -> None:
    """A lock closes the page that holds the bar and the cancel button mid-job."""
    import shiboken6

    gate = threading.Event()
    bar, button = QProgressBar(), QPushButton("Cancel")

    def work(control: TaskControl) -> None:
        control.progress(1, 2)
        gate.wait(5)
        control.progress(2, 2)

    task = runner.run(work, progress=bar, cancel_button=button, on_error=lambda e: None)
    qtbot.waitUntil(lambda: bar.value() == 500, timeout=5000)
    shiboken6.delete(bar)
    shiboken6.delete(button)
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert runner.wait_idle(5000)
