"""``fieldkit-app [--vault DIR] [--language ar|en|fr|ru|kk] [--registry URL]`` (also
``python -m fieldkit.ui``): the desktop app."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

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
    try:
        code = int(app.exec())  # type: ignore[attr-defined]
    finally:
        ctx.close()
        settings.save()
    return code


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
