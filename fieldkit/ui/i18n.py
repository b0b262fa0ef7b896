"""Languages, layout direction and fonts.

Translations are Qt ``.ts`` files in ``resources/translations`` compiled to ``.qm`` with
``pyside6-lrelease`` (``scripts/translations.sh``). Switching language at run time installs
the new translators; Qt then sends ``LanguageChange`` to every widget, and each widget's
``retranslate()`` sets its texts again. Arabic switches the whole app to right-to-left.
Fonts come from ``resources/fonts`` so the app never depends on the system's fonts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDateTimeEdit

from fieldkit.resources import resource_path

log = logging.getLogger(__name__)

RESOURCES = resource_path()
TRANSLATIONS_DIR = RESOURCES / "translations"
FONTS_DIR = RESOURCES / "fonts"

#: Each language in its own name, as the menu shows it.
LANGUAGE_NAMES = {"en": "English", "ar": "العربية", "fr": "Français", "ru": "Русский",
                  "kk": "Қазақша"}
RTL_LANGUAGES = frozenset({"ar"})
#: The locale for numbers and dates. Arabic uses ar_AE: Modern Standard month names with
#: Latin digits, which read the same in dates, ids and the ISO dates the vault stores (with
#: Arabic-Indic digits a date field and a record id next to it use two digit systems).
LOCALES = {"en": "en_US", "ar": "ar_AE", "fr": "fr_FR", "ru": "ru_RU", "kk": "kk_KZ"}
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
              "NotoSansArabic-Bold.ttf", "DejaVuSansMono.ttf")
UI_FAMILIES = ["Noto Sans", "Noto Sans Arabic"]

class _Translator(QTranslator):
    """A QTranslator that also looks a string up without its context: lupdate files strings
    from module-level helper functions under the empty context, while they are looked up
    under the helper's own context at run time.

    It answers every lookup (the source text when it has no translation): returning None
    from this override corrupts None's reference count in PySide6 6.12 and crashes the
    process later. So it is installed first, and Qt's own translator after it (Qt asks the
    most recently installed translator first)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        return text or source


class _IsoFieldsLeftToRight(QObject):
    """Date and time fields show ISO order (2026-04-03 12:15) in every language: mirrored in
    an Arabic window, Qt lays their date and time runs out right to left (12:15 2026-04-03).
    Set once, when each field is first polished, for every date field of the app."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QDateTimeEdit):
            watched.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return False


_iso_policy: _IsoFieldsLeftToRight | None = None


def keep_date_fields_left_to_right() -> None:
    """Install :class:`_IsoFieldsLeftToRight` on the application (once)."""
    global _iso_policy
    app = QCoreApplication.instance()
    if app is not None and _iso_policy is None:
        _iso_policy = _IsoFieldsLeftToRight(app)
        app.installEventFilter(_iso_policy)


_installed: list[QTranslator] = []
_current = "en"


def load_fonts() -> list[str]:
    """Register the shipped fonts and make Noto Sans (Latin, Cyrillic) with Noto Sans Arabic
    the application font. Returns the families registered."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(FONTS_DIR / name))
        if font_id < 0:
            log.warning("could not load font %s", name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        font = QFont()
        font.setFamilies(UI_FAMILIES)
        font.setPointSize(max(10, app.font().pointSize()))
        app.setFont(font)
    return sorted(set(families))


def ltr(text: object) -> str:
    """``text`` isolated left-to-right (U+2066 … U+2069), for paths, ids, hashes and URLs
    inside translated sentences: in Arabic their slashes and digits otherwise move."""
    return f"\u2066{text}\u2069"


def current_language() -> str:
    return _current


def set_language(code: str) -> None:
    """Install the translators for ``code`` (removing the previous ones) and set the layout
    direction. Qt then sends LanguageChange to every widget."""
    global _current
    if code not in LANGUAGE_NAMES:
        code = "en"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"fieldkit_{code}", str(TRANSLATIONS_DIR)), (f"qtbase_{code}", qt_dir)]
    for name, directory in candidates:
        translator = _Translator(app) if name.startswith("fieldkit_") else QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("fieldkit_") and code != "en":
            log.warning("no translation %s in %s", name, directory)
    _current = code
    QLocale.setDefault(QLocale(LOCALES[code]))
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if code in RTL_LANGUAGES
                               else Qt.LayoutDirection.LeftToRight)
    # Qt posts LanguageChange to every widget; deliver them now so the switch is complete
    # when this returns (nothing reads half-translated texts).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
