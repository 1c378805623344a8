"""The originals kept in the project: Tools → Verify Originals… in the window (the dialog lives in
``verify_dialog``), writing one back out (``files``), shared with the command line."""
from __future__ import annotations

from desktop_app.originals.files import save_original, verification_report

__all__ = ["install", "save_original", "verification_report"]


def install(window) -> None:
    action = window.menus["tools"].addAction("&Verify Originals…")
    action.setToolTip("Compute every original file's SHA-256 again and compare it with the one recorded at import")
    action.triggered.connect(lambda: window.session is not None and _verify(window))

    def attach(title: str, page) -> None:
        if title == "Reader":
            from desktop_app.originals.save_action import SaveOriginalButton

            page.save_original = SaveOriginalButton(page, window.session, window.settings)

    window.page_built.connect(attach)


def _verify(window) -> None:
    # the dialog loads when first asked for, not with the window
    from desktop_app.originals.verify_dialog import verify_originals

    verify_originals(window, window.session)
