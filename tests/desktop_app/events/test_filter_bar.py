import pytest
from PySide6.QtCore import Qt

from db import dates
from db.events import EventFilter
from desktop_app.events.filter_bar import FilterBar


@pytest.fixture
def bar(qtbot, session):
    widget = FilterBar(session.db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typing_emits_one_filter_after_a_pause(qtbot, bar):
    with qtbot.waitSignal(bar.filter_changed, timeout=2000) as emitted:
        qtbot.keyClicks(bar.text, "bridge")
    assert emitted.args == [EventFilter(text="bridge")]
    assert bar.clear_button.isEnabled()


def test_every_field_goes_into_the_filter(qtbot, bar):
    qtbot.keyClicks(bar.tags, "politics, transport")
    qtbot.keyClicks(bar.entities, "J. Smith")
    qtbot.keyClicks(bar.date_from, "2023")
    qtbot.keyClicks(bar.date_to, "2024-11")
    bar.sources.setCurrentIndex(1)
    with qtbot.waitSignal(bar.filter_changed) as emitted:
        bar.stance.setCurrentIndex(2)
    assert emitted.args[0] == EventFilter(
        tags=("politics", "transport"), entities=("J. Smith",), start_s=dates.seconds_of(2023, 1, 1),
        end_s=dates.seconds_of(2024, 12, 1), has_sources=True, stance="contradicts")


def test_a_date_that_does_not_parse_is_shown_and_left_out(qtbot, bar):
    qtbot.keyClicks(bar.date_from, "last spring")
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Return)
    assert bar.error.isVisible() and bar.error.text().startswith("From:")
    assert bar.current == EventFilter()


def test_clear_empties_every_field(qtbot, bar):
    qtbot.keyClicks(bar.text, "storm")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    bar.stance.setCurrentIndex(1)
    with qtbot.waitSignal(bar.filter_changed) as emitted:
        qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert emitted.args == [EventFilter()]
    assert bar.text.text() == "" and bar.stance.currentIndex() == 0
    assert not bar.clear_button.isEnabled()


def test_tag_field_completes_the_last_item(qtbot, bar):
    bar.tags.setFocus()
    qtbot.waitUntil(bar.tags.hasFocus)
    qtbot.keyClicks(bar.tags, "weather, trans")
    popup = bar.tags._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "transport"
    bar.tags._completer.activated.emit("transport")
    assert bar.tags.text() == "weather, transport"


def test_a_tag_applies_when_chosen_not_while_typed_and_a_prefix_matches(qtbot, bar, session):
    from db.events import count_events

    emitted = []
    bar.filter_changed.connect(emitted.append)
    bar.tags.setFocus()
    qtbot.waitUntil(bar.tags.hasFocus)
    qtbot.keyClicks(bar.tags, "polit")
    qtbot.wait(400)  # longer than the typing pause of the other fields
    assert emitted == []
    qtbot.keyClick(bar.tags, Qt.Key.Key_Return)
    assert emitted == [EventFilter(tags=("polit",))]
    assert count_events(session.db, emitted[-1]) == 2  # "politics": the minister and the council
    bar.tags.clear()
    qtbot.keyClicks(bar.tags, "trans")
    bar.tags._completer.activated.emit("transport")  # choosing it applies it
    assert emitted[-1] == EventFilter(tags=("transport",))
    assert count_events(session.db, EventFilter(tags=("Transport",))) == 2  # a whole name: that tag only


def test_a_tag_no_event_uses_any_more_leaves_the_completion(qtbot, bar, session):
    from db import events

    storm = session.db.conn.execute("SELECT id FROM events WHERE title LIKE 'Spring storms%'").fetchone()[0]
    bar.tags.reload_names()
    assert "weather" in bar.tags.completer_model().stringList()
    session.push(events.update_event(storm, tags=()))
    bar.tags.reload_names()
    assert "weather" not in bar.tags.completer_model().stringList()
    assert {"politics", "transport", "protest"} <= set(bar.tags.completer_model().stringList())
