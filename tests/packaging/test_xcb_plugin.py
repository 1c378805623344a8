"""`make run` under a real X server needs Qt's xcb platform plugin to load, which needs every
library it links to (issue 14, item 19: libxcb-icccm4 and libxcb-keysyms1 were missing, and Qt's
message blamed libxcb-cursor0). The tests run offscreen, so only `ldd` on the installed plugin
notices a missing one: it names each, with the Debian package `.ci/run` and the README install."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def xcb_plugin() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt's xcb plugin (X11) is for Linux; this system has its own platform plugin")
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip(f"this PySide6 has no xcb plugin ({plugin})")
    if shutil.which("ldd") is None:
        pytest.skip("no ldd to list the plugin's libraries")
    return plugin


def ci_packages() -> set[str]:
    script = "\n".join(line.split("#")[0] for line in (ROOT / ".ci" / "run").read_text().splitlines())
    return set(re.search(r"QT_LIBS=\((.*?)\)", script, re.DOTALL).group(1).split())


def test_every_library_of_the_xcb_plugin_is_installed():
    linked = subprocess.run(["ldd", str(xcb_plugin())], capture_output=True, text=True, check=True).stdout
    missing = sorted({line.split()[0] for line in linked.splitlines() if "not found" in line})
    assert missing == [], f"Qt's xcb plugin cannot load without {', '.join(missing)} (see .ci/run, QT_LIBS)"


def test_ci_and_the_readme_install_every_package_the_plugin_links_to():
    plugin = xcb_plugin()
    if shutil.which("dpkg") is None:
        pytest.skip("not a Debian system: the package names are Debian's")
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    libraries = {Path(match).name for match in re.findall(r"=> (/\S+)", linked)
                 if re.match(r"lib(xcb|X11-xcb|xkbcommon)", Path(match).name)}
    owners = subprocess.run(["dpkg", "-S", *sorted(libraries)], capture_output=True, text=True).stdout
    packages = {line.split(":")[0] for line in owners.splitlines()}
    assert packages and packages <= ci_packages(), f"missing from .ci/run: {sorted(packages - ci_packages())}"
    readme = (ROOT / "README.md").read_text()
    assert all(package in readme for package in packages), sorted(p for p in packages if p not in readme)
