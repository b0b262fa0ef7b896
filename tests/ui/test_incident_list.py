"""The incident page like a user: typing in the search box (debounced), filters, Enter and
double-click open the editor, "New incident", and accessible names on every control."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from fieldkit.ui.context import AppContext
from fieldkit.ui.incidents import SEARCH_DEBOUNCE_MS, IncidentsPage


def make_page(qtbot, ctx: AppContext) -> IncidentsPage:
    page = IncidentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    return page


def seed(ctx: AppContext) -> None:
    svc = ctx.service
    svc.create_incident(title="حريق في المَسْجِد الكبير", category="hate_crime.arson",
                        occurred="2026-03-04", country="SY")
    svc.create_incident(title="Foulard arraché à l'école", category="hate_crime.physical_assault",
                        occurred="2025-11-02", country="FR")
    svc.create_incident(title="Нападение у мечети", category="hate_crime.physical_assault",
                        occurred="2024-06-01", country="RU")


def test_search_is_debounced_and_finds_arabic_without_harakat(qtbot, ctx: AppContext,
                                                              type_text) -> None:
    seed(ctx)
    page = make_page(qtbot, ctx)
    assert page.model.rowCount() == 3
    loads: list[float] = []
    page.model.loaded.connect(lambda: loads.append(time.monotonic()))
    typed_at = time.monotonic()
    type_text(page.search, "المسجد")  # six keystrokes, one search
    assert page.debounce.isActive() and not loads
    qtbot.waitUntil(lambda: bool(loads) and not page.model.loading, timeout=5000)
    assert len(loads) == 1
    assert loads[0] - typed_at >= SEARCH_DEBOUNCE_MS / 1000 * 0.9
    assert [r.title for r in page.model.rows] == ["حريق في المَسْجِد الكبير"]
    assert "1" in page.status.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)


def test_filters_narrow_the_list(qtbot, ctx: AppContext) -> None:
    seed(ctx)
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.country.count() == 4, timeout=5000)  # All + 3 countries
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.country.setCurrentIndex(page.country.findData("FR"))
    assert [r.country for r in page.model.rows] == ["FR"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.clear_filters()
    assert page.model.rowCount() == 3
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.category.setCurrentIndex(page.category.findData("hate_crime.physical_assault"))
    assert {r.country for r in page.model.rows} == {"FR", "RU"}
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.date_from.setDate(page.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
    assert [r.country for r in page.model.rows] == ["FR"]
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.state.setCurrentIndex(page.state.findData("sealed"))
    assert page.model.rowCount() == 0


def test_enter_and_double_click_open_the_editor_and_new_emits(qtbot, ctx: AppContext) -> None:
    seed(ctx)
    page = make_page(qtbot, ctx)
    opened: list[str] = []
    ctx.open_incident.connect(opened.append)
    table = page.findChild(QTableView, "incidents.table")
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [page.model.rows[1].ref]
    rect = table.visualRect(page.model.index(2, 0))
    # a real double click is press, release, double-click, release
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 2, (opened, rect)
    assert opened[-1] == page.model.rows[2].ref
    with qtbot.waitSignal(ctx.new_incident, timeout=1000):
        qtbot.mouseClick(page.findChild(QPushButton, "incidents.newButton"),
                         Qt.MouseButton.LeftButton)


def test_the_list_refreshes_from_ctx_changed(qtbot, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    assert page.model.rowCount() == 0
    ctx.service.create_incident(title="new one", category="other.unclassified",
                                occurred="2026-01-01", country="SY")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        ctx.notify("incidents")
    assert [r.title for r in page.model.rows] == ["new one"]


def test_every_control_has_an_accessible_name(qtbot, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    controls: list[QWidget] = [
        *page.findChildren(QLineEdit), *page.findChildren(QComboBox),
        *page.findChildren(QDateEdit), *page.findChildren(QAbstractButton),
        *page.findChildren(QTableView)]
    unnamed = [w.objectName() for w in controls
               if w.objectName().startswith("incidents.") and w.isVisibleTo(page)
               and not w.accessibleName()
               and not (isinstance(w, QAbstractButton) and w.text())]
    assert len(controls) >= 10
    assert not unnamed


def test_tab_order_starts_at_search(qtbot, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus, timeout=5000)
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [page.new_button, page.category, page.country]
