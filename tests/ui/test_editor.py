"""The incident editor driven like a user: typing Arabic key by key, saving, reopening,
persons and acts, a sealed record read-only, and amend making a new revision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from fieldkit.service import IncidentView
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor, countries
from fieldkit.ui.persons import ActDialog, PersonDialog

TITLE_AR = "اعتداء على المصلين أمام مسجد FK-42"
DESCRIPTION_AR = "هاجم رجلان المصلين بعد صلاة الجمعة.\nشاهد ثلاثة أشخاص الحادث."
CATEGORY = "hate_crime.physical_assault"


def open_editor(qtbot: Any, ctx: AppContext, ref: str | None) -> IncidentEditor:
    editor = IncidentEditor(ctx, ref)
    qtbot.addWidget(editor)
    editor.show()
    if ref is not None:
        qtbot.waitUntil(lambda: editor.view is not None, timeout=10_000)
    return editor


def save(qtbot: Any, editor: IncidentEditor) -> str:
    with qtbot.waitSignal(editor.saved, timeout=10_000) as blocker:
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    return str(blocker.args[0])


def error_dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


def make_incident(ctx: AppContext, **kw: Any) -> IncidentView:
    args = {"title": "Graffiti on a mosque wall", "category": "hate_crime.vandalism",
            "occurred": "2026-03-13", "country": "FR", "place": "Lyon"} | kw
    return ctx.service.create_incident(**args)


def test_arabic_typed_key_by_key_is_saved_and_shown_again(
        qtbot: Any, ctx: AppContext, type_text: Callable[[QWidget, str], None]) -> None:
    editor = open_editor(qtbot, ctx, None)
    assert editor.banner.property("state") == "new"

    type_text(editor.titleEdit, TITLE_AR)
    type_text(editor.descriptionEdit, DESCRIPTION_AR)
    type_text(editor.placeEdit, "ليون")
    assert editor.titleEdit.text() == TITLE_AR
    assert editor.descriptionEdit.toPlainText() == DESCRIPTION_AR
    # Arabic typed into a field lays it out right to left, though the UI is English.
    assert editor.titleEdit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert editor.descriptionEdit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = editor.descriptionEdit.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight  # not QPlainTextEdit's left
    assert editor.is_dirty

    editor.categoryCombo.setCurrentIndex(editor.categoryCombo.findData(CATEGORY))
    qtbot.keyClicks(editor.countryCombo.lineEdit(), "Kazakh")
    assert editor.countryCombo.code() == "KZ"
    editor.whenEdit.set_precision("range")
    assert editor.whenEdit.endEdit.isVisibleTo(editor)
    editor.whenEdit.startEdit.setDate(QDate(2026, 3, 13))
    editor.whenEdit.endEdit.setDate(QDate(2026, 3, 15))

    with qtbot.waitSignal(ctx.changed, timeout=10_000,
                          check_params_cb=lambda what: "incidents" in what):
        ref = save(qtbot, editor)
    assert not editor.is_dirty
    assert editor.banner.property("state") == "draft"
    assert ref in editor.banner.text() and "Draft" in editor.banner.text()

    stored = ctx.service.get(ref)
    assert stored.title == TITLE_AR
    assert stored.body["description"] == DESCRIPTION_AR
    assert stored.body["place"] == "ليون"
    assert stored.category == CATEGORY and stored.country == "KZ"
    assert stored.body["occurred"] == {"start": "2026-03-13", "precision": "range",
                                       "end": "2026-03-15"}

    again = open_editor(qtbot, ctx, ref)
    assert again.titleEdit.text() == TITLE_AR
    assert again.descriptionEdit.toPlainText() == DESCRIPTION_AR
    assert again.titleEdit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert again.categoryCombo.code() == CATEGORY
    assert again.countryCombo.code() == "KZ"
    assert again.whenEdit.precision() == "range"
    assert again.whenEdit.value() == ("2026-03-13", "range", "2026-03-15")
    assert not again.is_dirty


def test_editing_a_saved_draft_updates_it(qtbot: Any, ctx: AppContext,
                                          type_text: Callable[[QWidget, str], None]) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    editor.titleEdit.clear()
    type_text(editor.titleEdit, "Graffiti — updated")
    editor.whenEdit.set_precision("month")
    save(qtbot, editor)
    stored = ctx.service.get(view.ref)
    assert stored.title == "Graffiti — updated"
    assert stored.body["occurred"]["start"] == "2026-03"
    assert stored.body["occurred"]["precision"] == "month"


@pytest.mark.parametrize(("precision", "expected"), [
    ("year", "2026"), ("month", "2026-03"), ("day", "2026-03-13"), ("approximate", "2026-03-13"),
])
def test_date_precision_gives_the_core_a_date_it_accepts(qtbot: Any, precision: str,
                                                         expected: str) -> None:
    from fieldkit.domain.records import parse_when
    from fieldkit.ui.editor import WhenEdit

    when = WhenEdit()
    qtbot.addWidget(when)
    when.startEdit.setDate(QDate(2026, 3, 13))
    when.set_precision(precision)
    start, got_precision, end = when.value()
    assert (start, got_precision, end) == (expected, precision, None)
    assert parse_when(start, precision=got_precision, end=end)["start"] == expected
    assert not when.endEdit.isVisibleTo(when)


def test_exact_time_keeps_its_utc_offset(qtbot: Any) -> None:
    from fieldkit.ui.editor import WhenEdit

    when = WhenEdit()
    qtbot.addWidget(when)
    when.set_value({"start": "2026-03-13T19:40+05:00", "precision": "exact", "end": None})
    assert when.value() == ("2026-03-13T19:40+05:00", "exact", None)


def test_country_picker_finds_by_name_and_code(qtbot: Any, ctx: AppContext) -> None:
    editor = open_editor(qtbot, ctx, None)
    codes = [c for c, _ in countries()]
    assert len(codes) > 240 and len(set(codes)) == len(codes)
    assert {"FR", "KZ", "EG", "SY", "PS"} <= set(codes)
    assert "مصر" in dict(countries())["EG"]
    combo = editor.countryCombo
    qtbot.keyClicks(combo.lineEdit(), "egypt")
    assert combo.code() == "EG"
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), "de")
    assert combo.code() == "DE"


def test_category_tree_is_in_the_ui_language(qtbot: Any, ctx: AppContext) -> None:
    ctx.settings.language = "ar"
    editor = open_editor(qtbot, ctx, None)
    combo = editor.categoryCombo
    texts = [combo.itemText(i).strip() for i in range(combo.count())]
    assert "جرائم الكراهية" in texts           # a group heading
    assert "اعتداء جسدي" in texts               # its leaf
    head = combo.model().index(texts.index("جرائم الكراهية"), 0)
    assert not (combo.model().flags(head) & Qt.ItemFlag.ItemIsSelectable)  # groups: headings


def test_missing_category_is_a_clear_error_not_a_crash(qtbot: Any, ctx: AppContext,
                                                       type_text: Any) -> None:
    editor = open_editor(qtbot, ctx, None)
    type_text(editor.titleEdit, "No category")
    qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(error_dialogs()))
    box = error_dialogs()[0]
    assert box.text() == "Choose a category."
    box.close()
    assert editor.view is None and ctx.service.count_incidents() == 0


def test_persons_use_pseudonyms_and_real_names_are_internal_only(
        qtbot: Any, ctx: AppContext, type_text: Any) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    qtbot.mouseClick(editor.addPersonButton, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert isinstance(dialog, PersonDialog)
    assert dialog.pseudonymEdit.text() == "Person 1"  # a pseudonym by default
    assert "Internal only" in dialog.internalBox.title()
    assert "internal only" in dialog.nameEdit.accessibleName()

    dialog.pseudonymEdit.clear()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bool(error_dialogs()))
    assert error_dialogs()[0].text() == "The pseudonym is required."
    error_dialogs()[0].close()
    assert dialog.isVisible()

    type_text(dialog.pseudonymEdit, "الشاهد أ")
    type_text(dialog.nameEdit, "أحمد محمود")
    dialog.roleChecks["witness"].setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: editor.personsList.count() == 1)
    shown = editor.personsList.item(0).text()
    assert "الشاهد أ" in shown and "internal only" in shown
    assert "أحمد" not in shown  # the real name is never listed
    person = ctx.service.get(view.ref).body["persons"][0]
    assert person["pseudonym"] == "الشاهد أ" and person["name"] == "أحمد محمود"
    assert person["roles"] == ["witness"]


def test_act_with_victims_and_perpetrators(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    ctx.service.add_person(view.ref, pseudonym="Victim A", roles=["victim"])
    ctx.service.add_person(view.ref, pseudonym="Attacker 1", roles=["perpetrator"])
    editor = open_editor(qtbot, ctx, view.ref)
    assert editor.personsList.count() == 2
    qtbot.mouseClick(editor.addActButton, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert isinstance(dialog, ActDialog)
    assert dialog.victims() == ["Victim A"]  # ticked from the person's role
    dialog.typeCombo.setCurrentIndex(dialog.typeCombo.findData("injury"))
    dialog.involvementCombos[1].setCurrentIndex(dialog.involvementCombos[1].findData("ordered"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: editor.actsList.count() == 1)
    act = ctx.service.get(view.ref).body["acts"][0]
    persons = {p["pseudonym"]: p["id"] for p in ctx.service.get(view.ref).body["persons"]}
    assert act["type"] == "injury"
    assert act["victims"] == [persons["Victim A"]]
    assert act["perpetrators"] == [{"person": persons["Attacker 1"], "involvement": "ordered"}]
    assert "Victim A" in editor.actsList.item(0).text()


def test_a_sealed_record_opens_read_only(qtbot: Any, ctx: AppContext,
                                         type_text: Callable[[QWidget, str], None]) -> None:
    view = make_incident(ctx, title="مسجد")
    sealed = ctx.service.seal(view.ref)
    editor = open_editor(qtbot, ctx, sealed.record_id)
    assert editor.is_sealed
    assert editor.banner.property("state") == "sealed"
    text = editor.banner.text()
    assert "Sealed" in text and f"\u202a{sealed.record_id}\u202c" in text
    assert sealed.sealed_at[:10] + " " + sealed.sealed_at[11:16] + " UTC" in text
    for w in editor.inputs():
        if isinstance(w, QLineEdit | QPlainTextEdit):
            assert w.isReadOnly() or not w.isEnabled(), w.objectName()
        else:
            assert not w.isEnabled(), w.objectName()
    assert not editor.sealButton.isVisible()
    assert editor.amendButton.isVisible() and editor.amendButton.isEnabled()
    assert not editor.evidence.list.accepting

    type_text(editor.titleEdit, "changed")
    assert editor.titleEdit.text() == "مسجد"
    assert not editor.is_dirty
    assert editor.save() is None
    assert ctx.service.get(sealed.record_id).title == "مسجد"


def test_amend_creates_a_new_draft_revision_and_opens_it(
        qtbot: Any, ctx: AppContext, type_text: Callable[[QWidget, str], None]) -> None:
    view = make_incident(ctx)
    sealed = ctx.service.seal(view.ref)
    editor = open_editor(qtbot, ctx, sealed.record_id)
    with qtbot.waitSignal(editor.amended, timeout=10_000) as blocker:
        qtbot.mouseClick(editor.amendButton, Qt.MouseButton.LeftButton)
    draft_ref = blocker.args[0]
    assert draft_ref.startswith("d-") and editor.ref == draft_ref
    # a slower reload of the old record (from ctx.changed) must not replace the new draft
    ctx.tasks.wait_idle(10_000)
    assert editor.view is not None and editor.view.ref == draft_ref
    assert editor.view.prev == sealed.record_id
    assert editor.banner.property("state") == "draft"
    assert sealed.record_id in editor.banner.text()
    assert editor.titleEdit.isEnabled() and not editor.titleEdit.isReadOnly()

    editor.titleEdit.clear()
    type_text(editor.titleEdit, "Graffiti (corrected)")
    save(qtbot, editor)
    draft = ctx.service.get(draft_ref)
    assert draft.title == "Graffiti (corrected)" and draft.prev == sealed.record_id
    assert ctx.service.get(sealed.record_id).title == "Graffiti on a mosque wall"
    # sealing the revision supersedes the original
    ctx.service.seal(draft_ref)
    old = open_editor(qtbot, ctx, sealed.record_id)
    assert old.banner.property("state") == "superseded"
    assert not old.amendButton.isEnabled()


def test_closing_with_unsaved_edits_asks_first(qtbot: Any, ctx: AppContext,
                                               type_text: Any) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    type_text(editor.titleEdit, " (more)")
    assert not editor.close()  # refused while dirty: a question is shown instead
    box = editor.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    with qtbot.waitSignal(editor.closed, timeout=10_000):
        box.button(QMessageBox.StandardButton.Save).click()
    assert ctx.service.get(view.ref).title == "Graffiti on a mosque wall (more)"


def test_locking_clears_what_was_shown(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx, description="secret details")
    editor = open_editor(qtbot, ctx, view.ref)
    assert editor.descriptionEdit.toPlainText() == "secret details"
    ctx.tasks.wait_idle(10_000)
    ctx.lock()
    assert editor.descriptionEdit.toPlainText() == ""
    assert editor.titleEdit.text() == "" and not editor.titleEdit.isEnabled()


def test_text_direction_follows_the_text_not_the_ui(qtbot: Any,
                                                    type_text: Callable[[QWidget, str], None]
                                                    ) -> None:
    from fieldkit.ui.persons import follow_text_direction

    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic UI
    try:
        edit = QLineEdit()
        qtbot.addWidget(edit)
        follow_text_direction(edit)
        assert edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
        type_text(edit, "12 Lyon")  # digits are neutral: the first letter decides
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        edit.clear()
        assert edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
        type_text(edit, "«مسجد» FK-42")
        assert edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_every_control_has_an_accessible_name_and_keyboard_order(qtbot: Any,
                                                                 ctx: AppContext) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QListWidget

    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox,
             QListWidget)
    unnamed = [w for w in editor.findChildren(QWidget)
               if isinstance(w, kinds) and w.objectName().startswith(("incidentEditor.",
                                                                       "evidencePanel.",
                                                                       "custodyTimeline."))
               and not w.accessibleName()]
    assert unnamed == []
    # Tab walks the form top to bottom: title, category, precision, date, country...
    editor.activateWindow()
    editor.titleEdit.setFocus()
    qtbot.waitUntil(lambda: editor.titleEdit.hasFocus())

    def named(w: QWidget | None) -> str:
        while w is not None and not w.objectName().startswith("incidentEditor."):
            w = w.parentWidget()
        return w.objectName() if w is not None else ""

    order = [named(QApplication.focusWidget())]
    while len(order) < 8:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if named(QApplication.focusWidget()) != order[-1]:
            order.append(named(QApplication.focusWidget()))
    assert order == ["incidentEditor.titleEdit", "incidentEditor.categoryCombo",
                     "incidentEditor.precisionCombo", "incidentEditor.dateEdit",
                     "incidentEditor.countryCombo", "incidentEditor.placeEdit",
                     "incidentEditor.descriptionEdit", "incidentEditor.confidentialityCombo"]
