"""Imports flow one way: desktop_app -> db. The data layer and the Qt-free parts of the app never
import Qt, so they run (and are tested) without a display. The gates `make test` runs first (ruff,
import-linter) run here too, so that a bare pytest run meets them."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _gate(*command: str) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).with_name(command[0])
    return subprocess.run([str(tool), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_the_import_contracts_hold():
    """pyproject.toml's [tool.importlinter] contracts: db never imports the application; db and
    every Qt-free module (screen packages' included) never import Qt, directly or through another
    module; no screen reaches into the window or another screen's page or editor."""
    result = _gate("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    """Undefined names, unused imports and variables, bare and blind excepts ([tool.ruff])."""
    result = _gate("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


SQL = re.compile(r"(INSERT|REPLACE) INTO|UPDATE [a-z_]+ SET|DELETE FROM|SELECT |PRAGMA [a-z_]+ *[=(]|\.execute\(")


def test_every_sql_statement_lives_in_db():
    """Reads and writes alike, bulk paths included: adding a column then touches db/ alone."""
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in sorted((ROOT / "desktop_app").rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SQL.search(line)]
    assert offenders == []
