"""What several views of one page show together, as plain objects (no Qt): the selected ids and
the filter. Qt-free, so a page's logic is testable without a window.

A page owns one :class:`Selection` and one :class:`Shared` filter; its views (a list, a timeline,
a map) each write to them with ``by=self`` and subscribe to them, ignoring the changes they
made themselves. That replaces chains of "selection changed" signals from view to view, whose
outcome depended on the order they were connected in. Another screen that shows the same events
(the map) is handed the page's objects (``TimelinePage.selection`` and ``.event_filter``).
"""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

T = TypeVar("T")
Listener = Callable[[T, object], None]


class Shared(Generic[T]):
    """One value several views show. ``set(value, by)`` tells every listener ``(value, by)``
    when the value changed; ``by`` is whoever changed it (None: the page itself)."""

    def __init__(self, value: T):
        self._value = value
        self._listeners: list[Listener] = []

    @property
    def value(self) -> T:
        return self._value

    def set(self, value: T, by: object = None) -> bool:
        """Change the value; False (and nobody told) when it is the value already."""
        if value == self._value:
            return False
        self._value = value
        for listener in list(self._listeners):
            listener(value, by)
        return True

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(value, by)`` after each change; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None


class Selection(Shared[tuple[int, ...]]):
    """The ids selected on a page, in the order they were selected, without repeats."""

    def __init__(self, ids=()):
        super().__init__(tuple(dict.fromkeys(ids)))

    @property
    def ids(self) -> tuple[int, ...]:
        return self.value

    def select(self, ids, by: object = None) -> bool:
        return self.set(tuple(dict.fromkeys(ids)), by)

    def discard(self, ids, by: object = None) -> bool:
        """Unselect ``ids`` (rows that were deleted, or that a filter hides)."""
        gone = set(ids)
        return self.set(tuple(i for i in self.value if i not in gone), by)

    def __len__(self) -> int:
        return len(self.value)
