"""The window with no project open, user data in tmp_path (backups, logs, the sample's copy)."""
import platformdirs
import pytest


@pytest.fixture(autouse=True)
def user_data(data_dir, monkeypatch):
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: data_dir)
    return data_dir


@pytest.fixture
def empty_window(show_window):
    return show_window(None)
