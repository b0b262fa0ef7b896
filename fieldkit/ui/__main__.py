"""``python -m fieldkit.ui``: the desktop app."""

from fieldkit.ui.app import main

main()
