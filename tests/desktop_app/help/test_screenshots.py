"""`sourceline screenshots` drives the real window headless and saves readable pictures, without
touching the project it photographs or the user's settings."""
import hashlib

import pytest
from PySide6.QtGui import QImage

from desktop_app.cli import main
from desktop_app.help.screenshots import WINDOW_SIZE, high_contrast_palette

SHOTS = ("welcome", "main-window", "library", "reader", "shortcuts")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def distinct_colours(image: QImage, step: int = 16) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_screenshots_of_a_small_project(project, tmp_path, capsys, qapp):
    before = digest(project)
    out = tmp_path / "shots"
    argv = ["screenshots", "--out", str(out), "--project", str(project)]
    for name in SHOTS:
        argv += ["--only", name]
    assert main(argv) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / f"{name}.png") for name in SHOTS]
    for name in SHOTS:
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull(), name
        assert distinct_colours(image) > 8, f"{name}.png is blank"
    window = QImage(str(out / "main-window.png"))
    ratio = window.devicePixelRatio() or 1
    assert (window.width(), window.height()) == tuple(int(n * ratio) for n in WINDOW_SIZE)
    assert digest(project) == before  # photographed a copy


def test_an_unknown_picture_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["screenshots", "--out", str(tmp_path), "--only", "holiday-snaps"])
    assert "invalid choice" in capsys.readouterr().err


def test_high_contrast_palette_keeps_disabled_text_apart():
    from PySide6.QtGui import QPalette

    palette = high_contrast_palette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    assert palette.color(role.Window).lightness() == 0 and palette.color(role.WindowText).lightness() == 255
    assert palette.color(group.Disabled, role.Text) != palette.color(group.Active, role.Text)
