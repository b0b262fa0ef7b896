"""The desktop app (PySide6 Widgets): the only package that imports Qt.

Layout: ``app`` (entry point) → ``mainwindow.MainWindow`` (unlock screen, pages registered in
``mainwindow.PAGES``) over one ``context.AppContext`` (the open vault, settings, the task
runner and the ``changed`` signal every page refreshes from). Store, crypto, network and PDF
work runs through ``tasks.TaskRunner`` off the GUI thread; errors reach the user through
``errors.show_error``.
"""
