import pytest
from PySide6.QtCore import Qt

from db.events import EventFilter, add_event, update_event
from desktop_app.events import table_model
from desktop_app.events.table_model import DATE, FIRST_REPORTED, SOURCES, TAGS, TITLE, EventTableModel


def titles(model):
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


@pytest.fixture
def model(session):
    return EventTableModel(session.db)


def test_passes_the_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)


def test_rows_in_date_order_with_dates_in_words(model):
    assert model.rowCount() == 5
    assert titles(model)[0] == "Spring storms flood the valley"
    assert titles(model)[-1] == "Protest at the square"
    assert model.index(0, DATE).data() == "spring 2022"
    assert model.index(0, DATE).data(Qt.ItemDataRole.ToolTipRole) == "EDTF: 2022-21"
    assert model.index(3, DATE).data() == "Friday 15 November 2024"
    assert model.index(2, TAGS).data() in ("politics, transport", "transport, politics")
    assert model.index(3, SOURCES).data() == 1
    assert model.index(3, FIRST_REPORTED).data() == "Saturday 16 November 2024"


def test_sorting_requeries_the_store(model, qtmodeltester):
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(model) == sorted(titles(model), key=str.casefold)
    assert titles(model)[0] == "Bridge closed to traffic"
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    assert titles(model)[0] == "Spring storms flood the valley"
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert titles(model)[0] == "Protest at the square"
    model.sort(FIRST_REPORTED, Qt.SortOrder.AscendingOrder)
    # events never reported sort last; the two reported ones tie on the date, then by id
    assert titles(model)[:2] == ["Bridge closed to traffic", "Protest at the square"]
    qtmodeltester.check(model)


def test_unsortable_columns_leave_the_order(model):
    before = titles(model)
    model.sort(TAGS, Qt.SortOrder.DescendingOrder)
    assert titles(model) == before
    assert model.sort_key == ("date", False)


def test_filters_narrow_the_rows(model):
    model.set_filter(EventFilter(text="bridge"))
    assert sorted(titles(model)) == ["Bridge closed to traffic", "Council votes to close the bridge"]
    model.set_filter(EventFilter(tags=("politics",)))
    assert sorted(titles(model)) == ["Council votes to close the bridge", "Minister resigns"]
    model.set_filter(EventFilter(entities=("J. Smith",)))  # an alias finds the entity
    assert titles(model) == ["Minister resigns"]
    model.set_filter(EventFilter(stance="contradicts"))
    assert titles(model) == ["Protest at the square"]


def test_contested_events_are_marked(model):
    row = titles(model).index("Protest at the square")
    index = model.index(row, TITLE)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Contested" in index.data(Qt.ItemDataRole.ToolTipRole)
    other = model.index(titles(model).index("Bridge closed to traffic"), TITLE)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None


def test_pages_are_fetched_and_forgotten(model, monkeypatch):
    monkeypatch.setattr(model, "PAGE_SIZE", 2)
    monkeypatch.setattr(model, "CACHED_PAGES", 2)
    model.refresh()
    calls = []
    real_page = table_model.events.event_page
    monkeypatch.setattr(table_model.events, "event_page",
                        lambda *a, **k: calls.append(k["offset"]) or real_page(*a, **k))
    assert titles(model)[4] == "Protest at the square"
    assert calls == [0, 2, 4]
    assert len(model._pages) == 2  # only the newest pages stay
    model.index(0, TITLE).data()
    assert calls == [0, 2, 4, 0]


def test_row_of_and_event_id_agree(model):
    for row in range(model.rowCount()):
        assert model.row_of(model.event_id(row)) == row
    model.set_filter(EventFilter(tags=("weather",)))
    hidden = [i for i in range(1, 6) if model.row_of(i) is None]
    assert len(hidden) == 4


def test_refresh_after_edits(session, model, qtbot):
    with qtbot.waitSignal(model.modelReset):
        session.push(add_event("Later event", "2025-01-01"))
        model.refresh()
    assert titles(model)[-1] == "Later event"
    with qtbot.waitSignal(model.dataChanged):
        session.push(update_event(model.event_id(0), title="Renamed storms"))
        model.refresh()
    assert titles(model)[0] == "Renamed storms"
    session.undo_stack.undo()
    session.undo_stack.undo()
    model.refresh()
    assert model.rowCount() == 5
    assert titles(model)[0] == "Spring storms flood the valley"


def test_ids_of_a_long_run_of_rows(model, monkeypatch):
    monkeypatch.setattr(model, "PAGE_SIZE", 1)  # 5 rows is then a "long" run
    monkeypatch.setattr(table_model, "BULK_ROWS", 2)
    expected = [model.event_id(row) for row in range(5)]
    assert model.ids_in_rows(0, 4) == expected
    assert model.ids_in_rows(1, 4) == expected[1:]
