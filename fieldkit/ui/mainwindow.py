"""The main window: the unlock screen while locked, else a navigation list and the pages.

Pages register in :data:`PAGES` as ``PageSpec(key, title, factory, visible_if)``; ``factory``
is a callable ``(ctx, parent) -> QWidget`` or a ``"module:Class"`` string imported lazily (a
missing module just leaves the page out, so pages land independently). Status-bar widgets
register the same way in :data:`STATUS_WIDGETS`.

Pages are built on unlock and destroyed on lock, so nothing read from the vault stays in
memory while it is locked. The incident editor (``fieldkit.ui.editor.IncidentEditor(ctx, ref,
parent)``) opens in the page stack on ``ctx.open_incident(ref)`` / ``ctx.new_incident()``;
MainWindow closes it with ``QWidget.close()`` (the editor may refuse in ``closeEvent``), and
if the editor has a ``closed`` signal, emitting it returns to the list.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldkit.ui.context import AppContext
from fieldkit.ui.i18n import ltr

log = logging.getLogger(__name__)

Factory = Callable[[AppContext, QWidget | None], QWidget]


def _always(ctx: AppContext) -> bool:
    return True


def _is_admin(ctx: AppContext) -> bool:
    return ctx.role() == "admin"


def _is_staff(ctx: AppContext) -> bool:
    return ctx.role() in ("staff", "admin")


class PageSpec(NamedTuple):
    key: str
    #: Source text, translated in the "MainWindow" context when shown.
    title: str
    factory: str | Factory
    visible_if: Callable[[AppContext], bool] = _always


#: The pages, in navigation order. Append to it (before the window is built) to add one.
PAGES: list[PageSpec] = [
    PageSpec("incidents", str(QT_TRANSLATE_NOOP("MainWindow", "Incidents")),
             "fieldkit.ui.incidents:IncidentsPage"),
    PageSpec("sync", str(QT_TRANSLATE_NOOP("MainWindow", "Sync")),
             "fieldkit.ui.syncpanel:SyncPage"),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("MainWindow", "Audit")), "fieldkit.ui.audit:AuditPage",
             _is_admin),
    PageSpec("staff", str(QT_TRANSLATE_NOOP("MainWindow", "Staff")), "fieldkit.ui.staff:StaffPage",
             _is_staff),
]

#: Status-bar widgets ``(ctx, parent) -> QWidget`` or ``"module:Class"``, shown while unlocked.
STATUS_WIDGETS: list[str | Factory] = ["fieldkit.ui.syncpanel:SyncStatusWidget"]

EDITOR = "fieldkit.ui.editor:IncidentEditor"


def resolve(factory: str | Factory) -> Factory | None:
    """A factory, importing ``"module:Class"`` lazily; None when the module is not there."""
    if not isinstance(factory, str):
        return factory
    module_name, _, attr = factory.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:
            raise  # the module exists but is broken: let that show
        return None
    found: Factory | None = getattr(module, attr, None)
    return found


def page_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("MainWindow", spec.title)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        from fieldkit.ui import i18n

        i18n.keep_date_fields_left_to_right()
        self.resize(1100, 720)
        self.pages: dict[str, QWidget] = {}
        self.editor: QWidget | None = None
        self._status_widgets: list[QWidget] = []

        self.screens = QStackedWidget(self)
        self.screens.setObjectName("mainWindow.screens")
        self.setCentralWidget(self.screens)

        from fieldkit.ui.unlock import UnlockScreen

        self.unlock_screen = UnlockScreen(ctx, self)
        self.screens.addWidget(self.unlock_screen)

        self.workspace = QWidget(self)
        self.workspace.setObjectName("mainWindow.workspace")
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(self.workspace)
        self.nav.setObjectName("mainWindow.nav")
        self.nav.setFixedWidth(170)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.stack = QStackedWidget(self.workspace)
        self.stack.setObjectName("mainWindow.pages")
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.screens.addWidget(self.workspace)

        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("mainWindow.lockState")
        self.statusBar().addWidget(self.lock_label)

        self._build_menus()
        ctx.unlocked.connect(self._on_unlocked)
        ctx.locked.connect(self._on_locked)
        ctx.wiped.connect(self._on_locked)
        ctx.open_incident.connect(self.open_editor)
        ctx.new_incident.connect(lambda: self.open_editor(None))
        ctx.changed.connect(self._on_changed)

        from fieldkit.ui.autolock import AutoLock

        self.autolock = AutoLock(ctx, self)
        # import the pages now, while the user types the passphrase, not after the unlock
        for factory in [*(spec.factory for spec in PAGES), *STATUS_WIDGETS, EDITOR]:
            resolve(factory)
        self.retranslate()
        if ctx.is_unlocked:
            self._on_unlocked()
        else:
            self._on_locked()

    # --- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from fieldkit.ui import i18n

        self.vault_menu = self.menuBar().addMenu("")
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("action.lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_now)
        self.new_action = QAction(self)
        self.new_action.setObjectName("action.newIncident")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.ctx.new_incident)
        self.autolock_action = QAction(self)
        self.autolock_action.setObjectName("action.autoLock")
        self.autolock_action.triggered.connect(self._ask_autolock)
        self.wipe_action = QAction(self)
        self.wipe_action.setObjectName("action.panicWipe")
        self.wipe_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.wipe_action.triggered.connect(self.panic_wipe)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("action.quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for a in (self.new_action, self.lock_action, self.autolock_action):
            self.vault_menu.addAction(a)
        # on the window too, so the shortcuts work wherever the focus is
        self.addActions([self.new_action, self.lock_action, self.wipe_action, self.quit_action])
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.wipe_action)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.quit_action)

        self.language_menu = self.menuBar().addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"action.language.{code}")
            action.setChecked(code == self.ctx.settings.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FieldKit"))
        self.vault_menu.setTitle(self.tr("&Vault"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.new_action.setText(self.tr("&New incident"))
        self.autolock_action.setText(self.tr("&Auto-lock…"))
        self.wipe_action.setText(self.tr("Panic &wipe…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.nav.setAccessibleName(self.tr("Sections"))
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            spec = item.data(Qt.ItemDataRole.UserRole)
            item.setText(page_title(spec))
        self._update_lock_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        from fieldkit.ui import i18n

        i18n.set_language(code)
        self.ctx.settings.language = code
        self.ctx.settings.save()
        self.language_actions[code].setChecked(True)

    # --- lock state ---------------------------------------------------------------------------

    def _update_lock_label(self) -> None:
        if self.ctx.is_unlocked:
            self.lock_label.setText(self.tr("Unlocked: {path}").format(
                path=ltr(self.ctx.vault_dir.name)))
            self.lock_label.setToolTip(str(self.ctx.vault_dir))
        else:
            self.lock_label.setText(self.tr("Locked"))
        for a in (self.lock_action, self.new_action):
            a.setEnabled(self.ctx.is_unlocked)

    @Slot()
    def lock_now(self) -> None:
        if self.ctx.is_unlocked:
            self.ctx.lock()

    def _ask_autolock(self) -> None:
        from fieldkit.ui.autolock import AutoLockDialog

        dialog = AutoLockDialog(self.ctx.settings.auto_lock_minutes, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.settings.auto_lock_minutes = dialog.minutes()
            self.ctx.settings.save()
            self.autolock.restart()

    def panic_wipe(self) -> None:
        from fieldkit.ui.unlock import PanicWipeDialog

        if not self.ctx.vault_exists:
            return
        dialog = PanicWipeDialog(self.ctx, self)
        dialog.open()

    @Slot()
    def _on_unlocked(self) -> None:
        self._build_pages()
        self.screens.setCurrentWidget(self.workspace)
        self._update_lock_label()
        if self.stack.count():
            self.nav.setCurrentRow(0)
            current = self.stack.currentWidget()
            if current is not None:
                current.setFocus()

    @Slot()
    def _on_locked(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._close_editor(force=True)
        self._clear_pages()
        self.unlock_screen.reset()
        self.screens.setCurrentWidget(self.unlock_screen)
        self._update_lock_label()

    # --- pages --------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self._clear_pages()
        for spec in PAGES:
            factory = resolve(spec.factory)
            if factory is None:
                continue
            try:
                visible = spec.visible_if(self.ctx)
            except Exception:
                log.exception("visible_if of page %s failed", spec.key)
                visible = False
            if not visible:
                continue
            page = factory(self.ctx, self.stack)
            page.setProperty("pageKey", spec.key)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(page_title(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec)
            self.nav.addItem(item)
        for status_factory in STATUS_WIDGETS:
            make = resolve(status_factory)
            if make is not None:
                widget = make(self.ctx, self)
                self.statusBar().addPermanentWidget(widget)
                self._status_widgets.append(widget)

    def _clear_pages(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        for widget in self._status_widgets:
            self.statusBar().removeWidget(widget)
            widget.deleteLater()
        self._status_widgets.clear()

    def _on_changed(self, what: frozenset[str]) -> None:
        """Roles can change on enrolment: add or drop pages whose visibility changed."""
        if "sync" not in what or not self.ctx.is_unlocked:
            return
        shown = set(self.pages)
        wanted = set()
        for spec in PAGES:
            try:
                if resolve(spec.factory) is not None and spec.visible_if(self.ctx):
                    wanted.add(spec.key)
            except Exception:
                log.exception("visible_if of page %s failed", spec.key)
        if wanted != shown:
            current = self.current_page_key()
            self._build_pages()
            self.show_page(current or "incidents")

    def current_page_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return None if widget is None else widget.property("pageKey")

    def show_page(self, key: str) -> QWidget | None:
        page = self.pages.get(key)
        if page is None:
            return None
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole).key == key:
                self.nav.setCurrentRow(i)
        self.stack.setCurrentWidget(page)
        return page

    @Slot(int)
    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages.get(spec.key)
        if page is not None:
            self.stack.setCurrentWidget(page)

    # --- the editor ---------------------------------------------------------------------------

    def open_editor(self, ref: str | None) -> QWidget | None:
        """Show CAPTURE's IncidentEditor for ``ref`` (None: a new incident)."""
        if not self.ctx.is_unlocked:
            return None
        if not self._close_editor():
            return None
        factory: Any = resolve(EDITOR)
        if factory is None:
            return None
        editor = factory(self.ctx, ref, self.stack)
        editor.setProperty("pageKey", "editor")
        closed = getattr(editor, "closed", None)
        if closed is not None:
            closed.connect(self._editor_closed)
        self.editor = editor
        self.stack.addWidget(editor)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(editor)
        editor.setFocus()
        shown: QWidget = editor
        return shown

    def _close_editor(self, *, force: bool = False) -> bool:
        editor, self.editor = self.editor, None
        if editor is None:
            return True
        if not force and not editor.close():
            self.editor = editor
            return False
        self.stack.removeWidget(editor)
        editor.deleteLater()
        return True

    @Slot()
    def _editor_closed(self) -> None:
        if self._close_editor(force=True):
            self.show_page("incidents")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and not self._close_editor():
            event.ignore()
            return
        self.ctx.close()
        super().closeEvent(event)
