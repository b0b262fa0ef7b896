"""The incident list: a lazy table model and the page around it (filters, debounced search).

The model never holds more than the rows the user has scrolled to: it loads pages of
:data:`PAGE_SIZE` on a worker (``canFetchMore``/``fetchMore``), keyed by the last row seen
(``occurred, rowid``) rather than an OFFSET, so page 500 costs what page 1 costs. A search
uses the core's full-text index (Arabic normalised there), lists matches newest first and
pages by rowid; the other filters then apply to each page of matches. Every load carries a
generation number; a result from a superseded filter or search is dropped on arrival.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import FieldKitError
from fieldkit.service import IncidentView, VaultService
from fieldkit.ui import i18n
from fieldkit.ui.context import AppContext
from fieldkit.ui.tasks import Task, TaskControl

PAGE_SIZE = 100  # a screenful or three; more arrive as the user scrolls
#: After a change, reload at most this many rows (the rows the user had scrolled to).
MAX_RELOAD = 2000
#: The query costs 10-40 ms at 100k incidents (bench/bench_ui.py): results within 100 ms of
#: the last key, with room for a busy machine.
SEARCH_DEBOUNCE_MS = 40
COLUMNS = ("title", "category", "country", "date", "state", "synced")
_HEADERS = {
    "title": QT_TRANSLATE_NOOP("IncidentModel", "Title"),
    "category": QT_TRANSLATE_NOOP("IncidentModel", "Category"),
    "country": QT_TRANSLATE_NOOP("IncidentModel", "Country"),
    "date": QT_TRANSLATE_NOOP("IncidentModel", "Date"),
    "state": QT_TRANSLATE_NOOP("IncidentModel", "State"),
    "synced": QT_TRANSLATE_NOOP("IncidentModel", "Synced"),
}
RefRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class IncidentFilter:
    """What the list shows. ``query`` switches to full-text search (filters still apply)."""

    category: str | None = None
    country: str | None = None
    state: str | None = None          # "draft" or "sealed"
    date_from: str | None = None      # YYYY-MM-DD
    date_to: str | None = None
    synced: bool | None = None        # has a registry receipt
    query: str = ""

    def list_args(self) -> dict[str, Any]:
        return {"category": self.category, "country": self.country, "state": self.state,
                "date_from": self.date_from, "date_to": self.date_to, "synced": self.synced}

    def matches(self, row: IncidentRow) -> bool:
        """The same filters, in Python, for search hits."""
        if self.category and not (row.category == self.category
                                  or row.category.startswith(self.category + ".")):
            return False
        if self.country and row.country != self.country.upper():
            return False
        if self.state and row.is_sealed != (self.state == "sealed"):
            return False
        if self.date_from and row.occurred < self.date_from:
            return False
        if self.date_to and row.occurred[:len(self.date_to)] > self.date_to:
            return False
        return self.synced is None or row.synced == self.synced


@dataclass(frozen=True)
class IncidentRow:
    """What one table row needs: no incident body, so scrolled-to rows stay small."""

    rowid: int
    ref: str
    title: str
    category: str
    country: str
    occurred: str
    is_sealed: bool
    is_amendment: bool
    synced: bool
    # conflict: its prev names another device's (or incident's) record; kept, replaces nothing
    # forked: one of two or more current revisions of one incident by one device
    conflict: bool = False
    forked: bool = False

    @property
    def state(self) -> str:
        if self.conflict:
            return "conflict"
        if self.forked:
            return "fork"
        if self.is_sealed:
            return "amended" if self.is_amendment else "sealed"
        return "draft"


@dataclass(frozen=True)
class Page:
    rows: list[IncidentRow]
    #: How to ask for the next page: a (occurred, rowid) key, or a search-hit offset.
    cursor: tuple[str, int] | int | None
    exhausted: bool


def _rows(service: VaultService, views: list[IncidentView]) -> list[IncidentRow]:
    ids = [v.record_id for v in views if v.record_id]
    synced = service.synced_ids(ids)
    forked = service.forked_ids(ids)
    return [IncidentRow(v.rowid, v.ref, v.title, v.category, v.country, v.occurred,
                        v.is_sealed, v.prev is not None, v.record_id in synced,
                        conflict=v.conflict is not None, forked=v.record_id in forked)
            for v in views]


def fetch_page(service: VaultService, flt: IncidentFilter, cursor: tuple[str, int] | int | None,
               limit: int = PAGE_SIZE) -> Page:
    """One page of the list (runs on a worker). A search lists matches newest first
    (``VaultService.search_recent``: fast however common the word), paged by rowid; the
    other filters then apply to each page of matches."""
    if flt.query.strip():
        before = cursor if isinstance(cursor, int) else None
        views = service.search_recent(flt.query, limit=limit, before=before)
        rows = [r for r in _rows(service, [v for v in views if v.superseded_by is None])
                if flt.matches(r)]
        last = views[-1].rowid if views else before
        return Page(rows, last, len(views) < limit)
    before_key = cursor if isinstance(cursor, tuple) else None
    views = service.list_incidents(**flt.list_args(), before=before_key, limit=limit)
    last_key = (views[-1].occurred, views[-1].rowid) if views else None
    return Page(_rows(service, views), last_key, len(views) < limit)


class IncidentTableModel(QAbstractTableModel):
    """The lazy model. ``loaded`` fires after each page arrives (tests and the benchmark wait
    on it); ``failed`` carries a load error."""

    loaded = Signal()
    failed = Signal(object)
    count_known = Signal(int)

    def __init__(self, ctx: AppContext, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.filter = IncidentFilter()
        self.rows: list[IncidentRow] = []
        self.total: int | None = None
        self._cursor: tuple[str, int] | int | None = None
        self._exhausted = True
        self._loading: Task[Any] | None = None
        self._generation = 0
        self._language = i18n.current_language()

    # --- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def set_filter(self, flt: IncidentFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, *, keep: int = 0) -> None:
        """Start again from the top (``keep``: load this many rows at once, to stay roughly
        where the user was after a change)."""
        self._generation += 1
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
        self.beginResetModel()
        self.rows = []
        self.total = None
        self._cursor = None
        self._exhausted = False
        self.endResetModel()
        if not self.ctx.is_unlocked:
            self._exhausted = True
            return
        self._load(max(self.page_size, min(keep, MAX_RELOAD)), count_after=True)

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self._generation += 1
        self._loading = None
        self.beginResetModel()
        self.rows = []
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._loading is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(self.page_size)

    def _load(self, limit: int, *, count_after: bool = False) -> None:
        """Load the next page; ``count_after``: then count the matches (a full scan, so only
        once the first page is on screen)."""
        generation, flt, cursor, ctx = self._generation, self.filter, self._cursor, self.ctx

        def work(control: TaskControl) -> Page:
            return fetch_page(ctx.service, flt, cursor, limit)

        def done(page: Page) -> None:
            if generation != self._generation:
                return
            self._loading = None
            self._cursor = page.cursor
            self._exhausted = page.exhausted
            if page.rows:
                first = len(self.rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self.rows.extend(page.rows)
                self.endInsertRows()
            self.loaded.emit()
            if count_after:
                self._count()

        def error(err: FieldKitError) -> None:
            if generation != self._generation:
                return
            self._loading = None
            self._exhausted = True
            self.failed.emit(err)

        self._loading = self.ctx.tasks.run(work, on_done=done, on_error=error, owner=self,
                                           title=self.tr("Loading incidents"))

    def _count(self) -> None:
        if self.filter.query.strip():
            return
        generation, args, ctx = self._generation, self.filter.list_args(), self.ctx

        def done(n: int) -> None:
            if generation == self._generation:
                self.total = n
                self.count_known.emit(n)

        self.ctx.tasks.run(lambda c: ctx.service.count_incidents(**args), on_done=done,
                           on_error=lambda e: None, owner=self)

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("IncidentModel", str(_HEADERS[COLUMNS[section]]))
        return None

    def state_text(self, row: IncidentRow) -> str:
        return {"draft": self.tr("Draft"), "sealed": self.tr("Sealed"),
                "amended": self.tr("Sealed (amended)"),
                "conflict": "⚠ " + self.tr("Conflict"),
                "fork": "⚠ " + self.tr("Two revisions")}[row.state]

    def state_explanation(self, row: IncidentRow) -> str | None:
        """The plain sentence behind a conflict or fork mark (tooltip, screen readers)."""
        if row.conflict:
            return self.tr("This record claims to amend a record it may not replace (another "
                           "device's, or another incident's). It is kept but replaces nothing; "
                           "the record it names stays current.")
        if row.forked:
            return self.tr("The same device sealed two current revisions of this incident. "
                           "Both are kept; exports ask you to choose one by its record id.")
        return None

    def category_label(self, code: str) -> str:
        try:
            return self.ctx.service.taxonomy.get(code).label(i18n.current_language())
        except FieldKitError:
            return code

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "title":
                return row.title
            if column == "category":
                return self.category_label(row.category)
            if column == "country":
                return row.country
            if column == "date":
                return i18n.ltr(row.occurred.replace("T", " ")[:16])
            if column == "state":
                return self.state_text(row)
            return self.tr("Yes") if row.synced else self.tr("No")
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) \
                and column == "state":
            return self.state_explanation(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == "state" \
                and (row.conflict or row.forked):
            return QColor("#9a2a00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("country", "date", "synced"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RefRole:
            return row.ref
        if role == RowRole:
            return row
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))


def _iso(edit: QDateEdit) -> str | None:
    if edit.date() == edit.minimumDate():
        return None
    return edit.date().toString("yyyy-MM-dd")


class IncidentsPage(QWidget):
    """Search box, filters, the table, and "New incident"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("incidents")
        self.model = IncidentTableModel(ctx, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("incidents.searchEdit")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("incidents.newButton")
        self.new_button.clicked.connect(ctx.new_incident)

        self.category = QComboBox(self)
        self.category.setObjectName("incidents.categoryFilter")
        # long taxonomy labels must not widen the window: show about 22 characters
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(22)
        self.country = QComboBox(self)
        self.country.setObjectName("incidents.countryFilter")
        self.state = QComboBox(self)
        self.state.setObjectName("incidents.stateFilter")
        self.synced = QComboBox(self)
        self.synced.setObjectName("incidents.syncedFilter")
        self.date_from = self._date_edit("incidents.dateFrom")
        self.date_to = self._date_edit("incidents.dateTo")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("incidents.clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)

        self.table = QTableView(self)
        self.table.setObjectName("incidents.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 220), (2, 70), (3, 130), (4, 130), (5, 80)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(self._open)

        self.status = QLabel(self)
        self.status.setObjectName("incidents.countLabel")
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        self.filter_labels: list[QLabel] = []
        for widget in (self.category, self.country, self.date_from, self.date_to, self.state,
                       self.synced):
            label = QLabel(self)
            label.setBuddy(widget)
            self.filter_labels.append(label)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.search, self.new_button)
        self.setTabOrder(self.new_button, self.category)
        self.setTabOrder(self.synced, self.clear_button)
        self.setTabOrder(self.clear_button, self.table)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _: self.debounce.start())
        self.search.returnPressed.connect(self.apply)
        for combo in (self.category, self.country, self.state, self.synced):
            combo.currentIndexChanged.connect(lambda _: self.apply())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self.apply())
        self.model.loaded.connect(self._update_status)
        self.model.count_known.connect(lambda _: self._update_status())
        self.model.failed.connect(self._load_failed)
        ctx.changed.connect(self._on_changed)

        self._filling = False
        self.retranslate()
        self.apply()
        self._load_countries()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setDate(edit.minimumDate())
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return edit

    # --- texts --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._filling = True
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Words in any language, names, places…"))
        self.search.setAccessibleName(self.tr("Search incidents"))
        self.new_button.setText(self.tr("&New incident"))
        self.new_button.setAccessibleName(self.tr("New incident"))
        self.clear_button.setText(self.tr("Clear filters"))
        texts = [self.tr("&Category:"), self.tr("C&ountry:"), self.tr("&From:"), self.tr("&To:"),
                 self.tr("S&tate:"), self.tr("S&ynced:")]
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        names = [self.tr("Category filter"), self.tr("Country filter"), self.tr("From date"),
                 self.tr("To date"), self.tr("State filter"), self.tr("Synced filter")]
        for widget, name in zip((self.category, self.country, self.date_from, self.date_to,
                                 self.state, self.synced), names, strict=True):
            widget.setAccessibleName(name)
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        self.table.setAccessibleName(self.tr("Incidents"))
        self._fill_combo(self.state, [(None, self.tr("All")), ("draft", self.tr("Drafts")),
                                      ("sealed", self.tr("Sealed"))])
        self._fill_combo(self.synced, [(None, self.tr("All")), (True, self.tr("Synced")),
                                       (False, self.tr("Not synced"))])
        self._fill_categories()
        self._filling = False
        self.model.retranslate()
        self._update_status()

    def _fill_combo(self, combo: QComboBox, items: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _fill_categories(self) -> None:
        if not self.ctx.is_unlocked:
            return
        lang = i18n.current_language()
        tax = self.ctx.service.taxonomy
        items: list[tuple[Any, str]] = [(None, self.tr("All"))]
        for group in tax.groups():
            items.append((group.code, group.label(lang)))
            items += [(leaf.code, "    " + leaf.label(lang)) for leaf in tax.children(group.code)]
        self._fill_combo(self.category, items)

    def _load_countries(self) -> None:
        ctx = self.ctx

        def done(countries: list[str]) -> None:
            self._fill_combo(self.country, [(None, self.tr("All"))]
                             + [(c, c) for c in countries])

        if ctx.is_unlocked:
            ctx.tasks.run(lambda c: ctx.service.countries(), on_done=done,
                          on_error=lambda e: None, owner=self)

    # --- behaviour ----------------------------------------------------------------------------

    def current_filter(self) -> IncidentFilter:
        return IncidentFilter(
            category=self.category.currentData(), country=self.country.currentData(),
            state=self.state.currentData(), date_from=_iso(self.date_from),
            date_to=_iso(self.date_to), synced=self.synced.currentData(),
            query=self.search.text().strip())

    @Slot()
    def apply(self) -> None:
        """Apply the search text and the filters now (the debounce timer calls this)."""
        if self._filling:
            return
        self.debounce.stop()
        flt = self.current_filter()
        if flt != self.model.filter or not self.model.rows:
            self.model.set_filter(flt)

    @Slot()
    def clear_filters(self) -> None:
        self._filling = True
        for combo in (self.category, self.country, self.state, self.synced):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.setDate(edit.minimumDate())
        self.search.clear()
        self._filling = False
        self.apply()

    def _open(self, index: QModelIndex) -> None:
        ref = self.model.data(index, RefRole)
        if ref:
            self.ctx.open_incident.emit(ref)

    def _on_changed(self, what: frozenset[str]) -> None:
        if not self.ctx.is_unlocked:
            self.model.clear()
            return
        if what & {"incidents", "sync", "vault"}:
            self.model.reload(keep=len(self.model.rows))
            self._load_countries()

    def _load_failed(self, err: FieldKitError) -> None:
        self.status.setText(err.message)

    def _update_status(self) -> None:
        shown = len(self.model.rows)
        if self.model.filter.query:
            more = "+" if self.model.canFetchMore() else ""
            text = self.tr("{n}{more} found").format(n=shown, more=more)
        elif self.model.total is not None:
            text = self.tr("{n} incidents").format(n=self.model.total)
        else:
            text = self.tr("{n} shown").format(n=shown)
        if self.model.loading:
            text += " · " + self.tr("loading…")
        self.status.setText(text)

