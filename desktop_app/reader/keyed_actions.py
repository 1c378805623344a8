"""Actions with keys that win over the window's own while a page has focus (the Reader's Ctrl+F
finds in the source, where elsewhere it filters events)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence


class KeyedActions:
    """Mixed into a QWidget: ``_action`` makes its actions, those with a shortcut keyed to it."""

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._keyed_actions.append(action)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _keyed_action(self, event) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        return next((a for a in self._keyed_actions if a.isEnabled() and any(
            s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for s in a.shortcuts())), None)

    # While the page has focus its keys win over window-wide ones with the same keys (Ctrl+F
    # filters events elsewhere, finds in the text here): claiming the key in ShortcutOverride
    # turns it into a key press that reaches this page instead of the window's shortcut.
    def event(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and self._keyed_action(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802
        action = self._keyed_action(event)
        if action is not None:
            action.trigger()
            return
        super().keyPressEvent(event)
