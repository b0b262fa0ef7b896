"""Languages: .qm files load, switching to Arabic translates and mirrors the live window, the
shipped fonts are used, and every string has its Arabic translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from fieldkit.ui import i18n
from fieldkit.ui.context import AppContext
from fieldkit.ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    yield w
    i18n.set_language("en")


@pytest.mark.parametrize("lang", ["ar", "en", "fr", "ru", "kk"])
def test_every_language_has_a_compiled_qm(lang: str) -> None:
    qm = i18n.TRANSLATIONS_DIR / f"fieldkit_{lang}.qm"
    ts = qm.with_suffix(".ts")
    assert qm.is_file() and ts.is_file()
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, "run scripts/translations.py"
    translator = QTranslator()
    assert translator.load(f"fieldkit_{lang}", str(i18n.TRANSLATIONS_DIR))


def test_switching_to_arabic_translates_and_mirrors_the_window(window: MainWindow,
                                                               ctx: AppContext) -> None:
    assert window.lock_action.text() == "&Lock now"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window.language_actions["ar"].trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.pages["incidents"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.lock_action.text() == "ا&قفل الآن"
    assert window.nav.item(0).text() == "الحوادث"
    new = window.findChild(QPushButton, "incidents.newButton")
    assert new.text() == "حادثة &جديدة"
    model = window.pages["incidents"].model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "العنوان"
    assert ctx.settings.language == "ar"
    window.language_actions["en"].trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.lock_action.text() == "&Lock now"
    assert new.text() == "&New incident"


def test_unlock_screen_retranslates(qtbot, locked_ctx: AppContext) -> None:
    w = MainWindow(locked_ctx)
    qtbot.addWidget(w)
    try:
        i18n.set_language("ar")
        title = w.unlock_screen.create_page.title
        assert isinstance(title, QLabel) and title.text() == "أنشئ خزنتك"
    finally:
        i18n.set_language("en")
    assert w.unlock_screen.create_page.title.text() == "Create your vault"


def test_module_level_helpers_find_their_strings(qapp: QApplication, tmp_path) -> None:
    """lupdate files strings of module-level helpers under the empty context; the app's
    translator finds them under the helper's context too, and answers every lookup."""
    import subprocess
    import sys
    from pathlib import Path

    ts = tmp_path / "helper_ar.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
        'language="ar"><context><name></name><message><source>never</source>'
        "<translation>أبداً</translation></message></context></TS>\n", encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "helper_ar.qm")],
                   check=True)
    translator = i18n._Translator()
    assert translator.load("helper_ar", str(tmp_path))
    assert translator.translate("SyncHelper", "never") == "أبداً"
    assert translator.translate("SyncHelper", "not in the file") == "not in the file"


def test_shipped_fonts_are_the_application_font(qapp: QApplication) -> None:
    families = i18n.load_fonts()
    assert {"Noto Sans", "Noto Sans Arabic"} <= set(families)
    assert QApplication.font().families()[:2] == ["Noto Sans", "Noto Sans Arabic"]
    assert QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems("Noto Sans Arabic")


def test_every_string_has_an_arabic_translation() -> None:
    tree = ET.parse(i18n.TRANSLATIONS_DIR / "fieldkit_ar.ts")
    missing = [f"{ctx.findtext('name')}: {m.findtext('source')}"
               for ctx in tree.getroot().iter("context") for m in ctx.iter("message")
               if not (m.findtext("translation") or "").strip()
               or m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_arabic_uses_latin_digits_and_isolates_ids(qapp: QApplication) -> None:
    from PySide6.QtCore import QDate, QLocale

    try:
        i18n.set_language("ar")
        assert QLocale().toString(QDate(2026, 4, 3), "yyyy-MM-dd") == "2026-04-03"
        assert QLocale().monthName(1) == "يناير"
        banner = QCoreApplication.translate(
            "IncidentEditor", "Draft {id} — not sealed yet; you can still edit it.")
        assert "\u2066{id}\u2069" in banner  # ids keep their order inside Arabic sentences
    finally:
        i18n.set_language("en")
    assert QLocale().toString(1234) == "1,234"


def test_date_fields_keep_iso_order_in_arabic(qtbot, ctx: AppContext) -> None:
    from PySide6.QtWidgets import QDateTimeEdit

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    try:
        i18n.set_language("ar")
        edit = QDateTimeEdit()
        qtbot.addWidget(edit)
        edit.show()
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        i18n.set_language("en")
