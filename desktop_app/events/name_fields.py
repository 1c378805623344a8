"""Comma-separated name fields (tags, entities) that complete each item from the project.

The names are read when the field gains focus, not when it is built, so that opening a project
costs nothing and names added since (by another edit) are offered. An entity's aliases are
offered too, as "Kiev → Kyiv": typing the alias finds the entity, and choosing it writes the
entity's own name (the one the store would link anyway).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from db.entities import entity_names


def split_names(text: str) -> tuple[str, ...]:
    """The items of a comma-separated field, stripped, without empties or repeats."""
    seen: dict[str, None] = {}
    for item in text.split(","):
        if item.strip():
            seen.setdefault(item.strip(), None)
    return tuple(seen)


def join_names(names) -> str:
    return ", ".join(names)


ALIAS_ARROW = " → "


def entity_completions(db) -> list[tuple[str, str]]:
    """(what may be typed, the entity's name) for every entity name and alias, sorted by the first:
    typing an alias finds its entity too."""
    pairs = {(name, names[0]) for _, names in entity_names(db) for name in names}
    return sorted(pairs, key=lambda pair: (pair[0].casefold(), pair[1].casefold()))


class NameListField(QLineEdit):
    """A line edit for "name, name, ..." completing from ``load_names()`` (read on focus): names,
    or (typed, name) pairs where choosing ``typed`` writes ``name`` (an alias and its entity).
    Given ``add_alias(name)``, its context menu offers "Add Alias of <the name under the pointer>…"."""

    def __init__(self, load_names, placeholder: str = "", parent=None, add_alias=None):
        super().__init__(parent)
        self._load_names = load_names
        self._add_alias = add_alias
        self._names = QStringListModel(self)
        self._writes: dict[str, str] = {}  # an offered line → the name it writes, where they differ
        # Not setCompleter(): that completes the whole text; this one completes the last item.
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self)
        completer.activated.connect(self._insert)
        self._completer = completer
        self.textEdited.connect(self._complete)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.installEventFilter(_ReloadOnFocus(self))

    def names(self) -> tuple[str, ...]:
        return split_names(self.text())

    def name_at(self, position: int) -> str:
        """The item of the list at a cursor position."""
        start = self.text().rfind(",", 0, position) + 1
        end = self.text().find(",", position)
        return self.text()[start:end if end >= 0 else None].strip()

    def contextMenuEvent(self, event):  # noqa: N802 (Qt's name)
        menu = self.createStandardContextMenu()
        name = self.name_at(self.cursorPositionAt(event.pos())) if self._add_alias is not None else ""
        if name:
            menu.addSeparator()
            menu.addAction(f"Add Alias of “{name}”…").triggered.connect(lambda: self._add_alias(name))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def close_completion(self) -> None:
        self._completer.popup().hide()

    def set_names(self, names) -> None:
        self.close_completion()  # the field is refilled (another event): nothing to complete
        self.setText(join_names(names))
        self.setCursorPosition(0)

    def completer_model(self) -> QStringListModel:
        return self._names

    def reload_names(self) -> None:
        offered, self._writes = [], {}
        for entry in self._load_names():
            typed, name = (entry, entry) if isinstance(entry, str) else entry
            line = typed if typed == name else f"{typed}{ALIAS_ARROW}{name}"
            if line != name:
                self._writes[line] = name
            offered.append(line)
        self._names.setStringList(offered)

    def _complete(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert(self, chosen: str) -> None:
        chosen = self._writes.get(chosen, chosen)
        before = self.text().rsplit(",", 1)[0] if "," in self.text() else ""
        self.setText(f"{before.rstrip()}, {chosen}" if before.strip() else chosen)
        self.editingFinished.emit()


class _ReloadOnFocus(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            watched.reload_names()
        return False
