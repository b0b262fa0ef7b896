"""The desktop app (PySide6 Widgets): the only package that imports Qt.

Layout: ``app`` (entry point) → ``mainwindow.MainWindow`` (unlock screen, pages registered in
``mainwindow.PAGES``) over one ``context.AppContext`` (the open vault, settings, the task
runner and the ``changed`` signal every page refreshes from). Store, crypto, network and PDF
work runs through ``tasks.TaskRunner`` off the GUI thread; errors reach the user through
``errors.show_error``.

PySide6 is pinned to 6.11.3: 6.12.0 on Python 3.11 drops a reference to ``None`` on every void
call and aborts the process ("deallocating None") after a few thousand calls;
tests/ui/test_tasks.py::test_none_survives_many_void_calls guards the pin.
"""
