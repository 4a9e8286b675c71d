"""The cyclic garbage collector paused for a parse or a clean, then left as it was."""

from __future__ import annotations

import gc

from dashboard.sources.collector import collector_paused


def test_paused_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error() -> None:
    try:
        with collector_paused():
            raise ValueError("a body that does not parse")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_caller_that_paused_it_finds_it_paused_still() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
