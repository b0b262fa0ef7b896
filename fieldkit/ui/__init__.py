"""The desktop app (PySide6 Widgets): the only package that imports Qt.

Layout: ``app`` (entry point) → ``mainwindow.MainWindow`` (unlock screen, pages registered in
``mainwindow.PAGES``) over one ``context.AppContext`` (the open vault, settings, the task
runner and the ``changed`` signal every page refreshes from). Store, crypto, network and PDF
work runs through ``tasks.TaskRunner`` off the GUI thread; errors reach the user through
``errors.show_error``.
"""

from __future__ import annotations

import ctypes
import sys


def _immortal_none() -> None:
    """Work around a reference-count bug of PySide6 6.12 on Python 3.11.

    Its bindings return ``None`` from every void method (``setText``, ``show``,
    ``processEvents``...) without taking a new reference, which is harmless on Python 3.12+,
    where ``None`` is immortal, but on 3.11 each call takes one reference away from ``None``
    until the interpreter aborts with "deallocating None" (after a few thousand calls: a
    minute of use). Do what 3.12 does: give ``None`` a reference count no program can use
    up. ``None`` is never freed in a working program, so this changes nothing else.
    tests/ui/test_tasks.py::test_none_survives_many_void_calls guards it.
    """
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48


_immortal_none()
