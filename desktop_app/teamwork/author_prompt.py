"""Until the user has said who they are, the status bar says whose name their edits carry and
offers to set it: asked at first run without stopping anyone from working."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from desktop_app.authors import identity
from desktop_app.teamwork.preferences import open_preferences


def install(window) -> None:
    button = QPushButton()
    button.setObjectName("authorPrompt")
    button.setFlat(True)
    button.setToolTip("Your name is shown on your edits and in the changes you send to your team")
    button.clicked.connect(lambda: open_preferences(window))
    window.statusBar().addPermanentWidget(button)
    window.author_prompt = button

    def update(*_) -> None:
        author, confirmed = identity.saved()
        button.setText(f"Signing edits as “{author.name}” — Set Your Name…")
        button.setVisible(not confirmed and window.session is not None)

    window.session_changed.connect(update)
    window.author_news.changed.connect(update)
    update()
