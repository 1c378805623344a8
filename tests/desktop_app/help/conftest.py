import pytest


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    """Backups and logs of the window go to tmp_path, never the user's folder."""
    monkeypatch.setenv("SOURCELINE_DATA_DIR", str(tmp_path / "user-data"))
    return tmp_path / "user-data"
