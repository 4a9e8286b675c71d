"""What the browser tests share: one headless Chromium per module (``browser``), a
``streamlit run`` server on the demo (``server``; a module with its own data defines its own),
and where the screenshots are, said in the run's summary (pytest captures what a test prints)."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.helpers import SHOTS, Server
from tests.streamlit_server import ARGS, CHROMIUM


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def writable_workbook(tmp_path):
    """River Valley as a local workbook with writing on, and a server on it: (workbook, server)."""
    from dashboard.sources.local import write_xlsx
    from tests.fixtures import river_valley

    workbook = tmp_path / "rv.xlsx"
    write_xlsx(workbook, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{workbook}"\nwritable = true\n')
    running = Server(config)
    yield workbook, running
    running.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if SHOTS.is_dir() and any(SHOTS.glob("*.png")):
        terminalreporter.write_sep("-", f"browser screenshots for review: {SHOTS}")
