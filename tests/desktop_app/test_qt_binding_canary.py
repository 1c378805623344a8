"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method returning
nothing, until the interpreter aborted (none_dealloc). pyproject.toml keeps such releases out;
this canary fails if an installed binding does it again."""
import sys

from PySide6.QtWidgets import QWidget


def test_calls_returning_nothing_leave_none_alone(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(10_000):
        widget.resize(100 + i % 7, 100)
    moved = sys.getrefcount(None) - before
    # A healthy binding moves it by a handful; the broken one by -10,000.
    assert abs(moved) < 1_000, f"None's reference count moved by {moved} over 10,000 calls"
