"""First run and unlock through the real window: create (with the recovery-key step), unlock,
wrong passphrase, recovery, lock now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QProgressBar, QPushButton

from fieldkit.errors import WrongPassphraseError
from fieldkit.storage.vault import Vault
from fieldkit.ui.context import AppContext
from fieldkit.ui.mainwindow import MainWindow
from fieldkit.ui.unlock import passphrase_strength

from .conftest import PASSPHRASE


def find(window: MainWindow, cls: type, name: str):  # type: ignore[no-untyped-def]
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def make_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def create_vault(qtbot, window: MainWindow, type_text, passphrase: str = PASSPHRASE) -> str:
    """Walk first run like a user; returns the recovery key that was shown."""
    assert window.unlock_screen.stack.currentWidget().objectName() == "createVault"
    type_text(find(window, QLineEdit, "createVault.passphraseEdit"), passphrase)
    type_text(find(window, QLineEdit, "createVault.confirmEdit"), passphrase)
    qtbot.mouseClick(find(window, QPushButton, "createVault.createButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.unlock_screen.stack.currentWidget().objectName()
                    == "recoveryKey", timeout=20_000)
    key = find(window, QLabel, "recoveryKey.keyLabel").text()
    button = find(window, QPushButton, "recoveryKey.continueButton")
    assert not button.isEnabled()  # the "written it down" step is not skippable
    find(window, QCheckBox, "recoveryKey.confirmCheck").setChecked(True)
    assert button.isEnabled()
    with qtbot.waitSignal(window.ctx.unlocked, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return key


def unlock(qtbot, window: MainWindow, type_text, passphrase: str) -> None:
    edit = find(window, QLineEdit, "unlock.passphraseEdit")
    edit.clear()
    type_text(edit, passphrase)
    qtbot.mouseClick(find(window, QPushButton, "unlock.unlockButton"),
                     Qt.MouseButton.LeftButton)


def test_first_run_creates_the_vault_and_shows_the_recovery_key_once(
        qtbot, locked_ctx: AppContext, type_text) -> None:
    window = make_window(qtbot, locked_ctx)
    key = create_vault(qtbot, window, type_text)
    assert locked_ctx.is_unlocked
    assert window.screens.currentWidget() is window.workspace
    assert find(window, QLabel, "recoveryKey.keyLabel").text() == ""  # shown once
    assert "incidents" in window.pages
    # the key shown really recovers the vault
    locked_ctx.lock()
    qtbot.waitUntil(lambda: locked_ctx.vault_closed, timeout=10_000)
    Vault.recover(locked_ctx.vault_dir, key, "a brand new passphrase").lock()
    assert Vault.open(locked_ctx.vault_dir, "a brand new passphrase") is not None


def test_mismatched_or_short_passphrase_is_refused_in_place(
        qtbot, locked_ctx: AppContext, type_text) -> None:
    window = make_window(qtbot, locked_ctx)
    type_text(find(window, QLineEdit, "createVault.passphraseEdit"), "one two three four")
    type_text(find(window, QLineEdit, "createVault.confirmEdit"), "one two three five")
    find(window, QPushButton, "createVault.createButton").click()
    error = find(window, QLabel, "createVault.errorLabel")
    assert error.isVisible() and "differ" in error.text()
    assert not locked_ctx.vault_exists

    for name in ("createVault.passphraseEdit", "createVault.confirmEdit"):
        edit = find(window, QLineEdit, name)
        edit.clear()
        type_text(edit, "short")
    assert find(window, QLabel, "createVault.strengthLabel").text().startswith("Too short")
    find(window, QPushButton, "createVault.createButton").click()
    qtbot.waitUntil(lambda: "too short" in error.text(), timeout=10_000)
    assert not locked_ctx.vault_exists


def test_duress_passphrase_is_set_at_creation(qtbot, locked_ctx: AppContext, type_text) -> None:
    window = make_window(qtbot, locked_ctx)
    find(window, QCheckBox, "createVault.duressCheck").setChecked(True)
    type_text(find(window, QLineEdit, "createVault.duressEdit"), "under duress passphrase")
    create_vault(qtbot, window, type_text)
    locked_ctx.lock()
    qtbot.waitUntil(lambda: locked_ctx.vault_closed, timeout=10_000)
    # the duress passphrase opens an empty vault in place of the real one
    Vault.open(locked_ctx.vault_dir, "under duress passphrase").lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(locked_ctx.vault_dir, PASSPHRASE)


def test_wrong_passphrase_shows_the_core_error_and_keeps_the_screen(
        qtbot, ctx: AppContext, type_text) -> None:
    window = make_window(qtbot, ctx)
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        window.lock_action.trigger()
    assert window.screens.currentWidget() is window.unlock_screen
    assert window.unlock_screen.stack.currentWidget().objectName() == "unlock"
    assert window.pages == {}

    unlock(qtbot, window, type_text, "not the passphrase")
    error = find(window, QLabel, "unlock.errorLabel")
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    try:
        Vault.open(ctx.vault_dir, "not the passphrase")
    except WrongPassphraseError as err:
        assert error.text() == err.diagnostics()
    assert not ctx.is_unlocked
    assert window.unlock_screen.stack.currentWidget().objectName() == "unlock"
    assert find(window, QPushButton, "unlock.unlockButton").isEnabled()

    with qtbot.waitSignal(ctx.unlocked, timeout=20_000):
        unlock(qtbot, window, type_text, PASSPHRASE)
    assert window.screens.currentWidget() is window.workspace
    assert not error.isVisible()


def test_lock_shortcut_and_busy_bar(qtbot, ctx: AppContext, type_text) -> None:
    window = make_window(qtbot, ctx)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock(qtbot, window, type_text, PASSPHRASE)
    busy = window.findChild(QProgressBar, "unlock.busy")
    assert busy is not None and busy.isVisible()  # the KDF runs off the GUI thread
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=20_000)


def test_recovery_dialog_opens_with_a_new_passphrase(qtbot, locked_ctx: AppContext,
                                                     type_text) -> None:
    vault, key = Vault.create(locked_ctx.vault_dir, PASSPHRASE)
    vault.lock()
    window = make_window(qtbot, locked_ctx)
    find(window, QPushButton, "unlock.recoverButton").click()
    type_text(find(window, QLineEdit, "recoverDialog.keyEdit"), key)
    type_text(find(window, QLineEdit, "recoverDialog.passphraseEdit"), "another passphrase")
    type_text(find(window, QLineEdit, "recoverDialog.confirmEdit"), "another passphrase")
    with qtbot.waitSignal(locked_ctx.unlocked, timeout=20_000):
        window.findChild(QLineEdit, "recoverDialog.keyEdit").window().submit()
    locked_ctx.lock()
    qtbot.waitUntil(lambda: locked_ctx.vault_closed, timeout=10_000)
    Vault.open(locked_ctx.vault_dir, "another passphrase").lock()


def test_strength_hint_grows_with_length() -> None:
    scores = [passphrase_strength(p) for p in
              ("abc", "abcdefgh", "correct horse", "correct horse battery staple",
               "حصان صحيح بطارية دبوس")]
    assert scores[0] == 0
    assert scores == [*sorted(scores[:4]), scores[4]]
    assert scores[3] >= 3 and scores[4] >= 3


def test_lock_waits_for_running_jobs_before_closing_the_vault(qtbot, ctx: AppContext,
                                                              type_text) -> None:
    """Closing a connection under a running query crashes the process: the vault locks once
    the jobs running at lock time have returned, and a new unlock waits for that."""
    import threading

    ctx.service.create_incident(title="x", category="other.unclassified",
                                occurred="2026-01-01", country="SY")
    window = make_window(qtbot, ctx)
    started, gate = threading.Event(), threading.Event()
    svc = ctx.service
    vault = svc.vault

    def work(control) -> int:  # type: ignore[no-untyped-def]
        started.set()
        gate.wait(10)
        return svc.count_incidents()  # a query after the lock was asked for

    task = ctx.tasks.run(work)
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        window.lock_action.trigger()
    assert not ctx.is_unlocked and window.pages == {}
    assert not vault.is_locked  # still closing: a job is inside it
    unlock(qtbot, window, type_text, PASSPHRASE)  # waits for the old vault to close
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=10_000) as done:
        pass
    assert done.args == [1]
    qtbot.waitUntil(lambda: vault.is_locked, timeout=5000)
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=30_000)
    assert ctx.service.vault is not vault


def test_the_gui_never_stalls_while_the_key_is_derived(qtbot, ctx: AppContext, type_text,
                                                       gui_stall_probe) -> None:
    """Argon2id runs on a worker (and releases the GIL): the window keeps painting."""
    window = make_window(qtbot, ctx)
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        window.lock_action.trigger()
    qtbot.waitUntil(lambda: ctx.vault_closed, timeout=10_000)
    gui_stall_probe.start()
    with qtbot.waitSignal(ctx.unlocked, timeout=30_000):
        unlock(qtbot, window, type_text, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.pages["incidents"].model.loading, timeout=10_000)
    gui_stall_probe.assert_no_stall(100)
