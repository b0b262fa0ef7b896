"""The app shows what the amendment rule decided: a hostile monitor's claim on another
device's record is marked as a conflict, in words, in every UI language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from fieldkit.domain.amendments import RevisionForkError
from fieldkit.storage.vault import Vault
from fieldkit.ui import i18n
from fieldkit.ui.context import AppContext
from fieldkit.ui.dossier_wizard import DossierWizard
from fieldkit.ui.editor import IncidentEditor
from fieldkit.ui.incidents import IncidentTableModel, RowRole
from fieldkit.ui.settings import Settings

from .amend_helpers import body_of, forge, seal_incident
from .conftest import PASS, Field


@pytest.fixture
def staff_app(field: Field, qapp: object) -> Iterator[tuple[Field, AppContext, str, str]]:
    f = field
    a1 = seal_incident(f.alice, "Mosque door burned FKALICE7")
    f.alice.sync()
    body = body_of(f.alice, a1)
    body["title"] = "RETRACTED FKMALLORY9"
    m = forge(f.mallory, record=body, prev=a1)
    f.mallory.sync()
    f.staff.sync()
    f.staff.vault.lock()
    i18n.load_fonts()
    ctx = AppContext(f.tmp / "staff", Settings(path=f.tmp / "app.json"))
    ctx.attach(Vault.open(f.tmp / "staff", PASS))
    yield f, ctx, a1, m
    ctx.tasks.wait_idle(30_000)
    ctx.lock()
    ctx.deleteLater()
    i18n.set_language("en")


@pytest.mark.parametrize(("lang", "mark", "words", "claims"), [
    ("en", "Conflict", "replaces nothing", "they replace nothing"),
    ("ar", "تعارض", "لا يحل محل شيء", "لا تحل محل شيء"),
    ("fr", "Conflit", "ne remplace rien", "ils ne remplacent rien"),
    ("ru", "Конфликт", "ничего не заменяет", "они ничего не заменяют"),
])
def test_amend_conflict_is_marked_and_explained_in_the_app(  # type: ignore[no-untyped-def]
        qtbot, staff_app, lang: str, mark: str, words: str, claims: str) -> None:
    """Threat: a staff member reads mallory's claim as the incident's correction because the
    app shows it like any other revision. Stopped by: the list marks it (state column, a
    tooltip in words) and the editor's banner explains it in the UI language; alice's record
    stays an ordinary sealed row, its banner counts the claims against it, and Amend is off
    for a record this device did not seal."""
    _f, ctx, a1, m = staff_app
    i18n.set_language(lang)
    model = IncidentTableModel(ctx)
    with qtbot.waitSignal(model.loaded, timeout=30_000):
        model.reload()
    rows = {model.data(model.index(i, 0), RowRole).ref: i for i in range(model.rowCount())}
    assert set(rows) == {a1, m}
    state = model.index(rows[m], 4)
    assert mark in model.data(state) and "⚠" in model.data(state)
    assert words in model.data(state, Qt.ItemDataRole.ToolTipRole)
    assert "⚠" not in model.data(model.index(rows[a1], 4))

    editor = IncidentEditor(ctx, m)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.view is not None, timeout=10_000)
    assert editor.banner.property("state") == "conflict"
    assert mark in editor.banner.text() and a1 in editor.banner.text()
    assert not editor.amendButton.isEnabled()

    own = IncidentEditor(ctx, a1)
    qtbot.addWidget(own)
    qtbot.waitUntil(lambda: own.view is not None, timeout=10_000)
    assert own.banner.property("state") == "sealed"
    assert claims in own.banner.text()
    assert not own.amendButton.isEnabled()


def test_amend_fork_stops_the_dossier_wizard(qtbot, field: Field, qapp: object) -> None:  # type: ignore[no-untyped-def]
    """Threat: the app's dossier wizard silently picks one of two revisions one device sealed
    of the same record. Stopped by: the wizard goes through the same selection, which raises
    RevisionForkError; the wizard shows its message and hint and writes nothing."""
    f = field
    a1 = seal_incident(f.alice, "Shop window smashed FKFORK0")
    for tag in ("FKFORKA", "FKFORKB"):
        body = body_of(f.alice, a1)
        body["title"] = f"Shop window smashed {tag}"
        forge(f.alice, record=body, prev=a1)
    f.alice.sync()
    f.staff.sync()
    f.staff.vault.lock()
    i18n.load_fonts()
    i18n.set_language("en")
    ctx = AppContext(f.tmp / "staff", Settings(path=f.tmp / "app.json"))
    ctx.attach(Vault.open(f.tmp / "staff", PASS))
    try:
        wizard = DossierWizard(ctx, [])
        qtbot.addWidget(wizard)
        wizard.show()
        for _ in range(2):
            wizard.next()
        wizard.output_page.pdf_edit.setText(str(f.tmp / "x.pdf"))
        wizard.next()
        qtbot.waitUntil(lambda: wizard.task is None, timeout=30_000)
        assert isinstance(wizard.error, RevisionForkError) and wizard.export_result is None
        text = wizard.run_page.status.text()
        assert "current revisions sealed by the same device" in text
        assert "Name the revision you mean" in text
        assert list(f.tmp.glob("*x.pdf*")) == []
    finally:
        ctx.tasks.wait_idle(30_000)
        ctx.lock()
        ctx.deleteLater()
