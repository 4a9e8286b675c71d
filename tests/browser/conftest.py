"""The browser tests' screenshots: where they are, said in the run's summary (pytest captures
what a test prints)."""

from __future__ import annotations

from tests.browser.test_browser import SHOTS


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 - pytest's hook
    if SHOTS.is_dir() and any(SHOTS.glob("*.png")):
        terminalreporter.write_sep("-", f"browser screenshots for review: {SHOTS}")
