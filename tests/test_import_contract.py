"""Imports flow one way: desktop_app -> db. The data layer and the Qt-free parts of the app never
import Qt, so they run (and are tested) without a display."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ["db", "desktop_app/dates", "desktop_app/extract", "desktop_app/formats", "desktop_app/importing",
           "desktop_app/exporting", "desktop_app/datasets"]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_qt_free_packages_do_not_import_qt():
    offenders = []
    for folder in QT_FREE:
        for path in (ROOT / folder).rglob("*.py"):
            if any(m.split(".")[0] in QT_MODULES for m in imported_modules(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_db_never_imports_the_application():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "db").rglob("*.py")
                 if any(m.split(".")[0] == "desktop_app" for m in imported_modules(p))]
    assert offenders == []


SQL = re.compile(r"(INSERT|REPLACE) INTO|UPDATE [a-z_]+ SET|DELETE FROM|SELECT ")


def test_every_sql_statement_lives_in_db():
    """Reads and writes alike, bulk paths included: adding a column then touches db/ alone."""
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in sorted((ROOT / "desktop_app").rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SQL.search(line)]
    assert offenders == []
