"""The originals kept in the project: Tools → Verify Originals… in the window (the dialog lives in
``verify_dialog``), writing one back out (``files``), shared with the command line."""
from __future__ import annotations

from desktop_app.originals.files import save_original, verification_report

__all__ = ["install", "save_original", "verification_report"]


def install(window) -> None:
    from desktop_app.originals.save_action import SaveOriginalButton
    from desktop_app.originals.verify_dialog import verify_originals

    action = window.menus["tools"].addAction("&Verify Originals…")
    action.setToolTip("Compute every original file's SHA-256 again and compare it with the one recorded at import")
    action.triggered.connect(lambda: window.session is not None and verify_originals(window, window.session))

    def attach(session) -> None:
        page = window.page("Reader")
        if session is not None and page is not None:
            page.save_original = SaveOriginalButton(page, session, window.settings)

    window.session_changed.connect(attach)
