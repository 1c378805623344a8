"""Linux desktop integration: the .desktop entry, AppStream metainfo and MIME type validate, agree
with each other, and install for one user into a folder of our choosing."""
import os
import shutil
import subprocess
from configparser import ConfigParser
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.sourceline.Sourceline"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-sourceline-project"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def desktop_entry() -> dict:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_validates():
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_validates_offline():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_three_files_agree():
    entry = desktop_entry()
    assert entry["Exec"] == "sourceline %f"  # a file opened from the file manager is passed on
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    meta = etree.parse(str(METAINFO)).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("provides/mediatype") == MIME_TYPE
    assert meta.findtext("provides/binary") == "sourceline"
    mime = etree.parse(str(MIME)).getroot()
    kind = mime.find("m:mime-type", MIME_NS)
    assert kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.findall("m:glob", MIME_NS)] == ["*.sourceline"]
    # the suffix the File menu writes
    from desktop_app.main_window.project_files import SUFFIX

    assert SUFFIX == ".sourceline"


def test_icons_exist_in_every_size(qapp):
    from PySide6.QtGui import QIcon, QImage

    from desktop_app.help.app_icon import application_icon

    svg = ROOT / "resources" / "icons" / "sourceline.svg"
    etree.parse(str(svg))  # well-formed
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ROOT / "resources" / "icons" / "png" / f"sourceline-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    icon = application_icon()
    assert isinstance(icon, QIcon) and not icon.pixmap(48, 48).isNull()


def test_the_icon_renderer_draws_the_svg(tmp_path, monkeypatch, qapp):
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    monkeypatch.setattr(render_icons, "png_path", lambda size: tmp_path / f"{size}.png")
    written = render_icons.render(sizes=(32,))
    assert written == [tmp_path / "32.png"]
    from PySide6.QtGui import QImage

    assert QImage(str(written[0])).size().width() == 32


def install(prefix: Path, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PREFIX": str(prefix), **env}
    return subprocess.run([str(LINUX / "install.sh")], capture_output=True, text=True, env=environment, timeout=60)


def test_install_desktop_for_one_user(tmp_path):
    program = tmp_path / "program" / "sourceline"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    prefix = tmp_path / "local"
    result = install(prefix, SOURCELINE_PROGRAM=str(program))
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    assert (prefix / "bin" / "sourceline").resolve() == program
    installed = (share / "applications" / DESKTOP.name).read_text()
    assert f"Exec={prefix}/bin/sourceline %f" in installed.splitlines()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").read_bytes() == MIME.read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 48, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.sourceline" in (share / "mime" / "globs2").read_text()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(share / "applications" / DESKTOP.name)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


def test_installed_file_type_is_recognised_and_opens_with_sourceline(tmp_path, project):
    gio = tool("gio")
    # GLib finds the default application through the caches these two tools write
    tool("update-mime-database")
    tool("update-desktop-database")
    prefix = tmp_path / "local"
    assert install(prefix, SOURCELINE_PROGRAM="/bin/true").returncode == 0
    env = {**os.environ, "XDG_DATA_HOME": str(prefix / "share")}
    info = subprocess.run([gio, "info", "-a", "standard::content-type", str(project)], capture_output=True,
                          text=True, env=env)
    assert f"standard::content-type: {MIME_TYPE}" in info.stdout
    default = subprocess.run([gio, "mime", MIME_TYPE], capture_output=True, text=True, env=env)
    assert f"Default application for “{MIME_TYPE}”: {DESKTOP.name}" in default.stdout


def test_install_without_a_program_says_what_to_do(tmp_path):
    fake_root = tmp_path / "checkout"
    (fake_root / "packaging").mkdir(parents=True)
    shutil.copytree(LINUX, fake_root / "packaging" / "linux")
    result = subprocess.run([str(fake_root / "packaging" / "linux" / "install.sh")], capture_output=True, text=True,
                            env={**os.environ, "PREFIX": str(tmp_path / "local")})
    assert result.returncode == 1
    assert "make package" in result.stderr


def test_a_prefix_with_spaces_is_quoted_in_the_menu_entry(tmp_path):
    prefix = tmp_path / "My Apps"
    assert install(prefix, SOURCELINE_PROGRAM="/bin/true").returncode == 0
    installed = prefix / "share" / "applications" / DESKTOP.name
    assert f'Exec="{prefix}/bin/sourceline" %f' in installed.read_text().splitlines()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


def test_a_prefix_the_entry_could_not_hold_is_refused_before_anything_is_written(tmp_path):
    prefix = tmp_path / "cost$HOME"
    result = install(prefix, SOURCELINE_PROGRAM="/bin/true")
    assert result.returncode == 1 and "PREFIX may not contain" in result.stderr
    assert not prefix.exists()
