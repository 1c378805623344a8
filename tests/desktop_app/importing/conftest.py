from pathlib import Path

import pytest

from db.sources import get_source
from db.store import create_project


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
def project_path(tmp_path) -> Path:
    path = tmp_path / "project.sourceline"
    create_project(path).close()
    return path


@pytest.fixture
def project(project_path):
    from db.store import open_project

    db = open_project(project_path)
    yield db
    db.close()


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
