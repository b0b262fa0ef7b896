"""Auto-lock: idle → locked (key dropped, pages gone, unlock screen); input postpones it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from fieldkit.errors import VaultLockedError
from fieldkit.ui.context import AppContext
from fieldkit.ui.mainwindow import MainWindow


def make_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_locks_the_vault(qtbot, ctx: AppContext) -> None:
    ctx.settings.auto_lock_minutes = 0.3 / 60  # 300 ms
    window = make_window(qtbot, ctx)
    window.autolock.restart()
    vault = ctx.service.vault
    with qtbot.waitSignal(window.autolock.fired, timeout=5000):
        pass
    assert not ctx.is_unlocked and vault.is_locked
    with pytest.raises(VaultLockedError):
        _ = ctx.service
    assert window.screens.currentWidget() is window.unlock_screen
    assert window.pages == {} and window.editor is None


def test_input_postpones_the_lock(qtbot, ctx: AppContext) -> None:
    ctx.settings.auto_lock_minutes = 0.4 / 60  # 400 ms
    window = make_window(qtbot, ctx)
    window.autolock.restart()
    start = time.monotonic()
    # keep "moving the mouse" for well over the interval
    while time.monotonic() - start < 1.0:
        QApplication.sendEvent(window, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(10, 10), QPointF(10, 10),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        qtbot.wait(50)
        assert ctx.is_unlocked
    with qtbot.waitSignal(window.autolock.fired, timeout=5000):
        pass
    assert not ctx.is_unlocked


def test_zero_minutes_turns_it_off(qtbot, ctx: AppContext) -> None:
    ctx.settings.auto_lock_minutes = 0
    window = make_window(qtbot, ctx)
    window.autolock.restart()
    assert not window.autolock.timer.isActive()
