"""What every fuzz test of an importer shares: the budget, a time limit, file mutations.

``FUZZ_EXAMPLES`` sets how many examples each fuzz test tries (default 100, what `make test`
runs); ``FUZZ_EXAMPLES=5000 make test`` fuzzes for longer.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
# An import of a small file still running after this is a hang: a guard that ends the test, far
# above what any import of these files takes even on a loaded machine, not a speed test.
TIME_LIMIT_S = 60.0

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: float = TIME_LIMIT_S):
    """Raise Hang in the block after ``seconds`` (POSIX; elsewhere the block runs unlimited)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Bytes that mean something to some format: braces, quotes, tags, markup, separators, line ends.
STRUCTURAL = [b"{", b"}", b"[", b"]", b'"', b"\\", b"@", b"#", b"%", b",", b"=", b";", b"\t", b"\n", b"\r\n",
              b"TY  - ", b"ER  - ", b"AU  - ", b"DA  - ", b"<", b">", b"</p>", b"<script>", b"---\n", b"> ",
              b"- ", b"&", b"&#0;", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\\\\", b"$", b"~", "\u202e".encode()]


@st.composite
def mutated(draw, samples: list[bytes]) -> bytes:
    """A sample file with a few edits: cut short, a slice deleted or repeated, bytes inserted."""
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["truncate", "delete", "insert", "repeat", "flip"]))
        if kind == "truncate":
            del data[at:]
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(STRUCTURAL), st.binary(max_size=20)))
        elif kind == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 300))]) * draw(st.integers(2, 50))
        elif data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)
