"""The window with no project open, user data in tmp_path (backups, logs, the sample's copy)."""
import platformdirs
import pytest


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    folder = tmp_path / "user-data"
    monkeypatch.setenv("SOURCELINE_DATA_DIR", str(folder))
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: folder)
    return folder


@pytest.fixture
def empty_window(qtbot, settings):
    from desktop_app.main_window.window import MainWindow

    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.set_session(None)
