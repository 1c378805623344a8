"""Capturing a web page now (File → Capture Web Page…, `sourceline capture`): the one place
Sourceline goes on the network. ``http_capture`` fetches and writes the WARC without Qt;
``capture_flow`` is the window's side."""
from __future__ import annotations


def install(window) -> None:
    # Imported here so that the command line, which imports this package, loads no widgets.
    from desktop_app.capture.capture_flow import ask_and_capture
    from desktop_app.main_window.project_action import project_action

    project_action(window, "file", "capture_web_page", "Capture &Web Page…",
                   "Fetch a web page now, keep the exchange as a WARC file and import the page as a source",
                   ask_and_capture)
