"""How a table's columns share its width: the title stretches; a column with nothing in it (in
the rows shown first) shrinks to its heading; a width the user drags is remembered."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

SAMPLED_ROWS = 50  # a column empty in the first rows (about what the list shows) is taken to be empty
TITLE_SHARE = 0.4  # the title keeps at least this much of the table's width
MIN_COLUMN_W = 40


def fit_columns(table: QTableView, stretch: int, settings: QSettings, key: str) -> None:
    """Give column ``stretch`` the room the others leave; shrink empty columns; keep the widths
    the user sets under ``key`` (restored now, saved as they change)."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    saved = settings.value(key)
    if isinstance(saved, list):
        for column, width in enumerate(saved[: header.count()]):
            if column != stretch and int(width) > 0:
                header.resizeSection(column, int(width))
    else:  # once the window is up, as its first paint would read those rows (not while it is built)
        QTimer.singleShot(0, table, lambda: (shrink_empty_columns(table, stretch), room.remember()))
    room = _TitleRoom(table, stretch)
    table.viewport().installEventFilter(room)
    # saved when the user drags a column's edge (under the mouse), not when a resize of ours lays them out
    header.sectionResized.connect(lambda column, _old, _new: column != stretch and header.underMouse() and (
        settings.setValue(key, [header.sectionSize(c) for c in range(header.count())]), room.remember()))


def shrink_empty_columns(table: QTableView, stretch: int) -> None:
    model, header = table.model(), table.horizontalHeader()
    rows = min(model.rowCount(), SAMPLED_ROWS)
    for column in range(model.columnCount()):
        if column == stretch or not rows:
            continue
        if all(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) in (None, "", 0, "0") for row in range(rows)):
            header.resizeSection(column, header.sectionSizeHint(column))


class _TitleRoom(QObject):
    """When the table is too narrow for its columns, the others give up width, in proportion,
    until the title has ``TITLE_SHARE`` of it (a stretched column gets only what is left)."""

    def __init__(self, table: QTableView, stretch: int):
        super().__init__(table)
        self.table, self.stretch = table, stretch
        self.remember()

    def remember(self) -> None:
        """The widths the other columns have now are the ones they return to when there is room."""
        header = self.table.horizontalHeader()
        self.natural = {c: header.sectionSize(c) for c in range(header.count()) if c != self.stretch}

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            header, width = self.table.horizontalHeader(), self.table.viewport().width()
            taken = sum(w for c, w in self.natural.items() if not header.isSectionHidden(c))
            factor = min(1.0, (1 - TITLE_SHARE) * width / taken) if taken else 1.0
            for column, natural in self.natural.items():
                header.resizeSection(column, max(min(MIN_COLUMN_W, natural), int(natural * factor)))
        return False
