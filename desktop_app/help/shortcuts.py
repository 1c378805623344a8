"""Help → Keyboard Shortcuts: every key the window answers to, read from the window itself.

Nothing here is a hand-kept list. The menus are walked in menu-bar order; then each page's own
keyed actions (actions added to the page's widgets, e.g. the reader's highlight keys) and its
QShortcuts that say what they do (``QShortcut.setWhatsThis``) — a shortcut without a description
cannot be listed, as it has no name to show.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout)


@dataclass(frozen=True)
class Shortcut:
    section: str  # "File", "View ▸ Group Lanes", or a page's title
    command: str  # the action's text without its mnemonic "&"
    keys: tuple[str, ...]  # as the platform writes them ("Ctrl+Shift+Z")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def _keys(sequences) -> tuple[str, ...]:
    names = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())
    return tuple(dict.fromkeys(n for n in names if n))


def _menu_shortcuts(menu, section: str, seen: set[int]):
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu_shortcuts(action.menu(), f"{section} ▸ {_plain(action.text())}", seen)
            continue
        seen.add(id(action))
        keys = _keys(action.shortcuts())
        if keys:
            yield Shortcut(section, _plain(action.text()), keys)


def _page_shortcuts(page, title: str, seen: set[int]):
    for action in page.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys and id(action) not in seen and action.text():
            seen.add(id(action))
            yield Shortcut(title, _plain(action.text()), keys)
    for shortcut in page.findChildren(QShortcut):
        keys = _keys(shortcut.keys())
        if keys and shortcut.whatsThis():
            yield Shortcut(title, shortcut.whatsThis(), keys)


def collect_shortcuts(window) -> list[Shortcut]:
    """The shortcuts of the window's menus, then those of its open pages; each action once."""
    seen: set[int] = set()
    found = []
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None:
            found.extend(_menu_shortcuts(menu_action.menu(), _plain(menu_action.text()), seen))
    tabs = getattr(window, "tabs", None)
    for index in range(tabs.count() if tabs is not None else 0):
        # window.page builds a page not shown yet (pages are built when first needed): its keys count too
        page = window.page(_plain(tabs.tabText(index)))
        found.extend(_page_shortcuts(page, _plain(tabs.tabText(index)), seen))
    return found


class ShortcutsDialog(QDialog):
    """The shortcuts by section, with a field that narrows them to a command or a key."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QLineEdit(placeholderText="Find a command or a key")
        self.filter.setAccessibleName("Find a shortcut")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._narrow)
        self.fill(collect_shortcuts(window))
        self.resize(520, 600)

    def fill(self, shortcuts: list[Shortcut]) -> None:
        self.tree.clear()
        sections: dict[str, QTreeWidgetItem] = {}
        for shortcut in shortcuts:
            section = sections.get(shortcut.section)
            if section is None:
                section = sections[shortcut.section] = QTreeWidgetItem(self.tree, [shortcut.section])
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                section.setFirstColumnSpanned(True)
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(section, [shortcut.command, ", ".join(shortcut.keys)])
        self.tree.expandAll()
        self._narrow(self.filter.text())

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, command, keys) of every row shown, in order."""
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                item = section.child(j)
                if not item.isHidden():
                    shown.append((section.text(0), item.text(0), item.text(1)))
        return shown

    def _narrow(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            visible = 0
            for j in range(section.childCount()):
                item = section.child(j)
                hit = not needle or needle in item.text(0).casefold() or needle in item.text(1).casefold()
                item.setHidden(not hit)
                visible += hit
            section.setHidden(visible == 0)


def show_shortcuts(window) -> ShortcutsDialog:
    # Built afresh each time: the pages (and so their keys) change with the open project.
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
