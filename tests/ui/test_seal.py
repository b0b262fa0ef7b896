"""The seal dialog shows exactly what is signed (the canonical record and the device key);
sealing makes the editor read-only; a record changed after it was shown is not sealed."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit.crypto.jcs import canonicalize
from fieldkit.service import IncidentView
from fieldkit.ui.context import AppContext
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.seal import SealDialog, pretty_canonical

TITLE = "حرق باب مسجد FK-7"


def make_incident(ctx: AppContext) -> IncidentView:
    view = ctx.service.create_incident(title=TITLE, category="hate_crime.arson",
                                       occurred="2026-02-01", country="DE",
                                       description="أُضرمت النار في الباب الخشبي ليلاً.")
    view, _ = ctx.service.add_person(view.ref, pseudonym="Imam", roles=["witness"])
    return view


def open_editor(qtbot: Any, ctx: AppContext, ref: str) -> IncidentEditor:
    editor = IncidentEditor(ctx, ref)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.view is not None)
    return editor


def open_seal_dialog(qtbot: Any, editor: IncidentEditor) -> SealDialog:
    qtbot.mouseClick(editor.sealButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(editor.dialog, SealDialog))
    dialog = editor.dialog
    assert isinstance(dialog, SealDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    return dialog


def test_pretty_printing_keeps_the_canonical_order() -> None:
    record = {"b": 1, "a": {"z": "ي", "é": [1, 2]}, "A": None}
    canonical = canonicalize(record)
    pretty = pretty_canonical(canonical)
    assert canonicalize(json.loads(pretty)) == canonical
    assert "".join(pretty.split()) == canonical.decode("utf-8").replace(" ", "")
    assert pretty.index('"A"') < pretty.index('"a"') < pretty.index('"b"')


def test_the_dialog_shows_what_is_signed_and_sealing_makes_it_read_only(
        qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    assert editor.banner.property("state") == "draft"
    dialog = open_seal_dialog(qtbot, editor)

    shown = dialog.jsonView.toPlainText()
    assert json.loads(shown) == view.body
    assert canonicalize(json.loads(shown)) == canonicalize(view.body)
    assert TITLE in shown  # Arabic is shown as text, not as \\u escapes
    key = ctx.service.vault.device_key.verify_key
    assert key.fingerprint in dialog.keyLabel.text() and key.key_id in dialog.keyLabel.text()
    assert dialog.jsonView.isReadOnly()
    assert dialog.confirmButton.isEnabled()

    with qtbot.waitSignal(dialog.sealed, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.confirmButton, Qt.MouseButton.LeftButton)
    sealed = blocker.args[0]
    # What was shown is byte for byte the record inside the signed statement.
    assert canonicalize(ctx.service.sealed_record(sealed.record_id).record) == \
        canonicalize(json.loads(shown))
    qtbot.waitUntil(lambda: editor.is_sealed and editor.sealed_at is not None)
    assert editor.banner.property("state") == "sealed"
    assert sealed.record_id in editor.banner.text() and "Sealed" in editor.banner.text()
    assert editor.titleEdit.isReadOnly() and not editor.categoryCombo.isEnabled()
    assert not editor.addPersonButton.isEnabled() and not editor.sealButton.isVisible()
    assert editor.amendButton.isVisible()
    # the two states never rely on colour alone: the words differ
    assert "Draft" not in editor.banner.text()


def test_unsaved_edits_are_saved_before_the_dialog_shows_them(
        qtbot: Any, ctx: AppContext, type_text: Any) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    type_text(editor.titleEdit, " — مُحدَّث")
    assert editor.is_dirty
    dialog = open_seal_dialog(qtbot, editor)
    assert not editor.is_dirty
    assert json.loads(dialog.jsonView.toPlainText())["title"] == TITLE + " — مُحدَّث"


def test_a_record_changed_after_it_was_shown_is_not_sealed(qtbot: Any,
                                                           ctx: AppContext) -> None:
    view = make_incident(ctx)
    dialog = SealDialog(ctx, view.ref)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.preview is not None)
    ctx.service.update_incident(view.ref, place="somewhere else")  # behind the dialog's back
    qtbot.mouseClick(dialog.confirmButton, Qt.MouseButton.LeftButton)

    def error_box() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                 and w.objectName() == "errorDialog" and w.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: error_box() is not None)
    assert error_box().text() == "The record changed after it was shown for sealing."
    error_box().close()
    assert not ctx.service.get(view.ref).is_sealed
    assert ctx.service.stats()["sealed"] == 0


def test_cancel_leaves_the_draft_unsealed(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    editor = open_editor(qtbot, ctx, view.ref)
    dialog = open_seal_dialog(qtbot, editor)
    dialog.cancelButton.click()
    assert not dialog.isVisible()
    ctx.tasks.wait_idle(5_000)
    assert not ctx.service.get(view.ref).is_sealed and not editor.is_sealed
    assert editor.titleEdit.isEnabled() and not editor.titleEdit.isReadOnly()


def test_an_amendment_says_which_record_it_amends(qtbot: Any, ctx: AppContext) -> None:
    view = make_incident(ctx)
    first = ctx.service.seal(view.ref)
    draft = ctx.service.amend(first.record_id)
    assert draft.draft_id is not None
    editor = open_editor(qtbot, ctx, draft.draft_id)
    dialog = open_seal_dialog(qtbot, editor)
    assert first.record_id in dialog.keyLabel.text()
    with qtbot.waitSignal(dialog.sealed, timeout=10_000) as blocker:
        dialog.confirmButton.click()
    assert blocker.args[0].prev == first.record_id
    qtbot.waitUntil(lambda: editor.is_sealed)
