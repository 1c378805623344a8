import pytest

from db.store import create_project


@pytest.fixture
def db(tmp_path):
    """A fresh project file on disk."""
    database = create_project(tmp_path / "project.sourceline")
    yield database
    database.close()
