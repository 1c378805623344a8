"""Who did what, in the window: the editor's byline, the highlights, Preferences, the first-run prompt."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import annotations, sources
from db.authorship import Author
from db.events import update_event
from desktop_app.authors import identity
from desktop_app.events.editor import EventEditor
from desktop_app.reader.annotation_list import AUTHOR
from desktop_app.teamwork.preferences import PreferencesDialog


def _bridge(session):
    return session.db.conn.execute("SELECT id FROM events WHERE title = 'Bridge closed to traffic'").fetchone()[0]


def test_the_editor_says_who_changed_the_event_last(qtbot, session):
    editor = EventEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    event_id = _bridge(session)
    editor.show_event(event_id)
    # the small project was built without an author: nobody is named
    assert editor.byline.text().startswith("Added on ") and " by " not in editor.byline.text()
    session.set_author(Author("5d0c1f7e-0000-4000-8000-000000000001", "Ben Okafor"))
    session.push(update_event(event_id, description="Closed for repairs."))
    assert "changed by Ben Okafor" in editor.byline.text()
    session.undo_stack.undo()
    assert "Ben Okafor" not in editor.byline.text()


def test_a_highlight_names_who_made_it(session, qapp):
    session.set_author(Author("5d0c1f7e-0000-4000-8000-000000000002", "Chen Wei"))
    source_id = session.push(sources.add_source({"title": "A report"}, full_text="The bridge was closed on Friday."))
    session.push(annotations.add_annotation(source_id, 4, 10))
    from desktop_app.reader.annotation_list import AnnotationListModel

    model = AnnotationListModel()
    model.set_annotations(annotations.source_annotations(session.db, source_id))
    assert model.index(0, 0).data(AUTHOR) == "Chen Wei"
    assert "Highlighted by Chen Wei" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_preferences_rename_the_user_and_sign_the_next_edits(qtbot, window):
    session = window.session
    first, confirmed = identity.saved()
    assert not confirmed and window.author_prompt.isVisible()
    assert first.name in window.author_prompt.text()
    window.author_prompt.click()
    dialog = QApplication.activeModalWidget() or window.findChild(PreferencesDialog)
    assert isinstance(dialog, PreferencesDialog)
    dialog.name.setText("Ana Ruiz")
    dialog.accept()
    assert identity.saved() == (Author(first.id, "Ana Ruiz"), True)
    assert session.author == Author(first.id, "Ana Ruiz")
    assert not window.author_prompt.isVisible()
    event_id = _bridge(session)
    session.push(update_event(event_id, title="Bridge shut"))
    by = session.db.conn.execute("SELECT a.name FROM events e JOIN authors a ON a.id = e.modified_by WHERE e.id = ?",
                                 (event_id,)).fetchone()[0]
    assert by == "Ana Ruiz"


def test_an_empty_name_is_refused_and_nothing_is_saved(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    before = identity.saved()
    dialog.name.setText("   ")
    dialog.accept()
    assert said == ["An author needs a name."] and dialog.result() == 0 and identity.saved() == before
