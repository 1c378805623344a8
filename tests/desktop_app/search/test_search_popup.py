"""Find Everywhere (Ctrl+K): hits as you type, matched words in bold, Enter goes to the hit."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import annotations, search, sources
from db.search import MARK_END, MARK_START, Hit
from desktop_app.search import open_search
from desktop_app.search.popup import SearchPopup
from desktop_app.search.results import HIT, HTML, LIMIT, SearchResultsModel
from desktop_app.search.snippet import snippet_html


def find_action(window):
    return next(a for a in window.menus["edit"].actions() if a.text() == "Find Everywhere…")


def open_popup(window, qtbot) -> SearchPopup:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), SearchPopup))
    return QApplication.activePopupWidget()


def typed(popup, qtbot, text):
    qtbot.keyClicks(popup.field, text)
    qtbot.waitUntil(lambda: not popup._debounce.isActive())


def test_ctrl_k_opens_the_popup_and_typing_shows_hits_with_bold_words(window, qtbot):
    assert find_action(window).shortcut().toString() == "Ctrl+K"
    popup = open_popup(window, qtbot)
    typed(popup, qtbot, "bridge")
    kinds = {popup.model.index(r, 0).data(HIT).kind for r in range(popup.model.rowCount())}
    assert kinds == {"event", "source"}
    rows = [popup.model.index(r, 0).data(HTML) for r in range(popup.model.rowCount())]
    assert any("<b>bridge</b>" in row.lower() for row in rows)
    event_rows = [r for r in rows if "Bridge closed to traffic" in r]
    assert event_rows and "Friday 15 November 2024" in event_rows[0]  # events show their date
    assert popup.status.text().startswith(f"{popup.model.rowCount()} results")


def test_enter_goes_to_the_chosen_hit(window, session, qtbot):
    event_id = session.db.conn.execute("SELECT id FROM events WHERE title = 'Minister resigns'").fetchone()[0]
    popup = open_popup(window, qtbot)
    qtbot.keyClicks(popup.field, "minister resigns")
    with qtbot.waitSignal(window.event_requested, timeout=1000) as signal:
        qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # before the debounce fired: searches first
    assert signal.args == [event_id]


def test_arrow_keys_choose_and_a_source_hit_opens_the_reader(window, session, qtbot):
    popup = open_popup(window, qtbot)
    typed(popup, qtbot, "bridge")
    rows = [popup.model.index(r, 0).data(HIT) for r in range(popup.model.rowCount())]
    source_row = next(r for r, hit in enumerate(rows) if hit.kind == "source")
    for _ in range(source_row):
        qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.source_requested, timeout=1000) as signal:
        qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert signal.args == [rows[source_row].id, None]
    assert window.tabs.currentWidget() is window.page("Reader")  # the reader answered


def test_an_annotation_hit_opens_its_source_at_it(window, session, qtbot):
    source_id = session.push(sources.add_source({"title": "Statement"}, full_text="The ministry denied any casualties."))
    annotation_id = session.push(annotations.add_annotation(source_id, 4, 20, note="denial"))
    popup = open_popup(window, qtbot)
    typed(popup, qtbot, "denial")
    [hit] = [popup.model.index(r, 0).data(HIT) for r in range(popup.model.rowCount())]
    assert (hit.kind, hit.id) == ("annotation", annotation_id)
    with qtbot.waitSignal(window.source_requested, timeout=1000) as signal:
        rect = popup.list.visualRect(popup.model.index(0, 0))
        qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [source_id, annotation_id]
    assert window.page("Reader").side.current_annotation_id() == annotation_id


def test_escape_closes_and_nothing_found_says_so(window, qtbot):
    popup = open_popup(window, qtbot)
    typed(popup, qtbot, "zzzqqq")
    assert popup.model.rowCount() == 0 and popup.status.text() == "Nothing found."
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_markup_in_hits_is_escaped(session):
    source_id = session.push(sources.add_source({"title": "<img src=x> & <b>co</b>"},
                                                full_text='<script>alert("pwned")</script> pwned <img src="file:///etc/passwd">'))
    model = SearchResultsModel(session.db)
    model.run("pwned")
    rendered = [model.index(r, 0).data(HTML) for r in range(model.rowCount())]
    assert rendered and all("<script" not in r and "<img" not in r for r in rendered)
    assert any("&lt;img src=x&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in r for r in rendered)
    assert any("<b>pwned</b>" in r for r in rendered)
    assert source_id in {model.index(r, 0).data(HIT).id for r in range(model.rowCount())}


def test_snippet_markers_become_bold_and_everything_else_is_escaped():
    snippet = f"a <i>{MARK_START}x&y{MARK_END}</i> {MARK_START}cut"
    assert snippet_html(snippet) == "a &lt;i&gt;<b>x&amp;y</b>&lt;/i&gt; <b>cut</b>"
    assert snippet_html(f"{MARK_END}stray") == "stray"


OUR_TAGS = re.compile(r"</?b>|</?div>|<span class='meta'>|</span>")
typed_text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.lists(st.sampled_from(['"', "(", ")", "AND", "NOT", "-", "*", "NEAR(", "col:", "+", "^", "bridge", "<b>",
                              "pwned", "clos", " "]), max_size=8).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed_text)
def test_any_typed_text_searches_without_raising_and_shows_only_escaped_text(session, text):
    if not session.db.conn.execute("SELECT 1 FROM sources WHERE title = 'Markup <b>bridge</b>'").fetchone():
        session.push(sources.add_source({"title": "Markup <b>bridge</b>"}, full_text="<b>pwned</b> bridge <img src=x>"))
    model = SearchResultsModel(session.db)
    model.run(text)  # what the popup runs on every pause in typing
    assert model.rowCount() == len(search.search(session.db, text, limit=LIMIT))
    for row in range(model.rowCount()):
        assert isinstance(model.index(row, 0).data(HIT), Hit)
        assert "<" not in OUR_TAGS.sub("", model.index(row, 0).data(HTML))  # no markup but ours


def test_results_model_passes_the_model_tester(session, qtmodeltester):
    model = SearchResultsModel(session.db)
    model.run("bridge")
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_no_project_no_search(window):
    window.set_session(None)
    assert not find_action(window).isEnabled()
    assert open_search(window) is None
