"""The reading assistant on a real project: the small test project plus people and places, and a
news report that names them (one misspelt) and dates things relative to its Friday publication."""
from __future__ import annotations

import pytest

from db import entities, sources

PUBLISHED = "2024-11-22"  # a Friday
PARAGRAPH_1 = ("BERLIN (Wire) - German Chancellor Olaf Scholz said on Friday that he would not send Taurus "
               "missiles to Ukraine.")
PARAGRAPH_2 = ("Russia fired an experimental missile at Dnipro on Thursday, Putin said. "
               "The war began on 24 February 2022.")
PARAGRAPH_3 = "Ukraine's president spoke to Scholtz by phone last week, officials said."
TEXT = f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{PARAGRAPH_3}"
THURSDAY_SENTENCE = "Russia fired an experimental missile at Dnipro on Thursday, Putin said."


@pytest.fixture
def people(session):
    """Entity ids by name: Olaf Scholz (alias Scholz), Vladimir Putin (alias Putin), Dnipro."""
    made = {}
    for name, kind, aliases in (("Olaf Scholz", "person", ("Scholz",)), ("Vladimir Putin", "person", ("Putin",)),
                                ("Dnipro", "place", ())):
        made[name] = session.push(entities.add_entity(name, kind, aliases))
    return made


@pytest.fixture
def source_id(session, people):
    return session.push(sources.add_source({"title": "Scholz rules out Taurus", "container-title": "Wire"},
                                           PUBLISHED, full_text=TEXT))


@pytest.fixture
def reader(window, source_id):
    window.source_requested.emit(source_id, None)
    page = window.page("Reader")
    assert window.tabs.currentWidget() is page and page.source_id == source_id
    return page


@pytest.fixture
def assistant(reader):
    return reader.assistant


def counts(session) -> dict[str, int]:
    return {table: session.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("events", "annotations", "citations", "event_entities", "entities", "entity_aliases")}


def underlines(view) -> dict[str, str]:
    """The underlined passages of the text view: text -> kind (date, name, suggestion)."""
    from desktop_app.reader_assistant import marks

    styles = {fmt.underlineStyle(): kind for kind, fmt in marks.formats(view.palette()).items()}
    return {mark.cursor.selectedText(): styles[mark.format.underlineStyle()] for mark in view.extraSelections()
            if mark.format.underlineStyle() in styles}
