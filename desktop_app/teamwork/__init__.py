"""Team work in the window: who you are (Edit → Preferences…), exchanging changes with the rest of
the team (File → Exchange), publishing a read-only copy (File → Publish…)."""
from __future__ import annotations


def install(window) -> None:
    from desktop_app.teamwork import author_prompt, exchange_menu, preferences, publish_action

    exchange_menu.install(window)
    publish_action.install(window)
    preferences.install(window)
    author_prompt.install(window)
