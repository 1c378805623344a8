"""Every page works in a 1024×700 window: nothing forces it wider, the Sources search box keeps
room for its words, the source editor's buttons can be reached, the Timeline gives the editor's
room to the timeline while nothing is selected, and titles get the width tables have."""
import pytest

from desktop_app.events.table_model import TITLE as EVENT_TITLE
from desktop_app.sources.table_model import TITLE as SOURCE_TITLE


@pytest.fixture
def small(window, qtbot):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    return window


def widest_column(table):
    header = table.horizontalHeader()
    return max(range(header.count()), key=header.sectionSize)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_the_pages_fit_a_1024_by_700_window(small, qtbot, qapp, look, tmp_path):
    from desktop_app.main_window import theme

    theme.apply_theme(qapp, look)
    try:
        assert small.minimumSizeHint().width() <= 1024 and small.minimumSizeHint().height() <= 700
        timeline = small.page("Timeline")
        assert not timeline.editor.isVisible()  # nothing selected: no empty pane
        assert timeline.top.width() > 0.9 * small.width()  # the timeline and the map beside it
        assert widest_column(timeline.list.table) == EVENT_TITLE
        timeline.select_events([1])
        assert timeline.editor.isVisible()
        small.grab().save(str(tmp_path / f"timeline-{look}.png"))

        sources = small.show_page("Sources")
        sources.table.selectRow(0)
        qtbot.waitUntil(lambda: sources.editor.source_id is not None)
        search = sources.search
        assert search.width() >= search.fontMetrics().horizontalAdvance("Search titles")
        assert widest_column(sources.table) == SOURCE_TITLE
        for button in (sources.editor.save_button, sources.editor.revert_button, sources.editor.open_button):
            area = button.parentWidget()
            while area is not None and not hasattr(area, "ensureWidgetVisible"):
                area = area.parentWidget()
            area.ensureWidgetVisible(button)
            corner = button.mapTo(area.viewport(), button.rect().bottomRight())
            assert area.viewport().rect().contains(corner), button.text()
        small.grab().save(str(tmp_path / f"sources-{look}.png"))
    finally:
        theme.apply_theme(qapp, "system")


@pytest.mark.parametrize("page_title", ["Timeline", "Sources"])
def test_a_column_width_the_user_drags_is_there_in_the_next_window(window, qtbot, settings, session, page_title):
    from PySide6.QtCore import Qt

    from desktop_app.main_window.window import MainWindow

    window.resize(1600, 1000)
    page = window.show_page(page_title)
    table = page.list.table if page_title == "Timeline" else page.table
    header = table.horizontalHeader()
    column = next(c for c in range(header.count()) if c not in (EVENT_TITLE, SOURCE_TITLE) and not header.isSectionHidden(c))
    dragged = header.sectionSize(column) + 37
    header.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # the pointer on the header, as in a drag
    header.resizeSection(column, dragged)
    header.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    window.set_session(None)

    from desktop_app.app import open_session

    again = MainWindow(open_session(session.path), settings)
    qtbot.addWidget(again)
    again.resize(1600, 1000)
    again.show()
    qtbot.waitExposed(again)
    page = again.show_page(page_title)
    table = page.list.table if page_title == "Timeline" else page.table
    assert table.horizontalHeader().sectionSize(column) == dragged
    again.set_session(None)
