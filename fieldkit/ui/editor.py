"""The incident editor: fields, persons, acts, testimonies and evidence of one incident, and
its sealed/draft state.

A draft is edited and saved (``create_incident`` / ``update_incident``) through the task
runner; persons, acts, testimonies and evidence are added by their dialogs straight into the
saved draft. A sealed record opens read-only under a "Sealed" banner (record id and date);
"Amend" starts a new draft revision of it (``VaultService.amend``) and opens that. The state
is always said in words on the banner, never by colour alone.

The editor refreshes itself from ``ctx.changed`` ("incidents"): fields the person is editing
are kept, the lists are refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit.domain.records import LEVELS
from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.ui.errors import show_error
from fieldkit.ui.evidence import EvidencePanel
from fieldkit.ui.persons import (
    ActDialog,
    PersonDialog,
    follow_text_direction,
    guarded,
    person_label,
    ui_language,
)
from fieldkit.ui.seal import SealDialog
from fieldkit.ui.testimony import TestimonyDialog

if TYPE_CHECKING:
    from fieldkit.domain.taxonomy import Taxonomy
    from fieldkit.service import IncidentView
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import Task, TaskControl

@dataclass(frozen=True)
class Standing:
    """Where a sealed record stands among the vault's others (fieldkit/domain/amendments.py):
    whether this device sealed it (only then may it amend it), records of other devices
    that claim to amend it (conflicts), a fork it belongs to, and annotations beside it."""

    own: bool = True
    conflicts: tuple[str, ...] = ()
    fork: tuple[str, ...] = ()
    annotations: tuple[tuple[str, str, str], ...] = ()  # (device, at, text)


def standing_of(service: Any, view: IncidentView) -> Standing:
    """Read a record's standing (runs on a worker)."""
    if not view.is_sealed or not view.record_id:
        return Standing()
    own = service.device_of(view.record_id) == service.vault.device_key.verify_key.key_id
    return Standing(own, tuple(str(c.record_id) for c in service.conflicts_against(
        view.record_id)), tuple(service.fork_of(view)),
        tuple((str(a["device"]), str(a["at"]), str(a["text"]))
              for a in service.annotations_for(view)))


#: Codes Qt knows that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO"})


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """ISO 3166 alpha-2 codes with a display name: the English name, and the name in the
    country's main language when Qt's locale data has one that differs (مصر, Казахстан...).
    Qt has no country names in every UI language, so Arabic names show only for Arab
    countries. Sorted by the English name."""
    out: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES or code in out:
            continue
        name = QLocale.territoryToString(territory)
        # Qt picks the country's likely language (fr_FR, ru_KZ, ar_EG...).
        loc = QLocale(QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, territory)
        native = loc.nativeTerritoryName() if loc.territory() == territory else ""
        out[code] = f"{name} — {native}" if native and native != name else name
    return tuple(sorted(out.items(), key=lambda kv: kv[1].casefold()))


def ltr(text: str | None) -> str:
    """Embed an id or a time left to right (LRE…PDF), so Arabic sentences around it cannot
    reorder its parts."""
    return f"\u202a{text or '?'}\u202c"


def utc_minutes(at: str | None) -> str:
    """``2026-12-02T00:13:14.727Z`` → ``2026-12-02 00:13 UTC`` (what a person reads)."""
    if not at:
        return "?"
    try:
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- field widgets ----------------------------------------------------------------------------

class CountryCombo(QComboBox):
    """A searchable country picker: type any part of a name or the code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in countries():
            self.addItem(f"{name} ({code})", code)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Type to search for a country"))

    def code(self) -> str | None:
        """The code of the country shown; a typed two-letter code is accepted as well."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        if len(text) == 2 and text.isalpha():
            return text.upper()
        matches = [i for i in range(self.count())
                   if text and text.casefold() in self.itemText(i).casefold()]
        return str(self.itemData(matches[0])) if len(matches) == 1 else (text or None)

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


class _IndentLeaves(QStyledItemDelegate):
    """Indents leaf categories under their group in the popup (the closed combo shows the
    plain label)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.UserRole):
            option.text = "    " + option.text


class CategoryCombo(QComboBox):
    """The taxonomy's categories in the UI language: group headings (not selectable) with
    their leaves under them; descriptions as tooltips."""

    def __init__(self, taxonomy: Taxonomy, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        bold = QFont()
        bold.setBold(True)
        for group in taxonomy.groups():
            head = QStandardItem(group.label(lang))
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            head.setFont(bold)
            head.setToolTip(group.describe(lang))
            model.appendRow(head)
            for leaf in taxonomy.children(group.code):
                item = QStandardItem(leaf.label(lang))
                item.setData(leaf.code, Qt.ItemDataRole.UserRole)
                item.setToolTip(leaf.describe(lang))
                model.appendRow(item)
        self.setModel(model)
        self.setItemDelegate(_IndentLeaves(self))
        self.setPlaceholderText(self.tr("Choose a category"))
        self.setCurrentIndex(-1)

    def code(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))


class WhenEdit(QWidget):
    """A date with its precision: exact (a time with its UTC offset), day, month, year,
    approximate (around a day) or a range (with an end date)."""

    changed = Signal()
    FORMATS: ClassVar[dict[str, str]] = {
        "exact": "yyyy-MM-dd HH:mm", "day": "yyyy-MM-dd", "month": "yyyy-MM", "year": "yyyy",
        "approximate": "yyyy-MM-dd", "range": "yyyy-MM-dd"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz: tzinfo | None = None
        self.precisionCombo = QComboBox()
        labels = {"exact": self.tr("Exact time"), "day": self.tr("Day"),
                  "month": self.tr("Month"), "year": self.tr("Year"),
                  "approximate": self.tr("About (approximate)"), "range": self.tr("Range")}
        for code, label in labels.items():
            self.precisionCombo.addItem(label, code)
        self.startEdit = QDateTimeEdit(QDateTime(QDate.currentDate(), QTime(0, 0)))
        self.startEdit.setCalendarPopup(True)
        self.endLabel = QLabel(self.tr("to"))
        self.endEdit = QDateEdit(QDate.currentDate())
        self.endEdit.setCalendarPopup(True)
        self.endEdit.setDisplayFormat("yyyy-MM-dd")
        # Wide enough for the longest format ("2026-12-31 23:59") in the UI font, so the
        # time is never clipped (Qt sizes a date edit for its initial format only).
        sample = "8888-88-88 88:88"
        for edit in (self.startEdit, self.endEdit):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(sample) + 56)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.precisionCombo, self.startEdit, self.endLabel, self.endEdit):
            layout.addWidget(w)
        layout.addStretch(1)
        self.precisionCombo.currentIndexChanged.connect(self._precision_changed)
        self.startEdit.dateTimeChanged.connect(self.changed)
        self.endEdit.dateChanged.connect(self.changed)
        self.set_precision("day")

    def precision(self) -> str:
        return str(self.precisionCombo.currentData())

    def set_precision(self, precision: str) -> None:
        self.precisionCombo.setCurrentIndex(self.precisionCombo.findData(precision))
        self._precision_changed()

    def _precision_changed(self) -> None:
        precision = self.precision()
        self.startEdit.setDisplayFormat(self.FORMATS[precision])
        self.endLabel.setVisible(precision == "range")
        self.endEdit.setVisible(precision == "range")
        self.changed.emit()

    def value(self) -> tuple[str, str, str | None]:
        """(start, precision, end) as the core's ``parse_when`` takes them."""
        precision = self.precision()
        q = self.startEdit.date()
        d = date(q.year(), q.month(), q.day())
        if precision == "year":
            start = f"{d.year:04d}"
        elif precision == "month":
            start = f"{d.year:04d}-{d.month:02d}"
        elif precision == "exact":
            t = self.startEdit.time()
            local = datetime(d.year, d.month, d.day, t.hour(), t.minute())
            start = local.replace(tzinfo=self._tz or datetime.now().astimezone().tzinfo
                                  ).isoformat(timespec="minutes")
        else:
            start = d.isoformat()
        end = self.endEdit.date().toString("yyyy-MM-dd") if precision == "range" else None
        return start, precision, end

    def set_value(self, occurred: dict[str, Any]) -> None:
        start, precision = str(occurred.get("start", "")), str(occurred.get("precision", "day"))
        self._tz = None
        if len(start) == 4:
            qd, qt = QDate(int(start), 1, 1), QTime(0, 0)
        elif len(start) == 7:
            qd, qt = QDate(int(start[:4]), int(start[5:7]), 1), QTime(0, 0)
        elif len(start) == 10:
            qd, qt = QDate.fromString(start, "yyyy-MM-dd"), QTime(0, 0)
        else:
            dt = datetime.fromisoformat(start)
            self._tz = dt.tzinfo
            qd, qt = QDate(dt.year, dt.month, dt.day), QTime(dt.hour, dt.minute)
        self.startEdit.setDateTime(QDateTime(qd, qt))
        end = occurred.get("end")
        if end:
            self.endEdit.setDate(QDate.fromString(str(end)[:10], "yyyy-MM-dd"))
        self.set_precision(precision if precision in self.FORMATS else "day")


# --- the editor -------------------------------------------------------------------------------

class IncidentEditor(QWidget):
    """Edit one incident (``ref``: draft id or record id; None: a new incident)."""

    loaded = Signal()           # after every (re)load and save
    saved = Signal(str)         # the ref of the saved draft
    amended = Signal(str)       # the draft id of the new revision
    closed = Signal()           # MainWindow returns to the list

    def __init__(self, ctx: AppContext, ref: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.view: IncidentView | None = None
        self.sealed_at: str | None = None
        self.standing = Standing()
        self._dirty = False
        self._filling = False
        self._saving: Task[Any] | None = None
        self._generation = 0  # bumped by every apply: a slower, older load is dropped
        self.dialog: QWidget | None = None  # the last dialog opened (tests drive it)
        self.setObjectName("incidentEditor")
        self.setAccessibleName(self.tr("Incident editor"))
        lang = ui_language(ctx)
        self.taxonomy = ctx.service.taxonomy
        self._roles = {r.code: r.label(lang) for r in self.taxonomy.roles()}
        self._lang = lang

        # --- state banner and actions
        self.banner = QLabel()
        self.banner.setObjectName("incidentEditor.stateBanner")
        self.banner.setAccessibleName(self.tr("Record state"))
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setMargin(8)
        self.saveButton = self._button("saveButton", self.tr("Save draft"),
                                       self.tr("Save the draft"), self.save)
        self.sealButton = self._button("sealButton", self.tr("Seal…"),
                                       self.tr("Seal this incident (sign it; it cannot be "
                                               "edited afterwards)"), self.seal)
        self.amendButton = self._button("amendButton", self.tr("Amend"),
                                        self.tr("Start a new revision of this sealed record"),
                                        self.amend)
        self.closeButton = self._button("closeButton", self.tr("Close"),
                                        self.tr("Close the editor"), self.request_close)
        # annotations sealed beside this record (they never replace it)
        self.annotationsLabel = QLabel()
        self.annotationsLabel.setObjectName("incidentEditor.annotations")
        self.annotationsLabel.setAccessibleName(self.tr("Annotations"))
        self.annotationsLabel.setWordWrap(True)
        self.annotationsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.annotationsLabel.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.annotationsLabel.setMargin(6)
        self.annotationsLabel.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        for b in (self.saveButton, self.sealButton, self.amendButton, self.closeButton):
            top.addWidget(b)

        # --- the incident's fields
        self.titleEdit = QLineEdit()
        self.categoryCombo = CategoryCombo(self.taxonomy, lang)
        self.whenEdit = WhenEdit()
        self.countryCombo = CountryCombo()
        self.placeEdit = QLineEdit()
        self.descriptionEdit = QPlainTextEdit()
        self.confidentialityCombo = QComboBox()
        levels = {"internal": (self.tr("Internal"), self.tr("Only our organisation's staff")),
                  "partners": (self.tr("Partners"), self.tr("Staff and trusted partners")),
                  "public": (self.tr("Public"), self.tr("May be published"))}
        for level in LEVELS:
            label, tip = levels[level]
            self.confidentialityCombo.addItem(f"{label} — {tip}", level)
        for name, widget, accessible in (
                ("titleEdit", self.titleEdit, self.tr("Title")),
                ("categoryCombo", self.categoryCombo, self.tr("Category")),
                ("precisionCombo", self.whenEdit.precisionCombo, self.tr("Date precision")),
                ("dateEdit", self.whenEdit.startEdit, self.tr("Date")),
                ("endDateEdit", self.whenEdit.endEdit, self.tr("End date")),
                ("countryCombo", self.countryCombo, self.tr("Country")),
                ("placeEdit", self.placeEdit, self.tr("Place")),
                ("descriptionEdit", self.descriptionEdit, self.tr("Description")),
                ("confidentialityCombo", self.confidentialityCombo,
                 self.tr("Confidentiality"))):
            widget.setObjectName(f"incidentEditor.{name}")
            widget.setAccessibleName(accessible)
        for w in (self.titleEdit, self.placeEdit, self.descriptionEdit):
            follow_text_direction(w)
        form = QFormLayout()
        form.addRow(self.tr("Title *"), self.titleEdit)
        form.addRow(self.tr("Category *"), self.categoryCombo)
        form.addRow(self.tr("When *"), self.whenEdit)
        form.addRow(self.tr("Country *"), self.countryCombo)
        form.addRow(self.tr("Place"), self.placeEdit)
        form.addRow(self.tr("Description"), self.descriptionEdit)
        form.addRow(self.tr("Confidentiality"), self.confidentialityCombo)
        details = QWidget()
        details.setLayout(form)

        # --- persons and acts
        self.personsList = self._list("personsList", self.tr("Persons (by pseudonym)"))
        self.addPersonButton = self._button("addPersonButton", self.tr("Add person…"),
                                            self.tr("Add a person"), self.add_person)
        self.actsList = self._list("actsList", self.tr("Acts"))
        self.addActButton = self._button("addActButton", self.tr("Add act…"),
                                         self.tr("Add an act"), self.add_act)
        people = QWidget()
        pv = QVBoxLayout(people)
        pv.addWidget(QLabel(self.tr("Persons are shown by pseudonym. Real names are optional "
                                    "and internal only.")))
        pv.addWidget(self.personsList, 1)
        pv.addWidget(self.addPersonButton, 0, Qt.AlignmentFlag.AlignLeading)
        pv.addWidget(QLabel(self.tr("Acts")))
        pv.addWidget(self.actsList, 1)
        pv.addWidget(self.addActButton, 0, Qt.AlignmentFlag.AlignLeading)

        # --- testimonies
        self.testimoniesList = self._list("testimoniesList", self.tr("Testimonies"))
        self.addTestimonyButton = self._button("addTestimonyButton", self.tr("Add testimony…"),
                                               self.tr("Add a testimony"), self.add_testimony)
        testimonies = QWidget()
        tv = QVBoxLayout(testimonies)
        tv.addWidget(self.testimoniesList, 1)
        tv.addWidget(self.addTestimonyButton, 0, Qt.AlignmentFlag.AlignLeading)

        # --- evidence
        self.evidence = EvidencePanel(ctx)
        self.evidence.incident_changed.connect(self._child_saved)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("incidentEditor.tabs")
        self.tabs.addTab(details, self.tr("Incident"))
        self.tabs.addTab(people, self.tr("Persons and acts"))
        self.tabs.addTab(testimonies, self.tr("Testimonies"))
        self.tabs.addTab(self.evidence, self.tr("Evidence"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.annotationsLabel)
        layout.addWidget(self.tabs, 1)

        # edits make the draft dirty
        for sig in (self.titleEdit.textChanged, self.placeEdit.textChanged,
                    self.descriptionEdit.textChanged, self.categoryCombo.currentIndexChanged,
                    self.countryCombo.currentTextChanged, self.whenEdit.changed,
                    self.confidentialityCombo.currentIndexChanged):
            sig.connect(self._mark_dirty)
        ctx.changed.connect(self._on_changed)
        ctx.locked.connect(self._on_locked)

        if ref is None:
            self._apply(None)
        else:
            self._set_inputs_enabled(False)
            self.banner.setText(self.tr("Opening…"))
            self.load(ref)

    # --- small builders -----------------------------------------------------------------------

    def _button(self, name: str, text: str, accessible: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(f"incidentEditor.{name}")
        b.setAccessibleName(accessible)
        b.clicked.connect(slot)
        return b

    def _list(self, name: str, accessible: str) -> QListWidget:
        w = QListWidget()
        w.setObjectName(f"incidentEditor.{name}")
        w.setAccessibleName(accessible)
        return w

    # --- state --------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def is_sealed(self) -> bool:
        return self.view is not None and self.view.is_sealed

    def _mark_dirty(self, *_args: Any) -> None:
        if not self._filling and not self.is_sealed:
            self._dirty = True

    def inputs(self) -> list[QWidget]:
        """Every control that changes the record (all disabled on a sealed record)."""
        return [self.titleEdit, self.categoryCombo, self.whenEdit.precisionCombo,
                self.whenEdit.startEdit, self.whenEdit.endEdit, self.countryCombo,
                self.placeEdit, self.descriptionEdit, self.confidentialityCombo,
                self.saveButton, self.sealButton, self.addPersonButton, self.addActButton,
                self.addTestimonyButton, self.evidence.importButton]

    def _set_inputs_enabled(self, on: bool) -> None:
        for w in self.inputs():
            w.setEnabled(on)
        self.evidence.list.accepting = on and self.view is not None

    # --- loading ------------------------------------------------------------------------------

    def load(self, ref: str) -> Task[Any]:
        """(Re)read the incident on a worker and show it."""
        ctx = self.ctx
        generation = self._generation

        def work(_c: TaskControl) -> tuple[IncidentView, str | None, Standing]:
            svc = ctx.service
            view = svc.get(ref)
            sealed_at = (svc.sealed_record(view.record_id).sealed_at
                         if view.is_sealed and view.record_id else None)
            return view, sealed_at, standing_of(svc, view)

        def done(result: tuple[IncidentView, str | None, Standing]) -> None:
            if generation != self._generation:
                return  # something newer was shown meanwhile
            view, current = result[0], self.view
            if (current is not None
                    and (view.rowid, view.state, view.superseded_by, view.record_id)
                    == (current.rowid, current.state, current.superseded_by, current.record_id)
                    and (result[1] or self.sealed_at) == self.sealed_at
                    and result[2] == self.standing and view.conflict == current.conflict
                    and view.body == current.body):
                self.loaded.emit()  # unchanged: keep the GUI thread free
                return
            self._apply(view, sealed_at=result[1], keep_fields=self._dirty,
                        standing=result[2])

        def failed(err: FieldKitError) -> None:
            self.banner.setText(err.message)
            show_error(self, err)

        return ctx.tasks.run(work, on_done=guarded(self, done), on_error=guarded(self, failed),
                             title=self.tr("Opening the incident"))

    def _on_changed(self, what: frozenset[str]) -> None:
        if "incidents" in what and self.ref is not None and self._saving is None:
            self.load(self.ref)

    def _on_locked(self) -> None:
        """Nothing read from the vault stays on screen while it is locked."""
        self._filling = True
        for w in (self.titleEdit, self.placeEdit):
            w.clear()
        self.descriptionEdit.clear()
        for lst in (self.personsList, self.actsList, self.testimoniesList):
            lst.clear()
        self.evidence.set_incident(None, editable=False)
        self._filling = False
        self._dirty = False
        self.view = None
        self._set_inputs_enabled(False)
        self.banner.setText(self.tr("The vault is locked."))

    def _child_saved(self, view: IncidentView, *_rest: Any) -> None:
        """A dialog added something to the draft: show it, keeping unsaved field edits."""
        self._apply(view, keep_fields=self._dirty)

    def _apply(self, view: IncidentView | None, *, sealed_at: str | None = None,
               keep_fields: bool = False, standing: Standing | None = None) -> None:
        self._generation += 1
        if standing is not None or view is None or not view.is_sealed \
                or view.ref != (self.view.ref if self.view is not None else None):
            self.standing = standing or Standing()
        self.view = view
        if view is not None:
            self.ref = view.ref
            if view.is_sealed and sealed_at is None and self.sealed_at is not None:
                sealed_at = self.sealed_at
        self.sealed_at = sealed_at
        if not keep_fields:
            self._fill_fields(view)
            self._dirty = False
        self._fill_lists(view)
        sealed = view is not None and view.is_sealed
        self._set_inputs_enabled(not sealed)
        for w in (self.titleEdit, self.placeEdit):
            w.setReadOnly(sealed)
        self.descriptionEdit.setReadOnly(sealed)
        self.sealButton.setVisible(view is not None and not sealed)
        self.amendButton.setVisible(sealed)
        # only the device that sealed a record may amend it (others annotate it)
        self.amendButton.setEnabled(sealed and view is not None and not view.superseded_by
                                    and self.standing.own)
        self.amendButton.setToolTip(
            self.tr("Start a new revision of this sealed record") if self.standing.own else
            self.tr("Another device sealed this record: only that device may amend it."))
        self._fill_annotations()
        for b in (self.addPersonButton, self.addActButton, self.addTestimonyButton):
            b.setEnabled(view is not None and not sealed)
        self.evidence.set_incident(view, editable=not sealed)
        self._update_banner()
        self.loaded.emit()

    def _fill_fields(self, view: IncidentView | None) -> None:
        self._filling = True
        try:
            body = view.body if view is not None else {}
            self.titleEdit.setText(body.get("title", ""))
            self.categoryCombo.set_code(body.get("category", ""))
            if "occurred" in body:
                self.whenEdit.set_value(body["occurred"])
            self.countryCombo.set_code(body.get("country", ""))
            if view is None:
                self.countryCombo.setCurrentIndex(-1)
            self.placeEdit.setText(body.get("place", ""))
            self.descriptionEdit.setPlainText(body.get("description", ""))
            self.confidentialityCombo.setCurrentIndex(
                max(0, self.confidentialityCombo.findData(body.get("confidentiality",
                                                                   "internal"))))
        finally:
            self._filling = False

    def _fill_lists(self, view: IncidentView | None) -> None:
        body = view.body if view is not None else {"persons": [], "acts": [], "testimonies": []}
        people = {p["id"]: p.get("pseudonym", p["id"]) for p in body["persons"]}
        self.personsList.clear()
        for p in body["persons"]:
            self.personsList.addItem(person_label(p, self._roles))
        self.actsList.clear()
        for a in body["acts"]:
            try:
                kind = self.taxonomy.act_type(a["type"]).label(self._lang)
            except FieldKitError:
                kind = a["type"]
            victims = ", ".join(people.get(v, v) for v in a["victims"]) or "—"
            perps = ", ".join(people.get(p["person"], p["person"])
                              for p in a["perpetrators"]) or "—"
            self.actsList.addItem(self.tr("{kind}: victims {victims}; perpetrators {perps}")
                                  .format(kind=kind, victims=victims, perps=perps))
        self.testimoniesList.clear()
        for t in body["testimonies"]:
            text = t.get("text", "").replace("\n", " ")
            line = f"{people.get(t['witness'], t['witness'])} [{t['language']}, " \
                   f"{t['consent']}] {text[:80]}"
            if t.get("audio"):
                line += "  ♪ " + t["audio"].get("file_name", "")
            self.testimoniesList.addItem(line)

    def _fill_annotations(self) -> None:
        notes = self.standing.annotations
        self.annotationsLabel.setVisible(bool(notes))
        lines = [self.tr("Annotations sealed beside this record (they do not change it):")]
        lines += [self.tr("{at}, by device {device}: {text}").format(
            at=ltr(utc_minutes(at)), device=ltr(device[:24] + "…"), text=text)
            for device, at, text in notes]
        self.annotationsLabel.setText("\n".join(lines) if notes else "")

    def _update_banner(self) -> None:
        view = self.view
        if view is None:
            state = "new"
            text = self.tr("New incident — not saved yet.")
        elif view.is_sealed and view.conflict:
            state = "conflict"
            text = self.tr("Conflict — record {id} claims to amend {prev}, which it may not "
                           "replace: only the device that sealed a record may amend it, and "
                           "only within the same incident. It is kept but replaces nothing; "
                           "{prev} stays current.").format(id=ltr(view.record_id),
                                                           prev=ltr(view.prev))
        elif view.is_sealed and self.standing.fork:
            state = "conflict"
            text = self.tr("Two revisions — the device that sealed {id} also sealed another "
                           "current revision of this incident ({others}). Both are kept; "
                           "exports ask you to choose one by its record id.").format(
                id=ltr(view.record_id), others=", ".join(
                    ltr(r[:12] + "…") for r in self.standing.fork if r != view.record_id))
        elif view.is_sealed and view.superseded_by:
            state = "superseded"
            text = self.tr("Sealed and superseded — record {id}, sealed {at}. A newer "
                           "revision replaces it: {new}.").format(
                id=ltr(view.record_id), at=ltr(utc_minutes(self.sealed_at)),
                new=ltr(view.superseded_by))
        elif view.is_sealed and not self.standing.own:
            state = "sealed"
            text = self.tr("Sealed by another device — record {id}, sealed {at}. Read-only: "
                           "only the device that sealed it may amend it; annotate it to add "
                           "a correction beside it.").format(
                id=ltr(view.record_id), at=ltr(utc_minutes(self.sealed_at)))
        elif view.is_sealed:
            state = "sealed"
            text = self.tr("Sealed — record {id}, sealed {at}. Read-only: use Amend to "
                           "correct it.").format(id=ltr(view.record_id),
                                                 at=ltr(utc_minutes(self.sealed_at)))
        else:
            state = "draft"
            text = self.tr("Draft {id} — not sealed yet; you can still edit it.").format(
                id=ltr(view.draft_id))
            if view.prev:
                text += " " + self.tr("It amends the sealed record {id}.").format(id=ltr(view.prev))
        if view is not None and view.is_sealed and self.standing.conflicts:
            text += " " + self.tr("{n} record(s) of other devices claim to amend this one; "
                                  "they replace nothing.").format(
                n=len(self.standing.conflicts))
        colours = {"new": ("#eef2f7", "#1f2d3d"), "draft": ("#fff4d6", "#5a4500"),
                   "sealed": ("#ddf3e4", "#11502a"), "superseded": ("#e8e8e8", "#333333"),
                   "conflict": ("#fde2d6", "#7a2100")}
        bg, fg = colours[state]
        self.banner.setProperty("state", state)
        self.banner.setText(text)
        self.banner.setAccessibleDescription(text)
        self.banner.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; "
                                  f"border: 1px solid {fg}; border-radius: 4px; }}")

    # --- saving -------------------------------------------------------------------------------

    def _field_values(self) -> dict[str, Any]:
        category = self.categoryCombo.code()
        if category is None:
            raise ValidationError(self.tr("Choose a category."),
                                  hint=self.tr("Pick the category that fits best; it can be "
                                               "changed until the record is sealed."))
        country = self.countryCombo.code()
        if not country:
            raise ValidationError(self.tr("Choose the country where it happened."),
                                  hint=self.tr("Type part of the country's name to find it."))
        occurred, precision, end = self.whenEdit.value()
        return {"title": self.titleEdit.text(), "category": category, "occurred": occurred,
                "precision": precision, "occurred_end": end, "country": country,
                "place": self.placeEdit.text(), "description": self.descriptionEdit.toPlainText(),
                "confidentiality": str(self.confidentialityCombo.currentData())}

    def save(self, *_args: Any, then: Any = None) -> Task[Any] | None:
        """Create or update the draft; ``then()`` runs after a successful save."""
        if self.is_sealed or self._saving is not None:
            return None
        try:
            values = self._field_values()
        except FieldKitError as err:
            show_error(self, err)
            return None
        ref, ctx = (self.view.ref if self.view is not None else None), self.ctx

        def work(_c: TaskControl) -> IncidentView:
            svc = ctx.service
            if ref is None:
                return svc.create_incident(**values)
            return svc.update_incident(ref, **values)

        def done(view: IncidentView) -> None:
            self._saving = None
            self._apply(view)
            self.saved.emit(view.ref)
            if callable(then):
                then()

        def failed(err: FieldKitError) -> None:
            self._saving = None
            self.saveButton.setEnabled(True)
            show_error(self, err)

        self.saveButton.setEnabled(False)
        self._saving = ctx.tasks.run(work, on_done=guarded(self, done),
                                     on_error=guarded(self, failed),
                                     title=self.tr("Saving the incident"),
                                     changes=frozenset({"incidents"}))
        return self._saving

    def _saved_then(self, action: Any) -> None:
        """Run ``action`` on a saved draft (saving first when there are unsaved edits)."""
        if self.view is None or self._dirty:
            self.save(then=action)
        else:
            action()

    # --- persons, acts, testimonies -----------------------------------------------------------

    def _open_child(self, make: Callable[[IncidentView],
                                         PersonDialog | ActDialog | TestimonyDialog]) -> None:
        """Save unsaved edits, then open a person/act/testimony dialog on the draft; its
        ``saved`` refreshes this editor."""
        def open_dialog() -> None:
            assert self.view is not None
            dialog = make(self.view)
            dialog.saved.connect(self._child_saved)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog
        self._saved_then(open_dialog)

    def add_person(self) -> None:
        self._open_child(lambda v: PersonDialog(self.ctx, v.ref, existing=len(v.body["persons"]),
                                                parent=self))

    def add_act(self) -> None:
        self._open_child(lambda v: ActDialog(self.ctx, v.ref, list(v.body["persons"]),
                                             parent=self))

    def add_testimony(self) -> None:
        self._open_child(lambda v: TestimonyDialog(self.ctx, v.ref, list(v.body["persons"]),
                                                   parent=self))

    # --- seal and amend -----------------------------------------------------------------------

    def seal(self) -> None:
        """Show what will be signed (saving unsaved edits first), then seal on confirm."""
        def open_dialog() -> None:
            assert self.view is not None
            dialog = SealDialog(self.ctx, self.view.ref, parent=self)
            dialog.sealed.connect(self._on_sealed)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog
        if not self.is_sealed:
            self._saved_then(open_dialog)

    def _on_sealed(self, sealed: Any) -> None:
        self.load(sealed.record_id)

    def amend(self) -> None:
        view, ctx = self.view, self.ctx
        if view is None or not view.is_sealed or view.record_id is None:
            return
        record_id = view.record_id
        self.amendButton.setEnabled(False)

        def work(_c: TaskControl) -> IncidentView:
            return ctx.service.amend(record_id)

        def done(draft: IncidentView) -> None:
            self.sealed_at = None
            self._apply(draft)
            self.amended.emit(draft.ref)

        def failed(err: FieldKitError) -> None:
            self.amendButton.setEnabled(True)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Starting a revision"),
                      changes=frozenset({"incidents"}))

    # --- closing ------------------------------------------------------------------------------

    def request_close(self) -> None:
        if self.close():
            self.closed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved edits are never dropped silently: ask (without blocking) and refuse now."""
        if not self._dirty or not self.ctx.is_unlocked:
            event.accept()
            return
        event.ignore()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Save the changes to this draft?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("incidentEditor.unsavedDialog")
        box.setAccessibleName(self.tr("Unsaved changes"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._unsaved_answer)  # not a lambda (see testimony.py)
        box.open()
        self.dialog = box

    def _unsaved_answer(self, button: Any) -> None:
        box = self.dialog
        if not isinstance(box, QMessageBox):
            return
        role = box.standardButton(button)
        if role == QMessageBox.StandardButton.Save:
            self.save(then=self.closed.emit)
        elif role == QMessageBox.StandardButton.Discard:
            self._dirty = False
            self.closed.emit()
