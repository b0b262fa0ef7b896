"""Entry point of the PyInstaller bundle: the desktop app, as ``fieldkit-app`` runs it."""

from fieldkit.ui.app import main

if __name__ == "__main__":
    main()
