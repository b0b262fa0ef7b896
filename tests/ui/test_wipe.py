"""Panic wipe: nothing happens without the typed confirmation; after it the vault cannot be
opened by passphrase or recovery key, and the app is back at first run."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from fieldkit.errors import NotFoundError
from fieldkit.storage.vault import Vault
from fieldkit.ui.context import AppContext
from fieldkit.ui.mainwindow import MainWindow
from fieldkit.ui.unlock import PanicWipeDialog

from .conftest import PASSPHRASE


def open_dialog(qtbot, window: MainWindow) -> PanicWipeDialog:
    window.wipe_action.trigger()
    dialog = window.findChild(PanicWipeDialog, "panicWipe")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_wipe_needs_the_typed_word(qtbot, ctx: AppContext, type_text) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = open_dialog(qtbot, window)
    button = dialog.findChild(QPushButton, "panicWipe.wipeButton")
    edit = dialog.findChild(QLineEdit, "panicWipe.confirmEdit")
    assert not button.isEnabled()
    type_text(edit, "wipe")  # not the word: case matters
    assert not button.isEnabled()
    button.click()  # disabled: nothing happens
    assert ctx.is_unlocked and ctx.vault_exists
    dialog.reject()
    assert ctx.is_unlocked and ctx.vault_exists


def test_wipe_destroys_the_vault_and_returns_to_first_run(qtbot, locked_ctx: AppContext,
                                                          type_text) -> None:
    vault, recovery = Vault.create(locked_ctx.vault_dir, PASSPHRASE)
    locked_ctx.attach(vault)
    locked_ctx.service.create_incident(title="secret", category="other.unclassified",
                                       occurred="2026-01-01", country="SY")
    window = MainWindow(locked_ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = open_dialog(qtbot, window)
    type_text(dialog.findChild(QLineEdit, "panicWipe.confirmEdit"), "WIPE")
    button = dialog.findChild(QPushButton, "panicWipe.wipeButton")
    assert button.isEnabled()
    with qtbot.waitSignal(locked_ctx.wiped, timeout=5000):
        button.click()
    assert not locked_ctx.is_unlocked
    assert not locked_ctx.vault_dir.exists()  # at once, even while the list was loading
    qtbot.waitUntil(lambda: vault.is_locked, timeout=10_000)
    with pytest.raises(NotFoundError):
        Vault.open(locked_ctx.vault_dir, PASSPHRASE)
    with pytest.raises(NotFoundError):
        Vault.recover(locked_ctx.vault_dir, recovery, "a new passphrase")
    assert window.screens.currentWidget() is window.unlock_screen
    assert window.unlock_screen.stack.currentWidget().objectName() == "createVault"


def test_wipe_while_locked(qtbot, locked_ctx: AppContext, type_text) -> None:
    vault, _ = Vault.create(locked_ctx.vault_dir, PASSPHRASE)
    vault.lock()
    window = MainWindow(locked_ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = open_dialog(qtbot, window)
    type_text(dialog.findChild(QLineEdit, "panicWipe.confirmEdit"), "WIPE")
    dialog.findChild(QPushButton, "panicWipe.wipeButton").click()
    assert not locked_ctx.vault_dir.exists()
    with pytest.raises(NotFoundError):
        Vault.open(locked_ctx.vault_dir, PASSPHRASE)
    assert window.unlock_screen.stack.currentWidget().objectName() == "createVault"
