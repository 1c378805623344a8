from pathlib import Path

import pytest

from db.sources import get_source


@pytest.fixture
def data() -> Path:
    """The import test files (tests/data/import)."""
    return Path(__file__).resolve().parents[2] / "data" / "import"


@pytest.fixture
def corpus() -> Path:
    """Real-world bibliography files beside the repository, when present."""
    path = Path(__file__).resolve().parents[4] / "shared" / "corpus"
    if not path.is_dir():
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture
def project(empty_db):
    """The empty project, open (the tests here call it ``project``)."""
    return empty_db


@pytest.fixture
def rows():
    """rows(db, table) -> the number of rows in a table."""
    return lambda db, table="sources": db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def titled():
    """titled(db, title) -> the stored source (get_source) with that title."""
    def find(db, title):
        row = db.conn.execute("SELECT id FROM sources WHERE title = ?", (title,)).fetchone()
        assert row is not None, f"no source titled {title!r}"
        return get_source(db, row[0])
    return find
