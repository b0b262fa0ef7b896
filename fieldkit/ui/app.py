"""``fieldkit-app [--vault DIR] [--language ar|en|fr|ru|kk] [--registry URL]`` (also
``python -m fieldkit.ui``): the desktop app."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from fieldkit.ui.settings import LANGUAGES, Settings, default_vault_dir


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fieldkit-app", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vault", type=Path,
                        default=Path(os.environ["FIELDKIT_VAULT"])
                        if os.environ.get("FIELDKIT_VAULT") else None,
                        help="the vault directory (default: $FIELDKIT_VAULT, then the last "
                             "one used, then the user's data directory)")
    parser.add_argument("--language", choices=LANGUAGES, default=None,
                        help="the interface language (saved for next time)")
    parser.add_argument("--registry", default=None,
                        help="the registry address offered when enrolling")
    parser.add_argument("--settings", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def make_application(argv: list[str] | None = None) -> object:
    """The QApplication (created once), with the shipped fonts loaded."""
    from PySide6.QtWidgets import QApplication

    from fieldkit.ui import i18n

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("FieldKit")
        app.setOrganizationName("FieldKit")
    i18n.load_fonts()
    return app


def run(vault_dir: Path | None = None, *, language: str | None = None,
        registry: str | None = None, settings: Settings | None = None,
        on_window: object = None) -> int:
    """Open the main window and run the event loop until it closes. ``on_window`` (a
    callable taking the MainWindow) lets a caller such as the demo act on it first."""
    from fieldkit.ui import i18n
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.mainwindow import MainWindow

    app = make_application()
    settings = settings or Settings.load()
    if language:
        settings.language = language
    if registry:
        settings.registry = registry
    vault = vault_dir or (Path(settings.last_vault) if settings.last_vault else None) \
        or default_vault_dir()
    i18n.set_language(settings.language)
    ctx = AppContext(Path(vault).expanduser(), settings)
    window = MainWindow(ctx)
    window.show()
    # Everything built so far (Qt wrappers, the core's modules, translations) lives as long as
    # the app: keep it out of the cyclic collector's full passes, which otherwise walk it all
    # on the GUI thread (measured 75-135 ms per pass in the stall tests).
    gc.freeze()
    if callable(on_window):
        on_window(window)
    if os.environ.get(SNAPSHOT_ENV):
        _schedule_snapshot(window, Path(os.environ[SNAPSHOT_ENV]))
    try:
        code = int(app.exec())  # type: ignore[attr-defined]
    finally:
        ctx.close()
        settings.save()
    return code


#: ``FIELDKIT_UI_SNAPSHOT=DIR``: once the first screen is up, write ``DIR/layout.json`` (the
#: window's size and direction, and every visible named widget's class, text and geometry,
#: see :func:`widget_layout`)
#: and ``DIR/window.png`` (the window as Qt draws it), then quit after
#: ``FIELDKIT_UI_SNAPSHOT_HOLD_MS`` (default 0; a caller grabbing the X screen waits). Used by
#: scripts/check_wheel.sh and scripts/check_bundle.py to see the unlock screen of an install.
SNAPSHOT_ENV = "FIELDKIT_UI_SNAPSHOT"


def _schedule_snapshot(window: Any, out: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def take() -> None:
        out.mkdir(parents=True, exist_ok=True)
        layout = widget_layout(window)
        window.grab().save(str(out / "window.png"))
        tmp = out / "layout.json.tmp"
        tmp.write_text(json.dumps(layout, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, out / "layout.json")  # appears whole: callers poll for it
        hold = int(os.environ.get("FIELDKIT_UI_SNAPSHOT_HOLD_MS", "0"))
        QTimer.singleShot(hold, QApplication.quit)

    QTimer.singleShot(1000, take)  # after the first paint and the initial focus


def widget_layout(window: Any) -> dict[str, Any]:
    """The window's size and direction, and each visible widget that has a name (its
    objectName, not Qt's own ``qt_*``) or a text (labels, buttons): class, text and geometry
    in the window's coordinates."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    widgets = []
    for w in window.findChildren(QWidget):
        name = w.objectName()
        text = w.text() if callable(getattr(w, "text", None)) else None
        text = text if isinstance(text, str) else None
        if name.startswith("qt_") or not w.isVisible() or not (name or text):
            continue
        pos = w.mapTo(window, QPoint(0, 0))
        widgets.append({"name": name, "class": type(w).__name__, "text": text,
                        "x": pos.x(), "y": pos.y(), "w": w.width(), "h": w.height()})
    widgets.sort(key=lambda d: (d["name"], d["y"], d["x"]))
    from PySide6.QtGui import QGuiApplication

    geo = window.geometry()  # on the screen, without the frame
    return {"platform": QGuiApplication.platformName(),
            "title": window.windowTitle(), "width": geo.width(), "height": geo.height(),
            "screen_x": geo.x(), "screen_y": geo.y(),
            "direction": window.layoutDirection().name, "widgets": widgets}


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        # Qt would abort the process with a message about plugins; say what is wrong.
        print("error: fieldkit-app needs a desktop (no DISPLAY or WAYLAND_DISPLAY is set).\n"
              "Run it in a desktop session, or use the `fieldkit` command.", file=sys.stderr)
        sys.exit(2)
    logging.basicConfig(level=logging.DEBUG if os.environ.get("FIELDKIT_DEBUG") else
                        logging.WARNING)
    settings = Settings.load(args.settings)
    sys.exit(run(args.vault, language=args.language, registry=args.registry,
                 settings=settings))


if __name__ == "__main__":
    main()
