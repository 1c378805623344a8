"""No test asserts how long something takes (issue 14, item 20): a loaded machine failed
`make test` on a 50 ms assertion. Timings belong in the benchmarks (`python -m benchmarks.inputs`,
`sourceline bench`); tests assert behaviour."""
from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parent
CLOCKS = {"perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time", "time_ns", "process_time"}


def _is_clock_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    called = node.func
    name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
    return name in CLOCKS


def timed_assertions(source: str) -> list[int]:
    """The lines of ``assert`` statements that compare a duration: a clock reading minus another,
    or a name holding one (``elapsed = perf_counter() - started``; ``timings.append(...)``)."""
    tree = ast.parse(source)
    readings = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and _is_clock_call(node.value)
                for target in node.targets if isinstance(target, ast.Name)}

    def is_reading(node):
        return _is_clock_call(node) or (isinstance(node, ast.Name) and node.id in readings)

    durations: set[str] = set()  # names of variables holding durations, and of functions returning one

    def holds_duration(node) -> bool:
        return any((isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub) and is_reading(n.left)
                    and is_reading(n.right)) or (isinstance(n, ast.Name) and n.id in durations)
                   for n in ast.walk(node))

    grew = True
    while grew:  # what is assigned, appended or returned from a duration holds one too
        before = len(durations)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(isinstance(n, ast.Return) and n.value is not None
                                                         and holds_duration(n.value) for n in ast.walk(node)):
                durations.add(node.name)
            elif isinstance(node, ast.Assign) and holds_duration(node.value):
                durations.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append"
                  and isinstance(node.func.value, ast.Name) and any(holds_duration(a) for a in node.args)):
                durations.add(node.func.value.id)
        grew = len(durations) > before
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)
            and any(isinstance(n, ast.Compare) and holds_duration(n) for n in ast.walk(node.test))]


def test_the_checker_finds_the_kinds_of_timed_assertion_the_suite_had():
    assert timed_assertions("import time\nstarted = time.perf_counter()\nassert time.perf_counter() - started < 5\n") == [3]
    assert timed_assertions("from time import monotonic\ns = monotonic()\nwork()\nelapsed = monotonic() - s\n"
                            "assert elapsed < 2, elapsed\n") == [5]
    assert timed_assertions("timings = []\nfor _ in range(5):\n    s = time.perf_counter()\n"
                            "    timings.append(time.perf_counter() - s)\nassert min(timings) < 0.05\n") == [5]
    assert timed_assertions("def timed(work):\n    s = time.perf_counter()\n    work()\n"
                            "    return time.perf_counter() - s\nassert min(timed(f) for _ in range(3)) < 0.1\n") == [5]
    # a clock reading used as a date is no timing
    assert timed_assertions("now = time.time()\nx = f(now - 10 * DAY)\nassert x > 20\n") == []


def test_no_test_asserts_a_duration():
    found = [f"{path.relative_to(TESTS)}:{line}" for path in sorted(TESTS.rglob("*.py"))
             for line in timed_assertions(path.read_text(encoding="utf-8"))]
    assert found == []


def test_hypothesis_sets_no_time_limit_on_an_example():
    # its default, 200 ms per example, failed examples on a loaded machine
    assert settings.default.deadline is None
