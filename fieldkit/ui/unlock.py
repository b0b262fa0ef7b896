"""First run and unlock: create a vault (passphrase, strength hint, the recovery key shown
once behind an "I have written it down" step, optional duress passphrase), unlock it, and the
panic wipe. The key derivation takes a noticeable moment (Argon2id), so create, unlock and
recover run through the TaskRunner with a busy bar; errors are the core's own text."""

from __future__ import annotations

import math
import string

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.storage.vault import MIN_PASSPHRASE_CHARS, Vault
from fieldkit.ui.context import AppContext
from fieldkit.ui.i18n import ltr
from fieldkit.ui.tasks import TaskControl


def passphrase_strength(text: str) -> int:
    """A rough 0–4 score from the length and the kinds of characters (the vault's own rule,
    at least MIN_PASSPHRASE_CHARS characters, is enforced by the core)."""
    if len(text) < MIN_PASSPHRASE_CHARS:
        return 0
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c in string.digits for c in text):
        pool += 10
    if any(c in string.punctuation or c == " " for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 60  # Arabic, Cyrillic...
    distinct = len(set(text))
    bits = min(len(text), distinct * 2) * math.log2(max(pool, 2))
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _busy_bar(parent: QWidget, name: str) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setObjectName(name)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.hide()
    return bar


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(320)
    return edit


class _Card(QWidget):
    """A centred column with a title: the look of every first-run and unlock step."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.frame = QFrame(self)
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frame.setMaximumWidth(560)
        self.body = QVBoxLayout(self.frame)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.title = QLabel(self.frame)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.body.addWidget(self.title)
        row.addWidget(self.frame)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class CreateVaultPage(_Card):
    """Passphrase + confirmation + optional duress passphrase → Vault.create on a worker."""

    created = Signal(object, str)  # (Vault, recovery key)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("createVault")
        self.intro = QLabel(self.frame)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        form = QFormLayout()
        self.passphrase = _password_edit(self.frame, "createVault.passphraseEdit")
        self.confirm = _password_edit(self.frame, "createVault.confirmEdit")
        self.strength_bar = QProgressBar(self.frame)
        self.strength_bar.setObjectName("createVault.strengthBar")
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength = QLabel(self.frame)
        self.strength.setObjectName("createVault.strengthLabel")
        self.duress_check = QCheckBox(self.frame)
        self.duress_check.setObjectName("createVault.duressCheck")
        self.duress = _password_edit(self.frame, "createVault.duressEdit")
        self.duress.setEnabled(False)
        self.duress_check.toggled.connect(self.duress.setEnabled)
        self.pass_label = QLabel(self.frame)
        self.pass_label.setBuddy(self.passphrase)
        self.confirm_label = QLabel(self.frame)
        self.confirm_label.setBuddy(self.confirm)
        self.duress_label = QLabel(self.frame)
        self.duress_label.setBuddy(self.duress)
        self.duress_label.setWordWrap(True)
        form.addRow(self.pass_label, self.passphrase)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow("", self.duress_check)
        form.addRow(self.duress_label, self.duress)
        self.body.addLayout(form)
        self.error = _error_label(self.frame, "createVault.errorLabel")
        self.body.addWidget(self.error)
        self.busy = _busy_bar(self.frame, "createVault.busy")
        self.body.addWidget(self.busy)
        self.create_button = QPushButton(self.frame)
        self.create_button.setObjectName("createVault.createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.body.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self.passphrase.textChanged.connect(self._update_strength)
        self.passphrase.returnPressed.connect(self.confirm.setFocus)
        self.confirm.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Create your vault"))
        self.intro.setText(self.tr(
            "Everything you record is encrypted on this computer with a key protected by "
            "your passphrase. Choose several words you can remember; nobody can reset it."))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.confirm_label.setText(self.tr("&Repeat it:"))
        self.duress_check.setText(self.tr("Also set a &duress passphrase"))
        self.duress_label.setText(self.tr("D&uress passphrase:"))
        self.duress.setToolTip(self.tr(
            "Typed instead of the real passphrase, it silently destroys this vault and opens "
            "an empty one."))
        self.create_button.setText(self.tr("&Create vault"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.confirm.setAccessibleName(self.tr("Repeat the passphrase"))
        self.duress.setAccessibleName(self.tr("Duress passphrase"))
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self._update_strength(self.passphrase.text())

    def _update_strength(self, text: str) -> None:
        score = passphrase_strength(text)
        self.strength_bar.setValue(score)
        hints = [
            self.tr("Too short: use at least {n} characters, better several words.").format(
                n=MIN_PASSPHRASE_CHARS),
            self.tr("Weak: add more words."),
            self.tr("Fair: one or two more words would help."),
            self.tr("Good."),
            self.tr("Strong."),
        ]
        self.strength.setText(hints[score] if text else "")

    def reset(self) -> None:
        for edit in (self.passphrase, self.confirm, self.duress):
            edit.clear()
        self.duress_check.setChecked(False)
        self.error.hide()
        self.busy.hide()
        self.create_button.setEnabled(True)

    def show_error(self, err: FieldKitError) -> None:
        self.busy.hide()
        self.create_button.setEnabled(True)
        self.error.setText(err.diagnostics())
        self.error.setAccessibleName(err.message)
        self.error.show()

    @Slot()
    def submit(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.confirm.text():
            self.show_error(ValidationError(self.tr("The two passphrases differ."),
                                            hint=self.tr("Type the same passphrase twice.")))
            self.confirm.selectAll()
            self.confirm.setFocus()
            return
        duress = self.duress.text() if self.duress_check.isChecked() else None
        path = self.ctx.vault_dir
        self.error.hide()
        self.busy.show()
        self.create_button.setEnabled(False)

        def work(control: TaskControl) -> tuple[Vault, str]:
            return Vault.create(path, passphrase, duress_passphrase=duress)

        def done(result: tuple[Vault, str]) -> None:
            self.busy.hide()
            self.create_button.setEnabled(True)
            self.passphrase.clear()
            self.confirm.clear()
            self.duress.clear()
            self.created.emit(*result)

        self.ctx.tasks.run(work, on_done=done, on_error=self.show_error,
                           title=self.tr("Creating the vault"))


class RecoveryKeyPage(_Card):
    """The recovery key, shown exactly once; Continue stays disabled until the user confirms
    that they wrote it down."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKey")
        self.intro = QLabel(self.frame)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)
        self.key = QLabel(self.frame)
        self.key.setObjectName("recoveryKey.keyLabel")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setFamilies(["DejaVu Sans Mono"])
        mono.setPointSizeF(self.font().pointSizeF() * 1.3)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key.setFont(mono)
        self.key.setWordWrap(True)
        self.key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setStyleSheet("padding: 12px; border: 1px dashed #888;")
        self.body.addWidget(self.key)
        self.check = QCheckBox(self.frame)
        self.check.setObjectName("recoveryKey.confirmCheck")
        self.body.addWidget(self.check)
        self.continue_button = QPushButton(self.frame)
        self.continue_button.setObjectName("recoveryKey.continueButton")
        self.continue_button.setEnabled(False)
        self.check.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        self.body.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Write down your recovery key"))
        self.intro.setText(self.tr(
            "If you forget your passphrase, this key is the only way back into the vault. "
            "Write it on paper and keep it somewhere safe, away from this computer. It will "
            "not be shown again."))
        self.check.setText(self.tr("I have &written it down"))
        self.continue_button.setText(self.tr("C&ontinue"))
        self.key.setAccessibleName(self.tr("Recovery key"))

    def show_key(self, key: str) -> None:
        self.key.setText(key)
        self.check.setChecked(False)
        self.check.setFocus()

    def _continue(self) -> None:
        if not self.check.isChecked():
            return
        self.key.clear()  # shown once
        self.confirmed.emit()


class UnlockPage(_Card):
    """Passphrase → Vault.open on a worker; a wrong passphrase shows the core's error here and
    keeps the page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("unlock")
        self.where = QLabel(self.frame)
        self.where.setObjectName("unlock.vaultLabel")
        self.where.setWordWrap(True)
        self.body.addWidget(self.where)
        form = QFormLayout()
        self.pass_label = QLabel(self.frame)
        self.passphrase = _password_edit(self.frame, "unlock.passphraseEdit")
        self.pass_label.setBuddy(self.passphrase)
        form.addRow(self.pass_label, self.passphrase)
        self.body.addLayout(form)
        self.error = _error_label(self.frame, "unlock.errorLabel")
        self.body.addWidget(self.error)
        self.busy = _busy_bar(self.frame, "unlock.busy")
        self.body.addWidget(self.busy)
        buttons = QHBoxLayout()
        self.recover_button = QPushButton(self.frame)
        self.recover_button.setObjectName("unlock.recoverButton")
        self.recover_button.setFlat(True)
        self.recover_button.clicked.connect(self._recover)
        self.unlock_button = QPushButton(self.frame)
        self.unlock_button.setObjectName("unlock.unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        buttons.addWidget(self.recover_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        self.body.addLayout(buttons)
        self.passphrase.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Unlock the vault"))
        self.where.setText(self.tr("Vault: {path}").format(path=ltr(self.ctx.vault_dir)))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.recover_button.setText(self.tr("Forgot it? Use the &recovery key…"))

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.hide()
        self.busy.hide()
        self.unlock_button.setEnabled(True)
        self.retranslate()

    def show_error(self, err: FieldKitError) -> None:
        self.busy.hide()
        self.unlock_button.setEnabled(True)
        self.error.setText(err.diagnostics())
        self.error.setAccessibleName(err.message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    @Slot()
    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        path = self.ctx.vault_dir
        self.error.hide()
        self.busy.show()
        self.unlock_button.setEnabled(False)

        ctx = self.ctx

        def work(control: TaskControl) -> Vault:
            ctx.wait_retired(60)  # a vault locked a moment ago still closing its last jobs
            return Vault.open(path, passphrase)

        def done(vault: Vault) -> None:
            self.reset()
            self.ctx.attach(vault)

        self.ctx.tasks.run(work, on_done=done, on_error=self.show_error,
                           title=self.tr("Unlocking"))

    def _recover(self) -> None:
        dialog = RecoverDialog(self.ctx, self)
        dialog.open()


class RecoverDialog(QDialog):
    """Recovery key + new passphrase → Vault.recover (which opens the vault)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("recoverDialog")
        self.setWindowTitle(self.tr("Recover the vault"))
        form = QFormLayout(self)
        self.key = QLineEdit(self)
        self.key.setObjectName("recoverDialog.keyEdit")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.passphrase = _password_edit(self, "recoverDialog.passphraseEdit")
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.confirm = _password_edit(self, "recoverDialog.confirmEdit")
        self.confirm.setAccessibleName(self.tr("Repeat the new passphrase"))
        form.addRow(self.tr("Recovery &key:"), self.key)
        form.addRow(self.tr("&New passphrase:"), self.passphrase)
        form.addRow(self.tr("&Repeat it:"), self.confirm)
        self.error = _error_label(self, "recoverDialog.errorLabel")
        form.addRow(self.error)
        self.busy = _busy_bar(self, "recoverDialog.busy")
        form.addRow(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def show_error(self, err: FieldKitError) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.error.setText(err.diagnostics())
        self.error.show()

    def submit(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.show_error(ValidationError(self.tr("The two passphrases differ.")))
            return
        key, new, path = self.key.text(), self.passphrase.text(), self.ctx.vault_dir
        self.busy.show()
        self.buttons.setEnabled(False)

        def done(vault: Vault) -> None:
            self.accept()
            self.ctx.attach(vault)

        ctx = self.ctx

        def work(control: TaskControl) -> Vault:
            ctx.wait_retired(60)
            return Vault.recover(path, key, new)

        self.ctx.tasks.run(work, on_done=done,
                           on_error=self.show_error, title=self.tr("Recovering"))


class UnlockScreen(QWidget):
    """What the window shows while locked: first run (create → recovery key) or unlock."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("unlockScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.create_page = CreateVaultPage(ctx, self)
        self.recovery_page = RecoveryKeyPage(self)
        self.unlock_page = UnlockPage(ctx, self)
        for page in (self.create_page, self.recovery_page, self.unlock_page):
            self.stack.addWidget(page)
        self._pending: Vault | None = None
        self.create_page.created.connect(self._created)
        self.recovery_page.confirmed.connect(self._confirmed)
        self.reset()

    def reset(self) -> None:
        """Show first run or unlock, whichever fits the vault directory now."""
        if self._pending is not None:
            return  # the recovery key is on screen: finish that step first
        if self.ctx.vault_exists:
            self.unlock_page.reset()
            self.stack.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self.create_page.reset()
            self.stack.setCurrentWidget(self.create_page)
            self.create_page.passphrase.setFocus()

    def _created(self, vault: Vault, recovery: str) -> None:
        self._pending = vault
        self.recovery_page.show_key(recovery)
        self.stack.setCurrentWidget(self.recovery_page)

    def _confirmed(self) -> None:
        vault, self._pending = self._pending, None
        if vault is not None:
            self.ctx.attach(vault)


class PanicWipeDialog(QDialog):
    """The panic wipe, behind a deliberate confirmation: type the word shown to enable it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("panicWipe")
        self.setWindowTitle(self.tr("Panic wipe"))
        layout = QVBoxLayout(self)
        self.word = self.tr("WIPE")
        warning = QLabel(self.tr(
            "This destroys the vault's key at once: every incident, testimony and evidence "
            "file in this vault becomes unreadable for ever, and the recovery key will not "
            "bring it back. Records already synced stay at the registry.\n\n"
            "Type {word} to confirm.").format(word=self.word), self)
        warning.setWordWrap(True)
        warning.setObjectName("panicWipe.warning")
        layout.addWidget(warning)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("panicWipe.confirmEdit")
        self.confirm.setAccessibleName(self.tr("Type {word} to confirm").format(word=self.word))
        layout.addWidget(self.confirm)
        self.error = _error_label(self, "panicWipe.errorLabel")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.wipe_button = buttons.addButton(self.tr("&Wipe the vault"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.wipe_button.setObjectName("panicWipe.wipeButton")
        self.wipe_button.setEnabled(False)
        self.wipe_button.setStyleSheet("color: #b00020; font-weight: bold;")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("panicWipe.cancelButton")
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        self.wipe_button.clicked.connect(self.wipe)
        layout.addWidget(buttons)
        self.confirm.textChanged.connect(
            lambda text: self.wipe_button.setEnabled(text.strip() == self.word))

    def wipe(self) -> None:
        if self.confirm.text().strip() != self.word:
            return
        try:
            self.ctx.wipe()  # fast (shreds one small file); done here so nothing can interleave
        except FieldKitError as err:
            self.error.setText(err.diagnostics())
            self.error.show()
            return
        self.accept()
