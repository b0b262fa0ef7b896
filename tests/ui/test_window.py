"""The main window: pages from the registry (a missing module leaves its page out), pages
by role, the editor in the stack, and lock closing everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from fieldkit.ui import mainwindow
from fieldkit.ui.context import AppContext
from fieldkit.ui.mainwindow import MainWindow, PageSpec


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> list[PageSpec]:
    specs = list(mainwindow.PAGES)
    monkeypatch.setattr(mainwindow, "PAGES", specs)
    return specs


def make(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_registered_pages_and_a_missing_module(qtbot: Any, ctx: AppContext,
                                               pages: list[PageSpec]) -> None:
    pages.append(PageSpec("ghost", "Ghost", "fieldkit.ui.no_such_module:Page"))
    pages.append(PageSpec("extra", "Extra", lambda c, p: QLabel("extra page", p)))
    window = make(qtbot, ctx)
    assert "ghost" not in window.pages
    assert isinstance(window.pages["extra"], QLabel)
    assert window.nav.item(window.nav.count() - 1).text() == "Extra"
    assert window.show_page("extra") is window.pages["extra"]
    assert window.current_page_key() == "extra"


def test_a_broken_page_module_is_not_hidden(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Only an absent module leaves its page out; a page whose own import fails raises."""
    (tmp_path / "fk_broken_page.py").write_text("import fk_no_such_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        mainwindow.resolve("fk_broken_page:Page")
    assert mainwindow.resolve("fk_absent_page:Page") is None


def test_pages_follow_the_role(qtbot: Any, ctx: AppContext) -> None:
    window = make(qtbot, ctx)
    assert ctx.role() is None
    assert "audit" not in window.pages and "staff" not in window.pages
    assert "incidents" in window.pages


def test_editor_opens_in_the_stack_and_lock_closes_it(qtbot: Any, ctx: AppContext) -> None:
    view = ctx.service.create_incident(title="x", category="other.unclassified",
                                       occurred="2026-01-01", country="SY")
    window = make(qtbot, ctx)
    ctx.open_incident.emit(view.ref)
    editor = window.editor
    assert editor is not None and window.stack.currentWidget() is editor
    with qtbot.waitSignal(ctx.locked, timeout=5000):
        window.lock_action.trigger()
    assert window.editor is None
    assert window.screens.currentWidget() is window.unlock_screen
    assert window.findChildren(QWidget, "incidentEditor") == [] or all(
        not w.isVisible() for w in window.findChildren(QWidget, "incidentEditor"))


def test_settings_survive_a_restart_and_bad_values(tmp_path: Path) -> None:
    from fieldkit.ui.settings import Settings

    path = tmp_path / "cfg" / "app.json"
    s = Settings.load(path)
    assert s.language == "en" and s.auto_lock_minutes == 5
    s.language, s.auto_lock_minutes, s.registry = "ar", 2, "https://10.0.0.2:8443"
    s.save()
    assert path.stat().st_mode & 0o777 == 0o600  # written through mkstemp, then replaced
    again = Settings.load(path)
    assert (again.language, again.auto_lock_minutes, again.registry) == \
        ("ar", 2, "https://10.0.0.2:8443")
    path.write_text('{"language": "xx", "auto_lock_minutes": "soon", "unknown": 1}')
    hostile = Settings.load(path)
    assert hostile.language == "en" and hostile.auto_lock_minutes == 5
    path.write_text("not json")
    assert Settings.load(path).language == "en"
    assert not list(path.parent.glob(".tmp-*"))
