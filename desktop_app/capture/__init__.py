"""Capturing a web page now (File → Capture Web Page…, `sourceline capture`): the one place
Sourceline goes on the network. ``http_capture`` fetches and writes the WARC without Qt;
``capture_flow`` is the window's side."""
from __future__ import annotations


def install(window) -> None:
    # Imported here so that the command line, which imports this package, loads no widgets.
    from PySide6.QtGui import QAction

    action = QAction("Capture &Web Page…", window)
    action.setToolTip("Fetch a web page now, keep the exchange as a WARC file and import the page as a source")
    action.triggered.connect(lambda: _ask_and_capture(window))
    action.setEnabled(window.session is not None)
    window.session_changed.connect(lambda session: action.setEnabled(session is not None))
    window.menus["file"].addAction(action)
    window.named_actions["capture_web_page"] = action


def _ask_and_capture(window) -> None:
    # the dialog and the import stack behind it load when asked for, not with the window
    from desktop_app.capture.capture_flow import ask_and_capture

    ask_and_capture(window)
