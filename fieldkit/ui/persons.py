"""Persons and acts of an incident: dialogs that add them to a draft through the task runner.

People are shown by pseudonym everywhere; a real name and contact details are optional,
kept only in the vault, and marked "internal only" where they are typed (the core never
shows them to a wider audience). Also the small helpers the capture widgets share: the UI
language for taxonomy labels, and text direction that follows what is typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.errors import ValidationError
from fieldkit.ui.errors import show_error

if TYPE_CHECKING:
    from fieldkit.service import IncidentView
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.tasks import TaskControl

GENDERS = ("female", "male", "other")
AGE_GROUPS = ("child", "adult", "older")


# --- shared helpers ---------------------------------------------------------------------------

def ui_language(ctx: AppContext) -> str:
    """The language taxonomy labels are shown in (the app's setting)."""
    return str(getattr(ctx.settings, "language", None) or "en")


def guarded(widget: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """``fn``, skipped once ``widget`` is deleted: a task can outlive the widget that started
    it (the editor closed, the vault locked), and its callback must then do nothing."""

    def call(arg: Any) -> None:
        if shiboken6.isValid(widget):
            fn(arg)

    return call


def direction_of(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strongly directional character (Unicode bidi P2), or None
    when the text has none (digits, punctuation, empty)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if bidi == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


def follow_text_direction(widget: QLineEdit | QPlainTextEdit) -> None:
    """Make ``widget`` lay its text out right to left when it starts with Arabic (or Hebrew...)
    and left to right when it starts with Latin or Cyrillic, whatever the UI language. A
    multi-line field also lets Tab move the focus on, so the keyboard never gets stuck."""

    def update() -> None:
        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        direction = direction_of(text) or QGuiApplication.layoutDirection()
        if widget.layoutDirection() != direction:
            widget.setLayoutDirection(direction)
        if isinstance(widget, QPlainTextEdit):
            doc = widget.document()
            option = doc.defaultTextOption()
            # QPlainTextEdit aligns every paragraph to the left unless told otherwise
            align = (Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft
                     else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
            if option.textDirection() != direction or option.alignment() != align:
                option.setTextDirection(direction)
                option.setAlignment(align)
                doc.setDefaultTextOption(option)

    if isinstance(widget, QPlainTextEdit):
        widget.setTabChangesFocus(True)  # Tab moves on (no keyboard trap); Ctrl+Tab for a tab
    widget.textChanged.connect(update)
    update()


def person_label(person: dict[str, Any], roles: dict[str, str]) -> str:
    """One line for a person: pseudonym and roles, and a marker (never the name itself) when
    internal-only details are on file."""
    text = str(person.get("pseudonym", "?"))
    role_names = [roles.get(r, r) for r in person.get("roles", [])]
    if role_names:
        text += " — " + ", ".join(role_names)
    if person.get("name") or person.get("contact"):
        text += "  — " + QCoreApplication.translate("Persons", "identity on file (internal only)")
    return text


# --- add a person -----------------------------------------------------------------------------

class PersonDialog(QDialog):
    """Add a person to a draft: pseudonym (required, pre-filled), roles, and optional
    internal-only name and contact."""

    saved = Signal(object, object)  # (IncidentView, person dict)

    def __init__(self, ctx: AppContext, ref: str, *, existing: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("Add a person"))
        self.setAccessibleName(self.tr("Add a person"))
        lang = ui_language(ctx)
        taxonomy = ctx.service.taxonomy

        form = QFormLayout()
        self.pseudonymEdit = QLineEdit(self.tr("Person {n}").format(n=existing + 1))
        self.pseudonymEdit.setObjectName("personDialog.pseudonymEdit")
        self.pseudonymEdit.setAccessibleName(self.tr("Pseudonym (required)"))
        self.pseudonymEdit.setToolTip(self.tr("How this person is named in every record and "
                                              "report. Do not use the real name here."))
        self.pseudonymEdit.selectAll()
        follow_text_direction(self.pseudonymEdit)
        form.addRow(self.tr("Pseudonym *"), self.pseudonymEdit)

        roles_box = QHBoxLayout()
        self.roleChecks: dict[str, QCheckBox] = {}
        for role in taxonomy.roles():
            box = QCheckBox(role.label(lang))
            box.setObjectName(f"personDialog.role.{role.code}")
            box.setAccessibleName(role.label(lang))
            box.setToolTip(role.describe(lang))
            self.roleChecks[role.code] = box
            roles_box.addWidget(box)
        form.addRow(self.tr("Roles"), roles_box)

        self.genderCombo = QComboBox()
        self.genderCombo.setObjectName("personDialog.genderCombo")
        self.genderCombo.setAccessibleName(self.tr("Gender"))
        self.genderCombo.addItem(self.tr("Not recorded"), None)
        for code, label in zip(GENDERS, (self.tr("Female"), self.tr("Male"), self.tr("Other")),
                               strict=True):
            self.genderCombo.addItem(label, code)
        form.addRow(self.tr("Gender"), self.genderCombo)
        self.ageCombo = QComboBox()
        self.ageCombo.setObjectName("personDialog.ageCombo")
        self.ageCombo.setAccessibleName(self.tr("Age group"))
        self.ageCombo.addItem(self.tr("Not recorded"), None)
        for code, label in zip(AGE_GROUPS, (self.tr("Child"), self.tr("Adult"), self.tr("Older")),
                               strict=True):
            self.ageCombo.addItem(label, code)
        form.addRow(self.tr("Age group"), self.ageCombo)

        # Real identity: optional, and visibly internal only.
        self.internalBox = QGroupBox(self.tr("Internal only — never shared outside the "
                                             "organisation (optional)"))
        self.internalBox.setObjectName("personDialog.internalBox")
        self.internalBox.setAccessibleName(self.tr("Internal only details"))
        inner = QFormLayout(self.internalBox)
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("personDialog.nameEdit")
        self.nameEdit.setAccessibleName(self.tr("Real name (internal only)"))
        self.nameEdit.setPlaceholderText(self.tr("Leave empty unless it is needed"))
        follow_text_direction(self.nameEdit)
        inner.addRow(self.tr("Real name (internal only)"), self.nameEdit)
        self.contactEdit = QLineEdit()
        self.contactEdit.setObjectName("personDialog.contactEdit")
        self.contactEdit.setAccessibleName(self.tr("Contact (internal only)"))
        follow_text_direction(self.contactEdit)
        inner.addRow(self.tr("Contact (internal only)"), self.contactEdit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("personDialog.buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.internalBox)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        pseudonym = self.pseudonymEdit.text().strip()
        if not pseudonym:
            show_error(self, ValidationError(self.tr("The pseudonym is required."),
                                             hint=self.tr("Give a name that does not identify "
                                                          "the person, such as “Witness A”.")))
            return
        roles = [code for code, box in self.roleChecks.items() if box.isChecked()]
        details = {"name": self.nameEdit.text().strip() or None,
                   "contact": self.contactEdit.text().strip() or None,
                   "gender": self.genderCombo.currentData(),
                   "age_group": self.ageCombo.currentData()}
        ref, ctx = self.ref, self.ctx
        self.buttons.setEnabled(False)

        def work(_c: TaskControl) -> tuple[IncidentView, dict[str, Any]]:
            return ctx.service.add_person(ref, pseudonym=pseudonym, roles=roles, **details)

        def done(result: tuple[IncidentView, dict[str, Any]]) -> None:
            self.saved.emit(*result)
            self.accept()

        def failed(err: Any) -> None:
            self.buttons.setEnabled(True)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Adding a person"),
                      changes=frozenset({"incidents"}))


# --- add an act -------------------------------------------------------------------------------

class ActDialog(QDialog):
    """Add an act: its type (taxonomy), victims, and perpetrators with their involvement."""

    saved = Signal(object, object)  # (IncidentView, act dict)

    def __init__(self, ctx: AppContext, ref: str, persons: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.persons = persons
        self.setObjectName("actDialog")
        self.setWindowTitle(self.tr("Add an act"))
        self.setAccessibleName(self.tr("Add an act"))
        lang = ui_language(ctx)
        taxonomy = ctx.service.taxonomy

        form = QFormLayout()
        self.typeCombo = QComboBox()
        self.typeCombo.setObjectName("actDialog.typeCombo")
        self.typeCombo.setAccessibleName(self.tr("Act type"))
        for act in taxonomy.act_types():
            self.typeCombo.addItem(act.label(lang), act.code)
            self.typeCombo.setItemData(self.typeCombo.count() - 1, act.describe(lang),
                                       Qt.ItemDataRole.ToolTipRole)
        form.addRow(self.tr("Act type"), self.typeCombo)

        self.victimsList = QListWidget()
        self.victimsList.setObjectName("actDialog.victimsList")
        self.victimsList.setAccessibleName(self.tr("Victims"))
        for p in persons:
            item = QListWidgetItem(p["pseudonym"])
            item.setData(Qt.ItemDataRole.UserRole, p["pseudonym"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if "victim" in p.get("roles", [])
                               else Qt.CheckState.Unchecked)
            self.victimsList.addItem(item)
        form.addRow(self.tr("Victims"), self.victimsList)

        self.perpetratorsTable = QTableWidget(len(persons), 2)
        self.perpetratorsTable.setObjectName("actDialog.perpetratorsTable")
        self.perpetratorsTable.setAccessibleName(self.tr("Perpetrators and their involvement"))
        self.perpetratorsTable.setHorizontalHeaderLabels([self.tr("Perpetrator"),
                                                          self.tr("Involvement")])
        self.perpetratorsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.involvementCombos: list[QComboBox] = []
        for row, p in enumerate(persons):
            cell = QTableWidgetItem(p["pseudonym"])
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            cell.setCheckState(Qt.CheckState.Checked if "perpetrator" in p.get("roles", [])
                               else Qt.CheckState.Unchecked)
            self.perpetratorsTable.setItem(row, 0, cell)
            combo = QComboBox()
            combo.setObjectName(f"actDialog.involvement.{row}")
            combo.setAccessibleName(self.tr("Involvement of {who}").format(who=p["pseudonym"]))
            for inv in taxonomy.involvements():
                combo.addItem(inv.label(lang), inv.code)
            self.perpetratorsTable.setCellWidget(row, 1, combo)
            self.involvementCombos.append(combo)
        self.perpetratorsTable.resizeColumnsToContents()
        form.addRow(self.tr("Perpetrators"), self.perpetratorsTable)
        if not persons:
            hint = QLabel(self.tr("Add the persons involved first (victims, perpetrators)."))
            hint.setWordWrap(True)
            form.addRow(hint)

        self.descriptionEdit = QPlainTextEdit()
        self.descriptionEdit.setObjectName("actDialog.descriptionEdit")
        self.descriptionEdit.setAccessibleName(self.tr("What happened in this act"))
        follow_text_direction(self.descriptionEdit)
        form.addRow(self.tr("Description"), self.descriptionEdit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("actDialog.buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def victims(self) -> list[str]:
        out = []
        for i in range(self.victimsList.count()):
            item = self.victimsList.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def perpetrators(self) -> list[tuple[str, str]]:
        out = []
        for row, p in enumerate(self.persons):
            item = self.perpetratorsTable.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append((p["pseudonym"], str(self.involvementCombos[row].currentData())))
        return out

    def submit(self) -> None:
        act_type = str(self.typeCombo.currentData())
        victims, perps = self.victims(), self.perpetrators()
        description = self.descriptionEdit.toPlainText()
        ref, ctx = self.ref, self.ctx
        self.buttons.setEnabled(False)

        def work(_c: TaskControl) -> tuple[IncidentView, dict[str, Any]]:
            return ctx.service.add_act(ref, act_type=act_type, victims=victims,
                                       perpetrators=perps, description=description)

        def done(result: tuple[IncidentView, dict[str, Any]]) -> None:
            self.saved.emit(*result)
            self.accept()

        def failed(err: Any) -> None:
            self.buttons.setEnabled(True)
            show_error(self, err)

        ctx.tasks.run(work, on_done=guarded(self, done),
                      on_error=guarded(self, failed), title=self.tr("Adding an act"),
                      changes=frozenset({"incidents"}))
