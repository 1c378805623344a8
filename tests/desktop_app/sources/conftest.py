from pathlib import Path

import pytest

from desktop_app.importing import plan_import

DATA = Path(__file__).resolve().parents[2] / "data" / "import"
LIBRARY_FILES = ("accents.bib", "repeated.ris", "items.json", "meta.html", "frontmatter.md")


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def library(window):
    """The Sources page of the window on the small project, with 11 more sources imported from
    tests/data/import (12 in all: the small project has one, cited by two events)."""
    plan = plan_import([DATA / name for name in LIBRARY_FILES], window.session.db)
    window.session.push(plan.apply())
    window.session.undo_stack.clear()
    return window.show_page("Sources")


@pytest.fixture
def source_id():
    """source_id(db, title) -> the id of the source with that title."""
    def find(db, title):
        row = db.conn.execute("SELECT id FROM sources WHERE title = ?", (title,)).fetchone()
        assert row is not None, title
        return row[0]
    return find
