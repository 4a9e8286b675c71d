"""Waiting in tests without betting on the machine's speed.

A test never asserts on elapsed time and never sleeps a fixed short while hoping something has
happened: it waits for the condition itself, with a ceiling generous enough for a busy machine
(two CPU-bound processes beside the suite). A time window the code under test needs is measured
by a clock the test moves (``ManualClock``), not by the wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

CEILING_SECONDS = 120.0  # far beyond what any condition here takes on an idle machine


def wait_until(
    condition: Callable[[], object], what: str, seconds: float = CEILING_SECONDS
) -> None:
    """Return as soon as ``condition()`` is true; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting after {seconds:.0f} s for {what}"
        time.sleep(0.02)


class ManualClock:
    """A clock that moves only when the test says, for a window the test must control."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
