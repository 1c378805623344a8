"""How `sourceline` finds its command: only that command's module is loaded, a word that is neither
a command nor a project file is refused in one line (never opening the window), and the table of
commands agrees with the modules that implement them."""
import argparse
import importlib
import pkgutil

import pytest

from desktop_app import commands
from desktop_app.cli import main
from desktop_app.commands import COMMANDS


def names_registered_by(module_name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"desktop_app.commands.{module_name}").register(subparsers)
    return set(subparsers.choices)


def test_the_table_lists_exactly_the_commands_each_module_registers():
    modules = {info.name for info in pkgutil.iter_modules(commands.__path__)}
    assert {module for module, _ in COMMANDS.values()} == modules
    for module in modules:
        listed = {name for name, (owner, _) in COMMANDS.items() if owner == module}
        assert names_registered_by(module) == listed, module


@pytest.mark.parametrize("argv, expected", [
    (["serach", "--db", "p.sourceline", "bridge"], "unknown command 'serach' — did you mean 'search' or 'eras'?"),
    (["exprot", "--help"], "unknown command 'exprot' — did you mean 'export'?"),
    (["--db", "p.sourceline", "infoo"], "unknown command 'infoo' — did you mean 'info'?"),
    (["frobnicate"], "unknown command 'frobnicate' (`sourceline --help` lists them)"),
])
def test_a_mistyped_command_is_refused_in_one_line(argv, expected, capsys, monkeypatch):
    def no_window(*args, **kwargs):
        raise AssertionError("the window must not open for a mistyped command")

    monkeypatch.setattr("desktop_app.app.run_gui", no_window)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"sourceline: {expected}\n" and captured.out == ""


def test_a_missing_project_file_given_alone_is_refused(tmp_path, capsys):
    missing = tmp_path / "nowhere.sourceline"
    assert main([str(missing)]) == 2
    assert capsys.readouterr().err == f"sourceline: no such project file: {missing} (`sourceline new PATH` creates one)\n"


def test_a_project_file_given_alone_opens_the_window(project, monkeypatch):
    opened = []
    monkeypatch.setattr("desktop_app.app.run_gui", lambda path, **kwargs: opened.append(path) or 0)
    assert main([str(project)]) == 0
    assert opened == [str(project)]


def test_a_command_after_the_project_option_runs(project, capsys):
    assert main(["--db", str(project), "info", "--db", str(project)]) == 0
    assert "events" in capsys.readouterr().out
